"""Is a metric's raw printed whole where it occurs?

`30亿元` occurs in `130亿元`, `4000人次` in `约4000人次`, `少于5000人` in
`不少于5000人`, `1.5万余人` in `1.5万余人次`: each occurs, and reads, but is
not what the article says. A weekday's numeral is no digit of the number after it
(`两天` of `每周二、周五两天`: `weekdays.py`). The text's quantities are read once, by the number
grammar (`numbers.py`), and each occurrence of a raw is compared with the
quantity printed there.

>>> PrintedQuantities("参训人员不少于5000人").cut("少于5000人", Span(start=5, end=11))
'raw "少于5000人" starts inside "不少于", the words that qualify its number: the article prints "不少于5000人"'
"""

from __future__ import annotations

import bisect
import re

from extractor.models import Span
from extractor.numbers import CN_DIGITS, CN_NUMERALS, DIGITS, QuantityMatch, find_quantities
from extractor.weekdays import closes_weekday

# A raw that opens with a numeral must not follow a digit or numeral it was cut from.
_NUMERAL_START = set(DIGITS + CN_NUMERALS)
_NUMBER_INSIDE = set(DIGITS + ".．" + CN_NUMERALS)
# A point is a decimal point after a digit (`1.5`), and a full stop after a word, as
# pages that print half-width stops have it (`…巡河路.零下15摄氏度的清晨`).
_POINTS = set(".．")
_DIGIT_INSIDE = _NUMBER_INSIDE - _POINTS
_BEFORE_POINT = set(CN_DIGITS + "十")
_LONGER_NUMBER = "is cut from a longer number"
# A Chinese numeral opening right after Arabic digits is a number of its own, the digits
# ending a code or a count before it (`分U11、U13、U15三个年龄组`): no number is printed in
# both scripts at once, though a magnitude follows digits (`5千万`) and zero opens none.
_OWN_NUMBER_START = set("一二两三四五六七八九十")
# The day a span of days ends on, printed after its month and first day
# (`12月5日至7日`): a date, not the days a record counts (`7日内`).
_DATE_SPAN = re.compile(r"\d{1,2}月\d{1,2}日?(?:至|到|[-—～~])$")


def _is_numeral(ch: str, numerals: set[str]) -> bool:
    """Is `ch` one of `numerals`, or a decimal digit of any script (`١`, `𝟒`)?"""
    return ch != "" and (ch in numerals or ch.isdecimal())


class PrintedQuantities:
    """The quantities one text prints, read on the first question."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: list[QuantityMatch] | None = None
        self._ends: list[int] = []

    def around(self, span: Span) -> QuantityMatch | None:
        """The quantity printed over `span`, as the number grammar reads it: the first
        that ends after the span starts, if it starts before the span ends (the grammar's
        quantities follow one another without overlapping, so their ends rise)."""
        if self._found is None:
            self._found = find_quantities(self.text)
            self._ends = [q.end for q in self._found]
        k = bisect.bisect_right(self._ends, span.start)
        if k < len(self._found) and self._found[k].start < span.end:
            return self._found[k]
        return None

    def cut(self, raw: str, span: Span) -> str | None:
        """Why `span` (where `raw` occurs) is not a whole printed quantity, or None if it is.

        >>> PrintedQuantities("12月5日至7日开展检查，7日内整改").cut("7日", Span(start=6, end=8))
        'raw "7日" is the last day of a date in the article: "12月5日至7日"'
        """
        opening = self.text[max(0, span.start - 9) : span.start]
        date = _DATE_SPAN.search(opening) if raw.endswith("日") else None
        if date:
            days = date.group() + self.text[span.start : span.end]
            return f'raw "{raw}" is the last day of a date in the article: "{days}"'
        before = self.text[max(0, span.start - 2) : span.start]
        if _is_numeral(raw[:1], _NUMERAL_START) and (
            (
                _is_numeral(before[-1:], _DIGIT_INSIDE)
                and not closes_weekday(self.text, span.start)
                and not (raw[:1] in _OWN_NUMBER_START and before[-1:].isdecimal())
            )
            or (before[-1:] in _POINTS and _is_numeral(before[:1], _NUMBER_INSIDE))
            or (before[-1:] == "点" and before[:1] in _BEFORE_POINT)
        ):
            return f'raw "{raw}" {_LONGER_NUMBER} in the article'
        printed = self.around(span)
        if printed is not None and (printed.start < span.start or printed.end > span.end):
            return _cut_from(raw, span, printed)
        return None


def telling(known: str | None, cut: str) -> str:
    """Of two reasons a raw is cut, the one that says more: its qualifier (`10千伏` of
    `10千伏及以下`) rather than a longer number it also stands in (`110千伏`); both, when
    each names a qualifier (`10%` of `10%以上` and of `不低于10%`)."""
    if known is None or (_LONGER_NUMBER in known and _LONGER_NUMBER not in cut):
        return cut
    if _LONGER_NUMBER not in cut and cut not in known.split("; "):
        return f"{known}; {cut}"
    return known


def _cut_from(raw: str, span: Span, printed: QuantityMatch) -> str:
    """Why a raw that is part of a printed quantity is not it, naming the words that
    qualify the number when the raw starts or ends in them, or leaves them out:
    `少于5000人` starts inside `不少于`, the article's at-least wording."""
    says = f'the article prints "{printed.raw}"'
    cut = None
    if printed.before and printed.start < span.start <= printed.number_start:
        where = "starts inside" if span.start < printed.number_start else "leaves out"
        cut = f'raw "{raw}" {where} "{printed.before}", the words that qualify its number: {says}'
    after = printed.end - len(printed.after)
    if cut is None and printed.after and after <= span.end < printed.end:
        where = "ends inside" if span.end > after else "leaves out"
        cut = f'raw "{raw}" {where} "{printed.after}", the words that qualify its number: {says}'
    return cut or f'raw "{raw}" is part of "{printed.raw}" in the article'
