"""Pages written for the tests in the headline layouts the genre prints, each cut as its
`.headlines.json` says (see tests/pages/layouts/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from extractor.segment import segment_page
from tests.conftest import PAGES

LAYOUTS = PAGES / "layouts"
EXPECTED = sorted(LAYOUTS.glob("*.headlines.json"))


def expected_of(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The page's text and the articles expected of it, in reading order."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    return (LAYOUTS / expected["source"]).read_text(encoding="utf-8"), expected["articles"]


def test_every_layout_page_has_its_headlines() -> None:
    assert len(EXPECTED) >= 6
    pages = sorted(p.name for p in LAYOUTS.glob("*.txt"))
    assert sorted(json.loads(p.read_text(encoding="utf-8"))["source"] for p in EXPECTED) == pages


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_titles_in_reading_order(path: Path) -> None:
    text, expected = expected_of(path)
    assert [a.title for a in segment_page(text)] == [e["title"] for e in expected]


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_kickers_subtitles_and_bylines(path: Path) -> None:
    """A field left out of the expected article is not asserted."""
    text, expected = expected_of(path)
    for article, want in zip(segment_page(text), expected, strict=True):
        for field in ("kicker", "subtitle", "byline"):
            if field in want:
                assert getattr(article, field) == want[field], (want["title"], field)


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_no_headline_line_is_left_in_a_body(path: Path) -> None:
    text, expected = expected_of(path)
    heads = {e[f] for e in expected for f in ("title", "kicker") if e.get(f)}
    for article in segment_page(text):
        assert not heads & set(article.text.split("\n")), article.title
        assert not any(line.endswith(tuple(heads)) for line in article.text.split("\n"))
