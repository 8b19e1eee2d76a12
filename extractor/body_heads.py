"""Heading lines printed inside the body of an article: section heads, or a headline.

Most heading lines under a paragraph head a section of the story going on. A few are the
headline of the next article, printed with no dateline or byline under it, or the
headline of the story itself, put by the layout after its body. They tell the news as a
headline does: a place and what was held there (`茂县召开河长制工作会议`), a count reached,
a paragraph under them opening as news does (`近日，…`), or a place's name in a story
headed by a slogan alone (`拉孜县干部群众热议自治区两会`). `segment.py` asks these
questions of each run of heading lines.
"""

from __future__ import annotations

import re

from extractor.heading_words import COLUMN, NEWS_LEAD, words_width
from extractor.line_forms import DATELINE
from extractor.page_lines import Unit, ends_sentence

# A line that tells the news of a place, as a headline does and no section head of the
# development pages under a paragraph does: the place (or the year, then the place)
# first, then what was held or begun (`茂县召开河长制工作会议`, `林芝市2026年中考成绩揭晓`);
# or a count of what it reached (`…惠及万余户纳税人`, `近万人`, `上万名`, `数万家`). A 万 with
# no figure, no 余 and no word of about how many before it (近, 上, 数, 逾, 超, 几) is no
# count but a saying (`网格连着千家万户`, `…进万家`): of the 9 heading lines of the seeds and
# development pages so read, the 8 headlines open their article by other signs, and the
# other is a section head.
_EVENT = re.compile(
    r"^(?:20\d\d年)?[\u4e00-\u9fff]{1,8}?(?:自治区|地区|市|州|县|区|镇|乡|村)"
    r"[^，。；]*?(?:召开|举行|举办|启动|揭晓|开幕|闭幕|落幕|开工|竣工|投运|启用|开班|开赛|揭牌|成立)"
    r"|(?:\d+(?:\.\d+)?[万亿]?余?|[近上数逾超几][万亿]余?|[万亿]余)(?:户|人|名|家|座|个|条|项)"
)


def over_a_news_lead(run: list[Unit], rest: list[Unit]) -> bool:
    """Is a single heading line right over a paragraph that opens as news does? On the
    development pages and seeds, 6 headlines printed with no dateline or byline are, and
    none of the 59 section heads (a section goes on with its story: `今年以来，…`)."""
    body = body_under(rest)
    return (
        (lone_heading(run) is not None or _kicker_over_headline(run))
        and body is not None
        and bool(NEWS_LEAD.match(body))
    )


def _kicker_over_headline(run: list[Unit]) -> bool:
    """Is a run two heading lines printed one right under the other, the lower the longer,
    as a kicker stands over its headline (`薪火相传有后人` / `藏戏传习所迎来首批学员`)? A
    couplet's halves, which head sections too, are of one length (`奋进新征程` / `建功新时代`):
    of the six runs of more than one heading line inside the bodies of the seeds and the
    development pages, only the one headline is printed so."""
    heads = [u for u in run if u.kind != "gap"]
    return (
        len(heads) == 2
        and all(u.kind == "heading" and " " not in u.text for u in heads)
        and heads[1].tight
        and words_width(heads[0].text) < words_width(heads[1].text)
    )


def broken_headline(run: list[Unit]) -> bool:
    """Is a run one headline the layout broke over two lines, its upper reading on
    (`马背上的` / `流动兽医站`, made one line by `page_lines.py`)? A section head is printed
    on one line: of the 8 heading lines of the seeds and development pages ending on a word
    that reads on over another, none heads a section, and the one under a paragraph with the
    body at once under it is the headline of a photo story, signed by its credit."""
    heads = [u for u in run if u.kind != "gap"]
    return len(heads) == 1 and heads[0].kind == "heading" and heads[0].broken


def set_on_its_body(run: list[Unit], rest: list[Unit], in_feature: bool = False) -> bool:
    """Is a single heading line, printed apart from the paragraph above it, set right on the
    paragraph under it, no blank line between (`…样板。` / blank / `菜价稳了 “菜篮子”拎得更轻松` /
    `春节后，…`)? A section head stands apart from both: of the heading lines between two
    paragraphs of the seeds and development pages, the 20 printed so are 18 headlines and two
    columns' labels (`平安快讯`, `文化快讯`), and none of the 127 section heads. One feature
    under a subtitle (`——…综述`) sets its 3 section heads so (`feature_section_head`)."""
    head = lone_heading(run)
    heads = [u for u in run if u.kind != "gap"]
    return (
        head is not None
        and not heads[0].tight
        and not COLUMN.match(head)
        and not (in_feature and feature_section_head(head))
        and bool(rest)
        and rest[0].kind == "body"
        and rest[0].tight
    )


