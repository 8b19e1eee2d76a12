"""Quoted words that say how a thing is done: a manner of working, a way taken, a pledge
or a rule kept, and when such words still name a method of their own (a system a unit sets
up). Part of `quoted.py`'s reading.

>>> a_manner("一对一", "帮扶"), a_manner("一对一", "导师帮带制度"), a_manner("刷脸缴费", None)
(True, False, True)
>>> only_a_way(["分段施工", "半幅通行"], "施工单位采取", "的方式，")
True
>>> only_a_way(["基地", "农户"], "基地采取", "方式，")
False
>>> a_pledge("逢车必查、逢疑必检"), a_system_set_up("各边境县还建立了", "的边境管控体系，")
(True, True)
>>> a_system_set_up("离不开", "的组织体系。"), a_system_set_up("基本建成", "的收运体系。")
(True, False)
>>> a_system_set_up("基本形成了", "相结合的草原防火体系。")
True
>>> a_model_followed("社区按照", "的模式，对"), a_model_followed("按照", "的办法")
(True, False)
>>> a_scheme_rolled_out("环境积分超市", "在全乡推行", ","), a_scheme_rolled_out("爱心超市", "到社区", "兑换")
(True, False)
>>> a_method_kind("相结合的办案模式"), named_as_a_method("的采集方式，"), named_as_a_method("的原则")
(True, True, False)
"""

from __future__ import annotations

import re

from extractor.extract.context import CN

# A manner of working in marks names no method of its own (`“一对一”帮扶`, `“一站式”服务`,
# `“面对面”宣讲`), unless a system or a drive is named after it (`“一对一”导师帮带制度`), also
# as the broader kind after a service (`“一站式”政务服务模式`, `“一站式”审批服务改革`: on the
# development pages every such one is listed, five of six required).
# (Not a game's sides: `“三对三”篮球赛`.)
_MANNER = re.compile(
    "一对一|点对点|面对面|门对门|键对键|屏对屏|一站式|一条龙|零距离|全天候|手把手|保姆式|管家式"
)
# So is the channel a service is used by, in marks: `推行“刷脸缴费”“线上报修”`, `“线上+线下”服务`,
# `推行“线上缴费、线下服务”`. On the development pages the gold requires none of the seven it
# lists so quoted (all optional; the rules gave three more it does not list), where a mode or
# a method named after stays, and is required: `“线上申请、扫码录入、限时办结”办理模式`.
_CHANNEL = re.compile("^(?:线上|网上|掌上|指尖|刷脸|扫码)")
_FIRM_KIND = re.compile("机制|模式|制度|行动|工程|计划|改革|活动|试点|工作法|责任制")
# After `通过`/`采取`/`围绕`, a quoted name is a method only when the method is named:
# `通过“校企联培”方式`, `采取“理论+实操”的方式`; not `采取“线上+线下”预约方式`. So after `以`,
# the way named at once (`以“院包科、师带徒”方式开展帮扶`, `以“揭榜挂帅”方式`: both so printed
# listed, one required; `以“…”的方式参与其中` says how one takes part, `quoted.py`).
_BY_WAY = re.compile(r"(?:通过|采取|采用|围绕|运用|(?<![可予所难加])以)$")
_WAY_AFTER = re.compile(r"^的?(?:方式|模式|办法|形式|做法|途径|渠道)")
# Activities joined in marks and called only a way of doing one thing describe how it
# is done: `改为“定点观察+无人机巡查”的方式`, `采取“政策宣讲+文艺演出+群众座谈”的方式`
# (a model of parties is a name: `采取“企业+村集体+农户”的方式`; so is a named mode:
# `“线上抽查+线下普查”的核查识别模式`).
_ACTIVITY_ITEM = re.compile(
    r"(?:观察|巡查|巡逻|巡护|检查|排查|抽查|普查|督导|宣讲|宣传|演出|座谈|培训|讲座|授课|走访|"
    r"调解|义诊|咨询|展示|演示|体验|竞赛|辅导|教学|答疑|理论|实操|实训|实战|演练|观摩)$"
)
_WAY_ONLY = re.compile(rf"^的?[{CN}]{{0,4}}?(?:方式|形式)")
# So do steps joined that name no party, taken as the way (`采取“分段施工、半幅通行”的方式`,
# `采用“光伏+空气源热泵+电辅热”的供热方式`), where a model joins parties and a method a
# unit puts into practice is its own (`推行松茸“采大留小、分片轮采”的采集方式`).
_PARTY = re.compile(
    "合作社|农户|牧户|企业|基地|公司|集体|支部|传承人|学徒|工坊|能人|农牧民|牧民|农民|群众|政府|"
    "电网|村|社区|学校|医院|协会|园区|站|家庭|个人"
    # One party taking on or leading another names both: `“院包科、师带徒”`.
    rf"|^[{CN}]{{1,3}}[包带帮][{CN}]{{1,3}}$"
)


