"""Full-text search that finds Chinese words of any length: an index of character pairs.

SQLite's tokenizers take a run of Chinese characters for one word, and its
trigram tokenizer finds words of three or more characters and, silently,
nothing shorter, while most words a reader types have two (拉萨, 党建). So
each text is indexed as the overlapping pairs of its characters, its last
character alone (`拉萨市` → `拉萨 萨市 市`): a two-character word is one pair,
a one-character word begins a pair, a longer word is all of its pairs, and
`search_query.py` confirms a longer word in the row's text itself.

Each table of `SEARCH_COLUMNS` gets `<table>_search`, an FTS5 table that keeps
only which rows hold each pair (`detail=none`: no positions, no copy of the
text): about a seventh of what a trigram index of the same text costs (the
figures are in docs/search.md). Rows are indexed in batches (`sync_search`),
several times cheaper than one by one as each article is stored;
`search_state` records how far. A change to a row already indexed cannot be
applied by a trigger (turning text into pairs needs Python), so triggers note
it in `search_pending`, with the values the index holds, and searching reads
such rows (and rows not yet indexed) directly until the next sync re-indexes
them: a search is always true to the rows.
"""

from __future__ import annotations

import array
import json
import operator
import sys
from collections.abc import Iterable, Sequence

import sqlite_utils

#: The columns full-text search indexes, per table: each table gets `<table>_search`.
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("title", "kicker", "subtitle", "text"),
    "quotes": ("speaker", "text"),
    "metrics": ("label", "evidence"),
    "campaigns": ("name", "evidence"),
}

#: Rows (ids) of one table indexed per transaction when catching up.
CHUNK = 2000
#: How far each index is: rows of `<table>` with `id` up to `indexed_to` are in it.
SEARCH_STATE = "search_state"
#: Indexed rows changed since (updated, deleted, or an id reused): `indexed` holds
#: the values the index was given for the row (a JSON list), NULL if none.
SEARCH_PENDING = "search_pending"
#: Every character but spaces and invisible ones is a token of its own, and one
#: pair is one token: letters, digits, punctuation and symbols of any script
#: (`L* M* N* P* S* Co`), case folded, accents kept.
TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Co'"
#: Index tables of the trigram search this replaces, dropped when a database is upgraded.
_TRIGRAM_INDEX = "{table}_fts"
_TRIGRAM_TRIGGERS = ("{table}_ai", "{table}_ad", "{table}_au")
#: `pairs` works on code points as unsigned 4-byte integers, in the machine's byte order.
_CODE_POINT = next(code for code in "IL" if array.array(code).itemsize == 4)
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_SPACE = array.array(_CODE_POINT, [ord(" ")])
#: Texts shorter than this are paired by joining strings: the array costs more than it saves.
_SHORT = 12


def index_name(table: str) -> str:
    """The search index of `table`: `articles` → `articles_search`."""
    return f"{table}_search"


def pairs(text: str | None) -> str:
    """A text as its index holds it: every pair of neighbouring characters, and the last alone.

    Pairs are separated by spaces; a space or newline inside a pair is a
    separator to the tokenizer, so a pair around it is a single character.

    >>> pairs("拉萨市")
    '拉萨 萨市 市'
    """
    if not text:
        return ""
    if len(text) < _SHORT:
        return " ".join([*map(operator.add, text, text[1:]), text[-1]])
    # Built as 4-byte code points in an array, by three slice assignments (all in C):
    # several times faster than joining one string per pair, and a run pairs every
    # text it indexes.
    chars = array.array(_CODE_POINT, text.encode(_UTF32, "surrogatepass"))
    spaced = _SPACE * (3 * len(chars) - 2)
    spaced[0::3] = chars
    spaced[1::3] = chars[1:]
    return spaced.tobytes().decode(_UTF32, "surrogatepass")


def index_sql(table: str) -> str:
    """The statement creating the index of `table` (as SQLite keeps it in sqlite_master).

    Contentless (`content=''`): the text is in the table, the index holds pairs.
    It keeps each row's size (no `columnsize=0`) so that it can be read whole,
    as `sqlite-utils tables --counts`, `.dump` and Datasette's counts read it.
    """
    columns = ", ".join(f"[{c}]" for c in SEARCH_COLUMNS[table])
    return (
        f"CREATE VIRTUAL TABLE [{index_name(table)}] USING fts5({columns}, "
        f"tokenize=\"{TOKENIZER}\", content='', detail=none)"
    )


