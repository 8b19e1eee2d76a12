"""Battles a unit fights, named by what they defend: `打好碧水保卫战`, `打好“碧水保卫战”`,
`深入打好蓝天、碧水、净土保卫战`. Part of the campaign names of `campaigns.py`.

A defence names its front in two characters (`碧水`, `蓝天`, `净土`), too short for the
programmes `campaigns.py` reads after their verb; with marks or without, each so printed on
the development pages is listed (two required, one optional). A battle fought (`攻坚战`)
unmarked is a figure for hard work (`generic.py`).
"""

from __future__ import annotations

import re

from extractor.extract.context import CN
from extractor.extract.mentions import Named

_DEFENCE = re.compile(
    rf"(?:打好|打赢)了?(?P<name>(?P<open>[“‘]?)(?:[{CN}]{{2,4}}、)*[{CN}]{{2,10}}?保卫战(?P<close>[”’]?))"
    rf"(?![{CN}](?<![的和与及]))"
)
_PAIRS = {"": "", "“": "”", "‘": "’"}


def defences(text: str) -> list[Named]:
    """Defences a unit fights, marked or not, as printed.

    >>> [n.name for n in defences("林芝市把污水治理作为打好碧水保卫战的重要内容。")]
    ['碧水保卫战']
    """
    return [
        Named(m.start("name"), m["name"])
        for m in _DEFENCE.finditer(text)
        if _PAIRS[m["open"]] == m["close"]
    ]
