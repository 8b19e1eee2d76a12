"""Scoring against gold: the matchers, one-to-one matching, optional records and F1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import UserError
from extractor.evaluate import (
    Score,
    campaign_matches,
    evaluate,
    load_gold,
    match_count,
    metric_matches,
    quote_matches,
    score_page,
    title_matches,
)
from extractor.store import Store


def metric(value: float, unit: str, value_max: float | None = None, **extra: Any) -> dict[str, Any]:
    return {"value": value, "value_max": value_max, "unit": unit, **extra}


def quote(speaker: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"speaker": speaker, "text": text, **extra}


def campaign(name: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, **extra}


# --- metrics --------------------------------------------------------------------


def test_metric_matches_on_value_and_unit() -> None:
    gold = metric(13000000000, "元")
    assert metric_matches(metric(13000000000, "元"), gold)
    assert metric_matches(metric(13000000000.0, "元", raw="130亿元", label="工业总产值"), gold)


def test_metric_approx_must_agree() -> None:
    # 不少于5000人 is at least 5000, 少于5000人 under it: the same number, another claim.
    gold = metric(5000, "人", approx="more")
    assert metric_matches(metric(5000, "人", approx="more"), gold)
    assert not metric_matches(metric(5000, "人", approx="less"), gold)
    assert not metric_matches(metric(5000, "人", approx="exact"), gold)
    assert metric_matches(metric(32, "次"), metric(32, "次", approx="exact"))  # exact by default


def test_metric_value_within_a_millionth() -> None:
    gold = metric(13000000000, "元")
    assert metric_matches(metric(13000000001, "元"), gold)  # 8e-11 apart
    assert metric_matches(metric(98.24000001, "%"), metric(98.24, "%"))
    assert not metric_matches(metric(13000100000, "元"), gold)  # 8e-6 apart
    assert not metric_matches(metric(130, "元"), gold)  # 亿 lost
    assert not metric_matches(metric(1.5, "人次"), metric(15000, "人次"))  # 万 lost


def test_metric_unit_must_agree() -> None:
    gold = metric(34200000, "元")
    assert not metric_matches(metric(34200000, "万元"), gold)
    assert not metric_matches(metric(150, "次"), metric(150, "场次"))
    assert metric_matches(metric(13, "％"), metric(13, "%"))  # full-width is the same sign


def test_metric_range_end_must_agree() -> None:
    gold = metric(20, "个", value_max=30)
    assert metric_matches(metric(20, "个", value_max=30), gold)
    assert not metric_matches(metric(20, "个"), gold)
    assert not metric_matches(metric(20, "个", value_max=40), gold)
    assert not metric_matches(metric(20, "个", value_max=30), metric(20, "个"))


def test_metric_raw_does_not_decide() -> None:
    gold = metric(15000, "人次", raw="1.5万余人次", approx="more")
    assert metric_matches(metric(15000, "人次", raw="15000余人次", approx="more"), gold)


# --- quotes ---------------------------------------------------------------------

SAID = "我们将继续加强学习，坚决执行两会安排部署"  # 20 characters


def test_quote_matches_on_speaker_and_text() -> None:
    gold = quote("索朗拉姆", SAID)
    assert quote_matches(quote("索朗拉姆", SAID), gold)
    assert not quote_matches(quote("刘金凤", SAID), gold)


def test_quote_overlap_threshold_is_sixty_percent_of_the_shorter() -> None:
    gold = quote("索朗拉姆", SAID)
    twelve = SAID[:12] + "一二三四五六七八"  # 12 of 20 shared: 60%
    eleven = SAID[:11] + "一二三四五六七八九"  # 11 of 20 shared: 55%
    assert len(twelve) == len(eleven) == len(SAID) == 20
    assert quote_matches(quote("索朗拉姆", twelve), gold)
    assert not quote_matches(quote("索朗拉姆", eleven), gold)


def test_quote_overlap_is_one_run_not_scattered_characters() -> None:
    gold = quote("索朗拉姆", SAID)
    scattered = SAID[:6] + "一二三" + SAID[6:12] + "四五六七八"  # 12 shared, longest run 6
    assert not quote_matches(quote("索朗拉姆", scattered), gold)


def test_a_shorter_quote_inside_the_gold_matches() -> None:
    gold = quote("次仁卓嘎", SAID + "，以最饱满的精神状态认真履职尽责。")
    assert quote_matches(quote("次仁卓嘎", "坚决执行两会安排部署"), gold)


def test_quote_ignores_whitespace_and_quotation_marks() -> None:
    gold = quote("索朗拉姆", SAID)
    assert quote_matches(quote("索朗拉姆", "“我们将继续 加强学习，坚决执行‘两会’安排部署。”"), gold)
    assert quote_matches(quote("索朗 拉姆", SAID), gold)


def test_empty_quote_matches_nothing() -> None:
    assert not quote_matches(quote("索朗拉姆", ""), quote("索朗拉姆", SAID))
    assert not quote_matches(quote("索朗拉姆", "“”"), quote("索朗拉姆", SAID))


# --- campaigns and titles -------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("“全民消防我体验”宣传活动", "“全民消防我体验”宣传活动"),
        ("全民消防我体验宣传活动", "“全民消防我体验”宣传活动"),
        ("“全民消防我体验”", "“全民消防我体验”宣传活动"),
        ("“全民消防我体验”宣传活动", "全民消防我体验"),
        ("拉萨市城乡环境综合大整治行动", "城乡环境综合大整治行动"),
        ("“千万工程”经验", "‘千万工程’"),
    ],
)
def test_campaign_matches_when_one_name_holds_the_other(predicted: str, gold: str) -> None:
    assert campaign_matches(campaign(predicted), campaign(gold))


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("“全民健身我参与”宣传活动", "“全民消防我体验”宣传活动"),
        ("全民消防宣传活动", "“全民消防我体验”宣传活动"),  # not a substring once marks go
        ("村庄清洁行动", "人居环境巩固提升行动"),
        ("", "雪亮工程"),
        ("“”", "雪亮工程"),
    ],
)
def test_campaign_does_not_match(predicted: str, gold: str) -> None:
    assert not campaign_matches(campaign(predicted), campaign(gold))


def test_title_matches_when_read_the_same() -> None:
    gold = {"title": "墨竹工卡县：“五措并举”把稳安全生产关 力保工业企业高质量发展"}
    assert title_matches(
        {"title": "墨竹工卡县：五措并举把稳安全生产关力保工业企业高质量发展"}, gold
    )
    assert not title_matches({"title": "墨竹工卡县：“五措并举”把稳安全生产关"}, gold)


# --- one-to-one matching --------------------------------------------------------


def test_two_predictions_for_one_gold_record_one_is_wrong() -> None:
    gold = [metric(130, "亿元")]
    score = score_page([metric(130, "亿元"), metric(130, "亿元")], gold, metric_matches)
    assert (score.predicted, score.correct, score.gold, score.found) == (2, 1, 1, 1)
    assert score.precision == 0.5
    assert score.recall == 1.0


def test_one_prediction_for_two_gold_records_finds_one() -> None:
    gold = [metric(25, "名"), metric(25, "名")]
    score = score_page([metric(25, "名")], gold, metric_matches)
    assert (score.predicted, score.correct, score.gold, score.found) == (1, 1, 2, 1)
    assert score.precision == 1.0
    assert score.recall == 0.5


def test_matching_is_maximum_not_greedy() -> None:
    """The first prediction fits both gold records; it must leave the one the second needs."""
    golds = [campaign("村庄清洁行动"), campaign("人居环境整治")]
    preds = [campaign("村庄清洁行动人居环境整治"), campaign("村庄清洁行动")]
    assert campaign_matches(preds[0], golds[0]) and campaign_matches(preds[0], golds[1])
    assert not campaign_matches(preds[1], golds[1])
    assert match_count(preds, golds, campaign_matches) == 2
    assert match_count(list(reversed(preds)), golds, campaign_matches) == 2


def test_match_count_of_nothing() -> None:
    assert match_count([], [metric(1, "家")], metric_matches) == 0
    assert match_count([metric(1, "家")], [], metric_matches) == 0


# --- optional gold records ------------------------------------------------------

REQUIRED = metric(7, "个", optional=False)
OPTIONAL = metric(3, "种", optional=True)


def test_matched_optional_record_counts_for_precision() -> None:
    score = score_page([metric(7, "个"), metric(3, "种")], [REQUIRED, OPTIONAL], metric_matches)
    assert (score.predicted, score.correct, score.gold, score.found) == (2, 2, 1, 1)
    assert score.precision == score.recall == score.f1 == 1.0


def test_missed_optional_record_is_no_miss() -> None:
    score = score_page([metric(7, "个")], [REQUIRED, OPTIONAL], metric_matches)
    assert (score.predicted, score.correct, score.gold, score.found) == (1, 1, 1, 1)
    assert score.precision == score.recall == 1.0


def test_only_optional_gold_and_nothing_predicted_is_perfect() -> None:
    score = score_page([], [OPTIONAL], metric_matches)
    assert (score.predicted, score.gold) == (0, 0)
    assert score.precision == score.recall == score.f1 == 1.0


def test_prediction_on_an_optional_record_does_not_find_a_required_one() -> None:
    score = score_page([metric(3, "种")], [REQUIRED, OPTIONAL], metric_matches)
    assert (score.predicted, score.correct, score.gold, score.found) == (1, 1, 1, 0)
    assert score.precision == 1.0
    assert score.recall == 0.0
    assert score.f1 == 0.0


def test_one_prediction_fitting_a_required_and_an_optional_record() -> None:
    """It finds the required one; it is counted correct once."""
    gold = [campaign("雪亮工程", optional=False), campaign("雪亮工程建设", optional=True)]
    score = score_page([campaign("雪亮工程")], gold, campaign_matches)
    assert (score.predicted, score.correct, score.gold, score.found) == (1, 1, 1, 1)


def test_wrong_prediction_costs_precision_only() -> None:
    score = score_page([metric(7, "个"), metric(8, "座")], [REQUIRED, OPTIONAL], metric_matches)
    assert (score.predicted, score.correct, score.gold, score.found) == (2, 1, 1, 1)
    assert score.precision == 0.5
    assert score.recall == 1.0


# --- F1 -----------------------------------------------------------------------


def test_precision_recall_f1() -> None:
    score = Score(predicted=10, gold=8, correct=6, found=4)
    assert score.precision == pytest.approx(0.6)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(2 * 0.6 * 0.5 / 1.1)
    assert score.as_dict() == {
        "predicted": 10,
        "gold": 8,
        "correct": 6,
        "found": 4,
        "precision": 0.6,
        "recall": 0.5,
        "f1": 0.5455,
    }


def test_empty_scores() -> None:
    assert Score().f1 == 1.0  # nothing to find, nothing claimed
    missed = Score(predicted=0, gold=5)
    assert (missed.precision, missed.recall, missed.f1) == (0.0, 0.0, 0.0)
    wrong = Score(predicted=4, gold=0, correct=0)
    assert (wrong.precision, wrong.recall, wrong.f1) == (0.0, 1.0, 0.0)


def test_scores_add_up_counts_not_ratios() -> None:
    total = Score()
    total.add(Score(predicted=1, gold=1, correct=1, found=1))
    total.add(Score(predicted=9, gold=1, correct=0, found=0))
    assert (total.predicted, total.gold, total.correct, total.found) == (10, 2, 1, 1)
    assert total.precision == pytest.approx(0.1)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(2 * 0.1 * 0.5 / 0.6)


# --- gold files and the database ------------------------------------------------


def write_gold(directory: Path, source: str, articles: list[dict[str, Any]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (Path(source).stem + ".json")
    path.write_text(json.dumps({"source": source, "articles": articles}), encoding="utf-8")
    return path


def test_no_gold_files_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no gold files"):
        load_gold(tmp_path)


def test_malformed_gold_file_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"source": "a.txt"}', encoding="utf-8")
    with pytest.raises(UserError, match=r"bad\.json"):
        load_gold(tmp_path)


def test_page_never_run_is_missing_and_all_missed(tmp_path: Path, db_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    write_gold(
        gold_dir,
        "page.txt",
        [
            {
                "title": "健康义诊送温暖",
                "metrics": [{"raw": "32支", "value": 32, "unit": "支"}],
                "campaigns": [{"name": "雪亮工程", "optional": True}],
            }
        ],
    )
    store = Store.open(db_path)
    try:
        report = evaluate(store, gold_dir)
    finally:
        store.close()
    assert report.missing == ["page.txt"]
    scores = report.pages["page.txt"]
    assert (scores["metrics"].gold, scores["metrics"].found, scores["metrics"].f1) == (1, 0, 0.0)
    assert (scores["campaigns"].gold, scores["campaigns"].f1) == (0, 1.0)
    assert scores["titles"].gold == 1
    assert report.total()["metrics"].gold == 1
