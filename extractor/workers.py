"""Worker processes that prepare pages, each fed and read through a connection of its own.

The writer sends each page to the worker with the fewest pages in hand and
reads the prepared pages back in input order, at most `window` ahead of it,
receiving whatever a worker has finished while it waits for the next one. No
thread of the writer's process takes part: `multiprocessing.Pool` keeps three,
one of which (the one that watches the workers) wakes for every result that
arrives and spins until another thread has read it, a sixth of the writer's
CPU time in a run, and all of them take the writer's lock (the GIL) from it.

On Linux, when the writer runs no other thread, the workers are forked from
the writer itself, which has imported the rules already and prepares a sample
article first (`warm.py`, once for all of them): a worker starts with no
import and no dictionary to read, and the run starts no other interpreter. A
worker never touches the writer's database connection it inherits, and leaves
by `os._exit` (multiprocessing's way), so nothing of it is closed or flushed.
Elsewhere, or with another thread running (a fork copies a lock another thread
may hold), they are forked from one server (`forkserver`) that imported the
rules and warmed them up (`PRELOAD`); where there is no such server (Windows),
each is spawned and loads the rules itself. A worker ignores Ctrl-C: it is the
writer's to handle, and leaving the `with` block stops the workers.
"""

from __future__ import annotations

import collections
import gc
import importlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from types import TracebackType
from typing import Generic, TypeVar, cast

#: What the server the workers are forked from imports before it forks any: the
#: program (as a spawned process would run it) and the rules, warmed up (`warm.py`).
PRELOAD = ["__main__", "extractor.warm"]

#: Objects allocated (less those freed) between two collections of a worker's youngest
#: generation (Python's default is 700): a page allocates many short-lived objects.
YOUNG_COLLECTED_EVERY = 5000

Task = TypeVar("Task")
Result = TypeVar("Result")


class WorkerStopped(RuntimeError):
    """A worker process ended (killed, out of memory) before sending back its pages."""


class Workers(Generic[Task, Result]):
    """`jobs` worker processes applying `work` (a module-level function, or a partial
    of one) to the tasks they are sent. Use as a context manager."""

    def __init__(self, jobs: int, work: Callable[[Task], Result]) -> None:
        context = _context()
        self._processes: list[BaseProcess] = []
        self._connections: list[Connection] = []
        for _ in range(jobs):
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, work), daemon=True)
            process.start()
            theirs.close()
            self._processes.append(process)
            self._connections.append(mine)

    def __enter__(self) -> Workers[Task, Result]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """End every worker at once (a page in hand is dropped) and wait for it."""
        for connection in self._connections:
            connection.close()
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            process.join()
            process.close()
        self._processes.clear()
        self._connections.clear()

    def in_order(self, tasks: Sequence[Task], window: int) -> Iterator[Result]:
        """The result of each task, in the order of `tasks`, with at most `window` tasks
        sent ahead of the one the caller is waiting for (so memory stays flat)."""
        in_hand: dict[Connection, collections.deque[int]] = {
            connection: collections.deque() for connection in self._connections
        }
        done: dict[int, Result] = {}
        sent = 0
        for wanted in range(len(tasks)):
            while sent < len(tasks) and sent < wanted + window:
                connection = min(in_hand, key=lambda c: len(in_hand[c]))
                connection.send(tasks[sent])
                in_hand[connection].append(sent)
                sent += 1
            while wanted not in done:
                busy = [c for c, held in in_hand.items() if held]
                for ready in wait(busy):
                    assert isinstance(ready, Connection)
                    done[in_hand[ready].popleft()] = cast(Result, _received(ready))
            yield done.pop(wanted)


def _context() -> ForkContext | ForkServerContext | SpawnContext:
    """How workers are started: forked from this process on Linux when it runs no other
    thread (it has loaded the rules already: it warms them up once, for all of them),
    else forked from a server that loads them once, else spawned."""
    if sys.platform == "linux" and threading.active_count() == 1:
        importlib.import_module("extractor.warm")
        return get_context("fork")
    if "forkserver" in get_all_start_methods():
        context = get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return get_context("spawn")


def _received(connection: Connection) -> object:
    """The next result a worker sends; its error raised here if its work failed."""
    try:
        ok, value = connection.recv()
    except EOFError:
        raise WorkerStopped("a worker process stopped before finishing its pages") from None
    if not ok:
        raise value
    return value


def _serve(connection: Connection, work: Callable[[Task], Result]) -> None:
    """A worker's loop: a task in, its result (or the error it raised) out, until the
    writer closes its end.

    What the worker holds on starting (the rules, the dictionary: all that the writer
    had) is set apart from the cyclic collector (`gc.freeze`), which would otherwise
    read it all again at each full collection, and the youngest generation is collected
    less often."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTED_EVERY, *gc.get_threshold()[1:])
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        try:
            reply: tuple[bool, object] = (True, work(task))
        except Exception as err:  # the writer raises it, as `Pool` did
            reply = (False, err)
        try:
            _send(connection, reply)
        except (BrokenPipeError, ConnectionResetError):
            return


def _send(connection: Connection, reply: tuple[bool, object]) -> None:
    """Send a reply; one that cannot be pickled goes as an error saying so."""
    try:
        payload = ForkingPickler.dumps(reply)
    except Exception as err:
        payload = ForkingPickler.dumps((False, RuntimeError(f"cannot send a result: {err!r}")))
    connection.send_bytes(payload)
