"""The LLM backend end to end: real HTTP to a scripted fake endpoint, then the database.

Every test runs the real openai client and instructor against `tests.fakellm`
and asserts what a user would find afterwards: which records were accepted,
which were rejected and why, which articles failed, how many calls were made
and logged. The fake model answers with the gold records of the seed pages,
each given to the article that prints it, and with faults scripted per
article and per request.
"""

from __future__ import annotations

import functools
import json
import re
import socket
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extractor import pipeline, pipeline_llm
from extractor.check import Checker, check_article
from extractor.cli import main
from extractor.extract import llm
from extractor.extract.llm import Settings, connect
from extractor.models import Article, ArticleRecords, Campaign, Metric, Quote
from extractor.numbers import parse_quantity
from extractor.segment import segment_page
from extractor.sources import read_page
from extractor.store import Store
from extractor.textindex import normalize
from tests.conftest import GOLD, GOLD_FILES, SEED_PAGES, SEEDS, load_gold, page_of
from tests.fakellm import (
    FakeLLM,
    Reply,
    Request,
    Responder,
    article_body,
    error_reply,
    records_reply,
    serving,
)

API_KEY = "sk-test-key-123"
ENV = {"OPENAI_API_KEY": API_KEY}
MODES = ("tools", "json", "md_json")
#: 000: eight articles; the first prints 28 metrics, 3 quotes and 7 campaigns.
PAGE = SEED_PAGES[0]
FEEDBACK = "A program checked your records"
REASKS = ("Validation Error", "Correct your JSON")
RECORD_KEYS = ("metrics", "quotes", "campaigns")

Records = dict[str, list[dict[str, Any]]]
#: (article text, request, how many requests about that article came before) -> reply
Answer = Callable[[str, Request, int], Reply]
EMPTY: Records = {"metrics": [], "quotes": [], "campaigns": []}

# Article 0 of PAGE prints "产值130亿元", and 廉毅敏's words as its quote 1.
BIG = "130亿元"
X10 = 130000000000
NOT_PRINTED = {"raw": "999万元", "value": 9990000, "unit": "元", "approx": "exact", "label": "投资"}
QUOTE = 1
FAKE_SPEAKER = "欧阳明远"  # on no seed page
FAKE_CAMPAIGN = "“蓝天卫士”专项行动"  # on no seed page


# --- the seed pages and their gold records, article by article ----------------------


@functools.cache
def articles_of(page: Path) -> tuple[Article, ...]:
    return tuple(segment_page(read_page(page).text))


def _accepts(article: Article, record: Metric | Quote | Campaign) -> bool:
    checker = Checker(article.text, article.headline)
    if isinstance(record, Metric):
        return not checker.check_metric(record)[1]
    if isinstance(record, Quote):
        return not checker.check_quote(record)[1]
    return not checker.check_campaign(record)[1]


@functools.cache
def gold_answers(page: Path) -> dict[str, Records]:
    """The gold records of `page`, each given to the segmented article that prints it.

    The article with the gold article's title is tried first: a paragraph
    printed out of order can put a record in another article of the page.
    """
    gold = next(load_gold(f) for f in GOLD_FILES if page_of(load_gold(f)) == page)
    articles = articles_of(page)
    answers: dict[str, Records] = {a.text: {k: [] for k in RECORD_KEYS} for a in articles}
    for gold_article in gold.articles:
        title = normalize(gold_article.title, drop_quotes=True)
        ordered = sorted(articles, key=lambda a: normalize(a.title, drop_quotes=True) != title)
        for key, items in (
            ("metrics", gold_article.metrics),
            ("quotes", gold_article.quotes),
            ("campaigns", gold_article.campaigns),
        ):
            for item in items:
                home = next((a for a in ordered if _accepts(a, item)), None)
                assert home is not None, f"{page.name}: no article prints {item!r}"
                answers[home.text][key].append(item.model_dump(exclude={"optional"}))
    for article in articles:  # the fixture itself: together, every record passes
        result = check_article(
            article.text, ArticleRecords.model_validate(answers[article.text]), article.headline
        )
        assert not result.rejected, (page.name, article.seq, result.rejected)
    return answers


@functools.cache
def known_texts() -> tuple[str, ...]:
    """Every article text of every seed page, longest first."""
    texts = {a.text for page in SEED_PAGES for a in articles_of(page)}
    return tuple(sorted(texts, key=len, reverse=True))


def text_of(request: Request) -> str:
    """The article a request is about (MD_JSON mode appends an instruction to its body)."""
    body = article_body(request)
    return next((t for t in known_texts() if body.startswith(t)), body)


def count(records: Records) -> int:
    return sum(len(items) for items in records.values())


def plus(records: Records, **extra: list[dict[str, Any]]) -> Records:
    """`records` with more records of some types."""
    return {key: [*items, *extra.get(key, [])] for key, items in records.items()}


def changed(records: Records, key: str, index: int, **fields: Any) -> Records:
    """`records` with some fields of one record changed."""
    items = [*records[key]]
    items[index] = {**items[index], **fields}
    return {**records, key: items}


def first_text(page: Path = PAGE) -> str:
    return articles_of(page)[0].text


def gold_of(text: str, page: Path = PAGE) -> Records:
    return gold_answers(page)[text]


def index_of_metric(records: Records, raw: str) -> int:
    return next(i for i, m in enumerate(records["metrics"]) if m["raw"] == raw)


# --- the scripted model -------------------------------------------------------------


class Model:
    """A model behind the fake endpoint, scripted per article.

    `answer(text, request, k)` replies to the k-th request (0, 1, …) about the
    article whose body is `text`; `asked[text]` keeps those requests in order.
    """

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.asked: dict[str, list[Request]] = defaultdict(list)
        self._lock = threading.Lock()

    def __call__(self, request: Request, n: int) -> Reply:
        text = text_of(request)
        with self._lock:
            k = len(self.asked[text])
            self.asked[text].append(request)
        return self.answer(text, request, k)


def gold_model(special: dict[int, Answer] | None = None, page: Path = PAGE) -> Model:
    """Gold records for every article; `special[seq]` scripts article `seq` of `page`."""
    scripted = {articles_of(page)[seq].text: answer for seq, answer in (special or {}).items()}

    def answer(text: str, request: Request, k: int) -> Reply:
        if text in scripted:
            return scripted[text](text, request, k)
        return records_reply(request, gold_answers_anywhere(text))

    return Model(answer)


