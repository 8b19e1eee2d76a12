"""Page text → articles.

An OCR'd page holds several articles in (mostly) reading order. Its lines are read
as kinds, broken body text joined again (`page_lines.py`), and cut into articles.

A run of headline lines opens a new article when what follows shows it is one:
a dateline (`拉萨融媒讯(记者李从芳)`, or the paper's own `本报讯 `), a byline or
subtitle in the run, a photo story (a short paragraph and its `图为` caption),
or a column's label over a headline (`社区之窗` / `春堆社区：…`), signed or not by
its writer (`短评` / `…` / `林岩`, who is its byline). Otherwise the
lines are section heads inside the current article. Column labels (`时讯快递`) and the
papers' recurring slogans (`学思想 强党性`) are dropped; an organisation line
beside the headline is its kicker (`拉萨市民政局` / `举办……培训班`). The line right
above a subtitle (`——…`) is the headline. A headline the layout printed apart from its
story (after its body, or over the next story) is found in `displaced.py`.

Everything here is pure and deterministic: text in, `Article` models out.
"""

from __future__ import annotations

from typing import Literal

from extractor.body_heads import (
    body_under,
    broken_headline,
    heads_credited_photo,
    heads_its_photo,
    heads_photo_after_cut,
    lone_heading,
    over_a_news_lead,
    repeats_a_section_head,
    set_on_its_body,
    tells_an_event,
)
from extractor.couplets import slogan_line
from extractor.displaced import (
    Draft,
    adopt_displaced_title,
    couplet_over,
    dated_story_headed_after,
    dated_story_headed_under,
    dated_story_within,
    headed_by_slogan,
    headline_over_next,
    report_column_over,
    split_block,
)
from extractor.heading_marks import CONTACT, NOTICE, SIGNED_DATE
from extractor.heading_words import COLUMN, REPORT_BANNER, REPORT_KIND, SLOGAN, STUDY_COLUMN, is_org
from extractor.headline import Headline, read_headline
from extractor.label_blocks import kicker_under_headline
from extractor.line_forms import CAPTION, DATELINE
from extractor.models import Article
from extractor.page_lines import SIGNED, Unit, read_units
from extractor.persons import person_name

# --- cutting the units into articles ---------------------------------------


def _opens_article(units: list[Unit], i: int, j: int, in_feature: bool = False) -> bool:
    """Do the heading lines units[i:j] open an article, judging by what follows (and, for
    `in_feature`, whether the article going on is a feature under a subtitle)?"""
    run = units[i:j]
    if any(u.kind in ("byline", "subtitle") for u in run):
        return True
    if not any(u.kind == "heading" for u in run):
        return False
    rest = _following(units, j)
    if rest and rest[0].kind == "credit":
        rest = rest[1:]  # a photographer's credit in a byline's place (see `_opens_below`)
    if rest and rest[0].kind == "body" and DATELINE.match(rest[0].text):
        return True
    if rest and rest[0].kind == "caption":
        return _after_photo(units, j) != "body" or heads_credited_photo(units, i, j)
    return (
        _after_a_close(units, i)
        or _photo_story_follows(_past_gaps(units, j))
        or _column_item(run)
        or _bulleted(run)
        or _signed_alone(run)
        or _voices(run, rest)
        or _study_column(run)
        or bool(NOTICE.match(lone_heading(run) or ""))
        or tells_an_event(run)
        or over_a_news_lead(run, rest)
        or broken_headline(run)
        or set_on_its_body(run, rest, in_feature)
    )


def _signs_above(units: list[Unit], i: int, j: int) -> bool:
    """Is the heading run units[i:j] an organisation's name alone under a paragraph, with no
    dateline, byline or subtitle under it: who issued what is printed above
    (`温馨提示` / `汛期出行请注意：…` / `米林市防汛抗旱指挥部办公室`)? Of the 4 such lines of the
    seeds and development pages, 3 sign a notice and one heads a section; none is a title,
    whatever follows (a photo story, `5月30日，…` / `图为…`). A bulleted line is a brief's
    headline, whatever it names (`■县图书馆“书香进牧家”送书下乡`). A date under the organisation
    is the day it signed (`特此通知。` / `那曲市城市供热有限公司` / `2024年11月20日`), no headline;
    so are the names of several organisations over it, one a line, that issued it together
    (`特此公告。` / `拉孜县交通运输局` / `拉孜县公安局交通警察大队` / `2024年9月15日`)."""
    run = units[i:j]
    signed = _signatories(run)
    names: list[str | None] = (
        [u.text for u in run[: signed - 1] if not CONTACT.match(u.text)]
        if signed
        else [lone_heading(run)]
    )
    return (
        all(name is not None and is_org(name) for name in names)
        and i > 0
        and units[i - 1].kind == "body"
        and not _bulleted(units[i:j])
        and not any(u.kind in ("byline", "subtitle") for u in units[i:j])
        and not any(u.kind == "body" and DATELINE.match(u.text) for u in _following(units, j)[:1])
    )


