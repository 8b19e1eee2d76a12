"""Which candidate campaign names are no names: generic phrases, fields of work, clauses.

The rules in `campaigns.py` find words shaped like a name; these tests refuse the
ones that name no initiative (`此次活动`, `医保信息化建设`, `全县集中供水工程`,
`竹瓦根、下察隅两处集中供水工程`) or that hold a clause (`党建为引领建立大整治行动`).
"""

from __future__ import annotations

import re

from extractor.extract.context import CLAUSE_INSIDE, CN
from extractor.textindex import normalize

# A policy named by how it cuts or waives a tax is a relief applied, even after the taxes'
# name in marks (`“六税两费”减半征收政策`).
TAX_RELIEF = "(?:减税降费|减免|减征|免征|征收|退税)政策$"
_GENERIC = re.compile(
    r"^(?:此次|本次|这次|此类|该|各类|各项|一系列|系列|相关|类似|上述|这些|有关|各|等|整治|宣传|"
    r"主题|志愿服务|实践|专项|集中|该项|联合|大整治|实际|基础设施|长效|工作|"
    r"一批|新一批|这一|其|本|全面|阶段性)|联合行动$|长效[\u4e00-\u9fff]{0,4}机制$|工作$"
    # Kinds of policy and fields of building: `金融保险支持政策`, `口岸基础设施建设`,
    # `体育场地设施建设`.
    r"|(?:支持|扶持|优惠|惠民|惠农|贷款|信贷|金融)政策$|设施建设$"
    # Taxes cut or waived by a policy: `结构性减税降费政策`, `…减半征收政策`.
    rf"|{TAX_RELIEF}"
    # Fields of building named by what is built up: `职工健身阵地建设`, `人才队伍建设`,
    # `基层动物防疫体系建设`, a network (`农村物流网络建设`, `农村客运网络建设`: the gold lists
    # neither; the one it lists, `“…”三级供养服务网络建设`, is named in marks), the party's
    # organisations (`基层党组织建设`: no name of the gold ends in `组织建设`), a capacity
    # (`牧区交通保通能力建设`: neither of the 2 printed so is listed; `…能力建设工程` is named).
    r"|(?:阵地|队伍|体系|网络|组织|能力)建设$"
    # So is the building of projects of a kind: `援藏项目建设`, `重点项目建设` (no name of the
    # gold ends so; a drive so named, `项目建设攻坚行动`, is read by `_DRIVE`).
    r"|项目建设$"
    # A field brought to a standard or a new way of working: `医保信息化建设`,
    # `村卫生室标准化建设`.
    r"|(?:信息化|数字化|智能化|智慧化|标准化|规范化|现代化|法治化|专业化|一体化|网格化)建设$"
    # So is a field made digital or smart: `数字档案馆建设`, `智慧旅游建设`.
    r"|^(?:数字|智慧)[\u4e00-\u9fff]{2,4}建设$"
    # `重点项目`, `重大项目建设`: the work that matters most, unnamed; a long name says
    # what it is (`重大动物疫病春季集中免疫行动`).
    r"|^(?:重点|重大)[\u4e00-\u9fff]{0,7}$"
    # Works praised, not named: `民生工程`, `十大民心工程`, `乡村振兴伟大工程` (`文化惠民工程` is named),
    # or said how much they matter: `基础性工程`, `基础性、战略性工程`.
    r"|(?:民生|民心|德政|伟大|系统)工程$|(?<=[\u4e00-\u9fff]{2})性工程$"
    # Works named by their field alone are the field's works: `统筹推进水利工程建设`,
    # `抓好在建水利工程度汛`, `在绿化工程上当护林员` (the gold lists none of the three).
    r"|^(?:水利|绿化|交通|电力|市政|道路)工程$"
    # An action of two words is a kind of action: `救援行动`, `执法行动`, `清理行动`.
    r"|^[\u4e00-\u9fff]{2}行动$"
    # A drive against hazards with no field named: `开展隐患排查整治`, `安全隐患专项整治`
    # (`农村公路安全隐患排查整治` names its field); the fields that matter most name none:
    # `推进重点领域安全隐患排查整治` (no name of the gold opens with `重点领域`, `重点行业`,
    # `重点部位` or `重点场所`).
    r"|^(?:重点(?:行业)?(?:领域|行业|部位|场所))?(?:安全)?(?:风险)?隐患(?:专项)?(?:排查)?(?:整治|治理)$"
    # Works of a size, not one work: `百人以上供水工程`, `亿元以上项目`; works of a kind
    # being built: `在建水利工程`, `在建电源电网项目` (no name of the gold opens so), or works
    # named by their size and a short field: `小型养护工程`, `小型水利工程`, `大中型水电工程` (none of
    # the 12 printed so on the development pages is listed; `小型病险水库除险加固工程` is named).
    r"|以上|以下|^在建|^(?:大中|中小|大|中|小)型[\u4e00-\u9fff]{0,4}(?:工程|项目)$"
    # A phase of a work without the work's name is a fragment: `加快二期工程前期工作`
    # (the gold lists none of the two so printed; `智慧社区二期工程` is named).
    r"|^[一二三四五六七八九十]期(?:工程|项目)$"
)
# How often a unit does a thing opens no name: `每月开展一次夜查行动` counts the checks, it
# names no drive (`一次性`, `二次供水` are words of their own); nor do its rounds
# (`再开展一轮校园周边安全隐患集中排查整治`; `三轮车` is a word) or the homes or villages it
# does it for, each (`对每户改造工程实行…`). No name of the development gold opens so, nor
# with the least number of times before (`开展不少于两次食品安全专项检查`: 14 printings on dev).
TIMES_DONE = re.compile(
    r"^(?:不少于|至少|不低于)?"
    r"(?:(?!二)(?:[一两三四五六七八九十]{1,3}|\d+)次(?!性)|[一两]轮(?!车|换)|每[户村家个])"
)
# A place that opens a name: `色尼区` in `色尼区高寒退化草原生态修复项目`.
# `城市`, `县城`, `市场`, `区域`, `示范区` are words, not places: `国家卫生县城创建`,
# `全域旅游示范区创建`; so is a kind of area (`极高海拔地区生态搬迁`, `边境地区`, `采空区`,
# `景区`, `牧区`, `社区`, a housing estate, `老旧小区改造`), and a
# strong one to become (`体育强区建设`, `文化强县`).
_PLACE_HEAD = re.compile(
    rf"^(?:[{CN}]{{2,6}}?(?:自治区|(?<![城强])市(?!场)|(?<!示范|模范|先行|开发|保护|采空)(?<!海拔地|边境地|贫困地|偏远地|高寒地)(?<![强景园牧林灾库矿社校厂片辖小])区(?!域)|(?<!强)县(?!城))"
    rf"|全[市区县乡镇])"
)


