"""Counts the checker reads only where they stand: generations of people and a team's
record.

`代` after a numeral counts generations only before 人 (`一家三代人`, `这一代人`), and
never after 第 (`第三代传人` is an ordinal); elsewhere it is no unit (`四代同堂`,
`二代日光温室`). `战`, `胜`, `平` and `负` count games only in a record
(`以7战6胜1平`, `3胜1负`): the games played, then won, drawn and lost, one after
another; alone they are no unit (`七通一平`, `以2比1战胜对手`). On the seeds and
development pages, 6 numerals before 代人 (1 listed, optional) and 1 record (3
parts, each listed optional): the rules give none, the checker reads them as printed.

Batches counted by 个 are read as printed, `分10个批次` → 10 `个批次` (a measure word with 个
keeps it, as `个疗程`); the rules read `N个` (2 printings on dev: 1 listed each way).

A qualifier printed after another name of the unit in brackets qualifies the raw
before them (`把牲畜控制在260只（头）以内`: 260只, at most; 1 on dev, required).

>>> count_where_printed("一家三代人在家门口", Span(start=2, end=4))
Quantity(value=3, value_max=None, unit='代', approx='exact')
>>> count_where_printed("以7战6胜1平、不失一球", Span(start=5, end=7))
Quantity(value=1, value_max=None, unit='平', approx='exact')
>>> count_where_printed("园区“七通一平”", Span(start=5, end=7)) is None
True
>>> reading_where_printed("控制在260只（头）以内", "260只", Span(start=3, end=7)).approx
'less'
>>> reading_where_printed("分10个批次、每批次2天", "10个批次", None)
Quantity(value=10, value_max=None, unit='个批次', approx='exact')
"""

from __future__ import annotations

import re

from extractor.models import Span
from extractor.number_words import QUALIFIER_AFTER
from extractor.numbers import CN_NUMERALS, Quantity, fold, parse_quantity, read_number
from extractor.qualifier_patterns import AFTER

_NUMERAL = rf"(?:\d+|[{CN_NUMERALS}]+)"
_GENERATIONS = re.compile(rf"(?<![第\d{CN_NUMERALS}])(?P<n>{_NUMERAL})代(?=人)")
# Played and won (then drawn, lost), or won and lost (a draw between).
_RECORD = re.compile(
    rf"(?<![\d{CN_NUMERALS}])(?:{_NUMERAL}战{_NUMERAL}胜(?:{_NUMERAL}平)?(?:{_NUMERAL}负)?"
    rf"|{_NUMERAL}胜(?:{_NUMERAL}平)?{_NUMERAL}负)(?![\d{CN_NUMERALS}])"
)
_PART = re.compile(rf"(?P<n>{_NUMERAL})(?P<unit>[战胜平负])")
# How far before a raw a record may start: four parts of a few characters.
_REACH = 24
# Another name of the unit in brackets, then a qualifier: `（头）以内`.
_PAST_BRACKET = re.compile(rf"[（(][^（()）\d{CN_NUMERALS}]{{1,3}}[）)](?P<post>{AFTER})")


def reading_where_printed(text: str, raw: str, span: Span | None) -> Quantity | None:
    """The reading of `raw` printed at `span`: as the number grammar reads it, qualified
    by a qualifier past a bracketed unit; else a count read where it stands."""
    reading = parse_quantity(raw) or _counted_batches(raw)
    if reading is None:
        return count_where_printed(text, span)
    if span is None or reading.approx != "exact" or text[span.end : span.end + 1] not in "（(":
        return reading  # no bracket after it
    past = _PAST_BRACKET.match(text, span.end)
    if past is None:
        return reading
    return Quantity(reading.value, reading.value_max, reading.unit, QUALIFIER_AFTER[past["post"]])


def count_where_printed(text: str, span: Span | None) -> Quantity | None:
    """The reading of the raw printed at `span` as a count of generations or one part
    of a team's record, or None where it is neither (or the raw is not in the body)."""
    if span is None:
        return None
    start, end = span.start, span.end
    folded = fold(text)
    for m in _GENERATIONS.finditer(folded, max(0, start - 1), end + 1):
        if (m.start(), m.end()) == (start, end):
            return _count(m["n"], "代")
    for record in _RECORD.finditer(folded, max(0, start - _REACH), min(len(text), end + _REACH)):
        if record.start() <= start and end <= record.end():
            for part in _PART.finditer(folded, record.start(), record.end()):
                if (part.start(), part.end()) == (start, end):
                    return _count(part["n"], part["unit"])
    return None


def _count(numeral: str, unit: str) -> Quantity | None:
    value = read_number(numeral)
    return None if value is None else Quantity(value, None, unit, "exact")


def _counted_batches(raw: str) -> Quantity | None:
    """`10个批次` read whole: the count of `10个`, in the unit `个批次`."""
    if not raw.endswith("个批次"):
        return None
    reading = parse_quantity(raw[:-2])
    if reading is None or reading.unit != "个":
        return None
    return Quantity(reading.value, reading.value_max, "个批次", reading.approx)
