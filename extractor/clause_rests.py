"""A short line under a body line cut at a comma is the rest of that sentence, though it
stands over a headline as if it were one: `…在重点林区、草场和进山路口设立检查卡点,` / (a blank
line) / `同时,充分发挥全市3200余名生态护林员的作用,做到` / `堆龙德庆区:“一网格…`.

A headline holds no comma outside quotation marks (`“用上了稳定电，取暖做饭都不愁”` is
someone's words): a short line that does is a sentence cut short, and under a line that
stops at a comma it is body text, read on from that line (`page_lines.py`).

>>> holds_clause("同时,充分发挥全市3200余名生态护林员的作用,做到")
True
>>> holds_clause("“用上了稳定电，取暖做饭都不愁”")
False
"""

from __future__ import annotations

import dataclasses
import re

from extractor.heading_runs import L

# Words in quotation marks, which may hold commas in a headline.
_IN_MARKS = re.compile(r"“[^“”]*”|「[^「」]*」")
_COMMA = re.compile(r"[，,]")
_CUT_AT_COMMA = ("，", ",", "、")


def holds_clause(line: str) -> bool:
    """Does `line` hold a comma outside quotation marks, as no headline does?

    >>> holds_clause("同时,充分发挥护林员的作用,做到"), holds_clause("“用上了稳定电，取暖做饭都不愁”")
    (True, False)
    """
    return _COMMA.search(_IN_MARKS.sub("", line)) is not None


def clause_rests(lines: list[L]) -> list[L]:
    """The lines with each headline-like line that holds a clause, under a body line cut
    at a comma, read as body text.

    >>> from extractor.page_lines import Unit
    >>> [u.kind for u in clause_rests([Unit("body", "在重点林区设立检查卡点,"),
    ...     Unit("heading", "同时,充分发挥护林员的作用,做到"), Unit("heading", "堆龙德庆区:网格暖民心")])]
    ['body', 'body', 'heading']
    """
    out = list(lines)
    for k in range(1, len(out)):
        previous, line = out[k - 1], out[k]
        if (
            line.kind == "heading"
            and previous.kind == "body"
            and previous.text.endswith(_CUT_AT_COMMA)
            and holds_clause(line.text)
        ):
            out[k] = dataclasses.replace(line, kind="body")  # type: ignore[type-var]
    return out
