"""LLM throughput: 100 pages through `run --model` against a fake endpoint with 200 ms per call.

The seed pages are repeated; every copy has a marker at the end of each
paragraph, so no two articles send the same request and the cache cannot
help. The fake model, in a process of its own, answers with the rules
backend's records for the article (computed before the clock starts), so
replies are grounded and realistic in size. It prints wall time, calls, calls and tokens per
article (tokens as the fake counts them: characters), and the ratio of wall
time to the ideal `calls × latency / concurrency`; then runs the same pages
again, which must make no call.

    python benchmarks/bench_llm.py                      # 100 pages, concurrency 16
    python benchmarks/bench_llm.py --pages 20 --concurrency 4
    BENCH_LATENCY=0 python benchmarks/bench_llm.py   # the tool's own cost per call
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from multiprocessing.synchronize import Event
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.fakellm

from extractor import pipeline_llm  # noqa: E402
from extractor.extract import rules  # noqa: E402
from extractor.extract.llm import Settings, connect  # noqa: E402
from extractor.segment import segment_page  # noqa: E402
from extractor.store import Store  # noqa: E402
from tests.fakellm import (  # noqa: E402
    Reply,
    Request,
    article_body,
    article_title,
    records_reply,
    round_of,
    serving,
)

SEEDS = ROOT / "seeds"
LATENCY = float(os.environ.get("BENCH_LATENCY", "0.2"))
TARGET_RATIO = 1.25
EMPTY: dict[str, object] = {"metrics": [], "quotes": [], "campaigns": []}


def marker(i: int) -> str:
    """A marker with no digits in it, so it adds no quantity to the page: A, B, …, Z, BA, …"""
    letters = ""
    while True:
        letters = chr(ord("A") + i % 26) + letters
        i //= 26
        if i == 0:
            return f"（副本{letters}）"


def make_pages(folder: Path, count: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    paths = []
    for i in range(count):
        lines = texts[i % len(texts)].splitlines()
        # Before the full stop: a line still ends a paragraph where it did.
        copy = "\n".join(
            line[:-1] + marker(i) + "。" if line.endswith("。") else line for line in lines
        )
        path = folder / f"page_{i:05d}.txt"
        path.write_text(copy + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def answers(paths: list[str]) -> dict[tuple[str, str], dict[str, object]]:
    """The fake model's answer for each article of the pages: what the rules backend finds."""
    table = {}
    for path in paths:
        for article in segment_page(Path(path).read_text(encoding="utf-8")):
            table[article.title, article.text] = rules.extract(article).model_dump()
    return table


class Respond:
    """The fake model: the rules backend's records for the article, nothing to add on follow-up."""

    def __init__(self, paths: list[str]) -> None:
        self.table = answers(paths)

    def __call__(self, request: Request, n: int) -> Reply:
        if round_of(request) > 0:
            return records_reply(request, EMPTY)
        key = (article_title(request), article_body(request))
        return records_reply(request, self.table.get(key, EMPTY))


def serve(paths: list[str], urls: multiprocessing.Queue[str], stop: Event) -> None:
    """The fake endpoint in a process of its own, as a remote server would be."""
    with serving(Respond(paths), latency=LATENCY) as fake:
        urls.put(fake.url)
        stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_pages(folder, args.pages)
        spawn = multiprocessing.get_context("spawn")
        urls: multiprocessing.Queue[str] = spawn.Queue()
        stop = spawn.Event()
        server = spawn.Process(target=serve, args=(paths, urls, stop), daemon=True)
        server.start()
        try:
            measure(folder, paths, urls.get(timeout=120), args.concurrency)
        finally:
            stop.set()
            server.join(timeout=5)


def measure(folder: Path, paths: list[str], url: str, concurrency: int) -> None:
    pages = len(paths)
    settings = Settings(model="fake", base_url=url, concurrency=concurrency)
    store = Store.open(folder / "bench.db")
    backend = connect(settings, store, {"OPENAI_API_KEY": "sk-bench"})
    started = time.perf_counter()
    summary = pipeline_llm.run(paths, store, backend)
    wall = time.perf_counter() - started
    if summary.errors:
        raise SystemExit(f"errors: {summary.errors[:3]}")
    articles = summary.articles
    ideal = summary.calls * LATENCY / concurrency
    tokens = summary.prompt_tokens + summary.completion_tokens
    print(f"{pages} pages, {articles} articles, concurrency {concurrency}, {LATENCY} s per call")
    print(f"  wall time          {wall:.2f} s")
    print(f"  calls              {summary.calls} ({summary.cached_calls} from the cache)")
    print(f"  calls per article  {summary.calls / articles:.2f}")
    print(f"  tokens per article {tokens / articles:.0f} (characters, as the fake counts)")
    print(f"  ideal              {ideal:.2f} s = calls × {LATENCY} s / {concurrency}")
    verdict = "ok" if wall / ideal <= TARGET_RATIO else "over target"
    print(f"  ratio              {wall / ideal:.3f} (target ≤ {TARGET_RATIO}: {verdict})")

    backend = connect(settings, store, {"OPENAI_API_KEY": "sk-bench"})
    started = time.perf_counter()
    again = pipeline_llm.run(paths, store, backend)
    wall = time.perf_counter() - started
    print(
        f"second run: {again.calls} calls, {again.articles_skipped} articles already stored, "
        f"{wall:.2f} s (target < 2 s)"
    )
    store.close()


if __name__ == "__main__":
    main()
