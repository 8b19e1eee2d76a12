"""Page text → reflowed text → articles.

An OCR'd page holds several articles in (mostly) reading order. Each line is
read as one of a few kinds: a headline-like short line, a subtitle (`——…`), a
byline (`本报记者 扎西顿珠`), a photo caption (`图为……`), a photographer's
credit (`拉萨融媒记者 旦增拉珍摄`), an image gap (several blank lines where a
photo stood) or body text. Body text broken mid-sentence, even mid-word, by a
blank line is joined again (`推\\n\\n动信访工作` → `推动信访工作`).

A run of headline lines opens a new article when what follows shows it is one:
a dateline (`拉萨融媒讯(记者李从芳)`, or the paper's own `本报讯 `), a byline or
subtitle in the run, a photo story (a short paragraph and its `图为` caption),
or a column's label over a headline (`社区之窗` / `春堆社区：…`), signed or not by
its writer (`短评` / `…` / `林岩`, who is its byline). Otherwise the
lines are section heads inside the current article. Column labels (`时讯快递`) and the
papers' recurring slogans (`学思想 强党性`) are dropped; an organisation line
beside the headline is its kicker (`拉萨市民政局` / `举办……培训班`). The line right
above a subtitle (`——…`) is the headline.

Everything here is pure and deterministic: text in, `Article` models out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from extractor.extract.words import is_boundary
from extractor.models import Article

Kind = Literal["heading", "subtitle", "byline", "caption", "credit", "body", "gap"]

SENTENCE_END = "。！？!?；;…"
_CLOSERS = "”’」』）)》】"
_MAX_HEADING = 40
# A body line this long that stops without ending its sentence was cut by the
# page layout; it goes on in the next line.
_MIN_BROKEN = 20
# A headline has no commas: a short line holding one is a sentence cut short.
_CLAUSE_MARKS = "，,；;、"

_DATELINE = re.compile(
    r"^(?P<dateline>[^，。,\n]{0,24}?[讯电]\s*[（(][^）)]{0,30}(?:记者|通讯员|报道)[^）)]{0,30}[）)]"
    # A paper's or agency's own dateline with no reporter named: `本报讯 近日，…`,
    # `本报拉萨电 …`, `拉萨融媒讯 …`, `新华社拉萨10月16日电 …`, or one on a line of its own.
    r"|(?:本报|新华社|[\u4e00-\u9fff]{2,6}(?:融媒|日报|晚报|新闻网|广播电视台))"
    r"[\u4e00-\u9fff0-9]{0,10}?[讯电](?=[ \u3000:：]|$))"
)
# One or more `记者 name` groups; written without nested repetition, which made
# a long line take seconds to reject.
_BYLINE = re.compile(
    r"^(?:本报|[\u4e00-\u9fff]{2,4}(?:融媒|日报|晚报|新闻网|广播电视台)|特约|见习|实习)?"
    r"(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff·]{2}[\u4e00-\u9fff·\s]*$"
)
_CREDIT = re.compile(r"^[\u4e00-\u9fff·\s]{2,40}?(?:记者)?[\u4e00-\u9fff·\s]{0,20}摄(?:影)?$")
_CAPTION = re.compile(r"^(?:（|\()?图[为：:]")
_COLUMN = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
# The papers' recurring slogans: short phrases of 2–4 characters set apart by
# spaces (`学思想 强党性 重实践 建新功`).
_SLOGAN = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})+$")
_ORG = re.compile(
    r"(?:局|支队|大队|中队|队|党支部|支部|委员会|党委|中学|小学|学校|学院|大学|公司|集团|医院|"
    r"派出所|法院|检察院|中心|办公室|政府|街道|社区|村|镇|乡|县|区|市|州|厅|站|馆|协会|"
    r"联合会|妇联|团委|工会|银行|分局|所)$"
)
# (Written as one character then more, so that a scan skips to the first at once.)
_SPACES = re.compile(r"[ \t\u3000\xa0][ \t\u3000\xa0]*")
# A headline may be someone's words in marks, commas and all: `“用上了稳定电，取暖做饭都不愁”`.
_WHOLE_QUOTATION = re.compile(r"^“[^“”]+”$")


@dataclass
class Unit:
    """One line of the page, read as one kind."""

    kind: Kind
    text: str


@dataclass
class _Draft:
    heads: list[Unit] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    dateline: str | None = None
    byline: str | None = None
    photo: bool = False
    # Runs of headline lines found inside the body (section heads, or a
    # headline printed after its article): index of the first paragraph, lines.
    head_runs: list[tuple[int, list[str]]] = field(default_factory=list)


def normalize_page(text: str) -> str:
    """Line ends to `\\n`, a byte-order mark dropped; nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _is_balanced(text: str) -> bool:
    """Is every quotation mark and bracket opened in the text closed in it too?"""
    return all(text.count(a) <= text.count(b) for a, b in ("“”", "「」", "（）", "()"))


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in SENTENCE_END


