"""Headlines printed apart from their story: a story's draft, and where its headline stands
when the layout put it after the body or over the next story.

`segment.py` cuts a page into drafts; these functions find the headline a draft headed by a
slogan or a column alone lost (`学习贯彻 两会精神` / `拉萨融媒讯…` / … /
`自治区两会在拉萨高新区引发热烈反响`), and cut out a story whose headline block stands
inside another's body:

>>> kicker_first(["时讯快递", "开展全国近视防控宣传教育月活动", "拉萨市教育局"])
['时讯快递', '拉萨市教育局', '开展全国近视防控宣传教育月活动']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.body_heads import opening_place, place_news
from extractor.heading_runs import halves_under_kicker, joined_halves
from extractor.heading_words import (
    COLUMN,
    NAMED_HEADLINE,
    PLACE_HEADLINE,
    REPORT_KIND,
    SHORTEST_HEADLINE,
    STUDY_COLUMN,
    is_org,
    words_width,
)
from extractor.headline import Headline, couplet_halves, read_headline
from extractor.line_forms import DATELINE
from extractor.page_lines import Unit


@dataclass
class Draft:
    heads: list[Unit] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    dateline: str | None = None
    byline: str | None = None
    photo: bool = False
    voices: bool = False  # a column of people's words, signed, under its label
    # Runs of headline lines found inside the body (section heads, or a
    # headline printed after its article): index of the first paragraph, lines.
    head_runs: list[tuple[int, list[str]]] = field(default_factory=list)

    def cut(self, begin: int, end: int) -> None:
        """Take paragraphs `begin` to `end` out of the body, with the heading runs among
        them; the runs after them move up.

        >>> d = Draft(paragraphs=["a", "b", "c", "d"], head_runs=[(1, ["x"]), (3, ["y"])])
        >>> d.cut(1, 3); d.paragraphs, d.head_runs
        (['a', 'd'], [(1, ['y'])])
        """
        del self.paragraphs[begin:end]
        self.head_runs = [
            (a - (end - begin) if a >= end else a, r)
            for a, r in self.head_runs
            if not begin <= a < end
        ]


def adopt_displaced_title(draft: Draft, headline: Headline, following: Headline | None) -> None:
    """Give an article headed only by a slogan the headline OCR put elsewhere.

    Two places are looked at: a headline block inside its body with an organisation or
    column line (`时讯快递` / `开展……活动` / `拉萨市教育局`) or a single line telling
    the news of a place (`拉孜县干部群众热议自治区两会`, printed after the body), then a
    headline-like kicker of the next article (`自治区两会……反响` printed above
    `创新实干促发展 ——……`). The slogan becomes the kicker.
    """
    for at, lines in draft.head_runs:
        found = block_headline(lines)
        if found is not None:
            headline.kicker = found.kicker or headline.title
            headline.title, headline.from_slogan = found.title, False
            del draft.paragraphs[at : at + len(lines)]
            return
    if following is not None and following.kicker and not is_org(following.kicker):
        headline.kicker, headline.title = headline.title, following.kicker
        following.kicker, headline.from_slogan = None, False
    elif STUDY_COLUMN.match(headline.title) and (
        last := _last_single_head(draft, headline.title.split()[-1][-4:-2])  # `两会`精神
    ):
        headline.kicker, headline.title, headline.from_slogan = headline.title, last, False


def _last_single_head(draft: Draft, meeting: str) -> str | None:
    """The last heading line standing alone in the body of a story under the column of the
    study of a meeting, its headline printed after the people's words (`学习贯彻 全会精神` / … /
    `全会精神在林芝干部群众中引发热烈反响` / a paragraph out of order), when it names the meeting
    the column names (`全会`, `两会`, `代会`). The seeds and development pages print the column
    6 times, each story's headline a line after the people's words naming its meeting
    (`拉孜县干部群众热议自治区两会`, `干部群众热议隆子县人代会 凝心聚力谋发展`); 5 were read by a
    block or as the next article's kicker already. A section head names no meeting
    (`守住初心使命`), nor a round-up's section its place and colon.

    >>> draft = Draft(paragraphs=["“…”他说。", "全会精神在林芝干部群众中引发热烈反响", "此外，…"],
    ...               head_runs=[(1, ["全会精神在林芝干部群众中引发热烈反响"])])
    >>> _last_single_head(draft, "全会"), draft.paragraphs
    ('全会精神在林芝干部群众中引发热烈反响', ['“…”他说。', '此外，…'])
    """
    singles = [(at, lines[0]) for at, lines in draft.head_runs if len(lines) == 1]
    if not singles or _headline_of([singles[-1][1]]) is None:
        return None
    at, line = singles[-1]
    if meeting not in line or " " in line or any(c in line for c in ":："):
        return None
    del draft.paragraphs[at]
    return line


def block_headline(lines: list[str]) -> Headline | None:
    """The headline of a block of heading lines inside a body, if it is one printed after
    its story's body: with an organisation or a column's label, or a single line telling the
    news of a place (see `adopt_displaced_title`)."""
    if not (any(is_org(s) or COLUMN.match(s) for s in lines) or place_news(lines)):
        return None
    return _headline_of(kicker_first(lines))


def _headline_of(lines: list[str]) -> Headline | None:
    """The headline the heading lines read as, if a headline they are: a title that is
    neither a slogan nor an organisation's name."""
    found = read_headline([Unit("heading", s) for s in lines])
    if found.title and not found.from_slogan and not is_org(found.title):
        return found
    return None


