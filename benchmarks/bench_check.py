"""The checker's cost per article: the seed pages' articles, each checked many times.

Two sets of records are checked against each article, as `run` checks them:
- `gold`: the gold records of the page (`tests/gold/`), each given to the first
  article that prints it; the same input for any version of the checker;
- `rules`: what the offline backend extracts from the article.

The records are made once; only `check_article` is timed. Each figure is the
best of `--rounds` rounds (the least disturbed by other work on the machine).

    python benchmarks/bench_check.py              # 200 rounds
    python benchmarks/bench_check.py --rounds 50

`--checker DIR` measures the `extractor` package of another checkout instead
(an older version, say), with this checkout's pages and gold files:

    mkdir -p /tmp/before && git archive <commit> extractor | tar -x -C /tmp/before
    python benchmarks/bench_check.py --checker /tmp/before

(the byline and dateline are passed only to a checker that takes them).
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path


def _use_checker(checkout: Path) -> None:
    """Make `import extractor` load the package of another checkout."""
    package = checkout / "extractor"
    spec = importlib.util.spec_from_file_location(
        "extractor", package / "__init__.py", submodule_search_locations=[str(package)]
    )
    if spec is None or spec.loader is None:
        raise SystemExit(f"{checkout}: no extractor package there")
    module = importlib.util.module_from_spec(spec)
    sys.modules["extractor"] = module
    spec.loader.exec_module(module)


if __name__ == "__main__" and "--checker" in sys.argv:
    _use_checker(Path(sys.argv[sys.argv.index("--checker") + 1]).resolve())

from extractor.check import check_article  # noqa: E402
from extractor.extract import rules  # noqa: E402
from extractor.models import Article, ArticleRecords, CheckResult  # noqa: E402
from extractor.segment import segment_page  # noqa: E402
from extractor.textindex import normalize  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"


def _words(record: dict[str, object]) -> str:
    for field in ("raw", "text", "name"):
        value = record.get(field)
        if isinstance(value, str):
            return normalize(value, drop_quotes=True)
    return ""


def gold_records(articles: list[Article], gold_file: Path) -> list[ArticleRecords]:
    """The page's gold records, each given to the first article that prints it."""
    places = [normalize(f"{a.headline}\n{a.text}", drop_quotes=True) for a in articles]
    given: list[dict[str, list[dict[str, object]]]] = [
        {"metrics": [], "quotes": [], "campaigns": []} for _ in articles
    ]
    for gold_article in json.loads(gold_file.read_text(encoding="utf-8"))["articles"]:
        for kind in ("metrics", "quotes", "campaigns"):
            for record in gold_article.get(kind, []):
                words = _words(record)
                at = next((i for i, place in enumerate(places) if words in place), None)
                if at is not None:
                    given[at][kind].append(record)
    return [ArticleRecords.model_validate(records) for records in given]


def _checker() -> Callable[[Article, ArticleRecords], CheckResult]:
    """`check_article` as the pipeline calls it, in this checkout's version of it."""
    takes = inspect.signature(check_article).parameters
    if "byline" in takes and "dateline" in takes:
        return lambda a, r: check_article(
            a.text, r, a.headline, byline=a.byline, dateline=a.dateline
        )
    return lambda a, r: check_article(a.text, r, a.headline)


def measure(cases: list[tuple[Article, ArticleRecords]], rounds: int) -> tuple[float, int, int]:
    """Microseconds per article (best round), records checked, records accepted."""
    check = _checker()
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for article, records in cases:
            check(article, records)
        best = min(best, time.perf_counter() - started)
    checked = sum(len(r.metrics) + len(r.quotes) + len(r.campaigns) for _, r in cases)
    accepted = sum(len(check(a, r).accepted) for a, r in cases)
    return best / len(cases) * 1e6, checked, accepted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--checker", type=Path, help="a checkout whose checker to measure")
    args = parser.parse_args()
    print(f"checker: {Path(check_article.__code__.co_filename).parent.parent}")
    by_gold: list[tuple[Article, ArticleRecords]] = []
    by_rules: list[tuple[Article, ArticleRecords]] = []
    for page in sorted(SEEDS.glob("*.txt")):
        articles = segment_page(page.read_text(encoding="utf-8"))
        gold = gold_records(articles, GOLD / f"{page.stem}.json")
        by_gold += zip(articles, gold, strict=True)
        by_rules += [(article, rules.extract(article)) for article in articles]
    print(f"{len(by_gold)} articles of {len(list(SEEDS.glob('*.txt')))} seed pages")
    print(f"{'records':>8} {'checked':>8} {'accepted':>9} {'µs/article':>11}")
    for name, cases in (("gold", by_gold), ("rules", by_rules)):
        micros, checked, accepted = measure(cases, args.rounds)
        print(f"{name:>8} {checked:>8} {accepted:>9} {micros:>11.0f}")


if __name__ == "__main__":
    main()
