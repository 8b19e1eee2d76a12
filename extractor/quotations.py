"""Quotation marks in a text: which words stand inside a quotation.

A text is read a paragraph at a time, lazily. In each paragraph the marks pair
by depth (`“……‘三农’……”` is one quotation); straight marks (`"`) pair with each
other, at any depth (`“……"四个一"……”`). A quotation left open at the end of a paragraph goes on in the next
when that paragraph opens with a mark, as the papers print a quotation of
several paragraphs. A closing mark with no opening one (lost by OCR) closes a
quotation that starts where the paragraph, or the quotation before, ends.

OCR'd pages mix the widths of the marks, and a quotation may open with one and
close with the other (`“……,"尼玛扎西说,"……”` is two quotations around the
speaker): a straight mark after a stop inside a quotation opened full-width
closes it when no term in straight marks stands there (`“……,"四个一"……”`).

>>> QuotedText("他说：“要学习。”").quotation(4, 7) is not None
True
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractor.stops import positions_of

OPENING = "“「『‘"
CLOSING = "”」』’"
_STRAIGHT = '"'
_MARKS = OPENING + CLOSING + _STRAIGHT
_LINE_BREAK = re.compile("\n")
# The marks that end words before a closing mark (`……,"尼玛扎西说`).
_STOPS = "，,。.！!？?；;：:…"


@dataclass(frozen=True, slots=True)
class Quotation:
    """Words in quotation marks, in one paragraph: `start` is the first character
    inside, `end` the closing mark (the paragraph's end when it stays open)."""

    opening: int  # the opening mark; -1 when the page lost it
    start: int
    end: int
    closed: bool


@dataclass(frozen=True, slots=True)
class _Paragraph:
    start: int
    end: int
    quotations: tuple[Quotation, ...]


def _quotations(text: str, start: int, end: int) -> tuple[Quotation, ...]:
    """The outermost quotations of one paragraph, pairing marks by depth: a straight
    mark closes the straight one open at its depth, else opens (`“落实"四个一"”`)."""
    found: list[Quotation] = []
    opened: list[bool] = []  # the marks open, outermost first: straight or not
    opening = -1
    marks = positions_of(text, _MARKS, start, end)
    for k, at in enumerate(marks):
        ch = text[at]
        if ch == _STRAIGHT and _straight_closes(text, at, opened, marks[k + 1 : k + 2]):
            ch = "”"
        if ch in OPENING or ch == _STRAIGHT:
            if not opened:
                opening = at
            opened.append(ch == _STRAIGHT)
        elif not opened:
            if ch != "’":  # an apostrophe-like mark alone is no quotation
                begin = found[-1].end + 1 if found else start
                found.append(Quotation(-1, begin, at, True))
        else:
            opened.pop()
            if not opened:
                found.append(Quotation(opening, opening + 1, at, True))
    if opened:
        found.append(Quotation(opening, opening + 1, end, False))
    return tuple(found)


def _straight_closes(text: str, at: int, opened: list[bool], after: list[int]) -> bool:
    """Does the straight mark at `at` close a quotation, the marks `opened` before it
    (straight or not, outermost first)? It closes the straight one open at its depth,
    or any once a straight one opened the quotation (`"……“四个一"……"`, as OCR prints
    them), or one opened full-width when it reads as `_closes_full_width` does."""
    if opened and (opened[-1] or opened[0]):
        return True
    return opened == [False] and _closes_full_width(text, at, after)


def _closes_full_width(text: str, at: int, after: list[int]) -> bool:
    """Does the straight mark at `at`, inside a quotation opened full-width, close it?
    It does after a stop when the next mark (`after`, none or one) opens a quotation,
    or is a straight mark after a stop too, opening the words after the speaker
    (`“……,"尼玛扎西说,"……”`); not when it opens a term (`“要做到,"四个一"……”`).

    >>> _closes_full_width('“好,"他说,"走”', 3, [7])
    True
    >>> _closes_full_width('“要做到,"四个一"”', 5, [9])
    False
    """
    if text[at - 1] not in _STOPS:
        return False
    if not after:
        return True
    nxt = text[after[0]]
    return nxt in OPENING or (nxt == _STRAIGHT and text[after[0] - 1] in _STOPS)


class QuotedText:
    """A text's paragraphs and the quotations in each, read on demand."""

    def __init__(self, text: str) -> None:
        self.text = text
        bounds = [-1, *(m.start() for m in _LINE_BREAK.finditer(text)), len(text)]
        self._bounds = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
        self._starts = [start for start, _ in self._bounds]
        self._paragraphs: dict[int, _Paragraph] = {}

    def _index(self, at: int) -> int:
        """The index of the paragraph holding offset `at`."""
        return max(0, bisect.bisect_right(self._starts, at) - 1)

    def _paragraph(self, k: int) -> _Paragraph:
        if k not in self._paragraphs:
            start, end = self._bounds[k]
            self._paragraphs[k] = _Paragraph(start, end, _quotations(self.text, start, end))
        return self._paragraphs[k]

    def _continues(self, k: int) -> bool:
        """Does paragraph k go on with a quotation the paragraph before left open?"""
        if k == 0 or self.text[self._bounds[k][0] : self._bounds[k][0] + 1] not in OPENING:
            return False
        before = self._paragraph(k - 1).quotations
        return bool(before) and not before[-1].closed

    def quotation(self, start: int, end: int) -> list[Quotation] | None:
        """The quotation holding the words at start–end, over the paragraphs it
        runs on in; None when the words do not stand inside one quotation."""
        k = self._index(start)
        held = self._holding(k, start)
        if held is None:
            return None
        chain = [held]
        last = self._index(max(start, end - 1))
        while k < last:
            if chain[-1].closed or not self._continues(k + 1):
                return None
            k += 1
            quotations = self._paragraph(k).quotations
            if not quotations:
                return None
            chain.append(quotations[0])
        return chain if end <= chain[-1].end else None

    def quoted(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of start–end that stand inside quotation marks, in order:
        `“沙棘林杯”全民健身系列赛……` holds one, the name in marks."""
        stretches = []
        for k in range(self._index(start), self._index(max(start, end - 1)) + 1):
            for q in self._paragraph(k).quotations:
                lo, hi = max(start, q.start), min(end, q.end)
                if lo < hi:
                    stretches.append((lo, hi))
        return stretches

    def _holding(self, k: int, at: int) -> Quotation | None:
        return next(
            (q for q in self._paragraph(k).quotations if q.start <= at < max(q.end, q.start + 1)),
            None,
        )

    def paragraph_count(self) -> int:
        """How many paragraphs the text holds, one to a line, an empty one too.

        >>> QuotedText("扎西说：“好。”\\n\\n次仁笑了。").paragraph_count()
        3
        """
        return len(self._bounds)

    def quotations_in(self, k: int) -> tuple[Quotation, ...]:
        """The outermost quotations of paragraph k, in order."""
        return self._paragraph(k).quotations

    def paragraph_start(self, k: int) -> int:
        """Where paragraph k starts in the text: just past the line break before it.

        >>> QuotedText("扎西说：“好。”\\n次仁笑了。").paragraph_start(1)
        9
        """
        return self._bounds[k][0]

    def left_open(self) -> Quotation | None:
        """The one quotation the text leaves open: open at the end of its paragraph, the
        paragraph after not going on with it. None when there is none, or more than one."""
        found = [q for k in range(len(self._bounds)) if (q := self._left_open_in(k)) is not None]
        return found[0] if len(found) == 1 else None

    def _left_open_in(self, k: int) -> Quotation | None:
        quotations = self._paragraph(k).quotations
        if not quotations or quotations[-1].closed:
            return None
        return None if k + 1 < len(self._bounds) and self._continues(k + 1) else quotations[-1]
