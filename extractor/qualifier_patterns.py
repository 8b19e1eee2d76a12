"""The qualifiers of the number grammar as patterns: the words printed before a number
(`约`, `不少于`) and after its unit (`左右`, `以内`), each only where it qualifies.

A qualifier never ends another word before the number (the 约 of `签约30家企业`, not of
`折合约15万元`), some
only qualify numbers in words (the 快 of `快一年`, not of `快1.2个百分点`), and one after
the unit never opens another word (the 内 of `16项内容`, of `一张内畅外联的交通网络`).

>>> import re
>>> [m.group() for m in re.finditer(BEFORE, "签约30家，约30家，折合约30万元")]
['约', '约']
>>> re.match(AFTER, "内容") is None, re.match(AFTER, "内办结").group()
(True, '内')
"""

from __future__ import annotations

import re

from extractor.alternation import alternation
from extractor.number_words import (
    NOT_AFTER,
    NOT_BEFORE,
    NOT_PAIRED,
    ONLY_BEFORE,
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    STILL_AFTER,
)


def _qualifier_before(word: str) -> str:
    """A qualifier printed before the number, never the end of another word (签约) and,
    for some, only before the numerals it qualifies (快一年); looked behind after the word."""
    pattern = re.escape(word)
    if word in NOT_AFTER:
        pattern += f"(?<![{NOT_AFTER[word]}]{re.escape(word)})"
        pattern = "|".join(
            (*(f"(?<={w}){re.escape(word)}" for w in STILL_AFTER.get(word, ())), pattern)
        )
        pattern = f"(?:{pattern})"
    if word in ONLY_BEFORE:
        pattern += f"(?=[{ONLY_BEFORE[word]}])"
    return pattern


def _qualifier_after(word: str) -> str:
    """A qualifier printed after the unit, never the start of another word (内容) or of
    a pair of four characters (内畅外联); looked ahead after the word."""
    pattern = re.escape(word)
    if word in NOT_BEFORE:
        pattern += f"(?![{NOT_BEFORE[word]}])"
    if word in NOT_PAIRED:
        pattern += f"(?!.{NOT_PAIRED[word]})"
    return pattern


#: The words before a number, 上 aside, the longest first.
WORDS_BEFORE = sorted((w for w in QUALIFIER_BEFORE if w != "上"), key=len, reverse=True)
#: A qualifier before the number. 上 is one only before a bare magnitude (`上百名`, not
#: `成百上千`); plain words: a trie.
BEFORE = "|".join(
    (
        alternation([w for w in WORDS_BEFORE if w not in NOT_AFTER and w not in ONLY_BEFORE]),
        *(_qualifier_before(w) for w in WORDS_BEFORE if w in NOT_AFTER or w in ONLY_BEFORE),
        "上(?<!成百上)(?<!成千上)(?=[百千万亿])",
    )
)
#: A qualifier after the unit, the longest first.
AFTER = "|".join(_qualifier_after(w) for w in sorted(QUALIFIER_AFTER, key=len, reverse=True))
