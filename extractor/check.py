"""Candidate records → accepted (with offsets) and rejected (with reasons).

The grounding promise of the annotation guidelines, applied to every record
from every backend:
- a metric's `raw` occurs in the article and reads as its `value`,
  `value_max`, `unit` and `approx` (read here, by `extractor.numbers`; the
  record's own arithmetic is never trusted);
- a quote's `text` occurs in the article, ignoring whitespace and the style of
  quotation marks, and its `speaker` occurs in the article;
- a campaign's `name` occurs in the article, quotation marks aside;
- every `evidence` occurs in the article and contains the field it supports.

Each failure is a reason a reader (or a model asked to correct itself) can act
on: `value 130 does not read as raw "130亿元" (13000000000)`.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import overload

from extractor.models import (
    Accepted,
    ArticleRecords,
    Campaign,
    CheckResult,
    Metric,
    Quote,
    Rejection,
    Span,
)
from extractor.numbers import (
    CN_DIGITS,
    CN_NUMERALS,
    DIGITS,
    Number,
    QuantityMatch,
    find_quantities,
    is_calendar_date,
    parse_quantity,
)

QUOTE_MARKS = "“”‘’「」『』\"'"
_SENTENCE_END = "。！？!?；;\n"
_SPACE = re.compile(r"\s")
_SENTENCE_END_RE = re.compile(f"[{re.escape(_SENTENCE_END)}]")
_LAST_SENTENCE_END = re.compile(f"(?s:.*)[{re.escape(_SENTENCE_END)}]")
_NO_QUOTES = str.maketrans("", "", QUOTE_MARKS)
# A raw that opens with a numeral must not follow a digit or numeral it was cut from.
_NUMERAL_START = set(DIGITS + CN_NUMERALS)
_NUMBER_INSIDE = set(DIGITS + ".．" + CN_NUMERALS)
_BEFORE_POINT = set(CN_DIGITS + "十")
# A closing mark, an attribution, an opening mark: the seam between two quotations.
_ATTRIBUTION_INSIDE = re.compile(
    r"[”」][^“”「」\n]{0,40}?(?:说|表示|指出|强调|介绍|告诉|问|答|道)[^“”「」]*[“「]"
)
_IDEOGRAPHS = re.compile("[\u4e00-\u9fff]+")


@functools.cache
def _kept(ch: str, drop_quotes: bool) -> str:
    """What one character of a text becomes in the matching form."""
    return "".join(
        c
        for c in unicodedata.normalize("NFKC", ch)
        if not (c.isspace() or (drop_quotes and c in QUOTE_MARKS))
    )


class _Skipping(Sequence[int]):
    """Where the k-th kept character came from, when some characters were dropped.

    Stores only the dropped positions, not one offset per character.
    """

    def __init__(self, dropped: list[int], length: int) -> None:
        # kept_before[j]: how many characters were kept before the j-th dropped one
        self._kept_before = [d - j for j, d in enumerate(dropped)]
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, k: int) -> int: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[int]: ...
    def __getitem__(self, k: int | slice) -> int | Sequence[int]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._length))]
        if not 0 <= k < self._length:
            raise IndexError(k)
        return k + bisect.bisect_right(self._kept_before, k)


class TextIndex:
    """A text made searchable the way records are matched against it.

    Each character is NFKC-normalized and whitespace is dropped (and, with
    `drop_quotes`, quotation marks), remembering where each kept character came
    from, so a match in the normalized text maps back to offsets in the
    original.
    """

    def __init__(self, text: str, *, drop_quotes: bool = False) -> None:
        self.text = text
        self.drop_quotes = drop_quotes
        self._origin: Sequence[int]
        # CJK ideographs are NFKC-stable and never dropped: only the rest can change.
        others = set(_IDEOGRAPHS.sub("", text))
        changes = {ch: _kept(ch, drop_quotes) for ch in others}
        changes = {ch: kept for ch, kept in changes.items() if kept != ch}
        if all(len(kept) <= 1 for kept in changes.values()):
            # The common case: characters are kept, replaced one for one, or
            # dropped; a few passes of `str.replace` do it in C.
            normalized = text
            for ch, kept in changes.items():
                normalized = normalized.replace(ch, kept)
            self.normalized = normalized
            dropped = "".join(ch for ch, kept in changes.items() if not kept)
            self._origin = _Skipping(
                [m.start() for m in re.finditer(f"[{re.escape(dropped)}]", text)]
                if dropped
                else [],
                len(self.normalized),
            )
            return
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            kept = _kept(ch, drop_quotes)
            chars.append(kept)
            origin.extend([i] * len(kept))
        self.normalized = "".join(chars)
        self._origin = origin

    def normalize(self, needle: str) -> str:
        return normalize(needle, drop_quotes=self.drop_quotes)

    def find(self, needle: str, within: Span | None = None) -> Span | None:
        """Offsets in the original text of the first match of `needle`, or None."""
        return next(self.find_all(needle, within), None)

    def find_all(self, needle: str, within: Span | None = None) -> Iterator[Span]:
        """Offsets in the original text of every match of `needle`, left to right."""
        key = self.normalize(needle)
        if not key:
            return
        lo, hi = 0, len(self.normalized)
        if within is not None:
            lo = bisect.bisect_left(self._origin, within.start)
            hi = bisect.bisect_left(self._origin, within.end)
        at = self.normalized.find(key, lo, hi)
        while at >= 0:
            yield Span(start=self._origin[at], end=self._origin[at + len(key) - 1] + 1)
            at = self.normalized.find(key, at + 1, hi)

    def closest(self, needle: str) -> tuple[int, str]:
        """The longest passage the needle shares with the text: its length and the passage."""
        key = self.normalize(needle)
        matcher = SequenceMatcher(None, self.normalized, key, autojunk=False)
        block = matcher.find_longest_match(0, len(self.normalized), 0, len(key))
        if not block.size:
            return 0, ""
        return block.size, self.text[
            self._origin[block.a] : self._origin[block.a + block.size - 1] + 1
        ]


@functools.lru_cache(maxsize=4096)
def normalize(text: str, *, drop_quotes: bool = False) -> str:
    """NFKC, whitespace removed (and quotation marks, if asked): the form records match in."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    if drop_quotes:
        text = text.translate(_NO_QUOTES)
    return text


