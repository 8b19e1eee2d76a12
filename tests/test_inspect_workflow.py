"""`extractor inspect` serving a researcher's workflow: facets by paper and month, a date
filter, the export views as CSV and JSON, and the canned queries that follow a campaign and
compare extractors. A real server over the seed pages described by the documentation's
manifest, extracted by the rules and by a fake model."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import query
from tests.inspecting import Server, inspect_server
from tests.workflow import two_extractor_database


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return two_extractor_database(tmp_path_factory.mktemp("workflow") / "extractions.db")


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[Server]:
    with inspect_server(db) as running:
        yield running


def test_pages_are_faceted_by_paper_and_month(server: Server, db: Path) -> None:
    facets = server.json("/extractions/pages.json")["facet_results"]
    assert list(facets) == ["paper", "month"]
    for column in ("paper", "month"):
        shown = {r["value"]: r["count"] for r in facets[column]["results"]}
        stored = query(db, f"select {column} as v, count(*) as n from pages group by {column}")
        assert shown == {r["v"]: r["n"] for r in stored}
    assert {r["value"] for r in facets["month"]["results"]} == {"2023-11", "2023-12", "2024-01"}


def test_pages_and_records_filter_by_date(server: Server, db: Path) -> None:
    rows = server.rows("/extractions/pages.json", date__gte="2023-12-01", date__lt="2024-01-01")
    assert [r["name"] for r in rows] == ["002_659b3ec8e14eceef.txt"]
    metrics = server.rows(
        "/extractions/export_metrics.json", date__gte="2024-01-01", _size="max", backend="rules"
    )
    stored = query(
        db,
        "select count(*) as n from metrics m join runs u on u.id = m.run_id "
        "join articles a on a.id = m.article_id join pages p on p.id = a.page_id "
        "where p.date >= '2024-01-01' and u.backend = 'rules'",
    )
    assert len(metrics) == stored[0]["n"] > 0
    assert all(r["date"] >= "2024-01-01" for r in metrics)


def test_an_export_view_downloads_as_one_flat_csv(server: Server, db: Path) -> None:
    reply = server.get("/extractions/export_metrics.csv", _stream="on", _size="max")
    assert reply.status == 200
    rows = list(csv.DictReader(io.StringIO(reply.text)))
    assert len(rows) == query(db, "select count(*) as n from metrics")[0]["n"]
    assert list(rows[0])[:8] == [
        "paper",
        "date",
        "month",
        "edition",
        "page",
        "article",
        "id",
        "article_id",
    ]
    assert {r["paper"] for r in rows} == {"拉萨日报", "西藏日报"}
    facets = server.json("/extractions/export_metrics.json")["facet_results"]
    assert list(facets) == ["paper", "month", "unit"]
    for view in ("export_quotes", "export_campaigns"):
        table = view.removeprefix("export_")
        assert (
            len(server.rows(f"/extractions/{view}.json", _size="max"))
            == (query(db, f"select count(*) as n from {table}")[0]["n"])
        )


def test_the_views_and_queries_are_listed_and_described(server: Server) -> None:
    database = server.json("/extractions.json")
    views = {v["name"] for v in database["views"]}
    assert {"export_metrics", "export_quotes", "export_campaigns"} <= views
    assert {"campaign_names", "people", "extractors"} <= views
    queries = {q["name"] for q in database["queries"]}
    assert {"campaign_over_time", "extractors_disagree", "campaigns_in_several_articles"} <= queries
    tables = server.json("/-/metadata.json")["databases"]["extractions"]["tables"]
    for view in views:
        assert tables[view]["description"], view
    for name in ["", *views, *queries]:
        assert server.get(f"/extractions/{name}".rstrip("/")).status == 200, name


def test_a_campaign_is_followed_across_papers_and_months(server: Server) -> None:
    rows = server.rows("/extractions/campaign_over_time.json", campaign="千万工程")
    assert [(r["paper"], r["month"]) for r in rows] == [
        ("西藏日报", "2023-11"),
        ("西藏日报", "2023-12"),
        ("拉萨日报", "2024-01"),
    ]
    page = server.get("/extractions/campaign_over_time", campaign="千万工程").text
    assert "‘千万工程’经验" in page and "2023-12" in page


def test_the_extractors_and_what_they_disagree_on(server: Server, db: Path) -> None:
    extractors = server.rows("/extractions/extractors.json")
    assert [(e["id"], e["backend"]) for e in extractors] == [(1, "rules"), (2, "llm")]
    assert extractors[1]["calls"] == query(db, "select count(*) as n from llm_calls")[0]["n"]
    rows = server.rows("/extractions/extractors_disagree.json", a="1", b="2", _size="max")
    assert rows and {(r["record_type"], r["in_a"], r["in_b"]) for r in rows} == {("metric", 1, 0)}
    assert all("元" in r["record"] for r in rows)


def test_one_name_per_campaign_and_person(server: Server) -> None:
    [row] = server.rows("/extractions/campaign_names.json", canonical="“千万工程”经验")
    assert row["articles"] == 3 and row["papers"] == 2
    people = server.rows("/extractions/people.json", name="徐海")
    assert [p["person"] for p in people] == ["徐海 · 拉萨日报"]
    quotes = server.rows("/extractions/quotes.json", person="徐海 · 拉萨日报", _size="max")
    assert {q["speaker"] for q in quotes} == {"徐海"} and len(quotes) == people[0]["quotes"]
