"""The review of one article: its text with every record highlighted, and what was rejected.

Accepted records carry `start`/`end`, character offsets into `articles.text`;
a rejected record has none, so its words (a metric's raw, a quote's text, a
campaign's name) are looked for in the text and marked where found. Spans
overlap (a metric inside a quote, two campaigns sharing words): the text is
cut at every span boundary and each piece is wrapped once, with the classes of
all the spans covering it, so the HTML is always well formed. Every piece of
text is escaped: articles come from OCR'd pages and are not to be trusted.

This module reads SQLite and writes HTML; it knows nothing of Datasette, which
passes it a connection and a way to build row URLs.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markupsafe import Markup

from extractor.tables import RECORD_TABLES

#: (table, id) → the URL of that row in Datasette.
RowUrl = Callable[[str, int], str]

#: Record types in the order the page lists them, with their table and printed field.
_PRINTED = {"metric": "raw", "quote": "text", "campaign": "name"}


@dataclass(frozen=True)
class Mark:
    """A span of the text to highlight: one record, where it is, where it links, what it reads as."""

    kind: str  # metric, quote, campaign, or rejected
    start: int
    end: int
    anchor: str  # the element id, e.g. "metric-12"
    href: str  # the record's row
    title: str  # the tooltip: the parsed reading, or the reasons


@dataclass
class Review:
    """Everything the review page shows of one article, read in one transaction."""

    article: dict[str, Any]
    page: dict[str, Any]
    runs: list[dict[str, Any]]  # the runs that extracted this article, newest first
    run: dict[str, Any] | None  # the run shown
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rejections: list[dict[str, Any]] = field(default_factory=list)


def load_review(conn: sqlite3.Connection, article_id: int, run_id: int | None) -> Review | None:
    """Read an article and the records one run stored for it (the newest run by default).

    One read transaction, so a run writing at the same time never shows half
    an article's records. None when there is no such article.
    """
    conn.execute("BEGIN")
    try:
        article = _one(conn, "select * from articles where id = ?", article_id)
        if article is None:
            return None
        page = _one(conn, "select * from pages where id = ?", article["page_id"]) or {}
        runs = _all(
            conn,
            "select r.id, r.backend, r.model, r.prompt_version, r.started_at, e.status "
            "from extractions e join runs r on r.id = e.run_id "
            "where e.article_id = ? order by r.id desc",
            article_id,
        )
        done = [r for r in runs if r["status"] == "done"]
        chosen = next((r for r in runs if r["id"] == run_id), None) if run_id else None
        run = chosen or (done[0] if done else None)
        review = Review(article=article, page=page, runs=runs, run=run)
        if run is not None:
            for record_type, table in RECORD_TABLES.items():
                review.records[record_type] = _all(
                    conn,
                    f"select * from [{table}] where article_id = ? and run_id = ? "
                    "order by coalesce(start, -1), id",
                    article_id,
                    run["id"],
                )
            review.rejections = [
                _parse_rejection(row)
                for row in _all(
                    conn,
                    "select * from rejections where article_id = ? and run_id = ? order by id",
                    article_id,
                    run["id"],
                )
            ]
        return review
    finally:
        conn.execute("ROLLBACK")


def _all(conn: sqlite3.Connection, sql: str, *params: object) -> list[dict[str, Any]]:
    """Rows as dicts, without touching the connection's row factory (Datasette's own)."""
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _one(conn: sqlite3.Connection, sql: str, *params: object) -> dict[str, Any] | None:
    rows = _all(conn, sql, *params)
    return rows[0] if rows else None


def _parse_rejection(row: dict[str, Any]) -> dict[str, Any]:
    """A rejections row with `record` and `reasons` decoded; bad JSON is shown as it is."""
    try:
        record = json.loads(row["record"] or "{}")
    except ValueError:
        record = {"record": row["record"]}
    try:
        reasons = json.loads(row["reasons"] or "[]")
    except ValueError:
        reasons = [row["reasons"]]
    if not isinstance(record, dict):
        record = {"record": record}
    if not isinstance(reasons, list):
        reasons = [reasons]
    printed = record.get(_PRINTED.get(row["record_type"], ""), "")
    return {
        **row,
        "record": record,
        "reasons": [str(reason) for reason in reasons],
        "printed": printed if isinstance(printed, str) else "",
    }


def _warnings_of(row: dict[str, Any]) -> list[str]:
    """An accepted row's warnings, decoded; none for a row stored before they were kept."""
    try:
        warnings = json.loads(row.get("warnings") or "[]")
    except ValueError:
        return [str(row["warnings"])]
    return [str(w) for w in warnings] if isinstance(warnings, list) else [str(warnings)]


# --- what a record reads as -------------------------------------------------------


