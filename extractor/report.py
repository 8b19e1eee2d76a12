"""What the commands print: `extractor run`'s progress bar while it works and its
summary when it ends (or, stopped by Ctrl-C, what it stored and how to go on);
`extractor eval`'s scores.

Output only; the run itself is `pipeline`'s.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractor import pipeline
from extractor.compare import Scored, short_labels
from extractor.evaluate import KINDS, Agreement, Report, Score
from extractor.manifest import PageLabels

err = Console(stderr=True, soft_wrap=True)


@contextlib.contextmanager
def progress_bar(llm: bool) -> Iterator[Callable[[pipeline.Progress], None]]:
    """A progress bar on stderr: pages for the rules backend, articles and calls for a model.

    For the rules it is drawn as pages are done, at most ten times a second, by
    the run's own thread: with no thread of its own running, the run can fork
    its workers from itself (`workers.py`).
    """
    with Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles" if llm else "pages"),
        TextColumn("{task.fields[calls]}", markup=False),
        TextColumn("{task.fields[page]}", markup=False),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        auto_refresh=llm,
    ) as bar:
        task = bar.add_task("run", total=None, page="", calls="")
        drawn = 0.0

        def on_progress(p: pipeline.Progress) -> None:
            nonlocal drawn
            calls = "" if p.calls is None else f"· {p.calls} calls, {p.cached_calls} cached"
            bar.update(task, completed=p.done, total=p.total, page=Path(p.path).name, calls=calls)
            if p.note:
                bar.console.print(p.note, highlight=False, markup=False, soft_wrap=True)
            if p.error:
                bar.console.print(
                    f"[red]error[/red]: {escape(p.path)}: {escape(p.error)}",
                    highlight=False,
                    soft_wrap=True,
                )
            if not llm and time.monotonic() - drawn >= 0.1:
                bar.refresh()
                drawn = time.monotonic()

        yield on_progress


def command_path(name: str) -> str:
    """How to call an installed command: by name if on PATH, else beside this Python."""
    if shutil.which(name):
        return name
    beside = Path(sys.executable).with_name(name)
    return str(beside.relative_to(Path.cwd())) if beside.is_relative_to(Path.cwd()) else str(beside)


def print_summary(summary: pipeline.RunSummary, db_path: str) -> None:
    out = Console(soft_wrap=True)
    table = Table(
        title=f"run {summary.run_id} ({summary.extractor.backend if summary.extractor else ''})"
    )
    table.add_column("")
    table.add_column("accepted", justify="right")
    table.add_column("rejected", justify="right")
    for record_type in pipeline.RECORD_TYPES:
        table.add_row(
            record_type + "s",
            str(summary.accepted[record_type]),
            str(summary.rejected[record_type]),
        )
    out.print(table)
    extracted = summary.articles - summary.articles_skipped - summary.articles_failed
    out.print(
        f"pages: {summary.pages} read, {summary.pages_failed} failed"
        f" | articles: {extracted} extracted, {summary.articles_failed} failed,"
        f" {summary.articles_skipped} already in the database"
        f" | {summary.seconds:.2f} s",
        highlight=False,
    )
    if summary.extractor and summary.extractor.backend == "llm":
        out.print(
            f"model: {summary.extractor.model} | prompt {summary.extractor.prompt_version}"
            f" | calls: {summary.calls} ({summary.cached_calls} answered from the cache)"
            f" | tokens: {summary.prompt_tokens} prompt, {summary.completion_tokens} completion",
            highlight=False,
            markup=False,
        )
    for error in summary.errors:
        out.print(f"[red]failed[/red]: {escape(error)}", highlight=False)
    tool = command_path("sqlite-utils")
    out.print(
        f"database: {db_path}\n"
        f"inspect:  {command_path('extractor')} inspect --db {db_path}\n"
        f"          {tool} tables {db_path} --counts\n"
        f'          {tool} {db_path} "select raw, value, unit, label from metrics limit 20" --table',
        highlight=False,
        markup=False,
    )


def print_labels(labels: PageLabels) -> None:
    """How many pages a manifest or name pattern described, and what it could not use."""
    out = Console(soft_wrap=True, highlight=False)
    out.print(f"metadata: {labels.summary()}", markup=False)
    for line in labels.report():
        err.print(f"[yellow]warning[/yellow]: {escape(line)}", highlight=False)


def _prf(score: Score) -> str:
    return f"{score.precision:.2f} / {score.recall:.2f} / {score.f1:.2f}"


def _share(agreement: Agreement) -> str:
    share = agreement.share
    return "–" if share is None else f"{share:.2f} ({agreement.agree}/{agreement.compared})"


def _per_article(value: float | None, scored: Scored) -> str:
    """A model's cost per article; "–" for an extractor that logged no call (the rules)."""
    return "–" if not scored.row.calls or value is None else f"{value:g}"


