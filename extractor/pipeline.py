"""One run: pages in, a summary out. Wires segment → extract → check → store.

The stages stay ignorant of each other; this module alone knows the order.
Progress is reported through a callback so the command line can draw a bar
and tests can stay quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.check import check_article
from extractor.errors import UserError
from extractor.extract import rules
from extractor.models import Article, ArticleRecords
from extractor.segment import segment_page
from extractor.sources import expand_paths, read_page
from extractor.store import Extractor, Store

RECORD_TYPES = ("metric", "quote", "campaign")
ExtractFn = Callable[[Article], ArticleRecords]


@dataclass
class RunSummary:
    """What a run did, for the summary table and the `runs` row."""

    run_id: int = 0
    extractor: Extractor | None = None
    pages: int = 0
    pages_failed: int = 0
    pages_known: int = 0
    articles: int = 0
    articles_skipped: int = 0
    articles_failed: int = 0
    accepted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    rejected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TYPES, 0))
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

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
        }


@dataclass(frozen=True)
class Progress:
    """Reported after each input file."""

    path: str
    done: int
    total: int
    error: str | None = None


def rules_extractor() -> Extractor:
    return Extractor(backend=rules.BACKEND, model=rules.BACKEND, prompt_version=rules.RULES_VERSION)


def run(
    paths: list[str],
    store: Store,
    *,
    extract: ExtractFn = rules.extract,
    extractor: Extractor | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Extract every page under `paths` into `store`; bad files are reported and skipped."""
    extractor = extractor or rules_extractor()
    started = time.perf_counter()
    targets = list(expand_paths(paths))
    summary = RunSummary(run_id=store.start_run(extractor), extractor=extractor)
    status = "interrupted"
    try:
        for done, (path, problem) in enumerate(targets, start=1):
            error = problem
            if error is None:
                try:
                    _run_page(path, store, extract, extractor, summary)
                except UserError as err:
                    error = err
            if error is not None:
                summary.pages_failed += 1
                summary.errors.append(f"{path}: {error}")
            if on_progress:
                on_progress(Progress(path, done, len(targets), str(error) if error else None))
        status = "finished"
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, status, summary.counts(), summary.errors)
    return summary


def _run_page(
    path: str, store: Store, extract: ExtractFn, extractor: Extractor, summary: RunSummary
) -> None:
    source = read_page(Path(path))
    articles = segment_page(source.text)
    if not articles:
        raise UserError("no article found on the page")
    page = store.add_page(path, source.sha256, len(source.text), source.encoding, articles)
    summary.pages += 1
    summary.pages_known += not page.new
    for article_id, article in page.articles:
        summary.articles += 1
        if store.is_extracted(article_id, extractor):
            summary.articles_skipped += 1
            continue
        result = check_article(article.text, extract(article), article.title)
        store.save_extraction(article_id, summary.run_id, extractor, result)
        for accepted in result.accepted:
            summary.accepted[accepted.record_type] += 1
        for rejected in result.rejected:
            summary.rejected[rejected.record_type] += 1
