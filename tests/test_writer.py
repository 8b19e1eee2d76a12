"""The writer thread of a run with a model, and search indexed in chunks.

A write that fails leaves its article failed and unstored, and the run goes
on; indexing that fails is noted, never fatal; nothing waits forever.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils

from extractor import pipeline, pipeline_llm, search
from extractor.extract.llm import Settings, connect
from extractor.store import Store
from extractor.writer import StoreWriter, WriterStopped
from tests.conftest import SEED_PAGES, query
from tests.fakellm import rules_reply, serving

PAGE = SEED_PAGES[0]


def in_writer() -> bool:
    return threading.current_thread() is not threading.main_thread()


def run_with_model(db: Path) -> pipeline.RunSummary:
    store = Store.open(db)
    try:
        with serving(rules_reply) as fake:
            settings = Settings(model="fake", base_url=fake.url, concurrency=2, backoff=0.01)
            return pipeline_llm.run([str(PAGE)], store, connect(settings, store, {}))
    finally:
        store.close()


def test_a_write_that_fails_fails_its_article_and_the_run_goes_on(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save = Store.save_extraction
    victim: list[int] = []

    def failing(self: Store, article_id: int, *args: object, **kwargs: object) -> None:
        if in_writer() and not victim:
            victim.append(article_id)
            raise sqlite3.OperationalError("disk I/O error (made up)")
        save(self, article_id, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save_extraction", failing)
    summary = run_with_model(db_path)
    assert victim
    assert summary.articles_failed == 1
    assert any("not stored: disk I/O error" in error for error in summary.errors)
    (run,) = query(db_path, "select * from runs")
    stored = query(db_path, "select count(*) as n from extractions where status = 'done'")[0]["n"]
    metrics = query(db_path, "select count(*) as n from metrics")[0]["n"]
    # The run's row counts what was stored, nothing more.
    assert run["status"] == "finished"
    assert run["articles"] - run["articles_failed"] == stored
    assert run["metrics"] == metrics
    assert query(db_path, "select * from extractions where article_id = ?", (victim[0],)) == []


def test_indexing_that_fails_is_noted_and_the_run_finishes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync = Store.sync_search

    def failing(self: Store, *, every: float = 0.0) -> None:
        if in_writer():
            raise sqlite3.OperationalError("database is locked (made up)")
        sync(self, every=every)

    monkeypatch.setattr(Store, "sync_search", failing)
    summary = run_with_model(db_path)  # would hang if the writer died with its jobs queued
    assert summary.articles == len(query(db_path, "select id from articles"))
    assert summary.articles_failed == 0
    assert any("search not brought up to date" in error for error in summary.errors)


def test_a_job_after_the_writer_has_stopped_fails_at_once(db_path: Path) -> None:
    Store.open(db_path).close()
    writer = StoreWriter(db_path)
    assert writer.submit(lambda store: 42).result(timeout=10) == 42
    writer.close()
    with pytest.raises(WriterStopped):
        writer.submit(lambda store: 42).result(timeout=10)


def test_a_long_backlog_is_indexed_in_chunks_and_completely(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db_path)
    store.index_search = False
    pipeline.run([str(p) for p in SEED_PAGES], store, jobs=1)
    assert query(db_path, "select sum(indexed_to) as n from search_state")[0]["n"] == 0
    monkeypatch.setattr(search, "CHUNK", 7)
    store.index_search = True
    indexed = search.sync_search(store.db)
    store.close()
    rows = sum(
        query(db_path, f"select count(*) as n from {table}")[0]["n"]
        for table in search.SEARCH_COLUMNS
    )
    assert indexed == rows
    database = sqlite_utils.Database(db_path)
    for table in search.SEARCH_COLUMNS:
        index = search.index_name(table)
        database.execute(f"insert into {index}({index}) values ('integrity-check')")
        assert search.index_differences(database, table) == 0  # the index is true to the table
    database.close()
