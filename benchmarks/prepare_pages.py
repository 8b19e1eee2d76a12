"""Prepare pages as a worker does, for counting the instructions that takes.

CPU time moves with whatever else runs on a shared machine; the instructions a
program executes do not. Under valgrind, the instructions of preparing N pages
(read, segment, extract with the rules, check), less those of a run that
prepares none, are the worker's for those pages; a first page is prepared
before either, so reading the dictionary is in both:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/prepare_pages.py 40        # the benchmark's pages
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/prepare_pages.py 0         # the start alone
    valgrind ... python benchmarks/prepare_pages.py 36 --dev   # tests/pages/dev

Or, in one run, the pages alone: with `--pages-only` the first page is prepared
uninstrumented and `callgrind_control` counts only the pages after it:

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \\
        python benchmarks/prepare_pages.py 40 --pages-only
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

from bench_offline import make_pages

from extractor.extract import rules
from extractor.pipeline import prepare_page

DEV = Path(__file__).resolve().parent.parent / "tests" / "pages" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=int)
    parser.add_argument("--dev", action="store_true", help="the development pages")
    parser.add_argument(
        "--pages-only", action="store_true", help="count from the second page on (callgrind)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # The same first page whatever N is: the 41st of at least 41.
        paths = make_pages(Path(tmp), max(args.pages, 40) + 1)
        prepare_page((paths[-1], None), rules.extract)
        if args.dev:
            paths = [str(path) for path in sorted(DEV.glob("*.txt"))]
        _count(args.pages_only, "on")
        for path in paths[: args.pages]:
            prepare_page((path, None), rules.extract)
        _count(args.pages_only, "off")


def _count(asked: bool, state: str) -> None:
    """Turn callgrind's counting of this process on or off, when asked to."""
    if asked:
        command = ["callgrind_control", f"--instr={state}", str(os.getpid())]
        subprocess.run(command, check=True, capture_output=True)


if __name__ == "__main__":
    main()
