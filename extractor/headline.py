"""Title, kicker and subtitle from the heading lines that open an article.

`segment.py` cuts a page into articles; the heading lines over each are read here:

>>> from extractor.page_lines import Unit
>>> read_headline([Unit("heading", "拉萨市民政局"), Unit("heading", "举办社会工作者培训班")])
Headline(title='举办社会工作者培训班', kicker='拉萨市民政局', subtitle=None, from_slogan=False)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.couplets import slogan_halves
from extractor.heading_marks import SIGNED_DATE
from extractor.heading_words import (
    COLUMN,
    FURNITURE,
    PLACE_ALONE,
    PLACE_HEADLINE,
    REPORT_BANNER,
    SLOGAN,
    is_org,
    words_width,
)
from extractor.line_forms import undashed
from extractor.page_lines import Unit


@dataclass
class Headline:
    title: str
    kicker: str | None
    subtitle: str | None
    from_slogan: bool = False  # nothing but a slogan stood above the article


def read_headline(heads: list[Unit]) -> Headline:
    """Title, kicker and subtitle from the heading lines that opened an article.

    The kicker stands above the headline, so of two headline lines the lower is
    the title, whichever is longer (`运动场上展风采 青春活力竞飞扬` / `第六届……运动会开幕`).
    """
    lines: list[str] = []
    subtitle: str | None = None
    above_subtitle: str | None = None
    for unit in heads:
        if unit.kind == "subtitle":
            subtitle = undashed(unit.text)
            above_subtitle = lines[-1] if lines and above_subtitle is None else above_subtitle
        elif unit.kind == "heading":
            head, dash, tail = unit.text.partition("——")
            if dash and head.strip() and tail.strip():
                lines.append(head.strip())
                subtitle = tail.strip()
            else:
                lines.append(unit.text)
    # The page's furniture, and a date alone (a notice's signing: `2024年9月15日`), head nothing.
    lines = [s for s in lines if not (FURNITURE.search(s) or SIGNED_DATE.match(s))]
    content = [s for s in lines if is_org(s) or not (SLOGAN.match(s) or COLUMN.match(s))]
    # A column's banner is no headline where one is printed with it, over it or under it
    # (`小网店连起大市场` / `达孜区“电商兴村”工程让…` / `乡村振兴进行时`).
    content = [s for s in content if not REPORT_BANNER.match(s)] or content
    if not content:
        slogans = [s for s in lines if SLOGAN.match(s)]
        # Two lines of phrases of three are the paper's slogan, never a title, wherever printed
        # (`学思想 强党性` / `重实践 建新功` over a photo's story): so all 41 on the seeds and
        # development pages, over a headline, under it, or heading a story alone.
        spaced = len(slogans) >= 2 and " " in slogans[-1] and slogan_halves(*slogans[-2:])
        title = slogans[-1] if slogans and not spaced else ""
        return Headline(title, None, subtitle, bool(slogans))
    # A headline the layout broke over two lines names no organisation, whatever it ends on
    # (`民族团结之花开满` / `格桑村`): an organisation's name is printed on one line.
    broken = {u.text for u in heads if u.broken}
    titles = [s for s in content if s in broken or not is_org(s)] or content
    # A couplet left in two lines is the paper's slogan, when a headline is printed with it
    # (`桃花深处游人醉 文旅融合富万家` / `奋进新征程` / `建功新时代`).
    pairs = list(_couplet_pairs(heads))
    halves = _halves(pairs)
    titles = [s for s in titles if s not in halves] or titles
    # A subtitle follows its headline: `金融活水润泽林芝农牧区` / `——全市…`, however
    # much the headline reads like a place (农牧区) and the lines above it like a kicker.
    title = above_subtitle if above_subtitle in content[-1:] else titles[-1]
    placed = [s for s in titles[:-1] if PLACE_HEADLINE.match(s)]
    if subtitle is None and placed and not PLACE_HEADLINE.match(title):
        # `墨竹工卡县：文旅招商激活甲玛沟` / `引进社会资本3.6亿元 带动…`: a place and a colon
        # open a headline; the line under it is its subtitle, printed without a dash.
        subtitle, title = title, placed[-1]
    couplet = _couplet_lines(pairs, (title, subtitle))
    others = [s for s in content if s not in (title, subtitle) and s not in couplet]
    kicker = next((s for s in others if is_org(s)), others[-1] if others else None)
    if kicker and PLACE_ALONE.match(kicker):
        kicker = kicker[:-1]  # `八宿县然乌镇:` over its headline: the kicker is the place
    return Headline(title, kicker, subtitle)


def couplet_halves(heads: list[Unit]) -> set[str]:
    """The halves of the couplets of one length among the heads, each still a line of its
    own (`奋进新征程` / `建功新时代`): of the couplets `page_lines.py` leaves in two lines on
    the seeds and development pages, none is a title in the gold."""
    return _halves(list(_couplet_pairs(heads)))


def _halves(pairs: list[tuple[Unit, Unit]]) -> set[str]:
    """The lines of the couplets among `pairs` (`_couplet_pairs`) whose halves are of one
    length."""
    return {
        line.text
        for upper, lower in pairs
        if words_width(upper.text) == words_width(lower.text)
        for line in (upper, lower)
    }


def _couplet_lines(pairs: list[tuple[Unit, Unit]], headline: tuple[str, str | None]) -> set[str]:
    """The lines of the couplets among `pairs` (`_couplet_pairs` of the heads) that are not
    the headline (`守护非遗根脉` / `激活手艺经济` over `拉萨市…取得新成效`): the paper's
    slogans, no kicker."""
    return {
        line.text
        for upper, lower in pairs
        if not {upper.text, lower.text} & set(headline)
        for line in (upper, lower)
    }


def _couplet_pairs(heads: list[Unit]) -> Iterator[tuple[Unit, Unit]]:
    """Two heading lines printed one right under the other, neither an organisation nor
    opened by a place and a colon: a couplet, when nothing else tells it a headline."""
    for upper, lower in itertools.pairwise(heads):
        if (
            upper.kind == lower.kind == "heading"
            and lower.tight
            and not any(is_org(u.text) or any(c in u.text for c in ":：") for u in (upper, lower))
        ):
            yield upper, lower
