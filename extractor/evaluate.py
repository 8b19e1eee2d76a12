"""Database vs gold files → precision, recall and F1 per record type and per page.

Scoring follows docs/annotation.md, per page (so it does not depend on
how the page was cut into articles):
- a metric matches on `value` (relative difference under 1e-6), `value_max`,
  `unit` and `approx` (`不少于5000人` is not `少于5000人`);
- a quote matches on `speaker` and text overlap: the longest common substring
  covers at least 60% of the shorter text, whitespace and quotation marks
  removed;
- a campaign matches when one name, quotation marks removed, contains the other;
- a title matches when both read the same, whitespace and quotation marks
  removed (untitled photos are left out on both sides);
- matching is one-to-one. A prediction is right when it matches any gold
  record, optional or not; recall counts only the required ones.

On the records matched, it also reports how often the fields that do not
decide a match agree with gold (`Agreement`): a metric's `label` (the two
labels share most of their characters), a campaign's `organizer` and
`location` (both empty, or one holds the other).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extractor.errors import UserError
from extractor.models import GoldPage
from extractor.store import Extractor, Store
from extractor.textindex import normalize

KINDS = ("metrics", "quotes", "campaigns", "titles")
Record = dict[str, Any]
Matcher = Callable[[Record, Record], bool]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def metric_matches(pred: Record, gold: Record) -> bool:
    return (
        _close(pred["value"], gold["value"])
        and _close(pred.get("value_max"), gold.get("value_max"))
        and normalize(pred["unit"] or "") == normalize(gold["unit"] or "")
        and (pred.get("approx") or "exact") == (gold.get("approx") or "exact")
    )


def quote_matches(pred: Record, gold: Record) -> bool:
    if normalize(pred["speaker"]) != normalize(gold["speaker"]):
        return False
    a = normalize(pred["text"], drop_quotes=True)
    b = normalize(gold["text"], drop_quotes=True)
    shorter = min(len(a), len(b))
    if shorter == 0:
        return False
    block = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return block.size >= 0.6 * shorter


def campaign_matches(pred: Record, gold: Record) -> bool:
    a = normalize(pred["name"], drop_quotes=True)
    b = normalize(gold["name"], drop_quotes=True)
    return bool(a and b) and (a in b or b in a)


def title_matches(pred: Record, gold: Record) -> bool:
    return normalize(pred["title"], drop_quotes=True) == normalize(gold["title"], drop_quotes=True)


MATCHERS: dict[str, Matcher] = {
    "metrics": metric_matches,
    "quotes": quote_matches,
    "campaigns": campaign_matches,
    "titles": title_matches,
}


def match_count(preds: Sequence[Record], golds: Sequence[Record], matches: Matcher) -> int:
    """Size of a maximum one-to-one matching (Kuhn's augmenting paths; lists are small)."""
    return len(match_pairs(preds, golds, matches))


def match_pairs(
    preds: Sequence[Record],
    golds: Sequence[Record],
    matches: Matcher,
    prefer: Callable[[Record, Record], tuple[bool, ...]] | None = None,
) -> dict[int, int]:
    """A maximum one-to-one matching, as {gold index: prediction index}.

    With `prefer`, each prediction tries the gold records it matches in order
    of preference (a label that agrees first), so that among equal metrics
    (two `2名`) the pairs read as a person would pair them.
    """
    edges = [[g for g, gold in enumerate(golds) if matches(pred, gold)] for pred in preds]
    if prefer is not None:
        for p, pred in enumerate(preds):
            edges[p].sort(key=lambda g: prefer(pred, golds[g]), reverse=True)
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return owner


def _chars(text: str | None) -> Counter[str]:
    return Counter(normalize(text or "", drop_quotes=True))


def labels_agree(pred: Record, gold: Record) -> bool | None:
    """Whether a metric's label says what the gold label says: the two share most of
    their characters (Dice coefficient of their characters at least 0.5). None when
    the gold has no label (nothing to agree with).

    >>> labels_agree({"label": "产值"}, {"label": "工业总产值"})  # 2·2 / (2 + 5)
    True
    """
    a, b = _chars(pred.get("label")), _chars(gold.get("label"))
    if not b:
        return None
    return 2 * sum((a & b).values()) >= 0.5 * (a.total() + b.total())


def _field_agrees(name: str) -> Callable[[Record, Record], bool | None]:
    def agrees(pred: Record, gold: Record) -> bool:
        a = normalize(pred.get(name) or "", drop_quotes=True)
        b = normalize(gold.get(name) or "", drop_quotes=True)
        return a == b or bool(a and b and (a in b or b in a))

    agrees.__doc__ = f"Whether the {name}s agree: both empty, or one holds the other."
    return agrees


#: The fields compared on matched records, per record type: name → agrees(pred, gold).
AGREEMENTS: dict[str, dict[str, Callable[[Record, Record], bool | None]]] = {
    "metrics": {"labels": labels_agree},
    "campaigns": {"organizers": _field_agrees("organizer"), "locations": _field_agrees("location")},
}
#: How much a matched prediction prefers each gold record it matches, tried in that
#: order: the one a person would pair it with (among equal metrics, the one whose label
#: agrees; among campaigns whose names hold each other, the one of the same name, then
#: the one whose organizer and location agree).
PREFERENCE: dict[str, Callable[[Record, Record], tuple[bool, ...]]] = {
    "metrics": lambda p, g: (bool(labels_agree(p, g)),),
    "campaigns": lambda p, g: (
        normalize(p["name"], drop_quotes=True) == normalize(g["name"], drop_quotes=True),
        bool(AGREEMENTS["campaigns"]["organizers"](p, g)),
        bool(AGREEMENTS["campaigns"]["locations"](p, g)),
    ),
}


@dataclass
class Agreement:
    """Of the matched records with something to compare, how many agree with gold."""

    compared: int = 0
    agree: int = 0

    @property
    def share(self) -> float | None:
        return self.agree / self.compared if self.compared else None

    def add(self, other: Agreement) -> None:
        self.compared += other.compared
        self.agree += other.agree

    def as_dict(self) -> dict[str, float | int | None]:
        share = self.share
        return {
            "compared": self.compared,
            "agree": self.agree,
            "share": None if share is None else round(share, 4),
        }


def agreement_on_page(
    kind: str, preds: Sequence[Record], golds: Sequence[Record]
) -> dict[str, Agreement]:
    """How the matched records of one type on one page agree with gold, field by field."""
    fields = AGREEMENTS.get(kind, {})
    if not fields:
        return {}
    pairs = match_pairs(preds, golds, MATCHERS[kind], PREFERENCE.get(kind))
    found = {name: Agreement() for name in fields}
    for g, p in pairs.items():
        for name, agrees in fields.items():
            verdict = agrees(preds[p], golds[g])
            if verdict is not None:
                found[name].compared += 1
                found[name].agree += verdict
    return found


@dataclass
class Score:
    """Counts for one record type, on one page or summed over pages."""

    predicted: int = 0
    gold: int = 0  # required gold records
    correct: int = 0  # predictions matching any gold record
    found: int = 0  # required gold records matched

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.correct += other.correct
        self.found += other.found

    def as_dict(self) -> dict[str, float | int]:
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "correct": self.correct,
            "found": self.found,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def score_page(preds: Sequence[Record], golds: Sequence[Record], matches: Matcher) -> Score:
    """Score one record type on one page.

    Recall is a maximum matching against the required gold records; precision
    lets the predictions left over match optional ones too.
    """
    required = [g for g in golds if not g.get("optional")]
    optional = [g for g in golds if g.get("optional")]
    found = match_count(preds, required, matches)
    correct = match_count(preds, [*required, *optional], matches)
    return Score(predicted=len(preds), gold=len(required), correct=max(correct, found), found=found)


@dataclass
class Report:
    extractor: Extractor | None
    pages: dict[str, dict[str, Score]] = field(default_factory=dict)
    #: Per page: labels, organizers, locations → agreement on the matched records.
    agreement: dict[str, dict[str, Agreement]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    # Gold pages matched by more than one stored page of that file name: scored together.
    ambiguous: list[str] = field(default_factory=list)

    def total(self) -> dict[str, Score]:
        totals = {kind: Score() for kind in KINDS}
        for scores in self.pages.values():
            for kind, score in scores.items():
                totals[kind].add(score)
        return totals

    def total_agreement(self) -> dict[str, Agreement]:
        totals = {name: Agreement() for fields in AGREEMENTS.values() for name in fields}
        for found in self.agreement.values():
            for name, agreement in found.items():
                totals[name].add(agreement)
        return totals

    def as_dict(self) -> dict[str, Any]:
        return {
            "extractor": None if self.extractor is None else vars(self.extractor),
            "total": {k: s.as_dict() for k, s in self.total().items()},
            "agreement": {k: a.as_dict() for k, a in self.total_agreement().items()},
            "pages": {
                page: {k: s.as_dict() for k, s in scores.items()}
                for page, scores in self.pages.items()
            },
            "pages_agreement": {
                page: {k: a.as_dict() for k, a in found.items()}
                for page, found in self.agreement.items()
            },
            "missing_pages": self.missing,
            "ambiguous_pages": self.ambiguous,
        }


def load_gold(directory: Path) -> list[GoldPage]:
    files = sorted(p for p in directory.glob("*.json") if p.is_file())
    if not files:
        raise UserError(f"{directory}: no gold files (*.json)")
    pages = []
    for path in files:
        try:
            pages.append(GoldPage.model_validate_json(path.read_text(encoding="utf-8-sig")))
        except (ValidationError, ValueError, OSError) as err:
            first = str(err).splitlines()[0]
            raise UserError(
                f"{path}: not a gold file in the format of docs/annotation.md ({first})"
            ) from None
    return pages


def evaluate(store: Store, gold_dir: Path, extractor: Extractor | None = None) -> Report:
    """Score the records of `extractor` (by default the latest run's) against every gold file."""
    extractor = extractor or store.latest_extractor()
    report = Report(extractor)
    names = Counter(store.page_names())
    for gold_page in load_gold(gold_dir):
        if gold_page.source not in names:
            report.missing.append(gold_page.source)
        elif names[gold_page.source] > 1:
            report.ambiguous.append(gold_page.source)
        preds: dict[str, list[Record]] = {kind: [] for kind in KINDS}
        if extractor is not None:
            for record_type, row in store.page_records(gold_page.source, extractor):
                kind = "titles" if record_type == "title" else record_type + "s"
                if kind != "titles" or row["title"]:
                    preds[kind].append(row)
        golds: dict[str, list[Record]] = {kind: [] for kind in KINDS}
        for article in gold_page.articles:
            if article.title:
                golds["titles"].append({"title": article.title})
            golds["metrics"] += [m.model_dump() for m in article.metrics]
            golds["quotes"] += [q.model_dump() for q in article.quotes]
            golds["campaigns"] += [c.model_dump() for c in article.campaigns]
        report.pages[gold_page.source] = {
            kind: score_page(preds[kind], golds[kind], MATCHERS[kind]) for kind in KINDS
        }
        report.agreement[gold_page.source] = {
            name: agreement
            for kind in AGREEMENTS
            for name, agreement in agreement_on_page(kind, preds[kind], golds[kind]).items()
        }
    return report
