"""Every extractor in a database scored against gold, side by side: which model to trust.

An extractor is a backend, model and prompt version (the rules backend is
one; a model under another prompt is another). The `extractors` view numbers
them in the order each first ran; its calls and tokens per article say what a
model's records cost. `extractor eval` scores them all, or the one picked by
`--extractor ID`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import UserError
from extractor.evaluate import Report, evaluate, load_gold
from extractor.store import Extractor, Store


@dataclass(frozen=True)
class ExtractorRow:
    """One row of the `extractors` view: an extractor, its id, what its runs did and cost."""

    id: int
    extractor: Extractor
    articles: int
    calls: int
    prompt_tokens: int
    completion_tokens: int
    calls_per_article: float | None
    tokens_per_article: float | None

    @property
    def label(self) -> str:
        """`rules`, or `llm gpt-4o-mini @ llm-3f2a9c1e7b20-tools` (backend, model, prompt)."""
        e = self.extractor
        if e.backend == e.model:
            return e.backend
        return f"{e.backend} {e.model} @ {e.prompt_version}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **vars(self.extractor),
            "articles": self.articles,
            "calls": self.calls,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "calls_per_article": self.calls_per_article,
            "tokens_per_article": self.tokens_per_article,
        }


def list_extractors(store: Store) -> list[ExtractorRow]:
    """The extractors that extracted at least one article, by id."""
    rows = store.db.query("select * from extractors where articles > 0 order by id")
    return [
        ExtractorRow(
            id=row["id"],
            extractor=Extractor(row["backend"], row["model"], row["prompt_version"]),
            articles=row["articles"],
            calls=row["calls"],
            prompt_tokens=row["prompt_tokens"],
            completion_tokens=row["completion_tokens"],
            calls_per_article=row["calls_per_article"],
            tokens_per_article=row["tokens_per_article"],
        )
        for row in rows
    ]


def choose(extractors: list[ExtractorRow], wanted: str) -> ExtractorRow:
    """The extractor `wanted` names: its id, its model (or backend) when only one has it,
    or `model@version` with the start of its prompt version. UserError otherwise.

    >>> rules = ExtractorRow(1, Extractor("rules", "rules", "rules-1"), 40, 0, 0, 0, 0.0, 0.0)
    >>> choose([rules], "rules").id
    1
    """
    wanted = wanted.strip()
    model, _, version = wanted.partition("@")
    found = [
        row
        for row in extractors
        if str(row.id) == wanted
        or (
            model in (row.extractor.model, row.extractor.backend)
            and row.extractor.prompt_version.startswith(version)
        )
    ]
    known = "; ".join(f"{row.id}: {row.label}" for row in extractors) or "none"
    if not found:
        raise UserError(f"--extractor {wanted}: no such extractor in the database ({known})")
    if len(found) > 1:
        raise UserError(
            f"--extractor {wanted}: {len(found)} extractors fit; give an id "
            f"({'; '.join(f'{row.id}: {row.label}' for row in found)})"
        )
    return found[0]


def pages_extracted(store: Store, extractor: Extractor, names: list[str]) -> int:
    """How many of the pages named `names` the extractor extracted (every article done)."""
    if not names:
        return 0
    row = store.db.execute(
        "select count(*) from pages p where p.name in ({}) and exists (select 1 from articles a "
        "where a.page_id = p.id) and not exists (select 1 from articles a where a.page_id = p.id "
        "and not exists (select 1 from extractions e where e.article_id = a.id "
        "and e.backend = ? and e.model = ? and e.prompt_version = ? and e.status = 'done'))".format(
            ", ".join("?" * len(names))
        ),
        [*names, extractor.backend, extractor.model, extractor.prompt_version],
    ).fetchone()
    return int(row[0])


@dataclass
class Scored:
    """One extractor's row of the comparison: who, its report, how much of the gold it saw."""

    row: ExtractorRow
    report: Report
    pages_extracted: int
    gold_pages: int

    def as_dict(self) -> dict[str, Any]:
        report = self.report.as_dict()
        return {
            **self.row.as_dict(),
            "pages_extracted": self.pages_extracted,
            "gold_pages": self.gold_pages,
            "total": report["total"],
            "agreement": report["agreement"],
        }


def compare(store: Store, gold_dir: Path, wanted: str | None = None) -> list[Scored]:
    """Score every extractor in the database (or the one `wanted` names) against the gold.

    UserError when the database holds no extraction, or `wanted` names none.
    """
    extractors = list_extractors(store)
    if not extractors:
        path = store.path or "the database"
        raise UserError(f"{path}: no extraction to score (run `extractor run` first)")
    if wanted is not None:
        extractors = [choose(extractors, wanted)]
    names = [page.source for page in load_gold(gold_dir)]
    return [
        Scored(
            row,
            evaluate(store, gold_dir, row.extractor),
            pages_extracted(store, row.extractor, names),
            len(names),
        )
        for row in extractors
    ]


def short_labels(rows: list[ExtractorRow]) -> dict[int, str]:
    """Each extractor's name in a table: its model (or backend), with its prompt version
    only when another extractor has the same model.

    >>> rules = ExtractorRow(1, Extractor("rules", "rules", "rules-1"), 40, 0, 0, 0, 0.0, 0.0)
    >>> short_labels([rules])
    {1: 'rules'}
    """
    models = [row.extractor.model for row in rows]
    return {
        row.id: row.label if models.count(row.extractor.model) > 1 else row.extractor.model
        for row in rows
    }
