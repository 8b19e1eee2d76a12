"""Quoted words that describe a thing rather than name an initiative, read over a whole
run of quoted names before any one of them is looked at.

A run is no name where the clause calls something by it (`作为“一把手”工程`,
`是“十四五”交通重点项目`), unless a verb acts on it or the sentence says what an event is
part of (`是尼木县“我为群众办实事”实践活动的一部分`); where a unit sets out to prevent it
(`杜绝“半拉子工程”`); where it is the second of two set against each other (`以“小切口”推动
“大治理”`); and where what follows counts or offers things (`培养“土专家”“田秀才”140名`,
`推出“土林日出”“古格夜话”等冬季摄影线路`); quoted words a clause leaves behind (`告别“靠天吃饭”`).
"""

from __future__ import annotations

import re

from extractor.extract.context import CN

# A kind that a broader one follows at once: `“生命通道”体验疏散演练活动`, `…签约服务模式`,
# `“文化惠民”演出体系`.
_MORE_KIND = re.compile("活动|行动|模式|机制|体系")
# The second of two quoted words a sentence sets against each other is a figure of speech:
# `以“小切口”推动“大治理”`, `以“小网格”撬动“大治理”`.
_SET_AGAINST = re.compile(r"以“[^“”]{1,8}”(?:推动|促进|带动|撬动|实现|助推|服务)$")
# A quoted phrase that describes what something is, not what it is called:
# `把平安建设作为“一把手”工程`, `是昌都市“十四五”交通重点项目`, `把好事办成“民心工程”`; unless a verb
# stands between that acts on the name (`这家合作社是妇联依托“巾帼建功”行动扶持建立的`,
# `也是…推进“四个创建”的攻坚之年`), also as what a unit carries out with its kind after
# (`是吉隆海关…持续推进的“智慧口岸”建设`: the gold requires each of the 3 so printed).
_DESCRIBED = re.compile(
    r"是|作为|成为|列为|称为|当作|当成|誉为|被评为|把[^“”]*(?:办|建|打造|做|变)成"
)
_ACTED_ON = re.compile(
    r"(?:推行|实行|开展|落实|推进|深化|实施|依托|围绕|通过|借助|参与|参加|聚力|聚焦|结合)(?P<of>的)?$"
)
# Quoted words a unit sets out to prevent name an ill, not an initiative:
# `坚决杜绝“拉链马路”和“半拉子工程”`, `避免“一刀切”管理`; so do those a unit is told not to do
# or to do less of: `不搞‘面子工程’`, `少一些大草坪、大广场式的“形象工程”` (of the 12 so printed on
# the seeds and development pages the gold lists none).
_SHUNNED = re.compile(
    r"(?:(?:杜绝|防止|避免|严防|严禁|禁止|遏制|摒弃|克服|反对|消除)(?:出现)?|不搞|少搞|少一些[^“”‘’，。]{0,14})"
    r"(?:[“‘][^“”‘’]*[”’](?:和|与|及|、|或))*$"
)
# Quoted words counted right after name things or people made, not an initiative:
# `培养“土专家”“田秀才”140名`, `建立“关爱档案”860份`, routes (`推出“观鹤赏景”“古寺探幽”三条…线路`).
_COUNTED_AFTER = re.compile(
    r"^(?:\d+(?:\.\d+)?|[两三四五六七八九十百千]+)[余多]?[个名份户人项处家所支套座间本册张条]"
)
# Quoted names listed as things a unit offers or grows: `推出“土林日出”“古格夜话”等冬季摄影线路`,
# `推广“藏青2000”“喜马拉22号”等青稞良种` (crop varieties, none listed on the development pages).
_OFFERED_AFTER = re.compile(
    rf"^等[{CN}]{{0,8}}?(?:线路|路线|产品|品牌|景点|菜品|商品|节目|剧目|作品|套餐|品种|良种)"
    # Or sales offers: `规范开展“满减”“秒杀”等促销`, `推出“住一晚送一晚”…等优惠` (none of the 4 so
    # printed on the development pages listed; `等线上促销活动`, `等优惠政策` name initiatives).
    rf"|^等[{CN}]{{0,8}}?(?:促销|优惠)(?!活动|政策|[{CN}]{{0,2}}活动)"
    # Or places and things counted after what they are: `建立“说事评理室”“乡贤议事会”等议事平台190余个`.
    rf"|^等[{CN}]{{1,8}}?(?:\d+|[两三四五六七八九十百千]+)[余多]?[个处家所间座支]"
)
# Quoted words a clause leaves behind name the old way or the old trouble, not an initiative:
# `改变了过去人工收费“一人一票”的管理模式`, `告别“靠天吃饭”`, `摆脱“单打独斗”` (of the 31 so printed on
# the seeds and development pages the gold lists none); not `过去一年`, a time.
_LEFT_BEHIND = re.compile(
    r"(?:改变|告别|打破|摆脱|取代|替代|过去(?![一两三四五六七八九十几\d]|的一)|以往)[^“”]{0,12}$"
)
# Unless it says what the thing is part of: `此次活动是尼木县“我为群众办实事”实践活动的一部分`.
# A photograph's caption says so too: `这是…“欢乐牧场”巡演活动的第38场演出`, `…的一个场景`; and
# so does what it bore or sums up: `实训基地的建立是“技能援藏”工程的重要成果`, `…的一个缩影` (5 so
# printed on the development pages, each required).
_PART_OF = re.compile(
    r"(?:的一部分|之一|的组成部分|的重要组成部分|的重要内容|的(?:一个|重要)?(?:成果|缩影)|"
    r"的(?:一个|一处)?(?:场景|现场|画面|一幕|瞬间)|的第[\d一二三四五六七八九十百]+场)"
)
# A programme whose own words end in its kind: `“牦牛产业提质增效工程”`. On the seeds and
# development pages the gold requires each of the 9 so quoted with `的` after.
_OWN_KIND = re.compile(r"(?:工程|行动|计划|项目)$")


