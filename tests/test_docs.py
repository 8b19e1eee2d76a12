"""The README and docs/ as a user pastes them: every URL of `extractor inspect` they
give is well formed (Chinese percent-encoded) and answers, every `curl
--data-urlencode` example too, every link to a file leads to one, and the
quick start's figures are what a run gives."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import urllib.parse
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, query
from tests.inspecting import inspect_server, seeded_database

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: A URL of the default `extractor inspect` (port 8001), up to where Markdown ends it.
SERVED = re.compile(r"http://127\.0\.0\.1:8001[^\s`'\"<>)\]]*")
#: What RFC 3986 allows in a URL; anything else (Chinese, a space) must be %-encoded.
URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")


def text_of(doc: Path) -> str:
    return doc.read_text(encoding="utf-8")


def served_urls() -> list[tuple[str, str]]:
    """(document, URL) for every URL of the inspect server in the README and docs/."""
    return [(doc.name, url) for doc in DOCS for url in SERVED.findall(text_of(doc))]


def curl_examples() -> list[tuple[str, str]]:
    """(document, the URL curl requests) for each `curl -G … --data-urlencode` example."""
    found = []
    for doc in DOCS:
        for line in text_of(doc).splitlines():
            if not line.startswith("curl ") or "--data-urlencode" not in line:
                continue
            words = shlex.split(line)
            assert "-G" in words or "-sG" in words, f"{doc.name}: {line}: without -G curl POSTs"
            (url,) = [w for w in words if w.startswith("http")]
            fields = [words[i + 1] for i, w in enumerate(words) if w == "--data-urlencode"]
            pairs = [(name, value) for name, value in (f.split("=", 1) for f in fields)]
            found.append((doc.name, f"{url}?{urllib.parse.urlencode(pairs)}"))
    return found


def test_the_docs_give_urls_and_curl_examples() -> None:
    assert len(served_urls()) >= 5
    assert curl_examples()


@pytest.mark.parametrize(("doc", "url"), served_urls())
def test_a_url_in_the_docs_is_well_formed(doc: str, url: str) -> None:
    assert URL_CHARACTERS.fullmatch(url), f"{doc}: {url} needs percent-encoding"
    assert not re.search(r"%(?![0-9A-Fa-f]{2})", url), f"{doc}: {url}: a broken %-escape"
    urllib.parse.unquote(url, errors="strict")  # the escapes spell UTF-8


def database_of(url: str) -> str:
    """The database a URL of the server is about: its first path segment (`/-/…` is any)."""
    first = urllib.parse.urlsplit(url).path.strip("/").split("/")[0].split(".")[0]
    return "extractions" if first in ("", "-") else first


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeded_database(tmp_path_factory.mktemp("docs") / "extractions.db")


def test_every_url_and_curl_example_answers(seeded: Path, tmp_path: Path) -> None:
    """Each URL asked of `extractor inspect` over the seed pages, the database named as
    the URL names it (`/papers` is `--db papers.db`), answers 200."""
    by_database: dict[str, list[str]] = defaultdict(list)
    for doc, url in [*served_urls(), *curl_examples()]:
        by_database[database_of(url)].append(f"{doc}: {url}")
    for name, urls in by_database.items():
        db = tmp_path / f"{name}.db"
        shutil.copyfile(seeded, db)
        with inspect_server(db) as server:
            for where in urls:
                url = where.split(": ", 1)[1]
                parts = urllib.parse.urlsplit(url)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                reply = server.get(path)
                assert reply.status == 200, f"{where}: {reply.status}"
                if "_shape=array" in url:
                    assert isinstance(reply.json(), list), where


def linked_files() -> Iterator[tuple[str, str]]:
    """(document, target) for each Markdown link to a file of the repository."""
    for doc in DOCS:
        for target in re.findall(r"\]\(([^)\s]+)\)", text_of(doc)):
            if not re.match(r"[a-z]+:", target):
                yield doc.name, str(doc.parent / target.split("#")[0])


@pytest.mark.parametrize(("doc", "target"), list(linked_files()))
def test_a_link_leads_to_a_file(doc: str, target: str) -> None:
    assert Path(target).exists(), f"{doc}: {target}"


def test_the_readme_lists_every_document_of_docs() -> None:
    readme = text_of(ROOT / "README.md")
    missing = [doc.name for doc in DOCS[1:] if f"(docs/{doc.name})" not in readme]
    assert missing == [], "link them from the README's Reference"


# --- the quick start's figures ----------------------------------------------------------


def blocks(text: str) -> list[tuple[int, str]]:
    """Every fenced block of a Markdown text: where it starts, and its lines."""
    return [
        (m.start(), m.group(1))
        for m in re.finditer(r"^```[^\n]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    ]


def block_after(text: str, marker: str) -> list[str]:
    """The lines of the first fenced block that starts after `marker`."""
    at = text.index(marker) + len(marker)
    return next(body for start, body in blocks(text) if start >= at).splitlines()


def test_the_quick_start_shows_what_make_run_prints(seeded: Path) -> None:
    lines = block_after(text_of(ROOT / "README.md"), "which ends with:")
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines if "│" in line]
    table = {cells[0]: cells[1:] for cells in rows}
    for kind in ("metrics", "quotes", "campaigns"):
        stored = query(seeded, f"select count(*) as n from {kind}")[0]["n"]
        assert table[kind] == [str(stored), "0"], f"README: {kind} (a run gives {stored})"
    articles = query(seeded, "select count(*) as n from articles")[0]["n"]
    pages = len(list(SEEDS.glob("*.txt")))
    summary = next(line for line in lines if line.startswith("pages:"))
    assert summary.startswith(f"pages: {pages} read, 0 failed | articles: {articles} extracted")


def test_the_quick_start_shows_what_the_query_prints(seeded: Path) -> None:
    readme = text_of(ROOT / "README.md")
    command = next(
        line for line in readme.splitlines() if line.startswith(".venv/bin/sqlite-utils")
    )
    words = shlex.split(command)
    assert words[1] == "extractions.db"
    tool = Path(sys.executable).with_name("sqlite-utils")
    printed = subprocess.run(
        [str(tool), str(seeded), *words[2:]],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    shown = block_after(readme, f"{command}\n```")
    assert [line.split() for line in shown] == [line.split() for line in printed.splitlines()]
