"""Couplets among a page's heading lines: two lines of one length, the lower printed right
under the upper, that could be one headline (`桃花深处游人醉` / `文旅融合富万家`). `page_lines.py`
asks here whether such a pair is its article's headline in two halves or the paper's slogan
printed with a headline (`奋进新征程` / `建功新时代`), left in two lines:

>>> from extractor.page_lines import Unit
>>> lines = [Unit("heading", "日喀则市职业技术学校:“订单班”育出高原“金蓝领”"),
...          Unit("heading", "奋进新征程"), Unit("heading", "建功新时代", True),
...          Unit("body", "本报讯(记者德吉央宗)近年来,…", True)]
>>> slogan_under_headline(lines, 2)
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractor.heading_runs import opens_article
from extractor.heading_words import (
    COLUMN,
    NAMED_HEADLINE,
    SLOGAN,
    is_org,
    one_headline,
    words_width,
)

if TYPE_CHECKING:
    from extractor.page_lines import Unit

# A half of a paper's slogan: five characters, or two phrases of three (`重实践 建新功`).
_SLOGAN_HALF = re.compile(r"^(?:[\u4e00-\u9fff]{5}|[\u4e00-\u9fff]{3} [\u4e00-\u9fff]{3})$")


def couplet(lines: list[Unit], k: int) -> bool:
    """Are lines[k - 1] and lines[k] a couplet: two heading lines of one length, the lower
    printed right under the upper, that could be one headline (`桃花深处游人醉` /
    `文旅融合富万家`, `奋进新征程` / `建功新时代`)?"""
    if not 0 < k < len(lines):
        return False
    upper, lower = lines[k - 1], lines[k]
    return (
        upper.kind == lower.kind == "heading"
        and lower.tight
        and words_width(upper.text) == words_width(lower.text)
        and one_headline(upper.text, lower.text, over_article=True)
    )


def couplet_under(lines: list[Unit], k: int) -> bool:
    """Is the couplet ending at lines[k] printed over another couplet, apart, that stands
    right over its article (`桃花深处游人醉` / `文旅融合富万家` / `奋进新征程` / `建功新时代` /
    dateline)? Then the upper couplet is the headline and the lower the paper's slogan,
    printed under its headline as it is under a headline and its byline (three times on the
    development pages, `奋进新征程` / `建功新时代` over the body). A couplet of a slogan's
    halves (`slogan_halves`) is the slogan printed tight under it too (`当雄县未雨绸缪织密防灾网` /
    `冬春雪灾防御工作全面就绪` / `奋进新征程` / `建功新时代` / dateline): the two runs of two
    couplets of the seeds and development pages, one so, have the upper as their title."""
    return (
        couplet(lines, k)
        and k + 2 < len(lines)
        and (not lines[k + 1].tight or slogan_halves(lines[k + 1].text, lines[k + 2].text))
        and couplet(lines, k + 2)
        and opens_article(lines, k + 3)
    )


def slogan_under_headline(lines: list[Unit], k: int) -> bool:
    """Is the couplet ending at lines[k], right over its article, printed under a headline
    and its organisation's kicker, apart (`拉萨市市场监管局` / `“护苗行动”筑牢校园食品安全防线` /
    `守护舌尖安全` / `护航幸福生活` / dateline)? A kicker stands right over its headline, so the
    line between is the headline and the couplet the paper's slogan, left in two lines (see
    `headline.couplet_halves`). Of the 10 couplets right over their article on the seeds and
    development pages, this is the one so printed; the others have at most one line over
    them but a paper's masthead or slogan, and are their article's title. So is a couplet
    printed apart under a headline opened by a name and its colon, which no kicker is
    (`日喀则市职业技术学校:“订单班”育出高原“金蓝领”` / `奋进新征程` / `建功新时代` / dateline):
    the 10 pairs so printed over their article are all the paper's slogan in the gold.
    A couplet of slogan's halves (`slogan_halves`) under any headline is the slogan, tight
    or apart (`当雄县未雨绸缪织密防灾网` / `冬春雪灾防御工作全面就绪` / `奋进新征程` / `建功新时代` /
    dateline): the 16 so printed over their article on the seeds and development pages are;
    under an organisation's name, its kicker, the one so printed is the title. So it is
    under the paper's slogan in spaced phrases, which is no headline (`学思想 强党性` /
    `重实践 建新功` / `矫正有温度` / `帮扶见实效` / `——堆龙德庆区…`): the 5 couplets so printed
    right over their article on the seeds and development pages are all their title."""
    if not (couplet(lines, k) and opens_article(lines, k + 1)):
        return False
    above = [u for u in lines[: k - 1] if u.kind != "gap"][-2:]
    if not above or above[-1].kind != "heading" or SLOGAN.match(above[-1].text):
        return False
    if slogan_halves(lines[k - 1].text, lines[k].text) and not (
        is_org(above[-1].text) or COLUMN.match(above[-1].text)
    ):
        return True
    if lines[k - 1].tight:
        return False
    return bool(NAMED_HEADLINE.match(above[-1].text)) or (
        len(above) == 2
        and above[0].kind == "heading"
        and not above[1].tight
        and is_org(above[0].text)
        and not is_org(above[1].text)
    )


def slogan_halves(upper: str, lower: str) -> bool:
    """Are two lines halves as the papers' slogans set them: five characters each, or two
    phrases of three set apart (`奋进新征程` / `建功新时代`, `学思想 强党性` / `重实践 建新功`)?

    >>> slogan_halves("学思想 强党性", "重实践 建新功"), slogan_halves("桃花深处游人醉", "文旅融合富万家")
    (True, False)
    """
    halves = _SLOGAN_HALF.match(upper) and _SLOGAN_HALF.match(lower)
    return bool(halves) and len(upper) == len(lower)


def opens_couplet(lines: list[Unit], k: int) -> bool:
    """Is lines[k] the upper half of a headline in two halves of one length, printed
    right over its article (`凝心聚力谱新篇` / `奋楫笃行开新局` / `本报那曲讯…`)? Then a line
    right above it is its kicker (`那曲市二届人大六次会议隆重开幕`, `汶川特大地震十八周年`),
    not the first half of one headline however long: the layout sets the halves of a
    couplet alike, and a headline it broke fills its upper line."""
    return couplet(lines, k + 1) and opens_article(lines, k + 2)


# A paper's slogan on one line: three or more phrases of 2–4 characters set apart
# (`抓落实 促发展 惠民生`, `学思想 强党性 重实践 建新功`).
_SLOGAN_OF_PHRASES = re.compile(r"^[\u4e00-\u9fff]{2,4}(?: [\u4e00-\u9fff]{2,4}){2,}$")


def slogan_line(line: str) -> bool:
    """Is a heading line a paper's slogan in three or more short phrases, no title wherever
    printed? Of the 31 heading lines so set on the seeds and development pages, none is a
    title in the gold and 2 are a kicker over a headline (`防大汛 抗大旱 抢大险`); the 7 alone
    over a dateline all have a headline printed elsewhere (`抓落实 促发展 惠民生` / `本报萨迦讯…`).
    Two phrases may be one (`改进作风 狠抓落实` heads its story alone, but 7 lines of two short
    phrases are titles there).

    >>> slogan_line("抓落实 促发展 惠民生"), slogan_line("改进作风 狠抓落实")
    (True, False)
    """
    return bool(_SLOGAN_OF_PHRASES.match(line))
