"""`extractor inspect` as a reader uses it: a real server over a database made from the seeds.

The server is started as a subprocess on a free loopback port and queried
through Datasette's JSON API and HTML pages, and compared with what the
database file holds.
"""

from __future__ import annotations

import asyncio
import hashlib
import html.parser
import json
import re
import shutil
import signal
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extractor.cli import main
from extractor.models import Accepted, Campaign, CheckResult, Metric, Quote, Rejection, Span
from extractor.pipeline import rules_extractor
from extractor.store import Store
from tests.conftest import SEED_PAGES, query
from tests.inspecting import Server, inspect_server, seeded_database

# An article as hostile as OCR'd text can be: markup in every field, and records
# that nest (metrics inside a quote), overlap (two campaigns sharing words), one
# named only in the headline, and two rejections, one printed in the text.
HOSTILE_TEXT = (
    "张三表示，全市投入3000万元推进环境整治行动，惠及1.5万余人次。\n"
    "<script>alert('text')</script>另有200名志愿者参与。"
)
HOSTILE_TITLE = "<script>alert('title')</script>“清洁家园”活动启动"
WARNING = 'campaign "行动，惠及" is a <b>generic</b> phrase with no name of its own'


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words))


def add_hostile_article(db: Path) -> int:
    """Store the hostile article with its records through the store's own API; its id."""
    store = Store.open(db)
    try:
        from extractor.models import Article

        article = Article(
            seq=0,
            title=HOSTILE_TITLE,
            kicker="<b>引题</b>",
            byline="记者 <i>李四</i>",
            text=HOSTILE_TEXT,
        )
        page = store.add_page("hostile.txt", "0" * 64, 100, "utf-8", [article])
        article_id = page.articles[0][0]
        extractor = rules_extractor()
        run_id = store.start_run(extractor)
        t = HOSTILE_TEXT
        result = CheckResult(
            accepted=[
                Accepted(
                    record_type="metric",
                    record=Metric(raw="3000万元", value=30000000, unit="元", label="投入"),
                    span=_span(t, "3000万元"),
                ),
                Accepted(
                    record_type="metric",
                    record=Metric(raw="1.5万余人次", value=15000, unit="人次", approx="more"),
                    span=_span(t, "1.5万余人次"),
                ),
                Accepted(
                    record_type="quote",
                    record=Quote(
                        speaker="张三", text="全市投入3000万元推进环境整治行动", kind="indirect"
                    ),
                    span=_span(t, "全市投入3000万元推进环境整治行动"),
                ),
                Accepted(
                    record_type="campaign",
                    record=Campaign(name="环境整治行动"),
                    span=_span(t, "环境整治行动"),
                ),
                Accepted(
                    record_type="campaign",
                    record=Campaign(name="行动，惠及"),
                    span=_span(t, "行动，惠及"),
                    warnings=[WARNING],
                ),
                Accepted(record_type="campaign", record=Campaign(name="“清洁家园”活动"), span=None),
            ],
            rejected=[
                Rejection(
                    record_type="metric",
                    record={"raw": "200名", "value": 2000, "unit": "名"},
                    reasons=['value 2000 does not read as raw "200名" (200)'],
                ),
                Rejection(
                    record_type="quote",
                    record={"speaker": "<b>王五</b>", "text": "<i>没说过</i>"},
                    reasons=['speaker "<b>王五</b>" not in article'],
                ),
            ],
        )
        store.save_extraction(article_id, run_id, extractor, result)
        store.finish_run(run_id, "finished", {}, [])
        return article_id
    finally:
        store.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = seeded_database(tmp_path_factory.mktemp("inspect") / "extractions.db")
    add_hostile_article(path)
    return path


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[Server]:
    with inspect_server(db) as running:
        yield running


def hostile_id(db: Path) -> int:
    rows = query(db, "select id from articles where title = ?", (HOSTILE_TITLE,))
    return int(rows[0]["id"])


# --- starting ------------------------------------------------------------------------


def test_inspect_prints_its_url_and_serves_the_database_immutable(server: Server) -> None:
    banner = server.output()
    assert f"http://127.0.0.1:{server.port}/extractions" in banner
    (serving,) = [line for line in banner if line.startswith("serving ")]
    assert "immutable" in serving
    [database] = server.json("/-/databases.json")
    assert database["name"] == "extractions"
    assert database["is_mutable"] is False
    plugins = {p["name"] for p in server.json("/-/plugins.json")}
    assert "extractor.inspect.plugin" in plugins


