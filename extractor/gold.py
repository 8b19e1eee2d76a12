"""Gold files: a person's answers for one page, in the format of `docs/annotation.md`.

- `check_gold`: every problem of a gold file against the text of its page. Each
  `raw`, quote `text` and `speaker`, campaign `name`, and each article's title,
  kicker, subtitle and byline must be printed in the page (compared as the
  checker compares: NFKC, whitespace removed, and quotation marks too for quote
  texts and names); and the file must be well formed (known fields, numeric
  values, an `approx` and a `kind` the guidelines name, a unit without a
  magnitude unless its prefix is part of it).
- `draft_gold`: a gold file drafted from the records a page's extraction
  accepted, for a person to correct by hand and then score against.
"""

from __future__ import annotations

import json
import math
from typing import Any, get_args

from pydantic import BaseModel

from extractor.models import (
    Approx,
    GoldArticle,
    GoldCampaign,
    GoldMetric,
    GoldPage,
    GoldQuote,
    QuoteKind,
)
from extractor.store import Extractor, Store
from extractor.tables import RECORD_TABLES
from extractor.textindex import normalize

#: Units whose prefix is part of their name keep it, as statistics tables print them
#: (`450万千瓦` → 4500000 `千瓦`); in any other unit 万, 亿, 千 and 百 are magnitudes.
PREFIXED_UNITS = ("千瓦时", "千瓦", "千伏", "千米", "千克", "个百分点", "百分点")
MAGNITUDES = "万亿千百"
#: An article's lines that gold copies from the page as printed.
_PRINTED_LINES = ("title", "kicker", "subtitle", "byline")
#: Each list of records in an article: the name of one record, and its model.
_RECORDS: dict[str, tuple[str, type[BaseModel]]] = {
    "metrics": ("metric", GoldMetric),
    "quotes": ("quote", GoldQuote),
    "campaigns": ("campaign", GoldCampaign),
}


def unit_problem(unit: str) -> str | None:
    """Why `unit` is no unit of the guidelines, or None.

    `"亿元"` → `"unit '亿元' keeps a magnitude (亿): write it in value"`; `"千瓦时"` → None.
    """
    rest = unit
    for kept in PREFIXED_UNITS:
        rest = rest.replace(kept, "")
    found = "".join(dict.fromkeys(c for c in rest if c in MAGNITUDES))
    if found:
        return f"unit {unit!r} keeps a magnitude ({found}): write it in value"
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _unknown(record: dict[str, Any], model: type[BaseModel]) -> list[str]:
    """Fields the format does not know: a misspelt `optional` would otherwise be dropped."""
    return [f"unknown field {key!r}" for key in record if key not in model.model_fields]


class _Page:
    """The page in the two forms records are matched in."""

    def __init__(self, text: str) -> None:
        self.plain = normalize(text)
        self.unquoted = normalize(text, drop_quotes=True)

    def prints(self, words: str, *, ignore_quotes: bool = False) -> bool:
        if ignore_quotes:
            return normalize(words, drop_quotes=True) in self.unquoted
        return normalize(words) in self.plain


def _text_field(record: dict[str, Any], name: str) -> tuple[str | None, list[str]]:
    """A required text field of a record, or the problem with it."""
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        return None, [f"{name} missing or empty" if value in (None, "") else f"{name} not text"]
    return value, []


def _metric_problems(metric: dict[str, Any], page: _Page) -> list[str]:
    raw, problems = _text_field(metric, "raw")
    if raw is not None and not page.prints(raw):
        problems.append(f"raw {raw!r} not in page")
    value, value_max = metric.get("value"), metric.get("value_max")
    if not _is_number(value):
        problems.append(f"value {value!r} is not a number")
    if value_max is not None and not _is_number(value_max):
        problems.append(f"value_max {value_max!r} is not a number or null")
    elif value_max is not None and _is_number(value) and value_max <= value:
        problems.append(f"value_max {value_max} is not above value {value}")
    unit = metric.get("unit")
    if not isinstance(unit, str):
        problems.append(f"unit {unit!r} is not text")
    elif problem := unit_problem(unit):
        problems.append(problem)
    if metric.get("approx", "exact") not in get_args(Approx):
        problems.append(
            f"approx {metric.get('approx')!r} is not one of {', '.join(get_args(Approx))}"
        )
    return problems


def _quote_problems(quote: dict[str, Any], page: _Page) -> list[str]:
    text, problems = _text_field(quote, "text")
    if text is not None and not page.prints(text, ignore_quotes=True):
        problems.append(f"text not in page: {text[:30]!r}")
    speaker, missing = _text_field(quote, "speaker")
    problems += missing
    if speaker is not None and not page.prints(speaker):
        problems.append(f"speaker {speaker!r} not in page")
    if quote.get("kind") not in get_args(QuoteKind):
        problems.append(f"kind {quote.get('kind')!r} is not direct or indirect")
    return problems


def _campaign_problems(campaign: dict[str, Any], page: _Page) -> list[str]:
    name, problems = _text_field(campaign, "name")
    if name is not None and not page.prints(name, ignore_quotes=True):
        problems.append(f"name {name!r} not in page")
    return problems


_CHECKS = {"metrics": _metric_problems, "quotes": _quote_problems, "campaigns": _campaign_problems}