# Phrases set apart by a space, as a slogan's are, if longer (`建设美丽那曲 共享绿色家园`,
# `平安林芝 交警在行动`).
_PHRASES = re.compile(r"^[\u4e00-\u9fff]{2,8}(?: [\u4e00-\u9fff]{2,8})+$")


def own_headline(draft: Draft) -> bool:
    """Does the article carry a headline of its own: a subtitle or a byline under its heads?"""
    return any(u.kind in ("subtitle", "byline") for u in draft.heads)


def headed_by_slogan(draft: Draft, headline: Headline) -> bool:
    """Is the article headed by a slogan alone, its headline printed elsewhere? A line spaced
    as a slogan (`改进作风 狠抓落实`) is, with no subtitle or byline of its own: over its
    subtitle and byline it is the headline (`育才兴边 筑梦雪域` / `——…综述` / `本报记者 …`). So is
    a line of longer phrases alone over its dateline (`建设美丽那曲 共享绿色家园` / `本报那曲讯…`),
    when a headline printed after its body is found for it (see `adopt_displaced_title`)."""
    if own_headline(draft):
        return False
    if headline.from_slogan:
        return True
    return (
        draft.dateline is not None
        and len(draft.heads) == 1
        and bool(_PHRASES.match(draft.heads[0].text))
    )


def split_block(draft: Draft) -> Draft | None:
    """The story whose headline block stands inside the body of an article with a headline of
    its own, cut out as an article of its own, its lines in the order a kicker stands over its
    headline. A block printed after its story's body (`育才兴边 筑梦雪域` / `——…` / … /
    `本报日喀则讯(…)…` / … / `时讯快递` / `启动第3届…活动` / `日喀则市教育局`) takes the
    paragraphs from the dateline before it; a headline over its body, those under it up to the
    next heading lines (`合作社里的“新牧人”` / … / `聂荣县“招鹰控鼠”护草场` / `今年，…`)."""
    if not own_headline(draft):
        return None
    for n, (at, lines) in enumerate(draft.head_runs):
        # A section head of a feature may be spaced in two parts, one opening on a place
        # (`边民互市激发活力 群众腰包日益鼓起来`); a brief's headline is not.
        spaced = len(lines) == 1 and " " in lines[0]
        if block_headline(lines) is None or spaced:
            continue
        story = Draft(heads=[Unit("heading", s) for s in kicker_first(lines)])
        after = at + len(lines)
        if COLUMN.match(lines[0]):
            begin = max(
                (k for k in range(1, at) if DATELINE.match(draft.paragraphs[k])), default=at
            )
            end = after
            if begin < at:
                m = DATELINE.match(draft.paragraphs[begin])
                assert m is not None
                story.dateline = m["dateline"].strip()
                story.paragraphs = [draft.paragraphs[begin][m.end() :].lstrip(" :：")]
                story.paragraphs += draft.paragraphs[begin + 1 : at]
        else:
            begin = at
            end = next((a for a, _ in draft.head_runs[n + 1 :]), len(draft.paragraphs))
            story.paragraphs = draft.paragraphs[after:end]
        draft.cut(begin, end)
        return story
    return None