def feature_section_head(head: str) -> bool:
    """Is a heading line two short phrases spaced apart, 4 to 6 characters of words each, as a
    feature's section heads are (`规划先行 绘就绿色蓝图`, `管护并重 守好一片绿`)? Of the spaced
    heading lines inside an article under a subtitle on the seeds and development pages set
    right on their paragraph, 10 are section heads and one a headline (`菜价稳了 “菜篮子”拎得
    更轻松`, a part of 8); the 4 such pairs among them are all section heads, 3 printed apart
    from the paragraph above. A short pair over a news lead still opens an article
    (`锅庄舞起来 幸福唱出来` / `12月5日，…`).

    >>> feature_section_head("全民参与 共植生态林"), feature_section_head("菜价稳了 “菜篮子”拎得更轻松")
    (True, False)
    """
    parts = head.split()
    return len(parts) == 2 and all(4 <= words_width(part) <= 6 for part in parts)


def heads_its_photo(units: list[Unit], i: int, j: int) -> bool:
    """Is units[i:j] a single heading line under a paragraph, no column's label, over paragraphs that
    end on a photo's caption and credit, with no heading line between (`志愿红点亮雪域乡村` /
    `走进扎囊县桑耶镇，…` / … / `图为…` / `本报记者 旦增平措 摄`)? A photo and its credit close
    the article they illustrate; a story of several photos prints a caption for each before the
    one credit (`冬日校园“冰”趣多` / three paragraphs / three `图为…` / `本报记者 … 摄`: the one so
    printed, a headline in the gold). `segment.py` asks it in an article with no section head
    yet, and under a paragraph cut short whatever the article holds (`heads_photo_after_cut`):
    of the lone heading lines so printed on the seeds and development pages, 86
    are headlines in the gold (85 read so by other shapes) and 2 section heads, each under
    a section head of its own (`压实整改“责任链”` / … / `筑牢宣传“防火墙”`)."""
    head = lone_heading(units[i:j])
    if head is None or COLUMN.match(head) or not i or units[i - 1].kind not in ("body", "gap"):
        return False
    after = units[j:]
    k = next((k for k, u in enumerate(after) if u.kind not in ("body", "gap")), len(after))
    return any(u.kind == "body" for u in after[:k]) and _captions_then_credit(after, k)


def heads_credited_photo(units: list[Unit], i: int, j: int) -> bool:
    """Is units[i:j] a single heading line under a paragraph, no column's label, right over a
    photo's captions and its credit (`雪后清晨的“红马甲”` / `图为…` / `拉萨融媒记者 … 摄` /
    `12月14日夜间,…`)? The photo story's headline, as over paragraphs that end on the photo
    (`heads_its_photo`): the photographer signs it. Of the heading lines so printed on the
    seeds and development pages, both are headlines in the gold, one over plain body text."""
    head = lone_heading(units[i:j])
    if head is None or COLUMN.match(head) or not i or units[i - 1].kind not in ("body", "gap"):
        return False
    return _captions_then_credit(units, j)


def _captions_then_credit(units: list[Unit], k: int) -> bool:
    """Does units[k:] open on one or more photo captions and the credit right under them?"""
    credit = next((m for m in range(k, len(units)) if units[m].kind != "caption"), len(units))
    return k < credit < len(units) and units[credit].kind == "credit"


def heads_photo_after_cut(units: list[Unit], i: int, j: int) -> bool:
    """Is units[i:j] a photo story's headline (`heads_its_photo`) right under a paragraph the
    layout cut short, going on elsewhere (`…志愿者调解` / `沙棘枝头挂满“致富果”` / `金秋时节,…` /
    … / `图为…` / `本报记者 … 摄`)? A section head follows a paragraph that ends its sentence:
    of the heading lines so printed over a photo story on the seeds and development pages, the
    19 under a paragraph cut short are all headlines in the gold, whether the article going on
    has a section head yet or not, where the 6 section heads stand under a whole paragraph."""
    return (
        units[i - 1].kind == "body"
        and not ends_sentence(units[i - 1].text)
        and heads_its_photo(units, i, j)
    )


