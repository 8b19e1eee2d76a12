"""Full-text search: what each kind of index costs and how fast the chosen one answers.

The seed pages, repeated into distinct pages (as `bench_offline.py` makes them),
go through `run` with the rules backend; their articles are then indexed again
in scratch databases by each kind of index, to compare sizes (KB of 1,000
bytes per page) and indexing time (ms per page, making pairs or words in Python
included), and searched for words of one to six characters. The run itself
leaves its indexing to the end, to time it alone.

    python benchmarks/bench_search.py               # 1,000 pages
    python benchmarks/bench_search.py --pages 300

jieba is measured when it is installed (`pip install jieba==0.42.1`); the
project does not depend on it.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_offline import SEEDS, make_pages

from extractor.pipeline import run
from extractor.search import TOKENIZER, pairs, sync_search
from extractor.search_query import matching, search_everything_sql, word_match
from extractor.store import Store

COLUMNS = ("title", "kicker", "subtitle", "text")
WORDS = ["藏", "拉萨", "消防", "拉萨市", "非煤矿山", "习近平总书记"]
#: Words whose recall a jieba index is shown for: a character, a place, policy, names, common words.
JIEBA_EXAMPLES = ["藏", "拉萨", "党建", "消防", "次仁", "中学", "学校"]


def spaced(text: str) -> str:
    """Every character a token of its own (unicode61 splits at the spaces)."""
    return " ".join(text)


def load_jieba() -> Any:
    try:
        jieba: Any = importlib.import_module("jieba")
    except ImportError:
        return None
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def jieba_recall(jieba: Any, texts: list[str]) -> None:
    """How many of the articles holding a two-character word of jieba's dictionary a word
    index finds: the word cut as the texts are (`cut_for_search`), all its words in the text's."""
    cut = [{w for w in jieba.cut_for_search(t) if w.strip()} for t in texts]
    candidates = {t[i : i + 2] for t in texts for i in range(len(t) - 1)}
    words = sorted(w for w in candidates if jieba.dt.FREQ.get(w) and w.strip() == w)

    def recall(word: str) -> tuple[int, int]:
        asked = [w for w in jieba.cut_for_search(word) if w.strip()]
        truth = [i for i, t in enumerate(texts) if word in t]
        return sum(all(w in cut[i] for w in asked) for i in truth), len(truth)

    counts = [recall(word) for word in words]
    whole = sum(found == holding for found, holding in counts)
    found, holding = (sum(column) for column in zip(*counts, strict=True))
    print(
        f"jieba: {len(words)} two-character words of its dictionary printed in these articles;"
        f" every article found for {whole / len(words):.0%} of the words,"
        f" {found / holding:.0%} of the articles holding one"
    )
    examples = [(w, *recall(w)) for w in JIEBA_EXAMPLES]
    print("  articles found:", ", ".join(f"{w} {f} of {n}" for w, f, n in examples if n))


#: name → (FTS5 options, how a text is turned into what is indexed; None: as it is)
OPTIONS: dict[str, tuple[str, Callable[[str], str] | None]] = {
    "trigram (the previous index)": ("tokenize='trigram', content='a', content_rowid='id'", None),
    "trigram, detail=column": (
        "tokenize='trigram', detail=column, content='a', content_rowid='id'",
        None,
    ),
    "trigram, detail=none": (
        "tokenize='trigram', detail=none, content='a', content_rowid='id'",
        None,
    ),
    "one character a token, detail=full": (f"tokenize=\"{TOKENIZER}\", content=''", spaced),
    "character pairs, detail=full": (
        f"tokenize=\"{TOKENIZER}\", content=''",
        pairs,
    ),
    "character pairs, detail=none (chosen)": (
        f"tokenize=\"{TOKENIZER}\", content='', detail=none",
        pairs,
    ),
}


