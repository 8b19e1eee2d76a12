"""Full-text search: words of any length found as a substring search finds them, at any moment.

The index of character pairs is checked against the plainest reading of the
rows (Python's `in`, Latin letters in either case), and against itself made
again from the rows (`index_differences`).
"""

from __future__ import annotations

import itertools
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from extractor.cli import main
from extractor.search import SEARCH_COLUMNS, index_differences, index_name, pairs
from extractor.search_query import exact_in_index, find, search_words, word_match
from extractor.store import Store
from extractor.tables import SCHEMA_VERSION
from tests.conftest import ROOT, SEED_PAGES, query

DATA = ROOT / "tests" / "data"
#: Made by `extractor run lasa_2023-11-30_02.txt` at schema version 3, with the
#: trigram search tables (vacuumed with 512-byte pages to keep it small).
V3_DB = DATA / "extractions-v3.db"
V2_DB = DATA / "extractions-v2.db"

#: Words of one to six characters, common and rare, Chinese, digits, Latin and punctuation.
WORDS = ["藏", "拉萨", "消防", "安全", "党建", "拉萨市", "安全生产", "非煤矿山", "习近平总书记"]
WORDS += ["2023", "1", "“", "，", "GDP", "gdp", "20%", "万元"]


def search(db: Path, table: str, words: str) -> set[int]:
    conn = sqlite3.connect(db)
    try:
        return set(find(conn, table, words))
    finally:
        conn.close()


def containing(db: Path, table: str, words: str, columns: tuple[str, ...] = ()) -> set[int]:
    """The rows holding every word in one of `columns` (by default the table's
    searched columns), read in Python: the answer a search must give."""
    columns = columns or SEARCH_COLUMNS[table]
    rows = query(db, f"select id, {', '.join(columns)} from {table}")
    wanted = [w.lower() for w in search_words(words)]
    return {
        row["id"]
        for row in rows
        if all(any(w in (row[c] or "").lower() for c in columns) for w in wanted)
    }


def differences(db: Path) -> dict[str, int]:
    database = sqlite_utils.Database(db)
    try:
        return {table: index_differences(database, table) for table in SEARCH_COLUMNS}
    finally:
        database.close()


@pytest.fixture
def seeded(runner: CliRunner, db_path: Path) -> Path:
    """A database after `extractor run` over the seed pages."""
    result = runner.invoke(main, ["run", *map(str, SEED_PAGES), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return db_path


# --- what the index holds, and the queries it is asked -------------------------------------


def test_a_text_is_indexed_as_its_pairs_of_characters() -> None:
    assert pairs("拉萨市") == "拉萨 萨市 市"
    assert pairs("藏") == "藏"
    assert pairs("") == pairs(None) == ""


@given(st.text(st.characters(exclude_categories=())))
def test_pairs_are_every_two_neighbours_and_the_last_alone(text: str) -> None:
    """Any text, of any script, with spaces, surrogates or characters beyond the BMP."""
    expected = " ".join([*(a + b for a, b in itertools.pairwise(text)), text[-1:]])
    assert pairs(text) == (expected if text else "")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("藏", '"藏"*'),  # the pairs beginning with it, and itself at a text's end
        ("拉萨", '"拉萨"'),
        ("非煤矿山", '"非煤" "煤矿" "矿山"'),
        ("哈哈哈", '"哈哈"'),  # a pair twice is asked once
        ('说"好', '"说""" """好"'),
        ("\u200b", None),  # invisible: the index holds nothing of it
    ],
)
def test_a_word_is_looked_up_by_its_pairs(word: str, expected: str | None) -> None:
    assert word_match(word) == expected


def test_only_words_of_one_or_two_indexed_characters_are_answered_by_the_index_alone() -> None:
    assert exact_in_index("藏") and exact_in_index("拉萨") and exact_in_index("20")
    assert not exact_in_index("拉萨市") and not exact_in_index("拉 ")


def test_a_query_splits_into_words_as_datasettes_search_box_does() -> None:
    assert search_words("拉萨  党建") == ["拉萨", "党建"]
    assert search_words('"城乡 环境" 整治') == ["城乡 环境", "整治"]
    assert search_words('"未闭合的 引号') == ["未闭合的 引号"]
    assert search_words('  ""  ') == []


