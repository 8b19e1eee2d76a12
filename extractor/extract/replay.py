"""The log as a transport: a conversation replayed from the answers it already has.

In a batch, an article's conversation with the model (ask, check, send the
reasons back, re-ask, ask about parts: `llm.py`) is spread over rounds, hours
apart, and over runs. Rather than keep its state, the conversation is replayed
from the start each time an answer comes back: every request it makes is
answered from the log of calls, until one is not there yet, which raises
`Pending` with the requests to send in the next batch. Replayed, the
conversation asks exactly what it asked before (the prompts, the checker and
instructor's re-asks are deterministic), so the answers line up; and a
request answered before is never sent again. For example:

    first replay:  nothing logged            → Pending({k0: the opening request})
    second replay: k0 answered, one record
                   rejected by the checker   → Pending({k1: the follow-up turn})
    third replay:  k0 and k1 answered        → the article's checked records
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openai.types.chat import ChatCompletion

from extractor.batches import BatchLog
from extractor.errors import TOO_LONG, ArticleFailed, TooLong
from extractor.extract.endpoint import CallLog, Settings, Usage
from extractor.extract.replies import UnusableReply, read_completion
from extractor.extract.transport import Pending, request_key


@dataclass
class ReplayEndpoint:
    """A transport that answers from the log and never sends anything."""

    settings: Settings
    #: The endpoint's address as cache keys hold it (`endpoint.where`): a batch sent to
    #: the endpoint shares its cache with calls made one at a time.
    where: str
    batches: BatchLog
    log: CallLog
    usage: Usage = field(default_factory=Usage)
    #: Why requests failed in the batch just collected, by key: the article fails
    #: with the reason (a request too long for the model is asked about in parts).
    failures: dict[str, str] = field(default_factory=dict)
    #: Count answers from the log as cached calls (on the first replay of a run,
    #: not on the replays that follow a batch's answers).
    count_cached: bool = True
    #: Keys of replies served while replaying the current article that could not be
    #: read: asked afresh if the article fails.
    served_unreadable: list[str] = field(default_factory=list)

    def redact(self, text: str) -> str:
        return text  # replies were redacted when they were collected

    async def aclose(self) -> None:
        pass

    async def complete(
        self, request: dict[str, Any], *, splittable: bool = False
    ) -> tuple[ChatCompletion, str]:
        """The answer logged for `request`; Pending if it has none yet."""
        _, key = request_key(self.where, request)
        if (reason := self.failures.get(key)) is not None:
            if reason.startswith(TOO_LONG):
                raise TooLong(reason.removeprefix(TOO_LONG))
            raise ArticleFailed(reason)
        if (answer := self.batches.replay_response(key)) is not None:
            body, unreadable = answer
            try:
                completion = read_completion(body)
            except UnusableReply as error:  # checked when collected; an older log may differ
                raise ArticleFailed(str(error)) from None
            if unreadable:
                self.served_unreadable.append(key)
            if self.count_cached:
                self.usage.cached += 1
            return completion, key
        if splittable and (verdict := self.log.too_long(key)):
            raise TooLong(verdict, remembered=True)
        raise Pending({key: request})
