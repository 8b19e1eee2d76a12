"""A unit printed with its second name in brackets, as one unit: `市文化局（体育局）`,
`地区文化局(体育局)`, `县委宣传部（网信办）`. The genre prints a bureau that is two
bureaus so, before the title of its official (`市文化局（体育局）副局长次仁多吉介绍`,
`市文化局（体育局）工作人员介绍`); the brackets are no break in the reference.
"""

from __future__ import annotations

import re

_CN = "\u4e00-\u9fff"
# A second name in brackets, right after the words of the first: `（体育局）`, `(市体育局)`.
_ALIAS = re.compile(rf"(?<=[{_CN}])[（(]([{_CN}]{{2,10}})[）)]$")


def alias_at_end(words: str, unit: re.Pattern[str]) -> int | None:
    """Where the bracketed second name that ends `words` opens, when both it and the
    words before it are units (each ends as `unit` says a unit ends); else None.

    >>> import re
    >>> alias_at_end("市文化局（体育局）", re.compile("局$"))
    4
    >>> alias_at_end("扎西（左一）", re.compile("局$")) is None
    True
    """
    alias = _ALIAS.search(words)
    if alias is None or not unit.search(alias[1]) or not unit.search(words[: alias.start()]):
        return None
    return alias.start()


def without_alias(words: str, unit: re.Pattern[str]) -> str:
    """The unit without its bracketed second name: `市文化局（体育局）` → `市文化局`;
    other words as they are."""
    at = alias_at_end(words, unit)
    return words if at is None else words[:at]
