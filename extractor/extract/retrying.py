"""The retry policy of the LLM backend: which failures are worth another try, and when.

One policy (tenacity) owns retrying; the openai client's own retries are off.
A 429 waits as its `Retry-After` says (up to `MAX_RETRY_AFTER`); 408, 409,
429, 5xx, timeouts and dropped connections back off exponentially with
jitter. A refusal (401, 403, 404, a 429 for an exhausted quota, a 405 or 501
from a server that takes no POST there) is never retried: it stops the run.
Any other 4xx fails the article, but for one saying the request is longer
than the model's context (`is_too_long`): that article is asked about in
parts (`parts.py`).
"""

from __future__ import annotations

import email.utils
import random
import re
from collections.abc import Callable
from datetime import UTC, datetime

import httpx2
import openai
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_exponential_jitter

from extractor.errors import one_line

#: A Retry-After longer than this is not waited for in full.
MAX_RETRY_AFTER = 120.0


def status_of(error: BaseException) -> int | None:
    return error.status_code if isinstance(error, openai.APIStatusError) else None


def _error_field(error: BaseException, name: str) -> str | None:
    """A field of the error object in a failed reply's body (`{"error": {"code": …}}`)."""
    if isinstance(error, openai.APIStatusError) and isinstance(error.body, dict):
        inner = error.body.get("error", error.body)
        if isinstance(inner, dict) and isinstance(inner.get(name), str):
            return str(inner[name])
    return None


#: Statuses that say the base URL serves no chat completions: a web server's
#: "Method Not Allowed" or "Not Implemented" for a POST (Python's http.server says 501).
NOT_AN_API = (405, 501)


def is_refusal(error: BaseException) -> bool:
    """The endpoint will refuse every call: a bad key, no access, no such model, no quota,
    or no chat completions served there at all."""
    status = status_of(error)
    return status in (401, 403, 404, *NOT_AN_API) or (
        status == 429 and _error_field(error, "code") == "insufficient_quota"
    )


#: How servers word "the prompt is longer than the model's context": OpenAI and
#: DeepSeek ("maximum context length"), vLLM, llama.cpp ("exceeds the available
#: context size"), Anthropic-style ("prompt is too long"), DashScope ("input length").
_TOO_LONG = re.compile(
    r"context[ _-]?(length|size|window)|maximum context|too many tokens|too long|input length",
    re.IGNORECASE,
)


def is_too_long(error: BaseException) -> bool:
    """The request does not fit the model: a 413, or a 400 saying the context is exceeded."""
    message = f"{_error_field(error, 'code') or ''} {_error_field(error, 'message') or ''}"
    if isinstance(error, openai.APIStatusError):
        message += f" {error.message}"
    return says_too_long(status_of(error), message)


def says_too_long(status: int | None, message: str) -> bool:
    """A 413, or a 400 whose message says the request exceeds the model's context.

    >>> says_too_long(400, "This model's maximum context length is 8192 tokens")
    True
    """
    return status == 413 or (status == 400 and bool(_TOO_LONG.search(message)))


def is_transient(error: BaseException) -> bool:
    """429, 408, 409, 5xx, timeouts and dropped connections: worth another try."""
    if isinstance(error, TimeoutError | openai.APIConnectionError):
        return True
    status = status_of(error)
    return (
        status is not None
        and (status in (408, 409, 429) or status >= 500)
        and not is_refusal(error)
    )


def is_unreachable(error: BaseException) -> bool:
    """No connection could be made at all: refused, or the host name does not resolve."""
    return isinstance(error, openai.APIConnectionError) and isinstance(
        error.__cause__, httpx2.ConnectError
    )


def retry_after(error: BaseException) -> float | None:
    """Seconds the server asked to wait (`retry-after-ms`, `Retry-After`), if it did."""
    if not isinstance(error, openai.APIStatusError):
        return None
    headers = error.response.headers
    if (ms := headers.get("retry-after-ms")) is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # `-0000` means UTC with no offset known
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class WaitRetryAfterOrBackoff:
    """Wait as the server asked (plus a little jitter, so workers do not return together);
    without a Retry-After, exponential backoff with jitter."""

    def __init__(self, initial: float, maximum: float) -> None:
        self.backoff = wait_exponential_jitter(multiplier=initial, max=maximum, jitter=initial)

    def __call__(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = retry_after(error) if error else None
        if asked is None:
            return float(self.backoff(state))
        asked = min(asked, MAX_RETRY_AFTER)
        return asked + random.uniform(0, 0.1 * asked)


def policy(
    attempts: int, initial: float, maximum: float, give_up_early: Callable[[RetryCallState], bool]
) -> AsyncRetrying:
    """A fresh policy for one call (tenacity's state must not be shared across calls).

    `give_up_early` stops before `attempts` are spent (an endpoint that never
    answered and refuses connections is down, not busy).
    """

    def stop(state: RetryCallState) -> bool:
        return state.attempt_number >= attempts or give_up_early(state)

    return AsyncRetrying(
        stop=stop,
        wait=WaitRetryAfterOrBackoff(initial, maximum),
        retry=retry_if_exception(is_transient),
        reraise=True,
    )


def describe(error: BaseException, redact: Callable[[str], str] = str) -> str:
    """One line for a failed call: status and the server's message, or the kind of failure.

    `redact` is applied before the line is shortened: a secret cut in half
    would no longer be recognised.
    """
    if isinstance(error, TimeoutError | openai.APITimeoutError):
        return "timed out"
    if isinstance(error, openai.APIStatusError):
        message = _error_field(error, "message") or error.message
        text = f"HTTP {error.status_code}: {message}"
    elif isinstance(error, openai.APIConnectionError):
        text = f"connection failed: {error.__cause__ or error}"
    else:
        text = f"{type(error).__name__}: {error}"
    return one_line(redact(text))
