"""The next batch: the requests articles wait on, written as JSON Lines as they come.

A batch is sent when its file is full (the endpoint's limits on requests and
bytes per batch) or when a pass over the articles is over. A request already
in the batch, or waiting in a batch at the endpoint, is not sent again: the
article is noted as waiting on it. Every request is noted in the database
(`batches.py`) as the file is written, under a batch row `preparing`, so a run
stopped half-way leaves nothing half-sent behind: the next run drops the row
and writes the batch again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extractor.batches import BatchLog, Outgoing
from extractor.extract.batchapi import MAX_BYTES, MAX_REQUESTS, request_line
from extractor.extract.endpoint import Settings
from extractor.extract.transport import Pending, request_key
from extractor.store import Extractor

#: Requests noted in the database at a time while a batch is written.
NOTE_EVERY = 500


@dataclass(frozen=True)
class BatchPlan:
    """How requests go out in batches, and whether the run waits for the answers.

    A limit of 0 is no limit (a file for an engine of one's own).
    """

    wait: bool = False
    #: Seconds between two looks at the batches while waiting.
    poll: float = 60.0
    max_requests: int = MAX_REQUESTS
    max_bytes: int = MAX_BYTES


def conversation_settings(settings: Settings) -> dict[str, Any]:
    """What a replayed conversation depends on besides the model and the prompts."""
    return {
        "mode": settings.mode,
        "max_retries": settings.max_retries,
        "max_chars": settings.max_chars,
    }


def round_of(request: dict[str, Any]) -> int:
    """0 for an article's opening request, then one more for each turn the model has
    had (a follow-up with the checker's reasons, or a re-ask).

    >>> round_of({"messages": [{"role": "system"}, {"role": "user"}]})
    0
    """
    return sum(1 for m in request.get("messages", []) if m.get("role") == "assistant")


@dataclass(frozen=True)
class Destination:
    """Where the batches of a run go, and what they are known by."""

    run_id: int
    extractor: Extractor
    #: `api` (the endpoint's Batch API) or `file` (an engine of one's own).
    kind: str
    #: The endpoint's address as cache keys hold it.
    endpoint: str
    settings: Settings
    #: A folder for the files of batches sent to an endpoint, or the export's file.
    place: Path


class Outbox:
    """The requests of the next batch; `send` hands each full batch on."""

    def __init__(
        self,
        batches: BatchLog,
        destination: Destination,
        plan: BatchPlan,
        *,
        live: Collection[int],
        send: Callable[[int, Path], Awaitable[None]],
    ) -> None:
        self.batches = batches
        self.to = destination
        self.plan = plan
        #: The batches at the endpoint: a request waiting in one is not sent again.
        self.live = live
        self._send = send
        self.batch: int | None = None
        self.path = destination.place
        self.file: IO[str] | None = None
        self.keys: set[str] = set()
        self.requests = self.bytes = self.round = 0
        self.notes: list[Outgoing] = []

    async def add(self, article_id: int, pending: Pending) -> None:
        """Note that the article waits on `pending`'s requests; write those not sent."""
        model = self.to.extractor.model
        for key, request in pending.requests.items():
            if self.batch is not None and key in self.keys:
                self._note(Outgoing(key, article_id))
                continue
            elsewhere = self.batches.waiting_in(key, self.live)
            if elsewhere is not None:
                self.batches.add(elsewhere, self.to.run_id, model, [Outgoing(key, article_id)])
                continue
            sent, _ = request_key(self.to.endpoint, request)
            line = request_line(key, sent)
            size = len(line.encode("utf-8"))
            if self.batch is not None and self._full(size):
                await self.send()
            file = self.file or self._open()
            file.write(line)
            self.keys.add(key)
            self.requests += 1
            self.bytes += size
            self.round = max(self.round, round_of(request))
            self._note(Outgoing(key, article_id, sent, round_of(request)))

    async def send(self) -> None:
        """Send the batch written so far, if any."""
        if self.batch is None or self.file is None:
            return
        self._flush_notes()
        self.file.close()
        batch, path = self.batch, self.path
        self.batches.update(batch, requests=self.requests, bytes=self.bytes, round=self.round)
        self.batch, self.file = None, None
        self.keys, self.requests, self.bytes, self.round = set(), 0, 0, 0
        await self._send(batch, path)

    def close(self) -> None:
        """A batch not sent stays `preparing`, and is dropped by the next run."""
        if self.file is not None:
            self.file.close()

    def _full(self, size: int) -> bool:
        plan = self.plan
        return bool(
            (plan.max_requests and self.requests + 1 > plan.max_requests)
            or (plan.max_bytes and self.bytes + size > plan.max_bytes)
        )

    def _open(self) -> IO[str]:
        self.batch = self.batches.open(
            self.to.run_id,
            self.to.extractor,
            kind=self.to.kind,
            endpoint=self.to.endpoint,
            settings=conversation_settings(self.to.settings),
        )
        if self.to.kind == "api":
            self.path = self.to.place / f"batch-{self.batch}.jsonl"
        self.file = self.path.open("w", encoding="utf-8")
        return self.file

    def _note(self, outgoing: Outgoing) -> None:
        self.notes.append(outgoing)
        if len(self.notes) >= NOTE_EVERY:
            self._flush_notes()

    def _flush_notes(self) -> None:
        if self.batch is not None and self.notes:
            self.batches.add(self.batch, self.to.run_id, self.to.extractor.model, self.notes)
        self.notes = []
