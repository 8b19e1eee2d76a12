"""LLM backend: article → candidate records through any OpenAI-compatible endpoint.

One call per article asks for all three record types (`prompts/`); instructor
parses the reply into the record models and re-asks when it cannot. Then the
checker decides: the reasons for the records it rejects go back to the model
in one follow-up turn asking it to correct or drop exactly those, at most
`max_retries` rounds. Records accepted in a round are kept whatever later
rounds bring, so one bad record never costs the good ones.

Retrying belongs to one policy (tenacity): 429 (after its Retry-After), 5xx,
timeouts and dropped connections are retried with exponential backoff and
jitter; the openai client's own retries are off. 401, 403 and 404 stop the
run (`EndpointRefused`); any other 4xx fails the article.

Every HTTP call is logged through a `CallLog`; a request identical to one
already answered is answered from the log, so a re-run costs nothing.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol, cast

import instructor
import openai
from instructor.v2 import Provider, mode_registry
from instructor.v2.core.errors import IncompleteOutputException
from openai.types.chat import ChatCompletion
from pydantic import (
    ConfigDict,
    ModelWrapValidatorHandler,
    PrivateAttr,
    ValidationError,
    model_validator,
)
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    wait_exponential_jitter,
)

from extractor.check import check_article
from extractor.errors import ArticleFailed, EndpointRefused, UserError
from extractor.extract.prompting import Prompts
from extractor.models import (
    Article,
    ArticleRecords,
    Campaign,
    CheckResult,
    LLMCall,
    Metric,
    Quote,
    Rejection,
)

BACKEND = "llm"
ModeName = Literal["tools", "json", "md_json"]
MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
#: What a reply that does not parse as records raises: malformed JSON, a schema
#: violation of the whole reply, a tool call missing.
_UNREADABLE = (
    ValidationError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    AssertionError,
    IndexError,
)
#: Where the article goes in the request shaped once for every article.
_PLACEHOLDER = "\x00article\x00"
#: A Retry-After longer than this is not waited for in full.
MAX_RETRY_AFTER = 120.0

# instructor logs each failed attempt at ERROR; the run reports failures itself.
logging.getLogger("instructor").setLevel(logging.CRITICAL)


# --- the records as a model returns them ------------------------------------------

_ITEMS: tuple[tuple[str, Literal["metric", "quote", "campaign"], type[Any]], ...] = (
    ("metrics", "metric", Metric),
    ("quotes", "quote", Quote),
    ("campaigns", "campaign", Campaign),
)


def _schema_reasons(error: ValidationError) -> list[str]:
    """`unit: Field required`, one reason per problem, as the model can act on them."""
    return [f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in error.errors()]


# ArticleRecords as a model returns them. A record that breaks its schema
# (`approx: "roughly"`, no `unit`) is set aside as a rejection with pydantic's
# reasons, and the others are kept; a reply that is not an object of lists is
# invalid as a whole, and instructor re-asks. Declared as instructor's
# ResponseSchema once, here: instructor would otherwise derive a new class,
# and its JSON Schema, on every call.
class ModelRecords(ArticleRecords, instructor.ResponseSchema):
    """The metrics, quotes and campaigns of one article, each copied exactly as printed."""

    model_config = ConfigDict(title="ArticleRecords")

    _invalid: list[Rejection] = PrivateAttr(default_factory=list)

    @property
    def invalid(self) -> list[Rejection]:
        """The records set aside for breaking their schema, with the reasons."""
        return self._invalid

    @model_validator(mode="wrap")
    @classmethod
    def _set_aside_invalid(
        cls, data: Any, handler: ModelWrapValidatorHandler[ModelRecords]
    ) -> ModelRecords:
        invalid: list[Rejection] = []
        if isinstance(data, dict):
            data = dict(data)
            for key, record_type, model in _ITEMS:
                items = data.get(key)
                if not isinstance(items, list):
                    continue
                kept = []
                for item in items:
                    try:
                        kept.append(model.model_validate(item))
                    except ValidationError as error:
                        record = item if isinstance(item, dict) else {"value": item}
                        reasons = [
                            f"not a valid {record_type}: {r}" for r in _schema_reasons(error)
                        ]
                        invalid.append(
                            Rejection(record_type=record_type, record=record, reasons=reasons)
                        )
                data[key] = kept
        records = handler(data)
        records._invalid = invalid
        return records


# --- settings, the call log -------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How to reach the model and how hard to try. Holds no API key, only where to find it."""

    model: str
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    mode: ModeName = "tools"
    concurrency: int = 8
    max_retries: int = 2
    attempts: int = 6
    timeout: float = 120.0
    cache: bool = True
    backoff: float = 1.0
    backoff_max: float = 60.0