def classify(line: str) -> Kind:
    """Read one stripped line as a kind (see the module docstring)."""
    if _CAPTION.match(line):
        return "caption"
    if len(line) <= 40 and _CREDIT.match(line) and ("记者" in line or " " in line):
        return "credit"
    if line.startswith(("——", "—", "--")) and len(line) <= 60:
        return "subtitle"
    if len(line) <= 40 and _BYLINE.match(line):
        return "byline"
    if (
        len(line) <= _MAX_HEADING
        and not _ends_sentence(line)
        and (not any(c in line for c in "，,、；;") or _WHOLE_QUOTATION.match(line))
        and _is_balanced(line)
        and not _DATELINE.match(line)
    ):
        return "heading"
    return "body"


def _split_caption(line: str) -> Iterator[Unit]:
    """`图为……。拉萨融媒记者 旦增拉珍摄` is a caption and a credit on one line."""
    head, sep, tail = line.rpartition("。")
    if sep and tail.strip() and classify(tail.strip()) == "credit":
        yield Unit("caption", head + sep)
        yield Unit("credit", tail.strip())
    else:
        yield Unit("caption", line)


def read_units(text: str) -> list[Unit]:
    """The page as a list of classified lines, broken body text joined again."""
    lines: list[Unit] = []
    blank_run = 0
    for spaced in _SPACES.sub(" ", normalize_page(text)).split("\n"):
        line = spaced.strip()
        if not line:
            blank_run += 1
            continue
        if blank_run >= 2 and lines:
            lines.append(Unit("gap", ""))
        blank_run = 0
        kind = classify(line)
        if kind == "caption":
            lines.extend(_split_caption(line))
        else:
            lines.append(Unit(kind, line))
    units: list[Unit] = []
    for k, unit in enumerate(lines):
        previous = units[-1] if units else None
        if previous is not None and _continues(previous, unit, lines[k + 1 : k + 3]):
            previous.text += unit.text
            previous.kind = "body"
            continue
        units.append(unit)
    return units


# A quotation's speaker, printed alone after it, goes on the quotation's line: `“…”` /
# `73岁的民间艺人次旺顿珠说。`.
_SIGNED = re.compile(r"”——[^“”]{2,40}$")
_SAID_BY = re.compile(r"^[^“”，。！？,!?]{2,24}(?:说|表示|介绍|告诉记者|笑着说)[。.]$")
# A line cut after one of these characters stops in the middle of a phrase.
_DANGLING = set("第的和与及在对把被将为从向以于了着是等各每其之而或并由把让使经按")


