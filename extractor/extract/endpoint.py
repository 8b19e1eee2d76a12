"""One chat completion from an OpenAI-compatible endpoint: from the log, or over HTTP.

The edge of the LLM backend where the network, the clock and the database
are: requests are sent as instructor shaped them, transient faults are
retried by the policy in `retrying.py`, every attempt is logged through a
`CallLog` (the `llm_calls` table), and a request identical to one answered
before, with a reply that could be read, is answered from the log. The API
key is read from the environment once and kept out of everything written.
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

import httpx2
import openai
from openai.types.chat import ChatCompletion
from tenacity import AsyncRetrying, RetryCallState

from extractor.errors import TOO_LONG, ArticleFailed, EndpointRefused, TooLong, UserError
from extractor.extract.replies import UnusableReply, read_completion
from extractor.extract.retrying import (
    NOT_AN_API,
    describe,
    is_refusal,
    is_too_long,
    is_unreachable,
    policy,
    status_of,
)
from extractor.extract.transport import request_key
from extractor.models import LLMCall

ModeName = Literal["tools", "json", "md_json"]
#: Shorter "keys" are placeholders for servers that need none (`x`, `none`); replacing
#: them everywhere would garble every text they occur in.
MIN_SECRET = 8
#: An environment variable's name (what `--api-key-env` takes, never the key itself).
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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
    #: Articles longer than this are asked about in parts (None: only when the model refuses).
    max_chars: int | None = None
    cache: bool = True
    backoff: float = 1.0
    backoff_max: float = 60.0


class CallLog(Protocol):
    """Where calls are logged and looked up (the `llm_calls` table)."""

    def cached_response(self, request_key: str) -> str | None: ...

    def too_long(self, request_key: str) -> str | None: ...

    def log_call(self, call: LLMCall) -> None: ...

    def mark_unreadable(self, request_key: str, reason: str) -> None: ...


@dataclass
class Usage:
    """Counted over a run, for the progress bar and the summary."""

    calls: int = 0
    cached: int = 0
    failed_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass(frozen=True)
class Owner:
    """Whose calls these are, for the log."""

    run_id: int
    article_id: int


#: The article whose extraction is running in the current task; its calls are logged under it.
owner: contextvars.ContextVar[Owner] = contextvars.ContextVar("owner")


@dataclass
class Endpoint:
    """The model's endpoint as a run uses it: bounded concurrency, retries, the log, the cache."""

    settings: Settings
    client: openai.AsyncOpenAI
    log: CallLog
    usage: Usage = field(default_factory=Usage)
    redact: Callable[[str], str] = field(default=lambda text: text)

    def __post_init__(self) -> None:
        self._slots = asyncio.Semaphore(self.settings.concurrency)
        self._reached = False  # has the endpoint answered at all?
        # Replies depend on the endpoint too: the same model name on two servers
        # is two models. The URL is part of the cache key (without credentials).
        self._where = where(str(self.client.base_url))

    def _describe(self, error: BaseException) -> str:
        """The error on one line, redacted; marked when it says the request is too long."""
        text = describe(error, self.redact)
        return f"{TOO_LONG}{text}" if is_too_long(error) else text

    async def aclose(self) -> None:
        """Close the HTTP connections, in the event loop that opened them."""
        await self.client.close()

    def _give_up_early(self, state: RetryCallState) -> bool:
        """Nothing has answered yet and no connection can be made: the endpoint is down
        or mistyped; say so within seconds instead of backing off."""
        error = state.outcome.exception() if state.outcome else None
        return error is not None and not self._reached and is_unreachable(error)

    def _retrying(self) -> AsyncRetrying:
        return policy(
            self.settings.attempts,
            self.settings.backoff,
            self.settings.backoff_max,
            self._give_up_early,
        )

    async def complete(
        self, request: dict[str, Any], *, splittable: bool = False
    ) -> tuple[ChatCompletion, str]:
        """One chat completion and its cache key: from the cache, or over HTTP.

        Transient faults are retried; what is left fails the article
        (ArticleFailed) or, for a refusal, the run (EndpointRefused). When the
        article can be split and the log says this request was too long for
        the model, TooLong is raised without a call: the parts are asked at once.
        """
        who = owner.get()
        sent, key = request_key(self._where, request)
        if self.settings.cache and (cached := self.log.cached_response(key)) is not None:
            try:
                completion = read_completion(cached)
            except UnusableReply:
                pass  # logged by an older version that did not check: ask again
            else:
                self.usage.cached += 1
                return completion, key
        if splittable and self.settings.cache and (verdict := self.log.too_long(key)):
            self.usage.cached += 1
            raise TooLong(verdict, remembered=True)
        try:
            async for attempt in self._retrying():
                with attempt:
                    return await self._attempt(who, key, sent, request), key
        except openai.APIConnectionError as error:
            if not self._reached and is_unreachable(error):
                raise EndpointRefused(
                    f"cannot reach the model endpoint {self.client.base_url}: "
                    f"{self._describe(error)}"
                ) from None
            raise ArticleFailed(self._describe(error)) from None
        except (openai.APIError, TimeoutError) as error:
            if is_too_long(error):
                raise TooLong(describe(error, self.redact)) from None
            raise ArticleFailed(self._describe(error)) from None
        raise AssertionError("unreachable: tenacity returns or raises")

    async def _attempt(
        self, who: Owner, key: str, sent: str, request: dict[str, Any]
    ) -> ChatCompletion:
        started_at = datetime.now(UTC).isoformat(timespec="milliseconds")
        async with self._slots:
            started = time.perf_counter()
            try:
                async with asyncio.timeout(self.settings.timeout):
                    # The request is already in the wire format instructor made it;
                    # `post` sends it as it is (`chat.completions.create` would walk
                    # and re-transform every message first, a cost paid per call).
                    response = await self.client.post(
                        "/chat/completions", body=request, cast_to=httpx2.Response
                    )
            except (openai.APIError, TimeoutError) as error:
                self.usage.failed_calls += 1
                self._log(who, key, sent, None, started, started_at, error)
                if is_refusal(error):
                    raise EndpointRefused(self._refusal(error)) from None
                raise
        # A reply that echoes the key (in its records, or its message) is read without
        # it: nothing of it then reaches the records, the follow-ups, or the log.
        body = self.redact(response.text)
        if _is_html(response):  # a web page where the API should be: every call gets it
            self.usage.failed_calls += 1
            not_json = UnusableReply("the reply is an HTML page, not a chat completion")
            self._log(who, key, sent, body, started, started_at, not_json)
            raise EndpointRefused(self._not_an_api(f"HTTP {response.status_code}, an HTML page"))
        self._reached = True
        try:
            completion = read_completion(body)
        except UnusableReply as error:
            self.usage.failed_calls += 1
            self._log(who, key, sent, body, started, started_at, error)
            raise ArticleFailed(self.redact(str(error))) from None
        self.usage.calls += 1
        if completion.usage:
            self.usage.prompt_tokens += completion.usage.prompt_tokens
            self.usage.completion_tokens += completion.usage.completion_tokens
        self._log(who, key, sent, body, started, started_at, None, completion)
        return completion

    def _not_an_api(self, detail: str) -> str:
        return (
            f"{self.client.base_url}chat/completions serves no chat completions ({detail}): "
            "give --base-url the address of an OpenAI-compatible API (it usually ends in /v1)"
        )

    def _refusal(self, error: BaseException) -> str:
        detail = self._describe(error)
        status = status_of(error)
        html = isinstance(error, openai.APIStatusError) and _is_html(error.response)
        if status in NOT_AN_API or (status == 404 and html):
            return self._not_an_api(f"HTTP {status}, an HTML page" if html else detail)
        if status == 404:
            return (
                f"the endpoint does not know model {self.settings.model!r} "
                f"or the base URL is wrong ({detail})"
            )
        if status == 429:
            return f"the endpoint refuses calls on this key: no quota left ({detail})"
        return (
            f"the endpoint refused the API key ({detail}); set it in "
            f"${self.settings.api_key_env} or name another variable with --api-key-env"
        )

    def _log(
        self,
        who: Owner,
        key: str,
        sent: str,
        body: str | None,
        started: float,
        started_at: str,
        error: BaseException | None,
        completion: ChatCompletion | None = None,
    ) -> None:
        usage = completion.usage if completion else None
        status = status_of(error) if error else 200
        self.log.log_call(
            LLMCall(
                run_id=who.run_id,
                article_id=who.article_id,
                model=self.settings.model,
                request_key=key,
                request=self.redact(sent),
                response=body,
                prompt_tokens=usage.prompt_tokens if usage else None,
                completion_tokens=usage.completion_tokens if usage else None,
                duration_ms=round((time.perf_counter() - started) * 1000),
                error=self._describe(error) if error else None,
                status_code=200 if body is not None else status,
                started_at=started_at,
            )
        )


