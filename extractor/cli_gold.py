"""`extractor gold`: draft a gold file from the database; check a gold file against its page.

The commands register themselves on `extractor.cli.main`, which imports this module.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from extractor.cli import _fail, _open_store, db_option, main
from extractor.errors import UserError
from extractor.gold import check_gold, counts, draft_gold, page_extractor
from extractor.sources import PageSource, read_page


@main.group()
def gold() -> None:
    """Gold files: a person's answers for a page, to score extractions against.

    Drafted from the database, corrected by hand, checked against the page,
    then used by `extractor eval`. The format and the rules are in
    docs/annotation.md.

    \b
    extractor gold draft seeds/000_68a2d2bd55ad5801.txt --out gold/000_68a2d2bd55ad5801.json
    extractor gold check gold/000_68a2d2bd55ad5801.json seeds/000_68a2d2bd55ad5801.txt
    extractor eval --gold gold
    """


def _page(page: str) -> PageSource:
    try:
        return read_page(Path(page))
    except UserError as error:
        _fail(f"{page}: {error}")


def _json(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        _fail(f"{path}: no such file")
    except OSError as error:
        _fail(f"{path}: cannot read: {error.strerror or error}")
    except ValueError as error:  # not UTF-8, or not JSON
        _fail(f"{path}: not JSON: {error}")


@gold.command()
@click.argument("gold_file", metavar="GOLD", type=click.Path(dir_okay=False))
@click.argument("page", type=click.Path(dir_okay=False))
def check(gold_file: str, page: str) -> None:
    """Check the gold file GOLD against PAGE: one line per problem, exit 1 if any.

    Every metric raw, quote text and speaker, campaign name, and each article's
    title, kicker, subtitle and byline must be printed in the page (whitespace
    and, for quotes and names, quotation marks aside); values must be numbers,
    approx and kind the guidelines' words, units free of magnitudes (万, 亿,
    千, 百) unless the prefix is part of the unit (千瓦, 千米, 个百分点); the
    file's source must be PAGE's file name.

    \b
    Example:
        extractor gold check tests/gold/000_68a2d2bd55ad5801.json seeds/000_68a2d2bd55ad5801.txt
    """
    data = _json(gold_file)
    problems = check_gold(data, _page(page).text, Path(page).name)
    for problem in problems:
        click.echo(f"{gold_file}: {problem}")
    if problems:
        sys.exit(1)
    click.echo(f"{gold_file}: {counts(data)}, all printed in {page}")


@gold.command()
@click.argument("page", type=click.Path(dir_okay=False))
@db_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Write the draft to this file, which must not exist yet (its folder is made "
    "if needed). [default: print it]",
)
def draft(page: str, db_path: str, out: str | None) -> None:
    """Draft a gold file for PAGE from the records its extraction accepted.

    The records are those of the latest run that extracted the page. Correct
    the draft by hand (add what was missed, remove or fix what is wrong, mark
    borderline records optional), check it with `extractor gold check`, then
    score against it with `extractor eval --gold DIR`.

    \b
    Example:
        extractor run seeds/000_68a2d2bd55ad5801.txt
        extractor gold draft seeds/000_68a2d2bd55ad5801.txt --out gold/000_68a2d2bd55ad5801.json
    """
    source = _page(page)
    if out is not None and Path(out).exists():
        _fail(f"{out} exists: a draft never overwrites a file (remove it or give another --out)")
    if not Path(db_path).exists():
        _fail(f"{db_path}: no such database (run `extractor run` first)")
    store = _open_store(db_path)
    try:
        row = store.db.execute("select id from pages where sha256 = ?", [source.sha256]).fetchone()
        if row is None:
            _fail(f"{page}: not in {db_path} (run `extractor run {page} --db {db_path}` first)")
        extractor = page_extractor(store, row[0])
        if extractor is None:
            _fail(f"{page}: no article of it was extracted in {db_path}")
        data = draft_gold(store, row[0], extractor)
    finally:
        store.close()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, encoding="utf-8")
    except OSError as error:
        _fail(f"{out}: cannot write: {error.strerror or error}")
    click.echo(
        f"{out}: {counts(data)}, drafted from the records of "
        f"{extractor.backend} {extractor.model} {extractor.prompt_version}; correct it by hand",
        err=True,
    )
