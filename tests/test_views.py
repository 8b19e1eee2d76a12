"""What a researcher reads: the export views, one name per campaign and person, old databases.

The seed pages are run with the manifest the documentation uses
(`docs/seeds-manifest.csv`), and the views are read back with plain SQL.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from extractor.cli import main
from extractor.names import canonical_campaign
from extractor.pagemeta import PageMeta
from extractor.store import Store
from extractor.tables import SCHEMA_VERSION
from tests.conftest import ROOT, SEEDS, query

MANIFEST = ROOT / "docs" / "seeds-manifest.csv"
DATA = ROOT / "tests" / "data"
#: Made by `extractor run lasa_2023-11-30_02.txt` at schema version 2, before page
#: metadata, canonical names and views (vacuumed with 512-byte pages to keep it small).
OLD_DB = DATA / "extractions-v2.db"
OLD_PAGE = DATA / "lasa_2023-11-30_02.txt"
METADATA = ROOT / "extractor" / "inspect" / "metadata.yaml"

SOURCE_COLUMNS = ["paper", "date", "month", "edition", "page", "article"]
WHERE_COLUMNS = ["extractor", "backend", "article_seq", "page_name", "page_title", "page_id"]


def run(*args: str) -> None:
    result = CliRunner().invoke(main, ["run", *args])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("views") / "extractions.db"
    run(str(SEEDS), "--db", str(path), "--manifest", str(MANIFEST))
    return path


def columns(db: Path, name: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[1] for row in conn.execute(f"pragma table_info([{name}])")]
    finally:
        conn.close()


def canned(name: str, db: Path, **params: str) -> list[dict[str, Any]]:
    """A canned query of metadata.yaml run on `db`, parameters missing as Datasette sends them."""
    sql = yaml.safe_load(METADATA.read_text("utf-8"))["database"]["queries"][name]["sql"]
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        names = {p[1:] for p in re.findall(r":\w+", sql)}
        return [dict(r) for r in conn.execute(sql, {n: params.get(n, "") for n in names})]
    finally:
        conn.close()


# --- the export views -------------------------------------------------------------------


@pytest.mark.parametrize("table", ["metrics", "quotes", "campaigns"])
def test_an_export_view_is_the_record_with_its_source_on_one_row(db: Path, table: str) -> None:
    view = columns(db, f"export_{table}")
    own = columns(db, table)
    assert view == [*SOURCE_COLUMNS, *own, *WHERE_COLUMNS]
    rows = query(db, f"select * from export_{table}")
    assert len(rows) == query(db, f"select count(*) as n from {table}")[0]["n"] > 0
    expected = {
        row["id"]: row
        for row in query(
            db,
            f"select r.id, p.paper, p.date, a.title as article, p.name as page_name from {table} r "
            "join articles a on a.id = r.article_id join pages p on p.id = a.page_id",
        )
    }
    for row in rows:
        for column in ("paper", "date", "article", "page_name"):
            assert row[column] == expected[row["id"]][column]
        assert row["paper"] and row["date"] and row["month"] == row["date"][:7]
        assert (row["extractor"], row["backend"]) == (1, "rules")


def test_an_export_row_of_the_seeds_reads_as_the_documentation_shows(db: Path) -> None:
    [row] = query(
        db,
        "select paper, date, page, article, raw, value, unit, label from export_metrics "
        "where raw = '130亿元'",
    )
    assert row == {
        "paper": "拉萨日报",
        "date": "2024-01-15",
        "page": "3",
        "article": "墨竹工卡县：“五措并举”把稳安全生产关 力保工业企业高质量发展",
        "raw": "130亿元",
        "value": 13000000000.0,
        "unit": "元",
        "label": "产值",
    }


# --- one name per campaign ---------------------------------------------------------------


def test_every_campaign_has_its_canonical_name(db: Path) -> None:
    rows = query(db, "select name, canonical from campaigns")
    assert rows and all(r["canonical"] == canonical_campaign(r["name"]) for r in rows)


def test_campaign_names_lists_every_name_printed_and_the_rows_using_it(db: Path) -> None:
    [row] = query(db, "select * from campaign_names where canonical = '“千万工程”经验'")
    assert sorted(json.loads(row["printed_as"])) == ["‘千万工程’经验", "“千万工程”经验"]
    ids = json.loads(row["campaign_ids"])
    stored = query(db, "select id from campaigns where canonical = '“千万工程”经验'")
    assert sorted(ids) == sorted(r["id"] for r in stored) and len(ids) == 3
    assert (row["articles"], row["papers"]) == (3, 2)
    assert (row["first_date"], row["last_date"]) == ("2023-11-08", "2024-01-15")


def test_campaigns_in_several_articles_counts_by_canonical_name(db: Path) -> None:
    rows = {r["canonical"]: r for r in canned("campaigns_in_several_articles", db)}
    # Printed ‘千万工程’经验 once and “千万工程”经验 twice: three articles of one campaign.
    assert rows["“千万工程”经验"]["articles"] == 3
    by_name = query(
        db,
        "select canonical, count(distinct article_id) as n from campaigns group by canonical "
        "having n > 1",
    )
    assert {r["canonical"]: r["n"] for r in by_name} == {k: r["articles"] for k, r in rows.items()}


def test_one_campaign_followed_across_papers_and_months(db: Path) -> None:
    rows = canned("campaign_over_time", db, campaign="‘千万工程’")
    assert [(r["paper"], r["month"], r["articles"]) for r in rows] == [
        ("西藏日报", "2023-11", 1),
        ("西藏日报", "2023-12", 1),
        ("拉萨日报", "2024-01", 1),
    ]
    assert {r["campaign"] for r in rows} == {"“千万工程”经验"}
    bounded = canned("campaign_over_time", db, campaign="千万工程", **{"from": "2023-12-01"})
    assert [r["month"] for r in bounded] == ["2023-12", "2024-01"]
    # A name printed with its place finds the campaign printed without it, and the reverse.
    with_place = canned("campaign_over_time", db, campaign="拉萨市城乡环境综合大整治行动")
    assert {r["campaign"] for r in with_place} == {"城乡环境综合大整治行动"}
    assert sum(r["articles"] for r in with_place) == 2
    assert canned("campaign_over_time", db) == []


# --- one person ----------------------------------------------------------------------------


def test_a_person_quoted_under_two_titles_on_one_page_is_one(db: Path) -> None:
    """One name in one paper is one person; the view lists every title printed with it
    (the seed page prints 徐海 with a different title in each of two articles)."""
    rows = query(db, "select distinct person from quotes where speaker = '徐海'")
    assert rows == [{"person": "徐海 · 拉萨日报"}]
    [person] = query(db, "select * from people where person = '徐海 · 拉萨日报'")
    assert person["quotes"] == 3 and person["articles"] == 2
    assert json.loads(person["titles"]) == [
        "西藏文创园区党工委委员、二级调研员",
        "市委常委、城关区委书记",
    ]


def test_one_person_in_one_paper_under_two_titles_and_a_paper_changing_later(
    tmp_path: Path,
) -> None:
    db = tmp_path / "x.db"
    pages = [SEEDS / "000_68a2d2bd55ad5801.txt", SEEDS / "004_3a2988f9b637b807.txt"]
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"path,paper\n{pages[0].name},拉萨日报\n{pages[1].name},西藏日报\n")
    run(*map(str, pages), "--db", str(db), "--manifest", str(manifest))
    two = query(db, "select person, titles from people where name = '吉美' order by person")
    assert [r["person"] for r in two] == ["吉美 · 拉萨日报", "吉美 · 西藏日报"]

    # The second page was in the same paper after all: 吉美 is one person, with both titles.
    manifest.write_text(f"path,paper\n{pages[1].name},拉萨日报\n")
    run(*map(str, pages), "--db", str(db), "--manifest", str(manifest))
    [one] = query(db, "select * from people where name = '吉美'")
    assert one["person"] == "吉美 · 拉萨日报" and one["pages"] == 2
    assert sorted(json.loads(one["titles"])) == [
        "市消防救援支队综合指导处副处长",
        "拉萨市消防救援支队综合指导处副处长",
    ]


# --- an old database -------------------------------------------------------------------------


def test_a_database_made_before_page_metadata_is_brought_up_to_date(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(OLD_DB, db)
    assert query(db, "pragma user_version") == [{"user_version": 2}]
    assert "canonical" not in columns(db, "campaigns") and "paper" not in columns(db, "pages")
    before = {t: query(db, f"select * from {t} order by id") for t in ("articles", "campaigns")}
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"path,paper,date\n{OLD_PAGE.name},拉萨日报,2023-11-30\n")

    run(str(OLD_PAGE), "--db", str(db), "--manifest", str(manifest))

    assert query(db, "pragma user_version") == [{"user_version": SCHEMA_VERSION}]
    # Nothing doubled: the page is known by its text and was extracted before. The
    # records of that extraction are kept as they were (a newer version of the rules
    # extracts the page again, as its own extractor).
    assert query(db, "select * from articles order by id") == before["articles"]
    campaigns = query(db, "select * from campaigns order by id")
    old_runs = {c["run_id"] for c in before["campaigns"]}
    kept = [c for c in campaigns if c["run_id"] in old_runs]
    # Columns added since are filled in: a canonical name, and no warnings.
    assert [{k: v for k, v in c.items() if k not in ("canonical", "warnings")} for c in kept] == (
        before["campaigns"]
    )
    assert {c["warnings"] for c in kept} == {"[]"}
    assert {c["name"]: c["canonical"] for c in campaigns}["拉萨市城乡环境综合大整治行动"] == (
        "城乡环境综合大整治行动"
    )
    assert all(c["canonical"] == canonical_campaign(c["name"]) for c in campaigns)
    assert {r["person"] for r in query(db, "select person from quotes")} == {
        "张浩 · 拉萨日报",
        "占堆 · 拉萨日报",
        "徐海 · 拉萨日报",
    }
    [page] = query(db, "select paper, date, month from pages")
    assert page == {"paper": "拉萨日报", "date": "2023-11-30", "month": "2023-11"}
    [row] = query(db, "select * from campaign_names where canonical = '城乡环境综合大整治行动'")
    assert row["articles"] == 2 and row["first_date"] == "2023-11-30"
    assert len(query(db, "select * from export_campaigns")) == len(campaigns)


def test_opening_an_old_database_fills_the_keys_without_a_run(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(OLD_DB, db)
    Store.open(db).close()
    assert query(db, "select count(*) as n from campaigns where canonical is null") == [{"n": 0}]
    assert query(db, "select count(*) as n from quotes where person is null") == [{"n": 0}]
    assert {r["person"] for r in query(db, "select person from quotes")} == {
        "张浩 · page 1",
        "占堆 · page 1",
        "徐海 · page 1",
    }


def test_a_page_described_again_changes_only_what_is_given(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "x.db")
    try:
        page = store.add_page("a.txt", "a" * 64, 1, "utf-8", [], PageMeta(paper="拉萨日报"))
        again = store.add_page(
            "b.txt", "a" * 64, 1, "utf-8", [], PageMeta(date="2024-01-15", meta={"k": 1})
        )
        assert again.id == page.id and not again.new
        rows = list(store.db.query("select path, paper, date, month, meta from pages"))
    finally:
        store.close()
    assert rows == [
        {
            "path": "a.txt",
            "paper": "拉萨日报",
            "date": "2024-01-15",
            "month": "2024-01",
            "meta": '{"k": 1}',
        }
    ]