def format_value(value: float | None) -> str:
    """A metric's value fully written out: 13000000000.0 → "13,000,000,000"; 98.24 stays."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def reading(record_type: str, row: dict[str, Any]) -> str:
    """The parsed reading of an accepted record, for its tooltip and its entry in the list.

    A metric: `130亿元 = 13,000,000,000 元 (exact) · 产值`.
    """
    if record_type == "metric":
        value = format_value(row.get("value"))
        if row.get("value_max") is not None:
            value += "–" + format_value(row["value_max"])
        text = f"{row.get('raw')} = {value} {row.get('unit') or ''} ({row.get('approx')})"
        return text + (f" · {row['label']}" if row.get("label") else "")
    if record_type == "quote":
        speaker = " ".join(p for p in (row.get("speaker_title"), row.get("speaker")) if p)
        return f"{speaker} ({row.get('kind')}): {row.get('text')}"
    extra = [f"{k}: {row[k]}" for k in ("organizer", "location") if row.get(k)]
    return " · ".join([str(row.get("name")), *extra])


@dataclass
class Entry:
    """One record as the page lists it: what it reads as, where it is marked, its row."""

    record_type: str
    id: int
    reading: str
    href: str
    anchor: str
    where: str | None = None  # "text", "headline", or None when its words are nowhere
    reasons: list[str] = field(default_factory=list)  # a rejection's reasons
    warnings: list[str] = field(default_factory=list)  # what deserves a look in an accepted one


@dataclass
class Layout:
    """The review page's HTML pieces: the headline lines and body with their marks, the lists."""

    headline: dict[str, Markup]  # kicker, title, subtitle (those printed)
    body: Markup
    accepted: dict[str, list[Entry]]
    rejected: list[Entry]


def layout(review: Review, row_url: RowUrl) -> Layout:
    """Place every record: accepted ones at their offsets, the others where their words are.

    Accepted records without offsets were named in the headline and are marked
    there; rejected records are marked at the first place their words occur,
    in the body, else in the headline.
    """
    text = review.article.get("text") or ""
    headline = {
        name: str(review.article[name])
        for name in ("kicker", "title", "subtitle")
        if review.article.get(name)
    }
    marks: dict[str, list[Mark]] = {"": [], **{name: [] for name in headline}}  # "" is the body

    def place(entry: Entry, kind: str, title: str, printed: str, span: tuple[Any, Any]) -> None:
        start, end = span
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            where, at = "", start
        else:
            parts = [("", text)] if kind == "rejected" else []
            found = [(n, part.find(printed)) for n, part in [*parts, *headline.items()] if printed]
            where, at = next(((n, i) for n, i in found if i >= 0), ("", -1))
            if at < 0:
                return
            end = at + len(printed)
        marks[where].append(Mark(kind, at, end, entry.anchor, entry.href, title))
        entry.where = "headline" if where else "text"

    accepted: dict[str, list[Entry]] = {}
    for record_type, rows in review.records.items():
        for row in rows:
            entry = Entry(
                record_type,
                row["id"],
                reading(record_type, row),
                row_url(RECORD_TABLES[record_type], row["id"]),
                f"{record_type}-{row['id']}",
                warnings=_warnings_of(row),
            )
            title = f"{record_type} {row['id']}: {entry.reading}"
            title += "".join(f"\nwarning: {warning}" for warning in entry.warnings)
            printed = row.get(_PRINTED[record_type]) or ""
            place(entry, record_type, title, str(printed), (row.get("start"), row.get("end")))
            accepted.setdefault(record_type, []).append(entry)
    rejected: list[Entry] = []
    for rejection in review.rejections:
        entry = Entry(
            rejection["record_type"],
            rejection["id"],
            rejection["printed"] or json.dumps(rejection["record"], ensure_ascii=False),
            row_url("rejections", rejection["id"]),
            f"rejection-{rejection['id']}",
            reasons=rejection["reasons"],
        )
        title = f"rejected {entry.record_type} {entry.id}: " + "; ".join(entry.reasons)
        place(entry, "rejected", title, rejection["printed"], (None, None))
        rejected.append(entry)
    return Layout(
        headline={
            name: highlight(part, marks[name], block=False) for name, part in headline.items()
        },
        body=highlight(text, marks[""]),
        accepted=accepted,
        rejected=rejected,
    )


def highlight(text: str, marks: list[Mark], block: bool = True) -> Markup:
    """The text as HTML paragraphs (one per line) with every mark's span highlighted.

    The text is cut at every span boundary and line break; each piece covered
    by marks becomes one `<mark>` with the classes of all of them, linking to
    the shortest (the most specific: a metric inside a quote links to the
    metric). Each mark's first piece is preceded by an empty element with the
    mark's anchor id, so `#metric-12` scrolls to it.
    """
    cuts = {0, len(text)}
    for mark in marks:
        cuts.update((mark.start, mark.end))
    for i, char in enumerate(text):
        if char == "\n":
            cuts.update((i, i + 1))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    paragraphs: list[list[str]] = [[]]
    anchored: set[str] = set()
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        if piece == "\n":
            paragraphs.append([])
            continue
        covering = sorted(
            (m for m in marks if m.start <= a and b <= m.end),
            key=lambda m: (m.end - m.start, m.start, m.anchor),
        )
        if not covering:
            paragraphs[-1].append(escape(piece))
            continue
        out = []
        for mark in sorted(covering, key=lambda m: (m.start, -m.end, m.anchor)):
            if mark.anchor not in anchored:
                anchored.add(mark.anchor)
                out.append(f'<span class="anchor" id="{escape(mark.anchor)}"></span>')
        primary = covering[0]
        kinds = sorted({m.kind for m in covering}, key=_KIND_ORDER.index)
        title = "\n".join(m.title for m in covering)
        out.append(
            f'<mark class="{" ".join(kinds)}" data-records="'
            f'{escape(" ".join(m.anchor for m in covering))}" title="{escape(title)}">'
            f'<a href="{escape(primary.href)}">{escape(piece)}</a></mark>'
        )
        paragraphs[-1].append("".join(out))
    if not block:
        return Markup(" ".join("".join(p) for p in paragraphs if p))
    return Markup("\n".join(f"<p>{''.join(p)}</p>" for p in paragraphs if p))


_KIND_ORDER = ["quote", "campaign", "metric", "rejected"]