def _continues(previous: Unit, unit: Unit, following: list[Unit]) -> bool:
    """Is `unit` the rest of a body line the layout cut mid-sentence?"""
    if previous.kind == "heading":
        return _cut_word(previous, unit)
    if unit.kind == "subtitle" and previous.kind == "body":
        # `“……。”` / `——隆子县加玉乡加玉村村民 次仁央宗`: who said it, not a subtitle.
        return bool(_WHOLE_QUOTATION.match(previous.text)) and _ends_sentence(previous.text)
    if previous.kind not in ("body", "caption") or unit.kind not in ("body", "heading"):
        return False
    if _SIGNED.search(previous.text):
        return False  # a quotation and who said it make a paragraph whole
    if previous.text.endswith("”") and _SAID_BY.match(unit.text):
        return True
    if _ends_sentence(previous.text):
        # A quotation left open goes on, unless the next paragraph reopens it, as a
        # quotation of several paragraphs does: `“回填不回填，效果差别很大。` / `回填好的…。”`.
        return previous.text.count("“") > previous.text.count("”") and not unit.text.startswith("“")
    # A headline is not a continuation: it has its own spacing, or a
    # dateline or byline comes right after it.
    if unit.kind == "heading" and (
        " " in unit.text
        or any(u.kind in ("byline", "subtitle") or _DATELINE.match(u.text) for u in following[:1])
    ):
        return False
    if unit.kind == "body" and _DATELINE.match(unit.text):
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
    first line; spaced headlines and those over a dateline stand."""
    return (
        unit.kind == "body"
        and " " not in previous.text
        and not _DATELINE.match(unit.text)
        and not is_boundary(previous.text + unit.text, len(previous.text))
    )


def reflow(text: str) -> str:
    """The page's text with broken paragraphs joined, one paragraph a line."""
    return "\n".join(u.text for u in read_units(text) if u.kind != "gap")


# --- cutting the units into articles ---------------------------------------


def _opens_article(units: list[Unit], i: int, j: int) -> bool:
    """Do the heading lines units[i:j] open an article, judging by what follows?"""
    run = units[i:j]
    if any(u.kind in ("byline", "subtitle") for u in run):
        return True
    if not any(u.kind == "heading" for u in run):
        return False
    rest = _following(units, j)
    if rest and rest[0].kind == "body" and _DATELINE.match(rest[0].text):
        return True
    if rest and rest[0].kind == "caption":
        return _after_photo(units, j) != "body"
    return _photo_story_follows(rest) or _column_item(run)


def _after_photo(units: list[Unit], j: int) -> Literal["dateline", "body", "none"]:
    """What follows the photo captioned right under a headline: the article's
    dateline, plain body text (the headline was a section heading), or nothing
    of the article (a caption-only photo with a headline of its own)."""
    k = j
    while k < len(units) and units[k].kind in ("caption", "credit", "gap"):
        k += 1
    if k == len(units) or units[k].kind != "body":
        return "none"
    return "dateline" if _DATELINE.match(units[k].text) else "body"


def _column_item(run: list[Unit]) -> bool:
    """A column's label over a headline of its own: `社区之窗` / `春堆社区：…让群众少跑腿`,
    signed or not by its writer (`短评` / `让信用成为农牧民的“金名片”` / `林岩`); a section
    heading inside an article stands alone, or is a slogan of a few words."""
    heads = [u.text for u in run if u.kind == "heading"]
    if len(heads) == 3 and _COLUMN.match(heads[2]):
        heads = heads[:2]
    return (
        len(heads) == 2
        and bool(_COLUMN.match(heads[0]))
        and len(heads[1]) >= 8
        and " " not in heads[1]
    )


def _signed(heads: list[Unit]) -> list[Unit]:
    """A column item's heads with the writer's name under its headline read as a byline."""
    lines = [u for u in heads if u.kind == "heading"]
    if len(lines) == 3 and len(heads) == 3 and _column_item(heads):
        return [*heads[:2], Unit("byline", heads[2].text)]
    return heads


def _following(units: list[Unit], j: int) -> list[Unit]:
    """The three units from units[j] on that are not gaps: all a judgement looks at
    (a list of the whole rest, made at every headline, made long pages quadratic)."""
    found: list[Unit] = []
    for k in range(j, len(units)):
        if units[k].kind != "gap":
            found.append(units[k])
            if len(found) == 3:
                break
    return found