# --- metadata ------------------------------------------------------------------------


def test_every_table_and_the_columns_a_reader_could_misread_are_described(
    server: Server, db: Path
) -> None:
    metadata = server.json("/-/metadata.json")
    assert metadata["title"] and metadata["description_html"]
    tables = metadata["databases"]["extractions"]["tables"]
    shown = {
        row["name"]
        for row in query(
            db,
            "select name from sqlite_master where type = 'table' "
            "and name not like '%\\_search%' escape '\\'",  # the search indexes
        )
    }
    assert shown <= set(tables), f"undescribed: {shown - set(tables)}"
    for name in shown:
        assert tables[name]["description"], name
    for table in ("metrics", "quotes", "campaigns"):
        for column in ("start", "end"):
            assert "articles.text" in tables[table]["columns"][column]
    metrics = tables["metrics"]["columns"]
    assert "15000" in metrics["value"] and "13000000000" in metrics["value"]
    assert "magnitude" in metrics["unit"]
    assert {"exact", "more", "about", "less"} <= set(re.findall(r"[a-z]+", metrics["approx"]))
    assert "JSON list" in tables["rejections"]["columns"]["reasons"]


def test_every_table_and_query_page_opens(server: Server) -> None:
    database = server.json("/extractions.json")
    tables = [t["name"] for t in database["tables"] if not t["hidden"]]
    queries = [q["name"] for q in database["queries"]]
    assert "articles" in tables and "money" in queries
    for name in ["", *tables, *queries]:
        reply = server.get(f"/extractions/{name}".rstrip("/"))
        assert reply.status == 200, (name, reply.text[:300])
    hidden = {t["name"] for t in database["tables"] if t["hidden"]}
    assert "articles_search" in hidden


def test_table_pages_show_the_descriptions(server: Server) -> None:
    page = server.get("/extractions/metrics").text
    assert "fully expanded" in page
    assert "Character offset in articles.text" in page


def test_default_facets(server: Server, db: Path) -> None:
    expected = {
        "metrics": ["unit", "approx", "warnings"],
        "quotes": ["speaker", "kind", "warnings"],
    }
    expected["campaigns"] = ["located_in", "warnings"]
    expected["rejections"] = ["record_type"]
    for table, columns in expected.items():
        facets = server.json(f"/extractions/{table}.json")["facet_results"]
        assert list(facets) == columns, table
        for column in columns:
            if column == "warnings":  # a JSON list: one facet value per warning
                counts = {r["value"]: r["count"] for r in facets[column]["results"]}
                rows = query(db, f"select warnings from {table}")
                for warning, n in counts.items():
                    assert n == sum(warning in json.loads(r["warnings"]) for r in rows)
                continue
            counts = {r["value"]: r["count"] for r in facets[column]["results"]}
            stored = query(db, f"select {column} as v, count(*) as n from {table} group by v")
            top = {r["v"]: r["n"] for r in stored}
            assert counts.items() <= top.items(), (table, column)
    units = server.json("/extractions/metrics.json")["facet_results"]["unit"]["results"]
    money = next(r for r in units if r["value"] == "元")
    assert (
        money["count"] == query(db, "select count(*) as n from metrics where unit = '元'")[0]["n"]
    )


def test_foreign_keys_show_article_titles(server: Server, db: Path) -> None:
    rows = server.rows("/extractions/metrics.json", _labels="on", _size="5")
    titles = {r["id"]: r["title"] for r in query(db, "select id, title from articles")}
    assert rows
    for row in rows:
        assert row["article_id"]["label"] == titles[row["article_id"]["value"]]


def test_runs_are_listed_newest_first(server: Server) -> None:
    ids = [row["id"] for row in server.rows("/extractions/runs.json")]
    assert len(ids) == 2 and ids == sorted(ids, reverse=True)


# --- canned queries ----------------------------------------------------------------------


def test_money_is_every_metric_in_yuan_largest_first(server: Server, db: Path) -> None:
    rows = server.rows("/extractions/money.json")
    stored = query(db, "select id, value from metrics where unit = '元'")
    assert sorted(r["metric_id"] for r in rows) == sorted(r["id"] for r in stored)
    values = [r["value"] for r in rows]
    assert values == sorted(values, reverse=True)
    # Sorted by the expanded value, not as printed: 130亿元 comes before 3000万元.
    raws = [r["raw"] for r in rows]
    assert raws.index("130亿元") < raws.index("3000万元")


