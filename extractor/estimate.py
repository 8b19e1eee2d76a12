"""What a run with a model would send, before anything is sent: `--dry-run`.

Each article's conversation is replayed from the log, as a batch run replays
it (`replay.py`): an article the log answers whole costs nothing; for every
other, the requests it needs now are counted (articles, requests, the
characters of each request as it would be sent) and their tokens estimated.
Nothing is written to the database and nothing reaches the endpoint.

The token counts are estimates, not a tokenizer's: a CJK character counts one
token, any other text one token per four characters (English and JSON run
about that), which is near what tokenizers trained on Chinese count, and
above some. A reply is estimated from what the rules backend finds in the
article, written as the JSON the model answers in. Follow-up rounds (records
the checker refuses, sent back) are not in the estimate: they depend on the
answers.
"""

from __future__ import annotations

import contextlib
import json
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import openai

from extractor.batches import BatchLog
from extractor.extract import rules
from extractor.extract.batchapi import request_line
from extractor.extract.endpoint import Settings, where
from extractor.extract.llm import LLMBackend
from extractor.extract.replay import ReplayEndpoint
from extractor.extract.transport import Pending, request_key
from extractor.models import LLMCall
from extractor.outbox import BatchPlan
from extractor.pagemeta import PageMeta
from extractor.pipeline import PreparedPage
from extractor.pipeline_llm import extract_with, llm_extractor, read_pages
from extractor.stages import Run, Unit, Work
from extractor.store import Store, StoredPage


def estimate_tokens(text: str) -> int:
    """Tokens `text` is likely to cost: a CJK character one, other text four characters one.

    >>> estimate_tokens("产值130亿元")
    5
    """
    cjk = sum(1 for ch in text if ch >= "\u2e80" and unicodedata.east_asian_width(ch) == "W")
    return cjk + -(-(len(text) - cjk) // 4)


@dataclass
class Estimate:
    """What a run would send, and what it would cost."""

    #: Articles that would be sent, and those the log answers whole (stored at no cost).
    articles: int = 0
    answered: int = 0
    requests: int = 0
    prompt_chars: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    #: With --batch: the batch files the requests make, and their bytes.
    batches: int = 0
    bytes: int = 0

    def cost(self, prices: tuple[float, float]) -> float:
        """At `prices` per million tokens (prompt, completion)."""
        return (self.prompt_tokens * prices[0] + self.completion_tokens * prices[1]) / 1e6


class DrySink:
    """Writes nothing: a page already stored is read back, a new one numbered apart."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._new = 0

    async def add_page(self, prepared: PreparedPage, meta: PageMeta | None) -> StoredPage:
        row = self.store.db.execute(
            "select id from pages where sha256 = ?", [prepared.sha256]
        ).fetchone()
        if row is not None:
            return StoredPage(row[0], self.store.articles_of(row[0]), new=False)
        self._new += 1
        base = -self._new * 100_000  # no stored row has a negative id
        return StoredPage(
            base, [(base - k, a) for k, a in enumerate(prepared.articles, 1)], new=True
        )

    def save(self, *args: Any) -> None:
        raise AssertionError("a dry run stores nothing")

    def after_page(self) -> None:
        pass


class ReadOnlyLog:
    """The log of calls, read but never written (a dry run marks no reply unreadable)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def cached_response(self, request_key: str) -> str | None:
        return self.store.cached_response(request_key)

    def too_long(self, request_key: str) -> str | None:
        return self.store.too_long(request_key)

    def log_call(self, call: LLMCall) -> None:
        pass

    def mark_unreadable(self, request_key: str, reason: str) -> None:
        pass


def endpoint_where(settings: Settings) -> str:
    """The endpoint's address as cache keys hold it, without a key or a call."""
    client = openai.OpenAI(api_key="unused", base_url=settings.base_url)
    try:
        return where(str(client.base_url))
    finally:
        client.close()


class DryRunWay:
    """Replays each article from the log and counts what it would need sent."""

    unit: Unit = "articles"
    usage = None

    def __init__(self, store: Store, settings: Settings, plan: BatchPlan | None) -> None:
        replay = ReplayEndpoint(
            settings, endpoint_where(settings), BatchLog(store), ReadOnlyLog(store)
        )
        self.backend = LLMBackend(replay)
        self.extractor = llm_extractor(self.backend)
        self.sink = DrySink(store)
        self.plan = plan
        self.estimate = Estimate()
        self._keys: set[str] = set()
        self._file_requests = self._file_bytes = 0

    @contextlib.asynccontextmanager
    async def session(self, run: Run) -> AsyncIterator[None]:
        yield

    def pages(self, run: Run, paths: list[str]) -> AsyncIterator[PreparedPage]:
        return read_pages(paths)

    async def extract(self, run: Run, work: Work) -> None:
        try:
            await extract_with(self.backend, work, run.summary.run_id)
        except Pending as pending:
            self._count(work, pending)
        else:
            self.estimate.answered += 1

    async def finish(self, run: Run) -> None:
        if self._file_requests:
            self.estimate.batches += 1

    def close(self, run: Run) -> None:
        pass

    def _count(self, work: Work, pending: Pending) -> None:
        estimate = self.estimate
        estimate.articles += 1
        reply = json.dumps(rules.extract(work.article).model_dump(), ensure_ascii=False)
        estimate.completion_tokens += estimate_tokens(reply)
        for key, request in pending.requests.items():
            if key in self._keys:
                continue  # two articles of one text: one request
            self._keys.add(key)
            sent, _ = request_key("", request)
            estimate.requests += 1
            estimate.prompt_chars += len(sent)
            estimate.prompt_tokens += estimate_tokens(sent)
            if self.plan is not None:
                self._place(len(request_line(key, sent).encode("utf-8")))

    def _place(self, size: int) -> None:
        """Count the request into batch files as the outbox would split them."""
        plan = self.plan
        assert plan is not None
        if self._file_requests and (
            self._file_requests + 1 > plan.max_requests or self._file_bytes + size > plan.max_bytes
        ):
            self.estimate.batches += 1
            self._file_requests = self._file_bytes = 0
        self._file_requests += 1
        self._file_bytes += size
        self.estimate.bytes += size
