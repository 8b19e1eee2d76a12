"""One run: pages in, a summary out. Wires segment → extract → check → store.

The stages stay ignorant of each other; this module alone knows the order.
Progress is reported through a callback so the command line can draw a bar
and tests can stay quiet.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import multiprocessing
import multiprocessing.pool
import os
import signal
import sqlite3
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.check import check_article
from extractor.errors import ArticleFailed, EndpointRefused, UserError
from extractor.extract import rules
from extractor.models import Article, ArticleRecords, CheckResult
from extractor.segment import segment_page
from extractor.sources import expand_paths, read_page
from extractor.store import Extractor, Store
from extractor.writer import SEARCH_EVERY, QueuedCallLog, StoreWriter

if TYPE_CHECKING:  # the LLM stack takes a second to import; the rules backend needs none of it
    from extractor.extract.llm import LLMBackend

RECORD_TYPES = ("metric", "quote", "campaign")
ExtractFn = Callable[[Article], ArticleRecords]


@dataclass
class RunSummary:
    """What a run did, for the summary table and the `runs` row."""

    run_id: int = 0
    extractor: Extractor | None = None
    pages: int = 0
    pages_failed: int = 0
    articles: int = 0
    articles_skipped: int = 0
    articles_failed: int = 0
    accepted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    rejected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    #: Why the run stopped before the end (the endpoint refused it), if it did.
    stopped_by: str | None = None

    def counts(self) -> dict[str, int]:
        return {
            "pages": self.pages,
            "pages_failed": self.pages_failed,
            "articles": self.articles,
            "articles_skipped": self.articles_skipped,
            "articles_failed": self.articles_failed,
            "metrics": self.accepted["metric"],
            "quotes": self.accepted["quote"],
            "campaigns": self.accepted["campaign"],
            "rejections": sum(self.rejected.values()),
            "calls": self.calls,
            "cached_calls": self.cached_calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
        }

    def record(self, path: str, article: Article, outcome: CheckResult | str) -> None:
        """Count one stored article: its records, or the error that failed it."""
        self.articles += 1
        if isinstance(outcome, str):
            self.articles_failed += 1
            self.errors.append(f"{path}: article {article.seq}: {outcome}")
            return
        for accepted in outcome.accepted:
            self.accepted[accepted.record_type] += 1
        for rejected in outcome.rejected:
            self.rejected[rejected.record_type] += 1


@dataclass(frozen=True)
class Progress:
    """Reported after each input file (rules) or each article (llm, with its calls).

    `done` and `total` count pages for the rules backend and articles for the
    llm backend, whose total grows as pages are read.
    """

    path: str
    done: int
    total: int
    error: str | None = None
    calls: int | None = None
    cached_calls: int = 0


def rules_extractor() -> Extractor:
    return Extractor(backend=rules.BACKEND, model=rules.BACKEND, prompt_version=rules.RULES_VERSION)


@dataclass
class PreparedPage:
    """A page read, segmented, extracted and checked: everything but storing it.

    `outcomes` is aligned with `articles`: a check result, or the error that
    stopped that article's extraction.
    """

    path: str
    error: str | None = None
    sha256: str = ""
    chars: int = 0
    encoding: str = ""
    articles: list[Article] = field(default_factory=list)
    outcomes: list[CheckResult | str] = field(default_factory=list)


def prepare_page(
    target: tuple[str, UserError | None], extract: ExtractFn | None = None
) -> PreparedPage:
    """Read and segment a page and, given `extract`, extract and check its articles.

    Runs in a worker process when `jobs` > 1. Without `extract`, the writer
    extracts each article itself just before storing it, so an interrupted run
    keeps every article finished and a re-run extracts only what is missing.
    """
    path, problem = target
    if problem is not None:
        return PreparedPage(path, error=str(problem))
    try:
        source = read_page(Path(path))
    except UserError as err:
        return PreparedPage(path, error=str(err))
    articles = segment_page(source.text)
    if not articles:
        return PreparedPage(path, error="no article found on the page")
    outcomes = [extract_article(article, extract) for article in articles] if extract else []
    return PreparedPage(
        path, None, source.sha256, len(source.text), source.encoding, articles, outcomes
    )


def extract_article(article: Article, extract: ExtractFn) -> CheckResult | str:
    """An article's checked records, or the error that stopped its extraction."""
    try:
        return check_article(article.text, extract(article), article.headline)
    except Exception as err:  # one article's failure must not stop the page or the run
        return f"{type(err).__name__}: {err}"


