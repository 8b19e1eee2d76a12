"""The LLM backend when the endpoint, the model, the key or the prompts misbehave.

Each test scripts one fault against the fake endpoint (real HTTP, the real
openai client and instructor) and asserts what a user finds afterwards: the
run's status, which articles were stored or failed and why, what was logged,
what a re-run calls again, and what the command line printed. The scripted
model, the runs and the queries are those of `tests/test_llm.py`.
"""

from __future__ import annotations

import email.utils
import functools
import json
import re
import shutil
import socket
import sqlite3
import ssl
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpcore2
import httpx2
import openai
import pytest
from click.testing import CliRunner, Result

from extractor.cli import main
from extractor.errors import UserError
from extractor.extract.llm import Settings, connect
from extractor.extract.prompting import PROMPTS_DIR, TEMPLATES, Prompts
from extractor.extract.replies import ModelRecords
from extractor.extract.retrying import retry_after
from extractor.models import Article
from extractor.store import Store
from tests import test_llm
from tests.fakellm import Reply, Request, error_reply, records_reply
from tests.test_llm import (
    BIG,
    EMPTY,
    ENV,
    MODES,
    NOT_PRINTED,
    PAGE,
    X10,
    Answer,
    Dropped,
    Model,
    article_id,
    articles_of,
    calls_of,
    cli_run,
    expected_records,
    extraction_of,
    first_text,
    gold_answers,
    gold_answers_anywhere,
    gold_model,
    gold_of,
    is_feedback,
    plus,
    q,
    rejections_of,
    run,
    run_row,
    serve,
    stored_records,
    total,
    with_x10,
)

# The fixtures of test_llm.py, found here by pytest under the same names: a fresh
# store, and the command line's backoff in hundredths.
store = test_llm.store
fast_retries = test_llm.fast_retries

ARTICLES = len(articles_of(PAGE))
_default_ssl_context = httpcore2.default_ssl_context


@functools.cache
def _ssl_context(*, _trust_env: bool = True) -> ssl.SSLContext:
    return _default_ssl_context(_trust_env=_trust_env)


@pytest.fixture(autouse=True)
def one_ssl_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every client loads the system's CA certificates (some 50 ms), which calls to
    http://127.0.0.1 never use: here they are loaded once, for the whole module."""
    monkeypatch.setattr(httpcore2, "default_ssl_context", _ssl_context)


#: What the fake model answers when it answers well: the gold records of the article.
GOOD: Answer = lambda text, request, k: records_reply(request, gold_of(text))  # noqa: E731


def body_of(reply: Reply) -> dict[str, Any]:
    assert isinstance(reply.body, dict)
    return reply.body


def message_of(reply: Reply) -> dict[str, Any]:
    message = body_of(reply)["choices"][0]["message"]
    assert isinstance(message, dict)
    return message


def one_line(text: str) -> str:
    return " ".join(text.split())


def invoke(
    runner: CliRunner,
    db: Path,
    base_url: str,
    *args: str,
    env: dict[str, str | None] | None = None,
) -> Result:
    """`extractor run PAGE` against `base_url`, with the environment `env` (None unsets)."""
    result = runner.invoke(
        main,
        [
            *("run", str(PAGE), "--db", str(db), "--model", "fake"),
            *("--base-url", base_url, "--timeout", "10", "--concurrency", "4", *args),
        ],
        env=ENV if env is None else env,
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    return result


def error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("Error")]


