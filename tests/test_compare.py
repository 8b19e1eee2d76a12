"""Comparing extractors: every backend, model and prompt version scored side by side against
gold, with agreement on the fields that do not decide a match, and what two extractors
disagree on."""

from __future__ import annotations

import doctest
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from extractor import compare, pipeline
from extractor.check import check_article
from extractor.cli import main
from extractor.compare import choose, list_extractors
from extractor.errors import UserError
from extractor.evaluate import agreement_on_page, labels_agree
from extractor.models import Article, ArticleRecords, GoldPage
from extractor.store import Extractor, Store
from tests.conftest import GOLD, GOLD_FILES, ROOT, SEED_PAGES, load_gold, page_of, query
from tests.workflow import MODEL_PAGES, two_extractor_database

METADATA = ROOT / "extractor" / "inspect" / "metadata.yaml"


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    return result


def eval_json(db: Path, *args: str) -> dict[str, Any]:
    result = invoke("eval", "--db", str(db), "--gold", str(GOLD), "--json", *args)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return two_extractor_database(tmp_path_factory.mktemp("compare") / "extractions.db")


# --- agreement on matched records ---------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "gold", "agree"),
    [
        ("工业总产值", "工业总产值", True),
        ("产值", "工业总产值", True),  # 2·2 / (2 + 5) = 0.57
        ("“双报到”党员", "双报到党员", True),  # quotation marks do not count
        ("参与人数", "参与宣讲的干部群众", False),  # 2·2 / (4 + 9) = 0.31
        ("", "工业总产值", False),
        ("投资", "", None),  # the gold says nothing to agree with
    ],
)
def test_a_label_agrees_when_it_shares_most_of_its_characters(
    predicted: str, gold: str, agree: bool | None
) -> None:
    assert labels_agree({"label": predicted}, {"label": gold}) is agree


def metric(value: float, unit: str, label: str) -> dict[str, Any]:
    return {"value": value, "value_max": None, "unit": unit, "label": label}


def test_equal_metrics_pair_up_as_their_labels_say() -> None:
    # Two 2名 on one page: a plain maximum matching may pair them crosswise.
    preds = [metric(2, "名", "服刑人员"), metric(2, "名", "志愿者")]
    golds = [metric(2, "名", "志愿者"), metric(2, "名", "服刑人员")]
    found = agreement_on_page("metrics", preds, golds)["labels"]
    assert (found.compared, found.agree) == (2, 2)


def test_organizer_and_location_agree_when_both_are_empty_or_one_holds_the_other() -> None:
    gold: list[dict[str, Any]] = [
        {"name": "“五措并举”", "organizer": "墨竹工卡县", "location": "墨竹工卡县"},
        {"name": "“千万工程”", "organizer": None, "location": None},
        {"name": "雪亮工程", "organizer": "拉萨市公安局", "location": "拉萨市"},
    ]
    preds: list[dict[str, Any]] = [
        {"name": "五措并举", "organizer": "墨竹工卡县委", "location": None},
        {"name": "千万工程", "organizer": "浙江省", "location": None},
        {"name": "“雪亮工程”", "organizer": "市公安局", "location": "拉萨"},
    ]
    found = agreement_on_page("campaigns", preds, gold)
    # 墨竹工卡县委 holds 墨竹工卡县, 市公安局 is in 拉萨市公安局; 浙江省 is not nothing.
    assert (found["organizers"].compared, found["organizers"].agree) == (3, 2)
    # Nothing is not 墨竹工卡县; nothing is nothing; 拉萨 is in 拉萨市.
    assert (found["locations"].compared, found["locations"].agree) == (3, 2)
    assert found["organizers"].share == pytest.approx(2 / 3)


# --- the gold records themselves, and with their fields lost ------------------------------


def gold_backend(gold: GoldPage, *, lose_fields: bool) -> pipeline.ExtractFn:
    """The gold records of a page, each for the first article that grounds it; with
    `lose_fields`, every label says 其他 and no campaign has an organizer or location."""
    left = [
        (kind, record.model_dump(exclude={"optional"}))
        for article in gold.articles
        for kind in ("metrics", "quotes", "campaigns")
        for record in getattr(article, kind)
    ]
    if lose_fields:
        for kind, record in left:
            if kind == "metrics":
                record["label"] = "其他"
            if kind == "campaigns":
                record["organizer"] = record["location"] = None

    def extract(article: Article) -> ArticleRecords:
        found = ArticleRecords()
        for pending in list(left):
            kind, record = pending
            one = ArticleRecords.model_validate({kind: [record]})
            if check_article(article.text, one, article.headline).accepted:
                getattr(found, kind).append(getattr(one, kind)[0])
                left.remove(pending)
        return found

    return extract


