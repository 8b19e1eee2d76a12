"""The `extractor` command line: thin wrappers that parse options, call a stage, print.

Errors a user can cause are printed on one line (`error: …`) with a non-zero
exit; tracebacks are left for bugs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, cast

import click

from extractor import cli_batch, pipeline, pipeline_llm
from extractor.compare import compare
from extractor.errors import UserError
from extractor.extract.parts import MIN_PART
from extractor.manifest import labels_for_run
from extractor.models import json_schemas
from extractor.report import (
    print_eval,
    print_interrupted,
    print_labels,
    print_summary,
    progress_bar,
)
from extractor.store import Store

DEFAULT_DB = "extractions.db"
db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The SQLite database to write or read.",
)


def _fail(message: str) -> NoReturn:
    raise click.ClickException(message)


def _open_store(db_path: str) -> Store:
    if db_path.strip() in ("", ":memory:"):
        _fail(f"--db {db_path!r}: give the path of a database file")
    try:
        return Store.open(db_path)
    except UserError as error:
        _fail(str(error))


@click.group()
@click.version_option(package_name="extractor")
def main() -> None:
    """Turn OCR'd Chinese newspaper pages into a checked database of campaigns,
    metrics and quotes.

    \b
    extractor run seeds/              extract pages into extractions.db
    extractor segment seeds/000_68a2d2bd55ad5801.txt
    extractor eval --gold tests/gold  score the database against gold files
    extractor inspect                 read extractions.db in Datasette
    """


def llm_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options of the LLM backend, named as in the README's examples."""
    options = [
        click.option(
            "--model",
            envvar="EXTRACTOR_MODEL",
            help="Extract with this model through an OpenAI-compatible endpoint "
            "[env: EXTRACTOR_MODEL]. Without it, the offline rules backend extracts.",
        ),
        click.option(
            "--base-url",
            envvar="OPENAI_BASE_URL",
            help="The endpoint, e.g. http://localhost:11434/v1 [env: OPENAI_BASE_URL; "
            "default: OpenAI].",
        ),
        click.option(
            "--api-key-env",
            default="OPENAI_API_KEY",
            show_default=True,
            metavar="NAME",
            help="The environment variable holding the API key (the key is never stored).",
        ),
        click.option(
            "--mode",
            type=click.Choice(["tools", "json", "md_json"]),
            default="tools",
            show_default=True,
            help="How the model returns records: tool calling, or JSON for servers without it.",
        ),
        click.option(
            "--concurrency",
            type=click.IntRange(min=1),
            default=8,
            show_default=True,
            help="Model calls in flight at once.",
        ),
        click.option(
            "--max-retries",
            type=click.IntRange(min=0),
            default=2,
            show_default=True,
            help="Rounds of sending the checker's reasons back for rejected records "
            "(and re-asks for replies that cannot be read).",
        ),
        click.option(
            "--max-attempts",
            type=click.IntRange(min=1),
            default=6,
            show_default=True,
            help="Attempts per call on 429, 5xx, timeouts and dropped connections.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=120.0,
            show_default=True,
            help="Seconds a call may take before it is cut and retried.",
        ),
        click.option(
            "--max-chars",
            type=click.IntRange(min=MIN_PART),
            default=None,
            metavar="N",
            help="Ask about articles longer than N characters in parts, split where "
            "paragraphs end (for servers that cut long prompts without saying so). "
            "Without it, an article is split when the endpoint says it is too long.",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            help="Do not answer calls from the log of earlier calls: every request is sent "
            "(and logged). Articles already extracted are still skipped.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for the rules backend. [default: 1 for under 50 pages, "
    "else one per core, at most 4]",
)
@click.option(
    "--no-search",
    is_flag=True,
    help="Leave full-text search to be indexed later (by the next run, or by "
    "extractor inspect): faster for big batches.",
)
@click.option(
    "--manifest",
    "manifest_file",
    type=click.Path(dir_okay=False),
    help="A CSV or JSON Lines file giving each page's paper, date (YYYY-MM-DD), edition, "
    "page and title, by its path or file name; other columns are kept in pages.meta.",
)
@click.option(
    "--name-pattern",
    metavar="PATTERN",
    help="Read paper, date, edition, page or title from file names, e.g. "
    "'{paper}_{date}_{page}.txt' (a manifest's values win).",
)
@llm_options
@cli_batch.run_options
def run(
    paths: tuple[str, ...],
    db_path: str,
    jobs: int | None,
    no_search: bool,
    manifest_file: str | None,
    name_pattern: str | None,
    model: str | None,
    base_url: str | None,
    api_key_env: str,
    mode: str,
    concurrency: int,
    max_retries: int,
    max_attempts: int,
    timeout: float,
    max_chars: int | None,
    no_cache: bool,
    **batching: Any,
) -> None:
    """Segment, extract, check and store the pages under PATHS.

    PATHS are page files or directories (searched for *.txt, recursively).
    With --model (or EXTRACTOR_MODEL), a model extracts through any
    OpenAI-compatible endpoint; without, the offline rules backend does. Either
    way the checker decides what is accepted. A re-run of the same pages
    resumes and adds no duplicates; with a model, requests answered before are
    answered from the database. Files that cannot be read, and articles whose
    extraction fails, are reported on one line each; the others go on, and the
    exit status is 1.

    --manifest and --name-pattern store each page's paper, date, edition, page
    and title (a page stored before gets them too); rows that cannot be used
    are reported one line each, and the exit status is 1.

    \b
    Examples:
        extractor run seeds/ --db extractions.db
        extractor run pages/ --manifest pages.csv
        extractor run pages/ --name-pattern '{paper}_{date}_{page}.txt'
        OPENAI_API_KEY=sk-... extractor run seeds/ --model gpt-4o-mini
        OPENAI_API_KEY=sk-... extractor run seeds/ --model gpt-4o-mini --batch --wait
        extractor run seeds/ --model qwen2.5:7b --base-url http://localhost:11434/v1 --mode json
    """
    if model is not None and not model.strip():
        _fail(
            f"--model {model!r}: give a model's name, or leave --model out to use the rules backend"
        )
    if model is None:
        context = click.get_current_context()
        llm_only = ("base_url", "api_key_env", "mode", "concurrency", "max_retries")
        more = ("max_attempts", "timeout", "max_chars", "no_cache", *cli_batch.RUN_OPTIONS)
        for name in (*llm_only, *more):
            if context.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE:
                option = "--" + name.replace("_", "-")
                _fail(f"{option} needs a model: give --model or set EXTRACTOR_MODEL")
    elif jobs is not None:
        _fail("--jobs is for the rules backend; with a model, use --concurrency")
    try:
        labels = labels_for_run(paths, manifest_file, name_pattern)
        cli_batch.check_run_options(batching, no_cache)
    except UserError as error:
        _fail(str(error))
    store = _open_store(db_path)
    store.index_search = not no_search
    last_run = store.db.execute("select coalesce(max(id), 0) from runs").fetchone()[0]
    try:
        settings = backend = None
        if model is not None:
            from extractor.extract import llm  # the openai stack loads only when needed

            settings = llm.Settings(
                model=model,
                base_url=base_url or None,
                api_key_env=api_key_env,
                mode=cast(llm.ModeName, mode),
                concurrency=concurrency,
                max_retries=max_retries,
                attempts=max_attempts,
                timeout=timeout,
                max_chars=max_chars,
                cache=not no_cache,
            )
            if not (batching["batch"] or batching["dry_run"]):
                try:  # before the progress bar: a bad endpoint is one line
                    backend = llm.connect(settings, store)
                except UserError as error:
                    _fail(str(error))
        with progress_bar(settings is not None) as on_progress:
            try:
                if settings is None:
                    summary = pipeline.run(
                        list(paths),
                        store,
                        jobs=jobs,
                        on_progress=on_progress,
                        page_meta=labels.meta,
                    )
                elif backend is None:
                    batched = cli_batch.run_with_model(
                        list(paths), store, settings, batching, on_progress, labels.meta
                    )
                    if batched is None:
                        return  # a dry run: its estimate is printed
                    summary = batched
                else:
                    summary = pipeline_llm.run(
                        list(paths),
                        store,
                        backend,
                        on_progress=on_progress,
                        prices=cli_batch.prices_of(batching),
                        page_meta=labels.meta,
                    )
            except UserError as error:
                _fail(str(error))
    except KeyboardInterrupt:
        # The run has recorded itself as interrupted, with what it stored.
        query = "select * from runs where id > ? order by id limit 1"
        print_interrupted(next(store.db.query(query, [last_run]), None), db_path)
        sys.exit(130)
    finally:
        store.close()
    print_summary(summary, db_path)
    if manifest_file or name_pattern:
        print_labels(labels)
    cli_batch.print_waiting(summary)
    if summary.stopped_by:
        _fail(summary.stopped_by)
    if summary.pages_failed or summary.articles_failed or labels.problems:
        sys.exit(1)


@main.command(name="eval")
@db_option
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="A directory of gold files, one per page (<page file name>.json).",
)
@click.option(
    "--extractor",
    "extractor_id",
    metavar="ID",
    help="Score only this extractor: its id in the comparison (the extractors view), "
    "its model (or backend) name, or MODEL@VERSION with the start of its prompt version.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evalcommand_path(db_path: str, gold_dir: str, extractor_id: str | None, as_json: bool) -> None:
    """Score the database against gold files: precision, recall, F1 per type and page.

    Every extractor in the database (backend, model and prompt version) is
    scored, side by side, with how often matched metrics' labels and matched
    campaigns' organizers and locations agree with gold, and for a model its
    calls and tokens per article. With one extractor (or --extractor), the
    scores are shown page by page. The JSON holds every extractor under
    "extractors"; its top level is the latest run's extractor (or the one picked).

    \b
    Examples:
        extractor eval --db extractions.db --gold tests/gold
        extractor eval --gold tests/gold --extractor 2 --json
    """
    if not Path(db_path).exists():
        _fail(f"{db_path}: no such database (run `extractor run` first)")
    store = _open_store(db_path)
    try:
        scored = compare(store, Path(gold_dir), extractor_id)
        latest = store.latest_extractor()
    except UserError as error:
        _fail(str(error))
    finally:
        store.close()
    shown = next((s for s in scored if s.row.extractor == latest), scored[-1])
    if len(shown.report.missing) == len(shown.report.pages):
        _fail(
            f"none of the {len(shown.report.pages)} pages of the gold files in {gold_dir} is in "
            f"{db_path}: extract them first (a gold file names its page by file name, "
            "as its source)"
        )
    if as_json:
        document = {**shown.report.as_dict(), "extractors": [s.as_dict() for s in scored]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    print_eval(scored, shown, db_path)


@main.command()
@click.option(
    "--out",
    "out_dir",
    default="schemas",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where to write <type>.schema.json.",
)
def schemas(out_dir: str) -> None:
    """Export the JSON Schemas of the record types from the pydantic models.

    \b
    Example:
        extractor schemas --out schemas
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (out / f"{name}.schema.json").write_text(text, encoding="utf-8")
        click.echo(out / f"{name}.schema.json")


@main.command(name="inspect")
@db_option
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8001,
    show_default=True,
    help="The port to listen on, on 127.0.0.1 (0: any free port).",
)
@click.option(
    "--live",
    is_flag=True,
    help="Read the database live from the start, as while a run writes to it. "
    "[default: immutable while nothing writes to it, live once something does]",
)
def inspectcommand_path(db_path: str, port: int, live: bool) -> None:
    """Serve the database in Datasette on 127.0.0.1, read-only, until Ctrl-C.

    Tables with descriptions, facets, search and canned queries; from an
    article's row, a review page shows its text with every record
    highlighted and the rejected ones with their reasons. Nothing can be
    changed through it. The database is read immutable while nothing writes
    to it, and live (seeing each article a run stores) once something does.

    \b
    Example:
        extractor inspect --db extractions.db --port 8001
    """
    try:
        from extractor.inspect import server  # Datasette takes most of a second to import

        server.serve(db_path, port=port, live=live, echo=click.echo)
    except UserError as error:
        _fail(str(error))
    except KeyboardInterrupt:  # Ctrl-C before the server started: nothing to say
        pass


main.add_command(cli_batch.batch_group)

# The page and `gold` commands, in modules of their own, register themselves on `main`.
from extractor import cli_gold, cli_page  # noqa: E402, F401
