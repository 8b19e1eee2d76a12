"""How whole the metric labels of a database are: the share whose both ends fall on a
word boundary of their sentence, and the share that name something.

A label's start is where the longest opening of it printed in its evidence starts, its
end where the longest ending of it printed there ends (a label such as
`第一产业增加值增长` joins two phrases of the sentence). Boundaries are judged twice:
by `jieba.cut` of the sentence (jieba's own segmentation, each sentence cut once), and
by the dictionary lookup the rules use (`extract.words.is_boundary`). A label none of
whose opening is printed in its sentence counts as not whole.

    extractor run tests/pages/dev --db dev.db
    python benchmarks/label_boundaries.py dev.db
    python benchmarks/label_boundaries.py dev.db --list 20   # and 20 labels that are not
"""

from __future__ import annotations

import argparse
import functools
import sqlite3
from dataclasses import dataclass

import jieba

from extractor.extract.phrases import names_something
from extractor.extract.words import is_boundary


@functools.lru_cache(maxsize=4096)
def _cut_ends(sentence: str) -> frozenset[int]:
    """Where jieba's segmentation of the sentence puts a word boundary."""
    ends, at = {0}, 0
    for word in jieba.cut(sentence):
        at += len(word)
        ends.add(at)
    return frozenset(ends)


def _ends(label: str, sentence: str) -> tuple[int, int] | None:
    """Where the label starts and ends in the sentence, by its longest opening and
    ending printed there; None when not even its first character is."""
    for size in range(len(label), 0, -1):
        start = sentence.find(label[:size])
        if start >= 0:
            break
    else:
        return None
    for size in range(len(label), 0, -1):
        end = sentence.find(label[-size:], start)
        if end >= 0:
            return start, end + size
    return None


@dataclass
class Tally:
    labels: int = 0
    whole_by_jieba: int = 0
    whole_by_dictionary: int = 0
    naming: int = 0

    def share(self, count: int) -> str:
        return f"{count / self.labels:.3f} ({count}/{self.labels})" if self.labels else "-"


def measure(db: str, listed: int) -> Tally:
    """Tally the labels of every metric stored in `db`; print `listed` that are not whole."""
    tally = Tally()
    rows = sqlite3.connect(db).execute("select label, evidence from metrics order by id")
    for label, sentence in rows:
        label, sentence = label.strip(), sentence or ""
        tally.labels += 1
        tally.naming += names_something(label)
        ends = _ends(label, sentence)
        if ends is None:
            if listed > 0:
                print(f"not printed: {label} | {sentence[:60]}")
                listed -= 1
            continue
        start, end = ends
        by_jieba = {start, end} <= _cut_ends(sentence)
        tally.whole_by_jieba += by_jieba
        tally.whole_by_dictionary += is_boundary(sentence, start) and is_boundary(sentence, end)
        if not by_jieba and listed > 0:
            print(f"{sentence[max(0, start - 4) : start]}[{label}]{sentence[end : end + 4]}")
            listed -= 1
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--list", type=int, default=0, help="print this many labels not whole")
    args = parser.parse_args()
    jieba.setLogLevel(60)
    tally = measure(args.db, args.list)
    print(f"labels: {tally.labels}")
    print(f"both ends on a word boundary, by jieba.cut: {tally.share(tally.whole_by_jieba)}")
    print(
        f"both ends on a word boundary, by the dictionary: {tally.share(tally.whole_by_dictionary)}"
    )
    print(f"naming something: {tally.share(tally.naming)}")


if __name__ == "__main__":
    main()
