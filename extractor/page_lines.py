"""Page text → its lines, each read as a kind, and the text reflowed.

An OCR'd page prints each line as one of a few kinds: a headline-like short line, a
subtitle (`——…`), a byline (`本报记者 扎西顿珠`), a photo caption (`图为……`), a
photographer's credit (`拉萨融媒记者 旦增拉珍摄`), an image gap (several blank lines where
a photo stood) or body text. Body text broken mid-sentence, even mid-word, by a blank
line is joined again (`推\\n\\n动信访工作` → `推动信访工作`); so is a short line cut inside a
word that only looked like a headline, a quotation left open, and who said a quotation
when printed on a line of its own. A headline the layout broke over two lines is made one
(`曲水县开展退役军人` / `适应性培训`), and a short line right over its article's dateline,
byline or subtitle is its headline whatever its marks (`家门口就能办社保啦！`), unless it holds a
comma and goes on a line cut at one (`clause_rests.py`). `segment.py` cuts lines into articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from extractor.clause_rests import clause_rests
from extractor.couplets import couplet, couplet_under, opens_couplet, slogan_under_headline
from extractor.extract.words import is_boundary
from extractor.heading_marks import ADDRESSEE, BULLETS, COMMENT_LABEL, bare_heading
from extractor.heading_runs import (
    between_paragraphs,
    join_heading_runs,
    opens_article,
    place_over_halves,
    tops_tight_run,
)
from extractor.heading_words import (
    COLUMN,
    NEWS_LEAD,
    PLACE_ALONE,
    PLACE_HEADLINE,
    READS_ON,
    goes_on,
    halves_apart,
    halves_widening,
    holds_a_count,
    named_rest,
    one_headline,
    rest_of_headline,
    tail_of_headline,
    words_width,
)
from extractor.kicker_pairs import join_pairs_under_kickers
from extractor.line_forms import DATELINE, dateline_within, line_form
from extractor.ocr_stops import read_stops
from extractor.voice_lines import opens_own_speech

Kind = Literal["heading", "subtitle", "byline", "caption", "credit", "body", "gap"]

SENTENCE_END = "。！？!?；;…"
_CLOSERS = "”’」』）)》】"
_MAX_HEADING = 40
# A headline with a question, an exclamation or commas is short, but right over its dateline:
# the 2 body lines of 31 to 50 characters so printed on the seeds and development pages are
# titles (`“春风行动”送岗到家门口，今年以来我市…`), the 3 with a heading line between are not.
_MAX_QUESTION = 30
# A body line this long that stops without ending its sentence was cut by the
# page layout; it goes on in the next line.
_MIN_BROKEN = 20
_CLAUSE_MARKS = "，,；;、"  # no headline has one: a short line holding one is a sentence cut short

# (Written as one character then more, so that a scan skips to the first at once.)
_SPACES = re.compile(r"[ \t\u3000\xa0][ \t\u3000\xa0]*")
# A headline may be someone's words in marks, commas and all: `“用上了稳定电，取暖做饭都不愁”`,
# or name a list in marks: `桑珠孜区民生档案实现“就近查、一次办”`.
_LISTED_IN_MARKS = re.compile("“[^“”，,；;]*、[^“”，,；;]*”")
_WHOLE_QUOTATION = re.compile(r"^“[^“”]+”$")


@dataclass
class Unit:
    """One line of the page, read as one kind."""

    kind: Kind
    text: str
    tight: bool = False  # printed right under the line before, no blank line between
    broken: bool = False  # a headline the layout broke over two lines (`马背上的` / `流动兽医站`)
    bulleted: bool = False  # a heading printed after a bullet (`■旁多乡开展…`)


def normalize_page(text: str) -> str:
    """Line ends to `\\n`, a byte-order mark dropped; nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _is_balanced(text: str) -> bool:
    """Is every quotation mark and bracket opened in the text closed in it too?"""
    return all(text.count(a) <= text.count(b) for a, b in ("“”", "「」", "（）", "()"))


def _is_whole(text: str) -> bool:
    """Balanced, and closing no quotation or bracket it does not open (`心！”`): no headline does."""
    opener = {"”": "“", "）": "（", ")": "("}
    return _is_balanced(text) and all(text.count(c) <= text.count(o) for c, o in opener.items())


def ends_sentence(text: str) -> bool:
    """Does the text end on a sentence's stop, a closing mark or bracket aside? A `.` OCR
    printed for `。` after a Han character is one (`ocr_stops.read_stops`); in a number it is none.

    >>> ends_sentence("日子越过越有奔头."), ends_sentence("“好日子还在后头.”"), ends_sentence("增长到3.")
    (True, True, False)
    """
    return read_stops(text).rstrip(_CLOSERS)[-1:] in SENTENCE_END


