"""What a run reports: its counts and errors for the summary and the `runs` row, and its
progress as it goes. Written by the skeleton (`stages.py`), read by the command line
(`report.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.models import Article, CheckResult
from extractor.rows import ResultRows
from extractor.store import Extractor

RECORD_TYPES = ("metric", "quote", "campaign")
#: An article's outcome: its checked records (as models, or as the rows a worker process
#: sends), or the reason it could not be extracted.
Outcome = CheckResult | ResultRows | str


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
    #: Articles left waiting for a batch's answers when the run ended.
    articles_waiting: int = 0
    #: Prices per million tokens (prompt, completion), when given: the run's cost.
    prices: tuple[float, float] | None = None
    #: What else the run has to say at its end (the batches it left at the endpoint).
    notes: list[str] = field(default_factory=list)

    @property
    def cost(self) -> float | None:
        """What the tokens sent cost at `prices` (answers from the log cost nothing)."""
        if self.prices is None:
            return None
        price_in, price_out = self.prices
        return (self.prompt_tokens * price_in + self.completion_tokens * price_out) / 1e6

    def priced(self) -> dict[str, float | None]:
        """The run's prices and cost, for the `runs` row."""
        price_in, price_out = self.prices or (None, None)
        return {"price_in": price_in, "price_out": price_out, "cost": self.cost}

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
            "articles_waiting": self.articles_waiting,
        }

    def record(self, path: str, article: Article, outcome: Outcome) -> None:
        """Count one stored article: its records, or the error that failed it."""
        self.articles += 1
        if isinstance(outcome, str):
            self.articles_failed += 1
            self.errors.append(f"{path}: article {article.seq}: {outcome}")
            return
        if isinstance(outcome, ResultRows):  # rows are tuples, their record type first
            accepted = [row[0] for row in outcome.accepted]
            rejected = [row[0] for row in outcome.rejected]
        else:
            accepted = [item.record_type for item in outcome.accepted]
            rejected = [item.record_type for item in outcome.rejected]
        for record_type in accepted:
            self.accepted[record_type] += 1
        for record_type in rejected:
            self.rejected[record_type] += 1


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
    #: What a run waiting on batches is waiting for, when that changes.
    note: str | None = None