def gold_answers_anywhere(text: str) -> Records:
    for page in SEED_PAGES:
        if text in gold_answers(page):
            return gold_answers(page)[text]
    return EMPTY


def last_message(request: Request) -> str:
    return str(request["messages"][-1].get("content") or "")


def is_feedback(request: Request) -> bool:
    return last_message(request).startswith(FEEDBACK)


def is_reask(request: Request) -> bool:
    return any(marker in last_message(request) for marker in REASKS)


class Dropped(Exception):
    """Raised by a responder: the fake server closes the connection without a reply."""


@contextmanager
def serve(responder: Responder) -> Iterator[FakeLLM]:
    """The fake endpoint, quiet when a client hangs up on a kept-alive connection.

    The standard library's server prints a traceback to stderr when the
    client resets a connection (as it does when a stopped run closes its
    connections), and the command line's captured output would show it.
    """
    with serving(responder) as fake:
        setattr(fake.server, "handle_error", lambda request, address: None)  # noqa: B010
        yield fake


# --- running ------------------------------------------------------------------------


def settings(fake: FakeLLM, **changes: Any) -> Settings:
    options: dict[str, Any] = {
        "model": "fake",
        "base_url": fake.url,
        "mode": "tools",
        "concurrency": 4,
        "max_retries": 2,
        "attempts": 3,
        "timeout": 10.0,
        "backoff": 0.01,
        "backoff_max": 0.05,
    }
    return Settings(**{**options, **changes})


def run(
    store: Store, fake: FakeLLM, pages: tuple[Path, ...] = (PAGE,), **changes: Any
) -> pipeline.RunSummary:
    backend = connect(settings(fake, **changes), store, ENV)
    return pipeline_llm.run([str(p) for p in pages], store, backend)