# --- searching the tables ------------------------------------------------------------------


@pytest.mark.parametrize("table", list(SEARCH_COLUMNS))
def test_words_of_any_length_are_found_as_a_substring_search_finds_them(
    seeded: Path, table: str
) -> None:
    found_any = 0
    for word in WORDS:
        expected = containing(seeded, table, word)
        assert search(seeded, table, word) == expected, (table, word)
        found_any += bool(expected)
    assert found_any >= len(WORDS) // 2, f"too few of the words are in {table}"


def test_several_words_must_all_be_in_the_row(seeded: Path) -> None:
    both = search(seeded, "articles", "拉萨 消防")
    assert both == containing(seeded, "articles", "拉萨 消防")
    assert both and both < search(seeded, "articles", "拉萨")


def test_a_longer_word_must_be_printed_in_order_not_just_its_pairs(db_path: Path) -> None:
    store = Store.open(db_path)
    try:
        page = store.add_page("p.txt", "p" * 64, 10, "utf-8", [])
        for seq, text in enumerate(["非煤炭，煤矿旁的矿山", "非煤矿山企业"]):
            store.db.execute(
                "insert into articles (page_id, seq, title, text) values (?, ?, '', ?)",
                [page.id, seq, text],
            )
        store.db.conn.commit()
        store.sync_search()
        # Both hold the pairs 非煤, 煤矿 and 矿山; only one prints the word.
        assert find(store.db.conn, "articles", "非煤矿山") == [2]
        assert find(store.db.conn, "articles", "煤矿") == [1, 2]
    finally:
        store.close()


