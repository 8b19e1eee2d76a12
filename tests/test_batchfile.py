"""Requests for an engine of one's own (`batch export`, `batch import`), dry runs and cost.

The engine is played by `answer`, which reads an exported file and writes
the results file vLLM's `run-batch` writes (the Batch API's output lines),
each request answered by a scripted model from `tests.fakellm`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extractor.cli import main
from extractor.estimate import estimate_tokens
from tests.conftest import SEEDS, query
from tests.fakebatch import Script, serving
from tests.fakellm import (
    Reply,
    Request,
    article_body,
    article_title,
    error_reply,
    round_of,
    rules_reply,
)
from tests.fakellm import serving as serving_calls
from tests.test_batch import ARTICLES, BIG, ENV, correcting_model, done

MODEL = "Qwen/Qwen2.5-7B-Instruct"
#: An article of page 001 the engine refuses to answer.
REFUSED = "墨竹工卡县开展基层宣讲活动"


def export(runner: CliRunner, db: Path, out: Path, *extra: str) -> Result:
    command = ["batch", "export", str(SEEDS), "--db", str(db), "--model", MODEL]
    return runner.invoke(main, [*command, "--out", str(out), *extra])


def import_(runner: CliRunner, db: Path, results: Path, *extra: str) -> Result:
    return runner.invoke(main, ["batch", "import", str(results), "--db", str(db), *extra])


def answer(requests: Path, model: Any, results: Path) -> list[Request]:
    """Answer every request of `requests` as vLLM's run-batch would, into `results`."""
    bodies, lines = [], []
    for n, line in enumerate(requests.read_text(encoding="utf-8").splitlines()):
        request = json.loads(line)
        assert (request["method"], request["url"]) == ("POST", "/v1/chat/completions")
        reply: Reply = model(request["body"], n)
        bodies.append(request["body"])
        lines.append(
            {
                "id": f"vllm-{n}",
                "custom_id": request["custom_id"],
                "response": {
                    "status_code": reply.status,
                    "request_id": f"r{n}",
                    "body": reply.body,
                },
                "error": None,
            }
        )
    results.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return bodies


def test_export_answer_import_until_nothing_is_left(runner: CliRunner, tmp_path: Path) -> None:
    db, out, results = tmp_path / "x.db", tmp_path / "requests.jsonl", tmp_path / "results.jsonl"
    first = export(runner, db, out, "--mode", "json")
    assert first.exit_code == 0, first.output
    assert (
        f"wrote {ARTICLES} request(s) for {ARTICLES} article(s) to {out} (round 0)" in first.output
    )
    bodies = answer(out, correcting_model, results)
    assert all(body["model"] == MODEL and body["response_format"] for body in bodies)
    assert query(db, "select kind, status, requests, round from batches") == [
        {"kind": "file", "status": "exported", "requests": ARTICLES, "round": 0}
    ]

    second = import_(runner, db, results)
    assert second.exit_code == 0, second.output
    assert "1 article(s) need another round" in second.output
    assert done(db) == ARTICLES - 1
    assert query(db, "select status from batches") == [{"status": "imported"}]

    # The next round: only the follow-up, with the checker's reasons.
    third = export(runner, db, out, "--mode", "json")
    assert third.exit_code == 0, third.output
    assert "wrote 1 request(s) for 1 article(s)" in third.output and "(round 1)" in third.output
    (follow_up,) = answer(out, correcting_model, results)
    assert round_of(follow_up) == 1 and BIG in json.dumps(follow_up, ensure_ascii=False)
    fourth = import_(runner, db, results)
    assert fourth.exit_code == 0, fourth.output
    assert done(db) == ARTICLES
    (metric,) = query(db, "select value from metrics where raw = ?", (BIG,))
    assert metric["value"] == 13_000_000_000

    last = export(runner, db, out, "--mode", "json")
    assert last.exit_code == 0 and "nothing left to ask" in last.output
    assert out.read_text() == ""
    runs = query(db, "select status, calls from runs order by id")
    assert [r["status"] for r in runs] == ["waiting", "waiting", "waiting", "finished", "finished"]
    assert [r["calls"] for r in runs] == [0, ARTICLES, 0, 1, 0]