def kicker_first(lines: list[str]) -> list[str]:
    """A headline block printed after its body, in the order a kicker stands over its
    headline. Under a column's label the block sets its headline first and the kicker under
    it (`时讯快递` / `开展全国近视防控宣传教育月活动` / `拉萨市教育局` / `奋进首府`), as all four
    such blocks of the seeds and development pages do, whether the kicker reads as an
    organisation's name or not (`山南市妇幼保健院`). A line after the kicker is the column of
    the feature printed next (`奋进珠峰`, `奋进新时代`), never the headline: so in all 7 blocks of
    four lines there, and it is left out. A headline in two short halves sets its kicker third,
    as halves under a kicker read (`heading_runs.halves_under_kicker`): the one block of five
    lines there (`时讯快递` / `光伏板下牧草青` / `绿色电能送万家` / `萨嘎县` / `奋进阿里`).

    >>> kicker_first(["时讯快递", "开展公租房分配使用专项整治", "日喀则市住房和城乡建设局", "奋进新时代"])
    ['时讯快递', '日喀则市住房和城乡建设局', '开展公租房分配使用专项整治']
    """
    if len(lines) >= 3 and COLUMN.match(lines[0]) and not COLUMN.match(lines[1]):
        if len(lines) >= 4 and halves_under_kicker(lines[3], lines[1], lines[2]):
            rest = [] if len(lines) == 5 else lines[4:]
            return [lines[0], lines[3], joined_halves(lines[1], lines[2]), *rest]
        rest = [] if len(lines) == 4 else lines[3:]
        return [lines[0], lines[2], lines[1], *rest]
    return lines


def report_column_over(headline: Headline, following: Headline) -> bool:
    """Is an article headed by nothing but a column of a report's kind (`乡村振兴进行时`) or
    a column's label (`民生焦点`), its headline printed after its body, over the next
    article's (`谢通门县达那答乡：…` / `园区“聚”变 产业“链”动 ——…见闻`)? A place and a colon
    open a headline, never a kicker: no kicker of the seeds and development pages holds a
    colon, and of the 5 lines opening so over another heading line, 2 are one title with it
    and 3 titles themselves. The column of a report's kind alone heads 2 articles there: this
    one, and one with no such line after it, whose title it is (`“平安虫草季”护航进行时`); of
    the 28 articles headed by a label alone, the one followed so is the one whose headline
    is that line in the gold (`改则县：清洁取暖进牧家 高原冬日暖意浓`), the label no kicker."""
    return (
        column_alone(headline)
        and following.kicker is not None
        and bool(PLACE_HEADLINE.match(following.kicker))
    )


def column_alone(headline: Headline) -> bool:
    """Is the article headed by nothing but a column's label (`民生焦点`, read as no title) or a
    column of a report's kind (`乡村振兴进行时`)?"""
    return (
        headline.kicker is None
        and headline.subtitle is None
        and (not headline.title or bool(REPORT_KIND.search(headline.title)))
    )