class CallLog(Protocol):
    """Where calls are logged and looked up (the `llm_calls` table)."""

    def cached_response(self, request_key: str) -> str | None: ...

    def log_call(self, call: LLMCall) -> None: ...


@dataclass
class Usage:
    """Counted over a run, for the progress bar and the summary."""

    calls: int = 0
    cached: int = 0
    failed_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


# --- retry policy -----------------------------------------------------------------


def _status(error: BaseException) -> int | None:
    return error.status_code if isinstance(error, openai.APIStatusError) else None


def is_transient(error: BaseException) -> bool:
    """429, 408, 409, 5xx, timeouts and dropped connections: worth another try."""
    if isinstance(error, TimeoutError | openai.APIConnectionError):
        return True
    status = _status(error)
    return status is not None and (status in (408, 409, 429) or status >= 500)


def retry_after(error: BaseException) -> float | None:
    """Seconds the server asked to wait (`Retry-After`, `retry-after-ms`), if it did."""
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
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _WaitRetryAfterOrBackoff:
    """Wait as the server asked; without a Retry-After, exponential backoff with jitter."""

    def __init__(self, initial: float, maximum: float) -> None:
        self.backoff = wait_exponential_jitter(multiplier=initial, max=maximum, jitter=initial)

    def __call__(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = retry_after(error) if error else None
        return min(asked, MAX_RETRY_AFTER) if asked is not None else self.backoff(state)


def describe(error: BaseException) -> str:
    """One line for a failed call: status and the server's message, or the kind of failure."""
    if isinstance(error, TimeoutError | openai.APITimeoutError):
        return "timed out"
    if isinstance(error, openai.APIStatusError):
        message = error.message
        if isinstance(error.body, dict):
            inner = error.body.get("error", error.body)
            if isinstance(inner, dict) and isinstance(inner.get("message"), str):
                message = inner["message"]
        return f"HTTP {error.status_code}: {message}"
    if isinstance(error, openai.APIConnectionError):
        cause = error.__cause__
        return f"connection failed: {cause or error}"
    return f"{type(error).__name__}: {error}"


# --- the backend -----------------------------------------------------------------


@dataclass(frozen=True)
class _Owner:
    """Whose calls these are, for the log."""

    run_id: int
    article_id: int


#: The article whose extraction is running in the current task; its calls are logged under it.
_owner: contextvars.ContextVar[_Owner] = contextvars.ContextVar("owner")


@dataclass
class LLMBackend:
    """Extracts articles with a model; shared by every article of a run (one event loop)."""

    settings: Settings
    client: openai.AsyncOpenAI
    log: CallLog
    prompts: Prompts = field(default_factory=lambda: Prompts(ModelRecords))
    usage: Usage = field(default_factory=Usage)
    redact: Callable[[str], str] = field(default=lambda text: text)
    _reached: bool = False

    def __post_init__(self) -> None:
        self._slots = asyncio.Semaphore(self.settings.concurrency)
        self._mode = MODES[self.settings.mode]
        self._handlers = mode_registry.get_handlers(Provider.OPENAI, self._mode)
        self._opening: tuple[Any, dict[str, Any]] | None = None

    async def aclose(self) -> None:
        """Close the HTTP connections, in the event loop that opened them."""
        await self.client.close()

    @property
    def prompt_version(self) -> str:
        return self.prompts.version

    async def extract(self, article: Article, article_id: int, run_id: int) -> CheckResult:
        """Checked records of one article; ArticleFailed or EndpointRefused if there are none.

        Only the first ask can fail the article: once records are accepted, a
        follow-up that fails ends the rounds and what was accepted is kept.
        """
        _owner.set(_Owner(run_id, article_id))  # a task extracts one article at a time
        messages = self.prompts.messages(article)
        records, completion = await self._ask(messages)
        result = self._check(article, records, kept=[])
        for _ in range(self.settings.max_retries):
            if not result.rejected:
                break
            kept = result.accepted
            messages = [*messages, *self._follow_up(completion, result.rejected)]
            try:
                records, completion = await self._ask(messages)
            except ArticleFailed as error:
                # The records accepted so far stand; the rejected stay rejected.
                for rejection in result.rejected:
                    rejection.reasons.append(f"not corrected: the follow-up failed ({error})")
                break
            result = self._check(article, records, kept=[a.record for a in kept])
        return result

    def _check(
        self, article: Article, records: ModelRecords, kept: list[Metric | Quote | Campaign]
    ) -> CheckResult:
        """Check the new records together with those kept from earlier rounds.

        A follow-up that returns an accepted record again does not add it twice.
        """
        seen = {_identity(r) for r in kept}
        incoming: list[Metric | Quote | Campaign] = [
            *records.metrics,
            *records.quotes,
            *records.campaigns,
        ]
        new = [r for r in incoming if _identity(r) not in seen]
        both = [*kept, *new]
        combined = ArticleRecords(
            metrics=[r for r in both if isinstance(r, Metric)],
            quotes=[r for r in both if isinstance(r, Quote)],
            campaigns=[r for r in both if isinstance(r, Campaign)],
        )
        result = check_article(article.text, combined, article.headline)
        result.rejected.extend(records.invalid)
        return result

    def _follow_up(self, completion: ChatCompletion, rejected: list[Rejection]) -> list[Any]:
        """The model's reply and the checker's reasons, in the form the mode expects."""
        message = completion.choices[0].message
        reply: dict[str, Any] = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            reply["tool_calls"] = [call.model_dump() for call in message.tool_calls]
        feedback = self.prompts.feedback(rejected)
        if self._mode is instructor.Mode.TOOLS and message.tool_calls:
            return [
                reply,
                *(
                    {"role": "tool", "tool_call_id": call.id, "content": feedback}
                    for call in message.tool_calls
                ),
            ]
        return [reply, {"role": "user", "content": feedback}]

    async def _ask(self, messages: list[Any]) -> tuple[ModelRecords, ChatCompletion]:
        """A reply that reads as records; one that does not is re-asked, `max_retries` times.

        instructor shapes the request for the mode (tools, JSON, Markdown JSON),
        parses the reply, and words the re-ask with the parse error.
        """
        request = self._shape(messages)
        attempts = self.settings.max_retries + 1
        for attempt in range(1, attempts + 1):
            completion = await self._call(request)
            try:
                records = self._handlers.response_parser(
                    response=completion,
                    response_model=ModelRecords,
                    validation_context=None,
                    strict=False,
                    stream=False,
                    is_async=True,
                )
            except IncompleteOutputException:
                raise ArticleFailed("the reply was cut off at the model's output limit") from None
            except _UNREADABLE as error:
                if attempt == attempts:
                    raise ArticleFailed(
                        f"the model's reply could not be read as records after {attempts} "
                        f"attempts: {self.redact(_first_line(str(error)))}"
                    ) from None
                request = self._handlers.reask_handler(
                    kwargs={**request, "messages": list(request["messages"])},
                    response=completion,
                    exception=error,
                )
                continue
            return cast(ModelRecords, records), completion
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _shape(self, messages: list[Any]) -> dict[str, Any]:
        """The request instructor makes of `messages` for the mode: schema, tools, format.

        Every article's opening request is shaped alike (the same system prompt,
        one user message), so the shape is made once with a placeholder for the
        article and filled in per article; shaping costs a millisecond a call
        that a run of thousands of articles need not pay. Follow-ups are shaped
        as they are.
        """
        if len(messages) != 2:
            return self._handle(messages)
        if self._opening is None or self._opening[0] != messages[0]:
            shaped = self._handle([messages[0], {"role": "user", "content": _PLACEHOLDER}])
            holders = [m for m in shaped["messages"] if _PLACEHOLDER in str(m.get("content"))]
            if len(holders) != 1 or not isinstance(holders[0]["content"], str):
                return self._handle(messages)  # a mode that shapes otherwise: no shortcut
            self._opening = (messages[0], shaped)
        template = self._opening[1]
        article = str(messages[1]["content"])
        return {
            **template,
            "messages": [
                {**m, "content": m["content"].replace(_PLACEHOLDER, article)}
                if _PLACEHOLDER in str(m.get("content"))
                else m
                for m in template["messages"]
            ],
        }

    def _handle(self, messages: list[Any]) -> dict[str, Any]:
        _, request = self._handlers.request_handler(
            response_model=ModelRecords,
            kwargs={"model": self.settings.model, "messages": messages},
        )
        return cast(dict[str, Any], request)

    def _retrying(self) -> AsyncRetrying:
        """A fresh policy for each call: tenacity's state must not be shared across calls."""

        def stop(state: RetryCallState) -> bool:
            error = state.outcome.exception() if state.outcome else None
            # Nothing has answered yet and the connection is refused: the endpoint
            # is down or mistyped; say so within seconds instead of backing off.
            unreachable = (
                not self._reached
                and isinstance(error, openai.APIConnectionError)
                and not isinstance(error, openai.APITimeoutError)
                and state.attempt_number >= 2
            )
            return unreachable or state.attempt_number >= self.settings.attempts

        return AsyncRetrying(
            stop=stop,
            wait=_WaitRetryAfterOrBackoff(self.settings.backoff, self.settings.backoff_max),
            retry=retry_if_exception(is_transient),
            reraise=True,
        )

    async def _call(self, request: dict[str, Any]) -> ChatCompletion:
        """One chat completion: from the cache, or over HTTP with the retry policy.

        Transient faults are retried; what is left fails the article
        (ArticleFailed) or, for a refusal, the run (EndpointRefused).
        """
        owner = _owner.get()
        sent = json.dumps(request, ensure_ascii=False, sort_keys=True, default=str)
        key = hashlib.sha256(sent.encode("utf-8")).hexdigest()
        if self.settings.cache and (cached := self.log.cached_response(key)) is not None:
            self.usage.cached += 1
            return ChatCompletion.model_validate_json(cached)
        try:
            async for attempt in self._retrying():
                with attempt:
                    return await self._attempt(owner, key, sent, request)
        except openai.APIConnectionError as error:
            if not self._reached and not isinstance(error, openai.APITimeoutError):
                raise EndpointRefused(
                    f"cannot reach the model endpoint {self.client.base_url}: "
                    f"{self.redact(describe(error))}"
                ) from None
            raise ArticleFailed(self.redact(describe(error))) from None
        except (openai.APIError, TimeoutError) as error:
            raise ArticleFailed(self.redact(describe(error))) from None
        raise AssertionError("unreachable: tenacity returns or raises")

    async def _attempt(
        self, owner: _Owner, key: str, sent: str, request: dict[str, Any]
    ) -> ChatCompletion:
        started_at = datetime.now(UTC).isoformat(timespec="milliseconds")
        async with self._slots:
            started = time.perf_counter()
            try:
                async with asyncio.timeout(self.settings.timeout):
                    # The request is already in the wire format instructor made it;
                    # `post` sends it as it is (`chat.completions.create` would walk
                    # and re-transform every message first, a cost paid per call).
                    completion = await self.client.post(
                        "/chat/completions", body=request, cast_to=ChatCompletion
                    )
            except (openai.APIError, TimeoutError) as error:
                self.usage.failed_calls += 1
                self._log(owner, key, sent, None, started, started_at, error)
                status = _status(error)
                if status in (401, 403, 404):
                    raise EndpointRefused(self._refusal(status, error)) from None
                raise
        self._reached = True
        self.usage.calls += 1
        if completion.usage:
            self.usage.prompt_tokens += completion.usage.prompt_tokens
            self.usage.completion_tokens += completion.usage.completion_tokens
        self._log(owner, key, sent, completion, started, started_at, None)
        return completion

    def _refusal(self, status: int | None, error: BaseException) -> str:
        detail = self.redact(describe(error))
        if status == 404:
            return (
                f"the endpoint does not know model {self.settings.model!r} "
                f"or the base URL is wrong ({detail})"
            )
        return (
            f"the endpoint refused the API key ({detail}); set it in "
            f"${self.settings.api_key_env} or name another variable with --api-key-env"
        )

    def _log(
        self,
        owner: _Owner,
        key: str,
        sent: str,
        completion: ChatCompletion | None,
        started: float,
        started_at: str,
        error: BaseException | None,
    ) -> None:
        usage = completion.usage if completion else None
        self.log.log_call(
            LLMCall(
                run_id=owner.run_id,
                article_id=owner.article_id,
                model=self.settings.model,
                request_key=key,
                request=sent,
                response=completion.model_dump_json() if completion else None,
                prompt_tokens=usage.prompt_tokens if usage else None,
                completion_tokens=usage.completion_tokens if usage else None,
                duration_ms=round((time.perf_counter() - started) * 1000),
                error=self.redact(describe(error)) if error else None,
                status_code=_status(error) if error else 200,
                started_at=started_at,
            )
        )


def connect(
    settings: Settings, log: CallLog, environ: Mapping[str, str] = os.environ
) -> LLMBackend:
    """A backend for `settings`, its key read from the environment and kept out of every log.

    Local servers (Ollama, vLLM, llama.cpp) need no key: with a base URL and
    no key set, a placeholder is sent.
    """
    key = environ.get(settings.api_key_env) or None
    if key is None and settings.base_url is None:
        raise UserError(
            f"no API key: set ${settings.api_key_env} (or name another variable with "
            "--api-key-env), or give --base-url for a local server that needs none"
        )
    client = openai.AsyncOpenAI(
        api_key=key or "no-key",
        base_url=settings.base_url,
        max_retries=0,  # tenacity owns retrying
        timeout=settings.timeout,
    )

    def redact(text: str) -> str:
        return text.replace(key, "[API key]") if key else text

    return LLMBackend(settings, client, log, redact=redact)


def _identity(record: Metric | Quote | Campaign) -> tuple[str, str]:
    """What makes two records the same claim: every field but the label and the evidence."""
    fields = record.model_dump(exclude={"label", "evidence"})
    return type(record).__name__, json.dumps(fields, ensure_ascii=False, sort_keys=True)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