def index_cost(
    articles: list[tuple[Any, ...]], options: str, turn: Callable[[str], str] | None, pages: int
) -> tuple[float, float]:
    """KB per page of the index alone, and ms per page to build it."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "scratch.db")
        conn.execute(f"create table a (id integer primary key, {', '.join(COLUMNS)})")
        conn.executemany("insert into a values (?, ?, ?, ?, ?)", articles)
        conn.commit()
        names = ", ".join(COLUMNS)
        conn.execute(f"create virtual table f using fts5({names}, {options})")
        started = time.perf_counter()
        if turn is None:
            conn.execute(f"insert into f (rowid, {names}) select id, {names} from a")
        else:
            conn.executemany(
                f"insert into f (rowid, {names}) values (?, ?, ?, ?, ?)",
                ((row[0], *(turn(v or "") for v in row[1:])) for row in articles),
            )
        conn.commit()
        ms = (time.perf_counter() - started) * 1000 / pages
        (size,) = conn.execute("select sum(pgsize) from dbstat where name like 'f%'").fetchone()
        conn.close()
    return size / 1000 / pages, ms


def best_ms(conn: sqlite3.Connection, sql: str, params: Any, times: int = 5) -> tuple[float, int]:
    """The fastest of a few runs, in ms, and the count (or the number of rows) it gave."""
    best, answer = float("inf"), 0
    for _ in range(times):
        started = time.perf_counter()
        rows = conn.execute(sql, params).fetchall()
        best = min(best, time.perf_counter() - started)
        answer = rows[0][0] if "count(" in sql else len(rows)
    return best * 1000, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store.open(folder / "bench.db")
        store.index_search = False  # indexed below, at once, to be timed
        run(make_pages(folder, args.pages), store)
        started = time.perf_counter()
        indexed = sync_search(store.db)
        seconds = time.perf_counter() - started
        store.close()
        conn = sqlite3.connect(folder / "bench.db")
        articles = conn.execute(f"select id, {', '.join(COLUMNS)} from articles").fetchall()
        print(f"{args.pages} pages, {len(articles)} articles")
        print(
            f"the run's search indexes (pairs), {indexed} rows of four tables indexed at once:"
            f" {seconds * 1000 / args.pages:.2f} ms/page\n"
        )
        print(f"{'index of the articles':<40} {'KB/page':>8} {'ms/page':>8}")
        options = dict(OPTIONS)
        jieba = load_jieba()
        if jieba is not None:
            options["jieba words, detail=full"] = (
                f"tokenize=\"{TOKENIZER}\", content=''",
                lambda text: " ".join(w for w in jieba.cut_for_search(text) if w.strip()),
            )
        for name, (fts, turn) in options.items():
            size, ms = index_cost(articles, fts, turn, args.pages)
            print(f"{name:<40} {size:>8.1f} {ms:>8.2f}")
        if jieba is None:
            print("(jieba is not installed: not measured)")
        else:  # the articles of one copy of the seed pages
            seeds = len(list(SEEDS.glob("*.txt")))
            texts = conn.execute(
                f"select {' || char(10) || '.join(f'coalesce({c}, {chr(39) * 2})' for c in COLUMNS)}"
                " from articles where page_id in (select id from pages order by id limit ?)",
                [seeds],
            )
            jieba_recall(jieba, [row[0] for row in texts])

        print(f"\n{'word':<8} {'articles':>8} {'first page':>11} {'count':>8} {'LIKE scan':>10}")
        everything = "coalesce(kicker, '') || title || coalesce(subtitle, '') || text"
        for word in WORDS:
            condition, params = matching("articles", word)
            page_ms, _ = best_ms(
                conn, f"select * from articles where {condition} order by id limit 101", params
            )
            count_ms, found = best_ms(
                conn, f"select count(*) from articles where {condition}", params
            )
            scan_ms, _ = best_ms(
                conn, f"select count(*) from articles where {everything} like ?", [f"%{word}%"]
            )
            print(f"{word:<8} {found:>8} {page_ms:>8.1f} ms {count_ms:>5.1f} ms {scan_ms:>7.1f} ms")
        # The `search` query of `extractor inspect`, as Datasette reads it: its first 1,000 rows.
        conn.create_function("search_match", 1, word_match, deterministic=True)
        sql = f"select * from ({search_everything_sql()}) limit 1000"
        times = [f"{w} {best_ms(conn, sql, {'q': w})[0]:.0f} ms" for w in WORDS]
        print("\nthe search query, first 1,000 rows:", ", ".join(times))
        conn.close()


if __name__ == "__main__":
    main()
