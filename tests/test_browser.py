"""The review page in a real browser: Debian's headless Chromium, driven by Selenium.

Checks what only a browser can tell: that the highlights are rendered (shown,
with a size and a background colour), that Chinese has a font to render
with, and that a highlight's link leads to its row. Leaves a screenshot in
tests/artifacts/review.png. Needs `chromium`, `chromium-driver` and a CJK
font (`fonts-wqy-microhei`): `make test` installs them.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.conftest import ROOT, query
from tests.inspecting import Server, inspect_server, seeded_database

ARTIFACTS = ROOT / "tests" / "artifacts"
TRANSPARENT = ("rgba(0, 0, 0, 0)", "transparent")


def _installed(command: str, package: str) -> str:
    found = shutil.which(command)
    assert found, f"{command} is not installed: `make test` installs it (apt-get install {package})"
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = _installed("chromium", "chromium")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1100,1400",
        "--lang=zh-CN",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(
        options=options,
        service=Service(executable_path=_installed("chromedriver", "chromium-driver")),
    )
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_database(tmp_path_factory.mktemp("browser") / "extractions.db")


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[Server]:
    with inspect_server(db) as running:
        yield running


def test_a_cjk_font_is_installed() -> None:
    families = subprocess.run(
        [_installed("fc-list", "fontconfig"), ":lang=zh", "family"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert families.strip(), "no font covers Chinese: Chromium would draw empty boxes"


def test_the_review_page_renders_its_highlights(
    browser: WebDriver, server: Server, db: Path
) -> None:
    [article] = query(
        db,
        "select a.id, a.title from articles a join pages p on p.id = a.page_id "
        "where p.name = '000_68a2d2bd55ad5801.txt' and a.seq = 0",
    )
    located = query(
        db,
        "select (select count(*) from metrics where article_id = ?1 and start is not null) "
        "+ (select count(*) from quotes where article_id = ?1 and start is not null) "
        "+ (select count(*) from campaigns where article_id = ?1 and start is not null) as n",
        (article["id"],),
    )[0]["n"]
    browser.get(f"{server.base}/-/review/extractions/{article['id']}")
    assert article["title"] in browser.find_element(By.TAG_NAME, "h1").text

    marks = browser.find_elements(By.CSS_SELECTOR, "section.text mark")
    records = {r for m in marks for r in (m.get_attribute("data-records") or "").split()}
    assert len(records) == located > 0
    backgrounds: dict[str, set[str]] = {}
    for mark in marks:
        assert mark.is_displayed()
        assert mark.size["width"] > 0 and mark.size["height"] > 0
        colour = mark.value_of_css_property("background-color")
        assert colour not in TRANSPARENT, mark.text
        assert mark.get_attribute("title")
        kinds = (mark.get_attribute("class") or "").split()
        backgrounds.setdefault(" ".join(kinds), set()).add(colour)
    # One colour per kind of record, a different one for each kind.
    singles = {kind: colours for kind, colours in backgrounds.items() if " " not in kind}
    assert {"metric", "quote", "campaign"} <= set(singles)
    assert all(len(colours) == 1 for colours in singles.values())
    assert len({next(iter(c)) for c in singles.values()}) == len(singles)

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_a_highlight_leads_to_its_row(browser: WebDriver, server: Server, db: Path) -> None:
    [article] = query(db, "select article_id as id from metrics order by id limit 1")
    browser.get(f"{server.base}/-/review/extractions/{article['id']}")
    first = browser.find_element(By.CSS_SELECTOR, "section.text mark.metric a")
    href = first.get_attribute("href") or ""
    first.click()
    assert browser.current_url == href
    assert "/extractions/metrics/" in browser.current_url
    assert "raw" in browser.find_element(By.TAG_NAME, "table").text
