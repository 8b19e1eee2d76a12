"""The label of a family's size: who the family is, and 人口.

A count of 口 after a family (`卓玛拉姆家有6口人`, `措姆一家五口`, `全家5口人`) is how
many people the family has; the guidelines name it the family's 人口 (`卓玛拉姆家人口`),
whatever the clause says after it.

>>> from extractor.numbers import find_quantities
>>> text = "帕玉村牧民卓玛拉姆家有6口人，去年家里收入不少。"
>>> family_size_label(text, find_quantities(text)[0], [])
'帕玉村牧民卓玛拉姆家人口'
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.extract.phrases import phrase, start_of_clause
from extractor.numbers import QuantityMatch

# What stands between a family and its size: `家有6口人`, `家里有四口人`.
_HAVING = ("里有", "有", "里")


def family_size_label(text: str, match: QuantityMatch, earlier: Sequence[QuantityMatch]) -> str:
    """`<the family>人口` when `match` counts the people of a family named right before
    it in its clause (its words ending with 家, after the quantities `earlier` in the
    clause but the 一家 it may open with; the last whole words that fit); else empty."""
    if match.quantity.unit != "口":
        return ""
    clause_start = max(
        (q.end for q in earlier if q.quantity.unit != "家"),
        default=start_of_clause(text, match.start),
    )
    end = match.start
    for having in _HAVING:
        if text.endswith(having, clause_start, end):
            end -= len(having)
            break
    if not text.endswith("家", clause_start, end):
        return ""
    family = phrase(text, clause_start, end)
    return family + "人口" if family.endswith("家") else ""