def classify(line: str) -> Kind:
    """Read one stripped line as a kind (see the module docstring)."""
    if (form := line_form(line)) is not None:
        return form
    if ADDRESSEE.match(line):
        return "body"  # `各供暖用户：`, a notice's first paragraph
    if (
        len(line) <= _MAX_HEADING
        and not ends_sentence(line)
        and (
            not any(c in _LISTED_IN_MARKS.sub("", line) for c in "，,、；;")
            or _WHOLE_QUOTATION.match(line)
        )
        and _is_whole(line)
        and not DATELINE.match(line)
    ):
        return "heading"
    return "body"


def _opens_below(lines: list[Unit], k: int, *, past_heads: bool = True) -> bool:
    """Is lines[k] over its article: is the next line that is no gap, credit (and, past_heads,
    further heading line) a dateline, a byline or a subtitle (`heading_runs.opens_article`)?"""
    return opens_article(lines, k + 1, past_heads=past_heads)


def _under_comment_label(lines: list[Unit], k: int) -> bool:
    """Is lines[k] right under a comment's label, its body under it (`短评` / `护河，贵在“常态”而非
    “一阵风”` / `拉萨河是…`)? Such a line is the comment's heading whatever its commas: of the 24
    lines the seeds and development pages print under such a label, 23 are the comment's title
    in the gold (one with a comma), the other a whole paragraph too long for a headline.
    `记者手记` reads as a byline by its form (a reporter named 手记) and heads its note so too:
    the 8 lines under it are all the note's title."""
    return (
        0 < k < len(lines) - 1
        and lines[k - 1].kind in ("heading", "byline")
        and bool(COMMENT_LABEL.match(lines[k - 1].text))
        and lines[k + 1].kind == "body"
    )


def _reads_as_headline(lines: list[Unit], k: int) -> bool:
    """Could a short line lines[k] that reads as body by its marks be a headline: a question,
    an exclamation, clauses set apart by commas (`垃圾分类,你做对了吗?`, `天更蓝了,水更清了`)?
    One sentence at most, ended by no full stop, not in brackets; right over its dateline,
    byline or subtitle, no heading line between, as long as any headline (see `_MAX_QUESTION`)."""
    line, core = lines[k].text, lines[k].text.rstrip(_CLOSERS + "？！?!")
    return (
        len(line) <= (_MAX_HEADING if _opens_below(lines, k, past_heads=False) else _MAX_QUESTION)
        and not any(c in core for c in SENTENCE_END)
        and not line.startswith(("（", "("))
        and _is_whole(line)
        and not DATELINE.match(line)
    )


def _split_caption(line: str) -> Iterator[Unit]:
    """`图为……。拉萨融媒记者 旦增拉珍摄` is a caption and a credit on one line."""
    head, sep, tail = line.rpartition("。")
    if sep and tail.strip() and classify(tail.strip()) == "credit":
        yield Unit("caption", head + sep)
        yield Unit("credit", tail.strip())
    else:
        yield Unit("caption", line)


def _run_into_dateline(line: str) -> tuple[str, str] | None:
    """A headline OCR ran into its dateline's line, after a space or right before the
    paper's own dateline (`…藏香合作社订单忙本报拉萨讯(记者 旦增曲珍)…`), split from it into the
    headline and the body; the head reads as words, not a bullet alone (`■ 本报讯 近日，…`).

    >>> _run_into_dateline("藏香合作社订单忙本报拉萨讯（记者 旦增）近日，…")
    ('藏香合作社订单忙', '本报拉萨讯（记者 旦增）近日，…')
    >>> _run_into_dateline("■ 本报讯 近日，…") is None
    True
    """
    at = dateline_within(line)
    if at is None:
        return None
    head, rest = line[:at].rstrip(), line[at:]
    return (head, rest) if words_width(head) >= 2 and classify(head) == "heading" else None


def _printed_lines(text: str) -> list[str]:
    """The page's lines as printed, each with its spaces made one and stripped."""
    return [spaced.strip() for spaced in _SPACES.sub(" ", normalize_page(text)).split("\n")]