@pytest.fixture(scope="module", autouse=True)
def warm_client(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One call before the tests: the client's first call loads modules for a second or more,
    which a test with a short timeout would take for a slow reply."""
    with serve(gold_model()) as fake:
        store = Store.open(tmp_path_factory.mktemp("warm") / "x.db")
        run(store, fake, pages=(SEED_PAGES[-1],))
        store.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "x.db")
    yield opened
    opened.close()


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line waits as in production (a second and up); here, hundredths."""
    monkeypatch.setattr(
        llm, "Settings", functools.partial(Settings, backoff=0.01, backoff_max=0.05)
    )


def cli_run(runner: CliRunner, fake: FakeLLM, db: Path, *args: str, page: Path = PAGE) -> Result:
    result = runner.invoke(
        main,
        [
            "run",
            str(page),
            "--db",
            str(db),
            "--model",
            "fake",
            "--base-url",
            fake.url,
            "--timeout",
            "10",
            "--max-attempts",
            "3",
            "--concurrency",
            "4",
            *args,
        ],
        env=ENV,
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    return result


# --- reading the database back ------------------------------------------------------


def q(store: Store, sql: str, *params: Any) -> list[dict[str, Any]]:
    cursor = store.db.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def total(store: Store, table: str) -> int:
    return int(store.db.execute(f"select count(*) from [{table}]").fetchone()[0])


def article_id(store: Store, seq: int, page: Path = PAGE) -> int:
    rows = q(
        store,
        "select a.id from articles a join pages p on p.id = a.page_id "
        "where p.name = ? and a.seq = ?",
        page.name,
        seq,
    )
    assert len(rows) == 1
    return int(rows[0]["id"])


def calls_of(store: Store, article: int) -> list[dict[str, Any]]:
    return q(store, "select * from llm_calls where article_id = ? order by id", article)


def extraction_of(store: Store, article: int) -> dict[str, Any]:
    rows = q(store, "select * from extractions where article_id = ?", article)
    assert len(rows) == 1, rows
    return rows[0]


def rejections_of(store: Store, article: int) -> list[dict[str, Any]]:
    rows = q(store, "select * from rejections where article_id = ? order by id", article)
    for row in rows:
        row["record"] = json.loads(row["record"])
        row["reasons"] = json.loads(row["reasons"])
    return rows


def stored_records(store: Store, article: int) -> dict[str, list[tuple[Any, ...]]]:
    """What an article's accepted records say, in the fields a model fills in."""
    sql = {
        "metrics": "select raw, value, value_max, unit, approx from metrics",
        "quotes": "select speaker, speaker_title, text, kind from quotes",
        "campaigns": "select name, organizer, location from campaigns",
    }
    return {
        key: sorted(tuple(r.values()) for r in q(store, f"{query} where article_id = ?", article))
        for key, query in sql.items()
    }


def expected_records(records: Records) -> dict[str, list[tuple[Any, ...]]]:
    fields = {
        "metrics": ("raw", "value", "value_max", "unit", "approx"),
        "quotes": ("speaker", "speaker_title", "text", "kind"),
        "campaigns": ("name", "organizer", "location"),
    }
    floats = {"value", "value_max"}
    return {
        key: sorted(
            tuple(float(r[f]) if f in floats and r.get(f) is not None else r.get(f) for f in names)
            for r in records[key]
        )
        for key, names in fields.items()
    }


def run_row(store: Store, run_id: int) -> dict[str, Any]:
    return q(store, "select * from runs where id = ?", run_id)[0]


def retry_count_headers(fake: FakeLLM) -> list[str | None]:
    return [
        next((v for k, v in h.items() if k.lower() == "x-stainless-retry-count"), None)
        for h in fake.headers
    ]


# --- 1. correct records ---------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_gold_records_are_all_accepted_with_one_call_per_article(store: Store, mode: str) -> None:
    articles = articles_of(PAGE)
    with serve(gold_model()) as fake:
        summary = run(store, fake, mode=mode)
    assert summary.stopped_by is None and summary.errors == []
    assert fake.calls == len(articles) == summary.calls
    assert summary.cached_calls == 0
    assert total(store, "rejections") == 0
    version = summary.extractor.prompt_version if summary.extractor else ""
    assert version.startswith("llm-")
    for article in articles:
        aid = article_id(store, article.seq)
        gold = gold_of(article.text)
        assert extraction_of(store, aid)["status"] == "done"
        assert stored_records(store, aid) == expected_records(gold), article.seq
        calls = calls_of(store, aid)
        assert len(calls) == 1
        assert calls[0]["status_code"] == 200 and calls[0]["error"] is None
        assert calls[0]["run_id"] == summary.run_id and calls[0]["model"] == "fake"
    for table in RECORD_KEYS:
        assert q(store, f"select distinct model, prompt_version, run_id from {table}") == [
            {"model": "fake", "prompt_version": version, "run_id": summary.run_id}
        ]
        located = q(
            store,
            f"select a.text, r.start, r.[end] from {table} r join articles a on a.id = r.article_id "
            "where r.located_in = 'text'",
        )
        assert located and all(0 <= r["start"] < r["end"] <= len(r["text"]) for r in located)
    for row in q(
        store,
        "select m.raw, m.start, m.[end], a.text from metrics m "
        "join articles a on a.id = m.article_id where m.located_in = 'text'",
    ):
        assert row["text"][row["start"] : row["end"]] == row["raw"]
    row = run_row(store, summary.run_id)
    gold_total = {k: sum(len(r[k]) for r in gold_answers(PAGE).values()) for k in RECORD_KEYS}
    assert (row["backend"], row["model"], row["prompt_version"]) == ("llm", "fake", version)
    assert row["status"] == "finished"
    assert (row["calls"], row["cached_calls"], row["articles"], row["articles_failed"]) == (
        len(articles),
        0,
        len(articles),
        0,
    )
    assert (row["metrics"], row["quotes"], row["campaigns"], row["rejections"]) == (
        gold_total["metrics"],
        gold_total["quotes"],
        gold_total["campaigns"],
        0,
    )


# --- 2-4, 6. records the checker or the schema rejects ---------------------------------


def with_x10(records: Records) -> Records:
    return changed(records, "metrics", index_of_metric(records, BIG), value=X10)


@pytest.mark.parametrize("mode", MODES)
def test_a_number_corrected_after_the_checkers_reasons_is_accepted(store: Store, mode: str) -> None:
    text = first_text()
    gold = gold_of(text)
    big = gold["metrics"][index_of_metric(gold, BIG)]

    def answer(text: str, request: Request, k: int) -> Reply:
        if is_feedback(request):
            return records_reply(request, {**EMPTY, "metrics": [big]})
        return records_reply(request, with_x10(gold))

    model = gold_model({0: answer})
    with serve(model) as fake:
        summary = run(store, fake, mode=mode)
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records(gold)
    # The wrong first answer stays on record for review, saying it was not repeated.
    (rejection,) = q(store, "select record, reasons from rejections")
    assert json.loads(rejection["record"])["value"] == X10
    reasons = json.loads(rejection["reasons"])
    assert "does not read as raw" in reasons[0]
    assert reasons[-1].startswith("not returned again when these reasons were sent back")
    assert len(calls_of(store, aid)) == 2
    assert fake.calls == len(articles_of(PAGE)) + 1 == summary.calls
    follow_up = model.asked[text][1]
    feedback = last_message(follow_up)
    assert "rejected 1 of them" in feedback
    assert f'value {X10} does not read as raw "{BIG}" (13000000000)' in feedback
    # The model's first reply is in the conversation it is asked to correct.
    assert follow_up["messages"][0] == model.asked[text][0]["messages"][0]
    assert text_of(follow_up) == text
    assert follow_up["messages"][-2]["role"] == "assistant"
    if mode == "tools":
        assert follow_up["messages"][-2]["tool_calls"]
        assert follow_up["messages"][-1]["role"] == "tool"
    else:
        assert str(X10) in follow_up["messages"][-2]["content"]
        assert follow_up["messages"][-1]["role"] == "user"


def test_numbers_repeated_after_every_round_end_in_rejections_with_reasons(store: Store) -> None:
    text = first_text()
    gold = gold_of(text)
    stubborn = plus(with_x10(gold), metrics=[NOT_PRINTED])

    def answer(text: str, request: Request, k: int) -> Reply:
        # The whole reply again each round: what was accepted must not be stored twice.
        return records_reply(request, stubborn)

    model = gold_model({0: answer})
    with serve(model) as fake:
        summary = run(store, fake, max_retries=2)
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    assert len(model.asked[text]) == len(calls_of(store, aid)) == 3  # 1 + max_retries
    assert fake.calls == len(articles_of(PAGE)) + 2
    kept = [m for m in gold["metrics"] if m["raw"] != BIG]
    assert stored_records(store, aid) == expected_records({**gold, "metrics": kept})
    rejected = rejections_of(store, aid)
    assert [(r["record_type"], r["record"]["raw"], r["record"]["value"]) for r in rejected] == [
        ("metric", BIG, X10),
        ("metric", "999万元", 9990000),
    ]
    assert rejected[0]["reasons"] == [f'value {X10} does not read as raw "{BIG}" (13000000000)']
    assert rejected[1]["reasons"] == ['raw "999万元" not found in article']
    version = summary.extractor.prompt_version if summary.extractor else ""
    assert {(r["run_id"], r["model"], r["prompt_version"]) for r in rejected} == {
        (summary.run_id, "fake", version)
    }
    assert total(store, "rejections") == 2 == run_row(store, summary.run_id)["rejections"]
    for follow_up in model.asked[text][1:]:
        assert "rejected 2 of them" in last_message(follow_up)
        assert 'raw "999万元" not found in article' in last_message(follow_up)


def test_without_retries_a_rejected_record_gets_no_follow_up(store: Store) -> None:
    text = first_text()
    model = gold_model({0: lambda t, request, k: records_reply(request, with_x10(gold_of(t)))})
    with serve(model) as fake:
        run(store, fake, max_retries=0)
    assert fake.calls == len(articles_of(PAGE))
    assert len(model.asked[text]) == 1
    aid = article_id(store, 0)
    assert [(r["record"]["raw"], r["record"]["value"]) for r in rejections_of(store, aid)] == [
        (BIG, X10)
    ]
    assert extraction_of(store, aid)["status"] == "done"


def bad_record(kind: str, gold: Records) -> tuple[str, dict[str, Any], str]:
    """One fabricated record of `kind`: its type, the record, the start of its reason."""
    quote = gold["quotes"][QUOTE]
    if kind == "altered quote":
        text = quote["text"].replace("增值", "增长").replace("标兵", "模范")
        return "quotes", {**quote, "text": text}, "quote text not found in article"
    if kind == "fabricated speaker":
        return (
            "quotes",
            {**quote, "speaker": FAKE_SPEAKER},
            f'speaker "{FAKE_SPEAKER}" not in article',
        )
    if kind == "cut number":
        cut = {"raw": "30亿元", "value": 3000000000, "unit": "元", "approx": "exact"}
        return "metrics", cut, 'raw "30亿元" is cut from a longer number in the article'
    assert kind == "campaign not in the article"
    return "campaigns", {"name": FAKE_CAMPAIGN}, f'campaign name "{FAKE_CAMPAIGN}" not in article'


@pytest.mark.parametrize(
    "kind", ["altered quote", "fabricated speaker", "cut number", "campaign not in the article"]
)
def test_a_fabricated_record_is_rejected_with_its_reason_and_the_others_accepted(
    store: Store, kind: str
) -> None:
    text = first_text()
    gold = gold_of(text)
    key, bad, reason = bad_record(kind, gold)
    assert normalize(FAKE_SPEAKER) not in normalize(text)

    def answer(text: str, request: Request, k: int) -> Reply:
        if k == 0:
            return records_reply(request, plus(gold, **{key: [bad]}))
        return records_reply(request, {**EMPTY, key: [bad]})  # insists

    model = gold_model({0: answer})
    with serve(model) as fake:
        run(store, fake, max_retries=1)
    aid = article_id(store, 0)
    assert stored_records(store, aid) == expected_records(gold)
    rejected = rejections_of(store, aid)
    assert len(rejected) == 1
    assert rejected[0]["record_type"] == key.removesuffix("s")
    assert {k: rejected[0]["record"][k] for k in bad} == bad
    assert rejected[0]["reasons"] and rejected[0]["reasons"][0].startswith(reason)
    assert len(calls_of(store, aid)) == 2 == fake.calls - len(articles_of(PAGE)) + 1
    assert reason in last_message(model.asked[text][1])


def test_a_record_that_breaks_its_schema_is_set_aside_and_the_others_kept(store: Store) -> None:
    text = first_text()
    gold = gold_of(text)
    no_unit = {k: v for k, v in gold["metrics"][0].items() if k != "unit"}
    roughly = {**gold["metrics"][1], "approx": "roughly"}
    broken = {**gold, "metrics": [no_unit, roughly, *gold["metrics"][2:]]}

    def answer(text: str, request: Request, k: int) -> Reply:
        return records_reply(
            request, broken if k == 0 else {**EMPTY, "metrics": [no_unit, roughly]}
        )

    model = gold_model({0: answer})
    with serve(model) as fake:
        run(store, fake, max_retries=1)
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records({**gold, "metrics": gold["metrics"][2:]})
    rejected = rejections_of(store, aid)
    assert [r["record"] for r in rejected] == [no_unit, roughly]
    assert [r["record_type"] for r in rejected] == ["metric", "metric"]
    assert rejected[0]["reasons"] == ["not a valid metric: unit: Field required"]
    assert len(rejected[1]["reasons"]) == 1
    assert rejected[1]["reasons"][0].startswith("not a valid metric: approx: ")
    assert len(calls_of(store, aid)) == 2
    feedback = last_message(model.asked[text][1])
    assert "rejected 2 of them" in feedback and "not a valid metric: unit" in feedback
    assert fake.calls == len(articles_of(PAGE)) + 1


# --- 5. replies that cannot be read -----------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_unreadable_json_is_asked_again_and_the_answer_accepted(store: Store, mode: str) -> None:
    text = first_text()
    gold = gold_of(text)

    def answer(text: str, request: Request, k: int) -> Reply:
        if is_reask(request):
            return records_reply(request, gold)
        return records_reply(request, None, raw="{not json")

    model = gold_model({0: answer})
    with serve(model) as fake:
        summary = run(store, fake, mode=mode)
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records(gold)
    assert total(store, "rejections") == 0
    calls = calls_of(store, aid)
    assert [c["status_code"] for c in calls] == [200, 200]
    reask = model.asked[text][1]
    assert "{not json" in json.dumps(reask["messages"][-2], ensure_ascii=False)
    assert is_reask(reask)
    assert json.loads(calls[1]["request"])["messages"][-1] == reask["messages"][-1]
    assert fake.calls == len(articles_of(PAGE)) + 1 == summary.calls


@pytest.mark.parametrize("reply", ["{not json", '{"metrics": 5}', "[]"])
def test_a_reply_never_read_as_records_fails_the_article_and_the_run_goes_on(
    runner: CliRunner, db_path: Path, reply: str, fast_retries: None
) -> None:
    text = first_text()
    model = gold_model({0: lambda text, request, k: records_reply(request, None, raw=reply)})
    with serve(model) as fake:
        result = cli_run(runner, fake, db_path, "--max-retries", "2")
    assert result.exit_code == 1, result.output
    assert len(model.asked[text]) == 3  # 1 + max_retries
    assert all(is_reask(r) for r in model.asked[text][1:])
    store = Store.open(db_path)
    try:
        aid = article_id(store, 0)
        failed = extraction_of(store, aid)
        assert failed["status"] == "failed"
        assert "could not be read as records" in failed["error"]
        assert stored_records(store, aid) == expected_records(EMPTY)
        assert len(calls_of(store, aid)) == 3
        for article in articles_of(PAGE)[1:]:
            other = article_id(store, article.seq)
            assert extraction_of(store, other)["status"] == "done"
            assert stored_records(store, other) == expected_records(gold_of(article.text))
        (row,) = q(store, "select * from runs")
        assert (row["status"], row["articles_failed"]) == ("finished", 1)
    finally:
        store.close()
    assert "could not be read as records" in " ".join(result.output.split())


@pytest.mark.parametrize("fault", ["unreadable", "HTTP 500"])
def test_a_failed_follow_up_keeps_the_records_accepted_before(store: Store, fault: str) -> None:
    """Records accepted in a round are kept whatever later rounds bring."""
    text = first_text()
    gold = gold_of(text)

    def answer(text: str, request: Request, k: int) -> Reply:
        if k == 0:
            return records_reply(request, with_x10(gold))
        if fault == "unreadable":
            return records_reply(request, None, raw="{not json")
        return error_reply(500, "upstream overloaded")

    with serve(gold_model({0: answer})) as fake:
        summary = run(store, fake, max_retries=1)
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done", summary.errors
    kept = [m for m in gold["metrics"] if m["raw"] != BIG]
    assert stored_records(store, aid) == expected_records({**gold, "metrics": kept})
    rejected = rejections_of(store, aid)
    assert [(r["record"]["raw"], r["record"]["value"]) for r in rejected] == [(BIG, X10)]


# --- 7-9. transient faults: retried per call, every attempt logged ---------------------


def test_a_429_is_retried_after_its_retry_after_and_the_article_stored_once(
    store: Store,
) -> None:
    text = first_text()
    gold = gold_of(text)

    def answer(text: str, request: Request, k: int) -> Reply:
        if k == 0:
            return error_reply(429, "Rate limit reached", {"Retry-After": "0"})
        return records_reply(request, gold)

    with serve(gold_model({0: answer})) as fake:
        # Backoff of half a minute: the run only ends quickly if Retry-After is honoured.
        summary = run(store, fake, backoff=30.0, backoff_max=30.0)
    assert summary.seconds < 20
    aid = article_id(store, 0)
    calls = calls_of(store, aid)
    assert [c["status_code"] for c in calls] == [429, 200]
    assert calls[0]["error"] == "HTTP 429: Rate limit reached" and calls[0]["response"] is None
    assert calls[1]["error"] is None
    assert calls[0]["request_key"] == calls[1]["request_key"]
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records(gold)
    assert fake.calls == len(articles_of(PAGE)) + 1 == summary.calls
    assert set(retry_count_headers(fake)) == {"0"}  # the openai client does not retry itself


def test_a_500_until_the_attempts_run_out_fails_the_article_and_the_run_goes_on(
    runner: CliRunner, db_path: Path, fast_retries: None
) -> None:
    failing = gold_model({0: lambda *_: error_reply(500, "upstream overloaded")})
    with serve(failing) as fake:
        result = cli_run(runner, fake, db_path, "--max-attempts", "3")
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "article 0: HTTP 500: upstream overloaded" in output
    assert "7 extracted, 1 failed" in output
    assert set(retry_count_headers(fake)) == {"0"}
    store = Store.open(db_path)
    try:
        aid = article_id(store, 0)
        failed = extraction_of(store, aid)
        assert (failed["status"], failed["error"]) == ("failed", "HTTP 500: upstream overloaded")
        calls = calls_of(store, aid)
        assert [(c["status_code"], c["error"]) for c in calls] == [
            (500, "HTTP 500: upstream overloaded")
        ] * 3
        assert stored_records(store, aid) == expected_records(EMPTY)
        for article in articles_of(PAGE)[1:]:
            other = article_id(store, article.seq)
            assert extraction_of(store, other)["status"] == "done"
            assert stored_records(store, other) == expected_records(gold_of(article.text))
            assert len(calls_of(store, other)) == 1
        (row,) = q(store, "select * from runs")
        assert (row["status"], row["articles"], row["articles_failed"]) == ("finished", 8, 1)
        assert row["calls"] == fake.calls == len(articles_of(PAGE)) - 1 + 3
        assert any("HTTP 500: upstream overloaded" in e for e in json.loads(row["errors"]))
    finally:
        store.close()


def test_a_rerun_extracts_only_the_failed_article(store: Store) -> None:
    failing = gold_model({0: lambda *_: error_reply(503, "down for maintenance")})
    with serve(failing) as fake:
        first = run(store, fake)
    assert first.articles_failed == 1
    with serve(gold_model()) as fake:
        again = run(store, fake)
        assert fake.calls == 1
    assert (again.articles_skipped, again.articles_failed) == (len(articles_of(PAGE)) - 1, 0)
    aid = article_id(store, 0)
    assert extraction_of(store, aid)["status"] == "done"
    assert extraction_of(store, aid)["run_id"] == again.run_id
    assert stored_records(store, aid) == expected_records(gold_of(first_text()))
    assert [c["status_code"] for c in calls_of(store, aid)] == [503, 503, 503, 200]


def test_a_400_fails_only_that_article_without_a_retry(store: Store) -> None:
    refused = gold_model({0: lambda *_: error_reply(400, "temperature must be at most 2")})
    with serve(refused) as fake:
        summary = run(store, fake)
    assert summary.stopped_by is None
    assert summary.articles_failed == 1
    assert fake.calls == len(articles_of(PAGE))
    aid = article_id(store, 0)
    failed = extraction_of(store, aid)
    assert (failed["status"], failed["error"]) == (
        "failed",
        "HTTP 400: temperature must be at most 2",
    )
    assert [c["status_code"] for c in calls_of(store, aid)] == [400]
    done = q(store, "select count(*) as n from extractions where status = 'done'")
    assert done == [{"n": len(articles_of(PAGE)) - 1}]
    assert run_row(store, summary.run_id)["status"] == "finished"


def test_a_dropped_connection_is_retried(store: Store) -> None:
    text = first_text()

    def answer(text: str, request: Request, k: int) -> Reply:
        if k == 0:
            raise Dropped("the server closes the connection without a reply")
        return records_reply(request, gold_of(text))

    with serve(gold_model({0: answer})) as fake:
        summary = run(store, fake, concurrency=1)
    assert summary.articles_failed == 0 and summary.stopped_by is None
    aid = article_id(store, 0)
    calls = calls_of(store, aid)
    assert [c["status_code"] for c in calls] == [None, 200]
    assert calls[0]["error"].startswith("connection failed")
    assert stored_records(store, aid) == expected_records(gold_of(text))
    assert fake.calls == len(articles_of(PAGE)) + 1


def test_a_reply_slower_than_the_timeout_is_cut_and_retried(store: Store) -> None:
    text = first_text()

    def answer(text: str, request: Request, k: int) -> Reply:
        reply = records_reply(request, gold_of(text))
        return Reply(reply.body, delay=3.0) if k == 0 else reply

    with serve(gold_model({0: answer})) as fake:
        summary = run(store, fake, timeout=0.5)
    assert summary.seconds < 20
    aid = article_id(store, 0)
    calls = calls_of(store, aid)
    assert (calls[0]["status_code"], calls[0]["error"]) == (None, "timed out")
    assert calls[-1]["status_code"] == 200
    assert extraction_of(store, aid)["status"] == "done"
    assert stored_records(store, aid) == expected_records(gold_of(text))


def test_a_reply_always_slower_than_the_timeout_fails_the_article(store: Store) -> None:
    def answer(text: str, request: Request, k: int) -> Reply:
        return Reply(records_reply(request, gold_of(text)).body, delay=3.0)

    with serve(gold_model({0: answer})) as fake:
        summary = run(store, fake, timeout=0.5, attempts=2)
    assert summary.seconds < 20
    assert summary.articles_failed == 1
    aid = article_id(store, 0)
    failed = extraction_of(store, aid)
    assert (failed["status"], failed["error"]) == ("failed", "timed out")
    assert [(c["status_code"], c["error"]) for c in calls_of(store, aid)] == [
        (None, "timed out")
    ] * 2
    for article in articles_of(PAGE)[1:]:
        assert extraction_of(store, article_id(store, article.seq))["status"] == "done"


# --- 10. the endpoint refuses: the run stops at once, and the key is nowhere --------------


def test_a_401_stops_the_run_at_once_and_the_key_is_nowhere(
    runner: CliRunner, db_path: Path, fast_retries: None
) -> None:
    echo = f"Incorrect API key provided: {API_KEY}. You can find your API key at example.com."
    with serve(lambda request, n: error_reply(401, echo)) as fake:
        result = cli_run(
            runner, fake, db_path, "--concurrency", "2", "--max-attempts", "6", page=SEEDS
        )
    assert result.exit_code != 0
    assert API_KEY not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1, result.output
    assert errors[0].startswith("Error: the endpoint refused the API key")
    assert "[API key]" in errors[0]
    articles = sum(len(articles_of(p)) for p in SEED_PAGES)
    assert 1 <= fake.calls <= 2 * 2  # a call or two in flight, never articles × attempts
    assert fake.calls < articles
    conn = sqlite3.connect(db_path)
    try:
        dump = "\n".join(conn.iterdump())
        assert API_KEY not in dump
        assert "HTTP 401" in dump
        (status, errors_json) = conn.execute("select status, errors from runs").fetchone()
        assert status == "stopped"
        assert "the endpoint refused the API key" in errors_json
        assert conn.execute("select count(*) from extractions").fetchone()[0] == 0
        # A call still in flight when the run stops is cancelled, not answered: unlogged.
        refused = conn.execute("select status_code, error from llm_calls").fetchall()
        assert 1 <= len(refused) <= fake.calls
        assert {status for status, _ in refused} == {401}
        assert all(
            error.endswith("[API key]. You can find your API key at example.com.")
            for _, error in refused
        )
    finally:
        conn.close()
    assert all(h.get("authorization") == f"Bearer {API_KEY}" for h in fake.headers)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (403, "the endpoint refused the API key"),
        (404, "the endpoint does not know model 'fake'"),
    ],
)
def test_a_403_or_404_stops_the_run(store: Store, status: int, message: str) -> None:
    with serve(lambda request, n: error_reply(status, "no")) as fake:
        summary = run(store, fake, pages=tuple(SEED_PAGES), concurrency=2, attempts=6)
    assert summary.stopped_by is not None and summary.stopped_by.startswith(message)
    assert fake.calls <= 4
    assert run_row(store, summary.run_id)["status"] == "stopped"
    assert total(store, "extractions") == 0


