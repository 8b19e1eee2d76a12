"""A time of two units printed with 零 between: `一年零四个月` is one length of time.

The papers print how long something has lasted in two units (`一年零四个月`,
`两天零三个小时`); the number after 零 is the tail of that time, never a number of
its own (`零四个月` is not four months). The number grammar (`numbers.py`) reads
the two as one quantity in the smaller unit, so its scan and its parser agree and
the checker refuses either part alone as part of the whole.

>>> from extractor.numbers import find_quantities
>>> [(m.raw, m.quantity.value, m.quantity.unit) for m in find_quantities("已经一年零四个月")]
[('一年零四个月', 16, '个月')]
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractor.numbers import QuantityMatch

#: How many of the smaller unit make one of the larger.
COMPOUND_TIMES = {
    ("年", "个月"): 12,
    ("年", "月"): 12,
    ("天", "小时"): 24,
    ("天", "个小时"): 24,
    ("小时", "分钟"): 60,
    ("个小时", "分钟"): 60,
}


def compound_time(
    text: str, folded: str, head: QuantityMatch, tail: QuantityMatch
) -> QuantityMatch | None:
    """`head` and `tail` read as one time (`一年零四个月` → 16 `个月`) when the tail's
    number opens with 零 right after the head's unit, or follows a 零 printed there
    (`1年零3个月`); None when they are two quantities. `folded` is `text` with its
    digits folded, offset for offset."""
    factor = COMPOUND_TIMES.get((head.quantity.unit, tail.quantity.unit))
    joint = folded[head.end : tail.number_start]
    opens_with_zero = folded[tail.number_start : tail.number_start + 1] == "零"
    if (
        factor is None
        or head.after
        or tail.before
        or not ((joint == "" and opens_with_zero) or joint == "零")
        or head.quantity.value_max is not None
        or tail.quantity.value_max is not None
    ):
        return None
    total = Decimal(str(head.quantity.value)) * factor + Decimal(str(tail.quantity.value))
    value = int(total) if total == total.to_integral_value() else float(total)
    approx = head.quantity.approx if head.quantity.approx != "exact" else tail.quantity.approx
    quantity = dataclasses.replace(
        tail.quantity, value=value, value_max=None, unit=tail.quantity.unit, approx=approx
    )
    return dataclasses.replace(
        head, end=tail.end, raw=text[head.start : tail.end], quantity=quantity, after=tail.after
    )