def default_jobs(pages: int) -> int:
    """Worker processes for `pages` pages: one for a few pages, else one per core (at most 4).

    Starting workers costs about a second; it pays off from a few dozen pages.
    """
    if pages < 50:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(4, cores or 1))


def run(
    paths: list[str],
    store: Store,
    *,
    extract: ExtractFn = rules.extract,
    extractor: Extractor | None = None,
    jobs: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Extract every page under `paths` into `store`; bad files are reported and skipped.

    With `jobs` > 1, pages are read, segmented, extracted and checked in that
    many worker processes (`extract` must then be a module-level function);
    this process alone writes, one transaction per article, in input order.
    """
    extractor = extractor or rules_extractor()
    started = time.perf_counter()
    targets = list(expand_paths(paths))
    jobs = default_jobs(len(targets)) if jobs is None else jobs
    summary = RunSummary(run_id=store.start_run(extractor), extractor=extractor)
    status = "interrupted"
    try:
        with contextlib.ExitStack() as stack:
            if jobs > 1:
                pool = stack.enter_context(
                    multiprocessing.get_context("spawn").Pool(jobs, initializer=_ignore_interrupts)
                )
                prepare = functools.partial(prepare_page, extract=extract)
                prepared: Iterator[PreparedPage] = _in_order(pool, prepare, targets, 8 * jobs)
            else:
                prepared = map(prepare_page, targets)
            for done, page in enumerate(prepared, start=1):
                if page.error is None:
                    _store_page(page, store, extract, extractor, summary)
                    store.sync_search(every=SEARCH_EVERY)
                else:
                    summary.pages_failed += 1
                    summary.errors.append(f"{page.path}: {page.error}")
                if on_progress:
                    on_progress(Progress(page.path, done, len(targets), page.error))
        status = "finished"
    finally:
        _index_search(store, summary)
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, status, summary.counts(), summary.errors)
    return summary


def _in_order(
    pool: multiprocessing.pool.Pool,
    prepare: Callable[[tuple[str, UserError | None]], PreparedPage],
    targets: list[tuple[str, UserError | None]],
    window: int,
) -> Iterator[PreparedPage]:
    """The prepared pages in input order, with at most `window` pages ahead of the writer.

    (`Pool.imap` would prepare every page while the writer catches up, and
    hold them all in memory.)
    """
    pending: collections.deque[multiprocessing.pool.AsyncResult[PreparedPage]] = collections.deque()
    for target in targets:
        pending.append(pool.apply_async(prepare, (target,)))
        if len(pending) >= window:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the writer's to handle; it stops the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _store_page(
    prepared: PreparedPage,
    store: Store,
    extract: ExtractFn,
    extractor: Extractor,
    summary: RunSummary,
) -> None:
    page = store.add_page(
        prepared.path, prepared.sha256, prepared.chars, prepared.encoding, prepared.articles
    )
    summary.pages += 1
    for k, (article_id, article) in enumerate(page.articles):
        # Counted once done, so an interrupted run counts only what it stored.
        # A page stored just now can have no extraction yet: no need to ask.
        if not page.new and store.is_extracted(article_id, extractor):
            summary.articles += 1
            summary.articles_skipped += 1
            continue
        # A page stored by an earlier run keeps the articles it was cut into then;
        # results computed from this run's segmentation may not line up with them.
        if prepared.outcomes and page.new:
            outcome = prepared.outcomes[k]
        else:
            outcome = extract_article(article, extract)
        _save(store, summary, extractor, prepared.path, article_id, article, outcome)


def _write(
    store: Store, *, article_id: int, run_id: int, extractor: Extractor, outcome: CheckResult | str
) -> None:
    if isinstance(outcome, str):
        store.save_extraction(article_id, run_id, extractor, None, error=outcome)
    else:
        store.save_extraction(article_id, run_id, extractor, outcome)


def _save(
    store: Store,
    summary: RunSummary,
    extractor: Extractor,
    path: str,
    article_id: int,
    article: Article,
    outcome: CheckResult | str,
) -> None:
    """Store one article's outcome (one transaction) and count it."""
    _write(
        store, article_id=article_id, run_id=summary.run_id, extractor=extractor, outcome=outcome
    )
    summary.record(path, article, outcome)


# --- the llm backend: concurrent calls, one writer ---------------------------------


def run_llm(
    paths: list[str],
    store: Store,
    backend: LLMBackend,
    *,
    on_progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Extract every page under `paths` with a model, calls in flight up to the concurrency.

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
            asyncio.run(_extract_concurrently(paths, store, writer, backend, summary, on_progress))
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
        _index_search(store, summary)
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
) -> None:
    extractor = summary.extractor
    assert extractor is not None
    workers = 2 * backend.settings.concurrency
    queue: asyncio.Queue[tuple[str, int, Article] | None] = asyncio.Queue(maxsize=workers)
    known = 0
    queued: set[int] = set()

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
        for target in expand_paths(paths):
            # In a thread: a huge page must not hold up the replies of calls in flight.
            prepared = await asyncio.to_thread(prepare_page, target)
            if prepared.error is not None:
                summary.pages_failed += 1
                summary.errors.append(f"{prepared.path}: {prepared.error}")
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
                await queue.put((prepared.path, article_id, article))
            await asyncio.sleep(0)  # let the calls start while pages are read
        for _ in range(workers):
            await queue.put(None)

    async def extract_articles() -> None:
        while (item := await queue.get()) is not None:
            path, article_id, article = item
            outcome: CheckResult | str
            try:
                outcome = await backend.extract(article, article_id, summary.run_id)
            except EndpointRefused:
                raise
            except ArticleFailed as error:
                outcome = str(error)
            except Exception as error:  # one article's failure must not stop the run
                outcome = f"{type(error).__name__}: {backend.redact(str(error))}"
            # Written by the writer thread, in order; counted here, in the loop, once
            # written (a write that fails leaves the article failed, and unstored).
            written = writer.submit(
                functools.partial(
                    _write,
                    article_id=article_id,
                    run_id=summary.run_id,
                    extractor=extractor,
                    outcome=outcome,
                )
            )
            written.add_done_callback(
                functools.partial(_in_loop, loop, functools.partial(count, path, article, outcome))
            )

    def count(
        path: str, article: Article, outcome: CheckResult | str, written: Future[None]
    ) -> None:
        error = written.exception()
        summary.record(path, article, outcome if error is None else f"not stored: {error}")
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


def _in_loop(
    loop: asyncio.AbstractEventLoop, callback: Callable[[Future[None]], None], done: Future[None]
) -> None:
    """Run `callback(done)` in the event loop's thread (a writer's future completes in its own)."""
    with contextlib.suppress(RuntimeError):  # the loop has closed: the run is over
        loop.call_soon_threadsafe(callback, done)


def _index_search(store: Store, summary: RunSummary) -> None:
    """Search is a convenience: a run whose indexing fails says so, and keeps its records."""
    try:
        store.sync_search()
    except sqlite3.OperationalError as error:
        summary.errors.append(f"search not brought up to date: {error}")
