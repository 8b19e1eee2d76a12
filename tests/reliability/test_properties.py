"""The pure stages on hostile input: they never raise, and what they return is well formed.

Broader than the properties beside each stage's own tests: alphabets of
control characters, every kind of line break, invisible characters and
unassigned code points; pages hundreds of lines long; numerals of any length
and in any of Unicode's decimal digits; records with any field, NaN and
infinity included; and any bytes a page file could hold.
"""

from __future__ import annotations

import codecs
import math
import sys
from typing import get_args

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from extractor.check import check_article
from extractor.errors import UserError
from extractor.models import Article, ArticleRecords, Campaign, Metric, Quote, Span
from extractor.number_words import UNITS, Approx
from extractor.numbers import (
    Quantity,
    find_quantities,
    fold,
    is_calendar_date,
    parse_quantity,
    read_number,
)
from extractor.page_lines import Kind, classify, reflow
from extractor.printed import PrintedQuantities
from extractor.segment import segment_page
from extractor.sources import decode_page
from extractor.textindex import normalize
from tests.conftest import examples

FEW = settings(max_examples=examples(150), deadline=None)
MANY = settings(max_examples=examples(400), deadline=None)

# --- alphabets -----------------------------------------------------------------------

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CONTROLS = "".join(chr(c) for c in range(32)) + "\x7f"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\xad\u00a0\u3000"
FULL_WIDTH = "０１２３４５６７８９％．，～－ＡＢＣａｂｃ（）：；！？"
# Characters NFKC writes as several: the checker matches in that form.
EXPANDING = "…①⑩⑳⑴⒈㈠㎡℃Ⅲﬁ㍱½¾²"
CN_NUMERALS = "零〇一二两三四五六七八九十百千万亿点分之余多几"

# Any character UTF-8 can hold (no lone surrogates), weighted towards the troublesome ones.
HOSTILE_CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(LINE_BREAKS + CONTROLS + INVISIBLE + FULL_WIDTH + EXPANDING + CN_NUMERALS),
    st.characters(categories=["Cc", "Cf", "Cn", "Co", "Mn", "Zl", "Zp", "Zs"], codec="utf-8"),
)

# The furniture and phrasing of a page, to build pages the segmenter takes seriously.
PIECES = [
    "墨竹工卡县：“五措并举”把稳安全生产关",
    "力保工业企业高质量发展",
    "学习贯彻 两会精神",
    "学思想 强党性",
    "拉萨市民政局",
    "时讯快递",
    "本报讯",
    "本报讯（记者 格桑伦珠）",
    "拉萨融媒讯(记者李从芳)日前，",
    "本报日喀则电（记者 杨子彦）",
    "记者",
    "本报记者 扎西顿珠",
    "拉萨融媒记者 旦增拉珍摄",
    "通讯员",
    "——",
    "——记拉萨市城关区",
    "图为",
    "图为志愿者正在为群众测量血压。",
    "摄",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "。",
    "，",
    "、",
    "；",
    "：",
    "！",
    "？",
    "……",
    "索朗拉姆说。",
    "他表示，",
    "“我们将继续加强学习。”",
    "开展“全民消防我体验”宣传活动",
    "130亿元",
    "1.5万余人次",
    "约4000人次",
    "20到30个",
    "２０２４年",
    "98.24%",
    "百分之九十",
    "三分之一",
    "两千三百",
    "一百五十余名",
    "十余",
    "七八个",
    "零下20度",
    "G318",
    "1,200",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\r\n",
    "\r",
    " ",
    "\u3000",
    "\t",
    "\xa0",
]
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PIECE = st.one_of(
    st.sampled_from(PIECES),
    st.text(_CJK, min_size=1, max_size=40),
    st.text(st.sampled_from("0123456789０１２３４５６７８９.,%万亿千百十余多"), max_size=6),
    st.text(HOSTILE_CHARS, max_size=4),
)
NEWS = st.lists(_PIECE, max_size=80).map("".join)
# Long pages, cheaply: a drawn page repeated.
LONG_NEWS = st.tuples(
    st.lists(_PIECE, min_size=1, max_size=40).map("".join), st.integers(2, 60)
).map(lambda drawn: drawn[0] * drawn[1])
PAGES = st.one_of(NEWS, LONG_NEWS, st.text(HOSTILE_CHARS, max_size=400), st.text())