# A system of chiefs over one thing: `河长制`, `林长制`, `路长制`.
CHIEF_SYSTEM = re.compile(rf"[{CN}]长制")


# A drive to win ground in a field is named by the field, however generic its words:
# `重点项目建设攻坚行动`, `项目建设攻坚行动`.
_DRIVE = re.compile(rf"[{CN}]{{4,}}攻坚行动")
# A mechanism named only by how units work together, or by that and one short word
# for its field, is no name: `建立联勤联动机制`, `建立了信息共享机制`, `禁毒协作机制`,
# `快速响应机制` (`恶劣天气交通管控联动机制` says what it is for).
_TOGETHER = re.compile(
    rf"[{CN}]{{0,2}}?(?:联勤|联动|联合|联防|联控|协作|协调|联络|互通|共享|执法|响应)+机制"
)


# Two fields joined by 和 share the kind after them: `安全生产和消防安全专项整治`,
# `防止返贫动态监测和帮扶机制`, `群众身边不正之风和腐败问题集中整治` (not a short field, `灌溉和供水…`, nor two works,
# `农村公路建设和农房改造…`).
_KIND_ENDS = re.compile(r"(?:建设|工程|项目|行动|改造|整治|活动|机制|政策|计划|创建)$")
# Only a mechanism, a policy or a drive is shared so; works and checks joined are fields of
# work (`室外管网和路面工程`, `大型光伏基地和抽水蓄能电站建设`).
_SHARED_KINDS = re.compile(r"(?:机制|政策|专项整治|集中整治|专项行动|整治行动)$")


# Two stages of one work joined by 与 name one project: `沿江灌区续建配套与现代化改造项目`,
# `基层农技推广体系改革与建设补助项目`.
_STAGES_JOINED = re.compile(
    rf"[{CN}]{{2,14}}(?:改革|配套|建设|保护|修复|治理|利用)与[{CN}]{{2,8}}?(?:项目|工程)"
)


def clause_inside(name: str) -> bool:
    """Does `name` hold a clause (`党建为引领建立大整治行动`), two fields joined by 和
    that share its kind, or two stages of one project joined by 与, aside?"""
    if _STAGES_JOINED.fullmatch(name):
        return bool(CLAUSE_INSIDE.search(name.replace("与", "")))
    first, joined, second = name.partition("和")
    if (
        joined
        and len(first) >= 4
        and len(second) >= 4
        and not _KIND_ENDS.search(first)
        and _SHARED_KINDS.search(second)
    ):
        return bool(CLAUSE_INSIDE.search(first) or CLAUSE_INSIDE.search(second))
    return bool(CLAUSE_INSIDE.search(name))


