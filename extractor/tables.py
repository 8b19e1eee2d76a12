"""The database's tables and columns: the contract users and outside checks read.

The tables and the columns DESIGN.md names may not be renamed; columns may be
added (a bump of `SCHEMA_VERSION`, and `Store.migrate` adds them to an older
database). Full-text search tables are in `search.py`.
"""

from __future__ import annotations

from typing import Any

#: Bumped when the schema changes; `migrate` brings an older database up to date.
#: 2: the LLM backend's columns (calls and tokens on runs, model and prompt version
#: on records, the cache key on llm_calls) and full-text search (`search.py`).
#: 3: page metadata (paper, date, month, edition, page, title, meta), a campaign's
#: canonical name, a quote's person, and the views of `views.py`.
#: 4: batches (`batches`, `batch_articles`, the batch of a call on `llm_calls`),
#: prices, cost and articles waiting on `runs`.
#: 5: full-text search by character pairs (`search.py`), finding words of any
#: length, in place of the trigram tables `<table>_fts`.
#: 6: `warnings` on metrics, quotes and campaigns (`[]` for records stored before).
SCHEMA_VERSION = 6

#: Rows that belong to an article and to the run that wrote them.
OF_ARTICLE_AND_RUN = [("article_id", "articles", "id"), ("run_id", "runs", "id")]


def _record_table(**fields: type) -> dict[str, Any]:
    """An accepted record's table: its own fields, then where it sits and what made it.

    `start`/`end` are offsets into `articles.text`; `located_in` is `text`, or
    `title` for a record named only in the headline; `warnings` is a JSON list of
    what deserves a look in the record (`[]` when nothing does).
    """
    return {
        "columns": {
            "id": int,
            "article_id": int,
            "run_id": int,
            **fields,
            "start": int,
            "end": int,
            "located_in": str,
            "model": str,
            "prompt_version": str,
            "warnings": str,
        },
        "foreign_keys": OF_ARTICLE_AND_RUN,
    }


TABLES: dict[str, dict[str, Any]] = {
    "pages": {
        "columns": {
            "id": int,
            "path": str,
            "name": str,
            "sha256": str,
            "chars": int,
            "encoding": str,
            "added_at": str,
            # From a manifest or a file-name pattern (`manifest.py`); empty when unknown.
            "paper": str,
            "date": str,
            "month": str,
            "edition": str,
            "page": str,
            "title": str,
            "meta": str,
        },
        "unique": [["sha256"]],
    },
    "articles": {
        "columns": {
            "id": int,
            "page_id": int,
            "seq": int,
            "title": str,
            "kicker": str,
            "subtitle": str,
            "byline": str,
            "dateline": str,
            "text": str,
        },
        "foreign_keys": [("page_id", "pages", "id")],
        "unique": [["page_id", "seq"]],
    },
    "runs": {
        "columns": {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "backend": str,
            "model": str,
            "prompt_version": str,
            "status": str,
            "pages": int,
            "pages_failed": int,
            "articles": int,
            "articles_skipped": int,
            "articles_failed": int,
            "metrics": int,
            "quotes": int,
            "campaigns": int,
            "rejections": int,
            "errors": str,
            "calls": int,
            "cached_calls": int,
            "prompt_tokens": int,
            "completion_tokens": int,
            # Prices per million tokens, when given, and the cost of the tokens sent.
            "price_in": float,
            "price_out": float,
            "cost": float,
            # Articles left waiting in batches when the run ended.
            "articles_waiting": int,
        },
    },
    "extractions": {
        "columns": {
            "id": int,
            "article_id": int,
            "run_id": int,
            "backend": str,
            "model": str,
            "prompt_version": str,
            "status": str,
            "error": str,
            "finished_at": str,
        },
        "foreign_keys": OF_ARTICLE_AND_RUN,
        "unique": [["article_id", "backend", "model", "prompt_version"]],
    },
    "metrics": _record_table(
        label=str, raw=str, value=float, value_max=float, unit=str, approx=str, evidence=str
    ),
    "quotes": _record_table(speaker=str, speaker_title=str, text=str, kind=str, person=str),
    "campaigns": _record_table(name=str, organizer=str, location=str, evidence=str, canonical=str),
    "llm_calls": {
        "columns": {
            "id": int,
            "run_id": int,
            "article_id": int,
            "model": str,
            "request": str,
            "response": str,
            "prompt_tokens": int,
            "completion_tokens": int,
            "duration_ms": int,
            "error": str,
            "request_key": str,
            "status_code": int,
            "started_at": str,
            # The batch (`batches.id`) the request went in, for a call made through one.
            "batch": int,
        },
        "foreign_keys": OF_ARTICLE_AND_RUN,
        "indexes": [["batch"]],
    },
    "rejections": {
        "columns": {
            "id": int,
            "article_id": int,
            "run_id": int,
            "record_type": str,
            "record": str,
            "reasons": str,
            "model": str,
            "prompt_version": str,
        },
        "foreign_keys": OF_ARTICLE_AND_RUN,
    },
    # A file of requests: sent to the endpoint's Batch API, or exported for an engine
    # of one's own (`kind`). `batch_id` and the file ids are the endpoint's (for an
    # export, `input_file_id` is the file written); `status` is the endpoint's
    # (validating, in_progress, finalizing, completed, expired, cancelling, cancelled,
    # failed) or ours (preparing, uploaded, exported, imported).
    "batches": {
        "columns": {
            "id": int,
            "run_id": int,
            "batch_id": str,
            "round": int,
            "status": str,
            "input_file_id": str,
            "output_file_id": str,
            "error_file_id": str,
            "requests": int,
            "created_at": str,
            "finished_at": str,
            "kind": str,
            "endpoint": str,
            "model": str,
            "prompt_version": str,
            "settings": str,
            "bytes": int,
            "completed": int,
            "failed": int,
            "error": str,
            "collected_at": str,
        },
        "foreign_keys": [("run_id", "runs", "id")],
    },
    # Which articles wait on which request of which batch (two articles of one text
    # wait on one request).
    "batch_articles": {
        "columns": {"id": int, "batch": int, "article_id": int, "request_key": str},
        "foreign_keys": [("batch", "batches", "id"), ("article_id", "articles", "id")],
        "unique": [["batch", "article_id", "request_key"]],
        "indexes": [["request_key"]],
    },
}
#: Where each kind of accepted record is stored.
RECORD_TABLES = {"metric": "metrics", "quote": "quotes", "campaign": "campaigns"}
#: Columns added to tables that held rows before, with the value those rows get.
BACKFILL = {(table, "warnings"): "[]" for table in RECORD_TABLES.values()}
