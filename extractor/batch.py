"""Runs with a model through batches: the endpoint's Batch API, or files for an engine
of one's own.

The stages and the loop are `stages.py`'s; these are the ways. An article's
conversation with the model is replayed from the log of calls (`replay.py`):
what it still needs goes into the next batch (the `Outbox`), which is split to
stay within the endpoint's limits on requests and bytes per batch. Then, on
each pass, every batch still at the endpoint is looked at; one that has ended
is collected (its answers logged, its articles replayed: stored, or on to a
follow-up round) and the follow-ups go out in a new batch. Without `--wait`,
one pass; with it, passes until nothing is left waiting.

- `BatchWay` with a `BatchAPI`: `extractor run --batch`.
- `BatchWay` without: `extractor batch export` (the requests go to a file).
- `ImportWay` (`batchfile.py`): `extractor batch import`, a results file read back.

What the three share (an article replayed, results logged) is `replaying.py`;
the batch being written, `outbox.py`.

Every step is noted in `batches` before the next is taken, so a run stopped
at any point is picked up by the next: a batch being written is dropped and
written again, one uploaded is looked for at the endpoint before it is
created again, one created is collected when it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path

from extractor.batches import ENDED, EXPORTED, PREPARING, UPLOADED, BatchLog, BatchRow
from extractor.extract.batchapi import BatchAPI, BatchGone, BatchState
from extractor.extract.endpoint import Settings, open_endpoint, where
from extractor.extract.replay import ReplayEndpoint
from extractor.extract.transport import Pending
from extractor.outbox import BatchPlan, Destination, Outbox
from extractor.pipeline import PreparedPage
from extractor.pipeline_llm import read_pages
from extractor.replaying import Replaying
from extractor.stages import Run, Work
from extractor.store import Store, now

__all__ = ["FILE_ENDPOINT", "BatchPlan", "BatchWay", "open_batch_way", "open_export_way"]

#: The endpoint that requests written to a file are keyed under: an engine of one's own.
FILE_ENDPOINT = "file"


class BatchWay(Replaying):
    """Requests in batches: sent to the endpoint's Batch API (`api`), or written to
    the file `out` for an engine of one's own."""

    def __init__(
        self,
        store: Store,
        replay: ReplayEndpoint,
        plan: BatchPlan,
        *,
        api: BatchAPI | None = None,
        out: Path | None = None,
        redact: Callable[[str], str] = str,
    ) -> None:
        super().__init__(store, replay, redact)
        if (api is None) == (out is None):
            raise ValueError("a batch way sends to an endpoint or writes to a file, not both")
        self.plan = plan
        self.api = api
        self.out = out
        self.kind = "api" if api is not None else "file"
        #: Batches still at the endpoint (rows of `batches`), with their last status.
        self.live: dict[int, BatchState | None] = {}
        #: Requests of batches that ended unanswered: asked again by the next run.
        self.deferred: set[str] = set()
        self.deferred_articles: set[int] = set()
        #: The batches this run sent (or wrote).
        self.sent: list[int] = []

    @contextlib.asynccontextmanager
    async def session(self, run: Run) -> AsyncIterator[None]:
        self.run = run
        folder = Path(tempfile.mkdtemp(prefix="extractor-batch-"))
        destination = Destination(
            run.summary.run_id,
            self.extractor,
            self.kind,
            self.replay.where,
            self.replay.settings,
            folder if self.out is None else self.out,
        )
        # An export is one file, however long; a batch, within the endpoint's limits.
        plan = self.plan if self.api is not None else BatchPlan(max_requests=0, max_bytes=0)
        self.outbox = Outbox(self.batches, destination, plan, live=self.live, send=self.send)
        try:
            for row in self._rows(PREPARING):
                self.batches.drop(row.id)
            if self.out is not None:
                self.out.write_text("", encoding="utf-8")  # nothing to ask: an empty file
            if self.api is not None:
                await self._resume(run)
            yield
        finally:
            self.outbox.close()
            shutil.rmtree(folder, ignore_errors=True)
            await self.replay.aclose()
            if self.api is not None:
                await self.api.aclose()

    def pages(self, run: Run, paths: list[str]) -> AsyncIterator[PreparedPage]:
        return read_pages(paths)

    async def extract(self, run: Run, work: Work) -> None:
        await self.replay_article(run, work, self._wait_for)

    async def finish(self, run: Run) -> None:
        await self.outbox.send()
        if self.api is not None:
            await self._collect_ended(run, self.api)
            waiting = self.batches.waiting_articles(self.live, self.extractor)
            sent = [self.batches.batch(batch) for batch in self.sent]
            if sent:
                requests = _requests(sum(row.requests for row in sent))
                run.summary.notes.append(f"sent in this run: {requests} in {len(sent)} batch(es)")
            for batch, state in self.live.items():
                row = self.batches.batch(batch)
                where = _state_line(row, state) if state else f"batch {batch} ({row.batch_id})"
                run.summary.notes.append(f"at the endpoint: {where}")
        else:
            waiting = self.batches.waiting_articles(self.sent, self.extractor)
        run.summary.articles_waiting = waiting + len(self.deferred_articles)

    def close(self, run: Run) -> None:
        pass

    # --- going out ------------------------------------------------------------------

    async def _wait_for(self, work: Work, pending: Pending) -> None:
        if not self.deferred.isdisjoint(pending.requests):
            self.deferred_articles.add(work.article_id)  # its batch ended unanswered
            return
        await self.outbox.add(work.article_id, pending)

    async def send(self, batch: int, path: Path) -> None:
        """Hand a written batch to the endpoint (or leave it in the file, for export)."""
        self.sent.append(batch)
        if self.api is None:
            self.batches.update(batch, status=EXPORTED, input_file_id=str(path))
            return
        try:
            file_id = await self.api.upload(path)
        finally:
            path.unlink(missing_ok=True)
        self.batches.update(batch, status=UPLOADED, input_file_id=file_id)
        state = await self.api.create(file_id, label=f"batches.id {batch}")
        self._created(batch, state)
        row = self.batches.batch(batch)
        self.run.tell(
            f"batch {batch} ({state.id}) sent: {_requests(row.requests)}, round {row.round}"
        )

    def _created(self, batch: int, state: BatchState) -> None:
        self.batches.update(batch, batch_id=state.id, status=state.status, created_at=now())
        self.live[batch] = state

    async def _resume(self, run: Run) -> None:
        """Batches an earlier run left: uploaded ones are created (unless the endpoint
        has them already); those not collected (live, or ended while a run was
        collecting them) are looked at on this run's first pass."""
        assert self.api is not None
        for row in self._rows(UPLOADED):
            assert row.input_file_id is not None
            state = await self.api.find(row.input_file_id)
            if state is None:
                state = await self.api.create(row.input_file_id, label=f"batches.id {row.id}")
            self._created(row.id, state)
        for row in self.batches.uncollected(endpoint=self.replay.where, extractor=self.extractor):
            self.live[row.id] = None

    def _rows(self, *statuses: str) -> list[BatchRow]:
        return self.batches.batches(
            kind=self.kind, endpoint=self.replay.where, extractor=self.extractor, statuses=statuses
        )

    # --- coming back ----------------------------------------------------------------

    async def _collect_ended(self, run: Run, api: BatchAPI) -> None:
        """Look at every batch at the endpoint; collect those that have ended and send
        what their articles need next. With `wait`, again, until none is left."""
        while True:
            for batch in list(self.live):
                row = self.batches.batch(batch)
                assert row.batch_id is not None
                try:
                    state = await api.retrieve(row.batch_id)
                except BatchGone as gone:
                    self._lost(run, row, str(gone))
                    continue
                if state != self.live[batch]:
                    self.batches.update(
                        batch, status=state.status, completed=state.completed, failed=state.failed
                    )
                    run.tell(_state_line(row, state))
                if state.status in ENDED:
                    del self.live[batch]
                    await self._collect(run, api, row, state)
                else:
                    self.live[batch] = state
            await self.outbox.send()
            if not self.live or not self.plan.wait:
                return
            await asyncio.sleep(self.plan.poll)

    async def _collect(self, run: Run, api: BatchAPI, row: BatchRow, state: BatchState) -> None:
        """Log an ended batch's answers, then replay its articles."""
        failures: dict[str, str] = {}
        never_run: set[str] = set()
        answered = 0
        with tempfile.TemporaryDirectory(prefix="extractor-results-") as folder:
            for file_id in (state.output_file_id, state.error_file_id):
                if not file_id:
                    continue
                path = Path(folder) / "results.jsonl"
                await api.download(file_id, path)
                with path.open(encoding="utf-8", errors="replace") as lines:
                    logged = self.log_results(
                        run, lines, f"batch {state.id} (file {file_id})", lambda key: [row.id]
                    )
                failures.update(logged.failures)
                never_run |= logged.unanswered
                answered += logged.answered
        if state.status == "completed":
            reason = f"no answer for this request in the output of batch {state.id}"
        else:
            why = "; ".join(state.errors)
            reason = f"not answered: batch {state.id} {state.status}" + (f" ({why})" if why else "")
        with self.store.db.atomic():
            left = self.batches.unanswered(row.id, reason)
        if state.status == "completed":
            failures.update(dict.fromkeys(left, reason))
        else:
            never_run.update(left)
        if never_run:
            self.deferred.update(never_run)
            run.summary.errors.append(
                f"batch {state.id} {state.status}: {len(never_run)} of {row.requests} requests "
                "were not run; their articles are sent again by the next run"
            )
        self.batches.update(
            row.id,
            status=state.status,
            output_file_id=state.output_file_id,
            error_file_id=state.error_file_id,
            completed=answered,
            failed=len(failures),
            error="; ".join(state.errors) or None,
            finished_at=now(),
            collected_at=now(),
        )
        await self.replay_articles(run, self.batches.articles(row.id), failures, self._wait_for)

    def _lost(self, run: Run, row: BatchRow, why: str) -> None:
        del self.live[row.id]
        reason = f"not answered: the endpoint no longer knows batch {row.batch_id} ({why})"
        with self.store.db.atomic():
            self.deferred.update(self.batches.unanswered(row.id, reason))
        self.batches.update(row.id, status="failed", error=reason, finished_at=now())
        run.summary.errors.append(f"{reason}; its articles are sent again by the next run")


