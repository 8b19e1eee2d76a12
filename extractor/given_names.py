"""Given names that end in a character the language also uses as an adverb.

A Han given name may end in `刚`, `才`, `正`, `也`… (`刘志刚`, `王德才`), which read
alone before a verb as an adverb (`刘志刚作具体安排` as `刘志` who "just" arranges).
A text that prints the three characters together again and again, and the first two
never without the third, names a person of three: an adverb does not follow one
person every time they are named.

>>> printed_whole("副市长刘志刚作具体安排。刘志刚就苗木调运作了安排。", "刘志刚")
True
"""

from __future__ import annotations

# How often the three must be printed together for the third to be the name's own.
_TIMES = 2


def printed_whole(text: str, name: str) -> bool:
    """Does `text` print `name` (a surname, a character and a character that may be an
    adverb) at least twice, and its first two characters never without the third?

    >>> printed_whole("刘志刚出席。刘志刚就调运作了安排。", "刘志刚")
    True
    >>> printed_whole("王刚也说。王刚表示，王刚也笑了。", "王刚也")
    False
    """
    together = text.count(name)
    return together >= _TIMES and text.count(name[:-1]) == together
