"""`extractor batch import`: the results of an engine of one's own, read back.

`extractor batch export` writes the requests the articles' conversations need
now, each keyed by its `custom_id` (the request's key in the log of calls); an
engine such as vLLM's `run-batch` answers them in a file of the same JSON
Lines. Import logs each answer where its request waits, replays the articles
that waited on them (`batch.py`): each is checked and stored, exactly as if
the answers had come over HTTP, or needs another round (records the checker
refused go back to the model), which the next export writes.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

from extractor.batches import EXPORTED, IMPORTED, BatchLog, BatchRow
from extractor.errors import UserError
from extractor.extract.endpoint import Settings
from extractor.extract.replay import ReplayEndpoint
from extractor.extract.transport import Pending
from extractor.pipeline import PreparedPage
from extractor.replaying import Replaying
from extractor.stages import Run, Work
from extractor.store import Store, now


class ImportWay(Replaying):
    """The articles of a results file: their answers logged, their conversations replayed."""

    def __init__(self, store: Store, results: Path) -> None:
        batches = BatchLog(store)
        export = _export_answered(results, batches)
        settings = Settings(
            model=export.model,
            mode=export.settings.get("mode", "tools"),
            max_retries=export.settings.get("max_retries", 2),
            max_chars=export.settings.get("max_chars"),
        )
        super().__init__(store, ReplayEndpoint(settings, export.endpoint, batches, store))
        if self.extractor.prompt_version != export.prompt_version:
            raise UserError(
                f"the prompts changed since these requests were exported ({export.prompt_version} "
                f"then, {self.extractor.prompt_version} now): export the articles again"
            )
        self.results = results
        #: Articles whose conversation needs a request no file holds yet: the next export's.
        self.next_round: set[int] = set()
        #: Articles still waiting on requests of an export whose results are not in yet.
        self.unanswered: set[int] = set()

    @contextlib.asynccontextmanager
    async def session(self, run: Run) -> AsyncIterator[None]:
        yield

    async def pages(self, run: Run, paths: list[str]) -> AsyncIterator[PreparedPage]:
        return
        yield  # an async generator of no pages: the articles come from the results

    async def extract(self, run: Run, work: Work) -> None:
        raise AssertionError("an import reads no pages")

    async def finish(self, run: Run) -> None:
        with self.results.open(encoding="utf-8", errors="replace") as lines:
            logged = self.log_results(run, lines, str(self.results), self.batches.exported_with)
        articles: set[int] = set()
        for batch in sorted(logged.batches):
            articles.update(self.batches.articles(batch))
            if next(self.batches.waiting_keys(batch), None) is None:
                self.batches.update(batch, status=IMPORTED, collected_at=now(), finished_at=now())
        run.total = len(articles)
        await self.replay_articles(run, sorted(articles), logged.failures, self._wait_for)
        run.summary.articles_waiting = len(self.next_round | self.unanswered)

    def close(self, run: Run) -> None:
        pass

    async def _wait_for(self, work: Work, pending: Pending) -> None:
        if any(self.batches.exported_with(key) for key in pending.requests):
            self.unanswered.add(work.article_id)
        else:
            self.next_round.add(work.article_id)


def _export_answered(results: Path, batches: BatchLog) -> BatchRow:
    """The export whose requests `results` answers; UserError if none, or several made
    with different models or settings (import them one by one)."""
    try:
        lines = results.open(encoding="utf-8", errors="replace")
    except OSError as error:
        raise UserError(f"{results}: cannot read: {error.strerror or error}") from None
    found: dict[int, BatchRow] = {}
    with lines:
        for line in lines:
            try:
                key = json.loads(line).get("custom_id") if line.strip() else None
            except (ValueError, AttributeError):
                continue  # reported line by line when the results are read
            for batch in batches.exported_with(key) if isinstance(key, str) else []:
                if batch not in found:
                    found[batch] = batches.batch(batch)
    if not found:
        raise UserError(
            f"{results}: no result answers a request waiting in this database (imported "
            "already, or exported from another database)"
        )
    kinds = {
        (r.model, r.prompt_version, r.endpoint, json.dumps(r.settings)) for r in found.values()
    }
    if len(kinds) > 1:
        raise UserError(
            f"{results}: the results answer exports made with different models or settings; "
            "import the results of each export on its own"
        )
    assert all(row.status in (EXPORTED, IMPORTED) for row in found.values())
    return next(iter(found.values()))
