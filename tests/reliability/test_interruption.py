"""A run killed with SIGKILL at a random point and started again, with either backend.

The database the second run ends with must be the one an uninterrupted run
makes: the same pages, articles, records and rejections, one extraction per
article, the search index whole, and, with a model, no call for an article
stored before the kill. Each test kills a run at a point drawn at random from
one third of the work (early, middle, late); the seed is in every failure
message and `RELIABILITY_SEED=N` replays it.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlite_utils

from extractor.search import index_differences, index_name
from extractor.search_query import find
from tests.conftest import distinct_pages
from tests.fakellm import FakeLLM, article_body, article_title, rules_reply, serving
from tests.inspecting import extractor_command

SEED = int(os.environ.get("RELIABILITY_SEED") or random.randrange(2**32))
#: Where a kill may land, as a share of the articles stored by then.
THIRDS = {"early": (0.0, 1 / 3), "middle": (1 / 3, 2 / 3), "late": (2 / 3, 0.9)}
#: Columns that differ between any two runs (ids, times, the run, the folder of the pages).
UNSTABLE = {"id", "run_id", "added_at", "finished_at", "started_at", "path"}
TABLES = ("pages", "articles", "extractions", "metrics", "quotes", "campaigns", "rejections")
SEARCHED = ("articles", "metrics", "quotes", "campaigns")
KEY = "sk-interrupted-0123456789"


@dataclass(frozen=True)
class Backend:
    """How a backend is run over a folder of pages, and how many pages make a run."""

    name: str
    pages: int

    def command(self, pages: Path, db: Path, fake: FakeLLM | None) -> list[str]:
        command = [*extractor_command(), "run", str(pages), "--db", str(db)]
        if fake is None:
            return [*command, "--jobs", "1"]
        return [*command, "--model", "fake", "--base-url", fake.url, "--concurrency", "4"]


RULES = Backend("rules", pages=30)
LLM = Backend("llm", pages=8)


@contextmanager
def model_for(backend: Backend) -> Iterator[FakeLLM | None]:
    """The fake model the llm backend talks to (it answers as the rules would); none for rules."""
    if backend is RULES:
        yield None
        return
    with serving(rules_reply, latency=0.02) as fake:
        yield fake


def start(backend: Backend, pages: Path, db: Path, fake: FakeLLM | None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        backend.command(pages, db, fake),
        env={**os.environ, "OPENAI_API_KEY": KEY},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish(run: subprocess.Popen[str]) -> str:
    output = run.communicate(timeout=180)[0]
    assert run.returncode == 0, output
    assert "Traceback" not in output
    return output


def count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not made yet
        return 0


def stored(db: Path) -> int:
    return count(db, "select count(*) from extractions where status = 'done'")


def texts(db: Path, where: str = "") -> set[tuple[str, str]]:
    """The title and text of the articles `where` says, as a request to the model carries them."""
    try:
        with sqlite3.connect(db) as conn:
            return set(conn.execute(f"select title, text from articles {where}"))
    except sqlite3.OperationalError:  # killed before the schema was made
        return set()


def snapshot(db: Path) -> dict[str, Counter[tuple[object, ...]]]:
    """Every table's rows as multisets, with ids replaced by what they point to.

    A page is known by its hash, an article by its page and place on it; the
    columns that tell two runs apart (ids, times, the run) are left out.
    """
    conn = sqlite3.connect(db)
    try:
        conn.execute(
            "create temp view place as select a.id, p.sha256, a.seq from articles a "
            "join pages p on p.id = a.page_id"
        )
        tables: dict[str, Counter[tuple[object, ...]]] = {}
        for table in TABLES:
            columns = [row[1] for row in conn.execute(f"pragma table_info({table})")]
            kept = [f"t.[{c}]" for c in columns if c not in UNSTABLE | {"page_id", "article_id"}]
            joins = ""
            if "page_id" in columns:
                kept.append("(select sha256 from pages where id = t.page_id)")
            if "article_id" in columns:
                kept += ["place.sha256", "place.seq"]
                joins = " join place on place.id = t.article_id"
            rows = conn.execute(f"select {', '.join(kept)} from {table} t{joins}")
            tables[table] = Counter(tuple(row) for row in rows)
        return tables
    finally:
        conn.close()


def assert_search_is_whole(db: Path) -> None:
    """Every search index true to its table: FTS5's own check, the index made again from the
    rows entry by entry, and words found as LIKE finds them."""
    with sqlite3.connect(db) as conn:
        for table in SEARCHED:
            index = index_name(table)
            conn.execute(f"insert into [{index}]([{index}]) values ('integrity-check')")
    database = sqlite_utils.Database(db)
    try:
        for table in SEARCHED:
            assert index_differences(database, table) == 0, table
        for word in ("拉萨市", "拉萨", "藏"):
            found = find(database.conn, "articles", word)
            expected = [
                row[0]
                for row in database.execute(
                    "select id from articles where title || ' ' || coalesce(kicker, '') || ' ' "
                    "|| coalesce(subtitle, '') || ' ' || text like ? order by id",
                    [f"%{word}%"],
                )
            ]
            assert found == expected and expected, word
    finally:
        database.close()


@pytest.fixture(scope="module")
def uninterrupted(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, dict[str, Counter[tuple[object, ...]]]]:
    """What a run that is never killed stores, per backend, over the same pages."""
    snapshots = {}
    for backend in (RULES, LLM):
        folder = tmp_path_factory.mktemp(f"whole-{backend.name}")
        pages = distinct_pages(folder / "pages", backend.pages, every_article=True)
        db = folder / "whole.db"
        with model_for(backend) as fake:
            finish(start(backend, pages, db, fake))
        snapshots[backend.name] = snapshot(db)
    return snapshots


@pytest.mark.parametrize("third", list(THIRDS))
@pytest.mark.parametrize("backend", [RULES, LLM], ids=lambda b: b.name)
def test_a_run_killed_at_a_random_point_resumes_to_the_same_database(
    backend: Backend,
    third: str,
    tmp_path: Path,
    uninterrupted: dict[str, dict[str, Counter[tuple[object, ...]]]],
) -> None:
    pages = distinct_pages(tmp_path / "pages", backend.pages, every_article=True)
    db = tmp_path / "killed.db"
    expected = uninterrupted[backend.name]
    articles = len(expected["articles"])
    low, high = THIRDS[third]
    rng = random.Random(f"{SEED}-{backend.name}-{third}")
    target = rng.randint(int(low * articles), int(high * articles) - 1)
    where = f"seed {SEED}: {backend.name}, killed after {target} of {articles} articles"

    with model_for(backend) as fake:
        first = start(backend, pages, db, fake)
        while stored(db) < target and first.poll() is None:
            time.sleep(0.002)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert first.returncode == -signal.SIGKILL, f"{where}: the run ended before the kill"
        done_before = stored(db)
        assert target <= done_before < articles, f"{where}: {done_before} stored at the kill"
        stored_texts = texts(db, "where id in (select article_id from extractions)")
        calls_before = fake.calls if fake else 0

        finish(start(backend, pages, db, fake))
        resumed = fake.requests[calls_before:] if fake else []

    after = snapshot(db)
    for table in TABLES:
        assert after[table] == expected[table], f"{where}: {table} differs from a whole run"
    assert all(n == 1 for n in after["extractions"].values()), f"{where}: duplicate extraction"
    assert count(db, "select count(*) from extractions where status = 'done'") == articles
    statuses = [row[0] for row in sqlite3.connect(db).execute("select status from runs")]
    assert statuses[-1] == "finished" and "finished" not in statuses[:-1], where
    assert_search_is_whole(db)
    # With a model: nothing stored before the kill is asked about again (a reply
    # that arrived before the kill but was not stored is answered from the log).
    asked = [(article_title(request), article_body(request)) for request in resumed]
    assert set(asked) <= texts(db), f"{where}: a request about no article"
    asked_again = [article for article in asked if article in stored_texts]
    assert asked_again == [], f"{where}: {len(asked_again)} stored articles asked again"
    if fake is not None:
        assert 0 < len(resumed) <= articles - done_before, where


@pytest.mark.parametrize("backend", [RULES, LLM], ids=lambda b: b.name)
def test_ctrl_c_says_what_was_stored_and_that_the_same_command_resumes(
    backend: Backend, tmp_path: Path
) -> None:
    """Ctrl-C (SIGINT) in the middle of a run: a message, not only `Aborted!`."""
    pages = distinct_pages(tmp_path / "pages", backend.pages * 4, every_article=True)
    db = tmp_path / "interrupted.db"
    with model_for(backend) as fake:
        first = start(backend, pages, db, fake)
        while stored(db) < 10 and first.poll() is None:
            time.sleep(0.002)
        first.send_signal(signal.SIGINT)
        output = first.communicate(timeout=60)[0]
        assert first.returncode == 130, output
        assert "Traceback" not in output and "Aborted!" not in output
        (run,) = sqlite3.connect(db).execute(
            "select id, status, articles, metrics, quotes, campaigns from runs"
        )
        run_id, status, articles, metrics, quotes, campaigns = run
        assert status == "interrupted"
        done = stored(db)
        assert 10 <= done == articles < backend.pages * 4 * 8
        said = (
            f"interrupted: run {run_id} stored {done} articles in {db} ({metrics} metrics, "
            f"{quotes} quotes, {campaigns} campaigns), each whole with its records."
        )
        assert said in one_line(output), output
        assert "Run the same command again to resume: what is stored is skipped" in output

        again = finish(start(backend, pages, db, fake))
    assert f"{done} already in the database" in again, again


def one_line(text: str) -> str:
    return " ".join(text.split())