def test_the_index_follows_inserts_updates_and_deletes(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    try:
        article, old_title = conn.execute(
            "select id, title from articles where title like '%消防%' order by id limit 1"
        ).fetchone()
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
    # Every change is searched as it is at once, by a process with no code of ours ...
    assert search(seeded, "articles", "雪域高原新气象") == {article}
    assert article in search(seeded, "articles", "雪域") == containing(seeded, "articles", "雪域")
    assert article not in search(seeded, "articles", old_title)
    assert quote not in search(seeded, "quotes", words)
    assert search(seeded, "quotes", words) == containing(seeded, "quotes", words)
    assert len(search(seeded, "metrics", "青稞加工厂")) == 1
    assert query(seeded, "select name, row_id from search_pending order by name") == [
        {"name": "articles", "row_id": article},
        {"name": "quotes", "row_id": quote},
    ]
    # ... and the next sync (a run syncs every few seconds and at its end) indexes it.
    store = Store.open(seeded)
    store.sync_search()
    store.close()
    assert query(seeded, "select count(*) as n from search_pending") == [{"n": 0}]
    assert differences(seeded) == dict.fromkeys(SEARCH_COLUMNS, 0)
    assert search(seeded, "articles", "雪域高原新气象") == {article}
    for table in SEARCH_COLUMNS:
        for word in ("拉萨", "安全生产", "青稞"):
            assert search(seeded, table, word) == containing(seeded, table, word)


def test_an_index_that_disagrees_with_its_rows_is_seen(seeded: Path) -> None:
    assert differences(seeded)["articles"] == 0
    conn = sqlite3.connect(seeded)
    conn.execute(  # pairs no row holds, given straight to the index
        "insert into articles_search (rowid, title, kicker, subtitle, text) "
        "values (1, '雪顿 顿节', '', '', '')"
    )
    conn.commit()
    conn.close()
    assert differences(seeded)["articles"] == 2


def test_an_id_deleted_and_used_again_is_indexed_as_its_new_row(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    last = conn.execute("select max(id) from campaigns").fetchone()[0]
    conn.execute("delete from campaigns where id = ?", [last])
    conn.execute(
        "insert into campaigns (id, article_id, name, evidence) "
        "select ?, id, '望果节', '举办望果节。' from articles limit 1",
        [last],
    )
    conn.commit()
    conn.close()
    assert search(seeded, "campaigns", "望果") == {last}
    Store.open(seeded).close()  # a write-open syncs
    assert differences(seeded)["campaigns"] == 0
    assert search(seeded, "campaigns", "望果") == {last}


def test_a_change_to_a_column_not_searched_leaves_the_index_alone(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    conn.execute("update campaigns set organizer = '拉萨市'")
    conn.execute("update metrics set unit = unit")
    conn.commit()
    conn.close()
    assert query(seeded, "select count(*) as n from search_pending") == [{"n": 0}]


def test_a_run_without_search_leaves_the_index_to_the_next_run(
    runner: CliRunner, db_path: Path
) -> None:
    page = str(SEED_PAGES[0])
    result = runner.invoke(main, ["run", page, "--db", str(db_path), "--no-search"])
    assert result.exit_code == 0, result.output
    assert query(db_path, "select sum(indexed_to) as n from search_state") == [{"n": 0}]
    # Rows not yet indexed are read directly: search is right, only slower.
    assert containing(db_path, "articles", "安全生产")
    assert search(db_path, "articles", "安全生产") == containing(db_path, "articles", "安全生产")
    result = runner.invoke(main, ["run", page, "--db", str(db_path)])  # nothing new to extract
    assert result.exit_code == 0, result.output
    last = query(db_path, "select max(id) as n from articles")[0]["n"]
    assert query(db_path, "select indexed_to from search_state where name = 'articles'") == [
        {"indexed_to": last}
    ]
    assert differences(db_path) == dict.fromkeys(SEARCH_COLUMNS, 0)


def test_tools_that_read_every_table_read_the_indexes_too(seeded: Path) -> None:
    """`sqlite-utils tables --counts` (which a run's summary suggests) and a dump."""
    tool = Path(sys.executable).with_name("sqlite-utils")
    counted = subprocess.run(
        [str(tool), "tables", str(seeded), "--counts"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert counted.returncode == 0, counted.stderr
    counts = {t["table"]: t["count"] for t in json.loads(counted.stdout)}
    for table in SEARCH_COLUMNS:
        assert counts[index_name(table)] == counts[table] > 0
    conn = sqlite3.connect(seeded)
    try:
        assert any("articles_search" in line for line in conn.iterdump())
    finally:
        conn.close()


# --- older databases -----------------------------------------------------------------------


@pytest.mark.parametrize("old", [V3_DB, V2_DB], ids=["v3", "v2"])
def test_an_older_database_trades_its_trigram_tables_for_pairs(old: Path, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(old, db)
    trigram = [f"{table}_fts" for table in SEARCH_COLUMNS]
    names = {r["name"] for r in query(db, "select name from sqlite_master")}
    assert set(trigram) <= names and "articles_ai" in names

    Store.open(db).close()

    assert query(db, "pragma user_version")[0]["user_version"] == SCHEMA_VERSION
    names = {r["name"] for r in query(db, "select name from sqlite_master")}
    assert not {n for n in names if n.endswith(("_fts", "_ai", "_ad", "_au")) and "search" not in n}
    assert not {n for n in names if "_fts_" in n}
    assert {index_name(table) for table in SEARCH_COLUMNS} <= names
    assert differences(db) == dict.fromkeys(SEARCH_COLUMNS, 0)
    for table in SEARCH_COLUMNS:
        for word in ("拉萨", "城乡", "藏", "城乡环境综合大整治"):
            assert search(db, table, word) == containing(db, table, word), (table, word)
    assert search(db, "articles", "拉萨")


def test_a_database_missing_only_its_triggers_gets_them_back(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    conn.execute("drop trigger articles_search_au")
    conn.commit()
    conn.close()
    store = Store.open(seeded)
    try:
        page = store.add_page("x.txt", "1" * 64, 10, "utf-8", [])
        store.db.execute(
            "insert into articles (page_id, seq, title, text) values (?, 0, '', '青稞丰收节开幕')",
            [page.id],
        )
        store.db.conn.commit()
        store.sync_search()
        # An indexed row changed: the restored trigger notes it at once.
        store.db.execute("update articles set text = '望果节开幕' where text = '青稞丰收节开幕'")
        store.db.conn.commit()
    finally:
        store.close()
    assert search(seeded, "articles", "青稞丰收节") == set()
    assert len(search(seeded, "articles", "望果节开幕")) == 1
