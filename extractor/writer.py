"""The one writer of a run with a model: a thread with a connection of its own.

The LLM backend's event loop must never wait on SQLite: while it commits an
article, or indexes a batch for search, the replies of the calls in flight
wait too. So writes go, in order, to this thread, which runs them one by one,
one transaction each, and indexes search when it has a moment. SQLite works
without Python's lock, so the writing happens on another core. Reads (the
cache, what is already extracted) stay with the loop's own connection, which
sees every write committed.

Every job's future is resolved: with its result, its exception, or, once the
writer has stopped, an error saying so; nothing waits forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from extractor.models import LLMCall
from extractor.stages import Outcome, Work, write_outcome
from extractor.store import Extractor, Store, StoredPage

if TYPE_CHECKING:
    from extractor.pagemeta import PageMeta
    from extractor.pipeline import PreparedPage

T = TypeVar("T")
#: Seconds between two updates of full-text search while a run writes.
SEARCH_EVERY = 2.0


class WriterStopped(RuntimeError):
    """A job reached the writer after it had stopped."""


class StoreWriter:
    """Runs `Store` operations in submission order, in a thread; `close` waits for them all."""

    def __init__(self, path: Path, *, index_search: bool = True) -> None:
        self._jobs: queue.Queue[tuple[Callable[[Store], Any], Future[Any]] | None] = queue.Queue()
        self._stopped = threading.Event()
        #: What went wrong besides the jobs' own failures (indexing search, closing).
        self.errors: list[str] = []
        opened: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._serve, args=(path, index_search, opened), daemon=True
        )
        self._thread.start()
        opened.result()  # a database that cannot be opened fails here, not later

    def submit(self, job: Callable[[Store], T]) -> Future[T]:
        """Queue `job(store)`; its result (or exception) arrives in the future."""
        done: Future[T] = Future()
        if self._stopped.is_set():
            done.set_exception(WriterStopped("the database writer has stopped"))
        else:
            self._jobs.put((job, done))
        return done

    def close(self) -> None:
        """Write everything queued, index search, and stop."""
        self._jobs.put(None)
        self._thread.join()

    def _serve(self, path: Path, index_search: bool, opened: Future[None]) -> None:
        try:
            store = Store.open(path)
        except BaseException as error:
            self._stopped.set()
            opened.set_exception(error)
            return
        store.index_search = index_search
        opened.set_result(None)
        try:
            while (item := self._jobs.get()) is not None:
                job, done = item
                if not done.set_running_or_notify_cancel():
                    continue  # its caller was cancelled (the run is stopping): not wanted
                try:
                    done.set_result(job(store))
                except BaseException as error:
                    done.set_exception(error)
                if self._jobs.empty():
                    self._index(store, every=SEARCH_EVERY)
            self._index(store)
        finally:
            self._stopped.set()
            self._fail_pending()
            store.close()

    def _index(self, store: Store, every: float = 0.0) -> None:
        """Search is a convenience: a failure to index is noted, never fatal to the run."""
        try:
            store.sync_search(every=every)
        except Exception as error:
            self.errors.append(f"search not brought up to date: {error}")

    def _fail_pending(self) -> None:
        while True:
            try:
                item = self._jobs.get_nowait()
            except queue.Empty:
                return
            if item is not None and item[1].set_running_or_notify_cancel():
                item[1].set_exception(WriterStopped("the database writer has stopped"))


class QueuedCallLog:
    """The `CallLog` of a run: lookups on the loop's connection, writes through the writer."""

    def __init__(self, reader: Store, writer: StoreWriter) -> None:
        self.reader = reader
        self.writer = writer

    def cached_response(self, request_key: str) -> str | None:
        return self.reader.cached_response(request_key)

    def too_long(self, request_key: str) -> str | None:
        return self.reader.too_long(request_key)

    def log_call(self, call: LLMCall) -> None:
        self.writer.submit(lambda store: store.log_call(call))

    def mark_unreadable(self, request_key: str, reason: str) -> None:
        self.writer.submit(lambda store: store.mark_unreadable(request_key, reason))


class WriterSink:
    """A run's writes through the writer thread: the event loop never waits on SQLite."""

    def __init__(self, writer: StoreWriter, loop: asyncio.AbstractEventLoop) -> None:
        self.writer = writer
        self.loop = loop

    async def add_page(self, prepared: PreparedPage, meta: PageMeta | None) -> StoredPage:
        return await asyncio.wrap_future(
            self.writer.submit(
                functools.partial(
                    Store.add_page,
                    path=prepared.path,
                    sha256=prepared.sha256,
                    chars=prepared.chars,
                    encoding=prepared.encoding,
                    articles=prepared.articles,
                    meta=meta,
                )
            )
        )

    def save(
        self,
        work: Work,
        outcome: Outcome,
        run_id: int,
        extractor: Extractor,
        written: Callable[[BaseException | None], None],
    ) -> None:
        """Queued to the writer, in order; `written` is called in the loop once it is done."""
        done = self.writer.submit(
            functools.partial(
                write_outcome,
                article_id=work.article_id,
                run_id=run_id,
                extractor=extractor,
                outcome=outcome,
                new=work.new,
            )
        )
        done.add_done_callback(functools.partial(self._in_loop, written))

    def after_page(self) -> None:
        pass  # the writer indexes search when it has a moment

    def _in_loop(self, written: Callable[[BaseException | None], None], done: Future[None]) -> None:
        """Call `written` in the event loop's thread (a writer's future completes in its own)."""
        with contextlib.suppress(RuntimeError):  # the loop has closed: the run is over
            self.loop.call_soon_threadsafe(written, done.exception())
