"""True records made false in the ways a model gets them wrong, from any gold file.

Each gold record is grounded in its page; each mutation keeps every word
printed but changes what the record claims:
- a quote's speaker swapped with another person of the same article (or, in an
  article with one speaker, of the same page);
- a quote given to the reporter of a byline or dateline of the page;
- a quote's kind flipped;
- a metric's raw cut from the words that qualify its number (`不少于5000人` →
  `少于5000人` or `5000人`), its reading made to agree with the cut raw (not when
  the cut is printed whole in the same sentence, where it is a true raw);
- a metric's label taken from another sentence (a warning, not a refusal).

`tests/test_mutations.py` asserts that every mutation of the project's gold is
refused (warned, for a label); `benchmarks/checker_quality.py` measures the
shares on any gold directory. A gold file's page is found by its `source` in
the folders given to `load_case` (the repository's `seeds/` and `tests/pages/`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.check import Checker, sentence_around
from extractor.models import GoldPage, Metric, Quote
from extractor.numbers import find_quantities, parse_quantity
from extractor.page_lines import reflow
from extractor.persons import office_named
from extractor.reporters import reporters
from extractor.segment import segment_page
from extractor.sources import read_page


def page_for(gold: GoldPage, places: Sequence[Path]) -> Path:
    """The page a gold file annotates: `<place>/<source>` in the first place that has
    it, else `<place>/**/<source>`."""
    for place in places:
        direct = place / gold.source
        if direct.is_file():
            return direct
        found = sorted(place.rglob(gold.source)) if place.is_dir() else []
        if found:
            return found[0]
    raise FileNotFoundError(f"no page {gold.source} in {', '.join(str(p) for p in places)}")


@dataclass(frozen=True)
class GoldCase:
    """A gold file read with its page: the checker of the page, as `extractor verify`
    builds it, and the records."""

    name: str
    gold: GoldPage
    text: str
    checker: Checker
    reporters: list[str]


def load_case(path: Path, places: Sequence[Path]) -> GoldCase:
    """The gold file at `path` with its page, found in `places`."""
    gold = GoldPage.model_validate(json.loads(path.read_text(encoding="utf-8")))
    page = read_page(page_for(gold, places)).text
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
    origin: str = ""  # for a label: the sentence it was written for


def _quote(record: Quote, **changes: object) -> Quote:
    return Quote.model_validate({**record.model_dump(exclude={"optional"}), **changes})


def _honoured(one: str, other: str) -> bool:
    """Is one speaker the other with an honorific after the name (`阿旺先生`, `阿旺`)?"""
    return any(
        a == b + honorific
        for a, b in ((one, other), (other, one))
        for honorific in ("先生", "女士")
    )


def quote_mutations(case: GoldCase) -> Iterator[Mutation]:
    page_speakers = [q for a in case.gold.articles for q in a.quotes]
    for article in case.gold.articles:
        for quote in article.quotes:
            others = [q for q in article.quotes if q.speaker != quote.speaker]
            if not others:
                others = [q for q in page_speakers if q.speaker != quote.speaker]
            seen = set()
            for other in others:
                # An office the speaker's own reference ends with (`负责人` of
                # `社区党委负责人`) names the same official less closely, as a name does
                # the same person with an honorific (`阿旺` of `阿旺先生`): no false claim.
                if (
                    other.speaker in seen
                    or office_named(quote.speaker, other.speaker)
                    or _honoured(quote.speaker, other.speaker)
                ):
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


def _bare_magnitude(raw: str) -> bool:
    """Does `raw` open with a magnitude that no number stands before, reading as no
    quantity? `千年` yes; `千余人`, `5000人`, `于5000人` no."""
    return raw[:1] in "百千万亿" and parse_quantity(raw) is None


def metric_mutations(case: GoldCase) -> Iterator[Mutation]:
    """Each metric's raw cut from its qualifier, unless the cut is itself a quantity
    printed whole where the record says it stands (in its evidence, else anywhere in
    the text): `24小时` cut from `24小时以内` in `开通24小时服务热线，……24小时以内解决`
    is a true raw of that sentence, not a false one; nor when the cut leaves a bare
    magnitude, no number at all (`千年` of `上千年`)."""
    for article in case.gold.articles:
        for metric in article.metrics:
            where = metric.evidence.strip() or case.text
            printed = {q.raw for q in find_quantities(where)}
            for cut, qualifier in qualifier_cuts(metric.raw):
                # A bare magnitude (`千年` of `上千年`) is no number: the cut is refused
                # for that, before any qualifier is looked for.
                if cut not in printed and not _bare_magnitude(cut):
                    yield Mutation("qualifier", _metric(metric, cut), qualifier)


def located_metrics(case: GoldCase) -> list[tuple[int, Metric, str]]:
    """Each gold metric the checker accepts, with its article and the sentence the
    checker finds it in (a refused one has no place to take a label from)."""
    located = []
    taken: set[tuple[int, int]] = set()
    for a, article in enumerate(case.gold.articles):
        for gold_metric in article.metrics:
            metric = Metric.model_validate(gold_metric.model_dump(exclude={"optional"}))
            span, reasons = case.checker.check_metric(metric, taken)
            if not reasons:
                if span is not None:
                    taken.add((span.start, span.end))
                sentence = sentence_around(case.text, span) if span else metric.raw
                located.append((a, metric, sentence))
    return located


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
                (m, s)
                for _, m, s in same_article
                if s != sentence and m.label.strip() and m.label != metric.label
            ),
            None,
        )
        if other is not None:
            label, origin = other[0].label, other[1]
            changed = metric.model_copy(update={"label": label, "evidence": sentence})
            yield Mutation("label", changed, metric.label, origin)