# At most this many organisations sign a notice together over its date.
_MOST_SIGNATORIES = 3


def _signatories(run: list[Unit]) -> int:
    """How many lines of the heading run sign a notice: organisations' names, one a line,
    and a date right under them, no other line (and no gap) between, a number to call at
    times over them; 0 if the run opens so on no date. Gaps after the date may frame a photo.

    >>> run = [Unit("heading", "拉孜县交通运输局"), Unit("heading", "拉孜县公安局交通警察大队"),
    ...        Unit("heading", "2024年9月15日"), Unit("gap", "")]
    >>> _signatories(run), _signatories(run[1:]), _signatories(run[2:])
    (3, 2, 0)
    >>> _signatories([Unit("heading", "咨询电话：95598"), *run[1:]])
    3
    """
    lead = 1 if run and run[0].kind == "heading" and CONTACT.match(run[0].text) else 0
    for k, unit in enumerate(run[lead : lead + _MOST_SIGNATORIES + 1], start=lead):
        if unit.kind != "heading":
            return 0
        if k > lead and SIGNED_DATE.match(unit.text):
            return k + 1 if all(u.kind == "gap" for u in run[k + 1 :]) else 0
    return 0


def _notice(draft: Draft) -> bool:
    """Is the article a notice box, headed by its heading alone (`温馨提示`)? A byline over the
    heading signs the article above, as the 7 of 8 bylines printed right under a paragraph
    and over heading lines do on the seeds and development pages (`…这样说。` /
    `本报记者 边巴次仁` / `温馨提示` / `进入冬季，…`)."""
    lines = [u for u in draft.heads if u.kind != "byline"]
    return len(lines) == 1 and lines[0].kind == "heading" and bool(NOTICE.match(lines[0].text))


def _banner_over_body(draft: Draft, headline: Headline) -> bool:
    """Is the article a column's banner of a report's kind alone over paragraphs, no dateline or
    byline (`乡村振兴进行时` / `中藏药材是林芝的“绿色宝库”。…`): a story's paragraphs the layout
    set apart, its headline printed elsewhere? No banner so printed is a title in the gold (the
    11 heading lines of the seeds and development pages, the 2 alone over a paragraph among them)."""
    return (
        len(draft.heads) == 1
        and draft.dateline is None
        and headline.kicker is None
        and headline.subtitle is None
        and bool(REPORT_BANNER.match(headline.title))
    )


def _after_a_close(units: list[Unit], i: int) -> bool:
    """Do the heading lines from units[i] on stand where no article is going on: at the
    page's top or right after a photo's credit? A section head stands inside its article,
    under a paragraph of it; a photo and its credit close the article they illustrate
    (`图为…` / `本报记者 … 摄`), so a headline after them opens one even when the body
    starts at once, with no dateline or byline."""
    return i == 0 or units[i - 1].kind == "credit"


def _after_photo(units: list[Unit], j: int) -> Literal["dateline", "body", "none"]:
    """What follows the photo captioned right under a headline: the article's
    dateline, plain body text (the headline was a section heading), or nothing
    of the article (a caption-only photo with a headline of its own)."""
    k = j
    while k < len(units) and units[k].kind in ("caption", "credit", "gap"):
        k += 1
    if k == len(units) or units[k].kind != "body":
        return "none"
    return "dateline" if DATELINE.match(units[k].text) else "body"


def _column_item(run: list[Unit]) -> bool:
    """A column's label over a headline of its own: `社区之窗` / `春堆社区：…让群众少跑腿`,
    signed or not by its writer (`短评` / `让信用成为农牧民的“金名片”` / `林岩`); a section
    heading inside an article stands alone, or is a slogan of a few words. A headline in two
    halves set apart is one too (`短评` / `扫净一路雪 温暖一座城`): the 2 so printed over their body
    on the seeds and development pages, no dateline under them, are their comment's title."""
    heads = [u.text for u in run if u.kind == "heading"]
    if len(heads) == 3 and COLUMN.match(heads[2].replace(" ", "")):
        heads = heads[:2]
    return (
        len(heads) == 2
        and bool(COLUMN.match(heads[0]))
        and len(heads[1]) >= 8
        and not SLOGAN.match(heads[1])
    )


