"""Offline throughput and database size: the seed pages, repeated, through `run` (rules backend).

Each copy gets a marker line so its content (and hence its sha256) is distinct and
nothing is skipped as already known. Each page count runs in a fresh process, so
its peak resident memory (ru_maxrss, of the writing process and of the largest
worker process) is its own: the two sizes show whether memory stays flat as the
page count grows. The CPU time of the run (user and system, of the writing
process and of its workers together) is printed in ms a page: on a shared
machine it moves far less than the rate. The database's size is its file's once the run has closed it,
per page (KB: 1,000 bytes), and the part of it the search indexes take.

    python benchmarks/bench_offline.py              # 100 and 1,000 pages
    python benchmarks/bench_offline.py --pages 300  # one size
"""

from __future__ import annotations

import argparse
import json
import multiprocessing.forkserver
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extractor.pipeline import default_jobs, run
from extractor.search import SEARCH_COLUMNS, SEARCH_PENDING, SEARCH_STATE, index_name
from extractor.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TARGET_PAGES_PER_SECOND = 100
TARGET_KB_PER_PAGE = 60


def database_size(path: Path) -> tuple[int, int]:
    """Bytes of the database file, and of the search indexes in it (their pages, as dbstat counts)."""
    conn = sqlite3.connect(path)
    try:
        names = [SEARCH_STATE, SEARCH_PENDING]
        names += [f"{index_name(table)}%" for table in SEARCH_COLUMNS]
        where = " or ".join("name like ?" for _ in names)
        (search,) = conn.execute(f"select sum(pgsize) from dbstat where {where}", names).fetchone()
    finally:
        conn.close()
    return path.stat().st_size, search or 0


def make_pages(folder: Path, count: int) -> list[str]:
    seeds = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    paths = []
    for i in range(count):
        path = folder / f"page_{i:05d}.txt"
        path.write_text(f"{texts[i % len(texts)]}\n\n副本 {i}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user and system) of this process, and of its children waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def stop_fork_server() -> None:
    """Stop the server the run's workers were forked from, if any: the workers are its
    children, so their CPU time and memory count among this process's only once it ends."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)
    if stop is not None:
        stop()


def measure(
    count: int, jobs: int | None, search: bool = True
) -> tuple[float, float, float, int, int, int, float, float]:
    """Pages per second, peak resident MiB of the writer and of the largest worker, articles,
    the database's bytes and its search indexes' bytes, and the run's CPU seconds in the
    writing process and in its workers."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_pages(folder, count)
        store = Store.open(folder / "bench.db")
        store.index_search = search
        started, cpu_before = time.perf_counter(), cpu_seconds()
        summary = run(paths, store, jobs=jobs)
        stop_fork_server()
        seconds, cpu_after = time.perf_counter() - started, cpu_seconds()
        store.close()
        size, search_size = database_size(folder / "bench.db")
    if summary.pages != count:
        raise SystemExit(f"expected {count} pages, extracted {summary.pages}: {summary.errors[:3]}")
    writer = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    writer_cpu, workers_cpu = (
        after - before for after, before in zip(cpu_after, cpu_before, strict=True)
    )
    return (
        count / seconds,
        writer,
        worker,
        summary.articles,
        size,
        search_size,
        writer_cpu,
        workers_cpu,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[100, 1000])
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: as `extractor run`)"
    )
    parser.add_argument("--no-search", action="store_true", help="as `extractor run --no-search`")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.jobs, not args.no_search)))
        return
    jobs = default_jobs(max(args.pages)) if args.jobs is None else args.jobs
    search = "search indexed later" if args.no_search else "search indexed as it goes"
    if jobs == 1:
        print(f"rules backend, in one process (worker MiB: none), {search}")
    else:
        print(
            f"rules backend, {jobs} worker processes where the page count calls for them, {search}"
        )
    print(
        f"{'pages':>6} {'articles':>9} {'pages/s':>9} {'writer MiB':>11} {'worker MiB':>11}"
        f" {'KB/page':>8} {'search KB/page':>15} {'CPU ms/page: writer + workers':>30}"
    )
    for count in args.pages:
        command = [sys.executable, __file__, "--one", str(count)]
        if args.jobs is not None:
            command += ["--jobs", str(args.jobs)]
        if args.no_search:
            command.append("--no-search")
        out = subprocess.run(
            command,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rate, writer, worker, articles, size, search_size, writer_cpu, workers_cpu = json.loads(out)
        per_page, search_per_page = size / count / 1000, search_size / count / 1000
        print(
            f"{count:>6} {articles:>9} {rate:>9.1f} {writer:>11.1f} {worker:>11.1f}"
            f" {per_page:>8.1f} {search_per_page:>8.1f} ({search_size / size:.0%})"
            f" {writer_cpu / count * 1000:>11.1f} + {workers_cpu / count * 1000:.1f}"
            f" = {(writer_cpu + workers_cpu) / count * 1000:.1f}"
        )
    print(
        f"target: >= {TARGET_PAGES_PER_SECOND} pages/s; peak memory flat across sizes;"
        f" <= {TARGET_KB_PER_PAGE} KB a page with search on"
    )


if __name__ == "__main__":
    main()
