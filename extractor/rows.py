"""A check result as the store writes it: plain columns, cheap to send between processes.

A worker process of the rules backend turns each article's `CheckResult` into
`ResultRows` before sending it to the writer: strings, numbers and small
tuples pickle and unpickle several times faster than the pydantic models they
come from, and the writer needs only the columns. Each row is a plain tuple,
not a named one: a named tuple is pickled and unpickled through a call of
Python for each row, some sixty a page. The store turns a
`CheckResult` into rows with the same function (`result_rows`), so what is
stored is the same whichever process made the rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from extractor.models import CheckResult

#: An accepted record: its type and its columns (fields, location, warnings):
#: `("metric", {"raw": "130亿元", "value": 13000000000.0, …, "warnings": "[]"})`.
AcceptedRow = tuple[str, dict[str, Any]]
#: A rejected record: its type, the record and the reasons, as JSON:
#: `("quote", '{"speaker": …}', '["no such text in the article"]')`.
RejectedRow = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class ResultRows:
    """An article's checked records as rows: what `Store.save_extraction` writes."""

    accepted: tuple[AcceptedRow, ...]
    rejected: tuple[RejectedRow, ...]


def result_rows(result: CheckResult) -> ResultRows:
    """The rows of a check result: each accepted record's columns, each rejection as JSON.

    The key columns that depend on the page (a quote's `person`) are the
    store's to add, once the page is known.
    """
    accepted: list[AcceptedRow] = []
    for item in result.accepted:
        span = item.span
        columns = item.record.model_dump()
        columns["start"] = span.start if span else None
        columns["end"] = span.end if span else None
        columns["located_in"] = "text" if span else "title"
        columns["warnings"] = _json_list(item.warnings)
        accepted.append((item.record_type, columns))
    rejected: tuple[RejectedRow, ...] = tuple(
        (
            r.record_type,
            json.dumps(r.record, ensure_ascii=False),
            _json_list(r.reasons),
        )
        for r in result.rejected
    )
    return ResultRows(tuple(accepted), rejected)


def _json_list(items: list[str]) -> str:
    """A list of strings as JSON, `[]` without encoding when empty (most records warn of
    nothing)."""
    return json.dumps(items, ensure_ascii=False) if items else "[]"
