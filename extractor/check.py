"""Candidate records → accepted (with offsets) and rejected (with reasons).

The grounding promise of the annotation guidelines, applied to every record
from every backend:
- a metric's `raw` occurs in the article, whole, and reads as its `value`,
  `value_max`, `unit` and `approx` (read here, by `extractor.numbers`; the
  record's own arithmetic is never trusted); it is stored as printed;
- a quote's `text` occurs in the article, ignoring whitespace and the style of
  quotation marks, within one quotation (or, reported, one paragraph); its
  `kind` is `direct` exactly when the words stand inside quotation marks; the
  article gives the words to its `speaker`, a person as printed and not the
  reporter of the byline (`check_speech.py`);
- a campaign's `name` occurs in the article, quotation marks aside;
- every `evidence` occurs in the article and contains the field it supports;
- none is found only in a paragraph that gives instructions to a model
  (`instructions.py`): printed, but not reported.

Matching is in NFKC without whitespace (`textindex.py`).

Each failure is a reason a reader (or a model asked to correct itself) can act
on: `value 130 does not read as raw "130亿元" (13000000000)`.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections.abc import Collection

from extractor.attribution import Speech, speech_of
from extractor.caveats import label_fit, warnings_of
from extractor.check_speech import crossings, kind_reasons, speaker_reasons
from extractor.context_counts import reading_where_printed
from extractor.instructions import instruction_paragraphs
from extractor.models import (
    Accepted,
    Article,
    ArticleRecords,
    Campaign,
    CheckResult,
    Metric,
    Quote,
    Rejection,
    Span,
)
from extractor.names import canonical_campaign
from extractor.numbers import (
    Number,
    is_calendar_date,
    parse_quantity,
    same_unit,
)
from extractor.persons import not_a_person
from extractor.printed import PrintedQuantities, telling
from extractor.reporters import reporters
from extractor.stops import positions_of
from extractor.textindex import QUOTE_MARKS, TextIndex, normalize

_SENTENCE_END = "。！？!?；;\n"


@functools.lru_cache(maxsize=64)
def _sentence_ends(text: str) -> list[int]:
    return positions_of(text, _SENTENCE_END)


def sentence_around(text: str, span: Span) -> str:
    """The sentence of `text` holding the span: from the last sentence end before it to the next."""
    return sentence_at(text, span.start, span.end)


def sentence_at(text: str, begin: int, stop: int) -> str:
    """`sentence_around` the characters begin–stop."""
    ends = _sentence_ends(text)
    k = bisect.bisect_left(ends, begin)
    start = ends[k - 1] + 1 if k else 0
    after = bisect.bisect_left(ends, stop)
    end = ends[after] + 1 if after < len(ends) else len(text)
    if end < len(text) and text[end : end + 1] in "”’」":
        end += 1
    return text[start:end].strip()


def _fmt(value: Number | None) -> str:
    if value is None:
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Checker:
    """Checks records against one text (an article's body, or a whole page for `verify`).

    An article's headline (kicker, title, subtitle) is part of the article: a
    record found only there (`“五措并举”` in `墨竹工卡县：“五措并举”把稳安全生产关`)
    is accepted, located in the title rather than the body.
    """

    def __init__(self, text: str, headline: str = "", *, reporters: Collection[str] = ()) -> None:
        self.text = text
        self.headline = headline
        self.reporters = reporters
        self._speech: tuple[Speech, Speech] | None = None
        self.exact = TextIndex(text)
        self.instructions = instruction_paragraphs(text, self.exact.normalized)
        self._printed: dict[str, PrintedQuantities] = {}
        self._found: dict[tuple[str, bool], tuple[Span | None, bool]] = {}

    # The other indexes are made when a record needs them: metrics are matched
    # exactly, quotes and names without quotation marks, the headline last.
    @functools.cached_property
    def loose(self) -> TextIndex:
        return TextIndex(self.text, drop_quotes=True)

    @functools.cached_property
    def title_exact(self) -> TextIndex:
        return TextIndex(self.headline)

    @functools.cached_property
    def title_loose(self) -> TextIndex:
        return TextIndex(self.headline, drop_quotes=True)

    def _find(self, needle: str, *, loose: bool) -> tuple[Span | None, bool]:
        """Where `needle` is in the body, or (None, True) if only the headline has it;
        looked for once an article (metrics of one sentence share it as evidence)."""
        key = (needle, loose)
        if key not in self._found:
            self._found[key] = self._look_for(needle, loose=loose)
        return self._found[key]

    def _look_for(self, needle: str, *, loose: bool) -> tuple[Span | None, bool]:
        """`_find`, looked for."""
        span = (self.loose if loose else self.exact).find(needle)
        if span is not None:
            return span, True
        in_title = (self.title_loose if loose else self.title_exact).find(needle) is not None
        return None, in_title

    def printed(self, raw: str, span: Span | None) -> str:
        """The characters of the page `raw` was found at: in the body at `span`, else in
        the headline."""
        if span is None:
            span = self.title_exact.find(raw.strip())
            return self.headline[span.start : span.end] if span else raw
        return self.text[span.start : span.end]

    def check(self, records: ArticleRecords) -> CheckResult:
        result = CheckResult()
        taken: set[tuple[int, int]] = set()
        for metric in records.metrics:
            span, reasons = self.check_metric(metric, taken)
            reasons += self._addressed_to_a_model(span)
            if span is not None and not reasons:
                taken.add((span.start, span.end))
            self._decide(result, "metric", metric, span, reasons)
        for quote in records.quotes:
            span, reasons = self.check_quote(quote)
            reasons += self._addressed_to_a_model(span)
            self._decide(result, "quote", quote, span, reasons)
        for campaign in records.campaigns:
            span, reasons = self.check_campaign(campaign)
            reasons += self._addressed_to_a_model(span)
            self._decide(result, "campaign", campaign, span, reasons)
        return result

    def warnings(self, record: Metric | Quote | Campaign, span: Span | None) -> list[str]:
        """What deserves a look in a record that passed (`caveats.py`): a label that
        does not read as its sentence, a campaign name that is a generic phrase."""
        sentence = ""
        if isinstance(record, Metric) and not (sentence := record.evidence).strip():
            where = sentence_around(self.text, span) if span else None
            sentence = where or _line_naming(self.headline, record.raw)
        return warnings_of(record, sentence, self.text)

    def _in_instructions(self, span: Span) -> bool:
        if not self.instructions:  # the common case: no paragraph addresses a model
            return False
        return any(lo <= span.start and span.end <= hi for lo, hi in self.instructions)

    def _addressed_to_a_model(self, span: Span | None) -> list[str]:
        """Why a record found in words addressed to a model is no record (`instructions.py`)."""
        if span is not None and self._in_instructions(span):
            return [
                "found only in a paragraph that gives instructions to a model, "
                "not in what the article reports"
            ]
        return []

    @staticmethod
    def _decide(
        result: CheckResult,
        record_type: str,
        record: Metric | Quote | Campaign,
        span: Span | None,
        reasons: list[str],
    ) -> None:
        if reasons:
            result.rejected.append(
                Rejection(
                    record_type=record_type,
                    record=record.model_dump(),
                    reasons=reasons,
                )
            )
        else:
            result.accepted.append(Accepted(record_type=record_type, record=record, span=span))

    def _evidence(self, evidence: str, field: str, value: str) -> tuple[Span | None, list[str]]:
        """Check an `evidence` sentence: in the text, and holding the field it supports."""
        if not evidence.strip():
            return None, []
        span, found = self._find(evidence, loose=True)
        if not found:
            return None, [f'evidence not found in article: "{_short(evidence)}"']
        if self.loose.normalize(value) not in self.loose.normalize(evidence):
            return None, [f'evidence does not contain {field} "{value}"']
        return span, []

    def check_metric(
        self, metric: Metric, taken: set[tuple[int, int]] | None = None
    ) -> tuple[Span | None, list[str]]:
        """Check a metric; `taken` holds spans given to earlier metrics, so that two records
        of the same raw (`6家非煤矿山、6家尾矿库`) get an occurrence each."""
        raw = metric.raw.strip()
        if not raw:
            return None, ["raw is empty"]
        reasons = []
        evidence_span, evidence_reasons = self._evidence(metric.evidence, "raw", raw)
        # Evidence found, but only in the headline: the raw is the headline's.
        in_headline = bool(metric.evidence.strip()) and evidence_span is None
        span, problem = self._locate_raw(
            raw,
            evidence_span,
            taken or set(),
            headline_first=in_headline and not evidence_reasons,
            label=metric.label.strip(),
        )
        if problem:
            reasons.append(problem)
        reading = reading_where_printed(self.text, raw, span)  # 一家三代人, 260只（头）以内
        if reading is None:
            reasons.append(f'raw "{raw}" does not read as a number with a unit')
        else:
            printed = self.printed(raw, span)
            # Stored as printed (`check_article`): what is printed must read the same.
            if printed != raw and parse_quantity(printed) != reading:
                reasons.append(f'raw "{raw}" is printed "{printed}", which does not read as it')
            if is_calendar_date(raw, reading):
                reasons.append(f'raw "{raw}" is a calendar date, not a quantity')
            if not _same(metric.value, reading.value):
                reasons.append(
                    f'value {_fmt(metric.value)} does not read as raw "{raw}" ({_fmt(reading.value)})'
                )
            if reading.value_max is None and metric.value_max is not None:
                reasons.append(
                    f'value_max {_fmt(metric.value_max)} given but raw "{raw}" is not a range'
                )
            elif not _same(metric.value_max, reading.value_max):
                reasons.append(
                    f'value_max {_fmt(metric.value_max)} does not read as raw "{raw}" '
                    f"({_fmt(reading.value_max)})"
                )
            if not same_unit(metric.unit.strip(), reading.unit):
                reasons.append(
                    f'unit "{metric.unit}" does not read as raw "{raw}" ("{reading.unit}")'
                )
            if metric.approx != reading.approx:
                reasons.append(
                    f'approx "{metric.approx}" does not read as raw "{raw}" ("{reading.approx}")'
                )
        reasons += evidence_reasons
        return span, reasons

    def _locate_raw(
        self,
        raw: str,
        within: Span | None,
        taken: set[tuple[int, int]],
        *,
        headline_first: bool = False,
        label: str = "",
    ) -> tuple[Span | None, str | None]:
        """Where `raw` is printed whole: in `within` (its evidence) first, then anywhere,
        preferring an occurrence no earlier metric took; then in the headline, which
        gives no offsets (first, when the evidence is the headline's). With none, the
        reason. Of several free occurrences, the one whose sentence reads most like
        `label`. An evidence that prints `raw` only cut from its qualifier (`120平方米`
        of `120平方米以上`) says what the record claims: the cut is refused, whatever
        the rest of the text prints."""
        first_cut = None
        spare = None
        places = [True, False]
        for in_body in reversed(places) if headline_first else places:
            index = self.exact if in_body else self.title_exact
            scopes = [within, None] if in_body and within else [None]
            for scope in scopes:
                free = []
                for span in index.find_all(raw, scope):
                    if index.text not in self._printed:
                        self._printed[index.text] = PrintedQuantities(index.text)
                    cut = self._printed[index.text].cut(raw, span)
                    if cut:
                        first_cut = telling(first_cut, cut)
                    elif not in_body:
                        return None, None
                    elif (span.start, span.end) not in taken and not (
                        in_body and self._in_instructions(span)
                    ):
                        free.append(span)
                        if scope is not None or not label:
                            break
                    else:
                        spare = spare or span
                if len(free) > 1:  # the same raw printed twice: the sentence of the label
                    return max(free, key=lambda s: self._label_fit(label, s)), None
                if free:
                    return free[0], None
                if scope is not None and first_cut is not None and spare is None:
                    return None, first_cut
            if spare is not None:
                return spare, None
        return None, first_cut or f'raw "{raw}" not found in article'

    def _label_fit(self, label: str, span: Span) -> float:
        return label_fit(label, sentence_around(self.text, span))

    def check_quote(self, quote: Quote) -> tuple[Span | None, list[str]]:
        reasons = []
        text = quote.text.strip().strip(QUOTE_MARKS)
        span, found = self._find(text, loose=True) if text else (None, False)
        if not text:
            reasons.append("quote text is empty")
        elif not found:
            size, passage = self.loose.closest(text)
            wanted = len(self.loose.normalize(text))
            hint = (
                f'; the closest passage shares {size} of {wanted} characters: "{_short(passage)}"'
            )
            reasons.append(
                f'quote text not found in article: "{_short(text)}"' + (hint if size else "")
            )
        crossing = crossings(self.text[span.start : span.end], quote.kind) if span else []
        reasons += crossing
        speaker = quote.speaker.strip()
        if not speaker:
            reasons.append("speaker is empty")
        elif not self._names(speaker):
            reasons.append(f'speaker "{speaker}" not in article')
        if found and speaker:
            reasons += self._speech_reasons(quote, text, span, crossing=bool(crossing))
        return span, reasons

    def _speech_reasons(
        self, quote: Quote, text: str, span: Span | None, *, crossing: bool
    ) -> list[str]:
        """The quote's kind and speaker against what the article says of its words
        (in the body at `span`, or else in the headline)."""
        if self._speech is None:
            self._speech = (speech_of(self.text), speech_of(self.headline))
        body, headline = self._speech
        speech, where = (body, span) if span is not None else (headline, None)
        if where is None:
            where = self.title_loose.find(text)
            if where is None:
                return []
        if crossing:  # words of no one quotation: whose they are is no question
            problem = not_a_person(quote.speaker.strip())
            # Unless they are one quotation over paragraphs, given as reported words; and
            # reported words given as a quotation (opening with one term in marks:
            # `“三联三帮”不是简单的走访慰问，…`) are of the wrong kind too.
            outside = speech.quotation(where.start, where.start + 1) is None
            term = len(speech.quoted(where.start, where.end)) == 1
            held = [
                reason
                for reason in kind_reasons(speech, where, quote.kind)
                if quote.kind == "indirect" or outside or (term and reason.startswith('kind "'))
            ]
            return held + ([problem] if problem else [])
        return kind_reasons(speech, where, quote.kind) + speaker_reasons(
            quote,
            speech,
            where,
            headline=headline if speech is body else None,
            reporters=self.reporters,
        )

    def _names(self, speaker: str) -> bool:
        """Does the article name `speaker` (in its headline, or its body outside any
        instructions to a model)?"""
        if any(not self._in_instructions(s) for s in self.exact.find_all(speaker)):
            return True  # the body first: the headline is indexed only when it must be
        return self.title_exact.find(speaker) is not None

    def check_campaign(self, campaign: Campaign) -> tuple[Span | None, list[str]]:
        name = campaign.name.strip()
        if not self.loose.normalize(name):
            return None, ["campaign name is empty"]
        reasons = []
        span, found = self._find(name, loose=True)
        if not found:
            reasons.append(f'campaign name "{name}" not in article')
        evidence_span, evidence_reasons = self._evidence(campaign.evidence, "name", name)
        reasons += evidence_reasons
        if evidence_span is not None:
            span = self.loose.find(name, within=evidence_span) or span
        if span is not None:
            span = _widen_to_marks(self.text, span, name)
        return span, reasons


def _widen_to_marks(text: str, span: Span, name: str) -> Span:
    """Take in the quotation marks the name was given with: `“五措并举”`, not `五措并举”`."""
    start, end = span.start, span.end
    if name[:1] in QUOTE_MARKS and start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if name[-1:] in QUOTE_MARKS and end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return span if (start, end) == (span.start, span.end) else Span(start=start, end=end)


def _line_naming(headline: str, named: str) -> str:
    """The line of a headline (kicker, title, subtitle) that holds `named`."""
    key = normalize(named, drop_quotes=True)
    lines = headline.split("\n")
    return next((line for line in lines if key in normalize(line, drop_quotes=True)), headline)


def check_article(
    text: str,
    records: ArticleRecords,
    headline: str = "",
    *,
    byline: str | None = None,
    dateline: str | None = None,
) -> CheckResult:
    """Check every record against an article; accepted records get offsets and evidence.

    `headline` is the article's kicker, title and subtitle, one per line
    (`Article.headline`); `byline` and `dateline` name its reporters, who are
    no speakers. A metric or campaign accepted without evidence gets the
    sentence around it, or the headline line when only that names it.
    """
    checker = Checker(text, headline, reporters=reporters(byline, dateline))
    result = checker.check(records)
    for accepted in result.accepted:
        record = accepted.record
        if isinstance(record, Metric):
            # Matched in NFKC, without spaces: stored as the page prints it.
            printed = checker.printed(record.raw, accepted.span)
            if printed != record.raw:
                record = accepted.record = record.model_copy(update={"raw": printed})
        if isinstance(record, Metric | Campaign) and not record.evidence:
            if accepted.span is None:  # named in the headline: the line that names it
                named = record.raw if isinstance(record, Metric) else record.name
                evidence = _line_naming(headline, named)
            else:
                evidence = sentence_around(text, accepted.span)
            accepted.record = record.model_copy(update={"evidence": evidence})
        accepted.warnings = checker.warnings(accepted.record, accepted.span)
    return result


def check_against(article: Article, records: ArticleRecords) -> CheckResult:
    """`check_article` for an article as the segmenter cut it: its body, its headline,
    and its byline and dateline."""
    return check_article(
        article.text,
        records,
        article.headline,
        byline=article.byline,
        dateline=article.dateline,
    )


def identity(record: Metric | Quote | Campaign) -> tuple[str, str]:
    """What makes two records the same claim: every field but the label and the evidence,
    a metric's raw in the form records are matched in (`２６２条` is `262条`). Like a
    label, a campaign's organizer and location are read from the words around one
    mention of it: the same name read twice (in two parts of an article) is one claim,
    whatever marks it is printed in (`“四下基层”`, `‘四下基层’` inside a quotation)."""
    fields = record.model_dump(exclude={"label", "evidence", "organizer", "location"})
    if isinstance(record, Metric):
        fields["raw"] = normalize(record.raw)
    elif isinstance(record, Campaign):
        fields["name"] = canonical_campaign(record.name)
    return type(record).__name__, json.dumps(fields, ensure_ascii=False, sort_keys=True)
