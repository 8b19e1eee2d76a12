"""A column's block opening an article, its kicker printed under its headline.

A brief under a column's label sets its headline first and the organisation it tells of
under it, then the banner of the feature printed next (`健康快讯` / `组织家庭医生团队入户巡诊` /
`萨迦县卫健委` / `高质量发展在日喀则`). Inside a body `displaced.kicker_first` reads such a
block; where the block opens an article (`segment.py` asks it of every article's heads,
whatever precedes them), its heads are put in the order a kicker stands over its headline
the same way.
"""

from __future__ import annotations

from extractor.displaced import kicker_first
from extractor.heading_words import COLUMN, is_org
from extractor.page_lines import Unit


def kicker_under_headline(heads: list[Unit]) -> list[Unit]:
    """The heads of an article opened by a column's label over a headline and the
    organisation under it (and at most one line more, the next feature's banner), in the
    order a kicker stands over its headline; other heads as they are. Of the articles of the
    seeds and development pages opened by a label over two or three more heading lines alone,
    the one with the organisation third has it as kicker and the line above as title in the
    gold; the 40 with the organisation second are read so already.

    >>> heads = [Unit("heading", s) for s in ("健康快讯", "组织家庭医生团队入户巡诊", "萨迦县卫健委", "高质量发展在日喀则")]
    >>> [u.text for u in kicker_under_headline(heads)]
    ['健康快讯', '萨迦县卫健委', '组织家庭医生团队入户巡诊']
    """
    lines = [u.text for u in heads]
    if not 3 <= len(heads) <= 4 or any(u.kind != "heading" for u in heads):
        return heads
    if not COLUMN.match(lines[0]) or COLUMN.match(lines[1]):
        return heads
    if is_org(lines[1]) or not is_org(lines[2]):
        return heads
    return [Unit("heading", s) for s in kicker_first(lines)]
