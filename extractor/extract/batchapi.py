"""The endpoint's Batch API, and the JSON Lines its files are written in.

The OpenAI shape, which OpenAI, Azure OpenAI, DashScope's compatible mode,
Groq and Together speak, among others:

    POST /files (purpose "batch")   a JSON Lines file of requests → a file id
    POST /batches                   {input_file_id, endpoint: /v1/chat/completions,
                                     completion_window: 24h} → a batch
    GET  /batches/{id}              its status: validating, in_progress, finalizing,
                                    completed; or expired, cancelled, failed
    GET  /files/{id}/content        the output (and error) file: one line per request

A request line is `{"custom_id", "method", "url", "body"}`, a result line
`{"custom_id", "response": {"status_code", "body"}, "error"}`. vLLM's
`run-batch` reads and writes the same lines (`extractor batch export` and
`import`). The custom id is the request's key in the log of calls.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import openai
from openai.types import Batch
from tenacity import RetryCallState

from extractor.errors import TOO_LONG, EndpointRefused, one_line
from extractor.extract.endpoint import Settings
from extractor.extract.replies import UnusableReply, read_completion
from extractor.extract.retrying import describe, is_unreachable, policy, says_too_long, status_of

#: Where every request of a batch goes, as the Batch API names it (`create` says so too).
REQUEST_URL = "/v1/chat/completions"
#: The most requests and bytes OpenAI takes in one batch file.
MAX_REQUESTS = 50_000
MAX_BYTES = 200 * 1024 * 1024
#: How many of the endpoint's latest batches are looked through for one created by
#: a run stopped before it could note the batch's id.
LOOK_BACK = 1000

T = TypeVar("T")


def request_line(key: str, sent: str) -> str:
    """One line of a batch's input file: the request as sent (`sent`, JSON), by its key.

    >>> request_line("ab12", '{"model": "m"}')
    '{"custom_id": "ab12", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "m"}}\\n'
    """
    return (
        f'{{"custom_id": {json.dumps(key)}, "method": "POST", "url": "{REQUEST_URL}", '
        f'"body": {sent}}}\n'
    )


@dataclass(frozen=True)
class Result:
    """One line of an output or error file: a request's answer, or why there is none."""

    key: str
    #: The chat completion as received (redacted), when the request was answered.
    body: str | None
    status: int | None
    #: Why the answer cannot be used (an HTTP error, an unreadable body); None if it can.
    error: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None

    @property
    def unanswered(self) -> bool:
        """No answer at all, only the batch's word on it (`batch_expired`, a cancelled
        batch): the request was never run, and is asked again, not failed."""
        return self.error is not None and self.status is None


@dataclass(frozen=True)
class BadLine:
    """A line of a results file that is no result (not JSON, no custom id)."""

    number: int
    reason: str