def test_agreement_of_the_gold_itself_and_of_records_that_lost_their_fields(
    tmp_path: Path,
) -> None:
    db = tmp_path / "x.db"
    store = Store.open(db)
    try:
        for version, lose in (("gold", False), ("lost", True)):
            for gold_file in GOLD_FILES:
                gold = load_gold(gold_file)
                pipeline.run(
                    [str(page_of(gold))],
                    store,
                    extract=gold_backend(gold, lose_fields=lose),
                    extractor=Extractor("gold", version, "1"),
                )
    finally:
        store.close()

    report = eval_json(db)

    by_model = {e["model"]: e for e in report["extractors"]}
    assert [e["id"] for e in report["extractors"]] == [1, 2]
    exact = by_model["gold"]["agreement"]
    assert exact["labels"]["share"] == exact["organizers"]["share"] == 1.0
    assert exact["locations"]["share"] == 1.0 and exact["labels"]["compared"] > 50
    lost = by_model["lost"]["agreement"]
    assert lost["labels"] == {"compared": exact["labels"]["compared"], "agree": 0, "share": 0.0}
    # Lost organizers agree only where the gold has none either.
    golds = [c for f in GOLD_FILES for a in load_gold(f).articles for c in a.campaigns]
    assert lost["organizers"]["compared"] == exact["organizers"]["compared"]
    assert lost["organizers"]["agree"] < lost["organizers"]["compared"]
    assert lost["organizers"]["agree"] <= sum(c.organizer is None for c in golds)
    assert lost["locations"]["agree"] <= sum(c.location is None for c in golds)
    # The scores themselves do not depend on those fields.
    assert by_model["gold"]["total"] == by_model["lost"]["total"]
    # The top level is the latest extractor's report, as before there were several.
    assert report["extractor"] == {"backend": "gold", "model": "lost", "prompt_version": "1"}
    assert report["agreement"] == lost

    table = invoke("eval", "--db", str(db), "--gold", str(GOLD)).stdout
    assert re.search(r"┃\s+┃\s+1: gold ┃\s+2: lost ┃", table), table
    labels = lost["labels"]["compared"]
    assert re.search(
        rf"│ labels agree\s+│\s+1.00 \({labels}/{labels}\) │\s+0.00 \(0/{labels}\) │", table
    )


# --- the rules and a model in one database ----------------------------------------------------


def test_eval_scores_the_rules_and_a_model_side_by_side(db: Path) -> None:
    report = eval_json(db)

    rules, model = report["extractors"]
    assert (rules["id"], rules["backend"], rules["model"]) == (1, "rules", "rules")
    assert (model["id"], model["backend"], model["model"]) == (2, "llm", "fake-model")
    assert (rules["pages_extracted"], model["pages_extracted"]) == (5, len(MODEL_PAGES))
    assert rules["gold_pages"] == model["gold_pages"] == 5
    # The model found what the rules found on its pages, less the money.
    money = query(
        db,
        "select count(*) as n from metrics m join runs u on u.id = m.run_id "
        "join articles a on a.id = m.article_id join pages p on p.id = a.page_id "
        f"where u.backend = 'rules' and m.unit = '元' and p.name in ({','.join('?' * 2)})",
        tuple(p.name for p in MODEL_PAGES),
    )[0]["n"]
    rules_on_model_pages = sum(
        report_page["metrics"]["predicted"]
        for name, report_page in eval_json(db, "--extractor", "1")["pages"].items()
        if name in {p.name for p in MODEL_PAGES}
    )
    assert money > 0
    assert model["total"]["metrics"]["predicted"] == rules_on_model_pages - money
    assert report["extractor"]["backend"] == "llm"  # the latest run's