def a_manner(inner: str, kind: str | None) -> bool:
    """Are the quoted words a manner of working with no system or drive after them?"""
    manner = _MANNER.fullmatch(inner) or _CHANNEL.match(inner)
    return bool(manner) and not (kind and _FIRM_KIND.search(kind))


def named_as_a_way(before: str, after: str) -> bool:
    """Is a quoted name taken as the way a thing is done, the way named after it
    (`通过“校企联培”方式`)?"""
    return bool(_BY_WAY.search(before)) and bool(_WAY_AFTER.match(after))


def only_a_way(items: list[str], before: str, after: str) -> bool:
    """Do the items of a quoted list, called only a way, say how one thing is done
    (activities joined, or steps taken that name no party), not a method of its own?"""
    if not _WAY_ONLY.match(after):
        return False
    return all(_ACTIVITY_ITEM.search(i) for i in items) or (
        bool(_BY_WAY.search(before)) and not any(_PARTY.search(i) for i in items)
    )


# Times to meet, quoted, are a service's pledge: `实行“24小时值守、2小时响应”`.
_TIME_PLEDGE = re.compile(r"\d+(?:个工作日|小时|分钟|天|日)")
# So is a rule to keep, item by item: what is done every time a case comes (`“逢车必查、
# 逢疑必检”`), how fast (`“即采即收、即收即冷”`, `“随到随办”`), who answers for what
# (`“谁引进、谁负责”`) or how far a dispute goes (`“小事不出帐篷、大事不出乡”`).
_RULE_ITEM = re.compile(
    rf"^(?:逢|凡|每逢)[^必]{{1,4}}必|^[即随][{CN}][即随][{CN}]$|^谁[{CN}]{{1,4}}$|^[大小]事不出"
)
# All that should be done, done: `“应收尽收”`, `“应赔尽赔、快赔早赔”`, a pledge.
_ALL_DUE = re.compile(rf"^应[{CN}]尽[{CN}]$")
# A system in marks a unit sets up, named as one after: `建立了“联防联控、军警民共守”的边境管控体系`,
# `建立了“平时服务、急时应急、战时应战”的民兵应急力量体系` (on the development pages the gold
# requires both so printed; what is only built, `建成“…”的收运体系`, `构建起“…”的…体系`, is a
# network of facilities as often: one optional, one not listed). So is one a unit has formed or
# goes on improving: `基本形成了“人防+技防+物防”相结合的草原防火体系`, `持续优化“创业导师+
# 孵化基地+金融支持”的青年创业服务体系` (the gold requires the three so printed), or keeps sound:
# `健全“市级统筹、乡镇主责…”的网格化管护体系` (of the 11 `健全“…”` of the development pages the
# gold requires 9, lists 1 optional).
_SET_UP = re.compile("(?:建立|形成|优化|完善|健全)了?$")
_SYSTEM_AFTER = re.compile(rf"^(?:相结合|相融合)?的[{CN}]{{0,8}}?体系")
# A system of who answers for what, however the clause brings it in, is the unit's own:
# `离不开“合作社带、能人领、农户干”的组织体系`, `建立了“…县级领导包基地…”的责任体系` (on the
# development pages the gold requires the three so printed; a network of facilities built,
# `…的收运体系`, `…的配送体系`, is one optional, one not listed).
_OWN_SYSTEM_AFTER = re.compile(rf"^的[{CN}]{{0,6}}?(?:组织|责任|管控|治理)体系")


# A model or a method a unit works by, named so after the marks, is its own, not a rule it
# keeps: `按照“网格员+消防员+楼栋长”的模式`, `按照“一户一档、一月一访”的工作法` (on the seeds
# and development pages the gold lists all 4 so printed, 3 required; a measure followed,
# `按照“…”的办法` or `的方式`, is a rule as often: 4 required, 6 optional, 2 not listed).
_FOLLOWED = re.compile("(?:按照|依照|遵照|遵循)$")
_MODEL_AFTER = re.compile(rf"^(?:相结合)?的[{CN}]{{0,9}}?(?:模式|机制|体系|工作法)")


def a_model_followed(before: str, after: str) -> bool:
    """Is a quoted name after `按照` the model a unit works by (`的模式`, not `的办法`)?"""
    return bool(_FOLLOWED.search(before)) and bool(_MODEL_AFTER.match(after))