def _requests(count: int) -> str:
    return f"{count} request" if count == 1 else f"{count} requests"


def _state_line(row: BatchRow, state: BatchState) -> str:
    """`batch 3 (batch_abc): in_progress, 640 of 1000 answered`"""
    counts = f", {state.completed} of {state.total or row.requests} answered"
    failed = f", {state.failed} failed" if state.failed else ""
    return f"batch {row.id} ({state.id}): {state.status}{counts}{failed}"


def open_batch_way(
    store: Store, settings: Settings, plan: BatchPlan, environ: Mapping[str, str] = os.environ
) -> BatchWay:
    """The way of `extractor run --batch`: the endpoint of `settings` (its key read from
    `environ`), its Batch API, and the log to replay conversations from."""
    endpoint = open_endpoint(settings, store, environ)
    replay = ReplayEndpoint(settings, where(str(endpoint.client.base_url)), BatchLog(store), store)
    api = BatchAPI(endpoint.client, settings, endpoint.redact)
    return BatchWay(store, replay, plan, api=api, redact=endpoint.redact)


def open_export_way(store: Store, settings: Settings, out: Path) -> BatchWay:
    """The way of `extractor batch export`: the requests go to `out`, keyed under the
    file endpoint, for an engine of one's own."""
    replay = ReplayEndpoint(settings, FILE_ENDPOINT, BatchLog(store), store)
    return BatchWay(store, replay, BatchPlan(), out=out)