def test_an_endpoint_that_is_down_stops_the_run(store: Store) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    backend = connect(
        Settings(
            model="fake",
            base_url=f"http://127.0.0.1:{port}/v1",
            concurrency=2,
            attempts=6,
            timeout=10.0,
            backoff=0.01,
            backoff_max=0.05,
        ),
        store,
        ENV,
    )
    summary = pipeline_llm.run([str(PAGE)], store, backend)
    assert summary.stopped_by is not None
    assert summary.stopped_by.startswith("cannot reach the model endpoint")
    assert run_row(store, summary.run_id)["status"] == "stopped"
    assert total(store, "extractions") == 0
    assert 1 <= total(store, "llm_calls") < len(articles_of(PAGE)) * 6


# --- 11. the cache of calls ------------------------------------------------------------


def corrected_in_round_one() -> Model:
    """Gold records, but article 0 needs a follow-up round (two calls)."""
    gold = gold_of(first_text())
    big = gold["metrics"][index_of_metric(gold, BIG)]

    def answer(text: str, request: Request, k: int) -> Reply:
        if is_feedback(request):
            return records_reply(request, {**EMPTY, "metrics": [big]})
        return records_reply(request, with_x10(gold))

    return gold_model({0: answer})


TABLES = ("pages", "articles", "extractions", "metrics", "quotes", "campaigns", "rejections")