# --- the segmenter ----------------------------------------------------------------------


def _single_lines(article: Article) -> dict[str, str]:
    """The fields of an article printed on one line (all but the body)."""
    fields = {
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "dateline": article.dateline,
    }
    return {name: value for name, value in fields.items() if value is not None}


@MANY
@given(PAGES)
def test_articles_are_well_formed_on_any_page(page: str) -> None:
    """Numbered in order, never empty, paragraphs one a line, each stripped; headline fields one line."""
    for seq, article in enumerate(segment_page(page)):
        assert article.seq == seq
        assert article.text or article.title
        if article.text:
            for paragraph in article.text.split("\n"):
                assert paragraph, article.text
                assert paragraph == paragraph.strip(), paragraph
        assert "\r" not in article.text
        for name, value in _single_lines(article).items():
            assert "\n" not in value and "\r" not in value, (name, value)


@MANY
@given(PAGES)
def test_articles_are_cut_from_the_reflowed_page(page: str) -> None:
    """What `verify` checks against (the reflowed page) holds every paragraph and headline.

    A paragraph is a line of the reflowed page, or the end of one after its dateline;
    a title, kicker, subtitle or dateline is part of one line.
    """
    reflowed = reflow(page)
    lines = reflowed.split("\n") if reflowed else []
    for line in lines:
        assert line and line == line.strip(), line
    for article in segment_page(page):
        for paragraph in article.text.split("\n") if article.text else []:
            assert any(line.endswith(paragraph) for line in lines), paragraph
        for name, value in _single_lines(article).items():
            if value and name != "byline":  # several bylines are joined into one
                assert any(value in line for line in lines), (name, value)


@FEW
@given(st.one_of(NEWS, st.text(HOSTILE_CHARS, max_size=200)), st.sampled_from(["\r\n", "\r"]))
def test_line_ends_and_a_byte_order_mark_do_not_change_the_articles(
    page: str, line_end: str
) -> None:
    page = page.replace("\r", "")
    assert segment_page("\ufeff" + page.replace("\n", line_end)) == segment_page(page)


@MANY
@given(st.text(st.one_of(HOSTILE_CHARS, _CJK), max_size=120))
def test_every_line_is_read_as_one_kind(line: str) -> None:
    line = line.replace("\n", " ").replace("\r", " ").strip()
    assert classify(line) in get_args(Kind)


# --- the number grammar ---------------------------------------------------------------

DIGIT_SYSTEMS = {
    "ascii": "0123456789",
    "full_width": "０１２３４５６７８９",
    "arabic_indic": "٠١٢٣٤٥٦٧٨٩",
    "devanagari": "०१२३४५६७८९",
    "mathematical_bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
}
_NUMBERISH = st.sampled_from(
    list(
        "0123456789０１２３４５６７８９.,%％．，～－-~—–万亿千百十余多约近超过不到以上以下左右第"
        "零〇一二两三四五六七八九点分之到至个名人次元米倍年月日户场公里平方“”《》G 共达为期下"
        "半上少低高最突破及内瓦伏克℃摄氏度批辆台家成"
    )
)
# Numerals of any length: big integers, long decimals, stacked magnitudes, in any digits.
_LONG_NUMERAL = st.one_of(
    st.integers(min_value=0, max_value=10**500).map(str),
    st.tuples(st.integers(0, 10**400), st.integers(0, 10**60)).map(lambda p: f"{p[0]}.{p[1]}"),
    st.text(st.sampled_from("万亿千百十"), min_size=1, max_size=8).map(lambda m: "9" * 300 + m),
    st.text(st.sampled_from(CN_NUMERALS), min_size=1, max_size=60),
)
_IN_ANY_DIGITS = st.tuples(_LONG_NUMERAL, st.sampled_from(sorted(DIGIT_SYSTEMS.values()))).map(
    lambda p: p[0].translate(str.maketrans("0123456789", p[1]))
)
NUMBER_TEXT = st.one_of(
    st.text(_NUMBERISH, max_size=80),
    st.lists(
        st.one_of(
            _LONG_NUMERAL,
            _IN_ANY_DIGITS,
            st.sampled_from([*UNITS, *"余多万亿约近到—半上", "个半", "不少于"]),
            st.text(HOSTILE_CHARS, max_size=3),
        ),
        max_size=12,
    ).map("".join),
    st.text(HOSTILE_CHARS, max_size=300),
)
_UNIT_READINGS = {*UNITS, "两", ""}  # "" for a fraction (三分之一); 两, a weight (LIANG)
_PER_UNITS = {*UNITS, "月", "日"}  # a rate: 15元/斤