def _bulleted(run: list[Unit]) -> bool:
    """A headline printed after a bullet (`■县图书馆“书香进牧家”送书下乡`): a brief of a column
    of briefs, each titled so. Of the 19 such headlines of the seeds and development pages,
    every one is an article's title; no section head inside a story is bulleted."""
    return any(u.kind == "heading" and u.bulleted for u in run)


def _voices(run: list[Unit], rest: list[Unit]) -> bool:
    """A column's label or a headline over quotations each signed after a dash
    (`边民心声` / `“……”——…村民 次仁央宗`): a column of people's words, titled by its
    label. No section head of a story is followed by a signed quotation: the story's
    speakers are named in its sentences."""
    body = body_under(rest)
    return (
        lone_heading(run) is not None
        and body is not None
        and body.startswith("“")
        and bool(SIGNED.search(body))
    )


def _study_column(run: list[Unit]) -> bool:
    """The column of the study of a meeting alone (`学习贯彻 人代会精神`), whatever is under
    it: a dateline, or at once the words of the people it asked (`“会上提出要…”…说。`). The
    seeds and development pages print it four times, each over a story of its own, and
    never over a section of one."""
    head = lone_heading(run)
    return head is not None and bool(STUDY_COLUMN.match(head))


def _signed_alone(run: list[Unit]) -> bool:
    """A comment with no column's label over it, its writer's name under its headline
    (`让特色养殖走得更稳更远` / `平措`): a headline of its own, signed."""
    heads = [u for u in run if u.kind != "gap"]
    if len(heads) != 2 or not all(u.kind == "heading" for u in heads):
        return False
    headline, writer = heads[0].text, heads[1].text.replace(" ", "")  # `杨 帆`
    return (
        len(headline) >= 6
        and " " not in headline
        and not COLUMN.match(headline)
        and bool(COLUMN.match(writer))
        and person_name(writer)
    )


def _signed(heads: list[Unit]) -> list[Unit]:
    """A column item's heads, or a comment's, with the writer's name under its headline
    read as a byline."""
    lines = [u for u in heads if u.kind == "heading"]
    if len(lines) == 3 and len(heads) == 3 and _column_item(heads):
        return [*heads[:2], Unit("byline", heads[2].text)]
    if _signed_alone(heads):
        return [heads[0], Unit("byline", heads[1].text)]
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


def _past_gaps(units: list[Unit], j: int) -> list[Unit]:
    """The three units from the first after units[j:] that is not a gap on."""
    while j < len(units) and units[j].kind == "gap":
        j += 1
    return units[j : j + 3]


def _photo_story_follows(rest: list[Unit]) -> bool:
    """One or two short paragraphs and then a caption: a photo story. A gap between
    them is where a photo of its own stood: its caption is no story's."""
    for k, unit in enumerate(rest[:3]):
        if unit.kind == "caption":
            return k > 0
        if unit.kind != "body" or len(unit.text) > 300:
            return False
    return False


def _tells_news(caption: str) -> bool:
    """Does a caption go on past what the photo shows, with news of its own
    (`图为…查验采挖证。今年巴青县共设立宣传点35个…`)? Then it is an article."""
    _, stop, rest = caption.partition("。")
    return bool(stop) and len(rest.strip()) >= 10


def _draft_articles(units: list[Unit]) -> list[Draft]:
    drafts: list[Draft] = []
    current: Draft | None = None
    main: Draft | None = None  # the last article that is not a photo story
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.kind in ("heading", "subtitle", "byline"):
            j = i
            while j < len(units) and units[j].kind in ("heading", "subtitle", "byline", "gap"):
                j += 1
            repeated = current is not None and repeats_a_section_head(
                units[i:j], _following(units, j), [lines for _, lines in current.head_runs]
            )
            if _signs_above(units, i, j) and current is not None:
                signed = _signatories(units[i:j]) or 1
                current.paragraphs.extend(u.text for u in units[i : i + signed])
                i += signed  # the gaps after it may frame a photo
                continue
            in_feature = current is not None and any(u.kind == "subtitle" for u in current.heads)
            if not repeated and (
                _opens_article(units, i, j, in_feature)
                or (current is not None and not current.head_runs and heads_its_photo(units, i, j))
                or (current is not None and heads_photo_after_cut(units, i, j))
            ):
                heads = _signed([u for u in units[i:j] if u.kind != "gap"])
                heads, section = _split_after_byline(heads)
                current = Draft(heads=heads, voices=_voices(units[i:j], _following(units, j)))
                if section:
                    current.head_runs.append((0, section))
                    current.paragraphs.extend(section)
                rest = _following(units, j)
                if rest and rest[0].kind == "caption":
                    current.photo = _after_photo(units, j) == "none"
                else:
                    current.photo = not (rest and DATELINE.match(rest[0].text)) and (
                        _photo_story_follows(_past_gaps(units, j))
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
                and not DATELINE.match(rest[0].text)
                and _photo_story_follows(rest)
            ):
                current = Draft(photo=True)
                drafts.append(current)
            i += 1
            continue
        if unit.kind == "caption" and _tells_news(unit.text) and not (current and current.photo):
            current = Draft(photo=True)  # a photo printed with news of its own, untitled
            drafts.append(current)
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
            and all(CAPTION.match(p) for p in current.paragraphs)
        ):
            m = DATELINE.match(unit.text)
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