def table_counts(store: Store) -> dict[str, int]:
    return {t: total(store, t) for t in (*TABLES, "llm_calls")}


def records_of_run(store: Store, run_id: int) -> dict[str, list[tuple[Any, ...]]]:
    sql = {
        "metrics": "select article_id, raw, value, unit, approx, start, [end] from metrics",
        "quotes": "select article_id, speaker, text, kind, start, [end] from quotes",
        "campaigns": "select article_id, name, organizer, start, [end] from campaigns",
        "rejections": "select article_id, record_type, record, reasons from rejections",
    }
    return {
        table: sorted(tuple(r.values()) for r in q(store, f"{query} where run_id = ?", run_id))
        for table, query in sql.items()
    }


def test_a_second_run_of_the_same_pages_makes_no_call_and_adds_no_row(store: Store) -> None:
    with serve(corrected_in_round_one()) as fake:
        first = run(store, fake)
        calls = fake.calls
        assert calls == len(articles_of(PAGE)) + 1
        before = table_counts(store)
        again = run(store, fake)
        assert fake.calls == calls
    assert table_counts(store) == before
    assert again.articles_skipped == again.articles == len(articles_of(PAGE))
    assert (again.calls, again.cached_calls) == (0, 0)
    assert first.calls == calls
    assert total(store, "runs") == 2


