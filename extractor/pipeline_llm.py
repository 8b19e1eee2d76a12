"""One run with a model: pages in, a summary out, calls concurrent, one writer.

The LLM backend spends its time waiting on the endpoint, so one event loop
keeps `--concurrency` calls in flight while pages are read in a thread and a
writer thread (`writer.py`) stores each article as it is done. The loop and
its bookkeeping are `stages.py`'s, shared with every way of running; this is
the way of concurrent calls (`ConcurrentWay`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING

from extractor.errors import ArticleFailed, EndpointRefused, unexpected
from extractor.extract.transport import Pending
from extractor.pagemeta import PageMeta
from extractor.pipeline import PreparedPage, prepare_page
from extractor.sources import expand_paths
from extractor.stages import Outcome, Progress, Run, RunSummary, Unit, Work, execute
from extractor.store import Extractor, Store
from extractor.writer import QueuedCallLog, StoreWriter, WriterSink

if TYPE_CHECKING:  # the LLM stack takes a second to import; the rules backend needs none of it
    from extractor.extract.llm import LLMBackend


def run(
    paths: list[str],
    store: Store,
    backend: LLMBackend,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    prices: tuple[float, float] | None = None,
    page_meta: Mapping[str, PageMeta] | None = None,
) -> RunSummary:
    """Extract every page under `paths` with a model, calls in flight up to the concurrency.

    Pages are read and segmented as the calls go; each article is stored (one
    transaction) as soon as its records are checked. An article that fails is
    recorded as failed and the run goes on. When the endpoint refuses every call
    (bad key, unknown model, endpoint down) the run stops at once: the summary's
    `stopped_by` says why, and what was stored stays stored. With `prices` (per
    million prompt and completion tokens), the run's cost is stored too.
    """
    if store.path is None:
        raise ValueError("run_llm needs a store opened from a file (Store.open)")
    way = ConcurrentWay(store, backend)
    return execute(paths, store, way, on_progress, prices, page_meta)


def llm_extractor(backend: LLMBackend) -> Extractor:
    """What a model's records are known by: the model and the prompts' version."""
    return Extractor(
        backend="llm", model=backend.settings.model, prompt_version=backend.prompt_version
    )


async def extract_with(backend: LLMBackend, work: Work, run_id: int) -> Outcome:
    """An article's checked records from the model, or the reason it failed.

    A refusal of the endpoint is raised: it stops the run. So is `Pending` (in a
    batch, the article waits for answers).
    """
    try:
        return await backend.extract(work.article, work.article_id, run_id)
    except (EndpointRefused, Pending):
        raise
    except ArticleFailed as error:
        return str(error)
    except Exception as error:  # one article's failure must not stop the run
        return unexpected(error, backend.redact)


async def read_pages(paths: list[str]) -> AsyncIterator[PreparedPage]:
    """The pages under `paths`, each read and segmented in a thread: a huge page
    must not hold up the replies of calls in flight."""
    for target in expand_paths(paths):
        yield await asyncio.to_thread(prepare_page, target)


class ConcurrentWay:
    """Calls in flight up to the concurrency, each article stored by the writer thread
    as soon as its records are checked."""

    unit: Unit = "articles"

    def __init__(self, store: Store, backend: LLMBackend) -> None:
        assert store.path is not None
        self.store = store
        self.backend = backend
        self.extractor = llm_extractor(backend)
        self.usage = backend.usage
        self.workers = 2 * backend.settings.concurrency
        self.writer: StoreWriter | None = None

    @contextlib.asynccontextmanager
    async def session(self, run: Run) -> AsyncIterator[None]:
        assert self.store.path is not None
        self.writer = StoreWriter(self.store.path, index_search=self.store.index_search)
        # The endpoint logs its calls through the writer too; it reads the cache here.
        self.backend.endpoint.log = QueuedCallLog(self.store, self.writer)
        self.sink = WriterSink(self.writer, asyncio.get_running_loop())
        self.queue: asyncio.Queue[Work | None] = asyncio.Queue(maxsize=self.workers)
        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(self.workers):
                    group.create_task(self._extract_articles(run))
                yield
        finally:
            await self.backend.aclose()
            # Every write done and counted before the loop ends: the counts go to `runs`.
            await asyncio.to_thread(self.writer.close)
            await asyncio.sleep(0)

    def pages(self, run: Run, paths: list[str]) -> AsyncIterator[PreparedPage]:
        return read_pages(paths)

    async def extract(self, run: Run, work: Work) -> None:
        await self.queue.put(work)

    async def finish(self, run: Run) -> None:
        for _ in range(self.workers):
            await self.queue.put(None)

    def close(self, run: Run) -> None:
        if self.writer is not None:
            self.writer.close()  # at once if the loop closed it; else (Ctrl-C) let it finish
            run.summary.errors.extend(self.writer.errors)

    async def _extract_articles(self, run: Run) -> None:
        while (work := await self.queue.get()) is not None:
            run.save(work, await extract_with(self.backend, work, run.summary.run_id))
