"""The command line of batches: `run --batch`, `--dry-run`, prices, and `extractor batch`.

Thin, like `cli.py`: options parsed and checked, a way of running picked, what
it did printed. `cli.py` adds these options to `run` and the `batch` group to
the command.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click
from rich.console import Console

from extractor.errors import UserError
from extractor.extract.parts import MIN_PART
from extractor.pagemeta import PageMeta
from extractor.report import print_summary, progress_bar
from extractor.stages import Progress, Run, RunSummary, drive, execute
from extractor.store import Store

if TYPE_CHECKING:  # the LLM stack loads only when needed
    from extractor.extract.endpoint import Settings

#: The options `run` takes for batches and prices, by the name click gives them.
RUN_OPTIONS = (
    "batch",
    "wait",
    "poll_interval",
    "batch_max_requests",
    "batch_max_bytes",
    "dry_run",
    "price_in",
    "price_out",
)
#: Those that only mean something with --batch.
BATCH_ONLY = ("wait", "poll_interval", "batch_max_requests", "batch_max_bytes")


def run_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options of `run` for batches, dry runs and prices."""
    options = [
        click.option(
            "--batch",
            is_flag=True,
            help="Send the requests through the endpoint's Batch API (about half the price, "
            "answered within 24 hours). Stop at any time and run the same command again "
            "to collect what has come back.",
        ),
        click.option(
            "--wait",
            is_flag=True,
            help="With --batch: wait until every batch has ended and its follow-up rounds "
            "are done, looking at them every --poll-interval seconds.",
        ),
        click.option(
            "--poll-interval",
            type=click.FloatRange(min=0),
            default=60.0,
            show_default=True,
            metavar="S",
            help="With --batch --wait: seconds between two looks at the batches.",
        ),
        click.option(
            "--batch-max-requests",
            type=click.IntRange(min=1),
            default=50_000,
            show_default=True,
            metavar="N",
            help="With --batch: at most N requests in one batch (the endpoint's limit).",
        ),
        click.option(
            "--batch-max-bytes",
            type=click.IntRange(min=1024),
            default=200 * 1024 * 1024,
            show_default=True,
            metavar="B",
            help="With --batch: at most B bytes in one batch's file (the endpoint's limit).",
        ),
        click.option(
            "--dry-run",
            is_flag=True,
            help="Print what would be sent (articles, requests, characters, an estimate of "
            "tokens and, with prices, of the cost) and send nothing.",
        ),
        click.option(
            "--price-in",
            type=click.FloatRange(min=0),
            default=None,
            metavar="USD",
            help="The price of a million prompt tokens: the run's cost is stored (and "
            "estimated by --dry-run).",
        ),
        click.option(
            "--price-out",
            type=click.FloatRange(min=0),
            default=None,
            metavar="USD",
            help="The price of a million completion tokens.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def check_run_options(options: dict[str, Any], no_cache: bool) -> None:
    """One line for options that do not go together; a model is checked for by `run`."""
    context = click.get_current_context()
    if not options["batch"]:
        for name in BATCH_ONLY:
            if context.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE:
                raise UserError(f"--{name.replace('_', '-')} goes with --batch")
    if options["batch"] and no_cache:
        raise UserError("--no-cache does not go with --batch: batches are answered from the log")
    if (options["price_in"] is None) != (options["price_out"] is None):
        raise UserError("give both --price-in and --price-out (per million tokens)")


def prices_of(options: dict[str, Any]) -> tuple[float, float] | None:
    if options["price_in"] is None or options["price_out"] is None:
        return None
    return float(options["price_in"]), float(options["price_out"])


def run_with_model(
    paths: list[str],
    store: Store,
    settings: Settings,
    options: dict[str, Any],
    on_progress: Callable[[Progress], None],
    page_meta: Mapping[str, PageMeta] | None = None,
) -> RunSummary | None:
    """`run --batch` or `run --dry-run`: the summary of the run, or None for a dry run
    (which prints its estimate)."""
    from extractor import batch, estimate  # the LLM stack loads only when needed

    plan = batch.BatchPlan(
        wait=options["wait"],
        poll=options["poll_interval"],
        max_requests=options["batch_max_requests"],
        max_bytes=options["batch_max_bytes"],
    )
    if options["dry_run"]:
        dry = estimate.DryRunWay(store, settings, plan if options["batch"] else None)
        run = Run(store, dry, RunSummary(extractor=dry.extractor))
        asyncio.run(drive(paths, run, dry))
        print_estimate(run.summary, dry.estimate, prices_of(options), batched=options["batch"])
        return None
    batched = batch.open_batch_way(store, settings, plan)
    return execute(paths, store, batched, on_progress, prices_of(options), page_meta)


def print_estimate(
    summary: RunSummary, figures: Any, prices: tuple[float, float] | None, *, batched: bool
) -> None:
    """What a dry run found, on stdout."""
    out = Console(soft_wrap=True, highlight=False)
    out.print("dry run: nothing was sent", markup=False)
    out.print(
        f"articles: {figures.articles:,} to send, {figures.answered:,} answered from the log, "
        f"{summary.articles_skipped:,} already in the database"
        + (f"; {summary.pages_failed} page(s) could not be read" if summary.pages_failed else ""),
        markup=False,
    )
    out.print(
        f"requests: {figures.requests:,} ({figures.prompt_chars:,} characters)"
        + (
            f" in {figures.batches} batch(es), {figures.bytes / 1e6:,.1f} MB"
            if batched and figures.requests
            else ""
        ),
        markup=False,
    )
    out.print(
        f"tokens (estimate): {figures.prompt_tokens:,} prompt, {figures.completion_tokens:,} "
        "completion, first round only",
        markup=False,
    )
    if prices is not None:
        out.print(
            f"cost (estimate): {figures.cost(prices):,.4f} at {prices[0]:g} and {prices[1]:g} "
            "per million prompt and completion tokens",
            markup=False,
        )
    for error in summary.errors:
        out.print(f"failed: {error}", markup=False)


def print_waiting(summary: RunSummary) -> None:
    """After a batch run: what is left waiting, and what to do next."""
    for note in summary.notes:
        click.echo(note)
    if summary.prices is not None and summary.cost is not None:
        click.echo(
            f"cost: {summary.cost:,.4f} for the {summary.prompt_tokens:,} prompt and "
            f"{summary.completion_tokens:,} completion tokens answered in this run"
        )
    if summary.articles_waiting:
        click.echo(
            f"{summary.articles_waiting} article(s) wait for batches: run the same command "
            "again to collect them (or add --wait)"
        )


# --- extractor batch export / import ---------------------------------------------------

db_option = click.option(
    "--db",
    "db_path",
    default="extractions.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The SQLite database to write or read.",
)


def _open(db_path: str) -> Store:
    if db_path.strip() in ("", ":memory:"):
        raise click.ClickException(f"--db {db_path!r}: give the path of a database file")
    try:
        return Store.open(db_path)
    except UserError as error:
        raise click.ClickException(str(error)) from None


@click.group(name="batch")
def batch_group() -> None:
    """Requests as Batch API JSON Lines for an engine of your own, and its results read back.

    \b
    extractor batch export seeds/ --model M --out requests.jsonl
    (answer requests.jsonl with vLLM's run-batch, or any engine that writes the
     Batch API's output lines, into results.jsonl)
    extractor batch import results.jsonl
    extractor batch export seeds/ --model M --out requests.jsonl   (the next round, if any)
    """


@batch_group.command(name="export")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--model", envvar="EXTRACTOR_MODEL", required=True, help="The model's name.")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="The JSON Lines file to write the requests to (replaced).",
)
@click.option(
    "--mode",
    type=click.Choice(["tools", "json", "md_json"]),
    default="tools",
    show_default=True,
    help="How the model returns records: tool calling, or JSON for engines without it.",
)
@click.option(
    "--max-retries",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Rounds of sending the checker's reasons back (each a new export).",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=MIN_PART),
    default=None,
    metavar="N",
    help="Ask about articles longer than N characters in parts.",
)
def export_command(
    paths: tuple[str, ...],
    db_path: str,
    model: str,
    out: str,
    mode: str,
    max_retries: int,
    max_chars: int | None,
) -> None:
    """Write the requests the articles under PATHS need now to OUT, as Batch API JSON Lines.

    The pages are read and stored; an article already extracted, or answered in
    the database, needs nothing. Run it again after each import: it writes the
    next round (records the checker refused, sent back), or an empty file when
    nothing is left to ask.

    \b
    Example:
        extractor batch export seeds/ --model Qwen/Qwen2.5-7B-Instruct --mode json --out requests.jsonl
    """
    from extractor import batch
    from extractor.extract.endpoint import ModeName
    from extractor.extract.endpoint import Settings as LLMSettings

    settings = LLMSettings(
        model=model,
        mode=cast(ModeName, mode),
        max_retries=max_retries,
        max_chars=max_chars,
    )
    store = _open(db_path)
    try:
        with progress_bar(True) as on_progress:
            way = batch.open_export_way(store, settings, Path(out))
            summary = execute(list(paths), store, way, on_progress)
        rows = [way.batches.batch(b) for b in way.sent]
    finally:
        store.close()
    print_summary(summary, db_path)
    requests = sum(row.requests for row in rows)
    click.echo(
        f"wrote {requests} request(s) for {summary.articles_waiting} article(s) to {out}"
        + (f" (round {max(row.round for row in rows)})" if rows else ": nothing left to ask")
    )
    if summary.stopped_by:
        raise click.ClickException(summary.stopped_by)
    if summary.pages_failed or summary.articles_failed:
        sys.exit(1)


@batch_group.command(name="import")
@click.argument("results", type=click.Path(dir_okay=False))
@db_option
@click.option(
    "--price-in",
    type=click.FloatRange(min=0),
    default=None,
    metavar="USD",
    help="The price of a million prompt tokens: the import's cost is stored.",
)
@click.option(
    "--price-out",
    type=click.FloatRange(min=0),
    default=None,
    metavar="USD",
    help="The price of a million completion tokens.",
)
def import_command(
    results: str, db_path: str, price_in: float | None, price_out: float | None
) -> None:
    """Read RESULTS (Batch API output lines answering an export), check and store.

    Each answer is logged as the reply to its request; the articles that waited
    on them are checked and stored, exactly as with calls made one at a time.
    Articles whose records the checker refused need another round: export again.

    \b
    Example:
        extractor batch import results.jsonl --db extractions.db
    """
    from extractor.batchfile import ImportWay

    if not Path(results).is_file():
        raise click.ClickException(f"{results}: no such file")
    if (price_in is None) != (price_out is None):
        raise click.ClickException("give both --price-in and --price-out (per million tokens)")
    prices = None if price_in is None or price_out is None else (price_in, price_out)
    store = _open(db_path)
    try:
        try:
            way = ImportWay(store, Path(results))
        except UserError as error:
            raise click.ClickException(str(error)) from None
        with progress_bar(True) as on_progress:
            summary = execute([], store, way, on_progress, prices)
    finally:
        store.close()
    print_summary(summary, db_path)
    if way.next_round:
        click.echo(
            f"{len(way.next_round)} article(s) need another round: run `extractor batch export` "
            "with the same pages and model again, and answer the file it writes"
        )
    if way.unanswered:
        click.echo(f"{len(way.unanswered)} article(s) still wait for results of an export")
    if summary.articles_failed:
        sys.exit(1)
