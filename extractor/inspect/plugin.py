"""The project's Datasette plugin: the review page of an article, and links to it.

- `/-/review/<database>/<article id>` shows the article's text with every
  record highlighted (see `review.py`); `?run=N` picks the run, the newest
  by default.
- In the `articles` table and on an article's row, the title gets a
  "review" link; in `rejections`, the reasons are shown as a list.
- Error pages are answered without a traceback on the console (`server.py`
  puts this handler in place of Datasette's, which printed every 404 with its
  locals): a 4xx quietly, a server error with one line on stderr.
- A table's search box (`?_search=`) looks words of any length up in the
  pair index (`search_query.py`) instead of Datasette's own FTS search, and
  the `search` query gets the SQL function it calls (`search_match`).

Its templates and stylesheet are package data beside it (`templates/`,
`static/`); `server.py` gives them to Datasette.

The plugin only reads: it runs SELECTs on Datasette's read connections.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar, cast

import datasette
from datasette.filters import FilterArguments
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import BadRequest, Base400, NotFound, Request, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from extractor.inspect.review import layout, load_review
from extractor.search import SEARCH_COLUMNS, index_name
from extractor.search_query import matching, word_match
from extractor.tables import RECORD_TABLES

_Hook = TypeVar("_Hook", bound=Callable[..., Any])
#: Datasette's hook marker, typed: it returns the function it marks.
hookimpl = cast(Callable[[_Hook], _Hook], datasette.hookimpl)
#: The same, for a hook called after every other plugin's.
hookimpl_last = cast(Callable[[_Hook], _Hook], datasette.hookimpl(trylast=True))

#: The route of the review page, as Datasette matches it. Any id is taken, so that
#: one that is not a number is a 404 of this page, not a path no route knows.
REVIEW_ROUTE = r"^/-/review/(?P<database>[^/]+)/(?P<article_id>[^/]+)$"
#: Where `server.py` mounts this package's static/ directory.
STATIC_MOUNT = "-/extractor-static"


def review_path(datasette: Any, database: str, article_id: int) -> str:
    """The URL path of an article's review page (honours Datasette's base_url)."""
    return str(datasette.urls.path(f"-/review/{tilde_encode(database)}/{article_id}"))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(REVIEW_ROUTE, review_page)]


async def review_page(datasette: Any, request: Request) -> Response:
    """The review page of one article; 404 for an unknown database, article or run."""
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"no database {name}") from None
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (name, "articles")), ("view-database", name), "view-instance"],
    )
    if "articles" not in await db.table_names():
        raise NotFound(f"{name} is not an extraction database (it has no articles table)")
    article_id = _row_id(request.url_vars["article_id"])
    if article_id is None:
        raise NotFound(f"no article {request.url_vars['article_id']} in {name}")
    run_id = _row_id(request.args.get("run") or "")
    review = await db.execute_fn(lambda conn: load_review(conn, article_id, run_id))
    if review is None:
        raise NotFound(f"no article {article_id} in {name}")
    if run_id is not None and (review.run is None or review.run["id"] != run_id):
        raise NotFound(f"run {run_id} did not extract article {article_id}")

    def row_url(table: str, row_id: int) -> str:
        return str(datasette.urls.row(name, table, str(row_id)))

    context = {
        "database": name,
        "review": review,
        "layout": layout(review, row_url),
        "article_url": row_url("articles", article_id),
        "page_url": row_url("pages", review.article["page_id"]),
        "review_url": review_path(datasette, name, article_id),
        "kinds": list(RECORD_TABLES),
    }
    html = await datasette.render_template("review.html", context, request=request)
    return Response.html(html)


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    """The review page's style, and the review links and reasons lists of the tables."""
    return [str(datasette.urls.path(f"{STATIC_MOUNT}/review.css"))]


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    """A review link beside an article's title; a rejection's reasons as a list."""
    # `row` is a sqlite3.Row: `in` would look among its values, not its columns.
    if table == "articles" and column == "title" and "id" in row.keys():  # noqa: SIM118
        link = review_path(datasette, database, row["id"])
        return Markup('{} <a class="review-link" href="{}" title="{}">review</a>').format(
            value or "", link, "the text with its records highlighted"
        )
    if table == "rejections" and column == "reasons" and isinstance(value, str):
        try:
            reasons = json.loads(value)
        except ValueError:
            return None
        if not isinstance(reasons, list):
            return None
        items = Markup("").join(Markup("<li>{}</li>").format(str(r)) for r in reasons)
        return Markup('<ul class="reasons">{}</ul>').format(items)
    return None


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """`search_match(text)`: the pair index's FTS5 query for a text (NULL when it holds none)."""
    conn.create_function("search_match", 1, _search_match, deterministic=True)


