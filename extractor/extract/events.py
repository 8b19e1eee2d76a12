"""Events by rule: the numbered or cup series, a place's own events and series, and the
festivals a unit holds (`山南市第八届雅砻文化旅游节`, `首届“彩林节”`, `“雪域杯”篮球赛`,
`阿里地区迎新年系列体育活动`, `办好桃花旅游文化节、…等节庆活动`). Part of the
campaign names of `campaigns.py`.
"""

from __future__ import annotations

import re

from extractor.extract.context import (
    BREAK,
    CLAUSE_INSIDE,
    CN,
    ORGANISING,
    clause_before,
    place_lead,
    starting_with,
)
from extractor.extract.mentions import Named
from extractor.extract.ordinals import EDITION, ROUND_NUMBER

# An event of a numbered series: `第八届雅砻文化旅游节`, `第二届“珠峰百姓名嘴”选拔大赛`;
# a `大会` only of a cup, a walk or a workout (`第四届“雪山杯”徒步大会`, `第五届纳木错徒步大会`, not
# `第五届职工代表大会`); a show whose works are judged (`第五届西藏自治区民族手工艺品展评会`);
# a carnival (`首届高原冰雪嘉年华`).
_EVENT_KINDS = (
    "文化节|旅游节|艺术节|节|大赛|比赛|运动会|博览会|交易会|会演|汇演|展演|联赛|锦标赛|邀请赛|马拉松|赛|大会|"
    "赛马会|交流会|展会|展览会|展评会|论坛|峰会|灯会|庙会|文化周|旅游周|艺术周|活动周|(?<![冬春夏秋])季|嘉年华|"
    "比武|对接会|推介会|洽谈会|展销会|夏令营|冬令营|文化月活动|宣传月活动|文化月|宣传月|活动月"
)
# A numbered event may stand before another event in marks, joined by `和` or described as
# its part by `的`: `第五届江孜古城文化旅游周系列活动之一的“英雄城之夜”篝火晚会`, `举办达孜区首届
# 青稞美食大赛和“最美庭院”评选活动` (on the seeds and development pages the gold requires both
# so printed; none is printed otherwise).
_BEFORE_ANOTHER = rf"[{CN}]{{0,8}}?[的和][{CN}]*?“"
_NUMBERED = re.compile(
    rf"(?P<name>{EDITION}[{CN}“”·]{{2,18}}?(?:{_EVENT_KINDS})"
    r"(?![马事区场道季程目点约能跑水])"  # a kind that runs on into a word: `赛马会`, `节目`, `赛跑`
    rf"(?:”|(?=暨)|(?![{CN}]*?[“”])|(?={_BEFORE_ANOTHER})))"  # `首届“彩林节”`; `暨` joins another
)
# The sports `大会` (6 printed, all listed; 0 of 6 else).
_SPORTS_MEETING = re.compile("杯|徒步|健身")
# A numbered event with a name in marks is named up to where it opens or is held, whatever its
# kind: `拉萨市第二届“雪域之巅”全民健身越野跑在达孜区叶巴村开跑`, `第三届民族团结进步“同心集市”在…开市`
# (on the seeds and development pages the gold requires each of the 60 printed so; the `的` of
# `随着…第四届“…”旅游推广活动的启动` is not the name's; `首届“…”活动举办
# 以来` looks back, no event held; one joined by `暨` to another is read by `_NUMBERED`).
_OPENING = "开幕|开跑|开赛|开市|开营|举行|举办|启动|落幕|闭幕"
_NUMBERED_HELD = re.compile(
    rf"(?P<name>{EDITION}(?:(?!暨)[{CN}·]){{0,10}}[“\"][{CN}·、 ]{{2,14}}"
    rf"[”\"](?:(?!暨)[{CN}]){{0,8}}?)(?=的?(?:在[{CN}]{{2,16}}?)?(?:{_OPENING})(?!以来))"
)
# A numbered event's bare kind (`第二届直播节`) after a longer name ending in it points back
# to the event named before (`举办“…”林果产品网络直播节`); `第十届梨花节` names its own.
_ORDINAL = re.compile(rf"^{EDITION}")
# An event a place names as its own, at the head of a clause or after the verb that
# holds it: `拉萨市迎新春青少年篮球联赛在……开赛`, `举办日喀则市2024年全民健身运动会`; or
# after another such event in a list (`聂荣县乡村篮球联赛、嘉黎县锅庄舞大赛`).
_PLACE_EVENT_KINDS = (
    "联赛|锦标赛|邀请赛|运动会|篮球赛|足球赛|马拉松|大赛|文化节|旅游节|艺术节|活动周|宣传周|活动月"
)
_PLACE_EVENT_KIND = re.compile(_PLACE_EVENT_KINDS)
_PLACE_EVENT = re.compile(
    rf"(?P<name>[{CN}]{{2,6}}?(?:市|县|区)(?:\d{{4}}年)?[{CN}]{{2,14}}(?:{_PLACE_EVENT_KINDS}))"
)
_PLACE_EVENT_ENDING = re.compile(_PLACE_EVENT.pattern + "$")  # (searched up to its kind's end)
_EVENT_LEAD = re.compile(
    r"(?:^|举办|举行|承办|参加|开展|迎来|近日|日前|\d+日|为主题的|(?:主办|承办|举办)的"
    rf"|(?:{_PLACE_EVENT_KINDS})、)$"
)
# The year the event is held may open its name: `…联合主办的2025年拉萨市职工职业技能大赛`.
_YEAR_BEFORE = re.compile(r"\d{4}年$")
# A drill or a camp held every year or in rounds is named by its year or its round:
# `米林市举行2026年防汛抗震综合应急演练`, `巴青县第二期青少年足球夏令营` (on the seeds and
# development pages the gold requires each of the four printed so; drills named by no year
# are optional where listed, `冬季火灾防控应急疏散演练`).
_EDITION = re.compile(
    rf"(?:\d{{4}}年|{ROUND_NUMBER}期)[{CN}]{{2,16}}?(?:演练|夏令营|冬令营)(?!方案|计划|脚本|科目)"
)
# A day, week or month a country marks, counted, and the activities held for it:
# `林芝市第46个全民义务植树日活动在…举行`, `启动第35个全国税收宣传月活动` (on the seeds and
# development pages each of the three printed so is required; the day alone, `第29个世界读书日`,
# is not listed).
_COUNTED_DAY = re.compile(rf"{ROUND_NUMBER}个[{CN}“”]{{2,14}}?[日周月]”?(?:系列)?活动")
# A season's round of work done at once, opened by the verb that starts or ends it:
# `启动冬春季重大动物疫病集中免疫工作`, `全面铺开春季…集中免疫工作` (on the development pages the
# three printed so are listed, two required; without the verb, `全市春季动物疫病集中免疫工作圆满完成`
# heads an article naming the round otherwise).
_SEASON_ROUND = re.compile(
    rf"(?:启动|完成|铺开|开展|部署)了?(?P<name>(?:冬春|春秋|春|夏|秋|冬)季[{CN}]{{4,12}}?"
    r"集中(?:免疫|排查|整治|清理))工作"
)
# A cup series: `“雪域杯”篮球赛`, `格桑花杯足球联赛`.
# A series a place holds: `本届比赛是阿里地区迎新年系列体育活动之一`.
_SERIES = re.compile(
    rf"(?P<name>[{CN}]{{2,6}}?(?:地区|市|县|区)[{CN}]{{0,8}}系列[{CN}]{{0,4}}活动)"
)
_CUP = re.compile(rf"(?P<name>[{CN}]{{2,8}}杯[{CN}]{{0,6}}?(?:联赛|锦标赛|邀请赛|大赛|比赛|赛))")
# Festivals a unit holds, one or a list: `办好桃花旅游文化节、雅鲁藏布生态文化旅游节等节庆活动`.
_HOLDING = ("办好", "举办", "举行", "承办", "策划")
_HELD = re.compile(
    rf"(?P<verb>{'|'.join(_HOLDING)})了?(?P<list>[{CN}·、“”]{{5,60}}?)(?=等|[^{CN}·、“”]|$)"
)
# A measure word makes an event the unit's yearly one, unnamed (`每年举办一次校园文化艺术节`);
# `本届`, `此次` point back to one named before (`办好本届赛马节`).
_THIS_ONE = "[一二两三四五六七八九十每][次场届个]|[本此该这][届次]"
# A list the text calls activities may also hold a season, a week or a show of them:
# `策划了首届…观鸟季、第二届…文化节、藏历新年民俗体验周等十余项主题活动`,
# `办好拉萨非遗购物节、雪顿节非遗展等品牌活动`.
_ACTIVITIES_AFTER = re.compile(rf"等[^{BREAK}]{{0,8}}活动")
# Names listed in marks may stand with no `、` between: `策划了“珠峰冬季观星季”“年楚河畔观鸟节”
# “萨迦冬日文化周”等12项主题活动`.
_LISTED = re.compile("、|(?<=”)(?=“)")
# An item may bear its edition and a name in marks (`举办第三届“圣城冬韵”文化周、“拉萨过大年”民俗
# 体验季、拉萨河冬季观鸟节等30余场节庆活动`).
_MARKED = rf"(?:{EDITION})?(?:“[{CN}·]{{2,10}}”(?=[{CN}·]{{2}})|(?=[{CN}·]{{5}}))"
_SEASON = re.compile(rf"^(?!{_THIS_ONE}){_MARKED}[{CN}·]{{2,16}}(?:季|周|展)$")
# A show held alone is one showing, not a unit's campaign: `县档案馆还首次举办馆藏珍贵档案展`,
# `竞赛期间还同步举办了残疾人就业创业成果展` (on the development pages the gold requires none of
# the three so held, two optional); listed among a unit's brand activities it is one of them
# (`办好拉萨非遗购物节、雪顿节非遗展等品牌活动`), and a season held alone is too (`举办冰湖观鸟季`).
_SHOW = "展"
_FESTIVAL = re.compile(
    rf"^(?!{_THIS_ONE})(?:{EDITION})?(?:“[{CN}·]{{2,10}}”)?[{CN}·]{{3,16}}(?:文化节|旅游节|艺术节|节)$"
)


