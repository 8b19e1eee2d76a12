"""`extractor segment` and `extractor verify`: one page, how it is cut and what the checker
says of records about it.

The commands register themselves on `extractor.cli.main`, which imports this module.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel, ValidationError

from extractor.check import Checker
from extractor.cli import _fail, main
from extractor.errors import UserError
from extractor.models import Campaign, Metric, Quote
from extractor.page_lines import reflow
from extractor.reporters import page_reporters
from extractor.segment import segment_page
from extractor.sources import read_page


@main.command()
@click.argument("page", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the articles as JSON.")
def segment(page: str, as_json: bool) -> None:
    """Show how PAGE is cut into articles: headline, kicker, byline, body.

    \b
    Example:
        extractor segment seeds/000_68a2d2bd55ad5801.txt
    """
    try:
        source = read_page(Path(page))
    except UserError as error:
        _fail(f"{page}: {error}")
    articles = segment_page(source.text)
    if as_json:
        click.echo(json.dumps([a.model_dump() for a in articles], ensure_ascii=False, indent=2))
        return
    for article in articles:
        click.echo(f"[{article.seq}] {article.title or '(untitled photo)'}")
        for name in ("kicker", "subtitle", "byline", "dateline"):
            value = getattr(article, name)
            if value:
                click.echo(f"    {name}: {value}")
        for paragraph in article.text.split("\n"):
            click.echo(f"    | {paragraph}")
        click.echo()


_VERIFY_TYPES: dict[str, tuple[str, type[BaseModel]]] = {
    "metrics": ("metric", Metric),
    "quotes": ("quote", Quote),
    "campaigns": ("campaign", Campaign),
}


@main.command()
@click.argument("page", type=click.Path(dir_okay=False))
@click.argument("records", type=click.Path(dir_okay=False))
def verify(page: str, records: str) -> None:
    """Check the records in RECORDS (a JSON file in the gold format) against PAGE.

    Each record is checked against the whole reflowed page and reported, in
    input order, as accepted or rejected with its reasons, and with the
    warnings of an accepted record that deserves a look, as JSON. The page's
    reporters (its bylines and datelines, and those RECORDS gives) are no
    speakers. Exits 1 when any record is rejected.

    \b
    Example:
        extractor verify seeds/000_68a2d2bd55ad5801.txt tests/gold/000_68a2d2bd55ad5801.json
    """
    try:
        source = read_page(Path(page))
    except UserError as error:
        _fail(f"{page}: {error}")
    try:
        data = json.loads(Path(records).read_text(encoding="utf-8-sig"))
        articles = data["articles"]
        if not isinstance(articles, list):
            raise TypeError
        json.dumps(data, ensure_ascii=False).encode()  # lone surrogates (\ud800) fail here
    except FileNotFoundError:
        _fail(f"{records}: no such file")
    except OSError as error:
        _fail(f"{records}: cannot read: {error.strerror or error}")
    except (ValueError, KeyError, TypeError, RecursionError):
        _fail(f"{records}: not a records file in the gold format (a JSON object with 'articles')")
    unknown = sorted({key for a in articles if isinstance(a, dict) for key in a} - _ARTICLE_FIELDS)
    if unknown:
        _fail(f"{records}: unknown article field(s): {', '.join(unknown)}")
    given = [(a.get("byline"), a.get("dateline")) for a in articles if isinstance(a, dict)]
    checker = Checker(reflow(source.text), reporters=page_reporters(source.text, given))
    report: list[dict[str, Any]] = []
    for a, article in enumerate(articles):
        for key, items in article.items() if isinstance(article, dict) else []:
            if key not in _VERIFY_TYPES or not isinstance(items, list):
                continue
            record_type, model = _VERIFY_TYPES[key]
            for j, item in enumerate(items):
                reasons, warnings = _verify_one(checker, model, item)
                report.append(
                    {
                        "record_type": record_type,
                        "article": a,
                        "index": j,
                        "status": "rejected" if reasons else "accepted",
                        "reasons": reasons,
                        "warnings": warnings,
                    }
                )
    click.echo(json.dumps({"records": report}, ensure_ascii=False, indent=2))
    if any(entry["reasons"] for entry in report):
        sys.exit(1)


_ARTICLE_FIELDS = {"title", "kicker", "subtitle", "byline", "dateline", *_VERIFY_TYPES}


def _verify_one(
    checker: Checker, model: type[BaseModel], item: object
) -> tuple[list[str], list[str]]:
    """The reasons a record is rejected, and the warnings of one accepted."""
    try:
        record = model.model_validate(item)
    except ValidationError as error:
        return [
            f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in error.errors()
        ], []
    if isinstance(record, Metric):
        span, reasons = checker.check_metric(record)
    elif isinstance(record, Quote):
        span, reasons = checker.check_quote(record)
    else:
        assert isinstance(record, Campaign)
        span, reasons = checker.check_campaign(record)
    if reasons:
        return reasons, []
    return [], checker.warnings(record, span)