def _search_triggers(table: str, columns: tuple[str, ...]) -> dict[str, str]:
    """The triggers that note in `search_pending` a change to a row already indexed.

    A row beyond `indexed_to` waits for the next batch; an indexed row that
    is updated (in an indexed column) or deleted, or an id at or below
    `indexed_to` inserted again, is noted with the values the index holds, so
    that the next sync can take them out and index the row as it is.
    """
    done = f"(SELECT indexed_to FROM [{SEARCH_STATE}] WHERE name = '{table}')"
    held = "json_array(" + ", ".join(f"old.[{c}]" for c in columns) + ")"
    note = f"INSERT OR IGNORE INTO [{SEARCH_PENDING}] (name, row_id, indexed) SELECT '{table}', "
    changed = ", ".join(f"[{c}]" for c in ("id", *columns))
    name = index_name(table)
    return {
        f"{name}_ai": f"AFTER INSERT ON [{table}] WHEN new.rowid <= {done} "
        f"BEGIN {note}new.rowid, NULL; END",
        f"{name}_ad": f"AFTER DELETE ON [{table}] WHEN old.rowid <= {done} "
        f"BEGIN {note}old.rowid, {held}; END",
        f"{name}_au": f"AFTER UPDATE OF {changed} ON [{table}] WHEN old.rowid <= {done} "
        f"BEGIN {note}old.rowid, {held}; {note}new.rowid, NULL WHERE new.rowid <= {done}; END",
    }


def _schema(db: sqlite_utils.Database) -> dict[str, str]:
    return {
        row[0]: row[1] or ""
        for row in db.execute(
            "select name, sql from sqlite_master where type in ('table', 'trigger')"
        )
    }


def search_ready(db: sqlite_utils.Database) -> bool:
    """Whether every index, as this version makes it, and its triggers exist (read only)."""
    schema = _schema(db)
    for table, columns in SEARCH_COLUMNS.items():
        if schema.get(index_name(table)) != index_sql(table):
            return False
        if _TRIGRAM_INDEX.format(table=table) in schema:
            return False
        if set(_search_triggers(table, columns)) - set(schema):
            return False
    return {SEARCH_STATE, SEARCH_PENDING} <= set(schema)


def create_search(db: sqlite_utils.Database) -> None:
    """Create what is missing of the indexes and their triggers; rows are indexed next sync.

    An index made otherwise (by an older version: the trigram tables
    `<table>_fts`, or pairs tokenized differently) is dropped and made again
    from the rows.
    """
    db.execute(
        f"CREATE TABLE IF NOT EXISTS [{SEARCH_STATE}] "
        "(name TEXT PRIMARY KEY, indexed_to INTEGER NOT NULL)"
    )
    db.execute(
        f"CREATE TABLE IF NOT EXISTS [{SEARCH_PENDING}] (name TEXT NOT NULL, "
        "row_id INTEGER NOT NULL, indexed TEXT, PRIMARY KEY (name, row_id)) WITHOUT ROWID"
    )
    schema = _schema(db)
    for table, columns in SEARCH_COLUMNS.items():
        for trigger in (*_TRIGRAM_TRIGGERS, *_search_triggers(table, columns)):
            db.execute(f"DROP TRIGGER IF EXISTS [{trigger.format(table=table)}]")
        db.execute(f"DROP TABLE IF EXISTS [{_TRIGRAM_INDEX.format(table=table)}]")
        if schema.get(index_name(table)) != index_sql(table):
            db.execute(f"DROP TABLE IF EXISTS [{index_name(table)}]")
            db.execute(index_sql(table))
            db.execute(f"DELETE FROM [{SEARCH_PENDING}] WHERE name = ?", [table])
            db.execute(f"DELETE FROM [{SEARCH_STATE}] WHERE name = ?", [table])
        db.execute(
            f"INSERT OR IGNORE INTO [{SEARCH_STATE}] (name, indexed_to) VALUES (?, 0)", [table]
        )
        for name, body in _search_triggers(table, columns).items():
            db.execute(f"CREATE TRIGGER [{name}] {body}")


def _behind(db: sqlite_utils.Database) -> list[tuple[str, int, int, int]]:
    """(table, indexed_to, last id, rows pending) for each index that is not up to date."""
    behind = []
    pending = dict(
        db.execute(f"SELECT name, count(*) FROM [{SEARCH_PENDING}] GROUP BY name").fetchall()
    )
    for table in SEARCH_COLUMNS:
        (done,) = db.execute(
            f"SELECT indexed_to FROM [{SEARCH_STATE}] WHERE name = ?", [table]
        ).fetchone()
        (last,) = db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()
        if last > done or pending.get(table):
            behind.append((table, done, last, pending.get(table, 0)))
    return behind


def unindexed_rows(db: sqlite_utils.Database) -> int:
    """How many rows wait to be indexed (ids beyond `indexed_to`, a close upper bound,
    and rows changed since they were indexed)."""
    return sum(max(last - done, 0) + pending for _, done, last, pending in _behind(db))


def _as_indexed(row: Sequence[object]) -> tuple[object, ...]:
    """A row read as (id, *values) → (id, *what the index is given for each value)."""
    return (row[0], *(pairs(v if isinstance(v, str) else None) for v in row[1:]))


def _insert(db: sqlite_utils.Database, table: str, rows: Iterable[tuple[object, ...]]) -> int:
    """Index rows given as (id, *values of SEARCH_COLUMNS[table]); how many."""
    columns = SEARCH_COLUMNS[table]
    names = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" * (len(columns) + 1))
    cursor = db.conn.executemany(  # one row at a time: a chunk's pairs are never all in memory
        f"INSERT INTO [{index_name(table)}] (rowid, {names}) VALUES ({marks})",
        map(_as_indexed, rows),
    )
    return cursor.rowcount


