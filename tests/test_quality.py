"""The rules backend on the seed pages, scored against the gold files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor import pipeline
from extractor.check import check_against
from extractor.evaluate import Report, evaluate
from extractor.extract import rules
from extractor.segment import segment_page
from extractor.sources import read_page
from extractor.store import Store
from extractor.textindex import TextIndex
from tests.conftest import GOLD, SEED_PAGES

FLOORS = {"metrics": 0.90, "quotes": 0.90, "campaigns": 0.85, "titles": 0.90}
# Agreement with gold of the fields that do not decide a match, on the records matched.
AGREEMENT_FLOORS = {"labels": 0.60, "organizers": 0.65, "locations": 0.65}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, pipeline.RunSummary]]:
    store = Store.open(tmp_path_factory.mktemp("quality") / "extractions.db")
    summary = pipeline.run([str(p) for p in SEED_PAGES], store)
    yield store, summary
    store.close()


@pytest.fixture(scope="module")
def report(seeded: tuple[Store, pipeline.RunSummary]) -> Report:
    return evaluate(seeded[0], GOLD)


def test_every_seed_page_runs(seeded: tuple[Store, pipeline.RunSummary]) -> None:
    _, summary = seeded
    assert summary.errors == []
    assert (summary.pages, summary.pages_failed, summary.articles_failed) == (len(SEED_PAGES), 0, 0)
    assert summary.articles > 0


def test_every_gold_page_was_extracted(report: Report) -> None:
    assert report.missing == []
    assert sorted(report.pages) == [p.name for p in SEED_PAGES]


@pytest.mark.parametrize("kind", FLOORS)
def test_f1_over_all_pages(report: Report, kind: str) -> None:
    score = report.total()[kind]
    assert score.gold > 0
    assert score.f1 >= FLOORS[kind], score.as_dict()


@pytest.mark.parametrize("field", AGREEMENT_FLOORS)
def test_fields_agree_with_gold(report: Report, field: str) -> None:
    agreement = report.total_agreement()[field]
    assert agreement.compared > 0
    assert (agreement.share or 0) >= AGREEMENT_FLOORS[field], agreement.as_dict()


def test_organizers_and_locations_are_printed_in_their_article(
    seeded: tuple[Store, pipeline.RunSummary],
) -> None:
    """Who runs a campaign and where are words of its article (headline, dateline or text)."""
    store, _ = seeded
    sql = (
        "select c.name, c.organizer, c.location, a.kicker, a.title, a.subtitle, a.dateline, a.text "
        "from campaigns c join articles a on a.id = c.article_id"
    )
    rows = list(store.db.query(sql))
    assert any(row["organizer"] for row in rows) and any(row["location"] for row in rows)
    for row in rows:
        printed = "\n".join(
            str(row[k] or "") for k in ("kicker", "title", "subtitle", "dateline", "text")
        )
        for field in ("organizer", "location"):
            assert row[field] is None or row[field] in printed, (row["name"], field, row[field])


def test_rules_output_is_never_rejected(seeded: tuple[Store, pipeline.RunSummary]) -> None:
    store, summary = seeded
    assert summary.rejected == dict.fromkeys(pipeline.RECORD_TYPES, 0)
    assert list(store.db.query("select record_type, reasons from rejections")) == []


def _records(store: Store, table: str) -> Iterator[tuple[str, str, dict[str, object]]]:
    """(article headline, article text, record row) for every stored record of `table`.

    The headline is the kicker, title and subtitle: a record may be named there only.
    """
    sql = (
        "select a.kicker as article_kicker, a.title as article_title, "
        "a.subtitle as article_subtitle, a.text as article_text, r.* "
        f"from {table} r join articles a on a.id = r.article_id"
    )
    for row in store.db.query(sql):
        parts = (row["article_kicker"], row["article_title"], row["article_subtitle"])
        yield "\n".join(str(p) for p in parts if p), str(row["article_text"]), row


def _grounded(text: str, title: str, needle: str, *, drop_quotes: bool = False) -> bool:
    return any(
        TextIndex(where, drop_quotes=drop_quotes).find(needle) is not None
        for where in (text, title)
    )


def test_every_accepted_record_is_grounded(seeded: tuple[Store, pipeline.RunSummary]) -> None:
    """Each record's fields occur in its own article, at the offsets stored with it."""
    store, _ = seeded
    problems: list[str] = []
    counts = {"metrics": 0, "quotes": 0, "campaigns": 0}
    for table, field, drop_quotes in (
        ("metrics", "raw", False),
        ("quotes", "text", True),
        ("campaigns", "name", True),
    ):
        for title, text, row in _records(store, table):
            counts[table] += 1
            value = str(row[field])
            if not _grounded(text, title, value, drop_quotes=drop_quotes):
                problems.append(f"{table}: {value!r} not in its article")
            if row["located_in"] == "text":
                start, end = row["start"], row["end"]
                assert isinstance(start, int) and isinstance(end, int)
                found = TextIndex(text[start:end], drop_quotes=drop_quotes).find(value)
                if found is None:
                    problems.append(f"{table}: {value!r} not at {start}:{end}")
            evidence = row.get("evidence")
            if evidence and not _grounded(text, title, str(evidence)):
                problems.append(f"{table}: evidence of {value!r} not in its article")
        if table == "quotes":
            for title, text, row in _records(store, table):
                if not _grounded(text, title, str(row["speaker"])):
                    problems.append(f"quotes: speaker {row['speaker']!r} not in its article")
    assert problems == []
    assert all(counts.values()), counts


DEV_PAGES = sorted((Path(__file__).parent / "pages" / "dev").glob("*.txt"))


@pytest.mark.parametrize("page", DEV_PAGES, ids=[p.name for p in DEV_PAGES])
def test_rules_quotes_pass_the_checker_on_the_development_pages(page: Path) -> None:
    """The rules ask the checker's own reading who says each passage: every quote they
    give on a page they were not written for is one the checker accepts."""
    quotes = refused = 0
    for article in segment_page(read_page(page).text):
        records = rules.extract(article)
        quotes += len(records.quotes)
        checked = check_against(article, records)
        refused += sum(1 for r in checked.rejected if r.record_type == "quote")
    assert quotes > 0
    assert refused == 0