def _search_match(text: object) -> str | None:
    return word_match(text) if isinstance(text, str) else None


# Last, so that its `supports_search` is the one Datasette keeps: its own search
# filter, finding no FTS table it knows for these tables, says there is none.
@hookimpl_last
def filters_from_request(
    request: Request, database: str, table: str, datasette: Any
) -> Callable[[], Awaitable[FilterArguments | None]] | None:
    """`?_search=` (and `?_search_<column>=`, `?_searchmode=raw`) on a table with a pair index.

    The rows holding every word, of any length; Datasette's own search would
    send the words to the index as they are, where only pairs are.
    """
    if table not in SEARCH_COLUMNS:
        return None

    async def inner() -> FilterArguments | None:
        db = datasette.get_database(database)
        if index_name(table) not in await db.table_names():
            return None  # an older database, served as it is: Datasette's own search
        context: dict[str, Any] = {"supports_search": True}
        searches = {
            key: request.args[key]
            for key in request.args
            if key.startswith("_search") and key != "_searchmode"
        }
        raw = request.args.get("_searchmode") == "raw"
        clauses, params, described = [], {}, []
        for i, (key, text) in enumerate(searches.items()):
            context["search"] = text
            if not text.strip():
                continue
            column = key.removeprefix("_search").removeprefix("_") or None
            if column is not None and (raw or column not in SEARCH_COLUMNS[table]):
                raise BadRequest("Cannot search by that column")
            clause, values = matching(
                table,
                text,
                columns=[column] if column else None,
                raw=raw,
                key=f"extractor_search_{i}",
            )
            clauses.append(clause)
            params.update(values)
            where = f'column "{column}" ' if column else ""
            described.append(f'search {where}matches "{text}"')
        return FilterArguments(clauses, params, described, context)

    return inner


def _row_id(text: str) -> int | None:
    """A SQLite row id written in ASCII digits, or None (`²` is a digit to Python, not an id)."""
    if not (text.isascii() and text.isdigit()) or int(text) >= 2**63:
        return None
    return int(text)


@hookimpl
def handle_exception(
    datasette: Any, request: Request, exception: Exception
) -> Callable[[], Coroutine[Any, Any, Response]]:
    """Datasette's error page (HTML, or JSON for a `.json` path), printing nothing for a
    4xx (a mistyped URL is no news) and one line for a server error."""

    async def error_page() -> Response:
        title = None
        if isinstance(exception, Base400):
            status, message, info = exception.status, exception.args[0], {}
        elif isinstance(exception, DatasetteError):
            status, message, info = exception.status, exception.message, exception.error_dict
            title = exception.title
            if exception.message_is_html:
                message = Markup(message)
        else:
            status, message, info = 500, str(exception), {}
        if status >= 500:
            print(
                f"error: {request.method} {request.path}: {type(exception).__name__}: {exception}",
                file=sys.stderr,
                flush=True,
            )
        info = {**info, "ok": False, "error": message, "status": status, "title": title}
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        context = {
            **info,
            "urls": datasette.urls,
            "app_css_hash": datasette.app_css_hash(),
            "menu_links": lambda: [],
        }
        return Response.html(await template.render_async(context), status=status)

    return error_page
