"""Titles that are verbs as well: `教授` is a professor after the school that has them
(`西藏大学文学院教授平措扎西介绍`, `自治区党校教授、市纪委监委干部`) or opening a clause, and
elsewhere teaches (`手把手教授平台操作`, `现场教授民宿经营户和员工`, `由专业教练教授滑冰`),
naming no one after it. On the seeds and development pages, 20 printings: 8 after a school
(院, 校, 学), 12 the verb after a word of manner or its subject, none otherwise.

>>> teaches("西藏大学文学院教授平措扎西介绍", 7, "教授")
False
>>> teaches("并现场教授民宿经营户和员工", 3, "教授")
True
"""

from __future__ import annotations

from extractor.speech_words import BREAK

#: Each title that is a verb too, and what it is a title after: the last character of
#: the organisation that has the person (a break or the start of the text as well).
_TITLE_AFTER = {"教授": "院校学系所"}


def teaches(text: str, at: int, role: str) -> bool:
    """Is `role`, printed at `at`, a verb (`现场教授…`) rather than a person's title?"""
    after = _TITLE_AFTER.get(role)
    if after is None:
        return False
    before = text[at - 1 : at] if at > 0 else ""
    return bool(before) and before not in after and before not in BREAK + "、"