def check_gold(gold: object, page_text: str, page_name: str | None = None) -> list[str]:
    """Every problem of a gold file (its parsed JSON) against its page, one line each.

    `page_name`, when given, must be the file's `source`. An empty list: the
    file is well formed and everything it quotes is printed in the page. A metric
    `{"raw": "131亿元", "unit": "亿元", …}` in the first article, titled 拉萨, of a
    page printing 130亿元 gives two problems:
    `article 0 (拉萨), metric 0: raw '131亿元' not in page` and
    `article 0 (拉萨), metric 0: unit '亿元' keeps a magnitude (亿): write it in value`.
    """
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
        return ["not a gold file: a JSON object with 'source' and a list of 'articles'"]
    problems = _unknown(gold, GoldPage)
    source = gold.get("source")
    if not isinstance(source, str) or not source:
        problems.append("source missing: the page's file name")
    elif page_name is not None and source != page_name:
        problems.append(f"source {source!r} is not the page's file name {page_name!r}")
    page = _Page(page_text)
    for i, article in enumerate(gold["articles"]):
        if not isinstance(article, dict):
            problems.append(f"article {i}: not a JSON object")
            continue
        where = f"article {i}{_shortened(article.get('title'))}"
        problems += [f"{where}: {p}" for p in _unknown(article, GoldArticle)]
        for name in _PRINTED_LINES:
            line = article.get(name)
            if line is not None and not isinstance(line, str):
                problems.append(f"{where}: {name} is not text or null")
            elif line and not page.prints(line):
                problems.append(f"{where}: {name} not in page: {line!r}")
        for key, (singular, model) in _RECORDS.items():
            records = article.get(key, [])
            if not isinstance(records, list):
                problems.append(f"{where}: {key} is not a list")
                continue
            seen: dict[str, int] = {}
            for j, record in enumerate(records):
                here = f"{where}, {singular} {j}"
                if not isinstance(record, dict):
                    problems.append(f"{here}: not a JSON object")
                    continue
                found = _unknown(record, model) + _CHECKS[key](record, page)
                same = seen.setdefault(json.dumps(record, sort_keys=True), j)
                if same != j:  # one record listed twice is scored as one found, one missed
                    found.append(f"the same record as {singular} {same}")
                if not isinstance(record.get("optional", False), bool):
                    found.append("optional is not true or false")
                problems += [f"{here}: {p}" for p in found]
    return problems


def _shortened(title: object) -> str:
    """` (墨竹工卡县：“五措并举”把稳安全生产关…)`: enough of a title to find the article by."""
    if not isinstance(title, str) or not title.strip():
        return ""
    return f" ({title if len(title) <= 20 else title[:20].rstrip() + '…'})"


def counts(gold: dict[str, Any]) -> str:
    """`8 articles, 33 metrics, 15 quotes, 29 campaigns`: what a well-formed gold file holds."""
    articles = gold["articles"]
    sizes = {key: sum(len(a.get(key, [])) for a in articles) for key in _RECORDS}
    return f"{len(articles)} articles, " + ", ".join(f"{n} {key}" for key, n in sizes.items())


# --- drafting from the database ---------------------------------------------------------


def page_extractor(store: Store, page_id: int) -> Extractor | None:
    """What extracted the page most recently (its latest run with an article done), or None."""
    row = store.db.execute(
        "select e.backend, e.model, e.prompt_version from extractions e "
        "join articles a on a.id = e.article_id "
        "where a.page_id = ? and e.status = 'done' order by e.run_id desc limit 1",
        [page_id],
    ).fetchone()
    return Extractor(*row) if row else None


def _gold_record(row: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """A stored record as a gold record: the format's fields only, `optional` false."""
    record = {name: row.get(name) for name in model.model_fields if name != "optional"}
    for name in ("value", "value_max"):  # 13000000000, not 1.3e10
        number = record.get(name)
        if isinstance(number, float) and number.is_integer():
            record[name] = int(number)
    return {**record, "optional": False}


def draft_gold(store: Store, page_id: int, extractor: Extractor) -> dict[str, Any]:
    """A gold file of the page's articles and the records `extractor` accepted in them.

    Articles in page order, records in the order they are printed (those named
    only in the headline first). Everything it holds is grounded, so it passes
    `check_gold`; what is missing or wrong is for the person who corrects it.
    """
    (name,) = store.db.execute("select name from pages where id = ?", [page_id]).fetchone()
    articles: list[dict[str, Any]] = []
    for article_id, article in store.articles_of(page_id):
        entry: dict[str, Any] = {line: getattr(article, line) for line in _PRINTED_LINES}
        for key, (singular, model) in _RECORDS.items():
            rows = store.db.query(
                f"select r.* from {RECORD_TABLES[singular]} r join extractions e "
                "on e.article_id = r.article_id and e.run_id = r.run_id "
                "where r.article_id = ? and e.backend = ? and e.model = ? "
                "and e.prompt_version = ? order by r.start is not null, r.start, r.id",
                [article_id, extractor.backend, extractor.model, extractor.prompt_version],
            )
            entry[key] = [_gold_record(row, model) for row in rows]
        articles.append(entry)
    return {"source": name, "articles": articles}
