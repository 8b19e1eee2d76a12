"""Some characters (a stop, a clause break, a quotation mark) in a text: the nearest
before or after an offset, or where each of them stands.

`max(text.rfind(c, 0, end) for c in chars)` reads the text once for each
character, and back to its start for any it does not hold (`!`, `?` in a
Chinese text): for every number or verb that asks for its clause, the whole
text before it, a dozen times. Read a character at a time from the offset,
the cost is that of the clause.

>>> last_of("今年以来，全县推行", "，。", 9), first_of("推行。好", "。！", 0)
(4, 2)

A regular expression of a few characters (`[。！？]`) tests every character of the
text against its set; `str.find` looks for one character far faster, so where
each of a few characters stands is found by a `find` for each of them
(`positions_of`), its cost that of the few characters found.

>>> positions_of("“好。”他说。", "。”")
[2, 3, 6]

Where a word of several characters starts, each time the text prints it, is found the same
way (`starts_of`).
"""

from __future__ import annotations

from collections.abc import Container


def last_of(text: str, chars: Container[str], end: int) -> int:
    """Where the last character of `chars` before `end` (an offset, not below 0) is in
    `text`, or -1: `max(text.rfind(c, 0, end) for c in chars)`."""
    at = min(end, len(text)) - 1
    while at >= 0 and text[at] not in chars:
        at -= 1
    return at


def first_of(text: str, chars: Container[str], start: int) -> int:
    """Where the first character of `chars` from `start` on is in `text`, or the text's
    length: `min(text.find(c, start) for c in chars if found)`, else `len(text)`."""
    at = min(max(start, 0), len(text))
    while at < len(text) and text[at] not in chars:
        at += 1
    return at


def positions_of(text: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where each character of `chars` stands in `text[start:end]`, in order: the starts of
    `re.finditer(f"[{chars}]", text, start, end)`."""
    stop = len(text) if end is None else end
    found: list[int] = []
    for ch in chars:
        at = text.find(ch, start, stop)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1, stop)
    found.sort()
    return found


def starts_of(text: str, word: str) -> list[int]:
    """Where each printing of `word` starts in `text`, in order, overlapping ones too.

    >>> starts_of("扎西说，扎西表示", "扎西")
    [0, 4]
    """
    found: list[int] = []
    at = text.find(word) if word else -1
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
