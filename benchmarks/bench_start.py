"""CPU time of starting a run's worker processes: as `run` starts them, and spawned afresh.

Two workers are started and prepare the first four seed pages; the CPU
seconds of starting them and of the workers (and of whatever process they are
forked from, warming the rules up: this one on Linux, else a server) are
printed, for the workers `run` starts (`workers.py`) and for a pool of spawned
processes, each importing the rules and reading the dictionary itself. Each
runs in a fresh process, alternating.

    python benchmarks/bench_start.py             # 3 of each
    python benchmarks/bench_start.py --repeat 5
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import multiprocessing.forkserver
import resource
import subprocess
import sys
from pathlib import Path

from bench_offline import stop_fork_server

from extractor import pipeline
from extractor.extract import rules
from extractor.workers import Workers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def cpu() -> float:
    """CPU seconds (user and system) of this process and of its children waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def start(kind: str) -> float:
    """CPU seconds of two workers of `kind` started to prepare four pages."""
    targets = [(str(path), None) for path in sorted(SEEDS.glob("*.txt"))[:4]]
    before = cpu()
    spawned = kind == "spawn"
    prepare = functools.partial(pipeline.prepare_page, extract=rules.extract)
    if spawned:
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            list(pool.imap(prepare, targets))
    else:
        with Workers(2, prepare) as workers:
            list(workers.in_order(targets, 8))
    stop_fork_server()
    return cpu() - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", choices=["run", "spawn"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(f"{start(args.one):.2f}")
        return
    seconds: dict[str, list[str]] = {"run": [], "spawn": []}
    for _ in range(args.repeat):
        for kind, found in seconds.items():
            command = [sys.executable, __file__, "--one", kind]
            found.append(
                subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()
            )
    print("CPU s of two workers started to prepare four pages")
    print(f"  as run starts them (workers.py):           {' '.join(seconds['run'])}")
    print(f"  spawned, each loading the rules itself:    {' '.join(seconds['spawn'])}")


if __name__ == "__main__":
    main()
