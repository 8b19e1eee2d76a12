"""The command line against an endpoint that fails the way real ones do.

A storm of 429s and 500s over hundreds of calls, an endpoint that refuses
connections, a key refused with 401, and a reply whose body never ends: each
runs `extractor run` against the fake endpoint of `tests.fakellm` and checks
what a user finds afterwards, in the database and on the terminal. Runs that
are about the terminal (one error line, never a traceback) start the
installed command in a process of its own; the storm runs in this process,
where the backoff can be shortened to hundredths.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.cli import main
from tests import test_llm
from tests.conftest import SEED_PAGES, SEEDS, query
from tests.fakellm import (
    FakeLLM,
    Reply,
    Request,
    article_body,
    error_reply,
    rules_reply,
    serving,
)

#: The installed command, beside this interpreter.
EXTRACTOR = str(Path(sys.executable).with_name("extractor"))
API_KEY = "sk-test-endpoint-faults-0123"
#: 000: eight articles.
PAGE = SEED_PAGES[0]
#: Variables that would change what a run does if the environment running the tests set them.
OUR_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "EXTRACTOR_MODEL")

# The command line's backoff in hundredths, for runs in this process (from test_llm.py).
fast_retries = test_llm.fast_retries


# --- running the command and reading what it left -----------------------------------------


@dataclass(frozen=True)
class Finished:
    """A command that ended: its exit status, what it printed, and how long it took."""

    code: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def error_lines(self) -> list[str]:
        """What stderr holds besides blank lines (the progress bar leaves one)."""
        return [line for line in self.stderr.splitlines() if line.strip()]


def extractor_run(
    db: Path,
    base_url: str,
    *args: str,
    paths: tuple[Path, ...] = (PAGE,),
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60.0,
) -> Finished:
    """`extractor run PATHS --model fake --base-url URL` in a process of its own.

    The environment is this one without the model's variables, plus `env`
    (by default, an API key in OPENAI_API_KEY). A run still going after
    `timeout` seconds is killed and fails the test instead of hanging it.
    """
    environ = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    environ.update({"OPENAI_API_KEY": API_KEY} if env is None else env)
    started = time.perf_counter()
    done = subprocess.run(
        [
            *(EXTRACTOR, "run", *map(str, paths), "--db", str(db)),
            *("--model", "fake", "--base-url", base_url, *args),
        ],
        env=environ,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    finished = Finished(done.returncode, done.stdout, done.stderr, time.perf_counter() - started)
    assert "Traceback" not in finished.stdout + finished.stderr, finished
    return finished


def rows(db: Path, sql: str, *params: Any) -> list[dict[str, Any]]:
    return query(db, sql, params)


def count_of(db: Path, sql: str, *params: Any) -> int:
    (row,) = rows(db, sql, *params)
    (value,) = row.values()
    return int(value)


def one_line(text: str) -> str:
    return " ".join(text.split())


def unused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def seq_of(request: Request, page: Path = PAGE) -> int | None:
    """Which article of `page` a request is about (None for an article of another page)."""
    text = test_llm.text_of(request)
    return next((a.seq for a in test_llm.articles_of(page) if a.text == text), None)


# --- 1. a storm of 429s and 500s: every article stored once, done or failed with why ------


def marker(copy: int) -> str:
    """A mark with no digit in it, so it adds no quantity to the page: （副本A）, （副本B）, …"""
    return f"（副本{chr(ord('A') + copy)}）"


def distinct_copies(folder: Path, copies: int) -> list[Path]:
    """The seed pages `copies` times over, every paragraph of every copy marked.

    Each article of each copy is then a text of its own: no request repeats,
    and the cache of earlier calls answers none of them.
    """
    paths = []
    for copy in range(copies):
        for seed in SEED_PAGES:
            lines = seed.read_text(encoding="utf-8").splitlines()
            # Before the full stop: a line still ends a paragraph where it did.
            marked = [
                line[:-1] + marker(copy) + "。" if line.endswith("。") else line for line in lines
            ]
            path = folder / f"{copy}_{seed.name}"
            path.write_text("\n".join(marked) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


class Storm:
    """A busy endpoint: about `share` of the calls answered 429 or 500, half and half,
    drawn from a seeded generator; half the 429s say `Retry-After: 0`. The other calls
    are answered with what the rules backend finds in the article (grounded records)."""

    RATE_LIMITED = "Rate limit reached for requests"
    SERVER_ERROR = "The server had an error while processing your request"

    def __init__(self, seed: int, share: float = 0.3) -> None:
        self.random = random.Random(seed)
        self.share = share
        self.served: Counter[int] = Counter()
        self._lock = threading.Lock()

    def __call__(self, request: Request, n: int) -> Reply:
        with self._lock:  # the server answers in threads; the draws stay in one sequence
            draw = self.random.random()
            says_when = self.random.random() < 0.5
            status = 429 if draw < self.share / 2 else 500 if draw < self.share else 200
            self.served[status] += 1
        if status == 429:
            return error_reply(429, self.RATE_LIMITED, {"Retry-After": "0"} if says_when else {})
        if status == 500:
            return error_reply(500, self.SERVER_ERROR)
        return rules_reply(request)


def storm_run(runner: CliRunner, fake: FakeLLM, db: Path, paths: list[Path]) -> tuple[int, str]:
    result = runner.invoke(
        main,
        [
            *("run", *map(str, paths), "--db", str(db), "--model", "fake"),
            *("--base-url", fake.url, "--concurrency", "16", "--max-attempts", "2"),
        ],
        env={"OPENAI_API_KEY": API_KEY},
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_a_storm_of_429s_and_500s_loses_no_article_and_a_rerun_extracts_the_failed(
    runner: CliRunner, tmp_path: Path, fast_retries: None
) -> None:
    paths = distinct_copies(tmp_path, copies=5)
    db = tmp_path / "storm.db"
    storm = Storm(seed=20240611)
    with serving(storm) as fake:
        code, output = storm_run(runner, fake, db, paths)
        calls = fake.calls

    assert calls >= 200
    assert storm.served[429] > 0 and storm.served[500] > 0
    assert 0.15 < (storm.served[429] + storm.served[500]) / calls < 0.45  # a storm indeed
    articles = rows(
        db, "select a.id, a.seq, p.path from articles a join pages p on p.id = a.page_id"
    )
    assert len(articles) == 5 * sum(len(test_llm.articles_of(page)) for page in SEED_PAGES)
    extractions = rows(db, "select article_id, run_id, status, error from extractions")
    # Every article exactly once, done or failed: nothing dropped, nothing twice.
    assert sorted(e["article_id"] for e in extractions) == sorted(a["id"] for a in articles)
    assert {e["status"] for e in extractions} <= {"done", "failed"}
    failed = {e["article_id"]: e["error"] for e in extractions if e["status"] == "failed"}
    done = {e["article_id"] for e in extractions if e["status"] == "done"}
    assert failed, "with two attempts at 30% faults, some articles must fail"
    assert len(done) + len(failed) == len(articles)

    # Every call was logged, under its article; a failed article's reason is its last call's.
    logged = rows(db, "select article_id, status_code, error from llm_calls order by id")
    assert len(logged) == calls
    assert Counter(c["status_code"] for c in logged) == Counter(
        {200: storm.served[200], 429: storm.served[429], 500: storm.served[500]}
    )
    reasons = {f"HTTP 429: {Storm.RATE_LIMITED}", f"HTTP 500: {Storm.SERVER_ERROR}"}
    for article_id, error in failed.items():
        assert error in reasons, error
        attempts = [c for c in logged if c["article_id"] == article_id]
        assert [c["status_code"] in (429, 500) for c in attempts] == [True, True], attempts
        assert attempts[-1]["error"] == error
    for article_id in done:
        attempts = [c for c in logged if c["article_id"] == article_id]
        assert attempts[-1]["status_code"] == 200 and 1 <= len(attempts) <= 2, attempts

    # The run's counts are the table's rows.
    (run,) = rows(db, "select * from runs")
    assert run["status"] == "finished"
    assert (run["pages"], run["pages_failed"]) == (len(paths), 0)
    assert (run["articles"], run["articles_skipped"]) == (len(articles), 0)
    assert run["articles_failed"] == len(failed)
    assert run["calls"] == calls and run["cached_calls"] == 0
    for table in ("metrics", "quotes", "campaigns", "rejections"):
        assert run[table] == count_of(db, f"select count(*) from {table} where run_id = ?", 1)
    assert count_of(db, "select count(*) from metrics") > 0
    where = {a["id"]: f"{a['path']}: article {a['seq']}" for a in articles}
    assert sorted(json.loads(run["errors"])) == sorted(
        f"{where[article_id]}: {error}" for article_id, error in failed.items()
    )
    assert code == 1
    assert f"{len(done)} extracted, {len(failed)} failed" in one_line(output)

    # The endpoint is well again: the next run asks about the failed articles only.
    with serving(rules_reply) as healed:
        code, output = storm_run(runner, healed, db, paths)
        again = healed.calls
    assert code == 0, output
    assert again == len(failed)
    asked = {c["article_id"] for c in rows(db, "select article_id from llm_calls where run_id = 2")}
    assert asked == set(failed)
    extractions = rows(db, "select article_id, run_id, status, error from extractions")
    assert sorted(e["article_id"] for e in extractions) == sorted(a["id"] for a in articles)
    assert {e["status"] for e in extractions} == {"done"}
    assert {e["article_id"] for e in extractions if e["run_id"] == 2} == set(failed)
    (_, second) = rows(db, "select * from runs order by id")
    assert (second["status"], second["articles"]) == ("finished", len(articles))
    assert (second["articles_skipped"], second["articles_failed"]) == (len(done), 0)
    assert second["calls"] == len(failed)
    assert f"{len(failed)} extracted, 0 failed, {len(done)} already in the database" in one_line(
        output
    )


# --- 2. an endpoint that refuses connections: one line, within seconds --------------------


def test_a_refused_connection_is_one_error_line_within_seconds(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{unused_port()}/v1"
    db = tmp_path / "x.db"
    # Six attempts with the command line's own backoff (a second, doubling) would take
    # half a minute: an endpoint that never answered and cannot be reached is given up.
    finished = extractor_run(db, url, "--max-attempts", "6", "--concurrency", "4", cwd=tmp_path)
    assert finished.seconds < 20
    assert finished.code == 1
    (line,) = finished.error_lines
    assert line.startswith(f"Error: cannot reach the model endpoint {url}"), line
    (run,) = rows(db, "select status, errors from runs")
    assert run["status"] == "stopped" and "cannot reach the model endpoint" in run["errors"]
    assert count_of(db, "select count(*) from extractions") == 0


# --- 3. a 401: the run stops at once, without a retry -------------------------------------


def test_a_401_stops_the_run_at_once_without_retrying(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    concurrency = 4
    refused = lambda request, n: error_reply(401, "Incorrect API key provided")  # noqa: E731
    with serving(refused) as fake:
        finished = extractor_run(
            db,
            fake.url,
            *("--concurrency", str(concurrency), "--max-attempts", "6"),
            paths=(SEEDS,),
            cwd=tmp_path,
        )
        asked = [article_body(request) for request in fake.requests]
    assert finished.code == 1
    # At most one call per slot, each about another article: no 401 was asked again.
    assert 1 <= len(asked) <= concurrency
    assert len(set(asked)) == len(asked)
    (line,) = finished.error_lines
    assert line.startswith(
        "Error: the endpoint refused the API key (HTTP 401: Incorrect API key provided)"
    ), line
    assert finished.seconds < 20
    (run,) = rows(db, "select status, errors, articles_failed from runs")
    assert run["status"] == "stopped"
    assert "the endpoint refused the API key" in run["errors"]
    assert count_of(db, "select count(*) from extractions") == 0
    logged = rows(db, "select status_code from llm_calls")
    assert 1 <= len(logged) <= len(asked)
    assert {c["status_code"] for c in logged} == {401}


# --- 4. a reply that never ends: only the limit on the whole call cuts it -----------------


def test_a_reply_that_never_ends_fails_its_article_and_the_run_ends(tmp_path: Path) -> None:
    db = tmp_path / "x.db"

    def answer(request: Request, n: int) -> Reply:
        reply = rules_reply(request)
        if seq_of(request) == 0:  # headers at once, then a byte every 0.2 s, for ever
            return Reply(reply.body, trickle=0.2)
        return reply

    with serving(answer) as fake:
        # A bound on the whole run: a call that is never cut would fail here, not hang.
        finished = extractor_run(
            db,
            fake.url,
            *("--timeout", "1", "--max-attempts", "2", "--concurrency", "4"),
            cwd=tmp_path,
            timeout=60,
        )
        # The fake notices that the client hung up at its next byte or two.
        deadline = time.monotonic() + 10
        while len(fake.trickled) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        trickled = list(fake.trickled)

    assert finished.code == 1
    assert "article 0: timed out" in one_line(finished.stdout)
    assert "7 extracted, 1 failed" in one_line(finished.stdout)
    first = rows(
        db,
        "select e.status, e.error, a.id from extractions e join articles a on a.id = e.article_id "
        "where a.seq = 0",
    )
    assert [(e["status"], e["error"]) for e in first] == [("failed", "timed out")]
    attempts = rows(
        db,
        "select status_code, error, duration_ms from llm_calls where article_id = ?",
        first[0]["id"],
    )
    assert [(c["status_code"], c["error"]) for c in attempts] == [(None, "timed out")] * 2
    # Cut at the limit on the whole call (a second), not before, not much after.
    assert all(900 <= c["duration_ms"] < 10_000 for c in attempts), attempts
    # Bytes kept coming all along: a limit between two reads alone would never have cut it.
    assert len(trickled) == 2 and all(sent >= 3 for sent in trickled), trickled
    others = rows(
        db,
        "select e.status from extractions e join articles a on a.id = e.article_id where a.seq > 0",
    )
    assert [e["status"] for e in others] == ["done"] * 7
    assert count_of(db, "select count(*) from metrics") > 0
    (run,) = rows(db, "select status, articles, articles_failed from runs")
    assert (run["status"], run["articles"], run["articles_failed"]) == ("finished", 8, 1)


# --- 5. a base URL without a scheme: refused before any call --------------------------------


def test_a_base_url_without_a_scheme_is_refused_before_any_call(tmp_path: Path) -> None:
    with serving(rules_reply) as fake:
        bare = fake.url.removeprefix("http://")  # 127.0.0.1:PORT/v1
        finished = extractor_run(tmp_path / "x.db", bare, cwd=tmp_path)
        calls = fake.calls
    assert calls == 0
    assert finished.code == 1
    assert finished.error_lines == [
        f"Error: --base-url '{bare}' has no scheme: give the whole URL, such as http://{bare}"
    ]
    assert finished.seconds < 20
    assert count_of(tmp_path / "x.db", "select count(*) from extractions") == 0


def test_a_base_url_without_a_scheme_in_the_environment_is_refused(tmp_path: Path) -> None:
    with serving(rules_reply) as fake:
        bare = fake.url.removeprefix("http://")
        environ = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
        done = subprocess.run(
            [EXTRACTOR, "run", str(PAGE), "--db", str(tmp_path / "x.db"), "--model", "fake"],
            env={**environ, "OPENAI_API_KEY": API_KEY, "OPENAI_BASE_URL": bare},
            capture_output=True,
            text=True,
            timeout=60,
        )
        calls = fake.calls
    assert calls == 0
    assert done.returncode == 1
    assert [line for line in done.stderr.splitlines() if line.strip()] == [
        f"Error: --base-url '{bare}' has no scheme: give the whole URL, such as http://{bare}"
    ]


# --- 6. an endpoint that is not OpenAI-compatible stops the run at once ---------------------

HTML = {"content-type": "text/html; charset=utf-8"}
NOT_AN_API: dict[str, tuple[Reply, str]] = {
    "a web page (200, HTML)": (
        Reply("<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>", headers=HTML),
        "HTTP 200, an HTML page",
    ),
    "a page not found (404, HTML)": (
        Reply("<html><head><title>404 Not Found</title></head></html>", 404, HTML),
        "HTTP 404, an HTML page",
    ),
    "a method not allowed (405)": (
        error_reply(405, "Method Not Allowed"),
        "HTTP 405: Method Not Allowed",
    ),
    "a static file server (501, as Python's http.server answers a POST)": (
        Reply("<html><body>Error code: 501</body></html>", 501, HTML),
        "HTTP 501, an HTML page",
    ),
}


@pytest.mark.parametrize("case", NOT_AN_API)
def test_an_endpoint_that_is_not_openai_compatible_stops_the_run_at_once(
    tmp_path: Path, case: str
) -> None:
    reply, detail = NOT_AN_API[case]
    concurrency = 4
    db = tmp_path / "x.db"
    with serving(lambda request, n: reply) as fake:
        finished = extractor_run(
            db,
            fake.url,
            *("--concurrency", str(concurrency), "--max-attempts", "6"),
            paths=(SEEDS,),
            cwd=tmp_path,
        )
        calls = fake.calls
    assert finished.code == 1
    # At most one call per slot, none of them retried.
    assert 1 <= calls <= concurrency
    (line,) = finished.error_lines
    assert line == (
        f"Error: {fake.url}/chat/completions serves no chat completions ({detail}): give "
        "--base-url the address of an OpenAI-compatible API (it usually ends in /v1)"
    )
    assert finished.seconds < 20
    (run,) = rows(db, "select status, errors from runs")
    assert run["status"] == "stopped" and "serves no chat completions" in run["errors"]
    assert count_of(db, "select count(*) from extractions") == 0
