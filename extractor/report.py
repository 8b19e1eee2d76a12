"""What `extractor run` shows: a progress bar while it works, a summary when it ends.

Output only; the run itself is `pipeline`'s.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractor import pipeline

err = Console(stderr=True, soft_wrap=True)


@contextlib.contextmanager
def progress_bar(llm: bool) -> Iterator[Callable[[pipeline.Progress], None]]:
    """A progress bar on stderr: pages for the rules backend, articles and calls for a model."""
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
    ) as bar:
        task = bar.add_task("run", total=None, page="", calls="")

        def on_progress(p: pipeline.Progress) -> None:
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
