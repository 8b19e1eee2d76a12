"""The worker processes of a run: results in order, errors raised, a dead worker noticed."""

from __future__ import annotations

import os

import pytest

from extractor.workers import Workers, WorkerStopped


def test_results_come_back_in_the_order_of_the_tasks() -> None:
    tasks = [str(n) for n in range(40)]
    with Workers(2, int) as workers:
        assert list(workers.in_order(tasks, 3)) == list(range(40))


def test_an_error_raised_by_the_work_is_raised_to_the_caller() -> None:
    with Workers(2, int) as workers, pytest.raises(ValueError, match="invalid literal"):
        list(workers.in_order(["1", "2", "not a number", "4"], 4))


def test_a_worker_that_dies_stops_the_run_instead_of_hanging() -> None:
    with Workers(1, os._exit) as workers, pytest.raises(WorkerStopped):
        list(workers.in_order([3], 1))
