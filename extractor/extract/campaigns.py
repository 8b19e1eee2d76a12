"""Campaigns by rule: named initiatives an article reports.

Two shapes carry a campaign's name in this genre:
- a quoted name, alone or with the kind of initiative after it:
  `“全民消防我体验”宣传活动`, `“四下基层”工作机制`, `“雪亮工程”`, `“五措并举”`;
- an unquoted name ending in the kind of initiative, opened by a verb such as
  开展/实施/推进: `实施村庄清洁行动` → `村庄清洁行动`,
  `开展拉萨市城乡环境综合大整治行动` → `拉萨市城乡环境综合大整治行动`.

Generic phrases (`此次活动`, `整治行动`, `系列活动`) are not names.
"""

from __future__ import annotations

import re

from extractor.models import Campaign
from extractor.textindex import normalize

_CN = r"\u4e00-\u9fff"
# What follows a quoted name to make it an initiative, longest first. A few
# words may stand between (`“生命通道”体验疏散演练活动`); `法` and `制` must
# follow at once (`“六抓六促”法`), or `违法` would end a name.
_KINDS = (
    "主题党日活动|主题教育活动|主题宣传活动|宣传教育月|宣传教育活动|志愿服务活动|宣传活动|主题活动|"
    "实践活动|系列活动|专项行动|攻坚行动|大主题活动|活动|行动|工程|项目|工作机制|机制|模式|工作法|"
    "计划|品牌|体系|改革|试点|比赛|大赛|竞赛|篮球赛|运动会|讲堂|创建|经验|制度"
)
_QUOTED = re.compile(
    rf"(?P<name>(?P<open>[“‘「])(?P<inner>[^“”‘’「」，。！？；]{{2,24}})(?P<close>[”’」])"
    rf"(?P<kind>法|制|[{_CN}·]{{0,10}}?(?:{_KINDS}))?)"
)
# Single marks quote a name inside quoted speech: `学习运用‘千万工程’经验`.
_PAIRS = {"“": "”", "‘": "’", "「": "」"}
# A quoted method named as such: `“线上抽查+线下普查”的核查识别模式` → `“线上抽查+线下普查”`.
_METHOD_OF = re.compile(r"^的[\u4e00-\u9fff]{0,6}(?:模式|机制|工作法|做法|经验)$")
# An event's theme, or the method a unit works by: `以“体育大拜年 健康迎新春”为主题`,
# `以“党建+”为抓手`.
_THEME = re.compile(r"以(?P<name>([“「])[^“”「」，。！？；]{2,24}[”」])为(?:主题|抓手|载体|牵引)")
# An activity named without marks, opened by a verb that organises it:
# `开展安全宣传进校园活动`. Short ones (`开展文体活动`) are kinds, not names.
_ACTIVITY = re.compile(rf"(?:开展|举办|组织|启动)(?P<name>[{_CN}]{{6,20}}?活动)(?=暨|[^{_CN}]|$)")
# A title to be won, named with the verb: `创建国家食品安全城市`, `创建民族团结进步模范区`.
_CREATE = re.compile(
    rf"(?P<name>创建[{_CN}]{{2,14}}?(?:城市|示范区|模范区|先行区|示范市|示范县|示范村))"
)
# Words between a quoted term and a kind that show the term is not the name:
# `“三包”等活动`, `“互联网+”这一新模式`.
_LOOSE_KIND = re.compile(r"^(?:这|一|和|与|及)|等|的|开展|举办|一系列")
# The quoted words themselves say they are an initiative: `“雪亮工程”`, `“九项行动”`.
_SELF_NAMED = re.compile(r"(?:行动|工程|活动|计划|工作法|模式|经验|机制|创建|项目|运动|并举)$")
# Unquoted names, cut at the verb that opens them: after the last strong
# opener inside the match (`关于开展拉萨市……行动` → `拉萨市……行动`), then
# without any weak one left in front.
_STRONG_OPENERS = "开展|实施|推进|推动|启动|落实|深化|参加|参与|举办|组织|抓好|践行|关于|借鉴"
_OPENERS = (
    _STRONG_OPENERS + "|学习|结合|围绕|依托|聚焦|通过|加快|持续|深入|积极|扎实|大力|全面|"
    "探索|打造|完善|推广|建立|巩固|创建|自|在|以|对|和|与|及|、|：|:"
)
_STRONG = re.compile(_STRONG_OPENERS)
_LEADING_VERBS = re.compile(
    r"^(?:(?:" + "|".join(w for w in _OPENERS.split("|") if len(w) > 1) + "))+"
)
# A name does not hold a clause: `党建为引领建立大整治行动`, `改造等民生工程`.
_CLAUSE_INSIDE = re.compile(r"(?<!行)为|(?<=.)对|等|建立|开展|实施|组织|通过|的")
# Verbs of visiting or learning end what comes before: `……村深入了解积分制管理` → `积分制管理`.
_VISIT = re.compile(r"了解|学习|参观|考察|深入|走进")
_UNQUOTED = re.compile(
    rf"(?:{_OPENERS})(?P<name>[{_CN}]{{2,20}}?"
    r"(?:(?<=批)主题教育|大整治行动|整治行动|专项行动|提升行动|行动|工程|运动|积分制|责任制|长制|"
    r"进步创建|城市创建|示范创建))"
    r"(?!款|师|队|量|车)"
)
_GENERIC = re.compile(
    r"^(?:此次|本次|这次|该|各类|各项|一系列|系列|相关|类似|上述|这些|有关|各|等|整治|宣传|"
    r"主题|志愿服务|实践|专项|集中|该项|联合|大整治|实际)|联合行动$"
)
# The words right before a quoted name: `拉萨市迎新年` in `拉萨市迎新年“三对三”篮球赛`.
_LEAD = re.compile(rf"[{_CN}]+$")
_PLACE_LEAD = re.compile(rf"^[{_CN}]{{2,6}}?(?:市|区|县|乡|镇)[{_CN}]{{0,4}}$")