def _assert_well_formed(quantity: Quantity) -> None:
    unit, _, per = quantity.unit.partition("/")
    assert unit in _UNIT_READINGS and (not per or per in _PER_UNITS), quantity
    assert quantity.approx in get_args(Approx), quantity
    assert isinstance(quantity.value, int | float) and not isinstance(quantity.value, bool)
    assert not (isinstance(quantity.value, float) and math.isnan(quantity.value)), quantity
    if quantity.value_max is not None:
        assert quantity.value_max >= quantity.value, quantity


@MANY
@given(NUMBER_TEXT)
def test_quantities_found_in_any_text_are_well_formed(text: str) -> None:
    """In order, apart, where they say they are, and read the same by the checker's reading."""
    end = 0
    for match in find_quantities(text):
        assert end <= match.start <= match.number_start < match.end <= len(text), match
        end = match.end
        assert text[match.start : match.end] == match.raw
        assert match.chinese == (not fold(text)[match.number_start].isdigit()), match
        _assert_well_formed(match.quantity)
        # One grammar, two readers: the rules find, the checker parses; they must agree.
        assert parse_quantity(match.raw) == match.quantity, match
        is_calendar_date(match.raw, match.quantity)


@MANY
@given(NUMBER_TEXT)
def test_any_raw_parses_to_a_well_formed_quantity_or_none(raw: str) -> None:
    quantity = parse_quantity(raw)
    if quantity is not None:
        _assert_well_formed(quantity)
        is_calendar_date(raw, quantity)


@MANY
@given(NUMBER_TEXT, st.data())
def test_the_quantity_printed_over_a_span_is_the_first_that_overlaps_it(
    text: str, data: st.DataObject
) -> None:
    """`PrintedQuantities.around` finds by bisecting what a scan of the quantities finds."""
    start = data.draw(st.integers(0, len(text)))
    span = Span(start=start, end=data.draw(st.integers(start, len(text))))
    found = find_quantities(text)
    scanned = next((q for q in found if q.start < span.end and span.start < q.end), None)
    assert PrintedQuantities(text).around(span) == scanned


@MANY
@given(st.one_of(_LONG_NUMERAL, _IN_ANY_DIGITS, st.text(_NUMBERISH, max_size=30)))
def test_any_numeral_reads_as_a_number_or_none(token: str) -> None:
    value = read_number(token)
    assert value is None or (isinstance(value, int | float) and not isinstance(value, bool))


@FEW
@given(st.text(HOSTILE_CHARS, max_size=200))
def test_folding_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


@FEW
@example("全市共有" + "1" * 400 + "人参加")
@given(NUMBER_TEXT)
def test_every_quantity_found_can_be_stored_as_a_metric(text: str) -> None:
    """A quantity's value is one a record can hold: `Metric.value` is a finite float.

    The rules backend makes a `Metric` of each quantity it finds; OCR can print a run
    of hundreds of digits, and the article must not fail for it.
    """
    for match in find_quantities(text):
        quantity = match.quantity
        record = Metric(
            raw=match.raw,
            value=quantity.value,
            value_max=quantity.value_max,
            unit=quantity.unit,
            approx=quantity.approx,
        )
        assert abs(record.value) <= sys.float_info.max, match.raw


# --- the checker ---------------------------------------------------------------------------

_FLOATS = st.floats(allow_nan=True, allow_infinity=True)
_APPROX = st.sampled_from(get_args(Approx))


