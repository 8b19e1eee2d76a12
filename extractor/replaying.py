"""What the ways of running through batches share: an article's conversation replayed
from the log of calls, its outcome stored, and results read into the log.

The conversation is `llm.py`'s; the transport it goes through is the log
(`replay.py`). An article whose conversation needs answers not yet in the log
is handed on (`Pending`): to the next batch, or counted as waiting for the
next round. Results (an endpoint's output and error files, or an engine's
results file) are logged as the answers to the requests they name, in one
transaction, before any article is replayed on them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from typing import IO

from extractor.extract.batchapi import BadLine, read_results
from extractor.extract.llm import LLMBackend
from extractor.extract.replay import ReplayEndpoint
from extractor.extract.transport import Pending
from extractor.pipeline_llm import extract_with, llm_extractor
from extractor.stages import DirectSink, Run, Unit, Work
from extractor.store import Store
from extractor.writer import SEARCH_EVERY


@dataclass
class Logged:
    """What reading a results file did: requests answered, those that failed (by key,
    with why), those never run, and the batches they were in."""

    answered: int = 0
    failures: dict[str, str] = field(default_factory=dict)
    #: Requests the batch never ran (it expired, or was cancelled first): asked again.
    unanswered: set[str] = field(default_factory=set)
    batches: set[int] = field(default_factory=set)


class Replaying:
    """What the batch ways share: an article replayed from the log, and its outcome
    stored; results read into the log."""

    unit: Unit = "articles"

    def __init__(
        self, store: Store, replay: ReplayEndpoint, redact: Callable[[str], str] = str
    ) -> None:
        self.store = store
        self.replay = replay
        self.batches = replay.batches
        self.backend = LLMBackend(replay)
        self.extractor = llm_extractor(self.backend)
        self.usage = replay.usage
        self.sink = DirectSink(store, SEARCH_EVERY)
        #: What keeps the API key out of results read (an endpoint may echo it).
        self.redact = redact

    async def replay_article(
        self, run: Run, work: Work, on_pending: Callable[[Work, Pending], Awaitable[None]]
    ) -> None:
        """Replay the article's conversation: its outcome is stored, or what it still
        needs goes to `on_pending`."""
        self.replay.served_unreadable.clear()
        try:
            outcome = await extract_with(self.backend, work, run.summary.run_id)
        except Pending as pending:
            await on_pending(work, pending)
            return
        if isinstance(outcome, str):
            self.batches.ask_afresh(self.replay.served_unreadable)
        run.save(work, outcome)

    async def replay_articles(
        self,
        run: Run,
        articles: Collection[int],
        failures: dict[str, str],
        on_pending: Callable[[Work, Pending], Awaitable[None]],
    ) -> None:
        """Replay the articles that waited on answers just logged; `failures` are the
        requests that failed, by key, with why."""
        self.replay.failures, self.replay.count_cached = failures, False
        try:
            for article_id in articles:
                if self.store.is_extracted(article_id, self.extractor):
                    continue  # done in an earlier round, or by another article's batch
                path = self.batches.page_path(article_id)
                work = Work(path, article_id, self.batches.article(article_id))
                await self.replay_article(run, work, on_pending)
        finally:
            self.replay.failures, self.replay.count_cached = {}, True

    def log_results(
        self, run: Run, lines: IO[str], where_from: str, batches_of: Callable[[str], list[int]]
    ) -> Logged:
        """Log the results in `lines` as the answers to their requests, in one
        transaction. `batches_of(key)` names the batches a request waits in."""
        logged = Logged()
        unknown = 0
        with self.store.db.atomic():
            for result in read_results(lines, self.redact):
                if isinstance(result, BadLine):
                    run.summary.errors.append(
                        f"{where_from}, line {result.number}: {result.reason}"
                    )
                    continue
                rows = 0
                for batch in batches_of(result.key):
                    rows += self.batches.answer(
                        batch,
                        result.key,
                        response=result.body,
                        status_code=result.status,
                        error=result.error,
                        prompt_tokens=result.prompt_tokens,
                        completion_tokens=result.completion_tokens,
                    )
                    logged.batches.add(batch)
                if rows == 0:
                    unknown += 1
                elif result.unanswered:
                    logged.unanswered.add(result.key)
                elif result.error is not None:
                    logged.failures[result.key] = result.error
                    self.usage.failed_calls += 1
                else:
                    logged.answered += 1
                    self.usage.calls += 1
                    self.usage.prompt_tokens += result.prompt_tokens or 0
                    self.usage.completion_tokens += result.completion_tokens or 0
        if unknown:
            run.summary.errors.append(
                f"{where_from}: {unknown} result(s) for no request waiting in this database "
                "(answered already, or from another database): skipped"
            )
        return logged
