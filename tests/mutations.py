"""True records made false in the ways a model gets them wrong, from any gold file.

Each gold record is grounded in its page; each mutation keeps every word
printed but changes what the record claims:
- a quote's speaker swapped with another person of the same article (or, in an
  article with one speaker, of the same page);
- a quote given to the reporter of a byline or dateline of the page;
- a quote's kind flipped;
- a metric's raw cut from the words that qualify its number (`不少于5000人` →
  `少于5000人` or `5000人`), its reading made to agree with the cut raw;
- a metric's label taken from another sentence (a warning, not a refusal).

Gold files are found under `tests/gold/` at any depth, and each page by its
`source` in `seeds/` or anywhere under `tests/pages/`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.check import Checker, sentence_around
from extractor.models import ArticleRecords, GoldPage, Metric, Quote
from extractor.numbers import find_quantities, parse_quantity
from extractor.persons import reporters
from extractor.segment import reflow, segment_page
from extractor.sources import read_page

ROOT = Path(__file__).resolve().parent.parent
GOLD_ROOT = ROOT / "tests" / "gold"
PAGE_PLACES = (ROOT / "seeds", ROOT / "tests" / "pages")


def gold_files() -> list[Path]:
    """Every gold file under `tests/gold/`, at any depth."""
    return sorted(p for p in GOLD_ROOT.rglob("*.json") if p.is_file())


def page_for(gold: GoldPage) -> Path:
    """The page a gold file annotates: `seeds/<source>`, else any `tests/pages/**/<source>`."""
    for place in PAGE_PLACES:
        direct = place / gold.source
        if direct.is_file():
            return direct
        found = sorted(place.rglob(gold.source)) if place.is_dir() else []
        if found:
            return found[0]
    raise FileNotFoundError(f"no page {gold.source} in seeds/ or tests/pages/")


@dataclass(frozen=True)
class GoldCase:
    """A gold file read with its page: the checker of the page, as `extractor verify`
    builds it, and the records."""

    name: str
    gold: GoldPage
    text: str
    checker: Checker
    reporters: list[str]


def load_case(path: Path) -> GoldCase:
    gold = GoldPage.model_validate(json.loads(path.read_text(encoding="utf-8")))
    page = read_page(page_for(gold)).text
    text = reflow(page)
    lines = [(a.byline, a.dateline) for a in segment_page(page)]
    lines += [(a.byline, None) for a in gold.articles]
    names = sorted({name for b, d in lines for name in reporters(b, d)})
    return GoldCase(path.stem, gold, text, Checker(text, reporters=names), names)


@dataclass(frozen=True)
class Mutation:
    kind: str  # "speaker", "reporter", "kind", "qualifier", "label"
    record: Metric | Quote
    was: str  # what the true record said


def _quote(record: Quote, **changes: object) -> Quote:
    return Quote.model_validate({**record.model_dump(exclude={"optional"}), **changes})


def quote_mutations(case: GoldCase) -> Iterator[Mutation]:
    page_speakers = [q for a in case.gold.articles for q in a.quotes]
    for article in case.gold.articles:
        for quote in article.quotes:
            others = [q for q in article.quotes if q.speaker != quote.speaker]
            if not others:
                others = [q for q in page_speakers if q.speaker != quote.speaker]
            seen = set()
            for other in others:
                if other.speaker in seen:
                    continue
                seen.add(other.speaker)
                changed = _quote(quote, speaker=other.speaker, speaker_title=other.speaker_title)
                yield Mutation("speaker", changed, quote.speaker)
            for name in case.reporters:
                if name != quote.speaker:
                    yield Mutation("reporter", _quote(quote, speaker=name), quote.speaker)
            flipped = "indirect" if quote.kind == "direct" else "direct"
            yield Mutation("kind", _quote(quote, kind=flipped), quote.kind)


def _metric(record: Metric, raw: str) -> Metric:
    """The record with `raw`, reading as the cut raw reads where it reads at all: a
    mutation that is consistent in itself, so only the cut can give it away."""
    fields = record.model_dump(exclude={"optional"})
    reading = parse_quantity(raw)
    if reading is not None:
        fields.update(
            value=reading.value,
            value_max=reading.value_max,
            unit=reading.unit,
            approx=reading.approx,
        )
    return Metric.model_validate({**fields, "raw": raw})


def qualifier_cuts(raw: str) -> Iterator[tuple[str, str]]:
    """Each way to cut `raw` from the words that qualify its number, with those words:
    `不少于5000人` → (`少于5000人`, `不少于`), (`于5000人`, `不少于`), (`5000人`, `不少于`)."""
    found = [m for m in find_quantities(raw) if m.start == 0 and m.end == len(raw)]
    if not found:
        return
    match = found[0]
    for cut in range(1, len(match.before) + 1):
        yield raw[cut:], match.before
    for cut in range(1, len(match.after) + 1):
        yield raw[:-cut], match.after


def metric_mutations(case: GoldCase) -> Iterator[Mutation]:
    for article in case.gold.articles:
        for metric in article.metrics:
            for cut, qualifier in qualifier_cuts(metric.raw):
                yield Mutation("qualifier", _metric(metric, cut), qualifier)


def located_metrics(case: GoldCase) -> list[tuple[int, Metric, str]]:
    """Each gold metric with its article and the sentence the checker finds it in."""
    metrics = [
        (a, Metric.model_validate(m.model_dump(exclude={"optional"})))
        for a, article in enumerate(case.gold.articles)
        for m in article.metrics
    ]
    result = case.checker.check(ArticleRecords(metrics=[m for _, m in metrics]))
    assert len(result.accepted) == len(metrics), result.rejected
    return [
        (a, metric, sentence_around(case.text, accepted.span) if accepted.span else metric.raw)
        for (a, metric), accepted in zip(metrics, result.accepted, strict=True)
    ]


def label_mutations(case: GoldCase) -> Iterator[Mutation]:
    """Each labelled metric with the label of the next metric of its article (else of
    its page, in reading order) that stands in another sentence."""
    located = located_metrics(case)
    for k, (a, metric, sentence) in enumerate(located):
        if not metric.label.strip():
            continue
        following = located[k + 1 :] + located[:k]
        same_article = [m for m in following if m[0] == a] + [m for m in following if m[0] != a]
        other = next(
            (
                m
                for _, m, s in same_article
                if s != sentence and m.label.strip() and m.label != metric.label
            ),
            None,
        )
        if other is not None:
            changed = metric.model_copy(update={"label": other.label, "evidence": sentence})
            yield Mutation("label", changed, metric.label)
