"""The review page's highlighting: spans that nest, overlap and cross paragraphs stay well formed."""

from __future__ import annotations

import html.parser
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from extractor.inspect.review import Mark, Review, format_value, highlight, layout, reading


def mark(kind: str, start: int, end: int, n: int = 1) -> Mark:
    return Mark(kind, start, end, f"{kind}-{n}", f"/db/{kind}s/{n}", f"{kind} {n}")


class Pieces(html.parser.HTMLParser):
    """Paragraphs and marked pieces of highlighted HTML; fails on a tag closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.paragraphs: list[str] = []
        self.pieces: list[tuple[str, set[str], str]] = []  # text, records, href
        self.current: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        attributes = dict(attrs)
        if tag == "p":
            self.paragraphs.append("")
        if tag == "mark":
            records = set((attributes.get("data-records") or "").split())
            self.current = {"text": "", "records": records, "href": ""}
        if tag == "a" and self.current is not None:
            self.current["href"] = attributes.get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()
        if tag == "mark" and self.current is not None:
            self.pieces.append(
                (self.current["text"], self.current["records"], self.current["href"])
            )
            self.current = None

    def handle_data(self, data: str) -> None:
        if "p" in self.stack:
            self.paragraphs[-1] += data
        if self.current is not None:
            self.current["text"] += data


def parse(markup: str) -> Pieces:
    parser = Pieces()
    parser.feed(str(markup))  # as a plain string: Markup would escape what the parser slices
    parser.close()
    assert parser.stack == []
    return parser


def test_text_without_marks_is_escaped_paragraphs() -> None:
    out = parse(highlight("<b>甲</b>\n\n乙&丙", []))
    assert out.paragraphs == ["<b>甲</b>", "乙&丙"]
    assert "<b>" not in highlight("<b>甲</b>", [])


def test_a_metric_inside_a_quote_cuts_the_quote_and_links_to_the_metric() -> None:
    text = "他说投入3000万元建设"
    quote, metric = mark("quote", 2, 12), mark("metric", 4, 10)
    out = parse(highlight(text, [quote, metric]))
    assert [(t, r) for t, r, _ in out.pieces] == [
        ("投入", {"quote-1"}),
        ("3000万元", {"quote-1", "metric-1"}),
        ("建设", {"quote-1"}),
    ]
    assert out.pieces[1][2] == "/db/metrics/1"


def test_partly_overlapping_spans_are_split_where_they_meet() -> None:
    out = parse(highlight("甲乙丙丁戊", [mark("campaign", 0, 3, 1), mark("campaign", 2, 5, 2)]))
    assert [(t, r) for t, r, _ in out.pieces] == [
        ("甲乙", {"campaign-1"}),
        ("丙", {"campaign-1", "campaign-2"}),
        ("丁戊", {"campaign-2"}),
    ]


def test_a_span_across_a_paragraph_break_is_marked_in_both_paragraphs() -> None:
    out = parse(highlight("甲乙\n丙丁", [mark("quote", 1, 4)]))
    assert out.paragraphs == ["甲乙", "丙丁"]
    assert [t for t, _, _ in out.pieces] == ["乙", "丙"]


def test_each_mark_gets_one_anchor_at_its_start() -> None:
    markup = highlight("甲乙\n丙丁", [mark("quote", 1, 4)])
    assert markup.count('id="quote-1"') == 1
    assert markup.index('id="quote-1"') < markup.index("乙")


def test_tooltips_and_links_are_escaped() -> None:
    hostile = Mark("metric", 0, 1, 'x" onmouseover="y', '/" onclick="z', '<script>"')
    markup = str(highlight("甲", [hostile]))
    assert 'onmouseover="' not in markup and 'onclick="' not in markup
    assert "<script>" not in markup


def test_a_headline_is_highlighted_inline() -> None:
    markup = highlight("“五措并举”把稳安全生产关", [mark("campaign", 0, 6)], block=False)
    assert "<p>" not in markup
    assert [t for t, _, _ in parse(f"<h1>{markup}</h1>").pieces] == ["“五措并举”"]


@given(
    st.text(alphabet="甲乙丙\n<&\"'", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=6),
)
def test_any_spans_give_well_formed_html_that_covers_each_span_exactly(
    text: str, spans: list[tuple[int, int]]
) -> None:
    marks = [
        mark("quote", start, min(start + length, len(text)), n)
        for n, (start, length) in enumerate(spans)
        if start < len(text)
    ]
    marks = [m for m in marks if m.start < m.end]
    out = parse(highlight(text, marks))
    assert out.paragraphs == [line for line in text.split("\n") if line]
    for m in marks:
        covered = "".join(t for t, records, _ in out.pieces if m.anchor in records)
        assert covered == text[m.start : m.end].replace("\n", "")


def review(text: str, **records: list[dict[str, Any]]) -> Review:
    article = {"id": 1, "page_id": 1, "seq": 0, "title": "标题“清洁家园”", "text": text}
    return Review(article=article, page={}, runs=[], run=None, records=records)


def url(table: str, row_id: int) -> str:
    return f"/db/{table}/{row_id}"


def test_records_without_offsets_are_marked_in_the_headline() -> None:
    campaign = {"id": 7, "name": "“清洁家园”", "start": None, "end": None}
    placed = layout(review("正文", campaign=[campaign]), url)
    assert placed.accepted["campaign"][0].where == "headline"
    assert "campaign-7" in placed.headline["title"]
    assert "campaign-7" not in placed.body


def test_offsets_outside_the_text_are_listed_not_marked() -> None:
    metric = {"id": 3, "raw": "5人", "value": 5.0, "unit": "人", "approx": "exact"}
    placed = layout(review("共5人", metric=[{**metric, "start": 2, "end": 9}]), url)
    assert placed.accepted["metric"][0].where is None
    assert "<mark" not in placed.body


def test_a_rejection_is_marked_where_its_words_are_with_its_reasons() -> None:
    rejected = {
        "id": 4,
        "record_type": "metric",
        "record": {"raw": "5人"},
        "reasons": ["value 50 does not read as raw"],
        "printed": "5人",
    }
    data = review("共5人参加", metric=[])
    data.rejections = [rejected]
    placed = layout(data, url)
    pieces = parse(placed.body).pieces
    assert pieces == [("5人", {"rejection-4"}, "/db/rejections/4")]
    assert "value 50 does not read as raw" in placed.body
    assert placed.rejected[0].where == "text"


def test_a_metric_reads_as_its_expanded_value_unit_and_approx() -> None:
    row = {
        "raw": "1.5万余人次",
        "value": 15000.0,
        "unit": "人次",
        "approx": "more",
        "label": "参与",
    }
    assert reading("metric", row) == "1.5万余人次 = 15,000 人次 (more) · 参与"
    assert format_value(13_000_000_000.0) == "13,000,000,000"
    assert format_value(98.24) == "98.24"
    ranged = {"raw": "20到30个", "value": 20.0, "value_max": 30.0, "unit": "个", "approx": "exact"}
    assert reading("metric", ranged) == "20到30个 = 20–30 个 (exact)"
