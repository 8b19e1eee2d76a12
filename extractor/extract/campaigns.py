"""Campaign names by rule: the named initiatives an article reports.

The genre names an initiative in a few shapes, each read here by the cue that
shows it is one, never by a list of known names:
- a quoted name an article presents as an initiative: `quoted.py`
  (`“全民消防我体验”宣传活动`, `推行“一村一辅警”`);
- an unquoted name ending in the kind of initiative, opened by a verb that
  carries it out: `实施村庄清洁行动`, `依托边境小康村建设`, `推进双拥模范城创建`,
  `开展交通运输行业乱点乱象专项整治`, `曲水县实施的农村供水保障工程`, the second
  of two a verb carries out (`落实…政策和农村义务教育学生营养改善计划`), a drive listed
  among others (`推进“…”清零行动、农村道路交通安全专项整治`), or a project at its
  start or end (`…第二水厂扩建工程通水运行`, `噶尔县100兆瓦风电项目开工建设`);
- a project, work, service or renewal named by the words around it: `projects.py`
  (`牵头实施的…产业园建设项目`, `全面推行家庭医生签约服务,`);
- a programme named by the part it plays in a unit's work: `tasks.py` (the mainstay of
  its work, `把民族团结进步模范创建作为…抓手`; what other work is joined to, what a drive is
  part of), a defence a unit fights: `battles.py` (`打好碧水保卫战`);
- an event of a numbered series: `山南市第八届雅砻文化旅游节`, `首届“彩林节”`,
  festivals a unit holds (`办好桃花旅游文化节、…等节庆活动`) with the seasons and weeks
  listed among them (`策划了首届…观鸟季、…民俗体验周等…活动`), a place's series
  or week (`阿里地区迎新年系列体育活动`, `拉萨市2024年职业教育活动周`).

Generic phrases (`此次活动`, `专项整治`, `重点项目建设`), kinds of work counted
(`实施农村供水项目118个`, `…提升工程46公里`), names holding a verb phrase or a
measure word (`重大项目开工建设`, `一次校园文化艺术节`) and sports (`冰雪运动`) are
no names. Which names are
one campaign is `mentions.py`'s part.
"""

from __future__ import annotations

import re
from itertools import pairwise

from extractor.extract.battles import defences
from extractor.extract.context import (
    BREAK,
    CLAUSE_INSIDE,
    CN,
    MILESTONE_REACHED,
    SO_FAR,
    as_printed,
    clause_before,
    curly_quotes,
    in_book_title,
    near,
    starting_with,
)
from extractor.extract.edges import trimmed
from extractor.extract.events import events
from extractor.extract.generic import (
    CHIEF_SYSTEM,
    TIMES_DONE,
    YEAR,
    clause_inside,
    is_generic,
    is_generic_programme,
    is_publicity,
)
from extractor.extract.mentions import Named, one_per_campaign
from extractor.extract.no_names import no_name
from extractor.extract.projects import projects
from extractor.extract.quoted import quoted_names
from extractor.extract.shortened import without_shortened
from extractor.extract.tasks import tasks
from extractor.extract.words import common_words

