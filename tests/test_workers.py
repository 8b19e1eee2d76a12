"""The worker processes of a run: results in order, errors raised, a dead worker noticed."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from extractor import workers
from extractor.workers import Workers, WorkerStopped


def test_results_come_back_in_the_order_of_the_tasks() -> None:
    tasks = [str(n) for n in range(40)]
    with Workers(2, int) as pool:
        assert list(pool.in_order(tasks, 3)) == list(range(40))


def test_an_error_raised_by_the_work_is_raised_to_the_caller() -> None:
    with Workers(2, int) as pool, pytest.raises(ValueError, match="invalid literal"):
        list(pool.in_order(["1", "2", "not a number", "4"], 4))


def test_a_worker_that_dies_stops_the_run_instead_of_hanging() -> None:
    with Workers(1, os._exit) as pool, pytest.raises(WorkerStopped):
        list(pool.in_order([3], 1))


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked from the writer on Linux")
def test_workers_are_forked_from_the_writer_unless_another_thread_runs() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    if threading.active_count() == 1:
        assert workers._context().get_start_method() == "fork"
    other.start()
    try:
        assert workers._context().get_start_method() == "forkserver"
    finally:
        stop.set()
        other.join()