def couplet_over(
    draft: Draft, headline: Headline, heads: list[Unit], following: Headline
) -> str | None:
    """The headline a story under a column's label alone lost, printed after its body in two
    halves of one length over the next article's headline (`夕阳正红` / `本报日喀则讯…` / … /
    `老年大学里书声琅琅` / `银发学员乐享“第二春”` / `银龄志愿者 余热映夕阳` / `——…侧记`), where
    `headline.couplet_halves` leaves them, the paper's slogan, out of the next article's heads.
    Of the articles of the seeds and development pages headed by a column alone over its
    dateline, the 6 followed by heading lines over the next article's own headline all take
    those lines as their title in the gold (5 read so already: see `report_column_over`).
    `heads` are the next article's; the halves open them, apart from its title and kicker.

    >>> column = Draft([Unit("heading", "夕阳正红")], dateline="本报日喀则讯")
    >>> heads = [Unit("heading", "书声琅琅满课堂"), Unit("heading", "银发学员乐享春", True),
    ...          Unit("heading", "银龄志愿者 余热映夕阳")]
    >>> couplet_over(column, read_headline(column.heads), heads, read_headline(heads))
    '书声琅琅满课堂 银发学员乐享春'
    """
    lines = [u for u in heads if u.kind == "heading"]
    if not (column_alone(headline) and draft.dateline) or len(lines) < 3 or following.kicker:
        return None
    upper, lower, title = (u.text for u in lines[:3])
    halves = couplet_halves(heads)
    if title == following.title and lines[1].tight and {upper, lower} <= halves - {title}:
        return f"{upper} {lower}"
    return None


def headline_over_next(
    draft: Draft, headline: Headline, heads: list[Unit], following: Headline
) -> bool:
    """Give a story headed by no headline, one line alone over its dateline, the heading lines
    the layout printed after its body, opening the next article's heads where that article's
    headline takes them as no title of its own (`欢度藏历新年` / `本报讯（记者 …）…` / … /
    `乡村年货大集人气旺 藏历新年年味浓` / `唱响新时代 歌声飘雅砻` / `——…侧记`). No headline is the
    line when it is a column's label or a report's kind (see `column_alone`), too short for a
    headline (no title of the seeds and development pages alone over its dateline holds fewer
    than 7 characters of words; `援藏故事汇` and `欢度藏历新年` are labels there), or longer
    phrases (`优化营商环境 提升服务效能`, then its kicker, as a slogan's is). Of the stories of the
    seeds and development pages headed by a label or a short line alone over its dateline, the
    5 followed by lines the next headline leaves out or takes as a kicker naming no
    organisation all take those lines as their title in the gold (3 read so already: see
    `report_column_over`, `couplet_over`). Of the 14 lines of longer phrases alone over their
    dateline with no block in their body, one is followed by a line the next headline leaves
    out, its story's title (`拉萨政务服务跑出“加速度”`), and one by a kicker, which is the next
    article's (`少年足球点燃高原冬日`, the phrases a title): phrases take only lines left out. A
    kicker naming an organisation (`工布江达县`) is left the next article's.

    >>> label = Draft([Unit("heading", "欢度藏历新年")], dateline="本报讯")
    >>> heads = [Unit("heading", "年货大集人气旺 藏历新年年味浓"), Unit("heading", "唱响新时代 歌声飘雅砻"),
    ...          Unit("subtitle", "——琼结县民歌大赛侧记")]
    >>> headline, following = read_headline(label.heads), read_headline(heads)
    >>> headline_over_next(label, headline, heads, following), headline.title, following.kicker
    (True, '年货大集人气旺 藏历新年年味浓', None)
    """
    if not (draft.dateline and len(draft.heads) == 1 and following.title):
        return False
    line = draft.heads[0].text
    phrases = bool(_PHRASES.match(line))
    short = " " not in line and words_width(line) < SHORTEST_HEADLINE
    if not (column_alone(headline) or short or phrases):
        return False
    title = following.title.replace(" ", "")
    own_kicker = following.kicker if following.kicker and is_org(following.kicker) else None
    lead: list[str] = []
    for unit in heads:
        head = unit.text.partition("——")[0]  # `凝心聚力开新局 ——…`: its subtitle on its line
        if unit.kind != "heading" or head.replace(" ", "") in title or unit.text == own_kicker:
            break
        lead.append(unit.text)
    found = _headline_of(lead) if lead else None
    if found is None or COLUMN.match(lead[0]) or (phrases and following.kicker in lead):
        return False
    headline.kicker = line if phrases else None
    headline.title, headline.from_slogan = found.title, False
    if following.kicker in lead:
        following.kicker = None
    del heads[: len(lead)]
    return True