def test_an_import_stores_what_calls_one_at_a_time_store(runner: CliRunner, tmp_path: Path) -> None:
    calls_db, db = tmp_path / "calls.db", tmp_path / "x.db"
    with serving_calls(rules_reply) as fake:
        command = ["run", str(SEEDS), "--db", str(calls_db), "--model", MODEL, "--mode", "json"]
        result = runner.invoke(main, [*command, "--base-url", fake.url], env=ENV)
        assert result.exit_code == 0, result.output
    out, results = tmp_path / "requests.jsonl", tmp_path / "results.jsonl"
    assert export(runner, db, out, "--mode", "json").exit_code == 0
    answer(out, rules_reply, results)
    assert import_(runner, db, results).exit_code == 0
    for sql in (
        "select raw, value, unit, approx, label, start, [end], prompt_version from metrics",
        "select speaker, text, kind, start, [end] from quotes",
        "select name, start, [end] from campaigns",
    ):
        assert sorted(map(str, query(db, sql))) == sorted(map(str, query(calls_db, sql))), sql
    # The same requests, and the same replies (their JSON spelled alike).
    sql = "select request, response from llm_calls"
    logged = sorted((c["request"], json.loads(c["response"])["choices"]) for c in query(db, sql))
    assert logged == sorted(
        (c["request"], json.loads(c["response"])["choices"]) for c in query(calls_db, sql)
    )


def test_a_per_request_error_fails_its_article_and_the_others_are_stored(
    runner: CliRunner, tmp_path: Path
) -> None:
    db, out, results = tmp_path / "x.db", tmp_path / "requests.jsonl", tmp_path / "results.jsonl"

    def refusing(request: Request, n: int) -> Reply:
        if BIG in article_body(request):
            return error_reply(400, "This model's maximum context length is 4096 tokens")
        if article_title(request) == REFUSED:
            return error_reply(400, "Invalid 'messages' (made up)")
        return rules_reply(request)

    assert export(runner, db, out).exit_code == 0
    answer(out, refusing, results)
    with results.open("a", encoding="utf-8") as file:
        file.write("this is not JSON\n")
    result = import_(runner, db, results)
    assert result.exit_code == 1
    assert f"{results}, line {ARTICLES + 1}: not JSON" in result.output
    assert done(db) == ARTICLES - 2
    (failed,) = query(db, "select error from extractions where status = 'failed'")
    assert failed["error"] == "HTTP 400: Invalid 'messages' (made up)"
    # Too long for the model: the article is asked about in two parts, in the next round.
    assert "1 article(s) need another round" in result.output
    again = export(runner, db, out)
    assert "wrote 3 request(s) for 2 article(s)" in again.output
    parts = [json.loads(line)["body"] for line in out.read_text().splitlines()]
    assert sum(BIG in article_body(body) for body in parts) == 1
    assert sum(article_title(body) == REFUSED for body in parts) == 1


def test_results_for_nothing_waiting_are_one_line(runner: CliRunner, tmp_path: Path) -> None:
    db, results = tmp_path / "x.db", tmp_path / "results.jsonl"
    results.write_text('{"custom_id": "nothing", "response": null, "error": null}\n')
    result = import_(runner, db, results)
    assert result.exit_code == 1
    assert "no result answers a request waiting in this database" in result.output
    missing = import_(runner, db, tmp_path / "none.jsonl")
    assert missing.exit_code == 1 and "none.jsonl: no such file" in missing.output