def _page_lines(text: str) -> list[Unit]:
    """The page's lines, each read as a kind, marked tight when right under the line before."""
    lines: list[Unit] = []
    blank_run = 0
    for line in _printed_lines(text):
        if not line:
            blank_run += 1
            continue
        if blank_run >= 2 and lines:
            lines.append(Unit("gap", ""))
        tight, blank_run = blank_run == 0 and bool(lines), 0
        kind, bulleted = classify(line), line[:1] in BULLETS
        if kind == "heading":
            line = bare_heading(line)  # `■…`, `【…】`, `民生焦点｜…`: the headline alone
        run_in = _run_into_dateline(line) if kind == "body" else None
        if kind == "caption":
            lines.extend(_split_caption(line))
        elif run_in is not None:
            lines.append(Unit("heading", run_in[0], tight))
            lines.append(Unit("body", run_in[1], True))
        else:
            lines.append(Unit(kind, line, tight, bulleted=bulleted and kind == "heading"))
    return lines


def _headlines(lines: list[Unit]) -> list[Unit]:
    """The lines with a headline printed on two lines made one, and a short line right
    over its article's dateline, byline or subtitle read as its headline whatever its
    marks (`家门口就能办社保啦！`)."""
    for k, unit in enumerate(lines):
        if (
            unit.kind == "body"
            and (_opens_below(lines, k) or _under_comment_label(lines, k))
            and _reads_as_headline(lines, k)
        ):
            unit.kind = "heading"
    joined: list[Unit] = []
    for k, unit in enumerate(lines):
        upper = lines[k - 1] if k else None
        if upper is None or upper is not joined[-1] or not unit.kind == upper.kind == "heading":
            joined.append(unit)
        elif _reads_on(unit) and k + 1 < len(lines) and lines[k + 1].kind == "heading":
            # A line that reads on is the first half of the headline under it, never the rest of
            # the line above (`乡村振兴在林芝` / `一片茶叶的` / `“致富经”`): so all 5 such lines
            # between two heading lines on the seeds and development pages, in the gold.
            joined.append(unit)
        elif place_over_halves(lines, k) and lines[k - 2] in joined[-2:-1]:
            place = joined.pop(-2)
            joined[-1] = Unit("heading", f"{place.text}{upper.text} {unit.text}", place.tight)
        elif unit.tight and couplet(lines, k) and couplet_under(lines, k):
            joined[-1] = Unit("heading", f"{upper.text} {unit.text}", upper.tight)
        elif unit.tight and tops_tight_run(lines, k):
            joined.append(unit)
        elif (
            unit.tight
            and not opens_couplet(lines, k)
            and not couplet_under(lines, k - 2)
            and not slogan_under_headline(lines, k)
            and (
                one_headline(
                    upper.text,
                    unit.text,
                    _opens_below(lines, k, past_heads=False) or between_paragraphs(lines, k),
                )
                or (_opens_below(lines, k, past_heads=False) and named_rest(upper.text, unit.text))
            )
        ):
            joined[-1] = Unit("heading", upper.text + unit.text, upper.tight, _reads_on(upper))
        elif (
            # Over a photo story's paragraphs and caption as over a dateline (`农技人员进大棚` /
            # `手把手传授种植技术` / `近日,…` / `图为…`).
            unit.tight
            and (_opens_below(lines, k, past_heads=False) or _heads_photo_story(lines, k))
            and halves_widening(upper.text, unit.text)
        ):
            joined[-1] = Unit("heading", f"{upper.text} {unit.text}", upper.tight)
        elif (
            not unit.tight
            and not (upper.tight and lines[k - 2].kind == "heading")
            and _opens_below(lines, k, past_heads=False)
        ):
            # Printed apart: an upper line that reads on (`…第三届`) is never a kicker, but
            # for a place and its colon; halves, and a count over the rest of its headline
            # (`…资助资金1.86亿元` / `惠及学生4.3万余人次`), keep the space the gold writes.
            if (
                _reads_on(upper)
                or (goes_on(upper.text, unit.text) and not COLUMN.match(unit.text))
                or (PLACE_HEADLINE.match(upper.text) and one_headline(upper.text, unit.text, True))
                or (
                    _first_of_run(lines, k - 1)
                    and rest_of_headline(upper.text, unit.text, over_article=True)
                )
                or tail_of_headline(upper.text, unit.text)
            ):
                joined[-1] = Unit("heading", upper.text + unit.text, upper.tight, _reads_on(upper))
            elif halves_apart(upper.text, unit.text) or (
                holds_a_count(upper.text) and one_headline(upper.text, unit.text, True)
            ):
                joined[-1] = Unit("heading", f"{upper.text} {unit.text}", upper.tight)
            else:
                joined.append(unit)
        elif (
            not unit.tight
            and (_bare_pair(lines, k) or _over_photo_story(lines, k))
            and halves_apart(upper.text, unit.text)
        ):
            joined[-1] = Unit("heading", f"{upper.text} {unit.text}", upper.tight)
        elif (
            not unit.tight
            and _bare_pair(lines, k)
            and rest_of_headline(upper.text, unit.text, over_article=False)
        ):
            joined[-1] = Unit("heading", upper.text + unit.text, upper.tight)
        elif not unit.tight and _reads_on(upper):
            # Under a paragraph, over the body at once: still one headline (`马背上的` /
            # `流动兽医站`), which opens an article there (see `segment.py`).
            joined[-1] = Unit("heading", upper.text + unit.text, upper.tight, broken=True)
        else:
            joined.append(unit)
    return joined