def where(base_url: str) -> str:
    """An endpoint's address as the cache key holds it: without credentials or query."""
    url = urlsplit(base_url)
    return f"{url.scheme}://{url.hostname}:{url.port or ''}{url.path}"


def open_endpoint(
    settings: Settings, log: CallLog, environ: Mapping[str, str] = os.environ
) -> Endpoint:
    """The endpoint of `settings`, its key read from the environment and kept out of every log.

    Local servers (Ollama, vLLM, llama.cpp) need no key: with a base URL and
    no key set, a placeholder is sent.
    """
    if not _VARIABLE.fullmatch(settings.api_key_env):
        raise UserError(
            "--api-key-env takes the name of an environment variable (such as "
            "OPENAI_API_KEY), not a key"
        )
    if settings.base_url is not None:
        check_base_url(settings.base_url)
    key = (environ.get(settings.api_key_env) or "").strip() or None
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
    return Endpoint(settings, client, log, redact=redactor(key))


def check_base_url(url: str) -> None:
    """UserError unless `url` is an http or https URL with a host.

    `127.0.0.1:9` or `localhost:11434/v1` (no scheme) would not reach the
    server: every call would fail and be retried for minutes. Refused before
    any call, with the URL the user probably meant.
    """
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return
    if "://" in url:
        raise UserError(f"--base-url {url!r}: give an http:// or https:// URL with a host")
    raise UserError(
        f"--base-url {url!r} has no scheme: give the whole URL, such as "
        f"http://{url.strip().lstrip('/')}"
    )