def dump(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def others_are_stored(store: Store) -> None:
    """Every article of PAGE but the first is stored with its gold records."""
    for article in articles_of(PAGE)[1:]:
        other = article_id(store, article.seq)
        assert extraction_of(store, other)["status"] == "done"
        assert stored_records(store, other) == expected_records(gold_of(article.text))


def unused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# --- 1. a 200 that is not a chat completion fails its article, never the run --------------


def no_choices(request: Request) -> Reply:
    reply = records_reply(request, EMPTY)
    body_of(reply)["choices"] = []
    return reply


def null_message(request: Request) -> Reply:
    reply = records_reply(request, EMPTY)
    body_of(reply)["choices"][0]["message"] = None
    return reply


NOT_COMPLETIONS: dict[str, tuple[Callable[[Request], Reply], str]] = {
    "no choices": (no_choices, "the reply has no choices"),
    "message null": (null_message, "the reply is not a chat completion: choices.0.message"),
    "an HTML page": (
        lambda request: Reply("<html>hello</html>"),
        "the reply is not JSON: '<html>hello</html>'",
    ),
    "an empty body": (lambda request: Reply(""), "the reply is not JSON: ''"),
    "a JSON list": (lambda request: Reply([1, 2]), "the reply is not a chat completion: '[1, 2]'"),
    "an object without choices": (
        lambda request: Reply({"foo": 1}),
        "the reply is not a chat completion: choices: Field required",
    ),
    "an error": (
        lambda request: Reply({"error": {"message": "model overloaded", "type": "server_error"}}),
        "the endpoint answered with an error: model overloaded",
    ),
}


@pytest.mark.parametrize("case", NOT_COMPLETIONS)
def test_a_200_that_is_not_a_chat_completion_fails_only_its_article(
    runner: CliRunner, db_path: Path, case: str, fast_retries: None
) -> None:
    make, reason = NOT_COMPLETIONS[case]
    model = gold_model({0: lambda text, request, k: make(request)})
    with serve(model) as fake:
        result = cli_run(runner, fake, db_path)
    assert result.exit_code == 1, result.output
    assert fake.calls == ARTICLES  # not retried, not re-asked
    assert f"article 0: {reason}" in one_line(result.output)
    assert "7 extracted, 1 failed" in one_line(result.output)
    store = Store.open(db_path)
    try:
        aid = article_id(store, 0)
        failed = extraction_of(store, aid)
        assert failed["status"] == "failed"
        assert failed["error"].startswith(reason), failed["error"]
        (call,) = calls_of(store, aid)
        assert call["status_code"] == 200 and reason in call["error"]
        assert stored_records(store, aid) == expected_records(EMPTY)
        others_are_stored(store)
        (row,) = q(store, "select * from runs")
        assert (row["status"], row["articles"], row["articles_failed"]) == ("finished", 8, 1)
    finally:
        store.close()


# --- 2. what the records do not depend on may be missing ----------------------------------


def without(*names: str) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        for name in names:
            body.pop(name)

    return change


def usage_is(usage: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        body["usage"] = usage

    return change


SPARE_FIELDS: dict[str, tuple[Callable[[dict[str, Any]], None], bool]] = {
    # case: (the change to every reply, whether token counts are left)
    "no id, created, object or model": (without("id", "created", "object", "model"), True),
    "usage {}": (usage_is({}), False),
    "usage with null counts": (
        usage_is({"prompt_tokens": None, "completion_tokens": None, "total_tokens": None}),
        False,
    ),
    "no usage": (without("usage"), False),
}


@pytest.mark.parametrize("case", SPARE_FIELDS)
def test_a_reply_missing_what_the_records_do_not_need_is_accepted_and_cached(
    store: Store, case: str
) -> None:
    change, counted = SPARE_FIELDS[case]

    def answer(text: str, request: Request, k: int) -> Reply:
        reply = records_reply(request, gold_answers_anywhere(text))
        change(body_of(reply))
        return reply

    with serve(Model(answer)) as fake:
        first = run(store, fake)
        assert first.stopped_by is None and first.errors == []
        assert fake.calls == ARTICLES == first.calls
        for article in articles_of(PAGE):
            aid = article_id(store, article.seq)
            assert extraction_of(store, aid)["status"] == "done"
            assert stored_records(store, aid) == expected_records(gold_of(article.text))
        row = run_row(store, first.run_id)
        assert row["status"] == "finished"
        logged = q(store, "select error, prompt_tokens, completion_tokens from llm_calls")
        assert len(logged) == ARTICLES and {c["error"] for c in logged} == {None}
        if counted:
            assert first.prompt_tokens > 0 and first.completion_tokens > 0
        else:
            assert (first.prompt_tokens, first.completion_tokens) == (0, 0)
            assert {(c["prompt_tokens"], c["completion_tokens"]) for c in logged} == {(None, None)}
        assert (row["prompt_tokens"], row["completion_tokens"]) == (
            first.prompt_tokens,
            first.completion_tokens,
        )

        store.db.execute("delete from extractions")
        store.db.conn.commit()
        again = run(store, fake)
        assert fake.calls == ARTICLES  # every reply was answered from the log
    assert (again.calls, again.cached_calls, again.articles_failed) == (0, ARTICLES, 0)
    for article in articles_of(PAGE):
        aid = article_id(store, article.seq)
        assert extraction_of(store, aid)["run_id"] == again.run_id
        assert stored_records(store, aid) == expected_records(gold_of(article.text))


# --- 3, 4. a reply that could not be read is never answered from the cache ----------------


def no_tool_call(request: Request) -> Reply:
    reply = records_reply(request, EMPTY)
    message = message_of(reply)
    message["content"] = None
    message.pop("tool_calls", None)
    return reply


def not_json(request: Request) -> Reply:
    return records_reply(request, None, raw="{not json")


UNREADABLE: dict[str, Callable[[Request], Reply]] = {
    "content null, no tool call": no_tool_call,
    "{not json": not_json,
}


class Faulty:
    """Article 0 (and any part of it) is answered with `fault` until `healed`, then well;
    the others always well."""

    def __init__(self, fault: Callable[[Request], Reply]) -> None:
        self.fault = fault
        self.healed = False
        self.model = Model(self.answer)

    def answer(self, text: str, request: Request, k: int) -> Reply:
        # A part of article 0 opens with words of it (MD_JSON appends an instruction).
        if self.healed or text[:100] not in first_text():
            return GOOD(text, request, k)
        return self.fault(request)


@pytest.mark.parametrize(
    ("case", "mode"),
    [("content null, no tool call", "tools"), ("{not json", "json"), ("{not json", "md_json")],
)
def test_an_unreadable_reply_is_never_answered_from_the_cache(
    store: Store, case: str, mode: str
) -> None:
    faulty = Faulty(UNREADABLE[case])
    with serve(faulty.model) as fake:
        first = run(store, fake, mode=mode, max_retries=1)
        aid = article_id(store, 0)
        failed = extraction_of(store, aid)
        assert failed["status"] == "failed"
        assert "could not be read as records after 2 attempts" in failed["error"]
        assert first.articles_failed == 1 and first.stopped_by is None
        assert run_row(store, first.run_id)["status"] == "finished"
        others_are_stored(store)
        calls = calls_of(store, aid)
        assert [c["status_code"] for c in calls] == [200, 200]  # the ask and the re-ask
        assert all(c["error"].startswith("unreadable: ") for c in calls), calls
        assert fake.calls == ARTICLES + 1

        # Still unreadable: both requests are sent again, none is answered from the log.
        again = run(store, fake, mode=mode, max_retries=1)
        assert fake.calls == ARTICLES + 3
        assert (again.calls, again.cached_calls, again.articles_failed) == (2, 0, 1)
        assert extraction_of(store, aid)["status"] == "failed"

        faulty.healed = True
        healed = run(store, fake, mode=mode, max_retries=1)
        assert fake.calls == ARTICLES + 4
    assert (healed.calls, healed.cached_calls, healed.articles_failed) == (1, 0, 0)
    assert healed.articles_skipped == ARTICLES - 1
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records(gold_of(first_text()))
    calls = calls_of(store, aid)
    assert len(calls) == 5
    assert all(c["error"].startswith("unreadable: ") for c in calls[:4])
    assert (calls[4]["status_code"], calls[4]["error"]) == (200, None)


def cut_off(request: Request) -> Reply:
    reply = records_reply(request, None, raw='{"metrics": [{"raw": "130亿')
    body_of(reply)["choices"][0]["finish_reason"] = "length"
    return reply


@pytest.mark.parametrize("mode", MODES)
def test_a_reply_always_cut_off_fails_the_article_after_its_parts_and_is_asked_again(
    store: Store, mode: str
) -> None:
    faulty = Faulty(cut_off)
    with serve(faulty.model) as fake:
        first = run(store, fake, mode=mode)
        aid = article_id(store, 0)
        failed = extraction_of(store, aid)
        assert failed["status"] == "failed" and "cut off" in failed["error"]
        assert "cannot be split further" in failed["error"]
        assert any("cut off" in e for e in first.errors)
        assert run_row(store, first.run_id)["status"] == "finished"
        others_are_stored(store)
        calls = calls_of(store, aid)
        # Asked whole, then in halves (halved again) down to a passage too short to split;
        # a longer reply cannot be had by asking the same again.
        assert len(calls) > 2 and fake.calls == ARTICLES - 1 + len(calls)
        assert all(c["status_code"] == 200 and "cut off" in c["error"] for c in calls)

        # Healed (a model with a longer output limit, say) and asked without trusting the
        # log, which remembers the article as too long: asked whole, once.
        faulty.healed = True
        again = run(store, fake, mode=mode, cache=False)
        assert fake.calls == ARTICLES + len(calls)
    assert (again.calls, again.cached_calls, again.articles_failed) == (1, 0, 0)
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records(gold_of(first_text()))


# --- 5. a page given twice in one run is extracted once -----------------------------------


def slow_gold() -> Model:
    """Gold records, a little slow: the second copy of a page is read while calls are in flight."""

    def answer(text: str, request: Request, k: int) -> Reply:
        reply = records_reply(request, gold_answers_anywhere(text))
        reply.delay = 0.05
        return reply

    return Model(answer)


@pytest.mark.parametrize("copies", ["the same path twice", "two files of one text"])
def test_a_page_given_twice_in_one_run_is_extracted_once(
    store: Store, tmp_path: Path, copies: str
) -> None:
    if copies == "the same path twice":
        pages = (PAGE, PAGE)
    else:
        pages = (tmp_path / "a" / PAGE.name, tmp_path / "b" / PAGE.name)
        for page in pages:
            page.parent.mkdir()
            shutil.copyfile(PAGE, page)
    model = slow_gold()
    with serve(model) as fake:
        summary = run(store, fake, pages=pages)
    assert fake.calls == ARTICLES == summary.calls
    assert all(len(asked) == 1 for asked in model.asked.values())
    assert (summary.articles, summary.articles_skipped, summary.articles_failed) == (
        2 * ARTICLES,
        ARTICLES,
        0,
    )
    assert total(store, "pages") == 1
    assert total(store, "extractions") == ARTICLES
    for article in articles_of(PAGE):
        aid = article_id(store, article.seq)
        assert len(calls_of(store, aid)) == 1
        assert stored_records(store, aid) == expected_records(gold_of(article.text))
    gold = gold_answers(PAGE)
    for key in ("metrics", "quotes", "campaigns"):
        assert total(store, key) == sum(len(records[key]) for records in gold.values())
    row = run_row(store, summary.run_id)
    assert (row["status"], row["articles"], row["calls"]) == ("finished", 2 * ARTICLES, ARTICLES)


# --- 6. every record rejected in any round is kept, with its reasons ----------------------

NOT_RETURNED = "not returned again when these reasons were sent back"


@pytest.mark.parametrize("follow_up", ["returns nothing", "repeats one"])
def test_records_rejected_in_an_earlier_round_stay_in_the_rejections(
    store: Store, follow_up: str
) -> None:
    text = first_text()
    gold = gold_of(text)
    first_reply = plus(with_x10(gold), metrics=[NOT_PRINTED])
    later = EMPTY if follow_up == "returns nothing" else {**EMPTY, "metrics": [NOT_PRINTED]}

    def answer(text: str, request: Request, k: int) -> Reply:
        return records_reply(request, later if is_feedback(request) else first_reply)

    model = gold_model({0: answer})
    with serve(model) as fake:
        summary = run(store, fake, max_retries=2)
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    kept = [m for m in gold["metrics"] if m["raw"] != BIG]
    assert stored_records(store, aid) == expected_records({**gold, "metrics": kept})
    rounds = 1 + (1 if follow_up == "returns nothing" else 2)
    assert len(model.asked[text]) == len(calls_of(store, aid)) == rounds
    assert fake.calls == ARTICLES + rounds - 1
    rows = rejections_of(store, aid)
    assert sorted(str(r["record"]["raw"]) for r in rows) == sorted([BIG, "999万元"])  # each once
    rejected = {r["record"]["raw"]: r for r in rows}
    assert rejected[BIG]["record"]["value"] == X10
    assert rejected[BIG]["reasons"][0].startswith(f"value {X10} does not read as raw")
    assert rejected[BIG]["reasons"][-1].startswith(NOT_RETURNED)
    not_printed = rejected["999万元"]["reasons"]
    assert not_printed[0] == 'raw "999万元" not found in article'
    if follow_up == "returns nothing":
        assert not_printed[-1].startswith(NOT_RETURNED)
    else:  # rejected in every round: its reasons, once, and nothing about being dropped
        assert not_printed == ['raw "999万元" not found in article']
    assert total(store, "rejections") == 2 == run_row(store, summary.run_id)["rejections"]


# --- 7. a kind sent as null is an empty list ----------------------------------------------


@pytest.mark.parametrize(
    ("mode", "nulls"),
    [("tools", ("quotes", "campaigns")), ("json", ("quotes",)), ("md_json", ("campaigns",))],
)
def test_a_kind_sent_as_null_is_read_as_none_of_that_kind(
    store: Store, mode: str, nulls: tuple[str, ...]
) -> None:
    text = first_text()
    gold = gold_of(text)
    assert gold["metrics"] and gold["quotes"] and gold["campaigns"]
    sent: dict[str, Any] = {**gold, **dict.fromkeys(nulls)}
    model = gold_model({0: lambda t, request, k: records_reply(request, sent)})
    with serve(model) as fake:
        summary = run(store, fake, mode=mode)
    assert summary.articles_failed == 0 and summary.errors == []
    assert fake.calls == ARTICLES  # read at once: no re-ask, no follow-up
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records({**gold, **{key: [] for key in nulls}})
    assert rejections_of(store, aid) == []
    (call,) = calls_of(store, aid)
    assert call["error"] is None


# --- 8. a 429 for an exhausted quota stops the run ----------------------------------------

QUOTA = {
    "error": {
        "message": "You exceeded your current quota, please check your plan and billing details.",
        "type": "insufficient_quota",
        "param": None,
        "code": "insufficient_quota",
    }
}


def test_a_429_for_an_exhausted_quota_stops_the_run_at_once(
    runner: CliRunner, db_path: Path, fast_retries: None
) -> None:
    with serve(lambda request, n: Reply(QUOTA, status=429)) as fake:
        result = cli_run(runner, fake, db_path, "--concurrency", "2", "--max-attempts", "6")
    assert result.exit_code == 1, result.output
    (error,) = error_lines(result)
    assert error.startswith("Error: the endpoint refuses calls on this key: no quota left")
    assert "You exceeded your current quota" in error
    assert 1 <= fake.calls <= 2 * 2  # a call or two in flight, never attempts × articles
    store = Store.open(db_path)
    try:
        (row,) = q(store, "select * from runs")
        assert row["status"] == "stopped" and "no quota left" in row["errors"]
        assert total(store, "extractions") == 0
        logged = q(store, "select status_code from llm_calls")
        assert 1 <= len(logged) <= fake.calls
        assert {c["status_code"] for c in logged} == {429}
    finally:
        store.close()


def test_a_429_for_the_rate_is_retried(store: Store) -> None:
    rate = {"error": {"message": "Rate limit reached", "code": "rate_limit_exceeded"}}

    def answer(text: str, request: Request, k: int) -> Reply:
        return Reply(rate, status=429) if k < 2 else GOOD(text, request, k)

    with serve(gold_model({0: answer})) as fake:
        summary = run(store, fake, attempts=3)
    assert summary.stopped_by is None and summary.articles_failed == 0
    assert fake.calls == ARTICLES + 2
    aid = article_id(store, 0)
    assert [c["status_code"] for c in calls_of(store, aid)] == [429, 429, 200]
    assert stored_records(store, aid) == expected_records(gold_of(first_text()))


# --- 9. the API key: stripped, never written, never mistaken for a name -------------------

PADDED = "sk-padded-key-789"


@pytest.mark.parametrize("padding", ["\n", " \t\r\n"])
def test_a_key_with_trailing_whitespace_is_stripped_and_written_nowhere(
    runner: CliRunner, db_path: Path, padding: str, fast_retries: None
) -> None:
    echo = gold_model({0: lambda *_: error_reply(400, f"bad request from key {PADDED}")})
    with serve(echo) as fake:
        result = invoke(runner, db_path, fake.url, env={"OPENAI_API_KEY": PADDED + padding})
    assert result.exit_code == 1, result.output
    assert fake.calls == ARTICLES
    assert {h.get("authorization") for h in fake.headers} == {f"Bearer {PADDED}"}
    assert "article 0: HTTP 400: bad request from key [API key]" in one_line(result.output)
    assert PADDED not in result.output
    assert PADDED not in dump(db_path)
    store = Store.open(db_path)
    try:
        failed = extraction_of(store, article_id(store, 0))
        assert failed["error"] == "HTTP 400: bad request from key [API key]"
        others_are_stored(store)
    finally:
        store.close()


def test_a_key_given_for_the_variables_name_is_refused_before_any_call(
    runner: CliRunner, db_path: Path, fast_retries: None
) -> None:
    secret = "sk-proj-given-as-a-name-0123"
    with serve(gold_model()) as fake:
        result = invoke(runner, db_path, fake.url, "--api-key-env", secret)
    assert result.exit_code == 1, result.output
    assert fake.calls == 0
    assert result.output.strip().splitlines() == [
        "Error: --api-key-env takes the name of an environment variable (such as "
        "OPENAI_API_KEY), not a key"
    ]
    assert secret not in result.output
    if db_path.exists():
        assert secret not in dump(db_path)
        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("select count(*) from runs").fetchone() == (0,)
        finally:
            conn.close()


@pytest.mark.parametrize("key", [None, "x"], ids=["no key", "a one-letter placeholder"])
def test_a_missing_or_placeholder_key_does_not_mangle_messages(
    runner: CliRunner, db_path: Path, key: str | None, fast_retries: None
) -> None:
    message = "unsupported parameter: tool_choice, see the docs"
    model = gold_model({0: lambda *_: error_reply(400, message)})
    with serve(model) as fake:
        result = invoke(runner, db_path, fake.url, env={"OPENAI_API_KEY": key})
        assert fake.calls == ARTICLES
        store = Store.open(db_path)
        try:
            failed = extraction_of(store, article_id(store, 0))
            assert failed["error"] == f"HTTP 400: {message}"
            others_are_stored(store)
            for call in q(store, "select response, error from llm_calls"):
                assert "[API key]" not in f"{call['response']} {call['error']}"
            # The replies are logged as they came: a re-run is answered from them.
            store.db.execute("delete from extractions where status = 'done'")
            store.db.conn.commit()
        finally:
            store.close()
        again = invoke(runner, db_path, fake.url, env={"OPENAI_API_KEY": key})
        assert fake.calls == ARTICLES + 1  # only the failed article is asked again
    assert result.exit_code == 1, result.output
    assert f"article 0: HTTP 400: {message}" in one_line(result.output)
    assert "[API key]" not in result.output
    assert f"{ARTICLES - 1} answered from the cache" in one_line(again.output)


# --- 10. Retry-After, in seconds or as a date ---------------------------------------------

PAST = "Wed, 21 Oct 2015 07:28:00"


@pytest.mark.parametrize("value", [f"{PAST} -0000", f"{PAST} GMT"])
def test_a_retry_after_in_the_past_is_honoured(store: Store, value: str) -> None:
    text = first_text()

    def answer(text: str, request: Request, k: int) -> Reply:
        if k == 0:
            return error_reply(429, "Rate limit reached", {"Retry-After": value})
        return GOOD(text, request, k)

    with serve(gold_model({0: answer})) as fake:
        # Backoff of half a minute: the run ends quickly only if Retry-After is honoured.
        summary = run(store, fake, backoff=30.0, backoff_max=30.0)
    assert summary.seconds < 15
    assert summary.articles_failed == 0 and summary.errors == []
    assert fake.calls == ARTICLES + 1
    aid = article_id(store, 0)
    assert [c["status_code"] for c in calls_of(store, aid)] == [429, 200]
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records(gold_of(text))
    assert run_row(store, summary.run_id)["status"] == "finished"


def status_error(headers: dict[str, str]) -> openai.APIStatusError:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx2.Response(429, headers=headers, request=request)
    return openai.RateLimitError("Rate limit reached", response=response, body=None)


def http_date(when: datetime, zone: str) -> str:
    return email.utils.format_datetime(when, usegmt=True).replace("GMT", zone)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after": "-3"}, 0.0),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "retry-after": "7"}, 0.25),
        ({"retry-after-ms": "soon", "retry-after": "7"}, 7.0),
        ({"retry-after": f"{PAST} GMT"}, 0.0),
        ({"retry-after": f"{PAST} -0000"}, 0.0),
        ({"retry-after": "soon"}, None),
        ({"retry-after": ""}, None),
        ({"retry-after": "Wed, 99 Foo 2015 99:99:99 GMT"}, None),
        ({}, None),
    ],
)
def test_retry_after_reads_seconds_milliseconds_and_dates(
    headers: dict[str, str], expected: float | None
) -> None:
    assert retry_after(status_error(headers)) == expected


