"""The project's gold files for the mutation tests, with their pages.

The mutations themselves are `extractor/mutations.py`'s. Gold files are found
under `tests/gold/` at any depth, except the held-out set (`tests/gold/heldout/`,
measured by `benchmarks/checker_quality.py`, never tuned on); each page by its
`source` in `seeds/` or anywhere under `tests/pages/`.
"""

from __future__ import annotations

from pathlib import Path

from extractor.mutations import GoldCase
from extractor.mutations import load_case as load_case_from

ROOT = Path(__file__).resolve().parent.parent
GOLD_ROOT = ROOT / "tests" / "gold"
HELD_OUT = GOLD_ROOT / "heldout"
PAGE_PLACES = (ROOT / "seeds", ROOT / "tests" / "pages")


def gold_files() -> list[Path]:
    """Every gold file under `tests/gold/`, at any depth, but the held-out set's."""
    return sorted(p for p in GOLD_ROOT.rglob("*.json") if p.is_file() and HELD_OUT not in p.parents)


def load_case(path: Path) -> GoldCase:
    """The gold file at `path` with its page, from `seeds/` or `tests/pages/`."""
    return load_case_from(path, PAGE_PLACES)
