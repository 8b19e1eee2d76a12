"""Articles longer than the model's context: asked about in parts, or failed with the reason.

The fake model here has a small context: a request whose article is longer is
refused as real servers refuse it (a 400 saying so), or answered with a reply
cut off at the output limit. Every word of the article must reach the model
in some part, the records must land at the article's own offsets, and an
article that cannot be split small enough is failed, never stored cut short.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extractor.check import check_against
from extractor.cli import main
from extractor.extract.parts import MIN_PART, halves, rejoin
from extractor.models import Article, ArticleRecords, Quote
from tests.conftest import SEEDS, query
from tests.fakellm import (
    FakeLLM,
    Reply,
    Request,
    article_body,
    error_reply,
    records_reply,
    round_of,
    rules_reply,
    serving,
)

CONTEXT = 700  # characters of article the fake model can take
KEY = "sk-limits-0123456789"
#: How servers refuse a prompt longer than the context (status, body).
REFUSALS: dict[str, tuple[int, dict[str, Any]]] = {
    "OpenAI": (
        400,
        {
            "error": {
                "message": "This model's maximum context length is 8192 tokens. However, your "
                "messages resulted in 9100 tokens. Please reduce the length of the messages.",
                "type": "invalid_request_error",
                "code": "context_length_exceeded",
            }
        },
    ),
    "vLLM": (
        400,
        {
            "object": "error",
            "message": "This model's maximum context length is 4096 tokens. However, you "
            "requested 5200 tokens (4200 in the messages, 1000 in the completion).",
            "type": "BadRequestError",
            "code": 400,
        },
    ),
    "llama.cpp": (
        400,
        {
            "error": {
                "code": 400,
                "message": "the request exceeds the available context size, try increasing it",
                "type": "exceed_context_size_error",
            }
        },
    ),
    "prompt too long": (
        400,
        {
            "error": {
                "type": "invalid_request_error",
                "message": "prompt is too long: 210000 > 200000",
            }
        },
    ),
    "DashScope": (
        400,
        {"code": "InvalidParameter", "message": "Range of input length should be [1, 6000]"},
    ),
    "413": (413, {"error": {"message": "Request Entity Too Large"}}),
}


def small_context(
    refusal: str = "OpenAI", context: int = CONTEXT
) -> Callable[[Request, int], Reply]:
    """A model that reads at most `context` characters of article, answering as the rules do."""
    status, body = REFUSALS[refusal]

    def answer(request: Request, n: int) -> Reply:
        if len(body_of(request)) > context:
            return Reply(body, status=status)
        return rules_reply(request, n)

    return answer


def short_output(request: Request, n: int) -> Reply:
    """A model whose output limit holds twenty records: more are cut off mid-way."""
    reply = rules_reply(request, n)
    records = sum(len(v) for v in _records_of(reply).values())
    if records <= 20 or round_of(request) > 0:
        return reply
    cut = records_reply(request, None, raw='{"metrics": [{"raw": "1')
    assert isinstance(cut.body, dict)
    cut.body["choices"][0]["finish_reason"] = "length"
    return cut


def _records_of(reply: Reply) -> dict[str, list[Any]]:
    assert isinstance(reply.body, dict)
    message = reply.body["choices"][0]["message"]
    text = message["tool_calls"][0]["function"]["arguments"] if message.get("tool_calls") else ""
    records: dict[str, list[Any]] = json.loads(text or message["content"].strip("`json\n"))
    return records


def body_of(request: Request) -> str:
    """The article (or part) a request carries, without the headline lines."""
    return article_body(request).rstrip()


def extract(
    runner: CliRunner, fake: FakeLLM, db: Path, *options: str, pages: Path = SEEDS
) -> Result:
    """`extractor run PAGES` (the seed pages) with the fake model."""
    return runner.invoke(
        main,
        ["run", str(pages), "--db", str(db), "--model", "fake", "--base-url", fake.url, *options],
        env={**os.environ, "OPENAI_API_KEY": KEY},
    )


#: The fields of each record type that say what it claims and where.
CLAIMS = {
    "metrics": "raw, value, unit, start, [end]",
    "quotes": "speaker, text, kind, start, [end]",
    "campaigns": "name, start, [end]",
}


def stored(db: Path, table: str = "metrics") -> list[tuple[Any, ...]]:
    """The records of `table`, as claims by page and article, sorted."""
    columns = ", ".join(f"r.{c}" for c in CLAIMS[table].split(", "))
    rows = query(
        db,
        f"select p.sha256, a.seq, {columns} from {table} r "
        "join articles a on a.id = r.article_id join pages p on p.id = a.page_id",
    )
    return sorted(tuple(row.values()) for row in rows)


def stored_metrics(db: Path) -> list[tuple[Any, ...]]:
    return stored(db)


def query_write(db: Path, sql: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(sql)


def covered(article: str, parts: list[str]) -> bool:
    """Do the parts, in order, hold every character of the article but the line breaks at cuts?"""
    squeeze = re.compile(r"\s+")
    return squeeze.sub("", "".join(parts)) == squeeze.sub("", article)


@pytest.fixture(scope="module")
def whole_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed pages extracted by a model with no limit."""
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    with serving(rules_reply) as fake:
        assert extract(CliRunner(), fake, db).exit_code == 0
    return db


