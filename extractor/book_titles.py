"""Titles in 《…》: the name of a document, a law or a book, whose words name no one.

A name read inside such a title (`河湖长制工作考` read as the title `河湖长` and the
name `制工作考`) is a piece of the title's words, not a person.

>>> book_title_holding("对照《曲水县河湖长制工作考核办法》明确的要求", "制工作考")
'《曲水县河湖长制工作考核办法》'
>>> book_title_holding("县长扎西审定《扎西的故事》。", "扎西") is None
True
"""

from __future__ import annotations

import re

from extractor.stops import starts_of

_TITLE = re.compile(r"《[^《》\n]{1,80}》")


def book_title_at(text: str, start: int, end: int) -> str | None:
    """The title in 《…》 that holds `text[start:end]`, if one does.

    >>> book_title_at("印发《行动方案》", 3, 5)
    '《行动方案》'
    """
    for m in _TITLE.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        if m.start() < start and end < m.end():
            return m[0]
    return None


def book_title_holding(text: str, words: str) -> str | None:
    """The title in 《…》 that holds `words` where the text prints them, when it prints
    them only inside titles; None when they stand outside one anywhere, or nowhere."""
    if "《" not in text:
        return None  # most articles print no title at all
    found = None
    for at in starts_of(text, words):
        title = book_title_at(text, at, at + len(words))
        if title is None:
            return None
        found = found or title
    return found
