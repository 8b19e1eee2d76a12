"""The database: one SQLite file, the user's workspace, written through sqlite-utils.

Tables and the columns named in DESIGN.md are a public contract (users query
them, outside checks read them); columns may be added, never renamed.

Writes are one transaction per article: an article's records, rejections and
its `extractions` row land together or not at all, so an interrupted run
loses nothing and a re-run resumes where it stopped. A page is known by its
content (`sha256`); an article by its page and place on it (`page_id`, `seq`);
an extraction by the article and what extracted it (backend, model, prompt
version), so running the same pages again adds no rows.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from extractor.errors import TOO_LONG, UserError
from extractor.models import Article, CheckResult, LLMCall
from extractor.names import record_keys
from extractor.pagemeta import PageMeta
from extractor.rows import ResultRows, result_rows
from extractor.search import create_search, search_ready, sync_search
from extractor.tables import BACKFILL, RECORD_TABLES, SCHEMA_VERSION, TABLES
from extractor.views import create_views, describe_page, meta_columns, refresh_keys


def now() -> str:
    """The time in UTC, to the second, as ISO 8601: `2025-06-01T08:00:00+00:00`.

    Every article stored is stamped with it: the text is made once a second.
    """
    return _second(int(time.time()))


@functools.lru_cache(maxsize=1)
def _second(second: int) -> str:
    return datetime.fromtimestamp(second, UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Extractor:
    """What produced a set of records; re-running the same one adds nothing."""

    backend: str
    model: str
    prompt_version: str


@dataclass(frozen=True)
class StoredPage:
    id: int
    articles: list[tuple[int, Article]]  # (articles.id, article)
    new: bool


#: How long a write waits for another process's transaction before it fails.
BUSY_TIMEOUT_MS = 30_000


class Store:
    """The extraction database. Open it with `Store.open(path)`."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.path: Path | None = None
        self._synced = 0.0
        self.index_search = True

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (or create) the database at `path`; UserError if it cannot be one."""
        folder = Path(path).parent
        if not folder.is_dir():  # SQLite would only say "unable to open database file"
            what = "is not a folder" if folder.exists() else "does not exist"
            raise UserError(f"{path}: cannot create the database: the folder {folder} {what}")
        try:
            db = sqlite_utils.Database(path)
            db.enable_wal()
            db.execute("PRAGMA synchronous=NORMAL")
            # Another process (a run, `inspect` catching up on search) may hold the
            # write lock for a moment: wait for it rather than fail.
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys=ON")
            store = cls(db)
            store.path = Path(path)
            store.migrate()
        except sqlite3.DatabaseError as err:  # not a database, not readable
            raise UserError(f"{path}: cannot open the database: {err}") from None
        return store

    def _up_to_date(self) -> bool:
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return False
        if not search_ready(self.db):
            return False
        for name, spec in TABLES.items():
            table = self.db.table(name)
            if not table.exists() or set(spec["columns"]) - set(table.columns_dict):
                return False
        return True

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> None:
        """Create missing tables and columns; an older database opens as it is.

        An up-to-date database is only read, so opening it never waits for a writer.
        """
        if self._up_to_date():
            return
        with self.db.atomic():
            for name, spec in TABLES.items():
                table = self.db.table(name)
                if not table.exists():
                    table.create(
                        spec["columns"], pk="id", foreign_keys=spec.get("foreign_keys", [])
                    )
                    for columns in spec.get("unique", []):
                        table.create_index(columns, unique=True)
                else:
                    for column, kind in spec["columns"].items():
                        if column not in table.columns_dict:
                            table.add_column(column, kind)
                            if (name, column) in BACKFILL:
                                self.db.execute(
                                    f"update [{name}] set [{column}] = ?", [BACKFILL[name, column]]
                                )
                for columns in spec.get("indexes", []):
                    table.create_index(columns, if_not_exists=True)
            for name, column in [
                ("metrics", "article_id"),
                ("quotes", "article_id"),
                ("campaigns", "article_id"),
                ("rejections", "article_id"),
                ("metrics", "run_id"),
                ("quotes", "speaker"),
                ("llm_calls", "request_key"),
                ("llm_calls", "article_id"),
            ]:
                self.db.table(name).create_index([column], if_not_exists=True)
            create_search(self.db)
            create_views(self.db)
            refresh_keys(self.db, missing=True)  # records stored before the key columns
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        sync_search(self.db)  # an older database is searchable from its next write-open

    # --- runs -------------------------------------------------------------

    def start_run(self, extractor: Extractor) -> int:
        with self.db.atomic():
            return self._insert_one(
                "runs",
                {
                    "started_at": now(),
                    "backend": extractor.backend,
                    "model": extractor.model,
                    "prompt_version": extractor.prompt_version,
                    "status": "running",
                },
            )

    def finish_run(
        self, run_id: int, status: str, counts: Mapping[str, float | None], errors: list[str]
    ) -> None:
        with self.db.atomic():
            self.db.table("runs").update(
                run_id,
                {
                    "finished_at": now(),
                    "status": status,
                    **counts,
                    "errors": json.dumps(errors, ensure_ascii=False),
                },
            )

    # --- pages and articles -----------------------------------------------

    def add_page(
        self,
        path: str,
        sha256: str,
        chars: int,
        encoding: str,
        articles: list[Article],
        meta: PageMeta | None = None,
    ) -> StoredPage:
        """Store a page and its articles in one transaction; a known page is returned as stored.

        `meta` (paper, date, … from a manifest) is stored with a new page and laid
        over what a known page has: a page run again is described, not doubled.
        """
        row = self.db.execute("select id from pages where sha256 = ?", [sha256]).fetchone()
        if row is not None:
            if meta is not None:
                with self.db.atomic():
                    describe_page(self.db, row[0], meta)
            return StoredPage(row[0], self.articles_of(row[0]), new=False)
        with self.db.atomic():
            page_id = self._insert_one(
                "pages",
                {
                    "path": path,
                    "name": Path(path).name,
                    "sha256": sha256,
                    "chars": chars,
                    "encoding": encoding,
                    "added_at": now(),
                    **(meta_columns(meta) if meta is not None else {}),
                },
            )
            stored = [
                (
                    self._insert_one("articles", {"page_id": page_id, **article.model_dump()}),
                    article,
                )
                for article in articles
            ]
        return StoredPage(page_id, stored, new=True)

    def articles_of(self, page_id: int) -> list[tuple[int, Article]]:
        rows = self.db.table("articles").rows_where("page_id = ?", [page_id], order_by="seq")
        return [
            (row["id"], Article.model_validate({k: v for k, v in row.items() if k != "page_id"}))
            for row in rows
        ]

    # --- extractions ----------------------------------------------------------

    def is_extracted(self, article_id: int, extractor: Extractor) -> bool:
        row = self.db.execute(
            "select 1 from extractions where article_id = ? and backend = ? and model = ? "
            "and prompt_version = ? and status = 'done'",
            [article_id, extractor.backend, extractor.model, extractor.prompt_version],
        ).fetchone()
        return row is not None

    def save_extraction(
        self,
        article_id: int,
        run_id: int,
        extractor: Extractor,
        result: CheckResult | ResultRows | None,
        error: str | None = None,
        *,
        new: bool = False,
    ) -> None:
        """One article's outcome, all in one transaction: records, rejections, status.

        What an earlier extraction by the same extractor left is replaced, not
        doubled; `new` says the article was stored by this run, so there is none.
        """
        with self.db.atomic():
            if not new:
                self._forget_extraction(article_id, extractor)
            self._insert(
                "extractions",
                {
                    "article_id": article_id,
                    "run_id": run_id,
                    "backend": extractor.backend,
                    "model": extractor.model,
                    "prompt_version": extractor.prompt_version,
                    "status": "failed" if result is None else "done",
                    "error": error,
                    "finished_at": now(),
                },
            )
            if result is None:
                return
            base = {
                "article_id": article_id,
                "run_id": run_id,
                "model": extractor.model,
                "prompt_version": extractor.prompt_version,
            }
            paper, page_id = self.db.execute(
                "select p.paper, p.id from articles a join pages p on p.id = a.page_id "
                "where a.id = ?",
                [article_id],
            ).fetchone()
            rows = result if isinstance(result, ResultRows) else result_rows(result)
            by_table: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES.values()}
            for record_type, columns in rows.accepted:
                keys = record_keys(record_type, columns, paper, page_id)
                by_table[RECORD_TABLES[record_type]].append({**base, **columns, **keys})
            for table, records in by_table.items():
                self._insert(table, *records)
            self._insert(
                "rejections",
                *(
                    {**base, "record_type": kind, "record": record, "reasons": reasons}
                    for kind, record, reasons in rows.rejected
                ),
            )

    def _forget_extraction(self, article_id: int, extractor: Extractor) -> None:
        """Delete an article's extraction by `extractor`: its status, records and rejections."""
        identity = [article_id, extractor.backend, extractor.model, extractor.prompt_version]
        for table in (*RECORD_TABLES.values(), "rejections"):
            self.db.execute(
                f"delete from {table} where article_id = ? and run_id in (select id from "
                "runs where backend = ? and model = ? and prompt_version = ?)",
                identity,
            )
        self.db.execute(
            "delete from extractions where article_id = ? and backend = ? and model = ? "
            "and prompt_version = ?",
            identity,
        )

    # --- the log of LLM calls, and the cache it makes -----------------------------

    def cached_response(self, request_key: str) -> str | None:
        """The reply to an identical request answered before, if any."""
        row = self.db.execute(
            "select response from llm_calls where request_key = ? and error is null "
            "and response is not null order by id desc limit 1",
            [request_key],
        ).fetchone()
        return row[0] if row else None

    def too_long(self, request_key: str) -> str | None:
        """Why an identical request was too long for the model before (refused as longer
        than its context, or its reply cut off), if it was: it is not sent again."""
        row = self.db.execute(
            "select error from llm_calls where request_key = ? and error like ? "
            "order by id desc limit 1",
            [request_key, f"{TOO_LONG}%"],
        ).fetchone()
        return row[0].removeprefix(TOO_LONG) if row else None

    def log_call(self, call: LLMCall) -> None:
        """Log one HTTP call at once, in its own transaction: a killed run keeps its replies."""
        with self.db.atomic():
            self._insert("llm_calls", call.model_dump())

    def sync_search(self, *, every: float = 0.0) -> None:
        """Bring full-text search up to date, unless it was done less than `every` s ago.

        A run calls it as it goes (every few seconds) and when it ends, so
        search lags a run by seconds and never lasts past it. With
        `index_search` off (`run --no-search`) it does nothing: the next run
        or `extractor inspect` indexes what was left.
        """
        if not self.index_search or time.monotonic() - self._synced < every:
            return
        sync_search(self.db)
        self._synced = time.monotonic()

    def mark_unreadable(self, request_key: str, reason: str) -> None:
        """A reply that could not be read as records: kept in the log, never served again."""
        with self.db.atomic():
            self.db.execute(
                "update llm_calls set error = ? where request_key = ? and error is null",
                [reason, request_key],
            )

    def _insert(self, table: str, *rows: dict[str, Any]) -> None:
        """Insert rows of a table this module created, by its known columns.

        The hot path of a run: sqlite-utils' `insert_all` reads the table's
        schema on every call, which cost more than the extraction itself.
        """
        if rows:
            sql, columns = _insert_sql(table)
            self.db.conn.executemany(sql, [[row.get(c) for c in columns] for row in rows])

    def _insert_one(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row (as `_insert`) and return its id."""
        sql, columns = _insert_sql(table)
        rowid = self.db.conn.execute(sql, [row.get(c) for c in columns]).lastrowid
        if rowid is None:
            raise RuntimeError(f"no row was inserted into {table}")
        return rowid

    # --- reading back -------------------------------------------------------

    def latest_extractor(self) -> Extractor | None:
        row = next(
            self.db.query(
                "select backend, model, prompt_version from runs "
                "where id in (select run_id from extractions) order by id desc limit 1"
            ),
            None,
        )
        return Extractor(row["backend"], row["model"], row["prompt_version"]) if row else None

    def page_records(
        self, page_name: str, extractor: Extractor
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Accepted records of the page named `page_name` made by `extractor`, with titles."""
        for title_row in self.db.query(
            "select a.title from articles a join pages p on p.id = a.page_id where p.name = ? "
            "order by a.seq",
            [page_name],
        ):
            yield "title", title_row
        for record_type, table in RECORD_TABLES.items():
            sql = (
                f"select r.* from {table} r join articles a on a.id = r.article_id "
                "join pages p on p.id = a.page_id join extractions e "
                "on e.article_id = r.article_id and e.run_id = r.run_id "
                "where p.name = ? and e.backend = ? and e.model = ? and e.prompt_version = ?"
            )
            params = [page_name, extractor.backend, extractor.model, extractor.prompt_version]
            for row in self.db.query(sql, params):
                yield record_type, row

    def page_names(self) -> list[str]:
        """The file name of every stored page (a name twice when two pages share it)."""
        return [row["name"] for row in self.db.query("select name from pages")]


@functools.cache
def _insert_sql(table: str) -> tuple[str, list[str]]:
    columns = [c for c in TABLES[table]["columns"] if c != "id"]
    sql = "insert into [{}] ({}) values ({})".format(
        table, ", ".join(f"[{c}]" for c in columns), ", ".join("?" * len(columns))
    )
    return sql, columns