def sentence_around(text: str, span: Span) -> str:
    """The sentence of `text` holding the span: from the last sentence end before it to the next."""
    before = _LAST_SENTENCE_END.search(text, 0, span.start)
    start = before.end() if before else 0
    after = _SENTENCE_END_RE.search(text, span.end)
    end = after.end() if after else len(text)
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

    def __init__(self, text: str, headline: str = "") -> None:
        self.text = text
        self.exact = TextIndex(text)
        self.loose = TextIndex(text, drop_quotes=True)
        self.title_exact = TextIndex(headline)
        self.title_loose = TextIndex(headline, drop_quotes=True)
        self._printed: dict[str, list[QuantityMatch]] = {}

    def _printed_around(self, text: str, span: Span) -> QuantityMatch | None:
        """The quantity printed in `text` that overlaps `span`, as the number grammar reads it."""
        if text not in self._printed:
            self._printed[text] = find_quantities(text)
        return next(
            (q for q in self._printed[text] if q.start < span.end and span.start < q.end), None
        )

    def _cut(self, text: str, raw: str, span: Span) -> str | None:
        """Why `span` (where `raw` occurs) is not a whole printed quantity, or None if it is.

        `30亿元` occurs in `130亿元`, `4000人次` in `约4000人次`, `1.5万余人` in
        `1.5万余人次`: each occurs, and reads, but is not what the article says.
        """
        before = text[max(0, span.start - 2) : span.start]
        if raw[:1] in _NUMERAL_START and (
            before[-1:] in _NUMBER_INSIDE or (before[-1:] == "点" and before[:1] in _BEFORE_POINT)
        ):
            return f'raw "{raw}" is cut from a longer number in the article'
        printed = self._printed_around(text, span)
        if printed is not None and (printed.start < span.start or printed.end > span.end):
            return f'raw "{raw}" is part of "{printed.raw}" in the article'
        return None

    def _find(self, needle: str, *, loose: bool) -> tuple[Span | None, bool]:
        """Where `needle` is in the body, or (None, True) if only the headline has it."""
        span = (self.loose if loose else self.exact).find(needle)
        if span is not None:
            return span, True
        in_title = (self.title_loose if loose else self.title_exact).find(needle) is not None
        return None, in_title

    def check(self, records: ArticleRecords) -> CheckResult:
        result = CheckResult()
        taken: set[tuple[int, int]] = set()
        for metric in records.metrics:
            span, reasons = self.check_metric(metric, taken)
            if span is not None and not reasons:
                taken.add((span.start, span.end))
            self._decide(result, "metric", metric, span, reasons)
        for quote in records.quotes:
            self._decide(result, "quote", quote, *self.check_quote(quote))
        for campaign in records.campaigns:
            self._decide(result, "campaign", campaign, *self.check_campaign(campaign))
        return result

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
        span, problem = self._locate_raw(raw, evidence_span, taken or set())
        if problem:
            reasons.append(problem)
        reading = parse_quantity(raw)
        if reading is None:
            reasons.append(f'raw "{raw}" does not read as a number with a unit')
        else:
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
            if metric.unit.strip() != reading.unit:
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
        self, raw: str, within: Span | None, taken: set[tuple[int, int]]
    ) -> tuple[Span | None, str | None]:
        """Where `raw` is printed whole: in `within` (its evidence) first, then anywhere,
        preferring an occurrence no earlier metric took; then in the headline, which
        gives no offsets. With none, the reason."""
        first_cut = None
        spare = None
        for index, in_body in ((self.exact, True), (self.title_exact, False)):
            scopes = [within, None] if in_body and within else [None]
            for scope in scopes:
                for span in index.find_all(raw, scope):
                    cut = self._cut(index.text, raw, span)
                    if cut:
                        first_cut = first_cut or cut
                    elif not in_body:
                        return None, None
                    elif (span.start, span.end) not in taken:
                        return span, None
                    else:
                        spare = spare or span
            if spare is not None:
                return spare, None
        return None, first_cut or f'raw "{raw}" not found in article'

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
        if span is not None:
            reasons += _crossings(self.text[span.start : span.end], quote.kind)
        speaker = quote.speaker.strip()
        if not speaker:
            reasons.append("speaker is empty")
        elif not self._find(speaker, loose=False)[1]:
            reasons.append(f'speaker "{speaker}" not in article')
        return span, reasons

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


