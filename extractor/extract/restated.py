"""A count an article states as what a place has, and then prints again of those things.

`全县建成标准化挤奶点126个，…对全县126个挤奶点和9家加工企业开展抽检`: the
first printing closes its clause after a verb of holding (`建成`, `现有`, `共有`,
`达到`…) with what it counts before it; a later printing of the same number that
counts one of those words (`挤奶点`), or whose words before it are the first's
(`全村共有农户56户` / `全村56户实现了户户有分红`), is the same count. A count that
grows to a number it then closes on (`参赛队伍从首届的9支增加到今年的24支。`)
restates the number printed before it (`24支代表队`); a target does not
(`力争明年集聚区增加到8个、`).

>>> text = "全县现有合作社67家，加工厂与全县67家合作社签订了协议。"
>>> from extractor.numbers import find_quantities
>>> first, again = (printing(text, m, "") for m in find_quantities(text))
>>> restated(first, again._replace(noun="合作"))
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extractor.numbers import QuantityMatch
from extractor.stops import last_of

# What a place has, built or grew to: the verbs of a holding.
_HOLDING = re.compile(r"建成|现有|共有|组建|已有|拥有|达到|发展到|增加到|增至")
# What grew from a number to the one it closes on (not a target: `力争明年…增加到8个`).
_GROWN = re.compile(r"从.*(?:增加到|增至|发展到)[^从]*$")
_CLAUSE_ENDS = "，。；！？,;\n：:"
_CLOSING = set("，。；！？,;\n、”")


class Printing(NamedTuple):
    """One printing of a number: its label, the noun and words it counts (see
    `counted.counted_noun`, `counted.counted_words`), the clause before it, and whether
    it closes its clause."""

    label: str
    noun: str
    words: str
    clause: str
    closes: bool


def printing(
    text: str, match: QuantityMatch, label: str, noun: str = "", words: str = ""
) -> Printing:
    """A printing of `match` in `text`: `建成挤奶点126个，` → clause `建成挤奶点`, closing."""
    clause = text[last_of(text, _CLAUSE_ENDS, match.start) + 1 : match.start]
    after = text[match.end : match.end + 1]
    return Printing(label, noun, words, clause, not after or after in _CLOSING)


def restated(first: Printing, again: Printing) -> bool:
    """Does `again`, printed after `first` with the same value and unit, count the same
    things: what the first's holding names (`现有合作社67家` / `67家合作社`), the same
    place's (`全村共有农户56户` / `全村56户`), or the number a count grew from another
    to (`24支代表队` / `从首届的9支增加到今年的24支。`)?"""
    if first.closes and not first.noun and _HOLDING.search(first.clause):
        if len(again.noun) == 2 and again.noun in first.clause:
            return True
        if len(again.label) >= 2 and again.label in first.label:
            return True
    return bool(first.noun and again.closes and _GROWN.search(again.clause))
