"""Gold files: every one in tests/gold/ passes the project's own check against its page;
the check finds what it promises; `gold draft` → a hand edit → `eval` works end to end."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.evaluate import campaign_matches
from extractor.gold import check_gold, unit_problem
from extractor.models import GoldPage
from tests.conftest import GOLD, GOLD_FILES, SEED_PAGES, load_gold, page_of

#: Every gold file, the seeds' and those of the development and held-out sets below them.
ALL_GOLD = sorted(GOLD.rglob("*.json"))
FIRST = GOLD_FILES[0]
FIRST_PAGE = page_of(load_gold(FIRST))


def test_one_gold_file_per_seed_page() -> None:
    assert SEED_PAGES
    assert [g.stem for g in GOLD_FILES] == [p.stem for p in SEED_PAGES]
    assert [load_gold(g).source for g in GOLD_FILES] == [p.name for p in SEED_PAGES]


@pytest.mark.parametrize("gold_file", ALL_GOLD, ids=lambda p: str(p.relative_to(GOLD)))
def test_every_gold_file_passes_the_check_against_its_page(gold_file: Path) -> None:
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    page = page_of(GoldPage.model_validate(data))
    assert check_gold(data, page.read_text(encoding="utf-8"), page.name) == []


@pytest.mark.parametrize("gold_file", ALL_GOLD, ids=lambda p: str(p.relative_to(GOLD)))
def test_every_gold_file_validates_against_the_model(gold_file: Path) -> None:
    gold = GoldPage.model_validate_json(gold_file.read_text(encoding="utf-8"))
    assert gold.articles


# --- what the check finds -------------------------------------------------------------


def first_gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIRST.read_text(encoding="utf-8"))
    return data


def problems_after(change: Any) -> list[str]:
    """The check's problems with the first seed gold after `change(gold)`."""
    gold = copy.deepcopy(first_gold())
    change(gold)
    return check_gold(gold, FIRST_PAGE.read_text(encoding="utf-8"), FIRST_PAGE.name)