# Unquoted names, cut at the verb that opens them: after the last strong
# opener inside the match (`关于开展拉萨市……行动` → `拉萨市……行动`), then
# without any weak one left in front.
_STRONG_OPENERS = (
    "开展|实施|推进|推动|启动|落实|深化|参加|参与|举办|组织|抓好|践行|关于|借鉴|推行|实行|部署"
)
# (`以` and `自` open no name in `今年以来全市…行动`, `自治区…工程`.)
_OPENERS = (
    _STRONG_OPENERS + "|学习|结合|围绕|依托|聚焦|通过|加快|持续|深入|积极|扎实|大力|全面|"
    "探索|打造|完善|推广|建立|巩固|创建|纳入|自(?![治然觉愿发主身己我])|在|以(?![来后前上下内外及])|对|和|与|及|、|：|:"
)
_STRONG = re.compile(_STRONG_OPENERS)
# A movement is one a unit carries out (`开展爱国卫生运动`); else `运动` is a sport
# (`拔河、锅庄舞、冰雪运动体验`, `参加户外运动`).
_MOVEMENT_BEFORE = re.compile(r"(?:开展|推进|深化|掀起|发起|启动)(?:了|好)?$")
_LEADING_VERBS = re.compile(
    r"^(?:(?:" + "|".join(w for w in _OPENERS.split("|") if len(w) > 1 and "(" not in w) + "))+"
)
# Short words listed before a name that qualify it, right after the verb that opens it.
_QUALIFIER_LIST = re.compile(rf"(?:{_STRONG_OPENERS})(?:了|好)?(?P<list>(?:[{CN}]{{1,4}}、)+)$")
# A name counted right after is a kind of work done, not one programme:
# `实施农村供水项目118个`, `开展安全隐患排查整治1260家次` (not `联网工程二期`).
# A parenthesis may stand between (`创建全国民主法治示范村（社区）12个`), and a
# length or an area measures the work as a count does (`实施边境村道路提升工程46公里`).
_COUNTED = re.compile(
    r"(?:[（(][^）)]{1,6}[）)])?(?:\d+(?:\.\d+)?|[两三四五六七八九十百千]+)[余多]?"
    r"(?:个|项|处|家次|家|次|轮|批|场次|场|座|所|条|户|公里|千米|米|平方米|万亩|亩)"
)
# Verbs of visiting or learning end what comes before: `……村深入了解积分制管理` → `积分制管理`,
# `与会人员实地察看了县城供水工程` → `县城供水工程`; so does a verb that spreads or tries out a
# system: `正在村里推广积分制` → `积分制`. A `了` ends a clause: no name holds one.
_VISIT = re.compile(r"了解|学习|参观|考察|察看|查看|视察|来到|前往|深入|走进|推广|试行|了")
# How long a drive lasts opens its words, not its name: `开展为期四个月的…专项治理行动`.
_PERIOD = re.compile(r"^为期[^的]{1,8}的")
# (A responsibility system without marks is a duty kept in a field, like a mechanism:
# `严格落实森林防火责任制`. On the seeds and development pages the gold requires none of the
# four it lists, all optional; one in marks is named, `“双岗责任制”`, and a chief system is
# one, `河长制`.)
_NAME_KINDS = (
    "大整治行动|整治行动|专项行动|提升行动|行动|工程|运动|积分制|长制|"
    "进步创建|城市创建|示范创建|宣传月|宣传周|活动月|服务月"
)
# (The characters the kinds start with are looked ahead for first: a quick test at each.)
_KIND_INITIALS = "".join(dict.fromkeys(word[0] for word in f"主题教育|{_NAME_KINDS}".split("|")))
_UNQUOTED = re.compile(
    rf"(?:{_OPENERS})(?:了|好)?(?P<name>[{CN}]{{1,20}}?(?=[{_KIND_INITIALS}])"
    rf"(?:(?<=批)主题教育|{_NAME_KINDS}))"
    r"(?!款|师|队|量|车|有限|公司|集团|局|处|质量|进度|施工|现场|工地|项目部|合同|造价|不便|迟缓|建设上|方面|领域|管网|管道|设施|办公室|“)"
)  # `在…公路改建工程施工现场`: the site of works, not a programme named; nor are its pipes
# (`对农村供水工程管网采取保温防冻措施`) or its office (`…、拉萨市河长制办公室联合发起`)
# A name holds its kind at most 23 characters after the opener starts, and a match reads
# at most 31 characters from there: it is looked for only around the kinds a text holds.
_NAME_KIND = re.compile(f"主题教育|{_NAME_KINDS}")
_KIND_AT_END = re.compile(f"(?:主题教育|{_NAME_KINDS})$")
# The party's theme education is named by its kind alone once its round is known
# (`自主题教育开展以来`, `把主题教育与…结合起来`, `以主题教育引领…`): standing alone, with no
# theme or unit before it (`“青春护航”心理健康主题教育活动`, `民营企业主题教育经验交流座谈会`),
# `主题教育` is that campaign. On the seeds and development pages the gold requires it in 4
# of the 7 articles that print it so and lists it optional in the other 3 (looked behind after).
_THEME_EDUCATION = re.compile(
    rf"主题教育(?:(?<![{CN}”’」]主题教育)|(?<=[自把将以在对与和]主题教育)|(?<=推动主题教育|深化主题教育))(?!活动)"
)
# A programme, reform, policy or drive named without marks, right after the
# verb that carries out that kind of initiative: `推进边境小康村建设`,
# `深化公立医院综合改革`, `用好生态护林员岗位政策`, `实施和美乡村项目`,
# `开展为期两个半月的交通运输行业乱点乱象专项整治`, `实施极高海拔地区生态搬迁`. A short list of levels may
# open it: `建立区、乡、村三级矛盾纠纷排查化解机制`.
_DRIVE_VERBS = "开展|推进|深化|启动|部署|实施"
_CARRIED_OUT_BY = {
    "专项整治行动": _DRIVE_VERBS,
    "专项行动": _DRIVE_VERBS,
    "专项整治": _DRIVE_VERBS,
    "专项治理": _DRIVE_VERBS,
    "试点": _DRIVE_VERBS,
    "专项检查": _DRIVE_VERBS,
    "专项执法检查": _DRIVE_VERBS,
    "专项监测": _DRIVE_VERBS,
    "专项排查": _DRIVE_VERBS,
    "专项抽查": _DRIVE_VERBS,
    "大检查": _DRIVE_VERBS,
    "专项治理行动": _DRIVE_VERBS,
    "整治": "开展|推进|深化",
    "斗争": _DRIVE_VERBS,
    "保卫战": "打好|打赢",
    "攻坚战": "打好|打赢",
    "建设": "推进|开展|推行|深化|抓好|依托|实施",
    "创建": "推进|开展|深化|启动",
    "创建活动": _DRIVE_VERBS,
    "项目": "实施|推进|启动|依托|落实",
    "工程": "实施|推进|启动|依托|落实",
    "改革": "深化|推行|推进|实施|启动",
    "计划": "实施|启动|落实|推进|深化",
    "搬迁": "实施|推进",
    "政策": "落实|用好|执行|实施",
    "机制": "建立",
    "制度": "推行|实行",
    "保险": "推进|推行|实施",
}
# Two kinds joined are one field of work (`体系改革与建设补助项目`), not two programmes.
_KIND_WORDS = "建设|改革|创建|发展|管理|保护|治理"
# A field of work listed with the stages of work after it: `推进农村公路建设、管理、养护`,
# or with other fields no kind names: `推进幼儿园建设、师资配备和保教质量提升`.
_FIELDS_AFTER = re.compile(
    rf"、(?:[{CN}]{{2}}|(?![{CN}]{{0,4}}(?:{_KIND_WORDS}|工程|项目|行动|计划|活动|整治))[{CN}]{{4,6}})[、和及]"
)
# What a unit's name covers too, in brackets: `民主法治示范村（社区）创建`.
_ALSO = rf"[（(][{CN}]{{1,4}}[）)]"
_PROGRAMME_VERBS = "|".join(sorted({v for vs in _CARRIED_OUT_BY.values() for v in vs.split("|")}))
# A mechanism or a system a unit sets up and keeps improving (`建立健全`, `健全`, `完善`) is a
# provision kept in order, not an initiative it names: `建立健全矛盾纠纷排查化解机制`,
# `督促企业建立健全全员安全生产责任制`. On the development pages the gold requires none of those
# printed so without marks (three optional, three more not listed), where it requires every one
# with its own words in marks (`健全“…”工作机制`). One a unit sets up is read: `建立…三级…机制`.
_IMPROVED = ("健全", "完善")
_PROGRAMME = re.compile(
    rf"(?P<verb>{_PROGRAMME_VERBS})(?!健全|完善)(?:好|了|的)?(?:为期[^{BREAK}的]{{1,8}}的)?"
    rf"(?P<name>(?:\d{{4}}年)?(?:[{CN}]{{1,2}}、)*(?:[{CN}]|{_ALSO})"
    rf"{{3,22}}?(?P<kind>{'|'.join(_CARRIED_OUT_BY)}))"
    rf"(?=[^{CN}“‘「]|(?:和|与|及)(?!{_KIND_WORDS})|的|等|工作|中|以来|走深走实|提质增效|$)"
)
_PROGRAMME_VERB = re.compile(_PROGRAMME_VERBS)
# A reform or a field of building a unit goes on pushing is its line of work, not a
# programme it names: `将持续深化社会救助改革`, `继续推进智慧供热平台建设`. A place
# built to a standard stays one (`持续推进体育强区建设`). A reform a speaker says must be deepened
# is a line of work too: `要深化人才发展体制机制改革` (the three `要…深化…改革` of the development
# pages not listed).
_ONGOING = re.compile("(?:要|持续|继续|不断|进一步)(?:深入)?$")
# So is one it plans to speed up: `下一步将加快推进冷链物流信息平台建设` (0 / 2 / 7 so printed).
_SPED_UP = re.compile("(?:下一步|将)[^。；！？]{0,24}加快$")
_ONGOING_KINDS = ("改革", "建设")
_ONGOING_VERBS = ("深化", "推进")
_PLACE_BUILT = re.compile("[区市县乡镇村城]建设$")
# `建设的` before a project says what it was built with: `依托…援藏资金建设的…加工项目`; after
# `依托`, before anything (`依托拉萨河谷风光建设的乡村民宿`: both so printed on the development
# pages, neither listed).
_BUILT_WITH = re.compile(rf"的[{CN}]{{2,20}}?(?:项目|工程)")
# The second of two programmes one verb carries out, the first a programme or a drive:
# `落实教育“三包”政策和农村义务教育学生营养改善计划`, `开展蓝天保卫战攻坚行动和建筑工地
# 扬尘污染专项整治`.
_FIRST_KINDS = "|".join(_CARRIED_OUT_BY) + "|行动"
_SECOND = re.compile(
    rf"(?P<verb>{_PROGRAMME_VERBS})(?:好|了)?[^{BREAK}和及与]{{2,24}}?(?:{_FIRST_KINDS})"
    rf"(?:和|及|与)(?P<name>(?!{_KIND_WORDS})(?:[{CN}]|{_ALSO}){{4,22}}?"
    rf"(?P<kind>{'|'.join(_CARRIED_OUT_BY)}))(?=[^{CN}“‘「]|的|等|工作|中|以来|$)"
)
# A drive listed among others one verb carries out, after a drive or programme:
# `同步推进“两客一危”…清零行动、农村道路交通安全专项整治、“一盔一带”…行动`. A field
# of building or a mechanism listed is a task or a provision (`…、现代化产业体系建设等中心工作`,
# `建立健全…审查机制、风险评估机制`).
_LIST_AFTER = re.compile(
    rf"(?P<verb>{_PROGRAMME_VERBS})(?!健全)(?:好|了)?(?P<list>[^{BREAK}]{{8,160}})"
)
_LISTED_KINDS = "专项整治行动|专项行动|专项整治|专项治理|整治|斗争|攻坚战|保卫战"
_LISTED_ITEM = re.compile(rf"[{CN}]{{4,22}}?(?P<kind>{_LISTED_KINDS})")
_PROGRAMME_END = re.compile(rf"(?:{_FIRST_KINDS}|工程|活动)”?$")
_LIST_TAIL = re.compile(r"等?工作$|等$")  # `…专项整治等工作`
# Where a second programme may start: the rare pages that join two kinds are looked at there.
_KIND_JOINED = re.compile(rf"(?:{_FIRST_KINDS})(?:和|及|与)")
# A project named at the head of a clause that says it has started or is done:
# `昌都市城区第二水厂扩建工程通水运行`, `县城供水管网漏损治理项目近日通过验收`.
_TIME_LEAD = re.compile(r"^(?:近日|日前|目前|同时|此外|据介绍|据了解|今年|去年)+")
# A project's capacity is part of its name: `噶尔县100兆瓦风电项目`, `…35千伏输变电工程`.
_CAPACITY = re.compile(r"(?<=[\u4e00-\u9fff])\d+(?:\.\d+)?(?:万千瓦|兆瓦|千瓦|千伏|万吨)")
# Two works joined by 和 are a field of work (`农村公路建设和农房改造项目`), not one project.
_NOT_A_PROJECT = re.compile(
    rf"[^{CN}]|的|等|是|将|在|把|对|为|个|批|该|这|此|各|和|推进|加快|实施|举行|举办|开展"
)  # (`达孜区举行民族传统体育项目培训班`: a unit holding its session)
# A programme that heads its clause, its training session after it:
# `昂仁县高素质农牧民培育计划首期培训班开班`.
# (Each branch opens with a character, so that the scan skips the rest quickly.)
_SESSION = re.compile(
    r"首期(?:培训班|研修班)|第[一二三四五六七八九十\d]{1,3}期(?:培训班|研修班)|培训班|研修班"
)
_SESSION_OF = re.compile("(?:计划|工程|项目|行动)$")
# A programme that heads its clause, carried on, started or bearing fruit by the words after
# it: `澎波河谷现代农业示范区建设加快推进`, `得益于边境小康村建设和兴边富民行动的持续推进`,
# `全县农村人居环境整治百日攻坚行动正式启动`, `…培训工程实施以来`, `…专项行动取得明显成效`.
# (Each branch opens with a character, so that the scan skips the rest quickly.)
_ADVANCING = ("持续", "加快", "深入", "扎实", "稳步", "有序", "全面", "顺利")
_PUSHED_WORDS = "|".join(
    (
        f"的(?:{'|'.join(_ADVANCING)})推进",
        *(f"{word}推进" for word in _ADVANCING),
        *(f"{verb}以来" for verb in ("实施", "开展", "落实", "启动", "推进")),
        "正式启动|启动仪式|启动|拉开帷幕|开幕|全面铺开|全面展开",
        "取得了?(?:明显|显著|积极|阶段性|良好)?成效|成效(?:明显|显著)",
    )
)
_PUSHED_ON = re.compile(f"工作(?:{_PUSHED_WORDS})|{_PUSHED_WORDS}")
_PUSHED_LEAD = re.compile(r"^(?:得益于|受益于|随着|伴随着|自|从|全[市区县乡镇]|我[市区县])+")
_PUSHED_KIND = re.compile(
    r"(?:建设|工程|项目|行动|改造|宣传月|宣传周|活动月|专项整治|斗争|创建|政策|计划|改革|试点)$"
)
# A title to be won, named with the verb: `创建国家食品安全城市`, `创建民族团结进步模范区`, the
# title's own words in marks (`以创建‘四好农村路’省级示范县为抓手`, the one printed so, required), a
# school's or hospital's (`以创建二级甲等医院为目标`; `已创建…特色学校28所` counts titles won).
# (Not the end of a programme's name, followed by what it goes into: `把…进步创建融入城市更新`.)
_CREATE = re.compile(
    rf"(?P<name>创建(?!融入|纳入)(?:[“‘][{CN}]{{2,10}}[”’][{CN}]{{0,14}}?|[{CN}]{{2,14}}?)"
    r"(?:城市|示范区|模范区|先行区|示范市|示范县|示范村|学校|医院))"
)
# An activity or a survey named without marks, opened by a verb that organises it:
# `开展安全宣传进校园活动`, `开展生物多样性本底调查`, `启动第35个全国税收宣传月活动`. Short ones (`开展文体活动`,
# `开展入户调查`) are kinds, not names.
_ORGANISING = ("开展", "举办", "组织", "启动")
_ACTIVITY = re.compile(
    rf"(?:{'|'.join(_ORGANISING)})了?(?P<name>(?:第[\d一二三四五六七八九十]{{1,3}}个)?[{CN}]{{4,20}}?"
    rf"(?:活动|调查|普查))(?=暨|[^{CN}]|$)"
)
# An activity held alongside another event is a side show of that event, held once: `运动会期间,
# 县里同步举办农畜产品展销活动`, `大赛期间还同步举办了乡村旅游产品展示展销活动`. On the
# development pages the gold requires none of the seven events printed so without marks or a
# number (three optional); a named one stays (`博览会期间同步举办"边贸好物进万家"直播带货活动`,
# `…同步举办第三届…博览会`).
# A drive carried out everywhere at once is none: `全市同步开展冬季安全用电宣传月活动`. So is one
# held at the same time as the event: `本届赛马节…同时举办了农畜产品展销活动` (with those held
# `同步`, 0 / 3 / 5 given on the seeds and development pages).
_ALONGSIDE = re.compile("同[步时]举办")
# When an activity is held says nothing of which it is: `节前走访慰问活动`, `冬季校园体育活动`.
_WHEN = re.compile(
    r"^(?:节前|节日|节假日|春节|新春|暑期|寒假|暑假|年终|岁末|年初|[春夏秋冬]季)(?:期间)?"
)
# One session or a run of unnamed ones: `举办了一场迎新春文艺演出活动`, `一系列…活动`.
_SESSIONS = re.compile(
    r"^(?:[一两二三四五六七八九十\d]+(?:场|次|期|轮|项)|首场|一系列|系列|多场|多项)"
)
# A national census or survey is named by its number: `结合第四次全国文物普查`.
_CENSUS = re.compile(rf"第[一二三四五六七八九十\d]{{1,3}}次全国[{CN}]{{2,10}}?(?:普查|调查)")
# So is an activity of a named day, week, month or year: `安全生产月活动`, `全国科普日活动`,
# `作风建设年活动` (`节日活动` is none: too short).
_PERIOD_ACTIVITY = re.compile(r"(?<!节)[日周月年](?:主题|宣传|系列)?活动$")
# A short activity is a name when it says where it goes: `非遗进校园活动`, `送戏下乡活动`.
_GOES_TO = re.compile(r"进|下乡|入户|到村|下基层")
# A short name joined to the word before is a kind of work, not a name: `灌溉和供水工程`.
_JOINED = ("、", "和", "与", "及")


