"""Runs of three heading lines the page reader takes as a whole before it reads pairs.

A kicker naming an organisation or a place, printed apart over a headline the layout set in two
short lines apart (`江达县岗托镇` / `“石榴籽”志愿服务队` / `上门服务暖民心` / dateline): the two lower
lines are one headline, as they are when no kicker stands over them. `page_lines.py` joins them
first and reads the kicker and the joined headline as a pair:

>>> halves_under_kicker("米林市消防救援大队", "开展林区火灾隐患", "专项整治")
True
>>> halves_under_kicker("那曲市消防救援支队", "开展“冬春火灾防控”进牧区宣传活动", "民生焦点")
False
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from extractor.heading_marks import ATTENDED
from extractor.heading_words import COLUMN, PLACE_ALONE, is_org, rest_of_headline, words_width
from extractor.line_forms import DATELINE


class _Line(Protocol):
    """A line of the page as `page_lines.Unit` reads it."""

    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def tight(self) -> bool: ...
    @property
    def broken(self) -> bool: ...


L = TypeVar("L", bound=_Line)

# The widest half of a headline set in two short lines under its kicker (`“组团式”医疗援藏让群众` /
# `在家门口看上好病`, 10 and 8); a whole headline over a column's label under a kicker is wider
# (12 characters of words and more, `开展根治欠薪冬季专项行动` / `民生焦点`).
_HALF_WIDTH = 10


def halves_under_kicker(kicker: str, upper: str, lower: str) -> bool:
    """Are three heading lines printed apart over their article a kicker naming an organisation
    or a place (`山南市妇联`) over one headline in two short lines (`巧手织出幸福路` /
    `“巾帼工坊”促增收`)? Of the 17 runs of three heading lines apart over their article on the
    seeds and development pages whose upper line names an organisation or a place, the 14 whose
    lower lines are both at most `_HALF_WIDTH` wide are a kicker over one title in the gold; the
    3 with a wider middle are a kicker over a headline and a column's label (`民生焦点`). Neither
    line spaced in parts, nor a label."""
    return (
        is_org(kicker)
        and " " not in upper + lower
        and not COLUMN.match(upper)
        and max(words_width(upper), words_width(lower)) <= _HALF_WIDTH
    )


def joined_halves(upper: str, lower: str) -> str:
    """Two halves of one width keep the space the gold writes between parallel phrases
    (`巧手织出幸福路 “巾帼工坊”促增收`); a headline broken unevenly runs on (`开展林区火灾隐患专项整治`).

    >>> joined_halves("扎根雪域写忠诚", "真情帮扶暖民心"), joined_halves("开展林区火灾隐患", "专项整治")
    ('扎根雪域写忠诚 真情帮扶暖民心', '开展林区火灾隐患专项整治')
    """
    if words_width(upper) == words_width(lower):
        return f"{upper} {lower}"
    return upper + lower


def join_heading_runs(lines: list[L]) -> list[L]:
    """The page's lines with the runs of heading lines read as a whole made one line first:
    who attended under a meeting's headline (`join_attendance`), halves under a kicker and a
    headline's short rest (`join_halves_under_kickers`, `join_short_rests`).

    >>> [u.text for u in join_heading_runs([_Run("heading", "全市草原防火工作推进会召开", False),
    ...     _Run("heading", "格桑次仁出席", True), _Run("body", "本报讯（记者 扎西）近日，…", False)])]
    ['全市草原防火工作推进会召开 格桑次仁出席', '本报讯（记者 扎西）近日，…']
    """
    return join_short_rests(
        join_tight_halves_under_kickers(join_halves_under_kickers(join_attendance(lines)))
    )


def join_attendance(lines: list[L]) -> list[L]:
    """The page's lines with who attended a meeting, on the heading line under its headline
    (`…推进会召开` / `格桑次仁 李卫东出席`, apart or not), made one line with it, a space between
    as the gold writes it and the seeds print it (`…推进会 占堆次仁顿珠匡晖出席`). The seeds and
    development pages print 3 such pairs, all one title in the gold.

    >>> [u.text for u in join_attendance([_Run("heading", "全市草原防火工作推进会召开", False),
    ...     _Run("heading", "格桑次仁 李卫东出席", True), _Run("body", "本报讯…", False)])]
    ['全市草原防火工作推进会召开 格桑次仁 李卫东出席', '本报讯…']
    """
    out: list[L] = []
    for line in lines:
        upper = out[-1] if out else None
        if (
            upper is not None
            and upper.kind == line.kind == "heading"
            and ATTENDED.match(line.text)
            and not COLUMN.match(upper.text)
            and not ATTENDED.match(upper.text)
        ):
            out[-1] = dataclasses.replace(upper, text=f"{upper.text} {line.text}")  # type: ignore[type-var]
        else:
            out.append(line)
    return out


def join_halves_under_kickers(lines: list[L]) -> list[L]:
    """The page's lines with each headline in two short lines under its kicker made one line
    (see `halves_under_kicker`): a run of exactly three heading lines, each printed apart,
    right over its article's dateline, byline or subtitle (a photographer's credit between)."""
    return _join_runs_of_three(lines, _halves_under_kicker)


def _halves_under_kicker(run: list[L]) -> L | None:
    """The run's two lower lines made one headline, when they are halves under a kicker."""
    if any(u.tight for u in run[1:]) or not halves_under_kicker(*(u.text for u in run)):
        return None
    upper, lower = run[1], run[2]
    return dataclasses.replace(upper, text=joined_halves(upper.text, lower.text))  # type: ignore[type-var]


