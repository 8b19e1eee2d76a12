"""`extractor inspect`: Datasette on 127.0.0.1 over one extraction database, read-only.

Two ways of reading, neither of which can write:

- **immutable** (the default while nothing writes the database): SQLite opens
  it with `immutable=1`, takes no locks and never looks for changes. Fast and
  safe for a finished database. It ignores the `-wal` file, though, so rows a
  running `extractor run` has not yet checkpointed would be invisible, and a
  checkpoint rewriting the file under an immutable reader could show it torn.
- **live** (`--live`, or as soon as a writer shows up): `mode=ro`
  connections, which read the WAL and see each committed article whole.
  Readers never block the writer in WAL mode, so a run goes on at full speed.

A writer shows up as a `-wal` file beside the database (SQLite creates it when
a connection opens the database and removes it when the last one closes) or as
a change to the file itself. That is looked at when the server starts and
before every request; once seen, the server stays live until stopped.

Whatever the mode, there is no write path: only GET and HEAD requests are
served, the database's write connection refuses to open, the metadata has no
writable canned query, and Datasette runs only SELECTs on read connections.
"""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import socket
import sqlite3
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

import sqlite_utils
import uvicorn
import yaml
from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from extractor.errors import UserError
from extractor.inspect import plugin
from extractor.search import SEARCH_COLUMNS, index_name, search_ready, unindexed_rows
from extractor.search_query import search_everything_sql
from extractor.store import Store

HOST = "127.0.0.1"
_PACKAGE = resources.files("extractor.inspect")

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]


class ReadOnlyDatabase(Database):  # type: ignore[misc]
    """A Datasette database that can only be read: immutable, or live through `mode=ro`.

    `go_live` switches an immutable one to live; connections are kept per
    thread and per mode, so no request reads through an immutable connection
    after the switch.
    """

    def __init__(self, ds: Datasette, path: Path, live: bool) -> None:
        super().__init__(ds, path=str(path), is_mutable=live)
        self._local = threading.local()

    def connect(self, write: bool = False) -> sqlite3.Connection:
        if write:
            raise PermissionError("extractor inspect serves the database read-only")
        mode = "mode=ro" if self.is_mutable else "immutable=1"
        uri = f"file:{pathname2url(str(self.path))}?{mode}"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._all_file_connections.append(conn)
        return conn

    async def execute_write_fn(self, fn: Any, block: bool = True) -> Any:
        raise PermissionError("extractor inspect serves the database read-only")

    async def execute_fn(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        def in_thread() -> Any:
            key = "live" if self.is_mutable else "immutable"
            conn = getattr(self._local, key, None)
            if conn is None:
                conn = self.connect()
                self.ds._prepare_connection(conn, self.name)
                setattr(self._local, key, conn)
            return fn(conn)

        return await asyncio.get_running_loop().run_in_executor(self.ds.executor, in_thread)

    def go_live(self) -> None:
        """Read through `mode=ro` connections from now on (counts and sizes are no longer cached)."""
        self.is_mutable = True
        self._cached_table_counts = None
        self.cached_hash = None
        self.cached_size = None


def check_database(db_path: str) -> Path:
    """The database to serve, or UserError: missing, not SQLite, or not made by extractor."""
    path = Path(db_path)
    if not path.exists():
        raise UserError(f"{db_path}: no such database (run `extractor run` first)")
    if not path.is_file():
        raise UserError(f"{db_path}: not a database file")
    try:
        tables = table_names(path)
    except sqlite3.DatabaseError as err:
        raise UserError(f"{db_path}: cannot open the database: {err}") from None
    if "articles" not in tables:
        raise UserError(f"{db_path}: not an extraction database (no articles table)")
    return path


def table_names(path: Path) -> set[str]:
    """The tables of the database, read through an ordinary connection, closed at once.

    Not `mode=ro`: a read-only connection to a WAL database leaves a `-wal`
    file behind, which would look like a writer. An ordinary connection that
    is the last to close removes it.
    """
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("select name from sqlite_master")}
    finally:
        conn.close()


def rows_to_index_anew(path: Path) -> int:
    """Rows an upgrade would index from scratch: all the searched rows of a database whose
    index an older version made (or that has none), else 0. Only reads."""
    db = sqlite_utils.Database(path)
    try:
        if search_ready(db):
            return 0
        names = set(db.table_names())
        return sum(db.table(t).count for t in SEARCH_COLUMNS if t in names)
    except sqlite3.DatabaseError:
        return 0  # not readable as a database: Store.open says why
    finally:
        db.close()


def bring_up_to_date(path: Path, echo: Callable[[str], None] = print) -> str | None:
    """Give an older database the current schema (its search tables), as any command does,
    and index for search what is not yet indexed.

    An up-to-date database is only read. Returns a warning when the database
    cannot be upgraded (a read-only file): it is served as it is.
    """
    anew = rows_to_index_anew(path)
    if anew:  # opening it rebuilds the index, which may take a while on an archive
        echo(f"indexing {anew} rows for search (the database was made by an older version)…")
    try:
        store = Store.open(path)
    except UserError as error:
        return f"warning: {error}; search may not work"
    try:
        backlog = unindexed_rows(store.db)
        if backlog:  # what a run killed before its end (or `run --no-search`) left
            echo(f"indexing {backlog} rows for search…")
        store.sync_search()
    except sqlite3.OperationalError as error:
        return f"warning: {path}: search could not be brought up to date ({error})"
    finally:
        store.close()
    return None


