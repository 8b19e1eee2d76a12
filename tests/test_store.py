"""The store through a whole run: contract tables, grounded offsets, re-runs, interruptions."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extractor import pipeline
from extractor.cli import main
from extractor.extract import rules
from extractor.models import Article, ArticleRecords, Campaign, Metric
from extractor.segment import segment_page
from extractor.sources import read_page
from extractor.store import Extractor, Store
from extractor.tables import SCHEMA_VERSION
from extractor.textindex import normalize
from tests.conftest import SEED_PAGES, SEEDS

#: The columns DESIGN.md promises; the store may add more, never fewer.
CONTRACT_COLUMNS: dict[str, set[str]] = {
    "pages": {
        "id",
        "path",
        "name",
        "sha256",
        "chars",
        "encoding",
        "paper",
        "date",
        "edition",
        "page",
        "title",
        "meta",
    },
    "articles": {
        "id",
        "page_id",
        "seq",
        "title",
        "kicker",
        "subtitle",
        "byline",
        "dateline",
        "text",
    },
    "runs": {"id", "started_at", "finished_at", "backend", "model", "prompt_version", "status"},
    "metrics": {
        "id",
        "article_id",
        "run_id",
        "label",
        "raw",
        "value",
        "value_max",
        "unit",
        "approx",
        "evidence",
        "start",
        "end",
        "warnings",
    },
    "quotes": {
        "id",
        "article_id",
        "run_id",
        "speaker",
        "speaker_title",
        "text",
        "kind",
        "start",
        "end",
        "warnings",
    },
    "campaigns": {
        "id",
        "article_id",
        "run_id",
        "name",
        "canonical",
        "organizer",
        "location",
        "evidence",
        "start",
        "end",
        "warnings",
    },
    "rejections": {"id", "article_id", "run_id", "record_type", "record", "reasons"},
}
#: Tables whose rows a re-run of the same pages with the same extractor must not add to.
STABLE_TABLES = (
    "pages",
    "articles",
    "extractions",
    "metrics",
    "quotes",
    "campaigns",
    "rejections",
)
#: The field of each record type that its span covers, and whether quotation marks count.
SPAN_FIELDS = {"metrics": ("raw", False), "quotes": ("text", True), "campaigns": ("name", True)}


class BackendCrashed(Exception):
    """Stands for whatever stops a run half-way (a crash, a kill, a lost connection)."""


# --- helpers -----------------------------------------------------------------


def connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def query(db: Path, sql: str, params: Iterable[object] = ()) -> list[dict[str, Any]]:
    conn = connect(db)
    try:
        return [dict(row) for row in conn.execute(sql, tuple(params))]
    finally:
        conn.close()


def count(db: Path, table: str) -> int:
    return int(query(db, f"select count(*) as n from {table}")[0]["n"])


def counts(db: Path, tables: Iterable[str] = STABLE_TABLES) -> dict[str, int]:
    return {table: count(db, table) for table in tables}


def columns(db: Path, table: str) -> set[str]:
    return {row["name"] for row in query(db, f"pragma table_info({table})")}


def snapshot(db: Path) -> dict[str, list[str]]:
    """Every stored row, keyed by page name and article seq instead of row ids, sorted.

    Two databases with the same snapshot hold the same pages, articles, extractions
    and records, however their ids and runs were numbered.
    """
    ids = {"id", "page_id", "article_id", "run_id", "finished_at", "added_at", "path"}
    tables: dict[str, str] = {
        "pages": "select p.* from pages p",
        "articles": "select p.name as page, a.* from articles a join pages p on p.id = a.page_id",
    }
    for table in ("extractions", "metrics", "quotes", "campaigns", "rejections"):
        tables[table] = (
            f"select p.name as page, a.seq as seq, r.* from {table} r "
            "join articles a on a.id = r.article_id join pages p on p.id = a.page_id"
        )
    return {
        table: sorted(
            json.dumps({k: v for k, v in row.items() if k not in ids}, ensure_ascii=False)
            for row in query(db, sql)
        )
        for table, sql in tables.items()
    }


def run_pages(db: Path, paths: Iterable[Path], **options: Any) -> pipeline.RunSummary:
    store = Store.open(db)
    try:
        return pipeline.run([str(p) for p in paths], store, **options)
    finally:
        store.close()


def invoke_run(runner: CliRunner, *args: str) -> Result:
    result = runner.invoke(main, ["run", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def one_line(text: str) -> str:
    """The output with the console's line wrapping undone."""
    return " ".join(text.split())


