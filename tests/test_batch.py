"""Runs through the endpoint's Batch API, end to end, against a fake one over real HTTP.

Each test drives `extractor run --batch` (the real openai client, the real
database) against `tests.fakebatch`, whose batches step through validating,
in_progress, finalizing and completed as they are looked at, and asserts what
a user would find: what was uploaded and created, which rows `batches` and
`llm_calls` hold, what was stored, what was sent again and what never was.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extractor.cli import main
from extractor.extract import rules
from extractor.models import Article
from tests.conftest import SEED_PAGES, SEEDS, query
from tests.fakebatch import FakeBatchAPI, Script, serving
from tests.fakellm import (
    Reply,
    Request,
    article_body,
    article_title,
    error_reply,
    records_reply,
    round_of,
    rules_reply,
)
from tests.fakellm import serving as serving_calls
from tests.inspecting import extractor_command

KEY = "sk-batch-test-0123456789"
ENV = {"OPENAI_API_KEY": KEY}
EMPTY: dict[str, list[Any]] = {"metrics": [], "quotes": [], "campaigns": []}
#: The seed pages hold 40 articles; article 0 of page 000 prints 产值130亿元.
ARTICLES = 40
BIG = "130亿元"
FEEDBACK = "A program checked your records"


def run(
    runner: CliRunner, db: Path, fake: FakeBatchAPI, *extra: str, pages: Path = SEEDS
) -> Result:
    """`extractor run PAGES --batch` against the fake, as a user types it."""
    command = ["run", str(pages), "--db", str(db), "--model", "fake", "--base-url", fake.url]
    return runner.invoke(main, [*command, "--batch", *extra], env=ENV)


def done(db: Path) -> int:
    return int(query(db, "select count(*) as n from extractions where status = 'done'")[0]["n"])


def batches(db: Path) -> list[dict[str, Any]]:
    return query(db, "select * from batches order by id")


def rows(db: Path, sql: str) -> list[str]:
    """The rows `sql` selects, in a stable order, as text."""
    return sorted(json.dumps(list(row.values()), ensure_ascii=False) for row in query(db, sql))


def article_of(request: Request) -> Article:
    return Article(seq=0, title=article_title(request), text=article_body(request))


def correcting_model(request: Request, n: int) -> Reply:
    """Finds what the rules find; about the article printing 130亿元 it first gives that
    metric's value ten times too small, and corrects it when shown the checker's reason."""
    article = article_of(request)
    records = rules.extract(article).model_dump()
    if BIG not in article.text:
        return records_reply(request, records if round_of(request) == 0 else EMPTY)
    (right,) = [m for m in records["metrics"] if m["raw"] == BIG]
    if round_of(request) == 0:
        wrong = {**right, "value": right["value"] / 10}
        records["metrics"] = [m for m in records["metrics"] if m is not right] + [wrong]
        return records_reply(request, records)
    return records_reply(request, {**EMPTY, "metrics": [right]})


def test_a_batch_goes_through_its_statuses_and_a_later_run_collects_it(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply) as fake:
        first = run(runner, db_path, fake)
        assert first.exit_code == 0, first.output
        assert f"{ARTICLES} article(s) wait for batches" in first.output
        # One file uploaded for a batch, one batch created from it, nothing answered yet.
        assert len(fake.uploads()) == 1
        (batch,) = fake.batches.values()
        assert batch.input_file_id == fake.uploads()[0]
        lines = batch.requests
        assert len(lines) == ARTICLES
        assert {(line["method"], line["url"]) for line in lines} == {
            ("POST", "/v1/chat/completions")
        }
        assert len({line["custom_id"] for line in lines}) == ARTICLES
        assert all(line["body"]["model"] == "fake" and line["body"]["tools"] for line in lines)
        (row,) = batches(db_path)
        # Created (validating), then looked at once before the run ends.
        assert f"batch 1 ({batch.id}) sent: {ARTICLES} requests, round 0" in first.output
        assert f"batch 1 ({batch.id}): in_progress, 0 of {ARTICLES} answered" in first.output
        assert f"sent in this run: {ARTICLES} requests in 1 batch(es)" in first.output
        assert f"at the endpoint: batch 1 ({batch.id}): in_progress" in first.output
        assert (row["batch_id"], row["status"], row["requests"], row["round"]) == (
            batch.id,
            "in_progress",
            ARTICLES,
            0,
        )
        assert row["input_file_id"] == batch.input_file_id and row["kind"] == "api"
        assert done(db_path) == 0
        waiting = query(db_path, "select * from llm_calls where batch = ?", (row["id"],))
        assert len(waiting) == ARTICLES
        assert all(
            c["error"].startswith("waiting for batch") and c["response"] is None for c in waiting
        )
        assert query(db_path, "select status, articles_waiting from runs") == [
            {"status": "waiting", "articles_waiting": ARTICLES}
        ]

        seen = []
        for _ in range(2):
            again = run(runner, db_path, fake)
            assert again.exit_code == 0, again.output
            seen.append(batches(db_path)[0]["status"])
        assert seen == ["finalizing", "completed"]
        assert fake.batches[batch.id].statuses == [
            "validating",
            "in_progress",
            "finalizing",
            "completed",
        ]
        # Still one batch: looking at it never sends it again.
        assert len(fake.batches) == 1 and len(fake.uploads()) == 1
        assert done(db_path) == ARTICLES
        (row,) = batches(db_path)
        assert row["output_file_id"] == batch.output_file_id and row["error_file_id"] is None
        assert (row["completed"], row["failed"]) == (ARTICLES, 0)
        assert row["finished_at"] and row["collected_at"]
        calls = query(db_path, "select * from llm_calls where batch = ?", (row["id"],))
        assert all(c["error"] is None and c["status_code"] == 200 for c in calls)
        assert all(c["prompt_tokens"] and c["completion_tokens"] for c in calls)
        runs = query(db_path, "select status, calls, prompt_tokens from runs order by id")
        assert [r["status"] for r in runs] == ["waiting", "waiting", "finished"]
        assert runs[-1]["calls"] == ARTICLES
        assert runs[-1]["prompt_tokens"] == sum(c["prompt_tokens"] for c in calls)

        # Everything is stored: a run now sends nothing and adds nothing.
        log = len(fake.log)
        last = run(runner, db_path, fake)
        assert last.exit_code == 0
        assert "already in the database" in last.output
        assert fake.log[log:] == []


def test_wait_sees_the_batches_through_in_one_command(runner: CliRunner, db_path: Path) -> None:
    with serving(rules_reply) as fake:
        result = run(runner, db_path, fake, "--wait", "--poll-interval", "0")
        assert result.exit_code == 0, result.output
        assert done(db_path) == ARTICLES
        (batch,) = fake.batches.values()
        assert batch.looked_at == 3 and batch.status == "completed"
        assert query(db_path, "select status from runs") == [{"status": "finished"}]


def test_a_batch_run_stores_what_calls_one_at_a_time_store(
    runner: CliRunner, tmp_path: Path
) -> None:
    """The same model, asked through a batch and one call at a time: the same requests,
    rounds included, and the same records, rejections and reasons."""
    one_at_a_time, batched = tmp_path / "calls.db", tmp_path / "batch.db"
    with serving_calls(correcting_model) as calls:
        result = runner.invoke(
            main,
            [
                "run",
                str(SEEDS),
                "--db",
                str(one_at_a_time),
                "--model",
                "fake",
                "--base-url",
                calls.url,
            ],
            env=ENV,
        )
        assert result.exit_code == 0, result.output
    with serving(correcting_model) as fake:
        result = run(runner, batched, fake, "--wait", "--poll-interval", "0")
        assert result.exit_code == 0, result.output
    for sql in (
        "select raw, value, unit, approx, label, evidence, start, [end], located_in from metrics",
        "select speaker, speaker_title, text, kind, start, [end] from quotes",
        "select name, organizer, location, evidence, start, [end] from campaigns",
        "select record_type, record, reasons from rejections",
        "select status, error from extractions",
        "select request from llm_calls where error is null",
    ):
        assert rows(batched, sql) == rows(one_at_a_time, sql), sql
    assert query(batched, "select count(*) as n from rejections")[0]["n"] == 1


def test_refused_records_go_back_in_a_follow_up_round(runner: CliRunner, db_path: Path) -> None:
    with serving(correcting_model, Script(statuses=["completed"])) as fake:
        result = run(runner, db_path, fake, "--wait", "--poll-interval", "0")
        assert result.exit_code == 0, result.output
        first, second = fake.batches.values()  # round 0, then its follow-up, in one run
        assert len(first.requests) == ARTICLES
        (follow_up,) = fake.requests_of(second)
        assert round_of(follow_up) == 1 and BIG in article_body(follow_up)
        assert FEEDBACK in json.dumps(follow_up["messages"][-1], ensure_ascii=False)
        assert [row["round"] for row in batches(db_path)] == [0, 1]
    assert done(db_path) == ARTICLES
    (metric,) = query(db_path, "select value from metrics where raw = ?", (BIG,))
    assert metric["value"] == 13_000_000_000
    (rejection,) = query(db_path, "select record, reasons from rejections")
    assert json.loads(rejection["record"])["value"] == 1_300_000_000
    assert "does not read as" in rejection["reasons"]


def test_the_follow_up_waits_for_the_next_run_when_not_waiting(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(correcting_model, Script(statuses=["in_progress", "completed"])) as fake:
        # Round 0 sent (in_progress), looked at (completed) and collected; the follow-up sent.
        first = run(runner, db_path, fake)
        assert first.exit_code == 0, first.output
        assert done(db_path) == ARTICLES - 1
        assert [(row["round"], row["status"]) for row in batches(db_path)] == [
            (0, "completed"),
            (1, "in_progress"),
        ]
        assert "1 article(s) wait for batches" in first.output
        result = run(runner, db_path, fake)  # the follow-up collected
        assert result.exit_code == 0, result.output
        assert done(db_path) == ARTICLES
        assert len(fake.batches) == 2


def test_per_item_errors_fail_their_article_with_the_reason(
    runner: CliRunner, db_path: Path
) -> None:
    def refusing(request: Request, n: int) -> Reply:
        if BIG in article_body(request):
            return error_reply(400, "Invalid value for 'tools' (made up)")
        return rules_reply(request)

    with serving(refusing, Script(statuses=["completed"])) as fake:
        result = run(runner, db_path, fake)
        assert result.exit_code == 1, result.output
        (batch,) = fake.batches.values()
        assert batch.error_file_id is not None and batch.output_file_id is not None
        (failed,) = query(db_path, "select error from extractions where status = 'failed'")
        assert failed["error"] == "HTTP 400: Invalid value for 'tools' (made up)"
        assert done(db_path) == ARTICLES - 1
        (row,) = batches(db_path)
        assert (row["completed"], row["failed"]) == (ARTICLES - 1, 1)
        # The failed article is asked again by the next run, alone.
        fake.responder = rules_reply
        again = run(runner, db_path, fake)
        assert again.exit_code == 0, again.output
        assert len(fake.batches[list(fake.batches)[-1]].requests) == 1
        assert done(db_path) == ARTICLES


def test_an_expired_batch_is_reported_and_its_articles_sent_again_next_run(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply, Script(statuses=["validating", "expired"], answered=15)) as fake:
        result = run(runner, db_path, fake)  # sent (validating); looked at: expired
        assert result.exit_code == 0, result.output
        assert f"{ARTICLES - 15} of {ARTICLES} requests were not run" in result.output
        assert "sent again by the next run" in result.output
        assert done(db_path) == 15  # what was answered before it expired is kept
        assert query(db_path, "select count(*) as n from extractions")[0]["n"] == 15
        (row,) = batches(db_path)
        assert row["status"] == "expired" and row["error_file_id"]
        unanswered = query(
            db_path,
            "select error from llm_calls where batch = ? and response is null",
            (row["id"],),
        )
        assert len(unanswered) == ARTICLES - 15
        assert all("batch_expired" in c["error"] for c in unanswered)

        fake.script.statuses = ["completed"]
        again = run(runner, db_path, fake)
        assert again.exit_code == 0, again.output
        resent = list(fake.batches.values())[-1]
        assert len(resent.requests) == ARTICLES - 15
        assert done(db_path) == ARTICLES


def test_a_5xx_during_upload_is_retried(runner: CliRunner, db_path: Path) -> None:
    with serving(rules_reply, Script(statuses=["completed"], upload_faults=[500])) as fake:
        result = run(runner, db_path, fake)
        assert result.exit_code == 0, result.output
        assert fake.calls("POST", "/files") == 2 and len(fake.uploads()) == 1
        assert done(db_path) == ARTICLES


def test_an_upload_refused_again_and_again_stops_the_run_and_the_next_resumes(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply, Script(statuses=["completed"], upload_faults=[503] * 6)) as fake:
        result = run(runner, db_path, fake, "--max-attempts", "2")
        assert result.exit_code == 1
        assert "Error: the upload of the batch's requests failed after 2 attempts" in result.output
        assert "HTTP 503" in result.output and "Traceback" not in result.output
        assert query(db_path, "select status from runs") == [{"status": "stopped"}]
        assert [row["status"] for row in batches(db_path)] == ["preparing"]
        again = run(runner, db_path, fake, "--max-attempts", "6")
        assert again.exit_code == 0, again.output
        assert len(fake.batches) == 1 and done(db_path) == ARTICLES
        # The batch the stopped run was writing is gone, and its requests with it.
        assert [row["status"] for row in batches(db_path)] == ["completed"]
        assert query(db_path, "select count(*) as n from llm_calls")[0]["n"] == ARTICLES


def test_an_upload_refused_is_one_line_and_sent_nothing_else(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply, Script(upload_faults=[400])) as fake:
        result = run(runner, db_path, fake)
        assert result.exit_code == 1
        errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
        assert errors == [
            "Error: the endpoint refused the upload of the batch's requests "
            "(HTTP 400: the upload failed (scripted))"
        ]
        assert fake.calls("POST", "/files") == 1 and fake.batches == {}
        assert query(db_path, "select status from runs") == [{"status": "stopped"}]


def test_a_batch_not_created_is_created_from_the_file_already_uploaded(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply, Script(statuses=["completed"], create_faults=[500] * 2)) as fake:
        result = run(runner, db_path, fake, "--max-attempts", "2")
        assert result.exit_code == 1 and "creating the batch failed" in result.output
        assert [row["status"] for row in batches(db_path)] == ["uploaded"]
        assert run(runner, db_path, fake).exit_code == 0
        assert len(fake.uploads()) == 1 and len(fake.batches) == 1
        assert done(db_path) == ARTICLES


def test_a_batch_created_but_not_noted_is_found_at_the_endpoint(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply, Script(statuses=["in_progress", "completed"])) as fake:
        assert run(runner, db_path, fake).exit_code == 0
        # As if the run had stopped between creating the batch and noting its id.
        with sqlite3.connect(db_path) as conn:
            conn.execute("update batches set status = 'uploaded', batch_id = null")
        assert run(runner, db_path, fake).exit_code == 0
        assert len(fake.batches) == 1 and fake.calls("GET", "/batches") >= 1
        assert batches(db_path)[0]["batch_id"] == next(iter(fake.batches))
        assert done(db_path) == ARTICLES


def test_a_batch_that_ended_while_being_collected_is_collected_by_the_next_run(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply) as fake:
        assert run(runner, db_path, fake).exit_code == 0
        # As if the run collecting it had stopped after noting its end.
        with sqlite3.connect(db_path) as conn:
            conn.execute("update batches set status = 'completed'")
        (batch,) = fake.batches.values()
        batch.statuses, batch.step = ["completed"], -1
        result = run(runner, db_path, fake)
        assert result.exit_code == 0, result.output
        assert len(fake.batches) == 1 and done(db_path) == ARTICLES
        assert batches(db_path)[0]["collected_at"]


def test_a_batch_the_endpoint_no_longer_knows_is_sent_again(
    runner: CliRunner, db_path: Path
) -> None:
    with serving(rules_reply) as fake:
        assert run(runner, db_path, fake).exit_code == 0
        fake.batches.clear()  # deleted at the endpoint
        lost = run(runner, db_path, fake)
        assert "the endpoint no longer knows batch" in lost.output
        assert batches(db_path)[0]["status"] == "failed"
        fake.script.statuses = ["completed"]
        again = run(runner, db_path, fake)
        assert again.exit_code == 0, again.output
        (resent,) = fake.batches.values()
        assert len(resent.requests) == ARTICLES and done(db_path) == ARTICLES


def test_a_run_killed_between_submit_and_collect_is_picked_up(
    db_path: Path, runner: CliRunner
) -> None:
    forever = ["validating", *["in_progress"] * 100_000]
    with serving(rules_reply, Script(statuses=forever)) as fake:
        command = [*extractor_command(), "run", str(SEEDS), "--db", str(db_path)]
        command += ["--model", "fake", "--base-url", fake.url, "--batch", "--wait"]
        first = subprocess.Popen(
            [*command, "--poll-interval", "0.05"],
            env={**os.environ, **ENV},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            while not (fake.batches and next(iter(fake.batches.values())).looked_at >= 2):
                assert first.poll() is None, first.communicate()[0]
                time.sleep(0.02)
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        assert done(db_path) == 0
        (row,) = batches(db_path)
        assert row["status"] == "in_progress" and row["batch_id"]
        (batch,) = fake.batches.values()
        batch.statuses, batch.step = ["finalizing", "completed"], -1
        again = run(runner, db_path, fake, "--wait", "--poll-interval", "0")
        assert again.exit_code == 0, again.output
        assert len(fake.batches) == 1 and len(fake.uploads()) == 1
        assert done(db_path) == ARTICLES
        statuses = [r["status"] for r in query(db_path, "select status from runs order by id")]
        assert statuses == ["running", "finished"]


def test_batches_are_split_within_the_limits_on_requests_and_bytes(
    runner: CliRunner, tmp_path: Path
) -> None:
    with serving(rules_reply, Script(statuses=["completed"])) as fake:
        result = run(runner, tmp_path / "a.db", fake, "--batch-max-requests", "15")
        assert result.exit_code == 0, result.output
        assert [len(b.requests) for b in fake.batches.values()] == [15, 15, 10]
        assert done(tmp_path / "a.db") == ARTICLES
    limit = 100_000
    with serving(rules_reply, Script(statuses=["completed"])) as fake:
        result = run(runner, tmp_path / "b.db", fake, "--batch-max-bytes", str(limit))
        assert result.exit_code == 0, result.output
        sizes = [len(fake.files[b.input_file_id]) for b in fake.batches.values()]
        assert len(sizes) > 1 and max(sizes) <= limit
        assert sum(len(b.requests) for b in fake.batches.values()) == ARTICLES
        rows = batches(tmp_path / "b.db")
        assert [row["bytes"] for row in rows] == sizes
        assert done(tmp_path / "b.db") == ARTICLES


def test_a_request_answered_before_is_never_sent_again(runner: CliRunner, db_path: Path) -> None:
    with serving(rules_reply, Script(statuses=["completed"])) as fake:
        # Page 000 one call at a time, through the same endpoint: its answers are logged.
        first = runner.invoke(
            main,
            [
                "run",
                str(SEED_PAGES[0]),
                "--db",
                str(db_path),
                "--model",
                "fake",
                "--base-url",
                fake.url,
            ],
            env=ENV,
        )
        assert first.exit_code == 0, first.output
        on_page = done(db_path)
        assert on_page == 8
        # As if storing them had been lost: the log alone remains.
        with sqlite3.connect(db_path) as conn:
            for table in ("metrics", "quotes", "campaigns", "rejections", "extractions"):
                conn.execute(f"delete from {table}")
        result = run(runner, db_path, fake)
        assert result.exit_code == 0, result.output
        (batch,) = fake.batches.values()
        assert len(batch.requests) == ARTICLES - on_page
        assert done(db_path) == ARTICLES
        (counted,) = query(db_path, "select cached_calls, calls from runs order by id desc limit 1")
        assert counted == {"cached_calls": on_page, "calls": ARTICLES - on_page}


def test_an_endpoint_without_a_batch_api_is_one_line(runner: CliRunner, db_path: Path) -> None:
    with serving(rules_reply, Script(batch_api=False)) as fake:
        result = run(runner, db_path, fake)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and "has no Batch API" in lines[0] and "batch export" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--wait"], "--wait goes with --batch"),
        (["--batch", "--no-cache"], "--no-cache does not go with --batch"),
        (["--batch", "--price-in", "1"], "give both --price-in and --price-out"),
    ],
)
def test_options_that_do_not_go_together_are_one_line(
    runner: CliRunner, db_path: Path, options: list[str], message: str
) -> None:
    command = ["run", str(SEEDS), "--db", str(db_path), "--model", "m", "--base-url", "http://x"]
    result = runner.invoke(main, [*command, *options])
    assert result.exit_code != 0 and message in result.output


def test_batch_without_a_model_says_so(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(main, ["run", str(SEEDS), "--db", str(db_path), "--batch"], env={})
    assert result.exit_code != 0
    assert "--batch needs a model" in result.output


def test_the_key_is_in_no_row_and_no_output(runner: CliRunner, db_path: Path) -> None:
    def echoing(request: Request, n: int) -> Reply:
        reply = rules_reply(request)
        if BIG in article_body(request):
            reply.body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = (
                json.dumps({**EMPTY, "quotes": [{"speaker": KEY, "text": KEY, "kind": "direct"}]})
            )
        return reply

    with serving(echoing, Script(statuses=["completed"])) as fake:
        result = run(runner, db_path, fake)
    assert KEY not in result.output
    conn = sqlite3.connect(db_path)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    assert KEY.encode() not in db_path.read_bytes()
    assert b"[API key]" in db_path.read_bytes()