@pytest.mark.parametrize("zone", ["GMT", "-0000", "+0000"])
def test_retry_after_as_a_date_to_come_is_the_seconds_until_then(zone: str) -> None:
    then = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=60)
    waited = retry_after(status_error({"retry-after": http_date(then, zone)}))
    assert waited is not None and 50 < waited <= 60


def test_retry_after_of_a_failure_without_a_reply_is_none() -> None:
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    assert retry_after(openai.APIConnectionError(request=request)) is None
    assert retry_after(TimeoutError()) is None


# --- 11. connections dropped, connections refused -----------------------------------------


def test_connections_dropped_on_the_first_calls_of_a_run_are_retried(store: Store) -> None:
    def answer(text: str, request: Request, k: int) -> Reply:
        if k < 2:  # every article's first two calls: nothing has answered yet
            raise Dropped("the server closes the connection without a reply")
        return records_reply(request, gold_answers_anywhere(text))

    with serve(Model(answer)) as fake:
        summary = run(store, fake, attempts=3)
    # A server that accepts connections and drops them is up: not "cannot reach".
    assert summary.stopped_by is None, summary.stopped_by
    assert (summary.articles_failed, summary.errors) == (0, [])
    assert fake.calls == 3 * ARTICLES
    assert run_row(store, summary.run_id)["status"] == "finished"
    for article in articles_of(PAGE):
        aid = article_id(store, article.seq)
        calls = calls_of(store, aid)
        assert [c["status_code"] for c in calls] == [None, None, 200]
        assert all(c["error"].startswith("connection failed") for c in calls[:2])
        assert stored_records(store, aid) == expected_records(gold_of(article.text))