def _unquoted(text: str) -> list[Named]:
    """Names without marks, opened by a verb that organises them."""
    found: list[Named] = []
    for m in near(_NAME_KIND, _UNQUOTED, text, before=23, reach=31):
        name = _LEADING_VERBS.sub("", _VISIT.split(_STRONG.split(m["name"])[-1])[-1])
        name = _PERIOD.sub("", name.removeprefix("到"))  # `参与到环境整治行动中来`
        at = m.end("name") - len(name)
        if name.startswith("提升") and text.endswith("巩固", 0, at):  # one word: `巩固提升工程`
            lead = _TIME_LEAD.sub("", _STRONG.split(clause_before(text, at - 2))[-1])
            lead = _LEADING_VERBS.sub("", _VISIT.split(lead.removeprefix("其中"))[-1])
            if len(lead) >= 2 and re.fullmatch(f"[{CN}]+", lead):  # `错那市农村电网巩固…`
                at, name = at - 2 - len(lead), lead + "巩固" + name
        if not (
            clause_inside(name)
            or is_generic(name)
            or TIMES_DONE.match(name)
            or name.startswith(_IMPROVED)  # `建立健全全员安全生产责任制`
            or in_book_title(text, m.start())
            or (name.endswith("运动") and not _MOVEMENT_BEFORE.search(text, max(0, at - 4), at))
            or (
                text[at - 1 : at] in _JOINED and len(name) <= 4 and not CHIEF_SYSTEM.fullmatch(name)
            )
            or _COUNTED.match(text, m.end("name"))
            or _kind_split(text, m["name"], m.end("name"))
        ):
            qualifiers = _QUALIFIER_LIST.search(text, max(0, at - 16), at)
            if qualifiers:  # `开展机动车、非机动车突出交通违法行为整治行动`
                at = qualifiers.start("list")
                name = qualifiers["list"] + name
            found.append(Named(at, name))
    seconds = (
        _SECOND.search(text, max(0, k.start() - 32), k.end() + 30)
        for k in _KIND_JOINED.finditer(text)
    )
    for m in [*_PROGRAMME.finditer(text), *(m for m in seconds if m is not None)]:
        if (
            m["verb"] not in _CARRIED_OUT_BY[m["kind"]].split("|")
            or (
                m["kind"] in _ONGOING_KINDS
                and m["verb"] in _ONGOING_VERBS
                and (
                    _ONGOING.search(text, max(0, m.start() - 4), m.start())
                    or _SPED_UP.search(text, max(0, m.start() - 30), m.start())
                )
                and not _PLACE_BUILT.search(m["name"])
            )
            or (
                m["kind"] == "建设"
                and (
                    _BUILT_WITH.match(text, m.end("name"))
                    or (m["verb"] == "依托" and text.startswith("的", m.end("name")))
                )
            )
        ):
            continue
        name = _PROGRAMME_VERB.split(m["name"])[-1]
        if name.endswith(("工程建设", "项目建设")):
            name = name.removesuffix("建设")  # `推进雪亮工程建设`: the programme is `雪亮工程`
        if not (
            clause_inside(name)
            or MILESTONE_REACHED.search(name)  # `推进重大项目开工建设`: a stage, not a name
            or is_generic_programme(name)
            or TIMES_DONE.match(name)  # `再开展一轮…集中排查整治`
            or in_book_title(text, m.start())
            or _COUNTED.match(text, m.end("name"))
            or _FIELDS_AFTER.match(text, m.end("name"))
        ):
            found.append(Named(m.end("name") - len(name), name))
    found.extend(_listed(text))
    for m in MILESTONE_REACHED.finditer(text):
        # What a dash sets before the name says what it is: `首个风电项目——噶尔县…项目开工`.
        words = clause_before(text, m.start()).rpartition("——")[2]
        before = SO_FAR.sub("", words)  # `…项目` of `…项目近日`
        clause = _TIME_LEAD.sub("", before)
        if (
            len(clause) >= 6
            and clause.endswith(("工程", "项目"))
            and not (
                _NOT_A_PROJECT.search(_CAPACITY.sub("", clause)) or is_generic_programme(clause)
            )
        ):
            end = m.start() - (len(words) - len(before))
            found.append(Named(end - len(clause), clause))
    for m in _SESSION.finditer(text) if "班" in text else ():  # (most texts hold no 班)
        clause = _TIME_LEAD.sub("", clause_before(text, m.start()))
        if (
            len(clause) >= 6
            and _SESSION_OF.search(clause)
            and not (_NOT_A_PROJECT.search(clause) or is_generic_programme(clause))
        ):
            found.append(Named(m.start() - len(clause), clause))
    for m in _PUSHED_ON.finditer(text):
        words = clause_before(text, m.start())
        so_far = SO_FAR.search(words)  # `…建设已全面铺开`
        words = words[: so_far.start()] if so_far else words
        clause = _PUSHED_LEAD.sub("", _TIME_LEAD.sub("", words))
        at = m.start() - len(clause) - (so_far.end() - so_far.start() if so_far else 0)
        for name in re.split("和|与|及|、", clause):
            if (
                len(name) >= 6
                and (_PUSHED_KIND.search(name) or _named_activity(name))
                and not (_NOT_A_PROJECT.search(YEAR.sub("", name)) or is_generic_programme(name))
            ):
                found.append(Named(at, name))
            at += len(name) + 1
    found.extend(tasks(text) + defences(text))
    for m in _CREATE.finditer(text) if "创建" in text else ():
        if not (
            CLAUSE_INSIDE.search(m["name"])
            or in_book_title(text, m.start())
            or _COUNTED.match(text, m.end("name"))  # titles won, counted
        ):
            found.append(Named(m.start("name"), m["name"]))
    for m in starting_with("".join({w[0]: w for w in _ORGANISING}), _ACTIVITY, text):
        name = _LEADING_VERBS.sub("", m["name"]).removeprefix("了")
        if not _named_activity(name):
            continue  # `开展文体活动`, `开展走访慰问活动`: kinds of activity, not names
        if not (
            CLAUSE_INSIDE.search(name)
            or is_generic(name)
            or "“" in name
            or _ALONGSIDE.match(text, max(0, m.start() - 2))
            # Sessions counted are a kind of activity (`开展交通安全宣传活动420余场次`),
            # unless the name says where they go (`开展国防教育进校园活动12场`).
            or (_COUNTED.match(text, m.end("name")) and not _GOES_TO.search(name))
        ):
            found.append(Named(m.end("name") - len(name), name))
    for m in _CENSUS.finditer(text) if "次全国" in text else ():
        found.append(Named(m.start(), m[0]))
    for m in _THEME_EDUCATION.finditer(text) if "主题教育" in text else ():
        found.append(Named(m.start(), m[0]))
    return found


