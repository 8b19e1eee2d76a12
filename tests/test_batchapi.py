"""The JSON Lines of batches: a request line as written, result lines as OpenAI and vLLM
write them, read into answers or the reason there is none."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractor.errors import TOO_LONG
from extractor.extract.batchapi import BadLine, Result, read_results, request_line
from tests.fakellm import records_reply

REQUEST = {"model": "m", "messages": [{"role": "user", "content": "标题：x"}]}
COMPLETION = records_reply(REQUEST, {"metrics": [], "quotes": [], "campaigns": []}).body


def line(response: Any = None, error: Any = None, custom_id: Any = "k1") -> str:
    return json.dumps({"id": "r", "custom_id": custom_id, "response": response, "error": error})


def test_a_request_line_carries_the_request_as_sent_under_its_key() -> None:
    sent = json.dumps(REQUEST, ensure_ascii=False, sort_keys=True)
    written = request_line("k1", sent)
    assert written.endswith("\n") and "标题" in written
    assert json.loads(written) == {
        "custom_id": "k1",
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": REQUEST,
    }


def test_an_answer_is_read_with_its_tokens() -> None:
    (result,) = read_results([line({"status_code": 200, "request_id": "q", "body": COMPLETION})])
    assert isinstance(result, Result) and result.error is None and result.status == 200
    assert result.body is not None and json.loads(result.body) == COMPLETION
    assert (result.prompt_tokens, result.completion_tokens) == (
        COMPLETION["usage"]["prompt_tokens"],
        COMPLETION["usage"]["completion_tokens"],
    )
    assert not result.unanswered


@pytest.mark.parametrize(
    ("response", "error", "reason", "unanswered"),
    [
        # OpenAI's error file: the HTTP status and the server's message.
        (
            {"status_code": 400, "body": {"error": {"message": "Invalid 'tools'", "code": None}}},
            None,
            "HTTP 400: Invalid 'tools'",
            False,
        ),
        # A request an expired batch never ran.
        (
            None,
            {"code": "batch_expired", "message": "not executed in time"},
            "batch_expired: not executed in time",
            True,
        ),
        # vLLM's run-batch: a status, no body, the message as a string.
        (
            {"status_code": 400, "request_id": "q", "body": None},
            "bad schema",
            "HTTP 400: bad schema",
            False,
        ),
        # A 200 that is no chat completion.
        (
            {"status_code": 200, "body": {"error": "overloaded"}},
            None,
            "the endpoint answered with an error: overloaded",
            False,
        ),
        (
            {
                "status_code": 400,
                "body": {"error": {"message": "maximum context length is 8192 tokens"}},
            },
            None,
            f"{TOO_LONG}HTTP 400: maximum context length is 8192 tokens",
            False,
        ),
    ],
)
def test_a_request_without_an_answer_says_why(
    response: Any, error: Any, reason: str, unanswered: bool
) -> None:
    (result,) = read_results([line(response, error)])
    assert isinstance(result, Result)
    assert result.error == reason and result.unanswered is unanswered


def test_lines_that_are_no_result_are_numbered_and_blank_ones_skipped() -> None:
    results = list(read_results(["", "not json", line(custom_id=None), "[1]"]))
    assert results == [
        BadLine(2, "not JSON: 'not json'"),
        BadLine(3, "no custom_id"),
        BadLine(4, "no custom_id"),
    ]


def test_an_answer_echoing_the_key_is_read_redacted() -> None:
    body = {**COMPLETION, "id": "sk-secret-0123456789"}
    (result,) = read_results(
        [line({"status_code": 200, "body": body})],
        lambda text: text.replace("sk-secret-0123456789", "[API key]"),
    )
    assert isinstance(result, Result) and result.body is not None
    assert "sk-secret" not in result.body and "[API key]" in result.body