def comparison_table(scored: list[Scored]) -> Table:
    """`extractor eval` with several extractors: one column each, totals over the gold pages
    (precision / recall / F1; agreement as a share, with agreeing / compared)."""
    table = Table(title="extractors side by side, over all gold pages")
    table.add_column("")
    labels = short_labels([one.row for one in scored])
    for one in scored:
        table.add_column(f"{one.row.id}: {escape(labels[one.row.id])}", justify="right")
    totals = [one.report.total() for one in scored]
    agreements = [one.report.total_agreement() for one in scored]
    table.add_row("pages extracted", *(f"{one.pages_extracted}/{one.gold_pages}" for one in scored))
    for kind in KINDS:
        table.add_row(f"{kind} P / R / F1", *(_prf(total[kind]) for total in totals))
    for name, shown in (
        ("labels", "labels agree"),
        ("organizers", "organizers"),
        ("locations", "locations"),
    ):
        table.add_row(shown, *(_share(agreement[name]) for agreement in agreements))
    table.add_row("calls / article", *(_per_article(o.row.calls_per_article, o) for o in scored))
    table.add_row("tokens / article", *(_per_article(o.row.tokens_per_article, o) for o in scored))
    return table


def agreement_line(one: Scored) -> str:
    """How far one extractor's matched records agree with gold beyond what scoring matches
    (labels, organizers, locations), and for a model what an article cost."""
    agreement = one.report.total_agreement()
    parts = [
        f"labels agree {_share(agreement['labels'])}",
        f"organizers {_share(agreement['organizers'])}",
        f"locations {_share(agreement['locations'])}",
    ]
    if one.row.calls:
        parts += [
            f"calls/article {_per_article(one.row.calls_per_article, one)}",
            f"tokens/article {_per_article(one.row.tokens_per_article, one)}",
        ]
    # Two to a line, to fit 80 columns.
    return "\n".join(" | ".join(parts[i : i + 2]) for i in range(0, len(parts), 2))


def print_eval(scored: list[Scored], shown: Scored, db_path: str) -> None:
    """`extractor eval`'s output: extractors side by side (or one, page by page), then the
    gold pages the database lacks or holds twice."""
    out = Console()
    if len(scored) > 1:
        out.print(comparison_table(scored))
        out.print("per page: extractor eval --extractor ID", highlight=False)
    else:
        print_scores(shown.report, f"scores of {shown.row.label} (extractor {shown.row.id})")
        out.print(agreement_line(shown), highlight=False, markup=False)
    for page in shown.report.ambiguous:
        err.print(
            f"warning: more than one page in {db_path} is named {page}; their records are "
            "scored together",
            highlight=False,
            markup=False,
        )
    for page in shown.report.missing:
        err.print(
            f"warning: {page} is in the gold but not in {db_path}", highlight=False, markup=False
        )


def print_interrupted(run: dict[str, Any] | None, db_path: str) -> None:
    """What a run stopped by Ctrl-C stored (its `runs` row), and that running it again resumes."""
    if run is None:  # stopped before it began
        err.print("interrupted before anything was stored", highlight=False, markup=False)
        return
    failed, skipped = run["articles_failed"] or 0, run["articles_skipped"] or 0
    stored = (run["articles"] or 0) - skipped - failed
    records = ", ".join(f"{run[kind] or 0} {kind}" for kind in ("metrics", "quotes", "campaigns"))
    said = (
        f"interrupted: run {run['id']} stored {stored} articles in {db_path} ({records}), "
        "each whole with its records"
    )
    if failed:
        said += f"; {failed} failed (they are tried again)"
    if skipped:
        said += f"; {skipped} were there already"
    resume = "Run the same command again to resume: what is stored is skipped"
    if run["backend"] == "llm":
        resume += ", and replies already received are answered from the log of calls"
    err.print(f"{said}.\n{resume}.", highlight=False, markup=False)


def print_scores(report: Report, title: str | None = None) -> None:
    """The scores of `extractor eval` in two tables that fit 80 columns: precision, recall
    and F1 of each record type over all pages, then F1 per page (all of it: `--json`)."""
    out = Console()
    scored = report.extractor
    if title is None and scored is not None:
        title = (
            f"{scored.backend} backend, model {scored.model}, "
            f"prompt version {scored.prompt_version}"
        )
    totals = Table(title=title, title_justify="left")
    totals.add_column("1 page" if len(report.pages) == 1 else f"all {len(report.pages)} pages")
    for column in ("precision", "recall", "F1", "extracted", "gold"):
        totals.add_column(column, justify="right")
    for kind, score in report.total().items():
        totals.add_row(
            kind,
            *(f"{x:.2f}" for x in (score.precision, score.recall, score.f1)),
            str(score.predicted),
            str(score.gold),
        )
    out.print(totals)
    pages = Table(title="F1 per page", title_justify="left")
    pages.add_column("page", overflow="fold")
    for kind in KINDS:
        pages.add_column(kind, justify="right")
    for page, scores in report.pages.items():
        pages.add_row(escape(page), *(f"{scores[kind].f1:.2f}" for kind in KINDS))
    out.print(pages)
