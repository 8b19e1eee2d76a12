"""A weekday's numeral is no part of the number printed after it.

`每周二、周五两天集中收奶` counts two days: the 五 of 周五 closes the weekday, and the
number, `两天`, starts after it. The weekday words are 周, 星期 and 礼拜; their numeral
closes them only before another digit, and not when the two make a rough pair
(`每周一两次` is once or twice a week), so `一周五天` (five days a week) and `每周一次`
read as ever.

>>> bool(re.search(AFTER_A_WEEKDAY + "两", "每周二、周五两天")), closes_weekday("每周一两次", 3)
(True, False)
"""

from __future__ import annotations

import re

from extractor.number_words import ROUGH_PAIRS

_WEEKDAY_NUMERALS = "一二三四五六"
_DIGITS = "零〇一二两三四五六七八九"


def _closing(numeral: str) -> str:
    """`numeral` before a digit it makes no rough pair with (`五两`, not `一两`)."""
    following = "".join(d for d in _DIGITS if numeral + d not in ROUGH_PAIRS)
    return f"{numeral}(?=[{following}])"


_CLOSING = "(?:" + "|".join(_closing(n) for n in _WEEKDAY_NUMERALS) + ")"
#: At a numeral that closes a weekday before a number: no number starts here.
NOT_A_WEEKDAY = rf"(?!(?:(?<=周)|(?<=星期)|(?<=礼拜)){_CLOSING})"
#: Just after such a numeral: the number printed after the weekday may start here.
AFTER_A_WEEKDAY = rf"(?:(?<=周{_CLOSING})|(?<=星期{_CLOSING})|(?<=礼拜{_CLOSING}))"
_AFTER_A_WEEKDAY = re.compile(AFTER_A_WEEKDAY)


def closes_weekday(text: str, index: int) -> bool:
    """Does the numeral just before `index` close a weekday, the number starting at
    `index` (`周五两天` at 两) no part of it?

    >>> closes_weekday("周五两天", 2), closes_weekday("二十五两", 3)
    (True, False)
    """
    return _AFTER_A_WEEKDAY.match(text, index) is not None