def test_a_refused_connection_stops_the_run_within_seconds(
    runner: CliRunner, db_path: Path
) -> None:
    url = f"http://127.0.0.1:{unused_port()}/v1"
    started = time.perf_counter()
    # The command line's own backoff (a second, doubling) and six attempts: backing off
    # would take half a minute; an endpoint that cannot be reached is given up at once.
    result = invoke(runner, db_path, url, "--max-attempts", "6")
    assert time.perf_counter() - started < 15
    assert result.exit_code == 1, result.output
    (error,) = error_lines(result)
    assert error.startswith(f"Error: cannot reach the model endpoint {url}")
    store = Store.open(db_path)
    try:
        (row,) = q(store, "select * from runs")
        assert row["status"] == "stopped" and "cannot reach the model endpoint" in row["errors"]
        assert total(store, "extractions") == 0
        calls = q(store, "select article_id, status_code, error from llm_calls")
        assert 1 <= len(calls) <= ARTICLES
        assert len({c["article_id"] for c in calls}) == len(calls)  # no call was retried
        assert all(c["status_code"] is None for c in calls)
        assert all(c["error"].startswith("connection failed") for c in calls)
    finally:
        store.close()


# --- 12. an HTML error page is a reason of one short line ---------------------------------


def html_page(status: int, filler: int) -> str:
    title = f"{status} {'Bad Gateway' if status == 502 else 'Internal Server Error'}"
    return (
        f"<html>\n<head><title>{title}</title></head>\n<body>\n"
        f"<center><h1>{title}</h1></center>\n" + "<p>filler</p>\n" * filler + "</body>\n</html>\n"
    )