@st.composite
def _part_of(draw: st.DrawFn, text: str) -> str:
    """A slice of `text`, or any text at all."""
    if not text or draw(st.booleans()):
        return draw(st.text(HOSTILE_CHARS, max_size=20))
    start = draw(st.integers(0, len(text) - 1))
    return text[start : draw(st.integers(start, min(len(text), start + 40)))]


@st.composite
def articles_with_records(draw: st.DrawFn) -> tuple[str, str, ArticleRecords]:
    """An article's body and headline, and records about it: some right, some wrong, some absurd."""
    text = draw(st.one_of(NEWS, st.text(HOSTILE_CHARS, max_size=200)))
    headline = draw(st.one_of(st.just(""), NEWS.map(lambda h: h[:60])))
    part = _part_of(text + headline)
    # Quantities the rules would propose (but those too big for a float: a test of their own).
    found = [q for q in find_quantities(text) if abs(q.quantity.value) <= sys.float_info.max]
    metrics = []
    for match in draw(st.lists(st.sampled_from(found), max_size=4)) if found else []:
        q = match.quantity
        metrics.append(
            Metric(
                raw=match.raw, value=q.value, value_max=q.value_max, unit=q.unit, approx=q.approx
            )
        )
    metrics += draw(
        st.lists(
            st.builds(
                Metric,
                raw=part,
                value=_FLOATS,
                value_max=st.none() | _FLOATS,
                unit=st.sampled_from(UNITS) | st.text(max_size=3),
                approx=_APPROX,
                label=st.text(max_size=5),
                evidence=st.just("") | part,
            ),
            max_size=4,
        )
    )
    quotes = draw(
        st.lists(
            st.builds(
                Quote,
                speaker=part,
                speaker_title=st.none() | part,
                text=part,
                kind=st.sampled_from(["direct", "indirect"]),
            ),
            max_size=4,
        )
    )
    campaigns = draw(
        st.lists(
            st.builds(
                Campaign,
                name=part,
                organizer=st.none() | part,
                location=st.none() | part,
                evidence=st.just("") | part,
            ),
            max_size=4,
        )
    )
    return text, headline, ArticleRecords(metrics=metrics, quotes=quotes, campaigns=campaigns)


@MANY
@given(articles_with_records())
def test_the_checker_decides_every_record_and_grounds_what_it_accepts(
    case: tuple[str, str, ArticleRecords],
) -> None:
    text, headline, records = case
    result = check_article(text, records, headline)

    proposed = len(records.metrics) + len(records.quotes) + len(records.campaigns)
    assert len(result.accepted) + len(result.rejected) == proposed
    for rejection in result.rejected:
        assert rejection.reasons and all(reason.strip() for reason in rejection.reasons)
    for accepted in result.accepted:
        record, span = accepted.record, accepted.span
        if span is not None:
            assert 0 <= span.start < span.end <= len(text), span
        if isinstance(record, Metric):
            reading = parse_quantity(record.raw.strip())
            assert reading is not None, record
            assert math.isclose(record.value, reading.value, rel_tol=1e-6, abs_tol=1e-9)
            assert (record.unit.strip(), record.approx) == (reading.unit, reading.approx)
        # Where it was found says what it is: the raw, the words, the name.
        named = {Metric: "raw", Quote: "text", Campaign: "name"}[type(record)]
        loose = not isinstance(record, Metric)  # quotation marks aside, but for a metric
        words = normalize(getattr(record, named), drop_quotes=loose)
        if span is not None:
            assert normalize(text[span.start : span.end], drop_quotes=loose) == words, record
        else:  # named only in the headline
            assert words in normalize(headline, drop_quotes=loose), record
        if isinstance(record, Metric | Campaign):
            assert record.evidence, record


@FEW
@given(
    st.integers(min_value=10, max_value=10**9),
    st.sampled_from(sorted(DIGIT_SYSTEMS)),
    st.sampled_from(["人", "名", "万元", "个"]),
)
def test_a_raw_cut_from_a_longer_number_is_rejected_in_any_digits(
    number: int, digits: str, unit: str
) -> None:
    """`4人` printed inside `34人` is not what the article says, whatever digits print it."""
    printed = str(number).translate(str.maketrans("0123456789", DIGIT_SYSTEMS[digits]))
    raw = printed[1:] + unit
    reading = parse_quantity(raw)
    assert reading is not None, raw  # the grammar reads every decimal digit
    text = f"全市共有{printed}{unit}参加。"
    metric = Metric(raw=raw, value=reading.value, unit=reading.unit, approx=reading.approx)

    result = check_article(text, ArticleRecords(metrics=[metric]))

    assert result.accepted == [], (text, raw)


