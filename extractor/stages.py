"""The stages every way of running shares, and the one loop that drives them.

```
page file ──read, segment──▶ articles ──request──▶ records ──check──▶ outcome ──store──▶ SQLite
```

`drive` is that loop, written once: pages are read and segmented, each page is
stored with its articles, every article this extractor has not yet extracted
goes to the extraction, and each outcome (the checked records, or the reason
the article failed) is stored in one transaction and counted. `execute` wraps
a drive in the run's row: started, then finished with a status and its counts.

What differs between the ways of running is a `Way`, a strategy for three
things: where pages are read (inline, in worker processes, in a thread), how
an article becomes an outcome (the rules at once; a model, calls in flight;
requests in batches, answered hours later; a results file) and where writes
go (the store itself, or a writer thread, a `Sink`). The rules run is in
`pipeline.py`, the concurrent calls in `pipeline_llm.py`, batches and files in
`batch.py`.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from extractor.errors import EndpointRefused
from extractor.models import Article
from extractor.pagemeta import PageMeta
from extractor.store import Extractor, Store, StoredPage
from extractor.summary import RECORD_TYPES, Outcome, Progress, RunSummary

__all__ = [
    "RECORD_TYPES",
    "DirectSink",
    "Outcome",
    "Progress",
    "Run",
    "RunSummary",
    "Sink",
    "Unit",
    "Way",
    "Work",
    "drive",
    "execute",
    "index_search",
    "write_outcome",
]

if TYPE_CHECKING:  # the LLM stack takes a second to import; the rules backend needs none of it
    from extractor.extract.endpoint import Usage
    from extractor.pipeline import PreparedPage

#: What a run's progress counts: pages (all known at the start) or articles (known
#: as pages are read).
Unit = Literal["pages", "articles"]


@dataclass(frozen=True)
class Work:
    """One article to extract: the file it came from, its row, and its outcome when a
    worker process computed it ahead (the rules in workers).

    `new` says its page was stored by this run: the article has no extraction yet,
    so storing its outcome has nothing to replace.
    """

    path: str
    article_id: int
    article: Article
    outcome: Outcome | None = None
    new: bool = False


def write_outcome(
    store: Store,
    *,
    article_id: int,
    run_id: int,
    extractor: Extractor,
    outcome: Outcome,
    new: bool = False,
) -> None:
    """Store one article's outcome: its records and rejections, or its failure (one transaction).

    `new`: the article was stored by this run and has no extraction to replace.
    """
    if isinstance(outcome, str):
        store.save_extraction(article_id, run_id, extractor, None, error=outcome, new=new)
    else:
        store.save_extraction(article_id, run_id, extractor, outcome, new=new)


class Sink(Protocol):
    """Where a run writes: the store itself, or a writer thread (`writer.py`)."""

    async def add_page(self, prepared: PreparedPage, meta: PageMeta | None) -> StoredPage:
        """Store a page with its articles (and what a manifest says of it)."""
        ...

    def save(
        self,
        work: Work,
        outcome: Outcome,
        run_id: int,
        extractor: Extractor,
        written: Callable[[BaseException | None], None],
    ) -> None:
        """Store `outcome` (one transaction), then call `written` with the error, if any."""
        ...

    def after_page(self) -> None:
        """A page is done: a moment to bring search up to date."""
        ...


class DirectSink:
    """Writes go straight to the store, in the thread that runs the loop."""

    def __init__(self, store: Store, search_every: float) -> None:
        self.store = store
        self.search_every = search_every

    async def add_page(self, prepared: PreparedPage, meta: PageMeta | None) -> StoredPage:
        return self.store.add_page(
            prepared.path,
            prepared.sha256,
            prepared.chars,
            prepared.encoding,
            prepared.articles,
            meta,
        )

    def save(
        self,
        work: Work,
        outcome: Outcome,
        run_id: int,
        extractor: Extractor,
        written: Callable[[BaseException | None], None],
    ) -> None:
        write_outcome(
            self.store,
            article_id=work.article_id,
            run_id=run_id,
            extractor=extractor,
            outcome=outcome,
            new=work.new,
        )
        written(None)

    def after_page(self) -> None:
        self.store.sync_search(every=self.search_every)


class Way(Protocol):
    """A way of running: where pages are read, how articles become outcomes, where
    writes go. `drive` calls it in this order: `session` (around everything),
    `pages`, then for each article to extract `extract`, then `finish`; `execute`
    calls `close` whatever happened."""

    @property
    def extractor(self) -> Extractor: ...

    @property
    def unit(self) -> Unit: ...

    @property
    def usage(self) -> Usage | None:
        """Calls and tokens, for a way that calls a model."""
        ...

    @property
    def sink(self) -> Sink:
        """Where the way writes; valid inside `session`."""
        ...

    def session(self, run: Run) -> AbstractAsyncContextManager[None]:
        """Set up what the way needs (workers, tasks, a writer) and tear it down."""
        ...

    def pages(self, run: Run, paths: list[str]) -> AsyncIterator[PreparedPage]:
        """The pages under `paths`, read and segmented (and, maybe, extracted), in order."""
        ...

    async def extract(self, run: Run, work: Work) -> None:
        """Extract one article; its outcome goes to `run.save`, now or later."""
        ...

    async def finish(self, run: Run) -> None:
        """Every page has been read: see the articles in hand through to their outcomes."""
        ...

    def close(self, run: Run) -> None:
        """After the loop, even an interrupted one: release what is left."""
        ...


class Run:
    """One run's bookkeeping, the same for every way: what is skipped, counted, reported."""

    def __init__(
        self,
        store: Store,
        way: Way,
        summary: RunSummary,
        on_progress: Callable[[Progress], None] | None = None,
        page_meta: Mapping[str, PageMeta] | None = None,
    ) -> None:
        self.store = store
        self.way = way
        self.summary = summary
        self.on_progress = on_progress
        #: What a manifest or name pattern says of each page, by its path as given.
        self.page_meta = page_meta or {}
        #: Articles finish in any order (calls in flight, batches); their errors are
        #: listed in input order: (page's place in the input, article's seq).
        self._place_of: dict[str, tuple[int, int]] = {}
        self._page_number: dict[str, int] = {}
        #: Pages (unit pages) or articles (unit articles) known so far.
        self.total = 0
        self._pages_done = 0
        #: Pages handled in this run: a page given twice (two files, one text) is
        #: extracted once.
        self._pages_seen: set[int] = set()

    @property
    def extractor(self) -> Extractor:
        return self.way.extractor

    def to_extract(self, prepared: PreparedPage, page: StoredPage) -> Iterator[Work]:
        """The articles of a stored page that still need extracting; the others are
        counted as already in the database."""
        self.summary.pages += 1
        again = page.id in self._pages_seen
        self._pages_seen.add(page.id)
        for k, (article_id, article) in enumerate(page.articles):
            if self.way.unit == "articles":
                self.total += 1
            # Counted once done, so an interrupted run counts only what it stored.
            # A page stored just now can have no extraction yet: no need to ask.
            if again or (not page.new and self.store.is_extracted(article_id, self.extractor)):
                self.summary.articles += 1
                self.summary.articles_skipped += 1
                if self.way.unit == "articles":
                    self.report(prepared.path)
                continue
            # A page stored by an earlier run keeps the articles it was cut into then;
            # results computed from this run's segmentation may not line up with them.
            ahead = prepared.outcomes[k] if prepared.outcomes and page.new else None
            yield Work(prepared.path, article_id, article, ahead, new=page.new)

    def number(self, path: str) -> int:
        """The page's place in the input: the order its errors are listed in."""
        return self._page_number.setdefault(path, len(self._page_number))

    def in_input_order(self) -> None:
        """Sort the summary's errors by where their page and article stand in the input;
        errors of no page (the writer's, the endpoint's) stay last, in order."""
        self.summary.errors.sort(key=lambda error: self._place_of.get(error, (sys.maxsize, 0)))

    def page_failed(self, path: str, error: str) -> None:
        self.summary.pages_failed += 1
        self.summary.errors.append(f"{path}: {error}")
        self._place_of[self.summary.errors[-1]] = (self.number(path), -1)
        self._pages_done += 1
        self.report(path, error)

    def page_done(self, path: str) -> None:
        self._pages_done += 1
        self.way.sink.after_page()
        if self.way.unit == "pages":
            self.report(path)

    def save(self, work: Work, outcome: Outcome) -> None:
        """Store an article's outcome through the way's sink; count it once written
        (a write that fails leaves the article failed, and unstored)."""

        def written(error: BaseException | None) -> None:
            failed = len(self.summary.errors)
            self.summary.record(
                work.path, work.article, outcome if error is None else f"not stored: {error}"
            )
            if len(self.summary.errors) > failed:
                place = (self.number(work.path), work.article.seq)
                self._place_of[self.summary.errors[-1]] = place
            if self.way.unit == "articles":
                self.report(work.path)

        self.way.sink.save(work, outcome, self.summary.run_id, self.extractor, written)

    def tell(self, note: str) -> None:
        """Say what a run waiting on batches is waiting for."""
        if self.on_progress is not None:
            self.on_progress(
                Progress(
                    "", self.summary.articles, max(self.total, self.summary.articles), note=note
                )
            )

    def report(self, path: str, error: str | None = None) -> None:
        if self.on_progress is None:
            return
        if self.way.unit == "pages":
            self.on_progress(Progress(path, self._pages_done, self.total, error))
            return
        usage = self.way.usage
        self.on_progress(
            Progress(
                path,
                self.summary.articles,
                self.total,
                error,
                calls=usage.calls + usage.failed_calls if usage else None,
                cached_calls=usage.cached if usage else 0,
            )
        )


