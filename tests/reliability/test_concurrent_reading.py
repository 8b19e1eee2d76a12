"""`extractor inspect` serving a database while a run writes to it, with either backend.

Readers must only ever see whole articles (an article's extraction row and
all its records, or none of them), never see rows disappear, and never get an
error; the run must not be held up by them: it finishes with every article
stored and nothing failed.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_PAGES, distinct_pages, query
from tests.fakellm import rules_reply, serving
from tests.inspecting import Server, extractor_command, inspect_server, seeded_database

# Per stored article, how many records of each kind it has, as a reader sees it.
PER_ARTICLE = (
    "select e.article_id, "
    "(select count(*) from metrics m where m.article_id = e.article_id) as metrics, "
    "(select count(*) from quotes q where q.article_id = e.article_id) as quotes, "
    "(select count(*) from campaigns c where c.article_id = e.article_id) as campaigns, "
    "(select count(*) from rejections r where r.article_id = e.article_id) as rejections "
    "from extractions e"
)
# Records whose article has no extraction row from their run: never seen by a
# reader of committed transactions, since an article's records and its
# extraction are stored together.
ORPHANS = " + ".join(
    f"(select count(*) from {table} r where not exists (select 1 from extractions e "
    "where e.article_id = r.article_id and e.run_id = r.run_id))"
    for table in ("metrics", "quotes", "campaigns", "rejections")
)


def read_while_running(
    server: Server, run: subprocess.Popen[str]
) -> list[dict[int, tuple[int, ...]]]:
    """Poll the server until the run ends: what each poll saw, per stored article."""
    polls: list[dict[int, tuple[int, ...]]] = []
    while run.poll() is None:
        reply = server.get("/live.json", sql=f"select ({ORPHANS}) as orphans")
        assert reply.status == 200, reply.text[:300]
        assert reply.json()["rows"] == [[0]], "a reader saw records of an unstored article"
        reply = server.get("/live.json", sql=PER_ARTICLE)
        assert reply.status == 200, reply.text[:300]
        polls.append({row[0]: tuple(row[1:]) for row in reply.json()["rows"]})
        # The pages a user clicks through answer too, while the run writes.
        assert server.get("/live/metrics", _facet="unit").status == 200
        time.sleep(0.02)
    return polls


def final_counts(db: Path) -> dict[int, tuple[int, ...]]:
    return {
        row["article_id"]: (row["metrics"], row["quotes"], row["campaigns"], row["rejections"])
        for row in query(db, PER_ARTICLE)
    }


@pytest.mark.parametrize("backend", ["rules", "llm"])
def test_readers_see_whole_articles_while_a_run_writes_and_do_not_hold_it_up(
    backend: str, tmp_path: Path
) -> None:
    db = seeded_database(tmp_path / "live.db", SEED_PAGES[0])
    pages = distinct_pages(tmp_path / "pages", 60 if backend == "rules" else 12, every_article=True)
    with serving(rules_reply, latency=0.02) as fake, inspect_server(db) as server:
        assert server.json("/-/databases.json")[0]["is_mutable"] is False
        before = len(final_counts(db))
        command = [*extractor_command(), "run", str(pages), "--db", str(db)]
        if backend == "llm":
            command += ["--model", "fake", "--base-url", fake.url, "--concurrency", "4"]
        else:
            command += ["--jobs", "1"]
        run = subprocess.Popen(
            command,
            env={**os.environ, "OPENAI_API_KEY": "sk-reading-0123456789"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        polls = read_while_running(server, run)
        output = run.communicate(timeout=120)[0]
        assert run.returncode == 0, output
        assert "0 failed" in output and "locked" not in output, output
        assert server.json("/-/databases.json")[0]["is_mutable"] is True
        assert "now reading it live" in "\n".join(server.output())
        final = final_counts(db)
        seen_last = server.json("/live.json", sql="select count(*) from extractions")["rows"]
        assert seen_last == [[len(final)]]

    # Every article a reader saw had all its records, as the run left them.
    for poll in polls:
        assert {k: final[k] for k in poll} == poll, "a reader saw half an article"
    sizes = [len(poll) for poll in polls]
    assert sizes == sorted(sizes), "a reader saw stored articles disappear"
    assert any(before < n < len(final) for n in sizes), "no read happened during the run"
    assert query(db, "select status, errors from runs order by id desc limit 1") == [
        {"status": "finished", "errors": "[]"}
    ]