def _kind_split(text: str, name: str, end: int) -> bool:
    """Do the words of the kind `name` ends in (at `end` of `text`) belong to the words on
    either side: `进行|动态` of `对配送线路进行动态优化`, where no `行动` is named?"""
    kind = _KIND_AT_END.search(name)
    if kind is None:
        return False
    start, words = end - len(name) + kind.start(), common_words()
    return text[start - 1 : start + 1] in words and text[end - 1 : end + 1] in words


def _named_activity(name: str) -> bool:
    """An activity or survey long enough to be named, or saying where it goes or which day,
    week, month or year it is of (`非遗进校园活动`, `安全生产月活动`); not one session
    (`一场迎新春文艺演出活动`) or a kind held at a season (`冬季校园体育活动`)."""
    if not name.endswith(("活动", "调查", "普查")) or _SESSIONS.match(name):
        return False
    if _GOES_TO.search(name) or (len(name) >= 6 and _PERIOD_ACTIVITY.search(name)):
        return True
    return len(_WHEN.sub("", name)) >= 8 and not is_publicity(name)


def _listed(text: str) -> list[Named]:
    """Programmes listed after a drive or programme that the same verb carries out."""
    found: list[Named] = []
    for m in _LIST_AFTER.finditer(text):
        if "、" not in m["list"]:
            continue
        items = m["list"].split("、")
        at = m.start("list") + len(items[0]) + 1
        for previous, item in pairwise(items):
            listed = _LISTED_ITEM.fullmatch(_LIST_TAIL.sub("", item))
            if (
                listed
                and _PROGRAMME_END.search(previous)
                and m["verb"] in _CARRIED_OUT_BY[listed["kind"]].split("|")
                and not (CLAUSE_INSIDE.search(listed[0]) or is_generic_programme(listed[0]))
            ):
                found.append(Named(at, listed[0]))
            at += len(item) + 1
    return found


def campaign_names(text: str, body_start: int = 0) -> list[Named]:
    """Every named campaign of an article's text, first mention first, once each.

    Straight quotes are read as curly ones (`推行"明厨亮灶"工程`), the name given as printed.
    `text` may open with the headline, the body starting at `body_start`: a
    headline shortens the name its body prints whole (`交通违法行为整治行动` /
    `机动车、非机动车突出交通违法行为整治行动`), and the body's name is kept.

    >>> [n.name for n in campaign_names("推行“一村一辅警”，深入推进边境小康村建设。")]
    ['“一村一辅警”', '边境小康村建设']
    """
    marked = curly_quotes(text)
    every = quoted_names(marked) + _unquoted(marked) + events(marked) + projects(marked)
    kept = [n for n in map(trimmed, every) if n is not None and not no_name(n, marked)]
    found = sorted(kept, key=lambda n: (n.at, -len(n.name)))
    return [
        Named(n.at, as_printed(n.name, marked, text))
        for n in without_shortened(one_per_campaign(found, body_start))
    ]
