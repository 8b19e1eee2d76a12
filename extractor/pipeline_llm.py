"""One run with a model: pages in, a summary out, calls concurrent, one writer.

The LLM backend spends its time waiting on the endpoint, so one event loop
keeps `--concurrency` calls in flight while pages are read in a thread and a
writer thread (`writer.py`) stores each article as it is done. The stages and
the summary are `pipeline`'s, shared with the offline run.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sys
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from typing import TYPE_CHECKING

from extractor.errors import ArticleFailed, EndpointRefused, unexpected
from extractor.models import Article, CheckResult
from extractor.pagemeta import PageMeta
from extractor.pipeline import Progress, RunSummary, index_search, prepare_page, write_outcome
from extractor.sources import expand_paths
from extractor.store import Extractor, Store
from extractor.writer import QueuedCallLog, StoreWriter

if TYPE_CHECKING:  # the LLM stack takes a second to import; the rules backend needs none of it
    from extractor.extract.llm import LLMBackend


def run(
    paths: list[str],
    store: Store,
    backend: LLMBackend,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    page_meta: Mapping[str, PageMeta] | None = None,
) -> RunSummary:
    """Extract every page under `paths` with a model, calls in flight up to the concurrency.

    `page_meta` gives pages their paper, date, … as in `pipeline.run`.

    Pages are read and segmented as the calls go; each article is stored (one
    transaction) as soon as its records are checked. An article that fails is
    recorded as failed and the run goes on. When the endpoint refuses every call
    (bad key, unknown model, endpoint down) the run stops at once: the summary's
    `stopped_by` says why, and what was stored stays stored.
    """
    extractor = Extractor(
        backend="llm", model=backend.settings.model, prompt_version=backend.prompt_version
    )
    started = time.perf_counter()
    summary = RunSummary(run_id=store.start_run(extractor), extractor=extractor)
    status = "interrupted"
    if store.path is None:
        raise ValueError("run_llm needs a store opened from a file (Store.open)")
    writer = StoreWriter(store.path, index_search=store.index_search)
    # The endpoint logs its calls through the writer too; it reads the cache here.
    backend.endpoint.log = QueuedCallLog(store, writer)
    try:
        try:
            asyncio.run(
                _extract_concurrently(
                    paths, store, writer, backend, summary, on_progress, page_meta or {}
                )
            )
        finally:
            writer.close()  # at once if the loop closed it; else (Ctrl-C) let it finish
            summary.errors.extend(writer.errors)
        status = "finished"
    except* EndpointRefused as group:
        status = "stopped"
        summary.stopped_by = str(group.exceptions[0])
        summary.errors.append(summary.stopped_by)
    except* Exception:
        status = "failed"
        raise
    finally:
        index_search(store, summary)
        summary.seconds = time.perf_counter() - started
        summary.calls = backend.usage.calls + backend.usage.failed_calls
        summary.cached_calls = backend.usage.cached
        summary.prompt_tokens = backend.usage.prompt_tokens
        summary.completion_tokens = backend.usage.completion_tokens
        store.finish_run(summary.run_id, status, summary.counts(), summary.errors)
    return summary


async def _extract_concurrently(
    paths: list[str],
    store: Store,
    writer: StoreWriter,
    backend: LLMBackend,
    summary: RunSummary,
    on_progress: Callable[[Progress], None] | None,
    page_meta: Mapping[str, PageMeta],
) -> None:
    extractor = summary.extractor
    assert extractor is not None
    workers = 2 * backend.settings.concurrency
    queue: asyncio.Queue[tuple[str, int, int, Article] | None] = asyncio.Queue(maxsize=workers)
    known = 0
    queued: set[int] = set()
    # Articles finish in any order; their errors are listed in input order at the end.
    place_of: dict[str, tuple[int, int]] = {}

    def report(path: str, error: str | None = None) -> None:
        if on_progress:
            usage = backend.usage
            on_progress(
                Progress(
                    path,
                    summary.articles,
                    known,
                    error,
                    calls=usage.calls + usage.failed_calls,
                    cached_calls=usage.cached,
                )
            )

    async def read_pages() -> None:
        nonlocal known
        for number, target in enumerate(expand_paths(paths)):
            # In a thread: a huge page must not hold up the replies of calls in flight.
            prepared = await asyncio.to_thread(prepare_page, target)
            if prepared.error is not None:
                summary.pages_failed += 1
                summary.errors.append(f"{prepared.path}: {prepared.error}")
                place_of[summary.errors[-1]] = (number, -1)
                report(prepared.path, prepared.error)
                continue
            page = await asyncio.wrap_future(
                writer.submit(
                    functools.partial(
                        Store.add_page,
                        path=prepared.path,
                        sha256=prepared.sha256,
                        chars=prepared.chars,
                        encoding=prepared.encoding,
                        articles=prepared.articles,
                        meta=page_meta.get(prepared.path),
                    )
                )
            )
            summary.pages += 1
            for article_id, article in page.articles:
                known += 1
                # A page given twice (two files, one text) is extracted once.
                if article_id in queued or (
                    not page.new and store.is_extracted(article_id, extractor)
                ):
                    summary.articles += 1
                    summary.articles_skipped += 1
                    report(prepared.path)
                    continue
                queued.add(article_id)
                await queue.put((prepared.path, number, article_id, article))
            await asyncio.sleep(0)  # let the calls start while pages are read
        for _ in range(workers):
            await queue.put(None)

    async def extract_articles() -> None:
        while (item := await queue.get()) is not None:
            path, number, article_id, article = item
            outcome: CheckResult | str
            try:
                outcome = await backend.extract(article, article_id, summary.run_id)
            except EndpointRefused:
                raise
            except ArticleFailed as error:
                outcome = str(error)
            except Exception as error:  # one article's failure must not stop the run
                outcome = unexpected(error, backend.redact)
            # Written by the writer thread, in order; counted here, in the loop, once
            # written (a write that fails leaves the article failed, and unstored).
            written = writer.submit(
                functools.partial(
                    write_outcome,
                    article_id=article_id,
                    run_id=summary.run_id,
                    extractor=extractor,
                    outcome=outcome,
                )
            )
            written.add_done_callback(
                functools.partial(
                    _in_loop, loop, functools.partial(count, path, number, article, outcome)
                )
            )

    def count(
        path: str, number: int, article: Article, outcome: CheckResult | str, written: Future[None]
    ) -> None:
        error = written.exception()
        failed = len(summary.errors)
        summary.record(path, article, outcome if error is None else f"not stored: {error}")
        if len(summary.errors) > failed:
            place_of[summary.errors[-1]] = (number, article.seq)
        report(path)

    loop = asyncio.get_running_loop()

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(read_pages())
            for _ in range(workers):
                group.create_task(extract_articles())
    finally:
        await backend.aclose()
        # Every write done and counted before the loop ends: the counts go to `runs`.
        await asyncio.to_thread(writer.close)
        await asyncio.sleep(0)
        # Stable: errors with no place in the input (the writer's) stay last, in order.
        summary.errors.sort(key=lambda error: place_of.get(error, (sys.maxsize, 0)))


def _in_loop(
    loop: asyncio.AbstractEventLoop, callback: Callable[[Future[None]], None], done: Future[None]
) -> None:
    """Run `callback(done)` in the event loop's thread (a writer's future completes in its own)."""
    with contextlib.suppress(RuntimeError):  # the loop has closed: the run is over
        loop.call_soon_threadsafe(callback, done)