def events(text: str) -> list[Named]:
    """Events of a numbered or cup series, and festivals a unit holds."""
    found: list[Named] = []
    for m in _NUMBERED.finditer(text) if "届" in text else ():  # (most texts hold no 届)
        lead = place_lead(text, m.start(), 0)
        name = m["name"]
        if name.endswith("大会") and not _SPORTS_MEETING.search(name):
            continue
        if name.endswith("”") and name.count("“") < name.count("”"):
            name = name[:-1]  # `“第三届雪顿节”`: the marks are not the name's
        core = _ORDINAL.sub("", name)
        if len(core) <= 4 and re.search(rf"[{CN}”]{{2}}{re.escape(core)}", text[: m.start()]):
            continue  # `今年举办的第二届直播节`: the `…网络直播节` named before, pointed back to
        if len(core) <= 6 and "“" not in core and f"”{core}" in text[: m.start()]:
            continue  # `第二届文化旅游节` after `“三岩核桃”文化旅游节`: its kind, pointed back to
        found.append(Named(m.start() - len(lead), lead + name))
    for m in _NUMBERED_HELD.finditer(text) if "届" in text else ():
        if not any(n.at <= m.start() and m.end() <= n.at + len(n.name) for n in found):
            lead = place_lead(text, m.start(), 0)
            found.append(Named(m.start() - len(lead), lead + m["name"]))
    for m in _COUNTED_DAY.finditer(text) if "个" in text else ():
        if not CLAUSE_INSIDE.search(m[0]):
            lead = place_lead(text, m.start(), 0)
            found.append(Named(m.start() - len(lead), lead + m[0]))
    for m in _SEASON_ROUND.finditer(text) if "集中" in text else ():
        if not CLAUSE_INSIDE.search(m["name"]):
            found.append(Named(m.start("name"), m["name"]))
    # The kinds are rare in a page: look for the names ending in one only there.
    for kind in _PLACE_EVENT_KIND.finditer(text):
        event = _PLACE_EVENT_ENDING.search(text, max(0, kind.end() - 26), kind.end())
        if event is None:
            continue
        # `以“…”为主题的拉萨市…活动周`: the name starts after the words that describe it.
        start = event.start() + event["name"].rfind("的") + 1
        name = text[start : event.end()]
        year = _YEAR_BEFORE.search(text, max(0, start - 5), start + name.startswith("年"))
        if year:
            start = year.start()
        if (
            _PLACE_EVENT.fullmatch(name)
            and _EVENT_LEAD.search(clause_before(text, start))
            and not (
                CLAUSE_INSIDE.search(name) or ORGANISING.search(name) or re.search("[在于]", name)
            )
        ):
            found.append(Named(start, text[start : event.end()]))
    for m in _EDITION.finditer(text) if ("演练" in text or "令营" in text) else ():
        if not (
            CLAUSE_INSIDE.search(m[0]) or ORGANISING.search(m[0]) or re.search("[在于共]", m[0])
        ):
            lead = place_lead(text, m.start(), 0)
            found.append(Named(m.start() - len(lead), lead + m[0]))
    for word in re.finditer("系列", text):
        series = _SERIES.search(text, max(0, word.start() - 16), word.end() + 5)
        if series is None:
            continue
        name = CLAUSE_INSIDE.split(ORGANISING.split(series["name"])[-1])[-1]  # `比赛是…`
        if _SERIES.fullmatch(name):
            found.append(Named(series.end() - len(name), name))
    for cup in re.finditer("杯", text):
        series = _CUP.search(text, max(0, cup.start() - 8), cup.end() + 10)
        if series is not None and not CLAUSE_INSIDE.search(series["name"]):
            found.append(Named(series.start(), series["name"]))
    for m in starting_with("".join({w[0]: w for w in _HOLDING}), _HELD, text):
        items = _LISTED.split(m["list"])
        activities = bool(_ACTIVITIES_AFTER.match(text, m.end("list")))
        # One festival may be held with another event (`迎春年货节暨边贸商品展销会`); a
        # season held alone is one too (`举办冰湖观鸟季`).
        season = activities or (len(items) == 1 and m["verb"] != "策划")
        if all(
            _FESTIVAL.match(words.partition("暨")[0])
            or (season and _SEASON.match(words) and (activities or not words.endswith(_SHOW)))
            for words in map(_unmarked, items)
        ):
            at = m.start("list")
            for item in items:
                found.append(Named(at, item))
                at += len(item) + text.startswith("、", at + len(item))
    return found


def _unmarked(item: str) -> str:
    """An item of a list without the marks it is printed in whole: `珠峰冬季观星季` of
    `“珠峰冬季观星季”`; one whose marks are a part stays (`“藏源”冬季文化节`)."""
    whole = item.startswith("“") and item.endswith("”") and item.count("“") == 1
    return item[1:-1] if whole else item