def _photo_story_follows(rest: list[Unit]) -> bool:
    """One or two short paragraphs and then a caption: a photo story."""
    for k, unit in enumerate(rest[:3]):
        if unit.kind == "caption":
            return k > 0
        if unit.kind != "body" or len(unit.text) > 300:
            return False
    return False


def _is_org(line: str) -> bool:
    """Is the line an organisation's name (`拉萨市民政局`), not a phrase ending in
    one (`雪山脚下的小康村`, `家门口的卫生服务站`)?"""
    return len(line) <= 16 and " " not in line and "的" not in line and bool(_ORG.search(line))


@dataclass
class _Headline:
    title: str
    kicker: str | None
    subtitle: str | None
    from_slogan: bool = False  # nothing but a slogan stood above the article


def _headline(heads: list[Unit]) -> _Headline:
    """Title, kicker and subtitle from the heading lines that opened an article.

    The kicker stands above the headline, so of two headline lines the lower is
    the title, whichever is longer (`运动场上展风采 青春活力竞飞扬` / `第六届……运动会开幕`).
    """
    lines: list[str] = []
    subtitle: str | None = None
    above_subtitle: str | None = None
    for unit in heads:
        if unit.kind == "subtitle":
            subtitle = unit.text.lstrip("—- ").strip()
            above_subtitle = lines[-1] if lines and above_subtitle is None else above_subtitle
        elif unit.kind == "heading":
            head, dash, tail = unit.text.partition("——")
            if dash and head.strip() and tail.strip():
                lines.append(head.strip())
                subtitle = tail.strip()
            else:
                lines.append(unit.text)
    content = [s for s in lines if _is_org(s) or not (_SLOGAN.match(s) or _COLUMN.match(s))]
    if not content:
        slogans = [s for s in lines if _SLOGAN.match(s)]
        return _Headline(slogans[-1] if slogans else "", None, subtitle, bool(slogans))
    titles = [s for s in content if not _is_org(s)] or content
    # A subtitle follows its headline: `金融活水润泽林芝农牧区` / `——全市…`, however
    # much the headline reads like a place (农牧区) and the lines above it like a kicker.
    title = above_subtitle if above_subtitle in content[-1:] else titles[-1]
    others = [s for s in content if s != title]
    kicker = next((s for s in others if _is_org(s)), others[-1] if others else None)
    return _Headline(title, kicker, subtitle)


def _adopt_displaced_title(draft: _Draft, headline: _Headline, following: _Headline | None) -> None:
    """Give an article headed only by a slogan the headline OCR put elsewhere.

    Two places are looked at: a headline block with an organisation or column
    line inside its body (`时讯快递` / `开展……活动` / `拉萨市教育局`), then a
    headline-like kicker of the next article (`自治区两会……反响` printed above
    `创新实干促发展 ——……`). The slogan becomes the kicker.
    """
    for at, lines in draft.head_runs:
        if not any(_is_org(s) or _COLUMN.match(s) for s in lines):
            continue
        found = _headline([Unit("heading", s) for s in lines])
        if found.title and not found.from_slogan and not _is_org(found.title):
            headline.kicker = found.kicker or headline.title
            headline.title, headline.from_slogan = found.title, False
            del draft.paragraphs[at : at + len(lines)]
            return
    if following is not None and following.kicker and not _is_org(following.kicker):
        headline.kicker, headline.title = headline.title, following.kicker
        following.kicker, headline.from_slogan = None, False


