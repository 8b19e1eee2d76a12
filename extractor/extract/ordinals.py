"""The ordinals events and programmes are counted by: the edition of an event in its
series (`第八届`, `首届`) and the round of a programme (`第二批`, `第三期`).

Several readers look for them (the number a name may leave out, the round printed
before a name in marks, the year or number a name opens with); each is spelled
here once, as a pattern to build their regular expressions from.

>>> import re
>>> [m.group() for m in re.finditer(EDITION, "第十一届“书香拉萨”、首届彩林节、2024届毕业生")]
['第十一届', '首届']
>>> re.findall(rf"{ROUND_NUMBER}[轮批期]", "第六轮“冬游西藏”、第二批、第百期")
['第六轮', '第二批']
"""

from __future__ import annotations

# The numeral of an edition: `第十二届`, `第100届`.
_EDITION_NUMERAL = r"[一二三四五六七八九十百\d]"
# An edition by its number: `第八届`.
NUMBERED_EDITION = rf"第{_EDITION_NUMERAL}{{1,4}}届"
# An edition by its number or the first: `第八届`, `首届` (one group, to quantify or anchor).
EDITION = rf"(?:{NUMBERED_EDITION}|首届)"
# The ordinal of a round, a batch or an issue, before its word: `第六`(轮), `第二`(批).
ROUND_NUMBER = r"第[一二三四五六七八九十\d]{1,3}"