def dated_story_within(draft: Draft, following: Headline) -> tuple[Draft, Headline] | None:
    """The story a dateline opens inside an article's body with no heading line over it, cut
    out with its headline when the layout printed that after the story's body, over the next
    article's (`…` / `本报讯（记者 央金卓玛）…` / … / `类乌齐县：防震演练进校园 安全意识入童心` /
    `未雨绸缪备物资 ——…`), or a whole headline of its own (`尼玛县冬季“暖心送炭”行动温暖牧民心` /
    `昌都市部署冬春季森林草原防灭火工作` / `本报昌都讯…`). A story so opened under another's
    paragraph has no headline over it, and the genre prints one after its body instead: at
    the page's end or over a column's label (see `dated_story_headed_after`) or over the next
    article's headline. On the seeds and development pages the next article's headline is
    read with a kicker after 2 such stories, each that story's headline in the gold (and a
    place and a colon open a headline, never a kicker: see `report_column_over`); a kicker
    naming an organisation is left its article's. The story takes the paragraphs from the
    last such dateline on."""
    if following.kicker is None or is_org(following.kicker) or COLUMN.match(following.kicker):
        return None
    story = _cut_dated_story(draft, len(draft.paragraphs), carry_runs=True)
    if story is None:
        return None
    headline = Headline(title=following.kicker, kicker=None, subtitle=None)
    following.kicker = None
    return story, headline


def _cut_dated_story(draft: Draft, stop: int, *, carry_runs: bool = False) -> Draft | None:
    """The story the last dateline before paragraph `stop` opens inside the draft's body with
    no heading line over it, cut out of the draft with its paragraphs up to `stop`. Heading
    lines within it stop the cut, or, with `carry_runs`, go with the story."""
    ends = {at + len(lines) for at, lines in draft.head_runs}
    begin = max(
        (k for k in range(1, stop) if DATELINE.match(draft.paragraphs[k]) and k not in ends),
        default=None,
    )
    if begin is None or (not carry_runs and any(begin < at < stop for at, _ in draft.head_runs)):
        return None
    m = DATELINE.match(draft.paragraphs[begin])
    assert m is not None
    story = Draft(dateline=m["dateline"].strip())
    story.paragraphs = [
        draft.paragraphs[begin][m.end() :].lstrip(" :："),
        *draft.paragraphs[begin + 1 : stop],
    ]
    if carry_runs:
        story.head_runs = [(at - begin, lines) for at, lines in draft.head_runs if at >= begin]
    draft.head_runs = [(at, lines) for at, lines in draft.head_runs if at < begin]
    del draft.paragraphs[begin:stop]
    return story


