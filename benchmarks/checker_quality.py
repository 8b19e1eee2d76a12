"""How well the checker keeps its promise on annotated pages: true records accepted,
false ones refused.

For each gold directory given, every gold file in it (not in its subfolders) is read with
its page, and the checker is asked about:
- every true record of the gold: the share accepted, per type (metric, quote,
  campaign), with each refused one listed with its reasons;
- every mutation of them (`extractor/mutations.py`): a quote's speaker swapped
  with another person of its article, a reporter of the page as speaker, a
  quote's kind flipped, a metric's raw cut from its qualifier (each must be
  refused), and a metric's label taken from another sentence (it must be
  warned); and the share of true labels warned all the same (a warning on a true
  record costs a reader a look).

    python benchmarks/checker_quality.py tests/gold/dev tests/gold/composed
    python benchmarks/checker_quality.py --summary tests/gold/heldout

`--summary` prints the shares alone, without the refused records (for a
held-out set, whose records are measured and never looked at one by one).
Pages are found by their gold file's `source` in `seeds/` and under
`tests/pages/`, or in the folders given with `--pages`.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extractor.models import Metric, Quote
from extractor.mutations import (
    GoldCase,
    Mutation,
    label_mutations,
    load_case,
    metric_mutations,
    quote_mutations,
)

ROOT = Path(__file__).resolve().parent.parent
PAGE_PLACES = (ROOT / "seeds", ROOT / "tests" / "pages")
#: The mutation classes, in the order they are printed, and what each must get.
CLASSES = {
    "speaker": "refused",
    "reporter": "refused",
    "kind": "refused",
    "qualifier": "refused",
    "label": "warned",
}


@dataclass
class Tally:
    """What the checker did with one gold directory's records and their mutations."""

    true: Counter[str] = field(default_factory=Counter)
    accepted: Counter[str] = field(default_factory=Counter)
    refused: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    made: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    labels: int = 0  # true metrics accepted with a label
    labels_warned: int = 0  # of them, those whose label is warned all the same


def _true_records(case: GoldCase, tally: Tally) -> None:
    checker = case.checker
    for article in case.gold.articles:
        records = [
            *(("metric", m.raw, checker.check_metric(m)[1]) for m in article.metrics),
            *(
                ("quote", f"{q.speaker}: {q.text[:24]}", checker.check_quote(q)[1])
                for q in article.quotes
            ),
            *(("campaign", c.name, checker.check_campaign(c)[1]) for c in article.campaigns),
        ]
        for metric in article.metrics:
            span, reasons = checker.check_metric(metric)
            if metric.label.strip() and not reasons:
                tally.labels += 1
                warnings = checker.warnings(metric, span)
                tally.labels_warned += any(metric.label.strip() in w for w in warnings)
        for kind, what, reasons in records:
            tally.true[kind] += 1
            if reasons:
                tally.refused.append((case.name, kind, what, reasons))
            else:
                tally.accepted[kind] += 1


def _caught(case: GoldCase, mutation: Mutation) -> bool:
    """Is the mutation refused (warned, for a label)?"""
    if isinstance(mutation.record, Quote):
        return bool(case.checker.check_quote(mutation.record)[1])
    assert isinstance(mutation.record, Metric)
    span, reasons = case.checker.check_metric(mutation.record)
    if mutation.kind != "label":
        return bool(reasons)
    return not reasons and any(
        mutation.record.label in w for w in case.checker.warnings(mutation.record, span)
    )


def measure(gold_dir: Path, places: tuple[Path, ...]) -> Tally:
    tally = Tally()
    for path in sorted(p for p in gold_dir.glob("*.json") if p.is_file()):
        case = load_case(path, places)
        _true_records(case, tally)
        for generate in (quote_mutations, metric_mutations, label_mutations):
            for mutation in generate(case):
                tally.made[mutation.kind] += 1
                tally.caught[mutation.kind] += _caught(case, mutation)
    return tally


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"


def report(gold_dir: Path, tally: Tally, *, summary: bool) -> None:
    print(f"== {gold_dir}")
    print("true records accepted:")
    for kind in ("metric", "quote", "campaign"):
        print(f"  {kind:<9} {_share(tally.accepted[kind], tally.true[kind])}")
    print(f"true labels warned all the same: {_share(tally.labels_warned, tally.labels)}")
    print("mutations caught:")
    for kind, must in CLASSES.items():
        print(f"  {kind:<9} {_share(tally.caught[kind], tally.made[kind])} {must}")
    if tally.refused and not summary:
        print("true records refused:")
        for name, kind, what, reasons in tally.refused:
            print(f"  {name} {kind} {what}")
            for reason in reasons:
                print(f"      {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dirs", nargs="+", type=Path, metavar="GOLD_DIR")
    parser.add_argument("--pages", type=Path, action="append", default=[], metavar="DIR")
    parser.add_argument("--summary", action="store_true", help="shares only, no records")
    args = parser.parse_args()
    places = (*args.pages, *PAGE_PLACES)
    for gold_dir in args.gold_dirs:
        report(gold_dir, measure(gold_dir, places), summary=args.summary)


if __name__ == "__main__":
    main()
