"""The unit of blood: `采集全血2150单位`, `每天用血量约为40个单位`.

Blood and its parts are counted in units (单位, a unit of 200 ml of whole blood), but
after a number 单位 is far more often a work unit counted by 个 (`5个单位作交流发言`,
`对3个单位进行通报批评`: 11 printings on the development pages, each listed as `N个`).
The scan reads 单位 as a unit only in a clause that speaks of blood before the number
(`用血量`, `全血`, `血小板`…); the checker reads it as printed.

>>> from extractor.numbers import find_quantities, parse_quantity
>>> [m.raw for m in find_quantities("全市每天用血量约为40个单位,5个单位作交流发言")]
['约为40个单位', '5个']
>>> parse_quantity("2150单位")
Quantity(value=2150, value_max=None, unit='单位', approx='exact')
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractor.numbers import Quantity

#: Words of blood before the number, in its clause: what is counted is blood.
BLOOD_WORDS = ("用血", "全血", "血液", "红细胞", "血浆", "血小板", "献血量", "采血量", "供血量")
_CLAUSE_END = re.compile(r"[，。；！？,;!?：:\n]")


def unit_of_blood(text: str, m: re.Match[str], quantity: Quantity) -> tuple[int, Quantity] | None:
    """Where a quantity read as `N个` or `N单` ends when 单位 of blood follows its measure
    word, and its reading in that unit; None when it is no count of blood."""
    unit = m["unit"]
    if unit not in ("个", "单") or m["post"] or m["after"] or m["per"]:
        return None
    word_end = m.end("unit") + (2 if unit == "个" else 1)
    if text[m.end("unit") : word_end] != ("单位" if unit == "个" else "位"):
        return None
    clause = _CLAUSE_END.split(text[max(0, m.start() - 40) : m.start()])[-1]
    if not any(word in clause for word in BLOOD_WORDS):
        return None
    return word_end, dataclasses.replace(quantity, unit=unit.replace("单", "") + "单位")


def read_units_of_blood(text: str, parse: Callable[[str], Quantity | None]) -> Quantity | None:
    """`40个单位`, `2150单位` read whole, as printed (`parse` reads the number before it)."""
    if not text.endswith("单位") or text.endswith("羊单位"):
        return None
    head = text[:-2]
    counted = head.endswith("个")
    reading = parse(head if counted else head + "个")
    if reading is None or reading.unit != "个":
        return None
    return dataclasses.replace(reading, unit="个单位" if counted else "单位")