# Numbers printed as one character that NFKC writes as several (`⑩` is `10`, `½` is `1⁄2`).
NUMBER_CHARACTERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳½⅓¼¾⅔⅛"


@FEW
@given(
    st.sampled_from(NUMBER_CHARACTERS),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(["人", "名", "万平方米", "个"]),
)
def test_a_number_printed_as_one_character_is_read_whole_or_not_at_all(
    character: str, cut: int, unit: str
) -> None:
    """`0人` is not printed in `⑩人`, though NFKC writes that `10人`; and what is
    accepted is stored as a raw the number grammar reads as its value."""
    raw = normalize(character)[cut:] + unit
    reading = parse_quantity(raw)
    assume(reading is not None)
    assert reading is not None
    text = f"全市共有{character}{unit}参加。"
    metric = Metric(raw=raw, value=reading.value, unit=reading.unit, approx=reading.approx)

    result = check_article(text, ArticleRecords(metrics=[metric]))

    for accepted in result.accepted:
        assert cut == 0, f"{raw!r} accepted, cut from {character + unit!r}"
        assert isinstance(accepted.record, Metric)
        stored = parse_quantity(accepted.record.raw)
        assert stored is not None, f"stored raw {accepted.record.raw!r} reads as no number"
        assert stored.value == accepted.record.value, (accepted.record, stored)


# --- reading page files ----------------------------------------------------------------------

_ENCODINGS = {"utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030"}
_BOMS = [
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
]


@st.composite
def _mangled(draw: st.DrawFn) -> bytes:
    """Text in one of the encodings pages come in, then cut, spliced or sprinkled with bytes."""
    text = draw(st.one_of(NEWS, st.text(HOSTILE_CHARS, max_size=100)))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"]))
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(min_size=1, max_size=3))
    return bytes(data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data)


ANY_BYTES = st.one_of(
    st.binary(max_size=2000),
    st.tuples(st.sampled_from(_BOMS), st.binary(max_size=400)).map(b"".join),
    _mangled(),
)


@MANY
@example(b"\xed\xa0\x80")  # a lone surrogate as UTF-8 would write it
@example(codecs.BOM_UTF16_LE + b"\x00\xd8")  # and as UTF-16 would
@example(codecs.BOM_UTF32_LE + b"\x00\xd8\x00\x00")  # and as UTF-32 would
@given(ANY_BYTES)
def test_any_bytes_decode_to_text_or_a_one_line_user_error(data: bytes) -> None:
    try:
        text, encoding = decode_page(data)
    except UserError as error:
        assert str(error) and "\n" not in str(error), error
        return
    assert encoding in _ENCODINGS
    text.encode("utf-8")  # what storing the page does: no lone surrogate got through


_PRINTED = st.text(
    st.one_of(
        st.characters(categories=["L", "N", "P", "S", "Zs"], codec="utf-8"),
        _CJK,
        st.sampled_from("\n\t"),
    ),
    max_size=200,
)


@MANY
@given(
    _PRINTED, st.sampled_from(["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32", "gb18030"])
)
def test_text_reads_back_from_each_encoding_pages_come_in(text: str, encoding: str) -> None:
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    data = boms.get(encoding, b"") + text.encode(encoding)
    if not data.strip():
        try:
            decode_page(data)
        except UserError:
            return
        raise AssertionError(f"{data!r} read as a page")
    read, read_as = decode_page(data)
    if encoding == "gb18030" and read_as == "utf-8":  # the same bytes are UTF-8 too (ASCII)
        assert read == data.decode("utf-8")
        return
    assert read == text
    assert read_as == {"utf-16-le": "utf-16", "utf-16-be": "utf-16"}.get(encoding, encoding)
