"""The one writer of a run with a model: a thread with a connection of its own.

The LLM backend's event loop must never wait on SQLite: while it commits an
article, or indexes a batch for search, the replies of the calls in flight
wait too. So writes go, in order, to this thread, which runs them one by one,
one transaction each, and indexes search when it has a moment. SQLite works
without Python's lock, so the writing happens on another core. Reads (the
cache, what is already extracted) stay with the loop's own connection, which
sees every write committed.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from extractor.models import LLMCall
from extractor.store import Store

T = TypeVar("T")
#: Seconds between two updates of full-text search while a run writes.
SEARCH_EVERY = 2.0


class StoreWriter:
    """Runs `Store` operations in submission order, in a thread; `close` waits for them all."""

    def __init__(self, path: Path, *, index_search: bool = True) -> None:
        self._jobs: queue.Queue[tuple[Callable[[Store], Any], Future[Any]] | None] = queue.Queue()
        self._failures: list[BaseException] = []
        opened: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._serve, args=(path, index_search, opened), daemon=True
        )
        self._thread.start()
        opened.result()  # a database that cannot be opened fails here, not later

    def submit(self, job: Callable[[Store], T]) -> Future[T]:
        """Queue `job(store)`; its result (or exception) arrives in the future."""
        done: Future[T] = Future()
        self._jobs.put((job, done))
        return done

    def close(self) -> None:
        """Write everything queued, index search, close; raise the first write that failed."""
        self._jobs.put(None)
        self._thread.join()
        if self._failures:
            raise self._failures[0]

    def _serve(self, path: Path, index_search: bool, opened: Future[None]) -> None:
        try:
            store = Store.open(path)
        except BaseException as error:
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
                    self._failures.append(error)
                    done.set_exception(error)
                if self._jobs.empty():
                    store.sync_search(every=SEARCH_EVERY)
            store.sync_search()
        except BaseException as error:
            self._failures.append(error)
        finally:
            store.close()


class QueuedCallLog:
    """The `CallLog` of a run: lookups on the loop's connection, writes through the writer."""

    def __init__(self, reader: Store, writer: StoreWriter) -> None:
        self.reader = reader
        self.writer = writer

    def cached_response(self, request_key: str) -> str | None:
        return self.reader.cached_response(request_key)

    def log_call(self, call: LLMCall) -> None:
        self.writer.submit(lambda store: store.log_call(call))

    def mark_unreadable(self, request_key: str, reason: str) -> None:
        self.writer.submit(lambda store: store.mark_unreadable(request_key, reason))