def _is_generic(name: str) -> bool:
    core = normalize(name, drop_quotes=True)
    return len(core) < 4 or bool(_GENERIC.search(core))


def _in_book_title(text: str, at: int) -> bool:
    """Inside 《…》: the title of a document, not a campaign."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def campaigns_in(text: str) -> list[Campaign]:
    """Every named campaign of an article's text, first mention first, once each."""
    found: list[tuple[int, str]] = []
    done = 0  # the end of the previous quoted name: words before it are not this one's
    for m in _QUOTED.finditer(text):
        lead_words = _LEAD.search(text, max(done, m.start() - 12), m.start())
        done = m.end()
        inner, kind = m["inner"], m["kind"]
        if _PAIRS[m["open"]] != m["close"]:
            continue
        method = bool(kind) and bool(_METHOD_OF.match(kind))
        if kind and _LOOSE_KIND.search(kind[:-1]):
            kind = None
        if not (kind or method or _SELF_NAMED.search(inner)) or _in_book_title(
            text, m.start("name")
        ):
            continue
        name = m["name"] if kind else f"{m['open']}{inner}{m['close']}"
        lead = _PLACE_LEAD.search((lead_words[0] if lead_words else "").rpartition("的")[2])
        if lead and kind and kind.endswith("赛"):
            name = lead.group(0) + name  # `拉萨市迎新年“三对三”篮球赛`
        found.append((m.start("name"), name))
    for m in _UNQUOTED.finditer(text):
        name = _LEADING_VERBS.sub("", _VISIT.split(_STRONG.split(m["name"])[-1])[-1])
        if (
            "“" in name
            or "”" in name
            or _CLAUSE_INSIDE.search(name)
            or _is_generic(name)
            or _in_book_title(text, m.start())
        ):
            continue
        found.append((m.end("name") - len(name), name))
    for m in _CREATE.finditer(text):
        if not (_CLAUSE_INSIDE.search(m["name"]) or _in_book_title(text, m.start())):
            found.append((m.start("name"), m["name"]))
    for m in _THEME.finditer(text):
        found.append((m.start("name"), m["name"]))
    for m in _ACTIVITY.finditer(text):
        name = _LEADING_VERBS.sub("", m["name"])
        if not (_CLAUSE_INSIDE.search(name) or _is_generic(name) or "“" in name):
            found.append((m.end("name") - len(name), name))
    found.sort()
    campaigns: list[Campaign] = []
    keys: list[str] = []
    for _, name in found:
        key = normalize(name, drop_quotes=True)
        if any(key in k or k in key for k in keys):
            continue  # `“全民消防我体验”宣传活动` and `“全民消防我体验”` are one campaign
        keys.append(key)
        campaigns.append(Campaign(name=name))
    return campaigns