def _programme_of(text: str, m: re.Match[str]) -> bool:
    """Is a quoted name with its kind after it, or in its own words, followed by `的`: the
    programme the subject of `是` belongs to (`…中学是湖南“县中托管帮扶”项目的受援学校`,
    `…是“健康进万家”巡回义诊活动的第6站`, `也是那曲市“牦牛产业提质增效工程”的重点项目`)?"""
    if _OWN_KIND.search(m["inner"]) and text.startswith("的", m.end("close")):
        return True
    kind = m["kind"] or "建设"  # (`“飞地抱团”建设的…加工中心`: what was built, not a programme)
    return not kind.endswith("建设") and text.startswith("的", kind_end(text, m.end()))


def kind_end(text: str, end: int) -> int:
    """Where a kind ends with the broader one that may follow it (`巡演` + `活动`)."""
    more = _MORE_KIND.match(text, end)
    return more.end() if more else end


def described_run(text: str, run: list[re.Match[str]], before: str, tail: str) -> bool:
    """Does a run of quoted names describe, shun, set against, count or offer rather than
    name (`before`: its clause so far; `tail`: the words after it)?

    >>> import re
    >>> text = "把平安建设作为“一把手”工程"
    >>> run = [re.search("“(?P<inner>一把手)”(?P<kind>工程)", text)]
    >>> described_run(text, run, "把平安建设作为", "")
    True
    """
    described = _DESCRIBED.search(before)
    acted_on = _ACTED_ON.search(before)
    if (
        described
        and not (acted_on and (not acted_on["of"] or run[-1]["kind"]))
        and not _PART_OF.match(text, kind_end(text, run[-1].end()))
        and not (described[0] == "是" and _programme_of(text, run[-1]))
    ):
        return True
    return bool(
        _SHUNNED.search(before)
        or _LEFT_BEHIND.search(before)
        or _SET_AGAINST.search(before)
        or (not run[-1]["kind"] and (_COUNTED_AFTER.match(tail) or _OFFERED_AFTER.match(tail)))
    )
