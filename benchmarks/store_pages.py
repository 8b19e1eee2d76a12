"""Store prepared pages as the writer does, for counting the instructions that takes.

The counterpart of `prepare_pages.py` for the writer's side: N copies of the
seed pages are prepared uninstrumented, five are stored once (imports, first
statements), then `callgrind_control` counts the storing of all N into a fresh
database, search indexed every 64 pages (not every two seconds: under valgrind
that would be after nearly every page, and the count would depend on speed):

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \\
        python benchmarks/store_pages.py 100
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

from bench_offline import make_pages
from bench_stages import store_all

from extractor import stages
from extractor.extract import rules
from extractor.pipeline import prepare_page

#: Pages stored between two syncs of search.
SYNC_EVERY = 64


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=int)
    args = parser.parse_args()
    stored = 0

    def after_page(sink: stages.DirectSink) -> None:
        nonlocal stored
        stored += 1
        if stored % SYNC_EVERY == 0:
            sink.store.sync_search()

    stages.DirectSink.after_page = after_page  # type: ignore[method-assign,assignment]
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_pages(Path(tmp), args.pages)
        prepared = [prepare_page((path, None), rules.extract) for path in paths]
        store_all(prepared[:5], True)
        _count("on")
        store_all(prepared, True)
        _count("off")


def _count(state: str) -> None:
    """Turn callgrind's counting of this process on or off (nothing without valgrind)."""
    command = ["callgrind_control", f"--instr={state}", str(os.getpid())]
    subprocess.run(command, check=False, capture_output=True)


if __name__ == "__main__":
    main()