def test_a_models_calls_and_tokens_per_article_are_its_logged_calls(db: Path) -> None:
    model = eval_json(db)["extractors"][1]
    [logged] = query(
        db,
        "select count(*) as calls, sum(prompt_tokens) + sum(completion_tokens) as tokens "
        "from llm_calls",
    )
    [articles] = query(db, "select count(*) as n from extractions where backend = 'llm'")
    assert model["calls"] == logged["calls"] > 0
    assert model["calls_per_article"] == round(logged["calls"] / articles["n"], 2)
    assert model["tokens_per_article"] == round(logged["tokens"] / articles["n"], 1)
    rules = eval_json(db)["extractors"][0]
    assert rules["calls"] == 0 and rules["calls_per_article"] == 0


def test_the_side_by_side_table_names_both_and_their_cost(db: Path) -> None:
    result = invoke("eval", "--db", str(db), "--gold", str(GOLD))
    assert result.exit_code == 0
    assert re.search(r"┃\s+┃\s+1: rules ┃\s+2: fake-model ┃", result.stdout)
    assert re.search(rf"│ pages extracted\s+│\s+5/5 │\s+{len(MODEL_PAGES)}/5 │", result.stdout)
    model = eval_json(db)["extractors"][1]
    assert re.search(
        rf"│ calls / article\s+│\s+– │\s+{model['calls_per_article']:g} │", result.stdout
    )
    assert "per page: extractor eval --extractor ID" in result.stdout


@pytest.mark.parametrize("wanted", ["1", "rules", "rules@rules"])
def test_extractor_picks_one_and_shows_it_page_by_page(db: Path, wanted: str) -> None:
    report = eval_json(db, "--extractor", wanted)
    assert [e["id"] for e in report["extractors"]] == [1]
    assert report["extractor"]["backend"] == "rules"
    table = invoke("eval", "--db", str(db), "--gold", str(GOLD), "--extractor", wanted).stdout
    assert "of rules (extractor 1)" in table
    assert all(page.name[:10] in table for page in SEED_PAGES)


def test_an_unknown_extractor_is_a_one_line_error_naming_those_there_are(db: Path) -> None:
    result = invoke("eval", "--db", str(db), "--gold", str(GOLD), "--extractor", "9")
    assert result.exit_code != 0
    [line] = result.stderr.strip().splitlines()
    assert "--extractor 9: no such extractor" in line
    assert "1: rules; 2: llm fake-model @ llm-" in line


def test_an_extractor_named_by_a_model_with_two_prompt_versions_needs_its_id(db: Path) -> None:
    rows = list_extractors(Store.open(db))
    twice = [*rows, type(rows[1])(3, Extractor("llm", "fake-model", "other"), 1, 0, 0, 0, 0, 0)]
    with pytest.raises(UserError, match="2 extractors fit; give an id"):
        choose(twice, "fake-model")
    assert choose(twice, "fake-model@oth").id == 3


# --- what two extractors disagree on --------------------------------------------------------


def disagreements(db: Path, a: str, b: str) -> list[dict[str, Any]]:
    sql = yaml.safe_load(METADATA.read_text("utf-8"))["database"]["queries"]["extractors_disagree"][
        "sql"
    ]
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql, {"a": a, "b": b})]
    finally:
        conn.close()


def test_the_records_two_extractors_disagree_on_are_the_ones_one_lacks(db: Path) -> None:
    rows = disagreements(db, "1", "2")
    money = query(
        db,
        "select m.article_id, m.raw from metrics m join runs u on u.id = m.run_id "
        "where u.backend = 'rules' and m.unit = '元' and m.article_id in "
        "(select article_id from extractions where backend = 'llm' and status = 'done')",
    )
    assert money
    assert sorted((r["article_id"], r["record"].split(" (")[0]) for r in rows) == sorted(
        (m["article_id"], m["raw"]) for m in money
    )
    assert {(r["record_type"], r["in_a"], r["in_b"]) for r in rows} == {("metric", 1, 0)}
    # The other way round, the sides swap; an extractor agrees with itself.
    assert {(r["in_a"], r["in_b"]) for r in disagreements(db, "2", "1")} == {(0, 1)}
    assert disagreements(db, "1", "1") == []
    assert disagreements(db, "1", "") == []


def test_the_examples_in_the_docstrings() -> None:
    assert doctest.testmod(compare).attempted > 0 and doctest.testmod(compare).failed == 0
