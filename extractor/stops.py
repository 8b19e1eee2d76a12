"""The nearest of some characters (a stop, a clause break) before or after an offset.

`max(text.rfind(c, 0, end) for c in chars)` reads the text once for each
character, and back to its start for any it does not hold (`!`, `?` in a
Chinese text): for every number or verb that asks for its clause, the whole
text before it, a dozen times. Read a character at a time from the offset,
the cost is that of the clause.

>>> last_of("今年以来，全县推行", "，。", 9), first_of("推行。好", "。！", 0)
(4, 2)
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
