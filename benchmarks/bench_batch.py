"""Batch throughput: 1,000 and 10,000 articles through `run --batch` against a fake Batch API.

The seed pages are repeated, every copy marked at the end of each paragraph
so that no two articles send the same request. The fake endpoint, in a
process of its own, completes each batch as soon as it is created, answering
every request with the rules backend's records for its article (computed
before the clock starts). Each size runs in a fresh process, so its peak
resident memory (ru_maxrss) is its own; the figures are that process's: its
wall time, its CPU time (our side's work: reading pages, writing and uploading
the requests, downloading and reading the answers, checking, storing) and its
peak memory. Then the same pages run again, which must send nothing.

    python benchmarks/bench_batch.py                 # 1,000 and 10,000 articles
    python benchmarks/bench_batch.py --articles 400  # one size
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from multiprocessing.synchronize import Event
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.fakebatch

from bench_llm import Respond, make_pages  # noqa: E402

from extractor.batch import BatchPlan, open_batch_way  # noqa: E402
from extractor.extract.endpoint import Settings  # noqa: E402
from extractor.stages import execute  # noqa: E402
from extractor.store import Store  # noqa: E402
from tests.fakebatch import Script, serving  # noqa: E402

#: The seed pages hold 40 articles: 8 a page.
ARTICLES_PER_PAGE = 8
MEMORY_RATIO = 1.5


def serve(paths: list[str], urls: multiprocessing.Queue[str], stop: Event) -> None:
    """The fake Batch API in a process of its own, as a remote endpoint would be."""
    with serving(Respond(paths), Script(statuses=["completed"])) as fake:
        urls.put(fake.url)
        stop.wait()


def measure(paths: list[str], url: str, db: str, results: multiprocessing.Queue[str]) -> None:
    """Both runs, in a fresh process; the figures go back through `results`."""
    settings = Settings(model="fake", base_url=url)
    plan = BatchPlan(wait=True, poll=0.05)
    store = Store.open(db)
    started, cpu = time.perf_counter(), time.process_time()
    first = execute(paths, store, open_batch_way(store, settings, plan, {"OPENAI_API_KEY": "sk-x"}))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    again_started = time.perf_counter()
    way = open_batch_way(store, settings, plan, {"OPENAI_API_KEY": "sk-x"})
    second = execute(paths, store, way)
    again = time.perf_counter() - again_started
    batches = store.db.execute("select count(*), sum(requests), sum(bytes) from batches").fetchone()
    store.close()
    if first.errors or first.articles_failed or first.articles_waiting:
        results.put(f"error: {first.errors[:3]}, {first.articles_waiting} waiting")
        return
    results.put(
        f"{first.articles}\t{wall:.1f}\t{cpu:.1f}\t{peak:.0f}\t{batches[0]}\t{batches[1]}"
        f"\t{batches[2] / 1e6:.0f}"
        f"\t{second.articles_skipped}\t{len(way.sent)}\t{second.calls}\t{again:.1f}"
    )


def one_size(articles: int) -> tuple[int, float, float, float, str]:
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "pages").mkdir()
        paths = make_pages(folder / "pages", articles // ARTICLES_PER_PAGE)
        urls: multiprocessing.Queue[str] = spawn.Queue()
        stop = spawn.Event()
        server = spawn.Process(target=serve, args=(paths, urls, stop), daemon=True)
        server.start()
        try:
            url = urls.get(timeout=600)
            results: multiprocessing.Queue[str] = spawn.Queue()
            child = spawn.Process(target=measure, args=(paths, url, str(folder / "b.db"), results))
            child.start()
            line = results.get(timeout=3600)
            child.join()
        finally:
            stop.set()
            server.join(timeout=5)
    if line.startswith("error"):
        raise SystemExit(line)
    n, wall, cpu, peak, batches, requests, megabytes, skipped, sent, calls, again = line.split("\t")
    print(
        f"{int(n):>8} {float(wall):>8.1f} {1000 * float(wall) / int(n):>9.2f} "
        f"{1000 * float(cpu) / int(n):>9.2f} {float(peak):>8.0f} {batches:>7} {requests:>8}"
        f" {megabytes:>5}"
        f"   {skipped} skipped, {sent} batches sent, {calls} calls, {float(again):.1f} s",
        flush=True,
    )
    return int(n), float(wall), float(cpu), float(peak), sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append")
    args = parser.parse_args()
    sizes = args.articles or [1_000, 10_000]
    print(
        "articles   wall s  ms/art wall  ms/art CPU  peak MiB batches requests    MB   second run"
    )
    peaks = [one_size(size)[3] for size in sizes]
    if len(peaks) > 1:
        ratio = max(peaks) / min(peaks)
        verdict = "ok" if ratio <= MEMORY_RATIO else "too much"
        print(f"peak memory ratio {ratio:.2f} (target ≤ {MEMORY_RATIO}: {verdict})")


if __name__ == "__main__":
    main()