def _reads_on(upper: Unit) -> bool:
    """Does a heading line read on into the line under it (`牧家女儿的` / `白衣梦`), however
    the two are printed? A place and its colon alone do not: they are a kicker printed
    apart (`八宿县然乌镇:`). The seeds and development pages print 8 heading lines ending
    so over another: 7 are the first half of one title in the gold, 6 of them over their
    byline or subtitle and one under a paragraph, the body at once under it; the place
    and its colon is the eighth."""
    return bool(READS_ON.search(upper.text)) and not PLACE_ALONE.match(upper.text)


def _first_of_run(lines: list[Unit], k: int) -> bool:
    """Is lines[k] the first heading line of its run: no heading line above it, past gaps?"""
    before = next((u for u in reversed(lines[:k]) if u.kind != "gap"), None)
    return before is None or before.kind != "heading"


def _bare_pair(lines: list[Unit], k: int) -> bool:
    """Are lines[k - 1] and lines[k] the whole heading run of an article with no dateline or
    byline: at the page's top or after a photo's credit, the body at once under them
    (`义诊进牧区` / `健康到家门` / `近日，…`)? A run there opens an article, so halves of one
    length printed apart are its headline as they are over a dateline: of the three pairs so
    printed on the seeds and development pages, the one of one length is (the others a
    column's label, `短评`, and `“格桑花”暑期学堂` / `开课啦`, one headline by its short rest that
    speaks: see `heading_words.rest_of_headline`). A couplet heading a section stands under a
    byline or a paragraph."""
    before = next((u for u in reversed(lines[: k - 1]) if u.kind != "gap"), None)
    after = next((u for u in lines[k + 1 :] if u.kind != "gap"), None)
    return (
        (before is None or before.kind == "credit")
        and after is not None
        and after.kind == "body"
        and not DATELINE.match(after.text)
    )


def _over_photo_story(lines: list[Unit], k: int) -> bool:
    """Are lines[k - 1] and lines[k] the whole heading run of a photo story: a heading line
    or none above them, then a paragraph or two and the photo's caption under them at once
    (`党员志愿者进村居` / `暖心服务送上门` / `11月9日，…` / `图为…`)?"""
    return _first_of_run(lines, k - 1) and _caption_under(lines, k)


def _heads_photo_story(lines: list[Unit], k: int, paragraphs: int = 2) -> bool:
    """Does the heading line lines[k] stand right over a paragraph or two (up to `paragraphs`)
    and the photo's caption (`光伏板下牧草青` / `为推动…` / `据了解，…` / `图为…`)?"""
    if lines[k].text.startswith(("（", "(")):
        return False  # `（上接第三栏）`: where a story goes on, no headline
    return _caption_under(lines, k, paragraphs)


def _caption_under(lines: list[Unit], k: int, paragraphs: int = 2) -> bool:
    """Do a paragraph or two (or up to `paragraphs`), no dateline among them, and then a
    photo's caption stand right under lines[k]?"""
    for n, unit in enumerate(lines[k + 1 : k + 2 + paragraphs]):
        if unit.kind == "caption":
            return n > 0
        if unit.kind != "body" or DATELINE.match(unit.text):
            return False
    return False


def read_units(text: str) -> list[Unit]:
    """The page as a list of classified lines, broken body text joined again."""
    lines = clause_rests(_headlines(join_pairs_under_kickers(join_heading_runs(_page_lines(text)))))
    units: list[Unit] = []
    for k, unit in enumerate(lines):
        previous = units[-1] if units else None
        if previous is not None and _continues(previous, unit, lines, k):
            previous.text += unit.text
            previous.kind = "body"
            continue
        units.append(unit)
    return units


# A quotation's speaker, printed alone after it, goes on the quotation's line: `“…”` /
# `73岁的民间艺人次旺顿珠说。`.
SIGNED = re.compile(r"”——[^“”]{2,40}$")
_SAID_BY = re.compile(r"^[^“”，。！？,!?]{2,24}(?:说|表示|介绍|告诉记者|笑着说)[。.]$")
# A line cut after one of these characters stops in the middle of a phrase.
_DANGLING = set("第的和与及在对把被将为从向以于了着是等各每其之而或并由把让使经按")