def being_written(path: Path) -> bool:
    """Whether another connection may be writing the database: its `-wal` file exists.

    Asked after this process's own connections have closed: the last
    connection to close removes the file, so it is there only while the
    database is open elsewhere (or after a writer was killed).
    """
    return Path(f"{path}-wal").exists()


def load_metadata(database: str, searchable: bool = True) -> dict[str, Any]:
    """The project's metadata (metadata.yaml), for the database served as `database`.

    The `search` query's SQL comes from `search_query.py`; a database without
    the pair index (an older one that could not be upgraded) has no such
    query, and Datasette's own search on what it has.
    """
    metadata: dict[str, Any] = yaml.safe_load((_PACKAGE / "metadata.yaml").read_text("utf-8"))
    settings = metadata.pop("database")
    queries = settings.get("queries", {})
    for query in queries.values():
        if query.get("write"):
            raise ValueError("metadata.yaml: a canned query may not write")
    if searchable:
        queries["search"]["sql"] = search_everything_sql()
    else:
        del queries["search"]
    metadata["databases"] = {database: settings}
    return metadata


def build(path: Path, live: bool) -> tuple[Datasette, ReadOnlyDatabase]:
    """A Datasette serving `path` read-only with the project's metadata and plugin."""
    if not pm.is_registered(plugin):
        pm.register(plugin, name="extractor")
    # The plugin answers errors in place of Datasette's own handler, which prints
    # every exception, a 404 included, as a rich traceback with its locals.
    if (default := pm.get_plugin("datasette.handle_exception")) is not None:
        pm.unregister(default)
    name = path.stem
    searchable = {index_name(table) for table in SEARCH_COLUMNS} <= table_names(path)
    ds = Datasette(
        metadata=load_metadata(name, searchable),
        template_dir=str(_PACKAGE / "templates"),
        static_mounts=[(plugin.STATIC_MOUNT, str(_PACKAGE / "static"))],
    )
    ds.remove_database("_memory")
    database = ds.add_database(ReadOnlyDatabase(ds, path.resolve(), live), name=name)
    return ds, database


def follow_writers(
    app: ASGIApp, database: ReadOnlyDatabase, path: Path, on_live: Callable[[], None]
) -> ASGIApp:
    """Wrap `app` so an immutable database turns live before the first request after a write."""
    stat = path.stat()
    stamp = (stat.st_size, stat.st_mtime_ns)

    async def wrapped(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and not database.is_mutable:
            stat = path.stat()
            if being_written(path) or (stat.st_size, stat.st_mtime_ns) != stamp:
                database.go_live()
                on_live()
        await app(scope, receive, send)

    return wrapped


def refuse_writes(app: ASGIApp) -> ASGIApp:
    """Wrap `app` so only GET and HEAD reach Datasette: anything else is 405.

    Reading needs nothing more; Datasette's POST handlers (canned query
    writes, login, messages) are all ways of changing something.
    """
    body = b"extractor inspect is read-only: only GET and HEAD requests are served\n"

    async def wrapped(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD"):
            headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD")]
            await send({"type": "http.response.start", "status": 405, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, send)

    return wrapped


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:`port` (0: any free port); UserError when it is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            raise UserError(
                f"port {port} on {HOST} is already in use; choose another with --port"
            ) from None
        raise UserError(f"cannot listen on {HOST}:{port}: {err.strerror or err}") from None
    sock.listen(128)
    return sock


def serve(db_path: str, port: int, live: bool, echo: Callable[[str], None]) -> None:
    """Serve the database until interrupted; print where, and how it is read."""
    path = check_database(db_path)
    # Asked before this process opens the database: its own connection would make a -wal.
    writing = being_written(path)
    if writing:
        echo("a run is writing to the database: its search index follows as it goes")
    elif not os.access(path, os.W_OK):
        echo(f"warning: {path} is read-only: served as it is; search may lag")
    else:
        warning = bring_up_to_date(path, echo)
        if warning:
            echo(warning)
    live = live or writing
    sock = bind(port)
    ds, database = build(path, live)
    asyncio.run(ds.invoke_startup())
    bound = sock.getsockname()[1]
    mode = (
        "live, read-only: a run writing to it is followed"
        if live
        else "immutable while nothing writes to it; it turns live if a run starts"
    )
    echo(f"serving {db_path} ({mode})")
    echo(f"http://{HOST}:{bound}{ds.urls.database(database.name)}")

    def on_live() -> None:
        echo("the database is being written: now reading it live (read-only)")

    app = refuse_writes(follow_writers(ds.app(), database, path, on_live))
    # Datasette has started above: no lifespan events (whose task a second Ctrl-C
    # cancelled with a traceback).
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    run_until_interrupted(server, sock)


def run_until_interrupted(server: uvicorn.Server, sock: socket.socket) -> None:
    """Serve until Ctrl-C (or SIGTERM), then return quietly.

    Ctrl-C only asks the server to stop, from before it starts to after it
    ends: uvicorn handles it while it serves and raises it again when done,
    and a KeyboardInterrupt raised between the creation of its coroutine and
    the loop running it left `RuntimeWarning: coroutine … was never awaited`.
    """

    def stop(signum: int, frame: object) -> None:
        server.should_exit = True

    previous = signal.signal(signal.SIGINT, stop)
    try:
        server.run(sockets=[sock])
    finally:
        signal.signal(signal.SIGINT, previous)