def test_deleted_extractions_are_extracted_again_from_the_cache(
    store: Store, runner: CliRunner, fast_retries: None
) -> None:
    db = Path(store.db.conn.execute("pragma database_list").fetchone()[2])
    with serve(corrected_in_round_one()) as fake:
        first = run(store, fake)
        calls = fake.calls
        logged = total(store, "llm_calls")
        assert logged == calls == len(articles_of(PAGE)) + 1
        first_records = records_of_run(store, first.run_id)
        assert first_records["metrics"]
        store.db.execute("delete from extractions")
        store.db.conn.commit()
        cached = run(store, fake)
        assert fake.calls == calls  # every request was answered from llm_calls
        assert (cached.calls, cached.cached_calls) == (0, calls)
        assert total(store, "llm_calls") == logged
        # The same records again, in place of the first run's: nothing doubled.
        assert records_of_run(store, cached.run_id) == first_records
        assert not any(records_of_run(store, first.run_id).values())
        done = q(store, "select count(*) as n from extractions where status = 'done'")
        assert done == [{"n": len(articles_of(PAGE))}]

        store.db.execute("delete from extractions")
        store.db.conn.commit()
        result = cli_run(runner, fake, db, "--no-cache")
        assert result.exit_code == 0, result.output
        assert fake.calls == 2 * calls
    assert total(store, "llm_calls") == 2 * logged  # calls are still logged
    (row,) = q(store, "select * from runs order by id desc limit 1")
    assert (row["calls"], row["cached_calls"], row["status"]) == (calls, 0, "finished")
    assert records_of_run(store, row["id"]) == first_records