def join_tight_halves_under_kickers(lines: list[L]) -> list[L]:
    """The page's lines with a headline in two short halves of one width, the lower printed
    right under the upper, made one line under the kicker over them (see `halves_under_kicker`),
    the last three heading lines of their run right over the article, whatever stands above the
    kicker (`法治之窗` / `拉孜县人民法院` / `“法官进村”解纠纷` / `“调解到家”暖民心` / dateline). Of the
    21 runs of the seeds and development pages ending in a kicker over two such halves at most
    `_HALF_WIDTH` wide, the lower tight, all are a kicker over one title in the gold; of the 13
    of one width, the one whose halves both open on words in marks was kept apart by the pair's
    reading (see `heading_words.one_headline`), the others joined already.

    >>> [u.text for u in join_tight_halves_under_kickers([_Run("heading", "法治之窗", False),
    ...     _Run("heading", "拉孜县人民法院", True), _Run("heading", "“法官进村”解纠纷", True),
    ...     _Run("heading", "“调解到家”暖民心", True), _Run("body", "本报日喀则电(记者 …)…", False)])]
    ['法治之窗', '拉孜县人民法院', '“法官进村”解纠纷 “调解到家”暖民心', '本报日喀则电(记者 …)…']
    """
    out = list(lines)
    k = 0
    while k + 2 < len(out):
        kicker, upper, lower = out[k : k + 3]
        if (
            kicker.kind == upper.kind == lower.kind == "heading"
            and lower.tight
            and words_width(upper.text) == words_width(lower.text)
            and opens_article(out, k + 3)
            and halves_under_kicker(kicker.text, upper.text, lower.text)
        ):
            joined = joined_halves(upper.text, lower.text)
            out[k + 1 : k + 3] = [dataclasses.replace(upper, text=joined)]  # type: ignore[type-var]
        k += 1
    return out


def join_short_rests(lines: list[L]) -> list[L]:
    """The page's lines with a headline's short rest, printed right under its upper half in a
    run of three heading lines each right under the one before, right over its article, made
    one line with it (`江孜县“科技兴粮”行动` / `托起高原粮仓` / `丰收梦`, `民族团结进步创建在基层` /
    `民族团结之花开满` / `格桑村`): the pair below is then read with the line over it as any
    pair is. The rest is of a column's label's length (see `heading_words.rest_of_headline`)
    under a half at most `_HALF_WIDTH` wide: of the runs of three heading lines over their
    article on the seeds and development pages whose lowest line is such a rest of the middle,
    the 3 so short are one title's end in the gold (2 printed tight, one apart under its kicker,
    `开展林区火灾隐患` / `专项整治`); the 11 labels under a wider line are a column's (`民生焦点`).

    >>> [u.text for u in join_short_rests([_Run("heading", "江孜县“科技兴粮”行动", False),
    ...     _Run("heading", "托起高原粮仓", True), _Run("heading", "丰收梦", True),
    ...     _Run("body", "本报讯（记者 次旦卓玛）…", False)])]
    ['江孜县“科技兴粮”行动', '托起高原粮仓丰收梦', '本报讯（记者 次旦卓玛）…']
    """
    return _join_runs_of_three(lines, _short_rest)


# What befell an event, alone on a line (`落下帷幕`, `正式开幕`): no column's label, the rest of
# the event's name above it however wide (`拉萨市第三届职业技能大赛` / `落下帷幕`). Of the 10
# heading lines of the seeds and development pages of 7 characters or fewer ending on such a
# predicate under a line, 9 end the title above them in the gold, none a title or label alone.
_EVENT_PREDICATE = re.compile(
    r"^(?:正式|圆满|隆重|顺利|全面)?(?:落下帷幕|开幕|闭幕|落幕|启动|举行|举办|结束|开赛|收官)$"
)


def _short_rest(run: list[L]) -> L | None:
    """The run's middle line with the short rest under it, when it is one."""
    if not (
        run[1].tight
        and run[2].tight
        and (words_width(run[1].text) <= _HALF_WIDTH or _EVENT_PREDICATE.match(run[2].text))
        and rest_of_headline(run[1].text, run[2].text, over_article=True)
    ):
        return None
    headline = run[1].text + run[2].text
    return dataclasses.replace(run[1], text=headline, broken=True)  # type: ignore[type-var]


def _join_runs_of_three(lines: list[L], join: Callable[[list[L]], L | None]) -> list[L]:
    """The page's lines with the two lower lines of each run of exactly three heading lines
    right over its article (the first of its run) made the one line `join` reads them as,
    where it reads them as one."""
    out = list(lines)
    k = 0
    while k + 2 < len(out):
        run = out[k : k + 3]
        if (
            all(u.kind == "heading" for u in run)
            and (k == 0 or out[k - 1].kind != "heading")
            and opens_article(out, k + 3)
        ):
            joined = join(run)
            if joined is not None:
                out[k + 1 : k + 3] = [joined]
        k += 1
    return out


