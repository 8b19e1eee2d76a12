"""Full-text search that works inside Chinese text: trigram FTS5 tables, indexed in batches.

SQLite's default tokenizer sees a whole Chinese clause as one word and finds
nothing inside it; the trigram tokenizer indexes every three characters, so
any word of three or more characters is found (nothing shorter: search those
with LIKE). Each table of `SEARCH_COLUMNS` gets an external-content
`<table>_fts`: the text is not stored twice, and Datasette finds each as its
table's search index. Rows are indexed in batches (`sync_search`), six times
cheaper than one by one as each article is stored; `search_state` records
how far, and triggers apply at once a change to a row already indexed.
"""

from __future__ import annotations

import sqlite_utils

#: The columns full-text search indexes, per table: each table gets `<table>_fts`.
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("title", "kicker", "subtitle", "text"),
    "quotes": ("speaker", "text"),
    "metrics": ("label", "evidence"),
    "campaigns": ("name", "evidence"),
}


#: Rows (ids) of one table indexed per transaction when catching up.
CHUNK = 2000
#: How far each search table is indexed: rows of `<table>` with `id` up to
#: `indexed_to` are in `<table>_fts`. Rows are indexed in batches (`sync_search`),
#: six times cheaper than one by one as each article is stored.
SEARCH_STATE = "search_state"


def _search_triggers(table: str, columns: tuple[str, ...]) -> dict[str, str]:
    """The triggers that keep `<table>_fts` true to the rows it has indexed.

    A row beyond `indexed_to` waits for the next batch; a change to a row
    already indexed is applied at once (a re-extraction deleting records, an
    id reused after its row was deleted).
    """
    fts = f"[{table}_fts]"
    names = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    done = f"(SELECT indexed_to FROM [{SEARCH_STATE}] WHERE name = '{table}')"
    insert = f"INSERT INTO {fts} (rowid, {names}) VALUES (new.rowid, {new});"
    delete = f"INSERT INTO {fts} ({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
    return {
        f"{table}_ai": f"AFTER INSERT ON [{table}] WHEN new.rowid <= {done} BEGIN {insert} END",
        f"{table}_ad": f"AFTER DELETE ON [{table}] WHEN old.rowid <= {done} BEGIN {delete} END",
        f"{table}_au": f"AFTER UPDATE ON [{table}] WHEN old.rowid <= {done} "
        f"BEGIN {delete} {insert} END",
    }


def search_ready(db: sqlite_utils.Database) -> bool:
    """Whether every search table and its triggers exist (read only)."""
    wanted = {
        SEARCH_STATE,
        *(
            name
            for table, columns in SEARCH_COLUMNS.items()
            for name in [f"{table}_fts", *_search_triggers(table, columns)]
        ),
    }
    present = {
        row[0]
        for row in db.execute(
            f"select name from sqlite_master where name in ({', '.join('?' * len(wanted))})",
            sorted(wanted),
        )
    }
    return wanted <= present


def create_search(db: sqlite_utils.Database) -> None:
    """Create the missing search tables and triggers; the rows stored are indexed next sync.

    External-content FTS5 tables (`content=[table]`): the text is not stored
    twice, and Datasette finds each one as its table's search index.
    """
    db.execute(
        f"CREATE TABLE IF NOT EXISTS [{SEARCH_STATE}] "
        "(name TEXT PRIMARY KEY, indexed_to INTEGER NOT NULL)"
    )
    for table, columns in SEARCH_COLUMNS.items():
        if not db.table(f"{table}_fts").exists():
            db.execute(
                f"CREATE VIRTUAL TABLE [{table}_fts] USING FTS5 ("
                + ", ".join(f"[{c}]" for c in columns)
                + f", tokenize='trigram', content=[{table}], content_rowid=[id])"
            )
            db.execute(f"DELETE FROM [{SEARCH_STATE}] WHERE name = ?", [table])
            db.execute(f"INSERT INTO [{SEARCH_STATE}] (name, indexed_to) VALUES (?, 0)", [table])
        else:  # indexed row by row by an older version: all of it is in
            db.execute(
                f"INSERT OR IGNORE INTO [{SEARCH_STATE}] (name, indexed_to) "
                f"SELECT ?, coalesce(max(id), 0) FROM [{table}]",
                [table],
            )
        for name, body in _search_triggers(table, columns).items():
            db.execute(f"DROP TRIGGER IF EXISTS [{name}]")  # an older body, per row
            db.execute(f"CREATE TRIGGER [{name}] {body}")


def _unindexed(db: sqlite_utils.Database) -> list[tuple[str, int, int]]:
    """(table, indexed_to, last id) for each search table with rows not yet indexed."""
    behind = []
    for table in SEARCH_COLUMNS:
        (done,) = db.execute(
            f"SELECT indexed_to FROM [{SEARCH_STATE}] WHERE name = ?", [table]
        ).fetchone()
        (last,) = db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()
        if last > done:
            behind.append((table, done, last))
    return behind


def unindexed_rows(db: sqlite_utils.Database) -> int:
    """How many rows wait to be indexed (ids beyond `indexed_to`, a close upper bound)."""
    return sum(last - done for _, done, last in _unindexed(db))


def sync_search(db: sqlite_utils.Database) -> int:
    """Index the rows stored since the last sync; how many were indexed.

    Only reads when nothing is behind. Rows are indexed `CHUNK` ids at a time,
    one transaction each, the write lock taken before anything is read (BEGIN
    IMMEDIATE): a long backlog never holds the lock for long, so a run writing
    at the same time only waits a moment between chunks.
    """
    indexed = 0
    while _unindexed(db):
        nested = db.conn.in_transaction
        db.conn.execute("SAVEPOINT sync_search" if nested else "BEGIN IMMEDIATE")
        try:
            # Read again under the lock: another process may have indexed meanwhile.
            for table, done, last in _unindexed(db):
                upto = min(last, done + CHUNK)
                names = ", ".join(f"[{c}]" for c in SEARCH_COLUMNS[table])
                indexed += db.execute(
                    f"INSERT INTO [{table}_fts] (rowid, {names}) "
                    f"SELECT id, {names} FROM [{table}] WHERE id > ? AND id <= ?",
                    [done, upto],
                ).rowcount
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