@pytest.fixture
def whole(whole_db: Path) -> list[tuple[Any, ...]]:
    """The metrics a model with no limit finds in the seed pages."""
    return stored_metrics(whole_db)


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_an_article_longer_than_the_context_is_asked_about_in_parts_that_cover_it_all(
    refusal: str, tmp_path: Path, whole: list[tuple[Any, ...]]
) -> None:
    db = tmp_path / "parts.db"
    with serving(small_context(refusal)) as fake:
        result = extract(CliRunner(), fake, db)
        requests = list(fake.requests)
    assert result.exit_code == 0, result.output
    # Nothing failed and nothing was cut: every article is done, and its metrics are
    # those the unlimited model found, at the article's own offsets.
    assert query(db, "select distinct status from extractions") == [{"status": "done"}]
    assert stored_metrics(db) == whole
    long = query(db, f"select text from articles where length(text) > {CONTEXT}")
    assert long, "no article is longer than the context: the test tests nothing"
    asked = [body_of(r) for r in requests if round_of(r) == 0]
    for (article,) in (row.values() for row in long):
        parts = [part for part in asked if part != article and part in article]
        answered = [part for part in parts if len(part) <= CONTEXT]
        assert article in asked and answered, "the long article was not asked whole, then split"
        assert covered(article, sorted(answered, key=article.index))
    refused = query(
        db, "select count(*) as n from llm_calls where status_code = ?", (REFUSALS[refusal][0],)
    )
    assert refused == [{"n": len([a for a in asked if len(a) > CONTEXT])}]


def test_a_claim_found_in_two_parts_is_stored_once(tmp_path: Path, whole_db: Path) -> None:
    """Each part is asked with the headline, and the rules find a campaign named there (or
    named again further on) in every part: the article keeps one of each, as asked whole."""
    db = tmp_path / "parts.db"
    with serving(small_context()) as fake:
        assert extract(CliRunner(), fake, db).exit_code == 0
    for table in ("campaigns", "quotes"):
        claims = [row[:-2] for row in stored(db, table)]  # what it says, not where
        assert len(claims) == len(set(claims)), f"{table}: a claim stored twice"
        assert set(claims) <= {row[:-2] for row in stored(whole_db, table)}


def test_a_rerun_asks_nothing_it_knows_is_too_long(tmp_path: Path) -> None:
    """The log remembers what the model found too long: asked again (the extractions
    deleted), the articles are split at once and every part is answered from the log."""
    db = tmp_path / "parts.db"
    with serving(small_context()) as fake:
        assert extract(CliRunner(), fake, db).exit_code == 0
        first = stored(db)
        for table in ("extractions", "metrics", "quotes", "campaigns", "rejections"):
            query_write(db, f"delete from {table}")
        calls = fake.calls
        again = extract(CliRunner(), fake, db)
        assert again.exit_code == 0, again.output
        assert fake.calls == calls, "a request the log answers was sent"
    assert stored(db) == first


def test_max_chars_splits_before_asking_so_no_call_is_refused(
    tmp_path: Path, whole: list[tuple[Any, ...]]
) -> None:
    db = tmp_path / "parts.db"
    with serving(small_context()) as fake:
        result = extract(CliRunner(), fake, db, "--max-chars", str(CONTEXT))
        asked = [body_of(r) for r in fake.requests]
    assert result.exit_code == 0, result.output
    assert max(len(part) for part in asked) <= CONTEXT
    assert query(db, "select count(*) as n from llm_calls where status_code != 200") == [{"n": 0}]
    assert stored_metrics(db) == whole


def test_a_reply_cut_off_at_the_output_limit_is_asked_again_in_parts(
    tmp_path: Path, whole: list[tuple[Any, ...]]
) -> None:
    db = tmp_path / "parts.db"
    with serving(short_output) as fake:
        result = extract(CliRunner(), fake, db)
    assert result.exit_code == 0, result.output
    assert query(db, "select distinct status from extractions") == [{"status": "done"}]
    cut = query(db, "select count(*) as n from llm_calls where error like '%cut off%'")
    assert cut[0]["n"] > 0, "no reply was cut off: the test tests nothing"
    assert stored_metrics(db) == whole