def a_pledge(inner: str) -> bool:
    """`24小时值守、2小时响应`, `逢车必查、逢疑必检`, `谁引进、谁负责`: a pledge or a
    rule, not a name."""
    items = inner.split("、")
    if all(_RULE_ITEM.match(item) for item in items) or _ALL_DUE.match(items[0]):
        return True
    return len(items) > 1 and all(_TIME_PLEDGE.search(item) for item in items)


def a_system_set_up(before: str, after: str) -> bool:
    """Is a quoted name the system a unit sets up, named as one after it?"""
    if _OWN_SYSTEM_AFTER.match(after):
        return True
    return bool(_SET_UP.search(before)) and bool(_SYSTEM_AFTER.match(after))


# A points shop a unit rolls out is a scheme that rewards conduct with points, not a shop:
# `推行“环境积分超市”,农牧民参与卫生保洁…都能获得积分`, `开办了“积分超市”`, `推出“禁毒积分超市”`
# (on the development pages every one so printed, the verb right before and nothing after,
# is listed: one required, two optional). The shop where points are spent
# (`到社区“爱心超市”兑换`) stays a place.
# So is a time bank a unit sets up, where hours of service are saved to be drawn on later
# (`探索建立“爱心时间银行”`; each `“…时间银行”` of the development pages is listed, five
# required).
_ROLLED_OUT = re.compile("(?:推行|推出|开办)了?$")
_BANK_SET_UP = re.compile("(?:推行|推出|开办|建立|设立)了?$")
# And a circle of services within minutes' reach a unit builds (`打造“15分钟医保便民服务圈”`,
# `打造“十分钟志愿服务圈”`: both so printed are required; `新增4个“一刻钟便民生活圈”` counts places).
_CIRCLE = re.compile(rf"(?:\d+|[一二三四五六七八九十]+)分钟[{CN}]{{2,8}}圈")
_CIRCLE_BUILT = re.compile("(?:打造|构建)了?$")
_NOTHING_AFTER = re.compile(rf"^(?:[^{CN}]|$)")


def a_scheme_rolled_out(inner: str, before: str, after: str) -> bool:
    """Is a quoted points shop, time bank or service circle a scheme a unit rolls out
    (`推出“禁毒积分超市”`)?"""
    return bool(_NOTHING_AFTER.match(after)) and (
        (inner.endswith("超市") and bool(_ROLLED_OUT.search(before)))
        or (inner.endswith("时间银行") and bool(_BANK_SET_UP.search(before)))
        or (bool(_CIRCLE.fullmatch(inner)) and bool(_CIRCLE_BUILT.search(before)))
    )


# A quoted method named as such: `“线上抽查+线下普查”的核查识别模式` → `“线上抽查+线下普查”`,
# `“固定点+流动点”相结合的办案模式`.
_METHOD_OF = re.compile(
    rf"^(?:相结合|相融合)?的[{CN}]{{0,6}}(?:模式|机制|工作法|做法|经验|管护|程序|办法|思路|责任制|制度)$"
)
# Quoted words named as a method by what follows: `推行松茸“采大留小、分片轮采”的采集方式`,
# `探索推行“季节性休牧+划区轮牧”做法` (each `“…”做法` of the development pages is listed), and
# a unit's measure for the public, `推行“一次查验、多项服务”便民举措` (1 / 0 / 0; not what a thing
# is said to be, `是打通…“最后一米”的关键举措`). How the parties act together may stand
# between: `“街道+社区+物业+业委会”四方联动的长效管理机制`, `“军警兵民”四位一体的边境管控体系`
# (each so printed on the development pages is listed: two required, one optional). What it is
# of may be long: `探索“合作社+牧户+草场”的生态畜牧业发展模式` (of 7 to 9 characters, 3 / 0 / 0).
_TOGETHER = rf"(?:[一二两三四五六七八九十多][方位级](?:联动|一体|协同)|一体化[{CN}]{{2}})"
_METHOD_NAMED = re.compile(
    rf"^(?:{_TOGETHER}?的[{CN}]{{0,9}}?(?:方式|模式|机制|做法|办法|工作法)|做法|(?:便民|惠民)举措"
    rf"|{_TOGETHER}的[{CN}]{{0,6}}?体系)"
)


def a_method_kind(kind: str) -> bool:
    """Do the words after quoted ones call them a method, with `的` (`的核查识别模式`,
    `相结合的办案模式`)?"""
    return bool(_METHOD_OF.match(kind))


def named_as_a_method(after: str) -> bool:
    """Do the words after quoted ones name them a method or a way (`的采集方式`, `做法`,
    `便民举措`)?"""
    return bool(_METHOD_NAMED.match(after))