def metric0(gold: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = gold["articles"][0]["metrics"][0]  # 130亿元, 13000000000 元
    return record


def quote0(gold: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = gold["articles"][0]["quotes"][0]
    return record


WHERE = "article 0 (墨竹工卡县：“五措并举”把稳安全生产关…), "
MUTATIONS: dict[str, tuple[Any, str]] = {
    "a raw not printed": (
        lambda g: metric0(g).update(raw="131亿元"),
        "metric 0: raw '131亿元' not in page",
    ),
    "a value as text": (
        lambda g: metric0(g).update(value="130亿"),
        "metric 0: value '130亿' is not a number",
    ),
    "a value true": (
        lambda g: metric0(g).update(value=True),
        "metric 0: value True is not a number",
    ),
    "a range upside down": (
        lambda g: metric0(g).update(value_max=10),
        "metric 0: value_max 10 is not above value 13000000000",
    ),
    "a unit with its magnitude": (
        lambda g: metric0(g).update(unit="亿元"),
        "metric 0: unit '亿元' keeps a magnitude (亿): write it in value",
    ),
    "an approx the guidelines do not name": (
        lambda g: metric0(g).update(approx="roughly"),
        "metric 0: approx 'roughly' is not one of exact, more, about, less",
    ),
    "a misspelt optional": (
        lambda g: metric0(g).update(optinal=True),
        "metric 0: unknown field 'optinal'",
    ),
    "a quote not printed": (
        lambda g: quote0(g).update(text="我们一定会做得更好"),
        "quote 0: text not in page: '我们一定会做得更好'",
    ),
    "a speaker not printed": (
        lambda g: quote0(g).update(speaker="张三"),
        "quote 0: speaker '张三' not in page",
    ),
    "a kind the guidelines do not name": (
        lambda g: quote0(g).update(kind="reported"),
        "quote 0: kind 'reported' is not direct or indirect",
    ),
    "a campaign not printed": (
        lambda g: g["articles"][0]["campaigns"][0].update(name="“六措并举”"),
        "campaign 0: name '“六措并举”' not in page",
    ),
    "a campaign listed twice": (
        lambda g: g["articles"][0]["campaigns"].append(dict(g["articles"][0]["campaigns"][0])),
        f"campaign {len(first_gold()['articles'][0]['campaigns'])}: the same record as campaign 0",
    ),
    "a title not printed": (
        lambda g: g["articles"][1].update(title="拉萨市召开安全生产会议"),
        "article 1 (拉萨市召开安全生产会议): title not in page: '拉萨市召开安全生产会议'",
    ),
}


@pytest.mark.parametrize("case", MUTATIONS)
def test_the_check_names_each_problem(case: str) -> None:
    change, expected = MUTATIONS[case]
    problems = problems_after(change)
    expected = expected if expected.startswith("article 1") else WHERE + expected
    assert problems == [expected]


def test_quotation_marks_and_whitespace_do_not_decide() -> None:
    def restyle(gold: dict[str, Any]) -> None:
        quote = quote0(gold)
        quote["text"] = "「" + " ".join(quote["text"]) + "」"
        campaign = gold["articles"][0]["campaigns"][0]
        campaign["name"] = campaign["name"].replace("“", "‘").replace("”", "’")

    assert problems_after(restyle) == []


def test_the_source_must_be_the_pages_file_name() -> None:
    gold = first_gold()
    assert check_gold(gold, FIRST_PAGE.read_text(encoding="utf-8"), "other.txt") == [
        f"source '{FIRST_PAGE.name}' is not the page's file name 'other.txt'"
    ]


@pytest.mark.parametrize("data", [[], {"source": "x.txt"}, {"articles": {}}, "text"])
def test_a_file_that_is_not_a_gold_file_is_one_problem(data: object) -> None:
    assert check_gold(data, "拉萨") == [
        "not a gold file: a JSON object with 'source' and a list of 'articles'"
    ]


@pytest.mark.parametrize(
    ("unit", "fine"),
    [
        ("元", True),
        ("人次", True),
        ("千瓦", True),  # 450万千瓦: the prefix is part of the unit
        ("千瓦时", True),
        ("千伏", True),
        ("千米", True),
        ("千克", True),
        ("兆瓦", True),
        ("个百分点", True),
        ("辆次", True),
        ("亿元", False),
        ("万人次", False),
        ("万千瓦", False),  # 万 is a magnitude even before 千瓦
        ("百名", False),
    ],
)
def test_a_unit_keeps_no_magnitude_unless_its_prefix_is_part_of_it(unit: str, fine: bool) -> None:
    assert (unit_problem(unit) is None) is fine


# --- the command line -----------------------------------------------------------------


def test_gold_check_prints_a_summary_for_a_good_file(runner: CliRunner) -> None:
    result = runner.invoke(main, ["gold", "check", str(FIRST), str(FIRST_PAGE)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{FIRST}: 8 articles, 33 metrics, 15 quotes, 29 campaigns, all printed in {FIRST_PAGE}\n"
    )


def test_gold_check_prints_one_line_per_problem_and_exits_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    gold = first_gold()
    metric0(gold).update(raw="131亿元", unit="亿元")
    quote0(gold).update(speaker="张三")
    broken = tmp_path / FIRST.name
    broken.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(main, ["gold", "check", str(broken), str(FIRST_PAGE)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{broken}: {WHERE}metric 0: raw '131亿元' not in page",
        f"{broken}: {WHERE}metric 0: unit '亿元' keeps a magnitude (亿): write it in value",
        f"{broken}: {WHERE}quote 0: speaker '张三' not in page",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("{not json", "not JSON: ")],
)
def test_gold_check_refuses_a_file_it_cannot_read_in_one_line(
    runner: CliRunner, tmp_path: Path, content: str | None, message: str
) -> None:
    gold = tmp_path / "gold.json"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["gold", "check", str(gold), str(FIRST_PAGE)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {gold}: {message}")
    assert len(result.output.splitlines()) == 1


def run_pages(runner: CliRunner, db: Path, *pages: Path) -> None:
    result = runner.invoke(main, ["run", *map(str, pages), "--db", str(db)])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("gold") / "extractions.db"
    run_pages(CliRunner(), db, *SEED_PAGES)
    return db


@pytest.mark.parametrize("page", SEED_PAGES, ids=lambda p: p.stem)
def test_a_draft_is_a_gold_file_that_passes_the_check(
    runner: CliRunner, seeded: Path, page: Path
) -> None:
    result = runner.invoke(main, ["gold", "draft", str(page), "--db", str(seeded)])
    assert result.exit_code == 0, result.output
    draft = json.loads(result.output)
    assert check_gold(draft, page.read_text(encoding="utf-8"), page.name) == []
    gold = GoldPage.model_validate(draft)
    assert gold.source == page.name
    assert [a.title for a in gold.articles] == [
        a.title for a in load_gold(GOLD / f"{page.stem}.json").articles
    ]
    records = [
        r for a in draft["articles"] for k in ("metrics", "quotes", "campaigns") for r in a[k]
    ]
    assert records and all(r["optional"] is False for r in records)
    # Values as the guidelines write them: 13000000000, not 1.3e10; 0.5 stays 0.5.
    assert all(
        isinstance(r["value"], int) or not r["value"].is_integer() for r in records if "raw" in r
    )


def test_a_draft_writes_values_in_full(runner: CliRunner, seeded: Path) -> None:
    result = runner.invoke(main, ["gold", "draft", str(FIRST_PAGE), "--db", str(seeded)])
    first = json.loads(result.output)["articles"][0]["metrics"][0]
    assert (first["raw"], first["value"], first["unit"]) == ("130亿元", 13000000000, "元")
    assert '"value": 13000000000,' in result.output


def test_a_draft_of_a_page_not_in_the_database_is_refused_in_one_line(
    runner: CliRunner, seeded: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("拉萨市召开会议\n\n会议指出，全市共有12个社区。\n", encoding="utf-8")
    out = tmp_path / "draft.json"
    result = runner.invoke(
        main, ["gold", "draft", str(other), "--db", str(seeded), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {other}: not in {seeded} (run `extractor run {other} --db {seeded}` first)\n"
    )
    assert not out.exists()


def test_a_draft_never_overwrites_a_file(runner: CliRunner, seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.json"
    out.write_text("corrected by hand", encoding="utf-8")
    result = runner.invoke(
        main, ["gold", "draft", str(FIRST_PAGE), "--db", str(seeded), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "a draft never overwrites a file" in result.output
    assert out.read_text(encoding="utf-8") == "corrected by hand"


def test_a_draft_needs_a_database(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    result = runner.invoke(main, ["gold", "draft", str(FIRST_PAGE), "--db", str(db)])
    assert result.exit_code == 1
    assert result.output == f"Error: {db}: no such database (run `extractor run` first)\n"
    assert not db.exists()


def evaluate_json(runner: CliRunner, db: Path, gold_dir: Path) -> dict[str, Any]:
    result = runner.invoke(main, ["eval", "--db", str(db), "--gold", str(gold_dir), "--json"])
    assert result.exit_code == 0, result.output
    scores: dict[str, Any] = json.loads(result.output)["total"]
    return scores


def unique_metric_positions(draft: dict[str, Any]) -> list[tuple[int, int]]:
    """(article, index) of the metrics whose value and unit no other metric of the page shares."""
    seen: dict[tuple[float, str], list[tuple[int, int]]] = {}
    for i, article in enumerate(draft["articles"]):
        for j, m in enumerate(article["metrics"]):
            seen.setdefault((m["value"], m["unit"]), []).append((i, j))
    return [places[0] for places in seen.values() if len(places) == 1]


def test_draft_then_a_hand_edit_then_eval(runner: CliRunner, tmp_path: Path) -> None:
    """The workflow: draft from the database, correct by hand, check, score against it."""
    db = tmp_path / "extractions.db"
    run_pages(runner, db, FIRST_PAGE)
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    out = gold_dir / f"{FIRST_PAGE.stem}.json"
    drafted = runner.invoke(
        main, ["gold", "draft", str(FIRST_PAGE), "--db", str(db), "--out", str(out)]
    )
    assert drafted.exit_code == 0, drafted.output
    draft = json.loads(out.read_text(encoding="utf-8"))
    metrics = sum(len(a["metrics"]) for a in draft["articles"])
    assert metrics > 3

    # Scored against its own draft, the extraction is perfect.
    untouched = evaluate_json(runner, db, gold_dir)
    for kind in ("metrics", "quotes", "campaigns", "titles"):
        assert (untouched[kind]["precision"], untouched[kind]["recall"]) == (1.0, 1.0), kind

    # The hand edit: two metrics were wrong (removed), one misread (its value
    # corrected), and a campaign the extraction missed is added.
    (a, b), (c, d), (e, f) = unique_metric_positions(draft)[:3]
    draft["articles"][e]["metrics"][f]["value"] += 1
    for i, j in sorted([(a, b), (c, d)], reverse=True):
        del draft["articles"][i]["metrics"][j]
    drafted_campaigns = [c for article in draft["articles"] for c in article["campaigns"]]
    missed = next(
        c.model_dump()
        for article in load_gold(FIRST).articles
        for c in article.campaigns
        if not c.optional
        and not any(campaign_matches(d, c.model_dump()) for d in drafted_campaigns)
    )
    draft["articles"][0]["campaigns"].append(missed)
    out.write_text(json.dumps(draft, ensure_ascii=False, indent=2), encoding="utf-8")
    checked = runner.invoke(main, ["gold", "check", str(out), str(FIRST_PAGE)])
    assert checked.exit_code == 0, checked.output

    edited = evaluate_json(runner, db, gold_dir)
    m, c = edited["metrics"], edited["campaigns"]
    assert (m["predicted"], m["gold"], m["correct"], m["found"]) == (
        metrics,
        metrics - 2,
        metrics - 3,
        metrics - 3,
    )
    campaigns = len(drafted_campaigns)
    assert (c["predicted"], c["gold"], c["found"]) == (campaigns, campaigns + 1, campaigns)
    assert edited["quotes"] == untouched["quotes"]
