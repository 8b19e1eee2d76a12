"""A kicker over a pair of heading lines: the pair is one headline, not a second kicker.

An article has one kicker. Where one stands apart over two more heading lines right over the
article, the narrower upper line of the pair is the headline's first phrase, however it would
read as a kicker alone (`从“卖原果”到“卖产品”` / `小核桃撬动大产业` / `朗县洞嘎镇…正式投产`). Of the
runs of three heading lines over their article on the seeds and development pages whose top line
is the kicker in the gold, none has the middle line as a kicker too; the pair is one title each
time, and so it is under every organisation's name over such a pair (`国网山南供电公司` /
`冬季检修保供电` / `为高原群众温暖过冬筑牢"电力屏障"`). `page_lines.py` joins the pair first:

>>> [u.text for u in join_pairs_under_kickers([_Line("heading", "从“卖原果”到“卖产品”", False),
...     _Line("heading", "小核桃撬动大产业", False), _Line("heading", "朗县核桃加工线正式投产", True),
...     _Line("body", "本报朗县讯（记者 央金）…", False)])]
['从“卖原果”到“卖产品”', '小核桃撬动大产业 朗县核桃加工线正式投产', '本报朗县讯（记者 央金）…']
"""

from __future__ import annotations

import dataclasses

from extractor.heading_runs import L, opens_article
from extractor.heading_runs import _Line as _Heading
from extractor.heading_words import (
    COLUMN,
    FURNITURE,
    REPORT_BANNER,
    SLOGAN,
    is_org,
    words_width,
)

# A kicker leading into its headline is wider than a column's label or a field's name over a
# place (`生态日喀则`, 5: `heading_words.COLUMN` takes labels up to 6 characters wide).
_LABEL_WIDTH = 6
# The widest first phrase of a headline printed apart from its wider rest under an organisation
# (`冬季检修保供电`): the half-width limit of `heading_runs.halves_under_kicker` (`_HALF_WIDTH`, 10),
# which takes two short halves under a kicker the same way.
_FIRST_PHRASE_WIDTH = 10


@dataclasses.dataclass
class _Line:
    """A line as the examples give it."""

    kind: str
    text: str
    tight: bool


def lead_phrase(line: str) -> bool:
    """Is a heading line a kicker leading into its headline: a phrase that is
    neither the page's furniture, a column's label or banner, a slogan, nor spaced in parts or
    in brackets, and wider than a label (`从“卖原果”到“卖产品”`, not `民生焦点`, `生态日喀则`,
    `乡村振兴进行时`, `奋进新征程 建功新时代`)?

    >>> lead_phrase("从“卖原果”到“卖产品”"), lead_phrase("民生焦点"), lead_phrase("（达娃卓玛）")
    (True, False, False)
    """
    return words_width(line) > _LABEL_WIDTH and not (
        FURNITURE.search(line)
        or COLUMN.match(line)
        or SLOGAN.match(line)
        or REPORT_BANNER.match(line)
        or " " in line
        or line.startswith(("（", "("))
    )


def pair_under_kicker(kicker: _Heading, upper: _Heading, lower: _Heading) -> bool:
    """Are three heading lines printed over their article a kicker, apart, over one headline in
    two lines, the upper the narrower? The pair is printed tight under a kicker, an organisation
    or a lead phrase (`lead_phrase`), or apart under an organisation, its first phrase at most
    `_FIRST_PHRASE_WIDTH` wide. On the seeds and development pages, of the runs of three whose top
    line names an organisation or leads in so, their pair's upper line the narrower and no
    organisation or label, all 10 are one title in the gold (8 printed tight under the
    organisation, read so already); the pairs of that print under the page's furniture or in
    brackets are a kicker over its headline (6 of 6: `第3版 综合新闻` / `边境旅游持续升温` /
    `普兰县旅游旺季接待游客18.6万人次`), as they are under some columns' labels (`民生焦点`)."""
    pair = upper.text + lower.text
    if (
        upper.tight
        or is_org(upper.text)
        or COLUMN.match(upper.text)
        or COLUMN.match(lower.text)
        or " " in pair
        or words_width(upper.text) >= words_width(lower.text)
    ):
        return False
    if lower.tight:
        return is_org(kicker.text) or lead_phrase(kicker.text)
    return is_org(kicker.text) and words_width(upper.text) <= _FIRST_PHRASE_WIDTH


def join_pairs_under_kickers(lines: list[L]) -> list[L]:
    """The page's lines with each headline in two lines under a kicker (`pair_under_kicker`) made
    one line, the phrases set apart by a space as the gold writes them: a run of exactly three
    heading lines, the first of its run, right over its article's dateline, byline or subtitle."""
    out = list(lines)
    k = 0
    while k + 2 < len(out):
        if (
            out[k].kind == out[k + 1].kind == out[k + 2].kind == "heading"
            and (k == 0 or out[k - 1].kind != "heading")
            and opens_article(out, k + 3)
            and pair_under_kicker(out[k], out[k + 1], out[k + 2])
        ):
            upper, lower = out[k + 1], out[k + 2]
            joined = f"{upper.text} {lower.text}"
            out[k + 1 : k + 3] = [dataclasses.replace(upper, text=joined)]  # type: ignore[type-var]
        k += 1
    return out