@pytest.mark.parametrize(("status", "filler"), [(502, 0), (500, 50), (502, 5000)])
def test_an_html_error_page_is_a_one_line_reason(
    runner: CliRunner, db_path: Path, status: int, filler: int, fast_retries: None
) -> None:
    page = html_page(status, filler)
    with serve(gold_model({0: lambda *_: Reply(page, status=status)})) as fake:
        result = cli_run(runner, fake, db_path, "--max-attempts", "2")
    assert result.exit_code == 1, result.output
    assert fake.calls == ARTICLES + 1
    store = Store.open(db_path)
    try:
        error = extraction_of(store, article_id(store, 0))["error"]
        logged = [c["error"] for c in calls_of(store, article_id(store, 0))]
        others_are_stored(store)
    finally:
        store.close()
    assert error.startswith(f"HTTP {status}: ") and "<title>" in error
    assert "\n" not in error and len(error) <= 300
    assert logged == [error, error]
    (line,) = [line for line in result.output.splitlines() if "article 0: " in line]
    assert line.split("article 0: ", 1)[1] == error
    assert len(line) <= 300 + len(f"failed: {PAGE}: article 0: ")


# --- 13. the prompt templates -------------------------------------------------------------


@pytest.fixture
def prompts_dir(tmp_path: Path) -> Path:
    """A copy of the prompt templates, to break or edit."""
    copy = tmp_path / "prompts"
    copy.mkdir()
    for name in TEMPLATES:
        shutil.copyfile(PROMPTS_DIR / name, copy / name)
    return copy