def _new(drafts: list[Draft]) -> Draft:
    draft = Draft()
    drafts.append(draft)
    return draft


def _text_before(drafts: list[Draft], k: int) -> Draft:
    """The article whose text goes on after drafts[k]: the article itself, or for an untitled
    photo the article before it, whose text it stands in (`…八宿县举办…` / `12月9日，…` /
    `图为…` / `本报那曲讯…`: text after a photo story belongs to the story before it)."""
    if k and drafts[k].photo and not drafts[k].heads:
        return drafts[k - 1]
    return drafts[k]


def segment_page(text: str) -> list[Article]:
    """Cut a page into articles in reading order.

    >>> [a.title for a in segment_page("健康义诊送温暖\\n\\n\\n\\n近日，……义诊。\\n\\n图为志愿者正在为群众测量血压。")]
    ['健康义诊送温暖']
    """
    drafts: list[Draft] = []
    for draft in _draft_articles(read_units(text)):
        drafts.append(draft)
        story = split_block(draft) or dated_story_headed_under(draft)
        if story is not None:
            drafts.append(story)
    for k in reversed(range(len(drafts))):
        after = drafts[k + 1] if k + 1 < len(drafts) else None
        if (story := dated_story_headed_after(drafts[k], after)) is not None:
            drafts.insert(k + 1, story)
    for draft in drafts:
        draft.heads = kicker_under_headline(draft.heads)
    headlines = [read_headline(d.heads) for d in drafts]
    stories: list[tuple[int, Draft, Headline]] = []  # cut out of the article before them
    for k, (draft, headline) in enumerate(zip(drafts, headlines, strict=True)):
        following = headlines[k + 1] if k + 1 < len(headlines) else None
        if headed_by_slogan(draft, headline):
            # Longer phrases take a headline printed after their body, not the next article's,
            # unless they name a report's kind (see `displaced.report_column_over`).
            over = headline.from_slogan or bool(REPORT_KIND.search(headline.title))
            adopt_displaced_title(draft, headline, following if over else None)
            if following is not None and headline.title == draft.heads[0].text:
                headline_over_next(draft, headline, drafts[k + 1].heads, following)
        elif following is not None and report_column_over(headline, following):
            headline.kicker, headline.title = headline.title or None, following.kicker or ""
            following.kicker = None
        elif following is not None and (
            halves := couplet_over(draft, headline, drafts[k + 1].heads, following)
        ):
            headline.kicker, headline.title = headline.title or None, halves
        elif following is not None:
            # The heading lines after a story headed by a label alone may be its headline
            # (`headline_over_next` moves them there); else a story may be cut out of it.
            moved = headline_over_next(draft, headline, drafts[k + 1].heads, following)
            cut = None if moved else dated_story_within(_text_before(drafts, k), following)
            if cut is not None:
                stories.append((k + 1, *cut))
    for at, story, story_headline in reversed(stories):
        drafts.insert(at, story)
        headlines.insert(at, story_headline)
    articles: list[Article] = []
    for draft, headline in zip(drafts, headlines, strict=True):
        if not headline.title and draft.voices:
            headline.title = draft.heads[0].text  # `边民心声`: the column names its voices
        elif not headline.title and _notice(draft):
            # `温馨提示`: the box is titled so; a byline over it signs the article above
            signing = [u for u in draft.heads if u.kind == "byline"]
            draft.heads = [u for u in draft.heads if u.kind != "byline"]
            headline.title = draft.heads[0].text
            if signing and articles and articles[-1].byline is None:
                articles[-1].byline = " ".join(u.text for u in signing)
        if _banner_over_body(draft, headline):
            headline.title = ""
        if headline.from_slogan and slogan_line(headline.title):
            headline.title = ""  # `抓落实 促发展 惠民生`, its headline found nowhere: no title
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