def _draft_articles(units: list[Unit]) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    main: _Draft | None = None  # the last article that is not a photo story
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.kind in ("heading", "subtitle", "byline"):
            j = i
            while j < len(units) and units[j].kind in ("heading", "subtitle", "byline", "gap"):
                j += 1
            if _opens_article(units, i, j):
                heads = _signed([u for u in units[i:j] if u.kind != "gap"])
                heads, section = _split_after_byline(heads)
                current = _Draft(heads=heads)
                if section:
                    current.head_runs.append((0, section))
                    current.paragraphs.extend(section)
                rest = _following(units, j)
                if rest and rest[0].kind == "caption":
                    current.photo = _after_photo(units, j) == "none"
                else:
                    current.photo = not (rest and _DATELINE.match(rest[0].text)) and (
                        _photo_story_follows(rest)
                    )
                drafts.append(current)
                if not current.photo:
                    main = current
            else:
                current = current or _new(drafts)
                lines = [u.text for u in units[i:j] if u.kind != "gap"]
                current.head_runs.append((len(current.paragraphs), lines))
                current.paragraphs.extend(lines)
            i = j
            continue
        if unit.kind == "gap":
            # A paragraph alone after a photo's gap, captioned right after, is
            # an untitled photo story.
            rest = units[i + 1 : i + 4]
            if (
                rest
                and rest[0].kind == "body"
                and not _DATELINE.match(rest[0].text)
                and _photo_story_follows(rest)
            ):
                current = _Draft(photo=True)
                drafts.append(current)
            i += 1
            continue
        if current is None:
            current = _new(drafts)
            main = current
        if unit.kind == "credit":
            if current.byline is None:
                current.byline = unit.text
            if current.photo and main is not None:
                current = main  # text after a photo story belongs to the story before it
        elif (
            unit.kind == "body"
            and current.dateline is None
            and all(_CAPTION.match(p) for p in current.paragraphs)
        ):
            m = _DATELINE.match(unit.text)
            if m:
                current.dateline = m["dateline"].strip()
                body = unit.text[m.end() :].lstrip(" :：")
                if body:
                    current.paragraphs.append(body)
            else:
                current.paragraphs.append(unit.text)
        else:
            current.paragraphs.append(unit.text)
        i += 1
    return drafts


def _split_after_byline(heads: list[Unit]) -> tuple[list[Unit], list[str]]:
    """A byline closes a headline: heading lines after it head the first section of
    the body (`色尼区：…` / `——…` / `本报记者 …` / `守护绿水青山` / `筑牢生态屏障`)."""
    last = max((k for k, u in enumerate(heads) if u.kind == "byline"), default=-1)
    if last <= 0 or not any(u.kind == "heading" for u in heads[:last]):
        return heads, []
    after = heads[last + 1 :]
    if not after or any(u.kind != "heading" for u in after):
        return heads, []
    return heads[: last + 1], [u.text for u in after]


def _new(drafts: list[_Draft]) -> _Draft:
    draft = _Draft()
    drafts.append(draft)
    return draft


def segment_page(text: str) -> list[Article]:
    """Cut a page into articles in reading order.

    >>> [a.title for a in segment_page("健康义诊送温暖\\n\\n\\n\\n近日，……义诊。\\n\\n图为志愿者正在为群众测量血压。")]
    ['健康义诊送温暖']
    """
    drafts = _draft_articles(read_units(text))
    headlines = [_headline(d.heads) for d in drafts]
    for k, (draft, headline) in enumerate(zip(drafts, headlines, strict=True)):
        if headline.from_slogan:
            following = headlines[k + 1] if k + 1 < len(headlines) else None
            _adopt_displaced_title(draft, headline, following)
    articles: list[Article] = []
    for draft, headline in zip(drafts, headlines, strict=True):
        bylines = [u.text for u in draft.heads if u.kind == "byline"]
        # A photo credit stands for the byline only where no dateline names the reporter.
        named = draft.dateline is not None and any(c in draft.dateline for c in "（(")
        credit = None if named else draft.byline
        body = "\n".join(p for p in draft.paragraphs if p)
        if not body and not headline.title:
            continue
        articles.append(
            Article(
                seq=len(articles),
                title=headline.title,
                kicker=headline.kicker,
                subtitle=headline.subtitle,
                byline=" ".join(bylines) if bylines else credit,
                dateline=draft.dateline,
                text=body,
            )
        )
    return articles
