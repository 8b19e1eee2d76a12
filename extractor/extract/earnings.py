"""The label of what someone earns: the earner and the period, and 收入.

Money printed after a verb of earning (`每个月能挣6000多元`, `一年下来能多挣1万多元`,
`每月能拿到2800元`) is what someone earns; the guidelines name it 收入 (`人均月收入`,
`一年多挣收入`), not the verb. A verb alone (`能挣`) stays: 收入 would be no word of its
sentence.

>>> earnings_label("每个月能挣", "每个月能挣")
'每个月收入'
>>> earnings_label("下来能多挣", "一年下来能多挣")
'下来年多挣收入'
"""

from __future__ import annotations

import re

# The verb of earning a label ends with: `能挣`, `就能多挣`, `每月能拿到`; not a sum
# taken once (`合作社今年拿到150万元` of a loan, `每户拿到` of a dividend).
_EARNING = re.compile(
    r"(?:就|还|也|都)?(?:(?:能|可以)(?P<more>多[挣赚])|(?:能|可以)(?:挣|赚|拿到|拿)|(?P<more2>多[挣赚])|挣|赚)$"
)
# The period a sum is earned in, printed before it: `每个月`, `一年下来`, `每天` (not the
# year of `去年同期`).
_PERIODS = (
    (re.compile(r"[每一]个?月"), "月"),
    (re.compile(r"[每一]年"), "年"),
    (re.compile(r"[每一]天|每日"), "日"),
)


def earnings_label(label: str, before: str) -> str:
    """`label` with its verb of earning as 收入, after the period `before` (the words of
    the clause before the number) names when the label does not; empty when `label`
    is no words before such a verb."""
    found = _EARNING.search(label)
    if not found:
        return ""
    stem = label[: found.start()]
    if not stem:
        return ""  # `能挣` alone: 收入 would be no word of its sentence
    named = any(mark.search(stem) or p in stem for mark, p in _PERIODS)
    period = "" if named else next((p for mark, p in _PERIODS if mark.search(before)), "")
    more = found["more"] or found["more2"] or ""
    return stem + period + more + "收入"
