"""Searching in `extractor inspect`: a real server, its tables' search boxes and the `search` query.

Every answer is compared with the plainest reading of the database file: the
rows whose columns hold the words (Python's `in`, Latin letters in either case).
"""

from __future__ import annotations

import asyncio
import html
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor.inspect.server import build
from extractor.search import SEARCH_COLUMNS
from tests.conftest import ROOT, query
from tests.inspecting import Server, inspect_server, seeded_database
from tests.test_search import containing

#: Made by `extractor run lasa_2023-11-30_02.txt` at schema version 3, with trigram search.
V3_DB = ROOT / "tests" / "data" / "extractions-v3.db"
#: One, two, three and more characters; common and rare.
WORDS = ["藏", "拉萨", "消防", "党建", "拉萨市", "安全生产", "非煤矿山"]
#: What the `search` query calls a row of each table.
FOUND_IN = {"articles": "article", "quotes": "quote", "metrics": "metric", "campaigns": "campaign"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_database(tmp_path_factory.mktemp("inspect-search") / "extractions.db")


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[Server]:
    with inspect_server(db) as running:
        yield running


def box(server: Server, table: str, **params: str) -> set[int]:
    """The ids a table's search box gives, every page of them."""
    rows = server.rows(f"/{server.database}/{table}.json", _size="max", **params)
    assert len(rows) < 1000, "more rows than one page holds"
    return {r["id"] for r in rows}


# --- a table's search box --------------------------------------------------------------------


@pytest.mark.parametrize("table", list(SEARCH_COLUMNS))
def test_a_tables_search_box_finds_words_of_one_two_three_and_more_characters(
    server: Server, db: Path, table: str
) -> None:
    lengths = set()
    for word in WORDS:
        expected = containing(db, table, word)
        assert box(server, table, _search=word) == expected, (table, word)
        if expected:
            lengths.add(min(len(word), 3))
    assert lengths == {1, 2, 3}, f"{table}: no rows hold words of some lengths"


def test_a_two_character_word_finds_its_articles_in_the_page_a_reader_sees(
    server: Server, db: Path
) -> None:
    expected = containing(db, "articles", "拉萨")
    assert 1 < len(expected) < len(query(db, "select id from articles"))
    page = server.get("/extractions/articles", _search="拉萨")
    assert page.status == 200
    text = html.unescape(page.text)
    assert '<input id="_search" type="search" name="_search" value="拉萨">' in text
    assert re.search(rf"{len(expected)} rows?\s+where search matches \"拉萨\"", text), text[:3000]
    shown = {int(i) for i in re.findall(r'href="/extractions/articles/(\d+)"', text)}
    assert shown == expected


def test_every_word_must_be_in_the_row_and_a_quoted_phrase_is_one_word(
    server: Server, db: Path
) -> None:
    both = box(server, "articles", _search="拉萨 消防")
    assert both and both == containing(db, "articles", "拉萨 消防")
    assert both < box(server, "articles", _search="拉萨")
    titles = query(db, "select id, title from articles where title like '% %'")
    assert titles, "no headline with a space in it"
    phrase = titles[0]["title"].split(" ")
    words = f'"{phrase[0][-2:]} {phrase[1][:2]}"'
    assert titles[0]["id"] in box(server, "articles", _search=words)
    assert box(server, "articles", _search=words) == {
        r["id"]
        for r in query(db, "select id, title from articles")
        if f"{phrase[0][-2:]} {phrase[1][:2]}" in r["title"]
    }


def test_a_search_in_one_column(server: Server, db: Path) -> None:
    found = box(server, "articles", _search_title="拉萨")
    assert found == containing(db, "articles", "拉萨", ("title",))
    assert found < box(server, "articles", _search="拉萨")
    reply = server.get("/extractions/articles.json", _search_byline="拉萨")
    assert reply.status == 400 and "Cannot search by that column" in reply.text


def test_a_raw_search_is_an_fts5_query_over_the_pairs(server: Server, db: Path) -> None:
    either = box(server, "articles", _search="拉萨 OR 消防", _searchmode="raw")
    assert either == containing(db, "articles", "拉萨") | containing(db, "articles", "消防")
    reply = server.get("/extractions/articles.json", _search='"拉萨', _searchmode="raw")
    assert reply.status == 400 or "error" in reply.json()


def test_an_empty_search_is_every_row(server: Server, db: Path) -> None:
    assert box(server, "campaigns", _search="  ") == {
        r["id"] for r in query(db, "select id from campaigns")
    }


# --- the search query ------------------------------------------------------------------------


def _haystack(db: Path, table: str, row_id: int) -> str:
    """A row's searched columns as the search query shows them: one line, in column order."""
    columns = SEARCH_COLUMNS[table]
    [row] = query(db, f"select {', '.join(columns)} from {table} where id = ?", (row_id,))
    return " ".join(row[c] for c in columns if row[c]).replace("\n", " ")


@pytest.mark.parametrize("word", ["藏", "拉萨", "非煤矿山"])
def test_the_search_query_shows_the_passage_around_each_hit(
    server: Server, db: Path, word: str
) -> None:
    rows = server.rows("/extractions/search.json", q=word, _size="max")
    for table, found_in in FOUND_IN.items():
        ids = {r["row_id"] for r in rows if r["found_in"] == found_in}
        assert ids == containing(db, table, word), (table, word)
    assert {r["found_in"] for r in rows} >= {"article", "metric", "campaign"}
    for row in rows:
        assert row["hit"] == word
        table = next(t for t, f in FOUND_IN.items() if f == row["found_in"])
        hay = _haystack(db, table, row["row_id"])
        before = row["before"].removeprefix("…")
        after = row["after"].removesuffix("…")
        assert len(before) <= 30 and len(after) <= 30
        passage = before + row["hit"] + after
        at = hay.index(word)
        assert hay[max(0, at - 30) : at + len(word) + 30] == passage
        assert row["before"].startswith("…") == (at > 30)
        assert row["after"].endswith("…") == (at + len(word) + 30 < len(hay))
        assert row["hits"] == hay.count(word) >= 1


def test_the_search_query_page_shows_passages(server: Server) -> None:
    page = server.get("/extractions/search", q="消防")
    assert page.status == 200
    text = html.unescape(page.text)
    for column in ("found_in", "before", "hit", "after", "hits"):
        assert f'class="col-{column}"' in text
    assert '<td class="col-hit">消防</td>' in text


def test_the_search_query_takes_any_text_as_words(server: Server) -> None:
    for text in ('"%_', "*", "''", "\u200b", ""):
        reply = server.get("/extractions/search.json", q=text, _shape="objects")
        assert reply.status == 200, (text, reply.text[:300])
        assert reply.json()["rows"] == [], text


# --- databases as they are -------------------------------------------------------------------


def test_rows_not_yet_indexed_are_found_while_a_run_writes(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "live.db"
    shutil.copy(db, copy)
    writer = sqlite3.connect(copy)  # a run's connection: inspect leaves indexing to it
    try:
        writer.execute(
            "insert into articles (page_id, seq, title, text) "
            "select id, 99, '望果节开幕', '僧俗群众欢度望果节。' from pages limit 1"
        )
        writer.execute("update articles set title = '雪顿节' where id = 1")
        writer.commit()
        with inspect_server(copy) as server:
            assert box(server, "articles", _search="望果") == containing(copy, "articles", "望果")
            assert len(box(server, "articles", _search="望果节开幕")) == 1
            assert 1 in box(server, "articles", _search="雪顿")
            rows = server.rows("/live/search.json", q="望果节")
            assert {r["hit"] for r in rows} == {"望果节"} and rows
    finally:
        writer.close()


def test_a_database_made_by_the_previous_version_is_upgraded_and_finds_short_words(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(V3_DB, old)
    with inspect_server(old) as server:
        rows = sum(query(old, f"select count(*) as n from {t}")[0]["n"] for t in SEARCH_COLUMNS)
        assert f"indexing {rows} rows for search (the database was made by an older version)…" in (
            server.output()
        )
        for word in ("拉萨", "藏", "城乡环境"):
            assert box(server, "articles", _search=word) == containing(old, "articles", word)
        assert server.rows("/old/search.json", q="拉萨")
    assert query(old, "select name from sqlite_master where name = 'articles_fts'") == []


def test_an_older_database_served_as_it_is_keeps_the_search_it_has(tmp_path: Path) -> None:
    """As a read-only file is served: no upgrade, Datasette's own search on its trigram tables."""
    old = tmp_path / "old.db"
    shutil.copy(V3_DB, old)
    ds, _ = build(old, live=False)

    async def get(path: str) -> Any:
        await ds.invoke_startup()
        return (await ds.client.get(path)).json()

    found = asyncio.run(get("/old/articles.json?_search=城乡环境&_shape=objects&_size=max"))
    assert {r["id"] for r in found["rows"]} == containing(old, "articles", "城乡环境") != set()
    queries = {q["name"] for q in asyncio.run(get("/old.json"))["queries"]}
    assert "search" not in queries and "money" in queries
    assert query(old, "pragma user_version") == [{"user_version": 3}]
