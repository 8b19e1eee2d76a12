"""Batches in the database: what was sent, what waits for an answer, what came back.

A batch is a file of requests, sent to the endpoint's Batch API or exported
for an engine of one's own (`batches.kind`: `api` or `file`). Each request is
a row of `llm_calls` from the moment it goes out (its `error` says it waits
for its batch) and is completed there when its answer comes back: the same
log, and the same cache, as calls made one at a time, so a request answered
before is never sent again. `batch_articles` says which articles wait on
which request; two articles of one text wait on one request.

A row is written before the endpoint hears of the batch (`preparing`), then
updated as it is uploaded, created and collected, so a run stopped at any
point finds where it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from extractor.errors import TOO_LONG
from extractor.models import Article
from extractor.store import Extractor, Store, now

#: `llm_calls.error` of a request sent in a batch and not answered yet.
WAITING = "waiting for batch "
#: Put before the mark of a reply that could not be read, once the article it
#: belonged to has failed: it is not served again, so the article is asked afresh.
ASKED_AFRESH = "asked afresh after: "
#: Statuses of a batch the endpoint may still answer (the endpoint's).
LIVE = ("validating", "in_progress", "finalizing", "cancelling")
#: Ours: being written; uploaded, and not yet known to be created.
PREPARING, UPLOADED = "preparing", "uploaded"
#: Statuses of a batch that will not change any more (the endpoint's).
ENDED = ("completed", "expired", "cancelled", "failed")
#: Statuses of an exported file of requests: waiting for its results, or read back.
EXPORTED, IMPORTED = "exported", "imported"


@dataclass(frozen=True)
class Outgoing:
    """A request an article waits on. `request` is the JSON to send, or None when
    the request is already in the batch (for another article)."""

    key: str
    article_id: int
    request: str | None = None
    round: int = 0


@dataclass(frozen=True)
class BatchRow:
    """A row of `batches`, as a run resumes it."""

    id: int
    kind: str
    status: str
    batch_id: str | None
    input_file_id: str | None
    requests: int
    round: int
    endpoint: str
    model: str
    prompt_version: str
    settings: dict[str, Any]

    @classmethod
    def of(cls, row: dict[str, Any]) -> BatchRow:
        return cls(
            id=row["id"],
            kind=row["kind"],
            status=row["status"],
            batch_id=row["batch_id"],
            input_file_id=row["input_file_id"],
            requests=row["requests"] or 0,
            round=row["round"] or 0,
            endpoint=row["endpoint"],
            model=row["model"],
            prompt_version=row["prompt_version"],
            settings=json.loads(row["settings"] or "{}"),
        )


class BatchLog:
    """The batch tables of one store: `batches`, `batch_articles` and `llm_calls`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    # --- a batch going out -------------------------------------------------------

    def open(
        self,
        run_id: int,
        extractor: Extractor,
        *,
        kind: str,
        endpoint: str,
        settings: dict[str, Any],
    ) -> int:
        """A new batch, `preparing`: its requests are being written."""
        with self.db.atomic():
            cursor = self.db.conn.execute(
                "insert into batches (run_id, kind, status, endpoint, model, prompt_version, "
                "settings, requests, bytes, round, created_at) values (?, ?, 'preparing', ?, ?, "
                "?, ?, 0, 0, 0, ?)",
                [
                    run_id,
                    kind,
                    endpoint,
                    extractor.model,
                    extractor.prompt_version,
                    json.dumps(settings, sort_keys=True),
                    now(),
                ],
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def add(self, batch: int, run_id: int, model: str, requests: Iterable[Outgoing]) -> None:
        """Log the batch's requests as calls waiting for it, and which articles wait on
        them, in one transaction."""
        started = now()
        calls, links = [], []
        for outgoing in requests:
            links.append([batch, outgoing.article_id, outgoing.key])
            if outgoing.request is not None:
                calls.append(
                    [
                        run_id,
                        outgoing.article_id,
                        model,
                        outgoing.key,
                        outgoing.request,
                        f"{WAITING}{batch}",
                        started,
                        batch,
                    ]
                )
        with self.db.atomic():
            self.db.conn.executemany(
                "insert into llm_calls (run_id, article_id, model, request_key, request, error, "
                "started_at, batch) values (?, ?, ?, ?, ?, ?, ?, ?)",
                calls,
            )
            self.db.conn.executemany(
                "insert or ignore into batch_articles (batch, article_id, request_key) "
                "values (?, ?, ?)",
                links,
            )

    def update(self, batch: int, **fields: Any) -> None:
        with self.db.atomic():
            self.db.table("batches").update(batch, fields)

    def drop(self, batch: int) -> None:
        """A batch the endpoint never heard of (the run stopped while preparing it):
        its rows go, and its articles are asked again when their pages are read."""
        with self.db.atomic():
            self.db.execute("delete from batch_articles where batch = ?", [batch])
            self.db.execute(
                "delete from llm_calls where batch = ? and error = ?", [batch, f"{WAITING}{batch}"]
            )
            self.db.execute("delete from batches where id = ?", [batch])

    # --- what is out there ------------------------------------------------------------

    def batches(
        self, *, kind: str, endpoint: str, extractor: Extractor, statuses: Iterable[str]
    ) -> list[BatchRow]:
        """The batches of this endpoint and extractor in one of `statuses`, oldest first."""
        wanted = list(statuses)
        rows = self.db.query(
            "select * from batches where kind = ? and endpoint = ? and model = ? and "
            f"prompt_version = ? and status in ({', '.join('?' * len(wanted))}) order by id",
            [kind, endpoint, extractor.model, extractor.prompt_version, *wanted],
        )
        return [BatchRow.of(row) for row in rows]

    def uncollected(self, *, endpoint: str, extractor: Extractor) -> list[BatchRow]:
        """Batches sent to this endpoint that have not been collected: live, or ended
        while a run that was collecting them stopped."""
        rows = self.db.query(
            "select * from batches where kind = 'api' and endpoint = ? and model = ? and "
            f"prompt_version = ? and collected_at is null and status in ({', '.join('?' * len(LIVE + ENDED))}) "
            "order by id",
            [endpoint, extractor.model, extractor.prompt_version, *LIVE, *ENDED],
        )
        return [BatchRow.of(row) for row in rows]

    def batch(self, batch: int) -> BatchRow:
        return BatchRow.of(self.db.table("batches").get(batch))

    def waiting_in(self, key: str, batches: Iterable[int]) -> int | None:
        """The batch among `batches` in which request `key` waits for its answer, if any."""
        ids = list(batches)
        if not ids:
            return None
        row = self.db.execute(
            "select batch from llm_calls where request_key = ? and error like ? and batch in "
            f"({', '.join('?' * len(ids))}) limit 1",
            [key, f"{WAITING}%", *ids],
        ).fetchone()
        return None if row is None else int(row[0])

    def articles(self, batch: int) -> list[int]:
        """The articles that wait on a request of `batch`, in order."""
        rows = self.db.execute(
            "select distinct article_id from batch_articles where batch = ? order by article_id",
            [batch],
        )
        return [row[0] for row in rows]

    def article(self, article_id: int) -> Article:
        row = self.db.table("articles").get(article_id)
        return Article.model_validate({k: v for k, v in row.items() if k not in ("id", "page_id")})

    def page_path(self, article_id: int) -> str:
        row = self.db.execute(
            "select p.path from pages p join articles a on a.page_id = p.id where a.id = ?",
            [article_id],
        ).fetchone()
        return str(row[0]) if row else ""

    def waiting_articles(self, batches: Iterable[int], extractor: Extractor) -> int:
        """Articles waiting on a request of one of `batches` and not extracted yet."""
        ids = list(batches)
        if not ids:
            return 0
        row = self.db.execute(
            "select count(distinct article_id) from batch_articles ba where batch in "
            f"({', '.join('?' * len(ids))}) and not exists (select 1 from extractions e where "
            "e.article_id = ba.article_id and e.backend = ? and e.model = ? and "
            "e.prompt_version = ? and e.status = 'done')",
            [*ids, extractor.backend, extractor.model, extractor.prompt_version],
        ).fetchone()
        return int(row[0])

    def exported_with(self, key: str) -> list[int]:
        """The exported batches in which request `key` waits for its results."""
        rows = self.db.execute(
            "select distinct c.batch from llm_calls c join batches b on b.id = c.batch "
            "where c.request_key = ? and c.error like ? and b.kind = 'file'",
            [key, f"{WAITING}%"],
        )
        return [row[0] for row in rows]

    # --- answers coming back ----------------------------------------------------------

    def answer(
        self,
        batch: int,
        key: str,
        *,
        response: str | None,
        status_code: int | None,
        error: str | None,
        prompt_tokens: int | None = None,
        completion_tokens: int | None = None,
    ) -> int:
        """Complete the logged requests `key` of `batch` with their answer (or why there
        is none); how many were waiting. Called inside the collection's transaction."""
        cursor = self.db.conn.execute(
            "update llm_calls set response = ?, status_code = ?, error = ?, prompt_tokens = ?, "
            "completion_tokens = ?, duration_ms = cast((julianday('now') - julianday(started_at))"
            " * 86400000 as integer) where batch = ? and request_key = ? and error = ?",
            [
                response,
                status_code,
                error,
                prompt_tokens,
                completion_tokens,
                batch,
                key,
                f"{WAITING}{batch}",
            ],
        )
        return cursor.rowcount

    def unanswered(self, batch: int, reason: str) -> list[str]:
        """The requests of `batch` still waiting, now marked with `reason`; their keys."""
        keys = [
            row[0]
            for row in self.db.execute(
                "select request_key from llm_calls where batch = ? and error = ?",
                [batch, f"{WAITING}{batch}"],
            )
        ]
        self.db.execute(
            "update llm_calls set error = ? where batch = ? and error = ?",
            [reason, batch, f"{WAITING}{batch}"],
        )
        return keys

    def waiting_keys(self, batch: int) -> Iterator[str]:
        for row in self.db.execute(
            "select request_key from llm_calls where batch = ? and error = ?",
            [batch, f"{WAITING}{batch}"],
        ):
            yield row[0]

    # --- the log as a conversation replays it -----------------------------------------

    def replay_response(self, key: str) -> tuple[str, bool] | None:
        """The reply to request `key` for a conversation replayed from the log, and
        whether it was marked as unreadable (or cut off).

        Readable replies, from any call; and replies that came in a batch and could
        not be read, until the article they belong to fails: a conversation that
        re-asked after one must meet it again to reach the re-ask.
        """
        row = self.db.execute(
            "select response, error from llm_calls where request_key = ? and response is not "
            "null and status_code = 200 and (error is null or (batch is not null and "
            "(error like 'unreadable: %' or error like ?))) order by error is not null, id desc "
            "limit 1",
            [key, f"{TOO_LONG}%"],
        ).fetchone()
        return None if row is None else (row[0], row[1] is not None)

    def ask_afresh(self, keys: Iterable[str]) -> None:
        """An article failed on replies it could not read: they are not served again."""
        keys = list(keys)
        if not keys:
            return
        with self.db.atomic():
            self.db.conn.executemany(
                "update llm_calls set error = ? || error where request_key = ? and batch is not "
                "null and (error like 'unreadable: %' or error like ?)",
                [[ASKED_AFRESH, key, f"{TOO_LONG}%"] for key in keys],
            )