async def drive(paths: list[str], run: Run, way: Way) -> None:
    """The loop of every way of running: pages → articles → the way's extraction → store."""
    async with way.session(run):
        async for prepared in way.pages(run, paths):
            if prepared.error is not None:
                run.page_failed(prepared.path, prepared.error)
                continue
            run.number(prepared.path)
            page = await way.sink.add_page(prepared, run.page_meta.get(prepared.path))
            for work in run.to_extract(prepared, page):
                await way.extract(run, work)
            run.page_done(prepared.path)
            await asyncio.sleep(0)  # let calls in flight go on while pages are read
        await way.finish(run)


def execute(
    paths: list[str],
    store: Store,
    way: Way,
    on_progress: Callable[[Progress], None] | None = None,
    prices: tuple[float, float] | None = None,
    page_meta: Mapping[str, PageMeta] | None = None,
) -> RunSummary:
    """One run of `way` over the pages under `paths`, recorded in `runs`.

    Its status: `finished`; `waiting` when articles wait for a batch's answers;
    `interrupted` (Ctrl-C); `stopped` when the endpoint
    refuses the run (the summary's `stopped_by` says why, and what was stored
    stays stored); `failed` by a fault of the tool, which is raised.
    """
    started = time.perf_counter()
    summary = RunSummary(run_id=store.start_run(way.extractor), extractor=way.extractor)
    summary.prices = prices
    run = Run(store, way, summary, on_progress, page_meta)
    status = "interrupted"
    try:
        asyncio.run(drive(paths, run, way))
        status = "waiting" if summary.articles_waiting else "finished"
    except Exception as error:
        refusal = _refusal(error)
        if refusal is None:
            status = "failed"
            raise
        status = "stopped"
        summary.stopped_by = str(refusal)
        summary.errors.append(summary.stopped_by)
    finally:
        way.close(run)
        run.in_input_order()
        index_search(store, summary)
        summary.seconds = time.perf_counter() - started
        if way.usage is not None:
            summary.calls = way.usage.calls + way.usage.failed_calls
            summary.cached_calls = way.usage.cached
            summary.prompt_tokens = way.usage.prompt_tokens
            summary.completion_tokens = way.usage.completion_tokens
        store.finish_run(
            summary.run_id, status, {**summary.counts(), **summary.priced()}, summary.errors
        )
    return summary


def _refusal(error: BaseException) -> EndpointRefused | None:
    """The endpoint's refusal that stopped the run, alone or from a group of tasks."""
    if isinstance(error, EndpointRefused):
        return error
    if isinstance(error, BaseExceptionGroup):
        matched, rest = error.split(EndpointRefused)
        if matched is not None and rest is None:
            return next(_leaves(matched))
    return None


def _leaves(group: BaseExceptionGroup[EndpointRefused]) -> Iterator[EndpointRefused]:
    for error in group.exceptions:
        if isinstance(error, BaseExceptionGroup):
            yield from _leaves(error)
        else:
            yield error


def index_search(store: Store, summary: RunSummary) -> None:
    """Search is a convenience: a run whose indexing fails says so, and keeps its records."""
    try:
        store.sync_search()
    except sqlite3.OperationalError as error:
        summary.errors.append(f"search not brought up to date: {error}")