BROKEN = {
    "an unclosed block": "{% if true %}",
    "an unclosed variable": "{{ unclosed ",
    "an unknown filter": "{{ 1 | no_such_filter }}",
    "an unknown tag": "{% no_such_tag %}",
}


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("broken", BROKEN)
def test_a_template_that_does_not_compile_is_a_one_line_error(
    prompts_dir: Path, template: str, broken: str
) -> None:
    path = prompts_dir / template
    path.write_text(path.read_text(encoding="utf-8") + BROKEN[broken] + "\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        Prompts(ModelRecords, prompts_dir)
    message = str(caught.value)
    # The file and, for a syntax error, the line: where to look.
    assert re.match(
        rf"{re.escape(str(path))}(, line \d+)?: the template does not compile: ", message
    )
    assert "\n" not in message


def test_a_template_that_does_not_compile_stops_the_command_before_any_call(
    runner: CliRunner,
    db_path: Path,
    prompts_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fast_retries: None,
) -> None:
    from extractor.extract import llm

    path = prompts_dir / "article.j2"
    path.write_text(path.read_text(encoding="utf-8") + "{% if true %}\n", encoding="utf-8")
    monkeypatch.setattr(llm, "Prompts", lambda model: Prompts(model, prompts_dir))
    with serve(gold_model()) as fake:
        result = cli_run(runner, fake, db_path)
    assert result.exit_code == 1
    assert fake.calls == 0
    (error,) = error_lines(result)
    assert error.startswith(f"Error: {path}, line ")
    assert "the template does not compile" in error


def test_the_prompt_version_changes_when_a_template_changes(prompts_dir: Path) -> None:
    version = Prompts(ModelRecords).version
    assert Prompts(ModelRecords, prompts_dir).version == version  # the same sources
    seen = {version}
    for name in TEMPLATES:
        path = prompts_dir / name
        original = path.read_text(encoding="utf-8")
        path.write_text(original + "\n", encoding="utf-8")
        changed = Prompts(ModelRecords, prompts_dir).version
        assert changed.startswith("llm-") and changed not in seen, name
        seen.add(changed)
        path.write_text(original, encoding="utf-8")
    assert Prompts(ModelRecords, prompts_dir).version == version


def test_the_prompts_are_those_hashed_even_if_a_template_changes_later(prompts_dir: Path) -> None:
    article = Article(seq=0, title="标题", text="正文")
    prompts = Prompts(ModelRecords, prompts_dir)
    before = prompts.messages(article)
    for name in TEMPLATES:
        (prompts_dir / name).write_text("edited while a run goes on\n", encoding="utf-8")
    assert prompts.messages(article) == before
    assert "edited" not in prompts.feedback([])


def test_the_mode_is_part_of_the_prompt_version(store: Store) -> None:
    base = Prompts(ModelRecords).version
    versions = {
        mode: connect(
            Settings(model="fake", base_url="http://127.0.0.1:9/v1", mode=mode), store, ENV
        ).prompt_version
        for mode in ("tools", "json", "md_json")
    }
    assert versions == {mode: f"{base}-{mode}" for mode in versions}


# --- 14. a follow-up that fails keeps what was accepted before it -------------------------

FOLLOW_UP_FAULTS: dict[str, tuple[Callable[[Request], Reply], str, int]] = {
    # case: (the follow-up's reply, why it failed, calls it took)
    "HTTP 500 until the attempts run out": (
        lambda request: error_reply(500, "upstream overloaded"),
        "HTTP 500: upstream overloaded",
        3,
    ),
    "HTTP 400": (
        lambda request: error_reply(400, "context length exceeded"),
        "HTTP 400: context length exceeded",
        1,
    ),
    "unreadable until the re-asks run out": (
        not_json,
        "the model's reply could not be read as records after 3 attempts: ",
        3,
    ),
}


@pytest.mark.parametrize("fault", FOLLOW_UP_FAULTS)
def test_a_failed_follow_up_keeps_the_accepted_and_says_why_the_rest_stand(
    store: Store, fault: str
) -> None:
    failing, why, calls = FOLLOW_UP_FAULTS[fault]
    text = first_text()
    gold = gold_of(text)

    def answer(text: str, request: Request, k: int) -> Reply:
        return records_reply(request, with_x10(gold)) if k == 0 else failing(request)

    with serve(gold_model({0: answer})) as fake:
        summary = run(store, fake, max_retries=2, attempts=3)
    assert summary.articles_failed == 0 and summary.errors == []
    assert fake.calls == ARTICLES + calls
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    kept = [m for m in gold["metrics"] if m["raw"] != BIG]
    assert stored_records(store, aid) == expected_records({**gold, "metrics": kept})
    (rejected,) = rejections_of(store, aid)
    assert (rejected["record"]["raw"], rejected["record"]["value"]) == (BIG, X10)
    reasons = rejected["reasons"]
    assert reasons[0].startswith(f"value {X10} does not read as raw")
    assert reasons[-1].startswith(f"not corrected: the follow-up failed ({why}")
    assert len(calls_of(store, aid)) == 1 + calls
    row = run_row(store, summary.run_id)
    assert (row["status"], row["articles_failed"], row["rejections"]) == ("finished", 0, 1)


# --- 15. failed articles are listed in input order, whatever order they finish in ---------


def test_failed_lines_are_listed_in_input_order(
    runner: CliRunner, db_path: Path, tmp_path: Path, fast_retries: None
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    failing = (1, 3, 5, 7)

    def refused(seq: int) -> Answer:
        # The later the article, the sooner its reply: they finish in reverse order.
        reply = error_reply(400, f"bad request {seq}")
        return lambda *_: Reply(reply.body, status=400, delay=0.05 * (8 - seq))

    with serve(gold_model({seq: refused(seq) for seq in failing})) as fake:
        result = cli_run(runner, fake, db_path, str(empty), "--concurrency", "8")
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    assert failed == [
        *(f"failed: {PAGE}: article {seq}: HTTP 400: bad request {seq}" for seq in failing),
        f"failed: {empty}: empty file",
    ]
    store = Store.open(db_path)
    try:
        (row,) = q(store, "select errors from runs")
    finally:
        store.close()
    assert [f"failed: {e}" for e in json.loads(row["errors"])] == failed