def dated_story_headed_after(draft: Draft, following: Draft | None) -> Draft | None:
    """The story a dateline opens inside an article's body with no heading line over it, cut
    out with its headline printed right after its last paragraph: the last lines of the page
    (`拉萨融媒讯（记者 …）…` / … / `尼木县“健康义诊进乡村”送医到家门口`), or the lines over a
    column's label that opens the next article (`本报阿里讯（记者 …）…` / … /
    `阿里第三届“冰雪阿里”冬季旅游季启动` / `民生焦点` / `让牧区群众少跑路` / `阿里地区…`).
    On the seeds and development pages this reads 3 stories, each headed so in the gold, and
    changes no other article."""
    if draft.head_runs:
        at, lines = draft.head_runs[-1]
        ends = at + len(lines) == len(draft.paragraphs)
        if ends and _headline_of(lines) is not None and (story := _cut_dated_story(draft, at)):
            del draft.paragraphs[-len(lines) :]
            story.heads = [Unit("heading", s) for s in lines]
            return story
    if following is None:
        return None
    heads = following.heads
    column = next(
        (
            c
            for c, u in enumerate(heads)
            if c > 0 and u.kind == "heading" and COLUMN.match(u.text) and not is_org(u.text)
        ),
        None,
    )
    if column is None or column + 1 >= len(heads):
        return None
    lines = [u.text for u in heads[:column]]
    if any(u.kind != "heading" for u in heads[:column]) or _headline_of(lines) is None:
        return None
    story = _cut_dated_story(draft, len(draft.paragraphs))
    if story is None:
        return None
    story.heads = heads[:column]
    del heads[:column]
    return story


def dated_story_headed_under(draft: Draft) -> Draft | None:
    """The story a dateline opens inside an article's body whose headline OCR printed right
    under its first paragraph, over the rest of its body (`拉萨融媒讯（记者 …）眼下正值…` /
    `林周县：冬春农田水利建设正当时` / `在卡孜乡的一处干渠改造工地上，…`): a dated paragraph
    inside a body has no headline over it. Of the 4 single heading lines right under a dated
    paragraph inside a body on the seeds and development pages, the 2 opening on a name and
    its colon (`NAMED_HEADLINE`) and the one opening on the county its paragraph names
    (`江孜县开展“清河净滩”专项整治` / `本报日喀则讯（…）近日,江孜县启动…`) are such a story's
    headline in the gold; the fourth, neither, heads a comment of its own under a column of
    briefs, and is left. The story runs from the dateline to the next heading lines or the
    body's end.

    >>> draft = Draft(paragraphs=["…", "拉萨融媒讯（记者 李文杰）眼下，林周县…", "林周县：水利建设正当时", "在卡孜乡…"],
    ...               head_runs=[(2, ["林周县：水利建设正当时"])])
    >>> story = dated_story_headed_under(draft)
    >>> story.heads[0].text, story.dateline, story.paragraphs, draft.paragraphs
    ('林周县：水利建设正当时', '拉萨融媒讯（记者 李文杰）', ['眼下，林周县…', '在卡孜乡…'], ['…'])
    """
    for n, (at, lines) in enumerate(draft.head_runs):
        if at < 2 or len(lines) != 1 or _headline_of(lines) is None:
            continue
        m = DATELINE.match(draft.paragraphs[at - 1])
        if m is None:
            continue
        if not (NAMED_HEADLINE.match(lines[0]) or _opens_on_place_in(lines[0], m.string)):
            continue
        begin, end = at - 1, next((a for a, _ in draft.head_runs[n + 1 :]), len(draft.paragraphs))
        story = Draft(heads=[Unit("heading", lines[0])], dateline=m["dateline"].strip())
        story.paragraphs = [
            draft.paragraphs[begin][m.end() :].lstrip(" :："),
            *draft.paragraphs[at + 1 : end],
        ]
        draft.cut(begin, end)
        return story
    return None


def _opens_on_place_in(headline: str, paragraph: str) -> bool:
    """Does a headline open on a place's name (`body_heads.opening_place`) that the
    paragraph names?

    >>> _opens_on_place_in("江孜县开展“清河净滩”专项整治", "本报日喀则讯（…）近日,江孜县启动…")
    True
    >>> _opens_on_place_in("让小庭院成为增收的“聚宝盆”", "（昂仁县融媒体中心）7月以来，昂仁县…")
    False
    >>> _opens_on_place_in("牧区小学开学", "本报讯（…）近日,牧区小学…")
    False
    """
    place = opening_place(headline)
    return place is not None and place in paragraph