@pytest.fixture
def seeded(runner: CliRunner, db_path: Path) -> Path:
    """A database after `extractor run seeds/`."""
    result = invoke_run(runner, str(SEEDS), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    return db_path


# --- the tables ------------------------------------------------------------------


def test_run_creates_the_contract_tables_and_columns(seeded: Path) -> None:
    for table, wanted in CONTRACT_COLUMNS.items():
        missing = wanted - columns(seeded, table)
        assert not missing, f"{table} lacks {sorted(missing)}"


def test_pages_record_path_name_hash_size_and_encoding(seeded: Path) -> None:
    pages = {row["name"]: row for row in query(seeded, "select * from pages")}
    assert sorted(pages) == [p.name for p in SEED_PAGES]
    for page in SEED_PAGES:
        row = pages[page.name]
        assert row["path"] == str(page)
        assert row["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
        assert row["chars"] == len(page.read_text(encoding="utf-8"))
        assert row["encoding"] == "utf-8"


def test_articles_are_the_segmented_articles_numbered_from_zero(seeded: Path) -> None:
    for page in SEED_PAGES:
        rows = query(
            seeded,
            "select a.* from articles a join pages p on p.id = a.page_id where p.name = ? "
            "order by a.seq",
            [page.name],
        )
        segmented = segment_page(read_page(page).text)
        assert [row["seq"] for row in rows] == list(range(len(segmented)))
        stored = [Article.model_validate(row) for row in rows]
        assert stored == segmented


def test_every_accepted_record_points_into_its_article(seeded: Path) -> None:
    run_ids = {row["id"] for row in query(seeded, "select id from runs")}
    for table, (field, drop_quotes) in SPAN_FIELDS.items():
        rows = query(
            seeded,
            f"select r.*, a.text as article_text, a.title as article_title, "
            f"a.kicker as article_kicker, a.subtitle as article_subtitle from {table} r "
            "join articles a on a.id = r.article_id",
        )
        assert rows, f"the rules backend accepted no {table} on the seed pages"
        for row in rows:
            assert row["run_id"] in run_ids
            wanted = normalize(row[field], drop_quotes=drop_quotes)
            if row["located_in"] == "title":
                # Named only in the headline (kicker, title or subtitle): no offsets.
                assert row["start"] is None and row["end"] is None, row
                headline = "".join(
                    row[k] or "" for k in ("article_kicker", "article_title", "article_subtitle")
                )
                assert wanted in normalize(headline, drop_quotes=drop_quotes)
                continue
            assert row["located_in"] == "text", row
            text = row["article_text"]
            start, end = row["start"], row["end"]
            assert 0 <= start < end <= len(text), row
            assert normalize(text[start:end], drop_quotes=drop_quotes) == wanted, (
                table,
                text[start:end],
                row[field],
            )
            if "evidence" in row:
                # Evidence is filled in from the article when the backend gave none.
                evidence = normalize(row["evidence"], drop_quotes=True)
                assert evidence and evidence in normalize(text, drop_quotes=True)
                assert normalize(row[field], drop_quotes=True) in evidence


def test_metric_offsets_cover_exactly_their_raw(seeded: Path) -> None:
    rows = query(
        seeded,
        "select m.raw, m.start, m.end, a.text from metrics m join articles a on a.id = m.article_id "
        "where m.located_in = 'text'",
    )
    assert rows
    for row in rows:
        assert row["text"][row["start"] : row["end"]] == row["raw"]


def _headline_only(article: Article) -> ArticleRecords:
    """A campaign named by the whole headline, for articles whose body does not repeat it."""
    if article.title and normalize(article.title, drop_quotes=True) not in normalize(
        article.text, drop_quotes=True
    ):
        return ArticleRecords(campaigns=[Campaign(name=article.title)])
    return ArticleRecords()


def test_a_record_named_only_in_the_headline_is_located_in_the_title(db_path: Path) -> None:
    summary = run_pages(db_path, SEED_PAGES[:2], extract=_headline_only)
    expected = sorted(
        article.title
        for page in SEED_PAGES[:2]
        for article in segment_page(read_page(page).text)
        if _headline_only(article).campaigns
    )
    assert expected
    rows = query(
        db_path,
        'select c.name, c.start, c."end", c.located_in, c.evidence, a.title from campaigns c '
        "join articles a on a.id = c.article_id",
    )
    assert sorted(row["name"] for row in rows) == expected
    assert summary.accepted["campaign"] == len(expected)
    for row in rows:
        assert row["located_in"] == "title"
        assert row["start"] is None and row["end"] is None
        assert row["name"] == row["title"] == row["evidence"]


_PHANTOM = Metric(raw="98765人次", value=1, unit="人次")


def _rules_and_a_phantom(article: Article) -> ArticleRecords:
    """The rules' records plus one metric printed nowhere, which the checker must refuse."""
    records = rules.extract(article)
    return records.model_copy(update={"metrics": [*records.metrics, _PHANTOM]})


def test_rejected_records_are_kept_with_their_reasons(db_path: Path) -> None:
    summary = run_pages(db_path, SEED_PAGES[:1], extract=_rules_and_a_phantom)
    articles = count(db_path, "articles")
    rows = query(db_path, "select * from rejections")
    assert len(rows) == articles == summary.rejected["metric"]
    assert {row["record_type"] for row in rows} == {"metric"}
    for row in rows:
        assert json.loads(row["record"])["raw"] == _PHANTOM.raw
        reasons = json.loads(row["reasons"])
        assert isinstance(reasons, list) and reasons
        assert all(isinstance(reason, str) and reason for reason in reasons)
        assert any(_PHANTOM.raw in reason for reason in reasons)
    assert query(db_path, "select * from metrics where raw = ?", [_PHANTOM.raw]) == []


# A true count with a label from nowhere in its sentence, and a generic phrase as a name.
_WARNED_METRIC = Metric(raw="130亿元", value=13000000000, unit="元", label="财政收入")
_WARNED_CAMPAIGN = Campaign(name="安全生产工作")


def _rules_and_two_doubtful(article: Article) -> ArticleRecords:
    records = rules.extract(article)
    if "产值130亿元" not in article.text:
        return records
    return records.model_copy(
        update={
            "metrics": [*records.metrics, _WARNED_METRIC],
            "campaigns": [*records.campaigns, _WARNED_CAMPAIGN],
        }
    )


def test_records_that_deserve_a_look_are_stored_with_their_warnings(db_path: Path) -> None:
    run_pages(db_path, SEED_PAGES[:1], extract=_rules_and_two_doubtful)
    for table in ("metrics", "quotes", "campaigns"):
        for row in query(db_path, f"select warnings from {table}"):
            assert isinstance(json.loads(row["warnings"]), list), table
    (metric,) = query(db_path, "select * from metrics where label = '财政收入'")
    assert [w for w in json.loads(metric["warnings"]) if "财政收入" in w]
    (campaign,) = query(db_path, "select * from campaigns where name = '安全生产工作'")
    assert [w for w in json.loads(campaign["warnings"]) if "generic phrase" in w]
    rows = query(db_path, "select warnings from metrics where label != '财政收入'")
    assert sum(json.loads(row["warnings"]) == [] for row in rows) > len(rows) // 2


def test_an_older_database_gets_warnings_empty_for_the_records_it_holds(seeded: Path) -> None:
    conn = sqlite3.connect(seeded)
    for table in ("metrics", "quotes", "campaigns"):
        conn.execute(f"alter table {table} drop column warnings")
    conn.execute("pragma user_version = 2")
    conn.commit()
    conn.close()
    before = {t: count(seeded, t) for t in ("metrics", "quotes", "campaigns")}

    Store.open(seeded).close()

    assert query(seeded, "pragma user_version")[0]["user_version"] == SCHEMA_VERSION
    for table, rows in before.items():
        assert rows and query(seeded, f"select distinct warnings from {table}") == [
            {"warnings": "[]"}
        ]


# --- re-runs ------------------------------------------------------------------------


def test_running_the_same_pages_again_adds_no_rows(
    runner: CliRunner, seeded: Path, db_path: Path
) -> None:
    before = counts(seeded)
    assert before["articles"] > 0 and before["metrics"] > 0
    assert before["extractions"] == before["articles"]

    again = invoke_run(runner, str(SEEDS), "--db", str(db_path))

    assert again.exit_code == 0, again.output
    assert counts(seeded) == before
    summary = one_line(again.stdout)
    assert re.search(
        rf"articles: 0 extracted\b.*\b{before['articles']} already in the database", summary
    ), summary
    runs = query(seeded, "select * from runs order by id")
    assert len(runs) == 2
    second = runs[1]
    assert second["status"] == "finished"
    assert second["articles"] == second["articles_skipped"] == before["articles"]
    assert (second["metrics"], second["quotes"], second["campaigns"]) == (0, 0, 0)


def test_rejections_are_not_stored_twice(db_path: Path) -> None:
    run_pages(db_path, SEED_PAGES[:2], extract=_rules_and_a_phantom)
    before = counts(db_path)
    assert before["rejections"] > 0

    summary = run_pages(db_path, SEED_PAGES[:2], extract=_rules_and_a_phantom)

    assert counts(db_path) == before
    assert summary.articles_skipped == summary.articles == before["articles"]
    assert sum(summary.rejected.values()) == 0


def test_a_page_is_known_by_its_content_not_its_path(
    runner: CliRunner, seeded: Path, tmp_path: Path
) -> None:
    copies = tmp_path / "copies"
    shutil.copytree(SEEDS, copies)
    before = snapshot(seeded)

    result = invoke_run(runner, str(copies), "--db", str(seeded))

    assert result.exit_code == 0, result.output
    assert snapshot(seeded) == before


def test_a_new_extractor_version_extracts_again(db_path: Path) -> None:
    first = run_pages(db_path, SEED_PAGES[:1])
    newer = Extractor(rules.BACKEND, rules.BACKEND, rules.RULES_VERSION + "-next")

    second = run_pages(db_path, SEED_PAGES[:1], extractor=newer)

    assert second.articles_skipped == 0
    assert second.accepted == first.accepted
    per_run = query(db_path, "select run_id, count(*) as n from metrics group by run_id")
    assert {row["run_id"]: row["n"] for row in per_run} == {
        first.run_id: first.accepted["metric"],
        second.run_id: second.accepted["metric"],
    }
    versions = query(db_path, "select distinct prompt_version from extractions")
    assert {row["prompt_version"] for row in versions} == {
        rules.RULES_VERSION,
        newer.prompt_version,
    }


# --- interruptions ------------------------------------------------------------


def articles_on(page: Path) -> int:
    return len(segment_page(read_page(page).text))


def extractions(db: Path) -> list[tuple[str, int, str]]:
    rows = query(
        db,
        "select p.name, a.seq, e.status from extractions e join articles a on a.id = e.article_id "
        "join pages p on p.id = a.page_id order by p.name, a.seq",
    )
    return [(row["name"], row["seq"], row["status"]) for row in rows]


def records_of(snap: dict[str, list[str]], page: Path, seqs: range) -> dict[str, list[str]]:
    """The record rows of a snapshot that belong to the given articles of a page."""
    return {
        table: [
            row
            for row in snap[table]
            if json.loads(row)["page"] == page.name and json.loads(row)["seq"] in seqs
        ]
        for table in ("metrics", "quotes", "campaigns", "rejections")
    }


def interrupt(db: Path, page: int, seq: int) -> None:
    """Run the seeds into `db` and stop dead (Ctrl-C) while extracting article `seq` of `page`."""
    assert seq < articles_on(SEED_PAGES[page])
    target = segment_page(read_page(SEED_PAGES[page]).text)[seq]

    def interrupted_at(article: Article) -> ArticleRecords:
        if article == target:
            raise KeyboardInterrupt
        return rules.extract(article)

    with pytest.raises(KeyboardInterrupt):
        run_pages(db, [SEEDS], extract=interrupted_at)


def test_an_interrupted_run_keeps_finished_pages_and_resumes(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    run_pages(fresh, [SEEDS])
    db = tmp_path / "interrupted.db"
    first = SEED_PAGES[0]

    interrupt(db, page=1, seq=3)

    # The first page is stored whole; nothing is half-stored.
    on_first = articles_on(first)
    assert [e for e in extractions(db) if e[0] == first.name] == [
        (first.name, seq, "done") for seq in range(on_first)
    ]
    assert all(status == "done" for _, _, status in extractions(db))
    stored = snapshot(db)
    assert records_of(stored, first, range(on_first)) == records_of(
        snapshot(fresh), first, range(on_first)
    )
    assert stored["metrics"], "the first page should have produced metrics"
    for table in ("metrics", "quotes", "campaigns", "rejections"):
        orphans = query(
            db,
            f"select id from {table} where article_id not in (select article_id from extractions)",
        )
        assert orphans == [], table
    run = query(db, "select * from runs")[0]
    assert run["status"] == "interrupted"
    assert run["finished_at"]

    summary = run_pages(db, [SEEDS])

    assert summary.articles_skipped >= on_first
    assert counts(db) == counts(fresh)
    assert snapshot(db) == snapshot(fresh)
    assert query(db, "select status from runs order by id desc limit 1") == [{"status": "finished"}]


def test_an_interruption_keeps_the_articles_finished_on_its_page(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    run_pages(fresh, [SEEDS])
    db = tmp_path / "interrupted.db"
    second = SEED_PAGES[1]

    interrupt(db, page=1, seq=3)

    assert [e for e in extractions(db) if e[0] == second.name] == [
        (second.name, seq, "done") for seq in range(3)
    ]
    assert records_of(snapshot(db), second, range(4)) == records_of(
        snapshot(fresh), second, range(3)
    )


def test_a_failing_article_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    run_pages(fresh, [SEEDS])
    db = tmp_path / "failing.db"
    page, failing = SEED_PAGES[0], 2
    target = segment_page(read_page(page).text)[failing]

    def fails_on_one(article: Article) -> ArticleRecords:
        if article == target:
            raise BackendCrashed("the backend went away")
        return rules.extract(article)

    summary = run_pages(db, [SEEDS], extract=fails_on_one)

    assert summary.articles_failed == 1
    assert any("the backend went away" in error for error in summary.errors)
    total = sum(articles_on(p) for p in SEED_PAGES)
    assert extractions(db) == sorted(
        (p.name, seq, "failed" if (p, seq) == (page, failing) else "done")
        for p in SEED_PAGES
        for seq in range(articles_on(p))
    )
    errors = query(db, "select error from extractions where status = 'failed'")
    assert len(errors) == 1 and "the backend went away" in errors[0]["error"]
    nothing: dict[str, list[str]] = {
        table: [] for table in ("metrics", "quotes", "campaigns", "rejections")
    }
    only_failing = range(failing, failing + 1)
    assert records_of(snapshot(db), page, only_failing) == nothing
    assert records_of(snapshot(fresh), page, only_failing) != nothing
    run = query(db, "select * from runs")[0]
    assert (run["status"], run["articles_failed"]) == ("finished", 1)

    again = run_pages(db, [SEEDS])

    assert again.articles_skipped == total - 1
    assert again.articles_failed == 0
    assert snapshot(db) == snapshot(fresh)


def test_a_failure_while_saving_an_article_stores_none_of_it(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    run_pages(fresh, [SEEDS])
    # A campaign named once in the seeds, in an article that also has metrics: its
    # metrics are written in the same transaction, before the campaign that fails.
    target = query(
        fresh,
        "select c.name, p.name as page, a.seq from campaigns c "
        "join articles a on a.id = c.article_id join pages p on p.id = a.page_id "
        "where a.seq > 0 and c.article_id in (select article_id from metrics) "
        "group by c.name having count(*) = 1 order by p.name, a.seq limit 1",
    )[0]
    db = tmp_path / "interrupted.db"
    Store.open(db).close()
    conn = connect(db)
    name = target["name"].replace("'", "''")
    conn.execute(
        "create trigger fail_on_campaign before insert on campaigns "
        f"when new.name = '{name}' begin select raise(abort, 'disk full'); end"
    )
    conn.commit()
    conn.close()

    with pytest.raises(sqlite3.DatabaseError, match="disk full"):
        run_pages(db, [SEEDS])

    failed = query(
        db,
        "select a.id from articles a join pages p on p.id = a.page_id where p.name = ? and a.seq = ?",
        [target["page"], target["seq"]],
    )[0]["id"]
    for table in ("extractions", "metrics", "quotes", "campaigns", "rejections"):
        assert query(db, f"select id from {table} where article_id = ?", [failed]) == [], table
    assert count(db, "extractions") > 0
    for table in ("metrics", "quotes", "campaigns"):
        orphans = query(
            db,
            f"select id from {table} where article_id not in (select article_id from extractions)",
        )
        assert orphans == [], table

    conn = connect(db)
    conn.execute("drop trigger fail_on_campaign")
    conn.commit()
    conn.close()
    run_pages(db, [SEEDS])

    assert snapshot(db) == snapshot(fresh)


def test_opening_an_up_to_date_database_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    Store.open(db).close()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another run, in the middle of an article
    try:
        reader = Store.open(db)  # would wait, then fail, if opening wrote anything
        assert reader.latest_extractor() is None
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
