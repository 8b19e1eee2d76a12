"""The offline run: pages in, a summary out, with the rules in worker processes.

The loop and its bookkeeping are `stages.py`'s, shared by every way of
running; this module is the rules' way (`RulesWay`): pages are read,
segmented, extracted and checked in worker processes (or inline, for a few
pages), and stored by this process, one transaction per article, in input
order. It also holds the page stage every way uses (`prepare_page`).
Progress is reported through a callback so the command line can draw a bar
and tests can stay quiet.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.check import check_against
from extractor.errors import UserError, unexpected
from extractor.extract import rules
from extractor.models import Article, ArticleRecords, CheckResult
from extractor.pagemeta import PageMeta
from extractor.rows import ResultRows, result_rows
from extractor.segment import segment_page
from extractor.sources import expand_paths, read_page
from extractor.stages import (
    RECORD_TYPES,
    DirectSink,
    Progress,
    Run,
    RunSummary,
    Unit,
    Work,
    execute,
    index_search,
    write_outcome,
)
from extractor.store import Extractor, Store
from extractor.workers import Workers
from extractor.writer import SEARCH_EVERY

if TYPE_CHECKING:  # the LLM stack takes a second to import; the rules need none of it
    from extractor.extract.endpoint import Usage

__all__ = [
    "RECORD_TYPES",
    "ExtractFn",
    "PreparedPage",
    "Progress",
    "RulesWay",
    "RunSummary",
    "default_jobs",
    "extract_article",
    "index_search",
    "prepare_page",
    "rules_extractor",
    "run",
    "write_outcome",
]

ExtractFn = Callable[[Article], ArticleRecords]


def rules_extractor() -> Extractor:
    return Extractor(backend=rules.BACKEND, model=rules.BACKEND, prompt_version=rules.RULES_VERSION)


@dataclass
class PreparedPage:
    """A page read, segmented, extracted and checked: everything but storing it.

    `outcomes` is aligned with `articles`: a check result as the rows the store
    writes (cheap to send from a worker process), or the error that stopped that
    article's extraction.
    """

    path: str
    error: str | None = None
    sha256: str = ""
    chars: int = 0
    encoding: str = ""
    articles: list[Article] = field(default_factory=list)
    outcomes: list[ResultRows | str] = field(default_factory=list)


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
    outcomes = (
        [_as_rows(extract_article(article, extract)) for article in articles] if extract else []
    )
    return PreparedPage(
        path, None, source.sha256, len(source.text), source.encoding, articles, outcomes
    )


def extract_article(article: Article, extract: ExtractFn) -> CheckResult | str:
    """An article's checked records, or the error that stopped its extraction."""
    try:
        return check_against(article, extract(article))
    except Exception as err:  # one article's failure must not stop the page or the run
        return unexpected(err)


def _as_rows(outcome: CheckResult | str) -> ResultRows | str:
    """An article's outcome as a worker sends it: rows, or its error as it is."""
    return outcome if isinstance(outcome, str) else result_rows(outcome)


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
    page_meta: Mapping[str, PageMeta] | None = None,
) -> RunSummary:
    """Extract every page under `paths` into `store`; bad files are reported and skipped.

    With `jobs` > 1, pages are read, segmented, extracted and checked in that
    many worker processes (`extract` must then be a module-level function);
    this process alone writes, one transaction per article, in input order.
    """
    way = RulesWay(store, extract, extractor or rules_extractor(), jobs)
    return execute(paths, store, way, on_progress, page_meta=page_meta)


class RulesWay:
    """The rules' way of running: pages prepared inline or in worker processes,
    each article's outcome known at once and written straight to the store."""

    unit: Unit = "pages"
    usage: Usage | None = None

    def __init__(
        self, store: Store, extract: ExtractFn, extractor: Extractor, jobs: int | None
    ) -> None:
        self.extract_fn = extract
        self.extractor = extractor
        self.jobs = jobs
        self.sink = DirectSink(store, SEARCH_EVERY)
        #: What the session releases at its end (the worker processes).
        self._resources = contextlib.ExitStack()

    @contextlib.asynccontextmanager
    async def session(self, run: Run) -> AsyncIterator[None]:
        with self._resources:
            yield

    async def pages(self, run: Run, paths: list[str]) -> AsyncIterator[PreparedPage]:
        targets = list(expand_paths(paths))
        run.total = len(targets)
        jobs = default_jobs(len(targets)) if self.jobs is None else self.jobs
        if jobs > 1:
            prepare = functools.partial(prepare_page, extract=self.extract_fn)
            workers = self._resources.enter_context(Workers(jobs, prepare))
            prepared: Iterator[PreparedPage] = workers.in_order(targets, 8 * jobs)
        else:
            prepared = map(prepare_page, targets)
        for page in prepared:
            yield page

    async def extract(self, run: Run, work: Work) -> None:
        outcome = work.outcome
        if outcome is None:
            outcome = extract_article(work.article, self.extract_fn)
        run.save(work, outcome)

    async def finish(self, run: Run) -> None:
        pass

    def close(self, run: Run) -> None:
        pass
