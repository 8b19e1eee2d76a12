"""A run with a model killed half-way (SIGKILL) and started again.

The second run must complete with no duplicate rows, no lost articles, and
no new call for an article the first run had stored.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tests.conftest import SEEDS
from tests.fakellm import article_body, article_title, rules_reply, serving

EXTRACTOR = str(Path(sys.executable).with_name("extractor"))
RECORDS = {
    "metrics": "raw, value, value_max, unit, approx, start, [end]",
    "quotes": "speaker, text, kind, start, [end]",
    "campaigns": "name, start, [end]",
}


def run(db: Path, url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            EXTRACTOR,
            "run",
            str(SEEDS),
            "--db",
            str(db),
            "--model",
            "fake",
            "--base-url",
            url,
            "--concurrency",
            "4",
        ],
        env={**os.environ, "OPENAI_API_KEY": "sk-resume-test"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            row = conn.execute("select count(*) from extractions where status = 'done'").fetchone()
            return int(row[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def records(db: Path) -> Counter[tuple[object, ...]]:
    """Every accepted record, keyed by its page, article and fields: a multiset."""
    with sqlite3.connect(db) as conn:
        rows: Counter[tuple[object, ...]] = Counter()
        for table, columns in RECORDS.items():
            sql = (
                f"select '{table}', p.sha256, a.seq, {', '.join('r.' + c for c in columns.split(', '))} "
                f"from {table} r join articles a on a.id = r.article_id join pages p on p.id = a.page_id"
            )
            rows.update(tuple(row) for row in conn.execute(sql))
        return rows


def test_a_killed_run_resumes_without_duplicates_losses_or_repeated_calls(tmp_path: Path) -> None:
    with serving(rules_reply, latency=0.05) as fake:
        whole = tmp_path / "whole.db"
        assert run(whole, fake.url).wait(timeout=120) == 0
        calls_whole = fake.calls

        db = tmp_path / "killed.db"
        first = run(db, fake.url)
        deadline = time.monotonic() + 60
        while stored(db) < 12 and time.monotonic() < deadline:
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        with sqlite3.connect(db) as conn:
            done_before = {
                (title, text)
                for title, text in conn.execute(
                    "select a.title, a.text from extractions e join articles a on a.id = e.article_id "
                    "where e.status = 'done'"
                )
            }
            articles = conn.execute("select count(*) from articles").fetchone()[0]
        assert 12 <= len(done_before) < articles, "the kill should land half-way"

        before = fake.calls
        assert run(db, fake.url).wait(timeout=120) == 0
        resumed = fake.requests[before:]

    assert records(db) == records(whole)
    with sqlite3.connect(db) as conn:
        per_article = conn.execute(
            "select count(*), count(distinct article_id) from extractions where status = 'done'"
        ).fetchone()
        assert (
            per_article[0]
            == per_article[1]
            == conn.execute("select count(*) from articles").fetchone()[0]
        )
        assert conn.execute("select count(*) from pages").fetchone()[0] == len(
            list(SEEDS.glob("*.txt"))
        )
        statuses = [row[0] for row in conn.execute("select status from runs order by id")]
    assert statuses == ["running", "finished"]  # the killed run could not record its end
    asked_again = [r for r in resumed if (article_title(r), article_body(r)) in done_before]
    assert asked_again == []
    # Together the two runs made no more calls than one whole run, but for the
    # calls in flight when the first was killed (4 at most): a reply logged
    # before the kill is answered from the cache, for free.
    assert before - calls_whole + len(resumed) <= calls_whole + 4