def test_a_dry_run_counts_what_a_run_would_send_and_sends_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    with serving(rules_reply, Script(statuses=["completed"])) as fake:
        command = ["run", str(SEEDS), "--db", str(db), "--model", "fake", "--base-url", fake.url]
        dry = runner.invoke(
            main,
            [
                *command,
                "--batch",
                "--dry-run",
                "--batch-max-requests",
                "15",
                "--price-in",
                "0.5",
                "--price-out",
                "2",
            ],
            env=ENV,
        )
        assert dry.exit_code == 0, dry.output
        assert fake.log == []
        assert query(db, "select count(*) as n from runs")[0]["n"] == 0
        assert query(db, "select count(*) as n from pages")[0]["n"] == 0
        # What the real run then sends is what the dry run counted.
        real = runner.invoke(main, [*command, "--batch", "--batch-max-requests", "15"], env=ENV)
        assert real.exit_code == 0, real.output
        sent = [json.dumps(body, ensure_ascii=False, sort_keys=True) for body in fake.sent()]
        size = sum(len(fake.files[b.input_file_id]) for b in fake.batches.values())
    chars = sum(map(len, sent))
    tokens = sum(map(estimate_tokens, sent))
    lines = dry.output.splitlines()
    assert "dry run: nothing was sent" in lines[0]
    assert f"articles: {ARTICLES} to send, 0 answered from the log, 0 already" in dry.output
    assert (
        f"requests: {ARTICLES} ({chars:,} characters) in 3 batch(es), {size / 1e6:,.1f} MB"
        in dry.output
    )
    assert f"tokens (estimate): {tokens:,} prompt" in dry.output
    (cost_line,) = [line for line in lines if line.startswith("cost (estimate)")]
    completion = int(dry.output.split(" prompt, ")[1].split(" completion")[0].replace(",", ""))
    assert cost_line.startswith(f"cost (estimate): {(tokens * 0.5 + completion * 2) / 1e6:,.4f}")

    after = runner.invoke(main, [*command, "--dry-run"], env=ENV)
    assert f"articles: 0 to send, 0 answered from the log, {ARTICLES} already" in after.output


def test_a_dry_run_counts_articles_the_log_answers_as_free(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    with serving(rules_reply, Script(statuses=["completed"])) as fake:
        command = ["run", str(SEEDS), "--db", str(db), "--model", "fake", "--base-url", fake.url]
        assert runner.invoke(main, [*command, "--batch"], env=ENV).exit_code == 0
        with __import__("sqlite3").connect(db) as conn:
            conn.execute("delete from extractions")
        dry = runner.invoke(main, [*command, "--dry-run"], env=ENV)
    assert f"articles: 0 to send, {ARTICLES} answered from the log, 0 already" in dry.output
    assert "requests: 0 (0 characters)" in dry.output


@pytest.mark.parametrize("batched", [True, False], ids=["batch", "one-at-a-time"])
def test_a_run_with_prices_stores_its_tokens_and_cost(
    runner: CliRunner, tmp_path: Path, batched: bool
) -> None:
    db = tmp_path / "x.db"
    with serving(rules_reply, Script(statuses=["completed"])) as fake:
        command = ["run", str(SEEDS), "--db", str(db), "--model", "fake", "--base-url", fake.url]
        extra = ["--batch"] if batched else []
        result = runner.invoke(
            main, [*command, *extra, "--price-in", "1.25", "--price-out", "10"], env=ENV
        )
        assert result.exit_code == 0, result.output
    (run,) = query(db, "select * from runs")
    calls = query(db, "select sum(prompt_tokens) as p, sum(completion_tokens) as c from llm_calls")
    assert (
        (run["prompt_tokens"], run["completion_tokens"]) == (calls[0]["p"], calls[0]["c"]) > (0, 0)
    )
    assert (run["price_in"], run["price_out"]) == (1.25, 10)
    expected = (run["prompt_tokens"] * 1.25 + run["completion_tokens"] * 10) / 1e6
    assert run["cost"] == pytest.approx(expected)
    assert f"cost: {expected:,.4f} for the {run['prompt_tokens']:,} prompt" in result.output
