"""What the LLM backend's conversation with a model goes through: a `Transport`.

The conversation (`llm.py`: ask, check, send the reasons back, ask about
parts) is the same however its requests travel. Over HTTP, one at a time, the
transport is the live endpoint (`endpoint.py`). In a batch, it is the log of
calls (`replay.py`): a request answered before is answered from there, and
one that is not raises `Pending`, so the conversation stops where it must
wait, and is replayed from the start once the batch has brought the answer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

    from extractor.extract.endpoint import CallLog, Settings, Usage


class Transport(Protocol):
    """How the conversation sends a request and gets a chat completion back."""

    @property
    def settings(self) -> Settings: ...

    @property
    def usage(self) -> Usage: ...

    log: CallLog

    def redact(self, text: str) -> str: ...

    async def complete(
        self, request: dict[str, Any], *, splittable: bool = False
    ) -> tuple[ChatCompletion, str]:
        """A chat completion for `request` and the request's key in the log."""
        ...

    async def aclose(self) -> None: ...


class Pending(Exception):
    """The conversation needs answers not yet in the log: these requests, by key.

    Never a failure: the article waits for them (in a batch) and is asked
    again, from the start, once they are answered.
    """

    def __init__(self, requests: dict[str, dict[str, Any]]) -> None:
        super().__init__(f"{len(requests)} request(s) waiting for an answer")
        self.requests = requests

    @classmethod
    def merged(cls, pending: Iterable[Pending]) -> Pending:
        requests: dict[str, dict[str, Any]] = {}
        for one in pending:
            requests.update(one.requests)
        return cls(requests)


def request_key(where: str, request: dict[str, Any]) -> tuple[str, str]:
    """The request as sent (canonical JSON) and its key in the log: a sha256 of the
    endpoint and the request, so the same model name on two servers is two models.

    >>> request_key("https://api.openai.com:/v1", {"model": "m"})[0]
    '{"model": "m"}'
    """
    sent = json.dumps(request, ensure_ascii=False, sort_keys=True, default=str)
    return sent, hashlib.sha256(f"{where}\n{sent}".encode()).hexdigest()