def test_a_passage_too_long_to_split_fails_its_article_with_the_reason(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    one_line = "本报讯　" + "城关区整治背街小巷262条，清运垃圾1.5万余吨" * 100 + "。"
    (pages / "long.txt").write_text(f"一句不能再分的长文\n\n{one_line}\n", encoding="utf-8")
    (pages / "seed.txt").write_text(
        sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8"), encoding="utf-8"
    )
    db = tmp_path / "long.db"
    with serving(small_context(context=2000)) as fake:
        result = extract(CliRunner(), fake, db, pages=pages)
    assert result.exit_code == 1, result.output
    failed = query(
        db,
        "select a.title, e.error from extractions e join articles a "
        "on a.id = e.article_id where e.status = 'failed'",
    )
    assert len(failed) == 1
    error = failed[0]["error"]
    assert error.startswith("too long for the model (HTTP 400: This model's maximum context")
    assert "cannot be split further" in error and "\n" not in error
    # Its records are not stored from a part, and the other articles are.
    assert query(
        db,
        "select count(*) as n from metrics m join extractions e on "
        "e.article_id = m.article_id where e.status = 'failed'",
    ) == [{"n": 0}]
    assert query(db, "select count(*) as n from extractions where status = 'done'")[0]["n"] > 1
    assert "cannot be split further" in result.output


def test_a_400_for_another_reason_fails_the_article_at_once(tmp_path: Path) -> None:
    db = tmp_path / "refused.db"
    message = "Unsupported value: 'temperature' does not support 0.3"

    def picky(request: Request, n: int) -> Reply:
        if len(body_of(request)) > CONTEXT:
            return error_reply(400, message)
        return rules_reply(request, n)

    with serving(picky) as fake:
        result = extract(CliRunner(), fake, db)
    assert result.exit_code == 1, result.output
    failed = query(
        db,
        "select e.error, (select count(*) from llm_calls c where c.article_id = e.article_id) "
        "as calls from extractions e where e.status = 'failed'",
    )
    assert failed and all(row == {"error": f"HTTP 400: {message}", "calls": 1} for row in failed)


# --- where an article is split ------------------------------------------------------------


def article(text: str) -> Article:
    return Article(seq=0, title="标题", text=text)


def test_an_article_is_split_where_the_paragraph_nearest_the_middle_ends() -> None:
    paragraphs = ["甲" * 200, "乙" * 150, "丙" * 300, "丁" * 50]
    split = halves(article("\n".join(paragraphs)))
    assert split is not None
    assert [part.text for part in split] == ["\n".join(paragraphs[:2]), "\n".join(paragraphs[2:])]
    assert all(part.title == "标题" for part in split)


def test_one_paragraph_is_split_where_a_sentence_ends() -> None:
    text = "第一句很长" * 50 + "。" + "第二句" * 80 + "！" + "第三句" * 10 + "。"
    split = halves(article(text))
    assert split is not None
    first, second = (part.text for part in split)
    assert first + second == text and first == "第一句很长" * 50 + "。"


@pytest.mark.parametrize(
    "text",
    ["短" * (MIN_PART - 1), "没有句号的一段" * 100, "\n\n" + "甲" * 500 + "\n"],
    ids=["shorter than a part", "no sentence end", "only blank lines around it"],
)
def test_an_article_that_cannot_be_split_is_not(text: str) -> None:
    assert halves(article(text)) is None


def test_an_article_is_never_split_inside_a_quotation() -> None:
    quotation = "“" + "我们要把安全生产摆在重要位置。" * 25 + "”"
    text = "开头一句。" * 10 + quotation + "占堆说。" + "结尾一句。" * 10
    split = halves(article(text))
    assert split is not None
    first, second = (part.text for part in split)
    assert first + second == text
    assert quotation in first or quotation in second


def test_a_quotation_with_no_end_outside_it_is_not_split() -> None:
    assert halves(article("“" + "我们要把安全生产摆在重要位置。" * 40 + "”")) is None


def test_max_chars_still_asks_about_a_part_with_nowhere_to_cut(tmp_path: Path) -> None:
    """Longer than --max-chars but with no paragraph or sentence end: asked whole (the
    model may well take it), not failed without a call."""
    pages = tmp_path / "pages"
    pages.mkdir()
    listing = "、".join(f"第{i}村" for i in range(200))
    (pages / "list.txt").write_text(f"各村名单\n\n本报讯　{listing}\n", encoding="utf-8")
    db = tmp_path / "list.db"
    with serving(rules_reply) as fake:
        result = extract(CliRunner(), fake, db, "--max-chars", "400", pages=pages)
        asked = [body_of(r) for r in fake.requests if round_of(r) == 0]
        assert len([body for body in asked if "第100村" in body]) == 1
        assert any(listing in body for body in asked)
    assert result.exit_code == 0, result.output
    assert {row["status"] for row in query(db, "select status from extractions")} == {"done"}


def test_a_long_quotation_and_its_attribution_reach_the_model_in_one_part(
    tmp_path: Path,
) -> None:
    """Split before asking, the article is cut where a sentence ends outside the
    quotation, and not between the quotation's end and `占堆说。`: the quote is kept."""
    pages = tmp_path / "pages"
    pages.mkdir()
    intro = "本报讯（记者 扎西）近日，全市安全生产工作会议召开，会议总结了今年以来的工作。" * 3
    words = "".join(f"第{i}项工作要抓紧落实，确保安全生产形势持续稳定向好。" for i in range(1, 13))
    tail = "会议还对下一阶段工作作出安排部署，与会人员表示将认真抓好落实。" * 3
    page = f"全市安全生产工作会议召开\n\n{intro}“{words}”市委常委、常务副市长占堆说。{tail}\n"
    (pages / "q.txt").write_text(page, encoding="utf-8")
    quotes = {}
    for options in ((), ("--max-chars", "400")):
        db = tmp_path / f"{len(options)}.db"
        with serving(rules_reply) as fake:
            result = extract(CliRunner(), fake, db, *options, pages=pages)
            assert result.exit_code == 0, result.output
            quotes[options] = stored(db, "quotes")
            calls = fake.calls
        assert calls == (1 if not options else 3)
    assert quotes[()] == quotes[("--max-chars", "400")]
    assert [q[2] for q in quotes[()]] == ["占堆"]


def test_a_passage_remembered_too_long_with_nowhere_to_cut_is_asked_again(
    tmp_path: Path,
) -> None:
    """The log's verdict sends an article to its parts; one with no parts is asked afresh
    on the next run (a model with a larger context may take it), never failed from memory."""
    pages = tmp_path / "pages"
    pages.mkdir()
    listing = "、".join(f"第{i}村" for i in range(200))
    (pages / "list.txt").write_text(f"各村名单\n\n本报讯　{listing}\n", encoding="utf-8")
    db = tmp_path / "list.db"
    with serving(small_context(context=1000)) as fake:
        first = extract(CliRunner(), fake, db, pages=pages)
    assert first.exit_code == 1 and "cannot be split further" in first.output
    with serving(rules_reply) as fake:
        again = extract(CliRunner(), fake, db, pages=pages)
        asked = [body_of(r) for r in fake.requests if round_of(r) == 0]
    assert again.exit_code == 0, again.output
    assert [listing in body for body in asked] == [True]
    assert {row["status"] for row in query(db, "select status from extractions")} == {"done"}


def test_a_paragraph_whose_marks_do_not_pair_up_does_not_stop_a_split() -> None:
    """OCR drops a closing mark now and then: what follows is not taken for a quotation."""
    text = "他说“要加强安全生产。" + "开展检查工作。" * 100 + "\n" + "第二段。" * 50
    split = halves(article(text))
    assert split is not None
    assert "".join(part.text for part in split) == text.replace("\n", "")


def test_a_quotation_in_straight_marks_is_not_split_either() -> None:
    quotation = '"' + "引语内容很长。" * 60 + '"'
    split = halves(article("开头。" * 20 + quotation + "结尾。" * 40))
    assert split is not None
    assert any(quotation in part.text for part in split)


def test_a_quote_refused_in_its_part_for_want_of_the_part_before_is_accepted_whole() -> None:
    """`他指出` opening the second part names no one in that part; against the whole
    article the pronoun stands for the secretary the first part names."""
    whole = article(
        "市委书记王建国来到曲水县调研，详细了解青稞种植情况。\n他指出，要持续巩固拓展脱贫攻坚成果。"
    )
    first, second = whole.text.split("\n")
    quote = Quote(speaker="王建国", text="要持续巩固拓展脱贫攻坚成果", kind="indirect")
    swapped = quote.model_copy(update={"speaker": "扎西"})
    parts = [
        check_against(whole.model_copy(update={"text": text}), ArticleRecords(quotes=quotes))
        for text, quotes in ((first, []), (second, [quote, swapped]))
    ]
    assert [r.record["speaker"] for r in parts[1].rejected] == ["王建国", "扎西"]

    result = rejoin(whole, parts)

    assert [a.record for a in result.accepted] == [quote]
    assert [r.record["speaker"] for r in result.rejected] == ["扎西"]