def _continues(previous: Unit, unit: Unit, lines: list[Unit], k: int) -> bool:
    """Is `unit`, lines[k], the rest of a body line the layout cut mid-sentence?"""
    if previous.kind == "heading":
        # A comment's heading under its label (`短评` / `反诈“防火墙”要筑在群众心坎上` / `三个月…`)
        # is never the start of its body, whatever word seems to run across.
        return _cut_word(previous, unit) and not (
            lines[k - 1] is previous and _under_comment_label(lines, k - 1)
        )
    if unit.kind == "subtitle" and previous.kind == "body":
        # `“……。”` / `——隆子县加玉乡加玉村村民 次仁央宗`: who said it, not a subtitle.
        return bool(_WHOLE_QUOTATION.match(previous.text)) and ends_sentence(previous.text)
    if previous.kind not in ("body", "caption") or unit.kind not in ("body", "heading"):
        return False
    if unit.bulleted:
        return (
            False  # a brief's headline after its bullet (`■洛隆县举办…`; see `segment._bulleted`)
        )
    if SIGNED.search(previous.text):
        return False  # a quotation and who said it make a paragraph whole
    if previous.text.endswith("”") and _SAID_BY.match(unit.text):
        return True
    if ends_sentence(previous.text):
        # A quotation left open goes on, unless the next paragraph reopens it, as a
        # quotation of several paragraphs does: `“回填不回填，效果差别很大。` / `回填好的…。”`.
        return previous.text.count("“") > previous.text.count("”") and not unit.text.startswith("“")
    # A headline is not a continuation: it has its own spacing, the layout broke it over
    # two lines, or its article's dateline, byline or subtitle comes under it (past the
    # headline's other lines), or a photo story's paragraphs and caption, however many: of
    # the heading lines of the seeds and development pages so printed under a paragraph cut
    # short, the 16 over 1 to 9 paragraphs are all headlines in the gold (`沙棘枝头挂满“致富果”`
    # over four), the others a column's label (`简讯`) and `（上接第三栏）`.
    if unit.kind == "heading" and (
        " " in unit.text
        or unit.broken
        or _opens_below(lines, k)
        or _heads_photo_story(lines, k, paragraphs=len(lines))
    ):
        return False
    if unit.kind == "body" and (
        DATELINE.match(unit.text) or opens_own_speech(previous.text, unit.text)
    ):
        return False
    cut = previous.text.rstrip(_CLOSERS)
    return (
        len(previous.text) >= _MIN_BROKEN
        or not _is_balanced(previous.text)
        or any(c in cut for c in _CLAUSE_MARKS)
        or any(c in cut for c in SENTENCE_END)
        or cut[-1:] in _DANGLING
    )


def _cut_word(previous: Unit, unit: Unit) -> bool:
    """Is a short line the start of a body line cut inside a word, which only
    looked like a headline: `城关区推行“1+1+X”家庭医生签约服` / `务模式，由…`?
    A headline ends a word, and no dictionary word runs on into its article's
    first line; spaced headlines and those over a dateline or a news lead (`为增进…，近日，…`,
    which opens a sentence) stand."""
    return (
        unit.kind == "body"
        and " " not in previous.text
        and not DATELINE.match(unit.text)
        and not NEWS_LEAD.match(unit.text)
        and not is_boundary(previous.text + unit.text, len(previous.text))
    )


def reflow(text: str) -> str:
    r"""The page's text with broken paragraphs joined, one paragraph a line, every printed
    character kept: a headline read without its bullet, brackets or column label
    (`■…`, `【…】`, `民生焦点｜…`) is given them back.

    >>> reflow("民生焦点｜城关区“暖心食堂”开到家门口\n本报讯 近日，城关区开办食堂。")
    '民生焦点｜城关区“暖心食堂”开到家门口\n本报讯 近日，城关区开办食堂。'
    """
    marked = [
        (bare, line)
        for line in _printed_lines(text)
        if line and classify(line) == "heading" and (bare := bare_heading(line)) != line
    ]
    paragraphs = []
    for unit in read_units(text):
        if unit.kind == "gap":
            continue
        words = unit.text
        for bare, line in list(marked):
            if unit.kind == "heading" and bare in words:
                words = words.replace(bare, line, 1)
                marked.remove((bare, line))
        paragraphs.append(words)
    return "\n".join(paragraphs)
