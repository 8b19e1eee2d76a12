"""One run: pages in, a summary out. Wires segment → extract → check → store.

The stages stay ignorant of each other; this module (and, for a run with a
model, `pipeline_llm`) alone knows the order.
Progress is reported through a callback so the command line can draw a bar
and tests can stay quiet.
"""

from __future__ import annotations

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
from dataclasses import dataclass, field
from pathlib import Path

from extractor.check import check_against
from extractor.errors import UserError, unexpected
from extractor.extract import rules
from extractor.models import Article, ArticleRecords, CheckResult
from extractor.segment import segment_page
from extractor.sources import expand_paths, read_page
from extractor.store import Extractor, Store
from extractor.writer import SEARCH_EVERY

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
        return check_against(article, extract(article))
    except Exception as err:  # one article's failure must not stop the page or the run
        return unexpected(err)


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
        index_search(store, summary)
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


def write_outcome(
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
    write_outcome(
        store, article_id=article_id, run_id=summary.run_id, extractor=extractor, outcome=outcome
    )
    summary.record(path, article, outcome)


def index_search(store: Store, summary: RunSummary) -> None:
    """Search is a convenience: a run whose indexing fails says so, and keeps its records."""
    try:
        store.sync_search()
    except sqlite3.OperationalError as error:
        summary.errors.append(f"search not brought up to date: {error}")
