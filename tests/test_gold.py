"""The gold files: one per seed page, in the format of ANNOTATION.md, grounded in their page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from extractor.models import GoldArticle, GoldCampaign, GoldMetric, GoldPage, GoldQuote
from tests.conftest import GOLD_FILES, ROOT, SEED_PAGES, load_gold, page_of

CHECK_GOLD = ROOT.parent / "shared" / "tools" / "check_gold.py"


def test_one_gold_file_per_seed_page() -> None:
    assert SEED_PAGES
    assert [g.stem for g in GOLD_FILES] == [p.stem for p in SEED_PAGES]
    assert [load_gold(g).source for g in GOLD_FILES] == [p.name for p in SEED_PAGES]


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_passes_check_gold(gold_file: Path) -> None:
    page = page_of(load_gold(gold_file))
    done = subprocess.run(
        [sys.executable, str(CHECK_GOLD), str(gold_file), str(page)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ERROR" not in done.stdout


def _unknown_fields(data: dict[str, Any], model: type[BaseModel]) -> set[str]:
    return set(data) - set(model.model_fields)


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_validates_against_the_model(gold_file: Path) -> None:
    text = gold_file.read_text(encoding="utf-8")
    gold = GoldPage.model_validate_json(text)
    assert gold.articles
    # No field the models do not know (a misspelt `optional` would be dropped silently).
    data = json.loads(text)
    unknown = _unknown_fields(data, GoldPage)
    for article in data["articles"]:
        unknown |= _unknown_fields(article, GoldArticle)
        for field, model in (
            ("metrics", GoldMetric),
            ("quotes", GoldQuote),
            ("campaigns", GoldCampaign),
        ):
            for record in article.get(field, []):
                unknown |= _unknown_fields(record, model)
    assert unknown == set()


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_metric_units_hold_no_magnitude(gold_file: Path) -> None:
    for article in load_gold(gold_file).articles:
        for m in article.metrics:
            assert not any(c in m.unit for c in "万亿千百"), m.raw
            if m.value_max is not None:
                assert m.value_max > m.value, m.raw
