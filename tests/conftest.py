"""Shared fixtures: the seed pages, their gold files, and fresh databases."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

from extractor.models import GoldPage

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
#: Pages of the development and held-out sets (`tests/pages/<set>/`), gold in `tests/gold/<set>/`.
PAGES = ROOT / "tests" / "pages"
SEED_PAGES = sorted(SEEDS.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.json"))

# Property tests: `make test` (and CI) draw the same examples on every run, so a
# test that passes today passes tomorrow on any clone (Hypothesis's "ci" profile:
# derandomized, no example database). `make fuzz` draws fresh examples, many more
# of them, and keeps what fails in .hypothesis/ to replay it on the next fuzz.
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
#: How many times more examples each property test draws under `make fuzz`.
FUZZ_SCALE = int(os.environ.get("FUZZ_SCALE", "20")) if PROFILE == "fuzz" else 1
# Fresh examples even where Hypothesis finds itself on a CI machine (its default
# is then derandomized, with no example database), so each is said outright.
settings.register_profile(
    "fuzz",
    max_examples=100 * FUZZ_SCALE,
    deadline=None,
    print_blob=True,
    derandomize=False,
    database=DirectoryBasedExampleDatabase(".hypothesis/examples"),
)
settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """`n` examples in `make test`; FUZZ_SCALE times as many under `make fuzz`."""
    return n * FUZZ_SCALE


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
    """The page a gold file is about: its `source`, in seeds/ or anywhere under tests/pages/."""
    found = [SEEDS / gold.source] if (SEEDS / gold.source).is_file() else []
    found += sorted(p for p in PAGES.rglob("*") if p.name == gold.source)
    assert len(found) == 1, f"{gold.source}: {len(found)} pages of that name"
    return found[0]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "extractions.db"
