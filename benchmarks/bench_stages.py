"""CPU time of the offline run's two sides, each alone: a worker's, and the writer's.

On a shared machine a run's rate moves with whatever else runs; the CPU time
each side spends on a page moves much less, and on two cores the run's rate
is bounded by their sum. The seed pages (each copy made distinct, as
`bench_offline.py` makes them) are prepared in this process, as a worker
prepares them (read, segment, extract, check), then stored by `run`'s own loop
(`drive`) into a fresh database, with search indexed as it goes and without.
Each is repeated; the least and the middle time are printed, per page.

    python benchmarks/bench_stages.py              # 300 pages, 3 repeats
    python benchmarks/bench_stages.py --pages 100 --repeat 5
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from bench_offline import make_pages

from extractor.extract import rules
from extractor.pipeline import PreparedPage, RulesWay, prepare_page, rules_extractor
from extractor.stages import Run, execute
from extractor.store import Store


class Replay(RulesWay):
    """The rules' way of running, with pages prepared beforehand: the writer's side alone."""

    def __init__(self, store: Store, prepared: list[PreparedPage]) -> None:
        super().__init__(store, rules.extract, rules_extractor(), 1)
        self.prepared = prepared

    async def pages(self, run: Run, paths: list[str]) -> AsyncIterator[PreparedPage]:
        run.total = len(self.prepared)
        for page in self.prepared:
            yield page
            await asyncio.sleep(0)


def cpu_per_page(work: Callable[[], object], pages: int, repeat: int) -> tuple[float, float]:
    """The least and the middle CPU time of `work`, in ms a page."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        work()
        times.append((time.process_time() - started) / pages * 1000)
    return min(times), statistics.median(times)


def store_all(prepared: list[PreparedPage], search: bool) -> None:
    """Store the prepared pages, as `run` would, into a fresh database."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        store.index_search = search
        execute([], store, Replay(store, prepared))
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_pages(Path(tmp), args.pages)
        targets = [(path, None) for path in paths]
        started = time.process_time()
        prepare_page(targets[0], rules.extract)
        first = time.process_time() - started
        prepared: list[PreparedPage] = []

        def prepare() -> None:
            prepared[:] = [prepare_page(target, rules.extract) for target in targets]

        worker = cpu_per_page(prepare, args.pages, args.repeat)
    with_search = cpu_per_page(lambda: store_all(prepared, True), args.pages, args.repeat)
    without = cpu_per_page(lambda: store_all(prepared, False), args.pages, args.repeat)
    print(f"{args.pages} pages, CPU ms a page (least, middle of {args.repeat})")
    print(f"  worker: first page {first * 1000:.0f} ms (reading the dictionary and the like)")
    print(f"  worker: prepare         {worker[0]:6.2f} {worker[1]:6.2f}")
    print(f"  writer: store + search  {with_search[0]:6.2f} {with_search[1]:6.2f}")
    print(f"  writer: store alone     {without[0]:6.2f} {without[1]:6.2f}")


if __name__ == "__main__":
    main()