def _is_html(response: httpx2.Response) -> bool:
    """An HTML page: what a web server answers where no API is (an API answers JSON)."""
    return "html" in response.headers.get("content-type", "").lower()


def redactor(key: str | None) -> Callable[[str], str]:
    """What keeps `key` out of a text: as it is, escaped as JSON or Python escape it
    (`\\u0073k-…`, any mix, backslashes doubled too), and any bearer token."""
    if not key or len(key) < MIN_SECRET:  # `x` for a local server: nothing to hide
        return lambda text: text
    escaped = re.compile("".join(_either_form(ch) for ch in key))
    # An escaped key holds an escape of one of its characters: a text with none (most
    # replies) is spared the slower pattern.
    hints = {f"{prefix}{ord(ch):0{width}x}" for ch in key for prefix, width in (("u", 4), ("x", 2))}
    # A token as RFC 6750 spells one, eight characters or more: not "Bearer token".
    bearer = re.compile(r"Bearer\s+(?!\[API key\])[A-Za-z0-9._~+/-]{8,}=*")

    def redact(text: str) -> str:
        text = text.replace(key, "[API key]")
        if "\\" in text:
            lowered = text.lower()
            if any(hint in lowered for hint in hints):
                text = escaped.sub("[API key]", text)
        return bearer.sub("Bearer [API key]", text)

    return redact


def _either_form(ch: str) -> str:
    """A pattern for `ch` as it is or escaped (`\\u0073`, `\\x73`), hex digits in either case."""
    forms = [re.escape(ch)]
    for prefix, width in (("u", 4), ("x", 2)):
        if ord(ch) < 16**width:
            digits = "".join(
                f"[{d.lower()}{d.upper()}]" if d.isalpha() else d for d in f"{ord(ch):0{width}x}"
            )
            forms.append(rf"\\+{prefix}{digits}")
    return f"(?:{'|'.join(forms)})"
