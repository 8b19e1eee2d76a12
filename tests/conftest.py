"""Shared fixtures: the seed pages, their gold files, and fresh databases."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.models import GoldPage

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared"
SEED_PAGES = sorted(SEEDS.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.json"))


def query(db: Path, sql: str, params: tuple[object, ...] = ()) -> list[dict[str, Any]]:
    """Rows straight from a database file, as dicts."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute(sql, params)]
    finally:
        conn.close()


def distinct_pages(folder: Path, count: int, *, every_article: bool = False) -> Path:
    """`count` copies of the seed pages in `folder`, each page made distinct by a last line.

    With `every_article`, every line that ends a sentence is marked with the copy's
    number as well, so no two articles of the copies are alike either (a model is
    never asked the same question twice, and its cache answers none of them).
    """
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in SEED_PAGES]
    for i in range(count):
        text = texts[i % len(texts)]
        if every_article:
            text = "\n".join(
                f"{line[:-1]}（副本{i}）。" if line.endswith("。") else line
                for line in text.splitlines()
            )
        page = folder / f"page_{i:04d}.txt"
        page.write_text(f"{text}\n\n副本 {i}\n", encoding="utf-8")
    return folder


def load_gold(path: Path) -> GoldPage:
    return GoldPage.model_validate(json.loads(path.read_text(encoding="utf-8")))


def page_of(gold: GoldPage) -> Path:
    return SEEDS / gold.source


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "extractions.db"