def test_metrics_of_a_page_come_with_their_article_titles(server: Server, db: Path) -> None:
    page = "000_68a2d2bd55ad5801.txt"
    rows = server.rows("/extractions/page_metrics.json", page="000_")
    stored = query(
        db,
        "select m.id, a.title from metrics m join articles a on a.id = m.article_id "
        "join pages p on p.id = a.page_id where p.name = ?",
        (page,),
    )
    assert stored
    assert {(r["metric_id"], r["article"]) for r in rows} == {(r["id"], r["title"]) for r in stored}
    assert {r["page"] for r in rows} == {page}


def test_speakers_are_counted_and_the_most_quoted_comes_first(server: Server, db: Path) -> None:
    rows = server.rows("/extractions/speakers.json")
    stored = query(db, "select speaker, count(*) as n from quotes group by speaker")
    assert {(r["speaker"], r["quotes"]) for r in rows} == {(r["speaker"], r["n"]) for r in stored}
    counts = [r["quotes"] for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1


def test_campaigns_in_more_than_one_article(server: Server, db: Path) -> None:
    rows = server.rows("/extractions/campaigns_in_several_articles.json")
    stored = query(
        db,
        "select canonical from campaigns group by canonical having count(distinct article_id) > 1",
    )
    assert rows and {r["canonical"] for r in rows} == {r["canonical"] for r in stored}
    assert all(r["articles"] > 1 for r in rows)


def test_rejections_come_with_each_reason(server: Server) -> None:
    rows = server.rows("/extractions/rejections_with_reasons.json")
    by_proposed = {r["proposed"]: r for r in rows}
    assert set(by_proposed) == {"200名", "<i>没说过</i>"}
    assert by_proposed["200名"]["reasons"] == 'value 2000 does not read as raw "200名" (200)'
    assert by_proposed["200名"]["article"] == HOSTILE_TITLE


# --- search ------------------------------------------------------------------------------


def _articles_containing(db: Path, word: str) -> set[int]:
    return {
        r["id"]
        for r in query(db, "select id, title, kicker, subtitle, text from articles")
        if any(word in (r[k] or "") for k in ("title", "kicker", "subtitle", "text"))
    }


def test_full_text_search_finds_a_chinese_word_inside_the_text(server: Server, db: Path) -> None:
    word = "非煤矿山"
    rows = server.rows("/extractions/articles.json", _search=word)
    expected = _articles_containing(db, word)
    assert expected and {r["id"] for r in rows} == expected
    titles = {r["title"] for r in rows}
    assert "墨竹工卡县：“五措并举”把稳安全生产关 力保工业企业高质量发展" in titles


def test_quotes_and_evidence_are_searchable(server: Server, db: Path) -> None:
    quotes = server.rows("/extractions/quotes.json", _search="安全生产")
    assert {r["id"] for r in quotes} == {
        r["id"]
        for r in query(db, "select id, speaker, text from quotes")
        if "安全生产" in r["text"]
    }
    assert quotes
    metrics = server.rows("/extractions/metrics.json", _search="非煤矿山")
    stored = query(db, "select id, evidence, label from metrics")
    assert {r["id"] for r in metrics} == {
        r["id"] for r in stored if "非煤矿山" in (r["evidence"] or "") + (r["label"] or "")
    }
    assert metrics


def test_a_two_character_word_is_found_in_a_tables_search_box(server: Server, db: Path) -> None:
    word = "消防"
    rows = server.rows("/extractions/articles.json", _search=word)
    assert rows and {r["id"] for r in rows} == _articles_containing(db, word)
    rows = server.rows("/extractions/search.json", q=word)
    found = {r["article_id"] for r in rows if r["found_in"] == "article"}
    assert found and found == _articles_containing(db, word)
    assert {r["found_in"] for r in rows} >= {"article", "campaign"}


def test_the_search_query_uses_the_index_for_longer_words(server: Server, db: Path) -> None:
    rows = server.rows("/extractions/search.json", q="非煤矿山")
    found = {r["article_id"] for r in rows if r["found_in"] == "article"}
    assert found == _articles_containing(db, "非煤矿山")
    assert server.rows("/extractions/search.json", q='"%_') == []


# --- the review page -----------------------------------------------------------------------


class Marks(html.parser.HTMLParser):
    """The `<mark>` elements of the text section: classes, link, text; and tag balance."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[dict[str, Any]] = []
        self.in_text = 0
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "section" and "text" in (attributes.get("class") or "").split():
            self.in_text = len(self.stack) + 1
        if self.in_text and tag == "mark":
            self.marks.append({**attributes, "text": "", "href": None})
        if self.in_text and tag == "a" and self.marks and self.stack[-1:] == ["mark"]:
            self.marks[-1]["href"] = attributes.get("href")
        if tag not in ("link", "meta", "input", "br", "img"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        if self.in_text and len(self.stack) < self.in_text:
            self.in_text = 0

    def handle_data(self, data: str) -> None:
        if self.in_text and "mark" in self.stack:
            self.marks[-1]["text"] += data


def review_marks(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    assert not parser.errors, parser.errors[:5]
    return parser


def _first_seed_article(db: Path) -> dict[str, Any]:
    return query(
        db,
        "select a.* from articles a join pages p on p.id = a.page_id "
        "where p.name = '000_68a2d2bd55ad5801.txt' and a.seq = 0",
    )[0]


def test_the_review_page_highlights_every_record_and_links_it_to_its_row(
    server: Server, db: Path
) -> None:
    article = _first_seed_article(db)
    reply = server.get(f"/-/review/extractions/{article['id']}")
    assert reply.status == 200
    marks = review_marks(reply.text).marks
    linked = {m["href"]: m for m in marks}
    for table, printed in (("metrics", "raw"), ("quotes", "text"), ("campaigns", "name")):
        rows = query(
            db,
            f"select * from {table} where article_id = ? and start is not null",
            (article["id"],),
        )
        assert rows, table
        for row in rows:
            mark = linked.get(f"/extractions/{table}/{row['id']}")
            assert mark is not None, (table, row[printed])
            assert table[:-1] in mark["class"].split()
            assert mark["text"] == article["text"][row["start"] : row["end"]]
            if table == "metrics":
                assert mark["text"] == row["raw"]
                assert row["raw"] in mark["title"] and row["unit"] in mark["title"]
    page = reply.text
    assert "130亿元 = 13,000,000,000 元 (exact)" in page
    assert article["byline"] in page


def test_an_articles_row_and_table_link_to_its_review(server: Server, db: Path) -> None:
    article = _first_seed_article(db)
    link = f'href="/-/review/extractions/{article["id"]}"'
    assert link in server.get(f"/extractions/articles/{article['id']}").text
    assert link in server.get("/extractions/articles").text


def test_the_review_escapes_markup_and_keeps_overlapping_marks_well_formed(
    server: Server, db: Path
) -> None:
    reply = server.get(f"/-/review/extractions/{hostile_id(db)}")
    assert reply.status == 200
    page = reply.text
    assert "<script>alert" not in page and "<b>引题" not in page and "<i>李四" not in page
    assert re.search(
        r"&lt;script&gt;alert\((&#39;|&#x27;)text(&#39;|&#x27;)\)&lt;/script&gt;", page
    )
    assert "&lt;b&gt;引题&lt;/b&gt;" in page
    marks = review_marks(page).marks
    pieces = [(m["text"], set(m["class"].split())) for m in marks]
    # The quote is cut where the metric inside it and the campaigns begin and end.
    assert ("3000万元", {"metric", "quote"}) in pieces
    assert ("环境整治", {"quote", "campaign"}) in pieces
    assert ("行动", {"quote", "campaign"}) in pieces
    assert ("，惠及", {"campaign"}) in pieces
    assert "".join(m["text"] for m in marks if "quote" in m["class"]) == (
        "全市投入3000万元推进环境整治行动"
    )
    # A piece inside a metric links to the metric, the most specific record.
    inner = next(m for m in marks if m["text"] == "3000万元")
    assert re.fullmatch(r"/extractions/metrics/\d+", inner["href"])


def test_the_review_lists_headline_records_and_rejections_with_reasons(
    server: Server, db: Path
) -> None:
    page = server.get(f"/-/review/extractions/{hostile_id(db)}").text
    rejected = [m for m in review_marks(page).marks if "rejected" in m["class"]]
    assert [m["text"] for m in rejected] == ["200名"]
    assert re.fullmatch(r"/extractions/rejections/\d+", rejected[0]["href"])
    assert "value 2000 does not read as raw" in rejected[0]["title"]
    assert "value 2000 does not read as raw &#34;200名&#34; (200)" in page
    assert "speaker &#34;&lt;b&gt;王五&lt;/b&gt;&#34; not in article" in page
    assert "not found in the article" in page
    assert re.search(r"“清洁家园”活动\s*<em class=\"where\">in the headline</em>", page)
    headline = re.search(r"<h1>(.*?)</h1>", page, re.S)
    assert headline and '<mark class="campaign"' in headline.group(1)


def test_the_review_lists_the_warnings_of_a_record_escaped(server: Server, db: Path) -> None:
    page = server.get(f"/-/review/extractions/{hostile_id(db)}").text
    assert '<ul class="warnings">' in page
    assert "a &lt;b&gt;generic&lt;/b&gt; phrase with no name of its own" in page
    assert "<b>generic</b>" not in page
    facets = server.json("/extractions/campaigns.json")["facet_results"]["warnings"]["results"]
    assert [(r["value"], r["count"]) for r in facets] == [(WARNING, 1)]


def test_the_review_of_an_unknown_article_or_database_is_not_found(server: Server) -> None:
    assert server.get("/-/review/extractions/999999").status == 404
    assert server.get("/-/review/nowhere/1").status == 404
    assert server.get("/-/review/extractions/1", run="999").status == 404
    # Odd ids are not found either, never a server error.
    assert server.get("/-/review/extractions/99999999999999999999999").status == 404
    assert server.get("/-/review/extractions/abc").status == 404
    assert server.get("/-/review/extractions/1.5").status == 404
    assert server.get("/-/review/extractions/%C2%B2").status == 404
    assert server.get("/-/review/extractions/1", run="²").status == 200  # no such run: the newest


# --- nothing can be changed --------------------------------------------------------------


#: Paths a reader mistypes: none of them is anything, each is a 404.
NOTHING_THERE = (
    "/nothing",
    "/extractions/no_such_table",
    "/extractions/articles/999999",
    "/extractions/articles/999999.json",
    "/-/review/extractions/abc",
    "/-/review/nowhere/1",
    "/-/nothing/at/all",
)


def test_not_found_is_quiet_and_ctrl_c_ends_quietly(db: Path) -> None:
    """Each mistyped path is a 404 that prints nothing on the server's console (Datasette
    printed each with a traceback and its locals); Ctrl-C ends it with exit status 0."""
    with inspect_server(db) as quiet:
        for path in NOTHING_THERE:
            assert quiet.get(path).status == 404, path
        assert quiet.get("/-/review/extractions/1").status == 200
        quiet.process.send_signal(signal.SIGINT)
        assert quiet.process.wait(timeout=15) == 0
        assert quiet.errors() == ""
        assert quiet.output() == [
            "serving " + str(db) + " (immutable while nothing writes to it; it turns live "
            "if a run starts)",
            f"http://127.0.0.1:{quiet.port}/extractions",
        ]


def test_a_server_error_is_one_line_on_the_console(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datasette.utils.asgi import Request

    from extractor.inspect import plugin, server

    ds, _ = server.build(db, live=False)
    answer = plugin.handle_exception(ds, Request.fake("/extractions/x"), RuntimeError("a bug"))
    response = asyncio.run(answer())
    assert response.status == 500
    assert capsys.readouterr().err == "error: GET /extractions/x: RuntimeError: a bug\n"


def _fingerprint(db: Path) -> tuple[str, dict[str, int]]:
    counts = {
        table: query(db, f"select count(*) as n from {table}")[0]["n"]
        for table in ("articles", "metrics", "quotes", "campaigns", "rejections")
    }
    return hashlib.sha256(db.read_bytes()).hexdigest(), counts


def test_a_reader_cannot_change_the_data(server: Server, db: Path) -> None:
    before = _fingerprint(db)
    for sql in (
        "delete from metrics",
        "update articles set title = 'x'",
        "insert into quotes (speaker, text) values ('x', 'y')",
        "drop table rejections",
        "pragma user_version = 99",
    ):
        reply = server.get("/extractions.json", sql=sql)
        assert reply.status == 400, (sql, reply.status)
    with_cte = server.get("/extractions.json", sql="with x as (select 1) delete from metrics")
    assert with_cte.status == 400
    # Only GET and HEAD are served: a POST (how Datasette writes) runs nothing.
    for path in ("/extractions/money", "/extractions/metrics", "/-/messages"):
        posted = server.post(path, {"sql": "delete from metrics"})
        assert posted.status == 405, path
        assert "read-only" in posted.text
    assert server.rows("/extractions/money.json")
    assert _fingerprint(db) == before


def test_no_canned_query_may_write() -> None:
    from extractor.inspect.server import load_metadata

    queries = load_metadata("extractions")["databases"]["extractions"]["queries"]
    assert len(queries) >= 5
    assert not any(q.get("write") for q in queries.values())


def test_the_served_database_refuses_a_write_connection(db: Path, tmp_path: Path) -> None:
    import asyncio

    from extractor.inspect.server import build

    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    for live in (False, True):
        _, database = build(copy, live)
        with pytest.raises(PermissionError):
            database.connect(write=True)
        with pytest.raises(PermissionError):
            asyncio.run(database.execute_write("delete from metrics"))
        rows = asyncio.run(database.execute("select count(*) from metrics")).rows
        assert rows[0][0] > 0


# --- reading a database a run writes (and tests/reliability/test_concurrent_reading.py) ---


def test_live_reads_the_database_live_from_the_start(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with inspect_server(copy, "--live") as server:
        assert "live" in server.output()[0]
        assert server.json("/-/databases.json")[0]["is_mutable"] is True
        assert server.post("/copy/money", {}).status == 405
    assert _fingerprint(copy)[1] == _fingerprint(db)[1]


def test_a_database_open_elsewhere_is_read_live(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    other = sqlite3.connect(copy)  # another process's connection, as a run holds
    try:
        other.execute("select count(*) from articles").fetchone()
        assert Path(f"{copy}-wal").exists()
        with inspect_server(copy) as server:
            assert any("live" in line for line in server.output() if line.startswith("serving "))
            assert server.json("/-/databases.json")[0]["is_mutable"] is True
    finally:
        other.close()


# --- the command line ----------------------------------------------------------------------


def _inspect(*args: str) -> Result:
    result = CliRunner().invoke(main, ["inspect", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def test_a_missing_or_foreign_database_is_a_one_line_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database", encoding="utf-8")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    cases = {
        str(tmp_path / "missing.db"): "no such database",
        str(text): "cannot open the database",
        str(other): "not an extraction database",
    }
    for path, message in cases.items():
        result = _inspect("--db", path, "--port", "0")
        assert result.exit_code == 1, path
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], result.output
    assert not (tmp_path / "missing.db").exists()
    assert [t[0] for t in sqlite3.connect(other).execute("select name from sqlite_master")] == ["t"]


def test_a_busy_port_is_a_one_line_error(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _inspect("--db", str(copy), "--port", str(port))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and f"port {port}" in lines[0] and "in use" in lines[0], result.output


def test_inspect_help_has_an_example() -> None:
    result = _inspect("--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "extractor inspect --db extractions.db" in result.output


def test_a_run_ends_by_saying_how_to_inspect_its_database(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["run", str(SEED_PAGES[0]), "--db", str(db)])
    assert result.exit_code == 0
    assert re.search(rf"inspect:\s+\S*extractor inspect --db {re.escape(str(db))}\n", result.output)


def test_a_rejections_reasons_are_shown_as_a_list(server: Server) -> None:
    page = server.get("/extractions/rejections").text
    assert re.search(
        r'<ul class="reasons"><li>value 2000 does not read as raw (&#34;|&quot;)200名', page
    )


def test_an_articles_page_shows_as_its_file_name(server: Server, db: Path) -> None:
    [row] = server.rows("/extractions/articles.json", _labels="on", _size="1", _sort="id")
    [page] = query(db, "select name from pages where id = ?", (row["page_id"]["value"],))
    assert row["page_id"]["label"] == page["name"]


def test_an_older_database_is_brought_up_to_date_and_searchable(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(db, old)
    conn = sqlite3.connect(old)
    for table in ("articles", "quotes", "metrics", "campaigns"):
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"drop trigger {table}_search_{suffix}")
        conn.execute(f"drop table {table}_search")
    conn.execute("drop table search_pending")
    conn.execute("pragma user_version = 1")
    conn.commit()
    conn.close()
    with inspect_server(old) as server:
        for word in ("非煤矿山", "消防"):
            rows = server.rows("/old/articles.json", _search=word)
            assert {r["id"] for r in rows} == _articles_containing(old, word)
        assert server.json("/-/databases.json")[0]["is_mutable"] is False
