"""LLM backend: article → candidate records through any OpenAI-compatible endpoint.

One call per article asks for all three record types (`prompts/`); instructor
shapes the request for the mode, parses the reply into the record models and
words the re-ask when a reply cannot be read. Then the checker decides: the
reasons for the records it rejects go back to the model in one follow-up turn
asking it to correct or drop exactly those, at most `max_retries` rounds.
Records accepted in a round are kept whatever later rounds bring, so one bad
record never costs the good ones; every record rejected in any round is kept
for review. An article longer than the model can take is asked about in
parts, and the parts' records are checked again against the whole (`parts.py`).

Calls go through a transport (`transport.py`): over HTTP, `endpoint.py`
(logged, answered from the log when asked before, retried by the policy in
`retrying.py`); in a batch, the log itself (`replay.py`). A refusal (bad
key, unknown model, no quota, no endpoint) stops the run (`EndpointRefused`);
any other failure fails the article (`ArticleFailed`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import instructor
from instructor.v2 import Provider, mode_registry
from instructor.v2.core.errors import IncompleteOutputException
from openai.types.chat import ChatCompletion

from extractor.check import check_against, identity
from extractor.errors import TOO_LONG, ArticleFailed, TooLong
from extractor.extract.endpoint import (
    CallLog,
    ModeName,
    Owner,
    Settings,
    Usage,
    open_endpoint,
    owner,
)
from extractor.extract.parts import MIN_PART, by_kind, halves, rejoin
from extractor.extract.prompting import Prompts
from extractor.extract.replies import ModelRecords, rejection_identity
from extractor.extract.transport import Pending, Transport
from extractor.models import (
    Article,
    Campaign,
    CheckResult,
    Metric,
    Quote,
    Rejection,
)

BACKEND = "llm"
__all__ = ["CallLog", "LLMBackend", "ModeName", "Settings", "connect"]
MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
#: What a reply that does not parse as records raises: malformed JSON and a schema
#: violation of the whole reply (both ValueErrors), a tool call missing.
_UNREADABLE = (ValueError, KeyError, TypeError, AttributeError, AssertionError, IndexError)
#: Where the article goes in the request shaped once for every article.
_PLACEHOLDER = "\x00article\x00"
#: At most this many rejected records are sent back in one follow-up turn.
MAX_FEEDBACK = 30


# --- the backend -----------------------------------------------------------------


@dataclass
class LLMBackend:
    """Extracts articles with a model; shared by every article of a run (one event loop)."""

    endpoint: Transport
    prompts: Prompts = field(default_factory=lambda: Prompts(ModelRecords))

    def __post_init__(self) -> None:
        self._mode = MODES[self.settings.mode]
        self._handlers = mode_registry.get_handlers(Provider.OPENAI, self._mode)
        self._opening: tuple[Any, dict[str, Any]] | None = None

    @property
    def settings(self) -> Settings:
        return self.endpoint.settings

    @property
    def usage(self) -> Usage:
        return self.endpoint.usage

    def redact(self, text: str) -> str:
        return self.endpoint.redact(text)

    async def aclose(self) -> None:
        await self.endpoint.aclose()

    @property
    def prompt_version(self) -> str:
        """The prompts' version, the mode included: it changes what the model is sent."""
        return f"{self.prompts.version}-{self.settings.mode}"

    async def extract(self, article: Article, article_id: int, run_id: int) -> CheckResult:
        """Checked records of one article; ArticleFailed or EndpointRefused if there are none.

        An article too long for the model is asked about in parts (`parts.py`).
        """
        owner.set(Owner(run_id, article_id))  # a task extracts one article at a time
        return await self._extract_fitting(article)

    async def _extract_fitting(self, article: Article) -> CheckResult:
        """The article whole if the model takes it, else its halves, each halved as needed.

        Every part must succeed: an article with a part missing is failed, never
        stored as if whole.
        """
        limit = self.settings.max_chars
        split = halves(article) if limit is not None and len(article.text) > limit else None
        if split is None:  # short enough, or too long with nowhere to cut: ask
            try:
                # What the log knows to be too long goes to its parts without a call.
                return await self._extract_whole(article, splittable=len(article.text) >= MIN_PART)
            except TooLong as error:
                split = halves(article)
                if split is None and not error.remembered:
                    raise _unsplittable(article, error) from None
            if split is None:  # nowhere to cut after all: ask, rather than fail from memory
                try:
                    return await self._extract_whole(article)
                except TooLong as error:
                    raise _unsplittable(article, error) from None
        return rejoin(article, await self._each_part(split))

    async def _each_part(self, parts: tuple[Article, Article]) -> list[CheckResult]:
        """The parts' results, in order. Parts waiting for answers (in a batch) are
        gathered into one `Pending`, so every part is asked in the same round."""
        results: list[CheckResult] = []
        waiting: list[Pending] = []
        for part in parts:
            try:
                results.append(await self._extract_fitting(part))
            except Pending as pending:
                waiting.append(pending)
        if waiting:
            raise Pending.merged(waiting)
        return results

    async def _extract_whole(self, article: Article, *, splittable: bool = False) -> CheckResult:
        """Checked records of the article (or part) in one conversation with the model.

        Only the first ask can fail the article: once records are accepted, a
        follow-up that fails ends the rounds and what was accepted is kept.
        """
        messages = self.prompts.messages(article)
        records, completion = await self._ask(messages, splittable=splittable)
        result = self._check(article, records, kept=[])
        earlier: dict[tuple[str, str], Rejection] = {}
        for _ in range(self.settings.max_retries):
            if not result.rejected:
                break
            for rejection in result.rejected:
                earlier.setdefault(rejection_identity(rejection), rejection)
            kept = [accepted.record for accepted in result.accepted]
            messages = [*messages, *self._follow_up(completion, result.rejected)]
            try:
                records, completion = await self._ask(messages)
            except ArticleFailed as error:
                # The records accepted so far stand; the rejected stay rejected.
                for rejection in result.rejected:
                    rejection.reasons.append(f"not corrected: the follow-up failed ({error})")
                return result
            result = self._check(article, records, kept=kept)
        # Nothing the model proposed is lost: a record it dropped, or replaced by
        # a corrected one, when shown the reasons stays in the rejections.
        last = {rejection_identity(rejection) for rejection in result.rejected}
        for key, rejection in earlier.items():
            if key not in last:
                rejection.reasons.append(
                    "not returned again when these reasons were sent back "
                    "(dropped, or replaced by a corrected record)"
                )
                result.rejected.append(rejection)
        return result

    def _check(
        self, article: Article, records: ModelRecords, kept: list[Metric | Quote | Campaign]
    ) -> CheckResult:
        """Check the new records together with those kept from earlier rounds.

        A follow-up that returns an accepted record again does not add it twice,
        nor does a reply that repeats a record word for word. (Two records of one
        number with different labels are two claims: the checker gives each its
        own occurrence, or rejects the second.) Nor does one the model spells
        otherwise (`２６２条`), which the checker stores as printed (`262条`).
        """
        accepted = {identity(r) for r in kept}
        both = list(kept)
        for record in records.all():
            if identity(record) not in accepted and record not in both:
                both.append(record)
        result = check_against(article, by_kind(both))
        result.rejected.extend(records.invalid)
        return result

    def _follow_up(self, completion: ChatCompletion, rejected: list[Rejection]) -> list[Any]:
        """The model's reply and the checker's reasons, in the form the mode expects."""
        message = completion.choices[0].message
        reply: dict[str, Any] = {"role": "assistant", "content": message.content}
        if message.tool_calls:
            reply["tool_calls"] = [
                call.model_dump(include={"id", "type", "function"}) for call in message.tool_calls
            ]
        feedback = self.prompts.feedback(rejected[:MAX_FEEDBACK])
        if self._mode is instructor.Mode.TOOLS and message.tool_calls:
            return [
                reply,
                *(
                    {"role": "tool", "tool_call_id": call.id, "content": feedback}
                    for call in message.tool_calls
                ),
            ]
        return [reply, {"role": "user", "content": feedback}]

    async def _ask(
        self, messages: list[Any], *, splittable: bool = False
    ) -> tuple[ModelRecords, ChatCompletion]:
        """A reply that reads as records; one that does not is re-asked, `max_retries` times.

        instructor shapes the request for the mode (tools, JSON, Markdown JSON),
        parses the reply, and words the re-ask with the parse error. A reply
        that could not be read is never answered from the cache again.
        """
        request = self._shape(messages)
        attempts = self.settings.max_retries + 1
        for attempt in range(1, attempts + 1):
            completion, key = await self.endpoint.complete(request, splittable=splittable)
            try:
                records = self._handlers.response_parser(
                    response=completion,
                    response_model=ModelRecords,
                    validation_context=None,
                    strict=False,
                    stream=False,
                    is_async=True,
                )
                return cast(ModelRecords, records), completion
            except IncompleteOutputException:
                reason = "the reply was cut off at the model's output limit"
                self.endpoint.log.mark_unreadable(key, f"{TOO_LONG}{reason}")
                raise TooLong(reason) from None
            except _UNREADABLE as error:
                reason = self.redact(_first_line(str(error)))
                self.endpoint.log.mark_unreadable(key, f"unreadable: {reason}")
                if attempt == attempts:
                    raise ArticleFailed(
                        f"the model's reply could not be read as records after {attempts} "
                        f"attempts: {reason}"
                    ) from None
                try:
                    request = self._handlers.reask_handler(
                        kwargs={**request, "messages": list(request["messages"])},
                        response=completion,
                        exception=error,
                    )
                except _UNREADABLE:  # a reply too odd even to answer: ask afresh
                    request = self._shape(messages)
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


def connect(
    settings: Settings, log: CallLog, environ: Mapping[str, str] = os.environ
) -> LLMBackend:
    """A backend for `settings`: its endpoint (key read from `environ`) and the prompts."""
    return LLMBackend(open_endpoint(settings, log, environ))


def _unsplittable(article: Article, error: TooLong) -> ArticleFailed:
    return ArticleFailed(
        f"too long for the model ({error}), and a passage of {len(article.text)} characters "
        "cannot be split further where a paragraph or sentence ends outside a quotation"
    )


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