def tells_an_event(run: list[Unit]) -> bool:
    """Does a single heading line, under a paragraph and over plain body text, tell an
    event as a news headline does? On the development pages, 4 of the 11 headlines so
    printed do, and none of the 58 section heads (one line in brackets, `（下转第4版）`,
    and a body line cut short, are no heading)."""
    head = lone_heading(run)
    return head is not None and not head.startswith(("（", "(")) and bool(_EVENT.search(head))


def lone_heading(run: list[Unit]) -> str | None:
    """The text of a run that is one heading line and nothing else (gaps aside)."""
    heads = [u for u in run if u.kind != "gap"]
    return heads[0].text if len(heads) == 1 and heads[0].kind == "heading" else None


def body_under(rest: list[Unit]) -> str | None:
    """The paragraph right under a run of heading lines, if body text comes next."""
    return rest[0].text if rest and rest[0].kind == "body" else None


# A line opening on a place's name (`拉孜县…`, `自治区两会在…`), not on a word that only
# ends as one does (`消费市场…`, `市民…`, `县城…`).
_PLACE_LED = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:自治区|地区|市|州|县|区)(?![场民域城级直])")
# Nor on a common noun in 区 that names no place (`物业服务进小区`, `禁牧区里的巡护人`), or a
# park by no name (`园区建设有速度`): of the 31 short lines of the seeds and development pages
# opening on 小区, 牧区, 林区, 辖区, 灌区 or 园区, the 2 that name a place name the park
# (`达孜工业园区新增…`, `西藏文创园区:…`). `城区`, `社区` and `景区` follow a place's name as
# often as not (`泽当城区…`).
_COMMON_AREA = re.compile(r"(?:[小牧林辖灌]区|^园区)$")


def place_news(lines: list[str]) -> bool:
    """Is a run of heading lines inside a body one line telling the news of a place? Of
    the 70 single heading lines inside the bodies of the seeds and development pages,
    the two that open on a place's name are headlines the layout put there; the section
    heads name none (`党建引领方向`, `消费市场持续回暖`). A headline spaced in two parts
    may name it in its second (`贯彻全会精神 达孜区干部群众话发展`): of the 32 spaced heading
    lines inside bodies, the one with a part opening on a place is a headline, and the 28
    section heads name none. A place and a colon head a section of a round-up (`城关区：…`,
    `堆龙德庆区：…`), so a line holding a colon is left."""
    return (
        len(lines) == 1
        and any(_place_led(part) for part in lines[0].split(" "))
        and not set(":：") & set(lines[0])
    )


def _place_led(line: str) -> bool:
    """Does the line open on a place's name (`拉孜县干部群众…`), not on a word in 区 for
    no place (`物业服务进小区`)?

    >>> _place_led("拉孜县干部群众热议自治区两会"), _place_led("物业服务进小区")
    (True, False)
    """
    return opening_place(line) is not None


def opening_place(line: str) -> str | None:
    """The place's name a line opens on (`拉孜县`), or None: a word that only ends as a place's
    name does (`消费市场`, `物业服务进小区`) names none.

    >>> opening_place("拉孜县干部群众热议自治区两会"), opening_place("牧区小学开学")
    ('拉孜县', None)
    """
    m = _PLACE_LED.match(line)
    return m.group() if m is not None and not _COMMON_AREA.search(m.group()) else None


def repeats_a_section_head(run: list[Unit], rest: list[Unit], earlier: list[list[str]]) -> bool:
    """Is a run one heading line spaced in parts as wide, part for part, as a section head
    already read in the story, and no dateline under it (`摸清家底 精准施策` / … /
    `夜间施工 减少扰民`)? A story's section heads are set alike: of the 57 spaced heading lines
    of the seeds and development pages that repeat an earlier section head's parts so, on 26
    pages, none is a title in the gold (a news lead or a photo under two of them read them as
    headlines).

    >>> repeats_a_section_head([Unit("heading", "夜间施工 减少扰民")], [], [["摸清家底 精准施策"]])
    True
    """
    head = lone_heading(run)
    if head is None or " " not in head or DATELINE.match(body_under(rest) or ""):
        return False
    widths = _part_widths(head)
    return any(
        len(lines) == 1 and " " in lines[0] and _part_widths(lines[0]) == widths
        for lines in earlier
    )


def _part_widths(line: str) -> list[int]:
    return [words_width(part) for part in line.split()]