# --- 12. the headline check: every seed page, a hallucination of each kind ---------------


def only_inside_longer(text: str, raw: str) -> bool:
    """`raw` is printed in `text` only as the tail of a longer number."""
    starts = [m.start() for m in re.finditer(re.escape(raw), text)]
    return bool(starts) and all(s > 0 and text[s - 1].isdigit() for s in starts)


@functools.cache
def injections(page: Path) -> dict[str, Records]:
    """One hallucination of each kind for `page`, by the text of the article it is put in."""
    answers = gold_answers(page)
    texts = [a.text for a in articles_of(page)]
    bad: dict[str, Records] = {t: {k: [] for k in RECORD_KEYS} for t in texts}
    t, metric = next((t, m) for t in texts for m in answers[t]["metrics"])
    bad[t]["metrics"].append({**metric, "value": metric["value"] * 10})
    t, metric = next(
        (t, m)
        for t in texts
        for m in answers[t]["metrics"]
        if re.match(r"\d\d", m["raw"]) and only_inside_longer(t, m["raw"][1:])
    )
    reading = parse_quantity(metric["raw"][1:])
    assert reading is not None
    bad[t]["metrics"].append(
        {
            "raw": metric["raw"][1:],
            "value": reading.value,
            "value_max": reading.value_max,
            "unit": reading.unit,
            "approx": reading.approx,
            "label": metric["label"],
        }
    )
    t, quote = next((t, qt) for t in texts for qt in answers[t]["quotes"] if len(qt["text"]) >= 8)
    altered = quote["text"][:2] + "并未" + quote["text"][4:]
    assert normalize(altered, drop_quotes=True) not in normalize(t, drop_quotes=True)
    bad[t]["quotes"].append({**quote, "text": altered})
    bad[t]["quotes"].append({**quote, "speaker": FAKE_SPEAKER})
    bad[texts[0]]["campaigns"].append({"name": FAKE_CAMPAIGN, "organizer": None})
    return bad


def identity(record_type: str, record: dict[str, Any]) -> tuple[Any, ...]:
    if record_type == "metric":
        return (record["raw"], float(record["value"]))
    if record_type == "quote":
        return (record["speaker"], record["text"])
    return (record["name"],)


def stubborn_model() -> Model:
    """Gold records plus the injected ones, which it repeats in every follow-up."""

    def answer(text: str, request: Request, k: int) -> Reply:
        bad = next(injections(p)[text] for p in SEED_PAGES if text in injections(p))
        if is_feedback(request):
            return records_reply(request, bad)
        return records_reply(request, {k: [*gold_answers_anywhere(text)[k], *bad[k]] for k in bad})

    return Model(answer)