def tops_tight_run(lines: list[L], k: int) -> bool:
    """Is lines[k - 1] the top of a run of three heading lines printed right under a paragraph,
    each right under the one before, right over its article (`…惠及全区中小学、` / `民族团结进步创建在基层` /
    `民族团结之花开满` / `格桑村` / dateline)? Such a top line is no part of the headline under it:
    of the 13 runs so printed on the seeds and development pages, the top line is a column's label,
    a kicker or a slogan in the gold every time, never a title's part (`时讯快递`, `仲巴县人民法院`,
    `铸牢中华民族共同体意识`). The lower two may be one line already, a headline's short rest
    joined to its half (see `join_short_rests`).

    >>> run = [_Run("body", "据悉，…", False), _Run("heading", "民族团结进步创建在基层", True),
    ...     _Run("heading", "民族团结之花开满格桑村", True, True), _Run("body", "本报林芝讯（记者 李晓燕）走进…", False)]
    >>> tops_tight_run(run, 2), tops_tight_run(run[1:], 1)
    (True, False)
    """
    if k < 2 or lines[k - 2].kind != "body":
        return False
    run = [lines[k - 1], lines[k]]
    if not lines[k].broken and k + 1 < len(lines):
        run.append(lines[k + 1])
    end = k - 1 + len(run)
    return (
        (len(run) == 3 or lines[k].broken)
        and all(u.kind == "heading" and u.tight for u in run)
        and (end == len(lines) or lines[end].kind != "heading")
        and opens_article(lines, end)
    )


def between_paragraphs(lines: list[L], k: int) -> bool:
    """Are lines[k - 1] and lines[k] the whole heading run between two paragraphs, printed
    right under the one and right over the other (`…村民索朗旺堆说。` / `童心描绘石榴红` /
    `丹青礼赞团结情` / `近日，…`), as OCR often sets a page? Halves of one length there stand
    where a headline does over its dateline: of the 12 pairs of one length printed under a
    paragraph or a credit on the seeds and development pages, the 7 with a paragraph under
    them are one title in the gold (2 of them tight both ways), where the couplets of the
    paper's slogans stand under a byline or a headline, or apart (`守护绿水青山` /
    `筑牢生态屏障`: a section's)."""
    return (
        k >= 2
        and lines[k - 2].kind == "body"
        and lines[k - 1].tight
        and k + 1 < len(lines)
        and lines[k + 1].kind == "body"
        and lines[k + 1].tight
    )


def place_over_halves(lines: list[L], k: int) -> bool:
    """Are lines[k - 2], lines[k - 1] and lines[k] a place and its colon alone on a line,
    printed right over a headline in two halves of one length right over its article
    (`尼木县吞巴乡：` / `藏香古法焕新彩` / `一缕清香富万家` / `拉萨融媒讯…`)? Printed tight, the
    place opens the headline, and the halves keep the space between them: the 3 such runs of
    the seeds and development pages are one title in the gold (`尼木县吞巴乡：藏香古法焕新彩
    一缕清香富万家`); the one printed apart (`巴宜区：` / `护好千里林海` / `守牢防火关口`) has
    the place as its kicker.

    >>> lines = [_Run("heading", "尼木县吞巴乡：", False), _Run("heading", "藏香古法焕新彩", True),
    ...     _Run("heading", "一缕清香富万家", True), _Run("body", "拉萨融媒讯（记者 扎西）近日，…", False)]
    >>> place_over_halves(lines, 2), place_over_halves(lines, 1)
    (True, False)
    """
    place, upper, lower = lines[k - 2 : k + 1] if k >= 2 else (None, None, None)
    return (
        place is not None
        and upper is not None
        and lower is not None
        and place.kind == upper.kind == lower.kind == "heading"
        and upper.tight
        and lower.tight
        and bool(PLACE_ALONE.match(place.text))
        and " " not in upper.text + lower.text
        and words_width(upper.text) == words_width(lower.text)
        and opens_article(lines, k + 1)
    )


@dataclasses.dataclass
class _Run:
    """A line as the examples above give it."""

    kind: str
    text: str
    tight: bool
    broken: bool = False


def opens_article(lines: list[L], k: int, *, past_heads: bool = False) -> bool:
    """Does lines[k], past gaps and credits (and, past_heads, further heading lines), open
    an article: a byline, a subtitle or a dateline? A photographer's credit printed right
    under a headline stands where its byline would (`牧歌声声唱党恩` / `宣讲句句暖人心` /
    `本报记者 央金 拉巴次仁 摄` / `本报讯 …`): the look goes past it."""
    passed = ("gap", "heading", "credit") if past_heads else ("gap", "credit")
    for unit in lines[k:]:
        if unit.kind in passed:
            continue
        return unit.kind in ("byline", "subtitle") or (
            unit.kind == "body" and bool(DATELINE.match(unit.text))
        )
    return False