def read_results(
    lines: Iterable[str], redact: Callable[[str], str] = str
) -> Iterator[Result | BadLine]:
    """The results in an output or error file's lines, one per non-blank line.

    A 200 whose body is a chat completion is an answer; anything else (an HTTP
    error, a per-request error such as `batch_expired`, a body that is no chat
    completion) is a Result with its `error`. An error saying the request is
    longer than the model's context is marked as such, so the article is asked
    about in parts.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError:
            yield BadLine(number, f"not JSON: {line[:60]!r}")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("custom_id"), str):
            yield BadLine(number, "no custom_id")
            continue
        yield _result(data, redact)


def _result(data: dict[str, Any], redact: Callable[[str], str]) -> Result:
    key = data["custom_id"]
    response = data.get("response") if isinstance(data.get("response"), dict) else None
    status = response.get("status_code") if response else None
    status = status if isinstance(status, int) else None
    body = response.get("body") if response else None
    text = None if body is None else redact(json.dumps(body, ensure_ascii=False))
    if status == 200 and isinstance(body, dict):
        assert text is not None
        try:
            completion = read_completion(text)
        except UnusableReply as error:
            return Result(key, text, status, redact(str(error)))
        usage = completion.usage
        return Result(
            key,
            text,
            status,
            None,
            usage.prompt_tokens if usage else None,
            usage.completion_tokens if usage else None,
        )
    reason = _item_error(status, body, data.get("error"))
    if says_too_long(status, reason):
        reason = TOO_LONG + reason
    return Result(key, text, status, one_line(redact(reason)))


def _item_error(status: int | None, body: object, error: object) -> str:
    """`HTTP 400: …`, or `batch_expired: …`: why a request of a batch has no answer."""
    if isinstance(error, str) and error.strip():  # vLLM's run-batch words it so
        return f"HTTP {status}: {error}" if status is not None else error
    for holder in (body, error):
        inner = holder.get("error", holder) if isinstance(holder, dict) else None
        if isinstance(inner, dict) and (inner.get("message") or inner.get("code")):
            message = str(inner.get("message") or "")
            code = str(inner.get("code") or "")
            if status is not None:
                return f"HTTP {status}: {message or code}"
            return f"{code}: {message}" if code and message else message or code
    if status is not None:
        return f"HTTP {status}: {json.dumps(body, ensure_ascii=False)[:200]}"
    return "no answer and no error in the result line"


@dataclass(frozen=True)
class BatchState:
    """What the endpoint says about a batch."""

    id: str
    status: str
    input_file_id: str
    output_file_id: str | None
    error_file_id: str | None
    completed: int
    failed: int
    total: int
    #: Why the batch failed as a whole (its input refused), if it did.
    errors: tuple[str, ...] = ()

    @classmethod
    def of(cls, batch: Batch) -> BatchState:
        counts = batch.request_counts
        errors = batch.errors.data if batch.errors and batch.errors.data else []
        return cls(
            id=batch.id,
            status=batch.status,
            input_file_id=batch.input_file_id,
            output_file_id=batch.output_file_id,
            error_file_id=batch.error_file_id,
            completed=counts.completed if counts else 0,
            failed=counts.failed if counts else 0,
            total=counts.total if counts else 0,
            errors=tuple(
                one_line(f"{e.code or ''} {e.message or ''}".strip())
                + (f" (line {e.line})" if e.line else "")
                for e in errors
            ),
        )


class BatchGone(Exception):
    """The endpoint no longer knows a batch (deleted, or another account's)."""


class BatchAPI:
    """The Batch API of an OpenAI-compatible endpoint, through the openai client.

    Transient faults (429, 5xx, timeouts, dropped connections) are retried by the
    same policy as calls; anything else stops the run with one line
    (`EndpointRefused`): no Batch API (404, 405), a key refused, an input file
    refused, an endpoint that cannot be reached.
    """

    def __init__(
        self, client: openai.AsyncOpenAI, settings: Settings, redact: Callable[[str], str]
    ) -> None:
        self.client = client
        self.settings = settings
        self.redact = redact
        self._reached = False

    async def aclose(self) -> None:
        await self.client.close()

    async def upload(self, path: Path) -> str:
        """Upload a file of requests (purpose `batch`); its file id."""

        async def upload() -> str:
            with path.open("rb") as file:  # streamed, not read whole; reopened on a retry
                created = await self.client.files.create(file=file, purpose="batch")
            return created.id

        return await self._call("the upload of the batch's requests", upload, creating=True)

    async def create(self, input_file_id: str, label: str) -> BatchState:
        """A batch of the requests in `input_file_id`, labelled `label` in its metadata."""

        async def create() -> BatchState:
            batch = await self.client.batches.create(
                input_file_id=input_file_id,
                endpoint="/v1/chat/completions",
                completion_window="24h",
                metadata={"extractor": label},
            )
            return BatchState.of(batch)

        return await self._call("creating the batch", create, creating=True)

    async def find(self, input_file_id: str) -> BatchState | None:
        """The batch made of `input_file_id`, if one was made (a run may have stopped
        between creating it and noting its id)."""

        async def find() -> BatchState | None:
            seen = 0
            async for batch in self.client.batches.list(limit=100):
                if batch.input_file_id == input_file_id:
                    return BatchState.of(batch)
                seen += 1
                if seen >= LOOK_BACK:
                    break
            return None

        return await self._call("listing the endpoint's batches", find, creating=True)

    async def retrieve(self, batch_id: str) -> BatchState:
        """The batch's state now; BatchGone if the endpoint no longer knows it."""

        async def retrieve() -> BatchState:
            return BatchState.of(await self.client.batches.retrieve(batch_id))

        return await self._call(f"looking at batch {batch_id}", retrieve)

    async def download(self, file_id: str, to: Path) -> None:
        """The content of a file (output or errors), streamed to `to`."""

        async def download() -> None:
            async with self.client.files.with_streaming_response.content(file_id) as response:
                with to.open("wb") as out:
                    async for chunk in response.iter_bytes():
                        out.write(chunk)

        await self._call(f"reading file {file_id}", download)

    async def _call(self, what: str, call: Callable[[], Awaitable[T]], creating: bool = False) -> T:
        try:
            async for attempt in policy(
                self.settings.attempts,
                self.settings.backoff,
                self.settings.backoff_max,
                self._give_up_early,
            ):
                with attempt:
                    result = await call()
                    self._reached = True
                    return result
        except openai.APIStatusError as error:
            raise self._refusal(what, error, creating) from None
        except (openai.APIError, TimeoutError) as error:
            detail = describe(error, self.redact)
            if is_unreachable(error) and not self._reached:
                raise EndpointRefused(
                    f"cannot reach the model endpoint {self.client.base_url}: {detail}"
                ) from None
            raise EndpointRefused(
                f"{what} failed after {self.settings.attempts} attempts ({detail}); "
                "what was done is kept: run the same command again"
            ) from None
        raise AssertionError("unreachable: tenacity returns or raises")

    def _refusal(self, what: str, error: openai.APIStatusError, creating: bool) -> Exception:
        detail = describe(error, self.redact)
        status = status_of(error)
        if status in (404, 405) and creating:
            return EndpointRefused(
                f"the endpoint {self.client.base_url} has no Batch API ({what}: {detail}); "
                "run without --batch, or write the requests for an engine of your own with "
                "`extractor batch export`"
            )
        if status == 404:
            return BatchGone(detail)
        if status in (401, 403):
            return EndpointRefused(
                f"the endpoint refused the API key ({detail}); set it in "
                f"${self.settings.api_key_env} or name another variable with --api-key-env"
            )
        if status is not None and (status == 429 or status >= 500):
            return EndpointRefused(
                f"{what} failed after {self.settings.attempts} attempts ({detail}); "
                "what was done is kept: run the same command again"
            )
        return EndpointRefused(f"the endpoint refused {what} ({detail})")

    def _give_up_early(self, state: RetryCallState) -> bool:
        error = state.outcome.exception() if state.outcome else None
        return error is not None and not self._reached and is_unreachable(error)