def test_hallucinations_on_every_seed_page_are_all_rejected_and_the_gold_kept(
    runner: CliRunner, db_path: Path
) -> None:
    for page in SEED_PAGES:
        normalized = normalize(read_page(page).text, drop_quotes=True)
        assert normalize(FAKE_SPEAKER) not in normalized
        assert normalize(FAKE_CAMPAIGN, drop_quotes=True) not in normalized
    expected = sorted(
        (page.name, text, key.removesuffix("s"), identity(key.removesuffix("s"), record))
        for page in SEED_PAGES
        for text, records in injections(page).items()
        for key, items in records.items()
        for record in items
    )
    assert len(expected) == 5 * len(SEED_PAGES)
    model = stubborn_model()
    store = Store.open(db_path)
    try:
        with serve(model) as fake:
            summary = run(store, fake, pages=tuple(SEED_PAGES), max_retries=2)
        articles = sum(len(articles_of(p)) for p in SEED_PAGES)
        with_injections = {t for p in SEED_PAGES for t, r in injections(p).items() if count(r)}
        assert fake.calls == articles + 2 * len(with_injections) == summary.calls
        assert all(len(model.asked[t]) == 3 for t in with_injections)
        assert summary.articles_failed == 0 and summary.stopped_by is None
        rows = q(
            store,
            "select p.name, a.text, r.record_type, r.record, r.reasons from rejections r "
            "join articles a on a.id = r.article_id join pages p on p.id = a.page_id",
        )
        assert len(rows) == len(expected) == summary.counts()["rejections"]
        assert all(json.loads(r["reasons"]) for r in rows)
        found = sorted(
            (
                r["name"],
                r["text"],
                r["record_type"],
                identity(r["record_type"], json.loads(r["record"])),
            )
            for r in rows
        )
        assert found == expected
    finally:
        store.close()
    result = runner.invoke(main, ["eval", "--db", str(db_path), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for scores in [report["total"], *report["pages"].values()]:
        for kind in RECORD_KEYS:
            assert (scores[kind]["precision"], scores[kind]["recall"]) == (1.0, 1.0), (kind, scores)
    assert report["total"]["metrics"]["gold"] > 100
    assert report["missing_pages"] == []


# --- 13. what is sent -------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_sends_its_own_request_shape(store: Store, mode: str) -> None:
    with serve(gold_model()) as fake:
        run(store, fake, mode=mode)
    assert fake.calls == len(articles_of(PAGE))
    titles = {a.title for a in articles_of(PAGE)}
    for request in fake.requests:
        assert request["model"] == "fake"
        assert request["messages"][0]["role"] == "system"
        assert request["messages"][1]["role"] == "user"
        assert text_of(request) in {a.text for a in articles_of(PAGE)}
        title = next(
            (
                line.removeprefix("标题：")
                for line in request["messages"][1]["content"].splitlines()
                if line.startswith("标题：")
            ),
            None,
        )
        assert title in titles
        if mode == "tools":
            assert request["tools"] and "response_format" not in request
            name = request["tools"][0]["function"]["name"]
            assert request["tool_choice"] == {"type": "function", "function": {"name": name}}
        elif mode == "json":
            assert request["response_format"] == {"type": "json_object"}
            assert "tools" not in request and "tool_choice" not in request
        else:
            assert not {"tools", "tool_choice", "response_format"} & set(request)
    assert retry_count_headers(fake) == ["0"] * fake.calls
    for row in q(store, "select request from llm_calls"):
        assert API_KEY not in row["request"]


@pytest.mark.parametrize("mode", MODES)
def test_the_model_is_shown_the_records_not_the_programs_notes(store: Store, mode: str) -> None:
    with serve(gold_model()) as fake:
        run(store, fake, mode=mode)
    sent = json.dumps(fake.requests[0], ensure_ascii=False).lower()
    for word in ("instructor", "pydantic", "re-ask"):
        assert word not in sent, word


def test_the_system_prompt_copies_nothing_from_the_gold(store: Store) -> None:
    with serve(gold_model()) as fake:
        run(store, fake, pages=(PAGE,))
    system = normalize(fake.requests[0]["messages"][0]["content"], drop_quotes=True)
    assert all(r["messages"][0] == fake.requests[0]["messages"][0] for r in fake.requests)
    for gold_file in GOLD_FILES:
        for article in load_gold(gold_file).articles:
            for quote in article.quotes:
                said = normalize(quote.text, drop_quotes=True)
                shared = {said[i : i + 8] for i in range(len(said) - 7)}
                assert not {s for s in shared if s in system}, (gold_file.name, quote.text)


# --- more of the run as a whole --------------------------------------------------------


def test_what_was_stored_before_a_refusal_stays_and_a_rerun_goes_on(store: Store) -> None:
    articles = articles_of(PAGE)

    def key_revoked_after_three(request: Request, n: int) -> Reply:
        if n < 3:
            return records_reply(request, gold_answers_anywhere(text_of(request)))
        return error_reply(401, "key revoked")

    with serve(key_revoked_after_three) as fake:
        stopped = run(store, fake, concurrency=1)
    assert stopped.stopped_by is not None
    assert run_row(store, stopped.run_id)["status"] == "stopped"
    done = q(store, "select article_id from extractions where status = 'done'")
    assert len(done) == 3
    assert fake.calls in (4, 5)  # the refused call, and perhaps one cancelled in flight
    assert total(store, "extractions") == 3
    with serve(gold_model()) as fake:
        resumed = run(store, fake)
        assert fake.calls == len(articles) - 3
    assert resumed.articles_skipped == 3 and resumed.articles_failed == 0
    for article in articles:
        aid = article_id(store, article.seq)
        assert extraction_of(store, aid)["status"] == "done"
        assert stored_records(store, aid) == expected_records(gold_of(article.text))


def test_no_more_calls_are_in_flight_than_the_concurrency(store: Store) -> None:
    lock = threading.Lock()
    in_flight = [0]
    most = [0]

    def slow(request: Request, n: int) -> Reply:
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        threading.Event().wait(0.15)
        with lock:
            in_flight[0] -= 1
        return records_reply(request, gold_answers_anywhere(text_of(request)))

    with serve(slow) as fake:
        summary = run(store, fake, concurrency=2)
    assert summary.articles_failed == 0
    assert fake.calls == len(articles_of(PAGE))
    assert most[0] == 2


def test_the_key_is_read_from_the_variable_named_and_never_stored(
    runner: CliRunner, db_path: Path, fast_retries: None
) -> None:
    other = "sk-other-variable-456"
    with serve(gold_model()) as fake:
        result = runner.invoke(
            main,
            [
                *("run", str(PAGE), "--db", str(db_path), "--model", "fake"),
                *("--base-url", fake.url, "--api-key-env", "LOCAL_MODEL_KEY"),
            ],
            env={"LOCAL_MODEL_KEY": other, "OPENAI_API_KEY": API_KEY},
        )
    assert result.exit_code == 0, result.output
    assert {h.get("authorization") for h in fake.headers} == {f"Bearer {other}"}
    conn = sqlite3.connect(db_path)
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    assert other not in dump and API_KEY not in dump
    assert other not in result.output


def test_an_error_message_that_echoes_the_key_is_stored_without_it(store: Store) -> None:
    echo = gold_model({0: lambda *_: error_reply(400, f"bad request from key {API_KEY}")})
    with serve(echo) as fake:
        summary = run(store, fake)
    assert summary.articles_failed == 1
    failed = extraction_of(store, article_id(store, 0))
    assert failed["error"] == "HTTP 400: bad request from key [API key]"
    assert API_KEY not in "\n".join(store.db.conn.iterdump())
    assert all(API_KEY not in e for e in summary.errors)


@pytest.mark.parametrize("mode", MODES)
def test_the_request_shaped_once_is_the_one_instructor_shapes_for_each_article(
    mode: llm.ModeName, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "shape.db")
    backend = connect(
        Settings(model="fake", base_url="http://127.0.0.1:9/v1", mode=mode), store, ENV
    )
    articles = [a for page in SEED_PAGES for a in articles_of(page)]
    for article in articles:
        messages = backend.prompts.messages(article)
        assert backend._shape(messages) == backend._handle(messages), (mode, article.title)
    # A follow-up (more than the opening two messages) is shaped by instructor itself.
    longer = [*backend.prompts.messages(articles[0]), {"role": "user", "content": "again"}]
    assert backend._shape(longer) == backend._handle(longer)