def _index_pending(db: sqlite_utils.Database, table: str) -> int:
    """Re-index the rows of `table` changed since they were indexed; how many."""
    index = index_name(table)
    columns = SEARCH_COLUMNS[table]
    names = ", ".join(f"[{c}]" for c in columns)
    pending = db.execute(
        f"SELECT row_id, indexed FROM [{SEARCH_PENDING}] WHERE name = ?", [table]
    ).fetchall()
    # What the index holds for a row must be taken out with the very same values.
    db.conn.executemany(
        f"INSERT INTO [{index}] ([{index}], rowid, {names}) "
        f"VALUES ('delete', ?, {', '.join('?' * len(columns))})",
        [_as_indexed([row_id, *json.loads(held)]) for row_id, held in pending if held is not None],
    )
    ids = [row_id for row_id, _ in pending]
    current = db.execute(
        f"SELECT id, {names} FROM [{table}] WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)],
    ).fetchall()
    db.execute(f"DELETE FROM [{SEARCH_PENDING}] WHERE name = ?", [table])
    return _insert(db, table, current)


def sync_search(db: sqlite_utils.Database) -> int:
    """Index the rows stored, and re-index those changed, since the last sync; how many.

    Only reads when nothing is behind. Rows are indexed `CHUNK` ids at a time,
    one transaction each, the write lock taken before anything is read (BEGIN
    IMMEDIATE): a long backlog never holds the lock for long, so a run writing
    at the same time only waits a moment between chunks.
    """
    indexed = 0
    while _behind(db):
        nested = db.conn.in_transaction
        db.conn.execute("SAVEPOINT sync_search" if nested else "BEGIN IMMEDIATE")
        try:
            # Read again under the lock: another process may have indexed meanwhile.
            for table, done, last, pending in _behind(db):
                if pending:
                    indexed += _index_pending(db, table)
                if last > done:
                    upto = min(last, done + CHUNK)
                    names = ", ".join(f"[{c}]" for c in SEARCH_COLUMNS[table])
                    rows = db.execute(
                        f"SELECT id, {names} FROM [{table}] WHERE id > ? AND id <= ?",
                        [done, upto],
                    )
                    indexed += _insert(db, table, rows)
                    db.execute(
                        f"UPDATE [{SEARCH_STATE}] SET indexed_to = ? WHERE name = ?", [upto, table]
                    )
        except BaseException:
            if nested:
                db.conn.execute("ROLLBACK TO sync_search")
                db.conn.execute("RELEASE sync_search")
            else:
                db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("RELEASE sync_search" if nested else "COMMIT")
    return indexed


def index_differences(db: sqlite_utils.Database, table: str) -> int:
    """How many (pair, row) entries the index of `table` and its indexed rows disagree on.

    The index is made again from the rows it should hold (ids up to
    `indexed_to`, not pending) in a temporary table, and the two are compared
    entry by entry: 0 when the index is true to the table. For tests and
    checks: it reads every indexed row.
    """
    columns = SEARCH_COLUMNS[table]
    names = ", ".join(f"[{c}]" for c in columns)
    fresh = f"{table}_search_fresh"
    db.execute(f"DROP TABLE IF EXISTS temp.[{fresh}]")
    db.execute(index_sql(table).replace(f"[{index_name(table)}]", f"temp.[{fresh}]", 1))
    rows = db.execute(
        f"SELECT id, {names} FROM [{table}] WHERE id <= (SELECT indexed_to FROM "
        f"[{SEARCH_STATE}] WHERE name = ?) AND id NOT IN (SELECT row_id FROM "
        f"[{SEARCH_PENDING}] WHERE name = ?)",
        [table, table],
    ).fetchall()
    db.conn.executemany(
        f"INSERT INTO temp.[{fresh}] (rowid, {names}) VALUES ({', '.join('?' * (len(columns) + 1))})",
        map(_as_indexed, rows),
    )
    for name, schema, index in (("live", "main", index_name(table)), ("fresh", "temp", fresh)):
        db.execute(f"DROP TABLE IF EXISTS temp.vocab_{name}")
        db.execute(
            f"CREATE VIRTUAL TABLE temp.vocab_{name} USING fts5vocab({schema}, {index}, 'instance')"
        )
    (differences,) = db.execute(
        "SELECT count(*) FROM (SELECT term, doc FROM (SELECT term, doc FROM temp.vocab_live "
        f"WHERE doc NOT IN (SELECT row_id FROM [{SEARCH_PENDING}] WHERE name = ?) "
        "EXCEPT SELECT term, doc FROM temp.vocab_fresh) "
        "UNION ALL SELECT term, doc FROM (SELECT term, doc FROM temp.vocab_fresh "
        "EXCEPT SELECT term, doc FROM temp.vocab_live))",
        [table],
    ).fetchone()
    for name in ("vocab_live", "vocab_fresh", fresh):
        db.execute(f"DROP TABLE IF EXISTS temp.[{name}]")
    return int(differences)