def _crossings(passage: str, kind: str) -> list[str]:
    """Why a quote's passage runs past one person's words, if it does.

    Matching ignores quotation marks, so the words of two quotations and the
    attribution between them (`……。”索朗拉姆说。“……`) would match as one.
    """
    if kind == "indirect" and "\n" in passage:
        return ["indirect quote text runs across paragraphs"]
    if kind == "direct" and _ATTRIBUTION_INSIDE.search(passage):
        return ["quote text runs past the end of a quotation into words around it"]
    return []


def _widen_to_marks(text: str, span: Span, name: str) -> Span:
    """Take in the quotation marks the name was given with: `“五措并举”`, not `五措并举”`."""
    start, end = span.start, span.end
    if name[:1] in QUOTE_MARKS and start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if name[-1:] in QUOTE_MARKS and end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return Span(start=start, end=end)


def _line_naming(headline: str, named: str) -> str:
    """The line of a headline (kicker, title, subtitle) that holds `named`."""
    key = normalize(named, drop_quotes=True)
    lines = headline.split("\n")
    return next((line for line in lines if key in normalize(line, drop_quotes=True)), headline)


def check_article(text: str, records: ArticleRecords, headline: str = "") -> CheckResult:
    """Check every record against an article; accepted records get offsets and evidence.

    `headline` is the article's kicker, title and subtitle, one per line
    (`Article.headline`). A metric or campaign accepted without evidence gets
    the sentence around it, or the headline line when only that names it.
    """
    result = Checker(text, headline).check(records)
    for accepted in result.accepted:
        record = accepted.record
        if isinstance(record, Metric | Campaign) and not record.evidence:
            if accepted.span is None:  # named in the headline: the line that names it
                named = record.raw if isinstance(record, Metric) else record.name
                evidence = _line_naming(headline, named)
            else:
                evidence = sentence_around(text, accepted.span)
            accepted.record = record.model_copy(update={"evidence": evidence})
    return result
