"""Full-text search in the database: trigram tables kept current, and added to older databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.search import SEARCH_COLUMNS
from extractor.store import Store
from extractor.tables import SCHEMA_VERSION
from tests.conftest import SEED_PAGES, query


def search(db: Path, table: str, words: str) -> set[int]:
    phrase = '"' + words.replace('"', '""') + '"'
    rows = query(db, f"select rowid from {table}_fts where {table}_fts match ?", (phrase,))
    return {row["rowid"] for row in rows}


def containing(db: Path, table: str, words: str) -> set[int]:
    columns = SEARCH_COLUMNS[table]
    rows = query(db, f"select id, {', '.join(columns)} from {table}")
    return {row["id"] for row in rows if any(words in (row[c] or "") for c in columns)}


@pytest.fixture
def seeded(runner: CliRunner, db_path: Path) -> Path:
    """A database after `extractor run` over two seed pages."""
    result = runner.invoke(main, ["run", *map(str, SEED_PAGES[:2]), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return db_path


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ("articles", "安全生产"),
        ("quotes", "安全生产"),
        ("metrics", "非煤矿山"),
        ("campaigns", "主题教育"),
    ],
)
def test_search_finds_chinese_words_inside_the_text(seeded: Path, table: str, words: str) -> None:
    expected = containing(seeded, table, words)
    assert expected, f"no {table} row holds {words}"
    assert search(seeded, table, words) == expected


def test_words_of_fewer_than_three_characters_are_not_in_the_index(seeded: Path) -> None:
    assert containing(seeded, "articles", "安全")
    assert search(seeded, "articles", "安全") == set()


def test_the_index_follows_inserts_updates_and_deletes(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    try:
        article = conn.execute("select id from articles order by id limit 1").fetchone()[0]
        conn.execute("update articles set title = '雪域高原新气象' where id = ?", [article])
        quote, words = conn.execute("select id, text from quotes order by id limit 1").fetchone()
        conn.execute("delete from quotes where id = ?", [quote])
        conn.execute(
            "insert into metrics (article_id, raw, value, unit, evidence) "
            "values (?, '7座', 7, '座', '新建青稞加工厂7座。')",
            [article],
        )
        conn.commit()
    finally:
        conn.close()
    # A change to an indexed row is in the index at once ...
    assert search(seeded, "articles", "雪域高原新气象") == {article}
    assert quote not in search(seeded, "quotes", words)
    assert search(seeded, "quotes", words) == containing(seeded, "quotes", words)
    # ... a new row at the next sync (a run syncs every few seconds and at its end).
    assert search(seeded, "metrics", "青稞加工厂") == set()
    store = Store.open(seeded)
    store.sync_search()
    store.close()
    assert len(search(seeded, "metrics", "青稞加工厂")) == 1


def test_an_older_database_gets_search_on_its_next_write_open(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    for table in SEARCH_COLUMNS:
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"drop trigger [{table}_{suffix}]")
        conn.execute(f"drop table [{table}_fts]")
    conn.execute("pragma user_version = 1")
    conn.commit()
    conn.close()
    assert query(seeded, "select name from sqlite_master where name like '%_fts'") == []

    Store.open(seeded).close()

    assert query(seeded, "pragma user_version")[0]["user_version"] == SCHEMA_VERSION
    for table in SEARCH_COLUMNS:
        words = "安全生产" if table in ("articles", "quotes") else "主题教育"
        assert search(seeded, table, words) == containing(seeded, table, words)


def test_a_database_missing_only_its_triggers_gets_them_back(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    conn.execute("drop trigger articles_ai")
    conn.commit()
    conn.close()
    store = Store.open(seeded)
    try:
        page = store.add_page("x.txt", "1" * 64, 10, "utf-8", [])
        assert page.new
        store.db.execute(
            "insert into articles (page_id, seq, title, text) values (?, 0, '', '青稞丰收节开幕')",
            [page.id],
        )
        store.db.conn.commit()
        store.sync_search()
        # An indexed row changed: the restored trigger applies it at once.
        store.db.execute("update articles set text = '望果节开幕' where text = '青稞丰收节开幕'")
        store.db.conn.commit()
    finally:
        store.close()
    assert search(seeded, "articles", "青稞丰收节") == set()
    assert len(search(seeded, "articles", "望果节开幕")) == 1


def test_a_run_without_search_leaves_the_index_to_the_next_run(
    runner: CliRunner, db_path: Path
) -> None:
    page = str(SEED_PAGES[0])
    result = runner.invoke(main, ["run", page, "--db", str(db_path), "--no-search"])
    assert result.exit_code == 0, result.output
    assert containing(db_path, "articles", "安全生产")
    assert search(db_path, "articles", "安全生产") == set()
    result = runner.invoke(main, ["run", page, "--db", str(db_path)])  # nothing new to extract
    assert result.exit_code == 0, result.output
    assert search(db_path, "articles", "安全生产") == containing(db_path, "articles", "安全生产")