# How a drive is kept up opens its name, and says nothing of which it is:
# `常态化扫黑除恶斗争` is named by `扫黑除恶斗争`, `常态化巡查` by nothing; nor does the whole
# place it covers (`全县集中供水工程`).
_KEPT_UP = re.compile("^(?:常态化|全[市区县乡镇])")
# Every work of a kind a place has is no one project: `全县农村供水工程`.
_ALL_WORKS = re.compile("^全[市区县乡镇].*(?:工程|项目)$")
# Works counted inside the words are a kind of work: `竹瓦根、下察隅两处集中供水工程`.
# (`第二批主题教育` is a round, not a count.)
_COUNTED_INSIDE = re.compile(r"(?<![第\d])[两二三四五六七八九十百\d](?:处|个|座|条|项|所|家|批)")


def _names_nothing(core: str, shortest: int) -> bool:
    """Is `core` (a name with its lead words cut) too short, a generic phrase, units
    working together, or works counted?"""
    return (
        len(core) < shortest
        or bool(_GENERIC.search(core) or _TOGETHER.fullmatch(core))
        or bool(_COUNTED_INSIDE.search(core))
    )


# A drive named by four characters of its field alone, without marks, is that field's standing
# work: `全面推进人居环境整治`, `推进市容环境整治`, `推进行业乱象整治` (the gold lists none of the
# three the rules gave on the development pages; a drive said to be special, concentrated or
# comprehensive, `…专项整治`, `…集中整治`, `…综合整治`, or longer, names itself).
_FIELD_DRIVE = re.compile(rf"(?:(?!专项|集中|综合|排查)[{CN}]){{4}}整治")


def is_generic(name: str) -> bool:
    """`此次活动`, `专项整治`, `救援行动`: a kind or a phrase, no initiative's name."""
    plain = normalize(name, drop_quotes=True)
    if _ALL_WORKS.match(plain) or _FIELD_DRIVE.fullmatch(name):
        return True
    core = _KEPT_UP.sub("", plain)
    if CHIEF_SYSTEM.fullmatch(core) or _DRIVE.fullmatch(core):
        return False  # `河长制`, `林长制`: short, and named; `重点项目建设攻坚行动`
    return _names_nothing(core, 4)


YEAR = re.compile(r"^(?:\d{4}年|新一轮)")  # the year or round of a programme


# A battle a unit fights, unmarked, is a figure for its hardest work of a season or a task
# (`全力打好冬季供暖保障攻坚战`, `打好抗雪救灾攻坚战`: none of the 4 so printed on the development
# pages is listed), not one of the nation's named battles (`打好污染防治攻坚战`).
_BATTLE_FIGURE = re.compile("(?<!污染防治)(?<!脱贫)(?<!重大风险)攻坚战$")


# A high ground built, unmarked, is a region's standing aim: `推进生态文明高地建设的重要举措` (of
# the 10 so printed on the seeds and development pages the gold lists 6 optional, 4 not at all).
_HIGH_GROUND = re.compile(rf"^[{CN}]*高地建设$")


def is_generic_programme(name: str) -> bool:
    """`重点项目建设`, `乡村建设`, `城关区乡村建设`: a field of work, not a programme's name."""
    core = _KEPT_UP.sub("", _PLACE_HEAD.sub("", YEAR.sub("", name.split("、")[-1])))
    figure = bool(_BATTLE_FIGURE.search(core) or _HIGH_GROUND.match(core))
    return _names_nothing(core, 5) or bool(_FIELD_DRIVE.fullmatch(core)) or figure


# Publicity on a topic, unquoted, is a kind of activity a unit holds again and again:
# `开展消防宣传咨询活动`, `开展交通安全宣传活动`, `防火宣传活动`. On the seeds and development
# pages the gold requires none of the sixteen so printed (one optional), where it requires
# those named by the day, week or month they belong to (`民族团结进步宣传月活动`) or by
# where they go (`法治宣传进牧区活动`), which `campaigns.py` reads first.
_PUBLICITY = re.compile(r"宣传(?:咨询|教育|服务)?活动$")


def is_publicity(name: str) -> bool:
    """`消防宣传咨询活动`: publicity on a topic, a kind of activity, no name."""
    return bool(_PUBLICITY.search(name))
