"""Searching: the words a reader types → the rows holding them, through the pair index.

A search holds one or more words (separated by spaces; `"a quoted phrase"` is
one word, as in Datasette's search box), and a row matches when each word is
printed in one of its searched columns (Latin letters in either case). The
index (`search.py`) narrows the rows to read:

- a word of one or two characters is looked up whole (the pairs beginning
  with it, or the pair itself): the index alone is exact;
- a longer word needs all of its pairs, and the row's text is then read to
  see them in order (`instr`), so `非煤矿山` is not found in `非煤…煤矿…矿山`.

Rows not yet indexed (a run indexes every few seconds) and rows changed since
they were indexed (`search_pending`) are read directly, so a search is always
true to the rows. The SQL is plain SQLite (`instr`, `lower`, FTS5 MATCH) and
works in any client; only the `search` query of `extractor inspect` calls a
function of the project's Datasette plugin (`search_match`).
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import unicodedata
from collections.abc import Sequence

from extractor.search import (
    SEARCH_COLUMNS,
    SEARCH_PENDING,
    SEARCH_STATE,
    index_name,
)

_WORDS = re.compile(r'\s+|(".*?")')


def search_words(query: str) -> list[str]:
    """The words of a query as Datasette's search box splits it: at spaces, a quoted phrase whole.

    >>> search_words('拉萨 "城乡 环境" 党建')
    ['拉萨', '城乡 环境', '党建']
    """
    if query.count('"') % 2:
        query += '"'
    words = []
    for bit in _WORDS.split(query):
        if bit and bit.startswith('"') and bit.endswith('"') and len(bit) >= 2:
            bit = bit[1:-1].strip()
        if bit and not bit.isspace():
            words.append(bit)
    return words


def _indexed(ch: str) -> bool:
    """Whether the index holds `ch` (the tokenizer's categories in `search.TOKENIZER`)."""
    category = unicodedata.category(ch)
    return category[0] in "LMNPS" or category == "Co"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def word_match(word: str) -> str | None:
    """The FTS5 query finding the rows whose index holds `word`; None when the index cannot help.

    >>> word_match("拉萨市")
    '"拉萨" "萨市"'
    >>> word_match("藏")
    '"藏"*'
    """
    if len(word) == 1:
        return _quoted(word) + "*" if _indexed(word) else None
    found = dict.fromkeys(a + b for a, b in itertools.pairwise(word) if _indexed(a) or _indexed(b))
    return " ".join(map(_quoted, found)) or None


def exact_in_index(word: str) -> bool:
    """Whether the index alone answers `word` exactly: one or two characters it holds."""
    return 1 <= len(word) <= 2 and all(map(_indexed, word))


def _haystack(columns: Sequence[str], alias: str = "") -> str:
    return " || char(10) || ".join(f"coalesce({alias}[{c}], '')" for c in columns)


def matching(
    table: str,
    query: str,
    *,
    columns: Sequence[str] | None = None,
    raw: bool = False,
    key: str = "search",
) -> tuple[str, dict[str, str]]:
    """A WHERE condition on `table` (its `id`) for the rows holding every word of `query`,
    and its parameters (named `key_…`).

    `columns` limits the words to some of the table's searched columns; with
    `raw`, `query` is an FTS5 query over the pairs, taken as it is. No words:
    every row.
    """
    columns = list(columns or SEARCH_COLUMNS[table])
    index = index_name(table)
    if raw:
        return (
            f"[id] IN (SELECT rowid FROM [{index}] WHERE [{index}] MATCH :{key}_match)",
            {f"{key}_match": query},
        )
    words = search_words(query)
    if not words:
        return "1", {}
    params = {f"{key}_{i}": word for i, word in enumerate(words)}
    hay = f"lower({_haystack(columns)})"
    read = " AND ".join(f"instr({hay}, lower(:{name})) > 0" for name in params)
    expressions = [e for e in map(word_match, words) if e]
    if not expressions:  # nothing the index holds (invisible characters): read every row
        return read, params
    params[f"{key}_match"] = " ".join(expressions)
    # Each branch one `id IN (…)`, so that SQLite looks the rows up by id rather than
    # reading the whole table.
    in_index = f"SELECT rowid FROM [{index}] WHERE [{index}] MATCH :{key}_match"
    pending = f"SELECT row_id FROM [{SEARCH_PENDING}] WHERE name = '{table}'"
    unindexed = (
        f"SELECT id FROM [{table}] WHERE id > "
        f"(SELECT indexed_to FROM [{SEARCH_STATE}] WHERE name = '{table}')"
    )
    if columns == list(SEARCH_COLUMNS[table]) and all(map(exact_in_index, words)):
        # The index answers for the rows it holds as they are; the others are read.
        return (
            f"([id] IN ({in_index} EXCEPT {pending}) "
            f"OR ([id] IN ({pending} UNION ALL {unindexed}) AND {read}))"
        ), params
    return f"([id] IN ({in_index} UNION {pending} UNION {unindexed}) AND {read})", params


def find(conn: sqlite3.Connection, table: str, query: str) -> list[int]:
    """The ids of the rows of `table` holding every word of `query`, in order.

    >>> find(conn, "articles", "拉萨")  # doctest: +SKIP
    [1, 4, 9]
    """
    condition, params = matching(table, query)
    sql = f"SELECT id FROM [{table}] WHERE {condition} ORDER BY id"
    return [row[0] for row in conn.execute(sql, params)]


#: What the `search` query calls a row of each table, and its article's title.
_FOUND_IN = {
    "articles": ("article", "t.[title]", ""),
    "quotes": ("quote", "a.[title]", "JOIN articles a ON a.id = t.article_id"),
    "metrics": ("metric", "a.[title]", "JOIN articles a ON a.id = t.article_id"),
    "campaigns": ("campaign", "a.[title]", "JOIN articles a ON a.id = t.article_id"),
}
#: Characters shown on each side of a hit in the `search` query.
CONTEXT = 30


def search_everything_sql() -> str:
    """The SQL of the `search` query: every row of the searched tables holding the text `:q`
    (one phrase, spaces included), with the passage around its first hit.

    Each row comes with `before`, `hit` and `after` (up to `CONTEXT`
    characters each side, newlines shown as spaces, `…` where cut) and `hits`,
    how often the text is printed in it. It calls `search_match`, which
    `extractor inspect` registers.
    """
    parts = []
    for table, (found_in, title, join) in _FOUND_IN.items():
        index = index_name(table)
        shown = " || ".join(
            f"coalesce(nullif(t.[{c}], '') || ' ', '')" for c in SEARCH_COLUMNS[table]
        )
        hay = f"replace(rtrim({shown}), char(10), ' ')"
        parts.append(
            f"SELECT '{found_in}' AS found_in, id AS row_id, article_id, article,\n"
            f"  CASE WHEN at > {CONTEXT + 1} THEN '…' ELSE '' END\n"
            f"    || substr(hay, max(1, at - {CONTEXT}), min(at - 1, {CONTEXT})) AS before,\n"
            "  substr(hay, at, length(term)) AS hit,\n"
            f"  substr(hay, at + length(term), {CONTEXT})\n"
            f"    || CASE WHEN length(hay) >= at + length(term) + {CONTEXT} THEN '…' ELSE '' END"
            " AS after,\n"
            "  (length(hay) - length(replace(lower(hay), lower(term), ''))) / length(term) AS hits\n"
            f"FROM (SELECT t.id, {'t.id' if table == 'articles' else 't.article_id'} AS article_id,"
            f" {title} AS article, q.term,\n"
            f"    {hay} AS hay,\n"
            f"    instr(lower({hay}), lower(q.term)) AS at\n"
            f"  FROM [{table}] t {join}, q\n"
            "  WHERE q.term != '' AND t.id IN (\n"
            f"    SELECT rowid FROM [{index}] WHERE [{index}] MATCH"
            " (SELECT coalesce(expression, '\"\"') FROM m)\n"
            f"    UNION SELECT row_id FROM [{SEARCH_PENDING}] WHERE name = '{table}'\n"
            f"    UNION SELECT id FROM [{table}] WHERE id > "
            f"(SELECT indexed_to FROM [{SEARCH_STATE}] WHERE name = '{table}')\n"
            # Every row when the text has nothing the index holds (else none: a
            # LIMIT of 0, decided once, not a condition tested on every row).
            f"    UNION SELECT * FROM (SELECT id FROM [{table}] LIMIT"
            " (SELECT CASE WHEN expression IS NULL THEN -1 ELSE 0 END FROM m))))\n"
            "WHERE at > 0"
        )
    return (
        "WITH q(term) AS (SELECT trim(coalesce(:q, ''))),\n"
        "m(expression) AS (SELECT search_match(term) FROM q)\n" + "\nUNION ALL\n".join(parts)
    )
