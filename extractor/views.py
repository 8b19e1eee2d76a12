"""What a researcher reads besides the tables: views that join each record with its source,
one name per campaign and per person, and the extractors side by side.

The views are SQL (sqlite-utils creates them), so Datasette serves each as a
table, with CSV and JSON links that give one flat table; `Store.migrate`
creates them again whenever the schema changes. The key columns they group
by (`campaigns.canonical`, `quotes.person`) are computed by `names.py` when a
record is stored and kept up to date here when a page's metadata changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from extractor.names import canonical_campaign, person_key
from extractor.pagemeta import FIELDS, PageMeta


def _export(table: str) -> str:
    """One record table joined with its article, page and run: a flat table to export.

    The source comes first (paper, date, …, the article's title), then every
    column of the record, then where to find it again.
    """
    return f"""
select p.paper, p.date, p.month, p.edition, p.page, a.title as article,
  r.*,
  x.id as extractor, u.backend,
  a.seq as article_seq, p.name as page_name, p.title as page_title, p.id as page_id
from [{table}] r
  join articles a on a.id = r.article_id
  join pages p on p.id = a.page_id
  join runs u on u.id = r.run_id
  left join extractors x
    on x.backend = u.backend and x.model = u.model and x.prompt_version = u.prompt_version
"""


#: Every view, by name, in the order they are created (a view may use one above it).
VIEWS: dict[str, str] = {
    # One row per backend, model and prompt version, numbered in the order each first ran:
    # the ids `extractor eval --extractor ID` and the `extractors_disagree` query take.
    "extractors": """
with kinds as (
  select backend, model, prompt_version, min(id) as first_run, max(id) as last_run,
    count(*) as runs
  from runs group by backend, model, prompt_version
),
numbered as (
  select row_number() over (order by first_run) as id, * from kinds
),
done as (
  select backend, model, prompt_version, count(*) as articles,
    sum(status = 'failed') as articles_failed
  from extractions group by backend, model, prompt_version
),
cost as (
  select u.backend, u.model, u.prompt_version, count(*) as calls,
    sum(c.prompt_tokens) as prompt_tokens, sum(c.completion_tokens) as completion_tokens
  from llm_calls c join runs u on u.id = c.run_id
  group by u.backend, u.model, u.prompt_version
)
select n.id, n.backend, n.model, n.prompt_version, n.runs, n.first_run, n.last_run,
  coalesce(d.articles, 0) as articles, coalesce(d.articles_failed, 0) as articles_failed,
  coalesce(c.calls, 0) as calls,
  coalesce(c.prompt_tokens, 0) as prompt_tokens,
  coalesce(c.completion_tokens, 0) as completion_tokens,
  round(1.0 * coalesce(c.calls, 0) / d.articles, 2) as calls_per_article,
  round(1.0 * (coalesce(c.prompt_tokens, 0) + coalesce(c.completion_tokens, 0)) / d.articles, 1)
    as tokens_per_article
from numbered n
  left join done d
    on d.backend = n.backend and d.model = n.model and d.prompt_version = n.prompt_version
  left join cost c
    on c.backend = n.backend and c.model = n.model and c.prompt_version = n.prompt_version
""",
    "export_metrics": _export("metrics"),
    "export_quotes": _export("quotes"),
    "export_campaigns": _export("campaigns"),
    # A campaign's canonical name with every name it was printed as and the rows using it.
    "campaign_names": """
select c.canonical,
  count(distinct c.article_id) as articles, count(distinct a.page_id) as pages,
  count(distinct p.paper) as papers, count(*) as records,
  min(p.date) as first_date, max(p.date) as last_date,
  json_group_array(distinct c.name) as printed_as,
  json_group_array(distinct p.paper) filter (where p.paper is not null) as in_papers,
  json_group_array(c.id) as campaign_ids
from campaigns c
  join articles a on a.id = c.article_id
  join pages p on p.id = a.page_id
group by c.canonical
""",
    # One person: a name in one paper (or on one page, when its paper is unknown).
    "people": """
select q.person, min(q.speaker) as name, max(p.paper) as paper,
  count(*) as quotes, count(distinct q.article_id) as articles,
  count(distinct a.page_id) as pages,
  json_group_array(distinct q.speaker_title) filter (where q.speaker_title is not null)
    as titles,
  min(p.date) as first_date, max(p.date) as last_date,
  json_group_array(q.id) as quote_ids
from quotes q
  join articles a on a.id = q.article_id
  join pages p on p.id = a.page_id
group by q.person
""",
}


def create_views(db: sqlite_utils.Database) -> None:
    """(Re)create every view, so each reads the current columns of its tables."""
    for name in reversed(VIEWS):
        db.execute(f"drop view if exists [{name}]")
    for name, sql in VIEWS.items():
        db.execute(f"create view [{name}] as {sql.strip()}")


def refresh_keys(
    db: sqlite_utils.Database, page_ids: Iterable[int] | None = None, *, missing: bool = False
) -> int:
    """Compute `campaigns.canonical` and `quotes.person` again: for the pages given (all when
    None), or with `missing`, only where they are empty (a database made before them).

    Returns how many rows changed.
    """
    where, params = "1", []
    if page_ids is not None:
        ids = list(page_ids)
        where = f"a.page_id in ({', '.join('?' * len(ids))})"
        params = ids
    changed = 0
    rows = db.execute(
        f"select c.id, c.name, c.canonical from campaigns c join articles a on a.id = c.article_id "
        f"where {where}" + (" and c.canonical is null" if missing else ""),
        params,
    ).fetchall()
    updates = [(key, id_) for id_, name, old in rows if (key := canonical_campaign(name)) != old]
    db.conn.executemany("update campaigns set canonical = ? where id = ?", updates)
    changed += len(updates)
    rows = db.execute(
        "select q.id, q.speaker, p.paper, p.id, q.person from quotes q "
        "join articles a on a.id = q.article_id join pages p on p.id = a.page_id "
        f"where {where}" + (" and q.person is null" if missing else ""),
        params,
    ).fetchall()
    updates = [
        (key, id_)
        for id_, speaker, paper, page, old in rows
        if (key := person_key(speaker, paper, page)) != old
    ]
    db.conn.executemany("update quotes set person = ? where id = ?", updates)
    return changed + len(updates)


def stored_meta(row: dict[str, Any]) -> PageMeta:
    """A `pages` row's metadata as a PageMeta."""
    meta = json.loads(row["meta"]) if row.get("meta") else {}
    return PageMeta(**{name: row.get(name) for name in FIELDS}, meta=meta)


def meta_columns(meta: PageMeta) -> dict[str, Any]:
    """A page's metadata as the columns of `pages` (month derived from the date)."""
    return {
        **{name: getattr(meta, name) for name in FIELDS},
        "month": meta.month,
        "meta": json.dumps(meta.meta, ensure_ascii=False, sort_keys=True) if meta.meta else None,
    }


def describe_page(db: sqlite_utils.Database, page_id: int, meta: PageMeta) -> bool:
    """Lay `meta` over what a stored page already has (fields given win, `meta` keys merge).

    A changed paper changes who its quotes are by (`quotes.person`). The
    caller holds the transaction. Returns whether anything changed.
    """
    cursor = db.execute("select * from pages where id = ?", [page_id])
    names = [c[0] for c in cursor.description]
    row = dict(zip(names, cursor.fetchone(), strict=True))
    before = stored_meta(row)
    after = before.merged(meta)
    if after == before:
        return False
    columns = meta_columns(after)
    db.execute(
        f"update pages set {', '.join(f'[{c}] = ?' for c in columns)} where id = ?",
        [*columns.values(), page_id],
    )
    if after.paper != before.paper:
        refresh_keys(db, [page_id])
    return True
