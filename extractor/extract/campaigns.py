"""Campaign names by rule: the named initiatives an article reports.

The genre names an initiative in a few shapes, each read here by the cue that
shows it is one, never by a list of known names:
- a quoted name with the kind of initiative after it:
  `“全民消防我体验”宣传活动`, `“四下基层”工作机制`, `“组团式”医疗援藏`,
  `“一键申请”帮扶通道`;
- a quoted name a unit puts into practice, with no kind after it: the verb
  before it organises an initiative (`推行“一村一辅警”`, `开办了“四点半课堂”`), a
  run of quoted names ends in the kind they share (`推行“一窗通办”“帮办代办”
  等服务方式`), it is the aim (`以“最多跑一次”为目标`) or the theme activities
  are carried out under (`结合“…”开展`), or a round of it (`第六轮“冬游西藏”`);
- an unquoted name ending in the kind of initiative, opened by a verb that
  carries it out: `实施村庄清洁行动`, `依托边境小康村建设`, `推进双拥模范城创建`,
  `开展交通运输行业乱点乱象专项整治`, `曲水县实施的农村供水保障工程`;
- an event of a numbered series: `山南市第八届雅砻文化旅游节`, festivals a
  unit holds (`办好桃花旅游文化节、…等节庆活动`), a place's series
  (`阿里地区迎新年系列体育活动`).

What a quoted phrase that is no initiative looks like is read too: a slogan,
an aim or an event's theme (`落实“打早、打小、打了”要求`, `以“千年藏香 匠心传承”为主题`),
a description (`作为“一把手”工程`, `是“十四五”交通重点项目`, unless it says what
a thing is part of: `是“我为群众办实事”实践活动的一部分`), a contrast
(`“输血”与“造血”并重`), an account (`“阿里发布”新媒体平台`). Generic phrases
(`此次活动`, `专项整治`, `重点项目建设`) and sports (`冰雪运动`) are no names.
Which names are one campaign is `mentions`' part.
"""

from __future__ import annotations

import re

from extractor.extract.mentions import Named, one_per_campaign
from extractor.textindex import normalize

_CN = r"\u4e00-\u9fff"
_BREAK = "，,。；;！？!?：:\n"
_BREAK_RE = re.compile(f"[{_BREAK}]")
# What follows a quoted name to make it an initiative, longest first. A few
# words may stand between (`“生命通道”体验疏散演练活动`); `法` and `制` must
# follow at once (`“六抓六促”法`), or `违法` would end a name.
_KINDS = (
    "主题党日活动|主题教育活动|主题宣传活动|宣传教育月|宣传教育活动|志愿服务活动|宣传活动|主题活动|"
    "实践活动|系列活动|签名活动|专项行动|攻坚行动|大主题活动|活动|行动|工程|项目|工作机制|机制|模式|"
    "工作法|计划|品牌|体系|改革|试点|比赛|大赛|竞赛|篮球赛|足球赛|联赛|锦标赛|邀请赛|运动会|比武|演练|"
    "文化节|旅游节|艺术节|讲堂|创建|建设|专项整治行动|整治行动|专项整治|整治|经验|责任制|负责制|制度|管理办法|闭环管理|管理|政策|战略|"
    "服务站|服务队|服务|筛查|评选|示范点|驿站|宣讲团|宣讲队|主题班会|班会|医疗援藏|援藏|"
    "招聘会|推介会|博览会|交易会|展销会|洽谈会|"
    # These end a name only where the phrase ends: `“党建引领+网格化”基层治理，`,
    # not `“百万亩”退化草原综合治理工程`, `“一矿一册”台账管理`.
    rf"(?:治理|通道|台账|平台)(?![{_CN}])"
)
_QUOTED = re.compile(
    rf"(?P<open>[“‘「])(?P<inner>[^“”‘’「」，。！？；,;!?\n]{{2,24}})(?P<close>[”’」])"
    rf"(?P<kind>(?:{_KINDS})|[{_CN}·]{{1,10}}?(?:{_KINDS})|法|制)?"
)
# Single marks quote a name inside quoted speech: `学习运用‘千万工程’经验`.
_PAIRS = {"“": "”", "‘": "’", "「": "」"}
# A quoted method named as such: `“线上抽查+线下普查”的核查识别模式` → `“线上抽查+线下普查”`.
_METHOD_OF = re.compile(rf"^的[{_CN}]{{0,6}}(?:模式|机制|工作法|做法|经验|管护|程序|办法|思路)$")
# Words between a quoted term and a kind that show the term is not the name:
# `“三包”等活动`, `“互联网+”这一新模式`, `“两客一危”驾驶员和企业安全管理`.
_LOOSE_KIND = re.compile(r"^(?:这|一)|和|与|及|等|的|开展|举办|一系列|构建|打造|实现|形成")
# A kind that a broader one follows at once: `“生命通道”体验疏散演练活动`.
_MORE_KIND = re.compile("活动|行动")
# A kind that runs on into another word: `“四好农村路”建设者`, `…工程师`, `…活动室`,
# `“一站式”服务中心`.
_KIND_QUALIFIES = re.compile(r"^(?:[者师员室]|中心|大厅|基地|有限|公司|集团)")
# The quoted words themselves say they are an initiative: `“雪亮工程”`, `“九项行动”`.
_SELF_NAMED = re.compile(r"(?:行动|工程|活动|计划|工作法|模式|经验|机制|创建|项目|运动|并举)$")
# A verb right before a quoted name that puts it into practice: `推行“一村一辅警”`, with
# the sessions it holds between (`每月举办1期“零工技能夜校”`; `开展了一次“大扫除”` is one).
_PRACTISED = re.compile(
    r"(?:推行|实行|开展|落实|推进|深化|用好|探索|建立|设立|组建|开设|开办|创办|推出|打造|启动|举办|评选|培养|执行|践行)"
    r"(?:了|好)?(?:[\d二三四五六七八九十两]{1,3}[期场次批届])?$"
)
# A round of a programme run again and again: `第六轮“冬游西藏”`, `第二批“百千万”`.
_ROUND = re.compile(r"第[一二三四五六七八九十\d]{1,3}[轮批期]$")
# Quoted words named as a method by what follows: `推行松茸“采大留小、分片轮采”的采集方式`.
_METHOD_NAMED = re.compile(rf"^的[{_CN}]{{0,6}}?(?:方式|模式|机制|做法|办法|工作法)")
# After `通过`/`采取`/`围绕`, a quoted name is a method only when the method is named:
# `通过“点对点”方式`, `采取“理论+实操”的方式`; not `采取“线上+线下”预约方式`.
_BY_WAY = re.compile(r"(?:通过|采取|采用|围绕|运用)$")
_WAY_AFTER = re.compile(r"^的?(?:方式|模式|办法|形式|做法|途径|渠道)")
# A name put into practice stands alone: what follows is punctuation, another
# name, the words joining it to the next (`推行“红黑榜”和志愿服务积分制度`) or
# the method it is (`实行“乡镇包村、村包组、组包户”的网格化管护`). A noun right
# after makes it a term for that noun: `“两新”组织`, `“两班倒”作业`.
_STANDS_ALONE = re.compile(
    rf"^(?:[^{_CN}]|和|与|及|等|为|$|的[{_CN}]{{0,6}}?(?:模式|机制|做法|管护|管理|程序|办法|方式))"
)
# Quoted words that count principles to keep: `践行“两个维护”`, `落实“四个最严”`.
_PRINCIPLES = re.compile(r"[一二两三四五六七八九十]个")
# Quoted words that read as a sentence, not a name: `“最大限度地减少不和谐因素”`; the
# `地` of `“基地+农户”` is a noun's.
_SENTENCE_WORDS = re.compile(rf"[的得]|(?<=[{_CN}]{{2}})地(?=[{_CN}]{{2}})")
# A run of quoted names ending in what they share: `“以院包科”“师带徒”等帮扶模式`;
# one name alone shares a method: `夏鲁寺“八个依托、八个做法”等一批典型亮点做法`.
_SHARED_KIND = re.compile(
    rf"^等[{_CN}]{{0,8}}?(?:方式|模式|做法|措施|举措|形式|机制|活动|服务|行动|经验)"
)
_SHARED_METHOD = re.compile(rf"^等[{_CN}]{{0,8}}?(?:方式|模式|做法|经验|机制)")
# The aim or support of an initiative: `以“最多跑一次”为目标`, `以“党建+”为抓手`. The
# theme of an event is its slogan (`本届旅游节以“千年藏香 匠心传承”为主题`), unless
# activities are carried out under it: `结合“体育大拜年 健康迎新春”开展…`.
_THEME_AFTER = re.compile(r"^为(?:抓手|载体|牵引|目标)")
_THEME_BEFORE = re.compile(r"以$")
_UNDER_THEME = re.compile(r"结合$")
_UNDER_THEME_AFTER = re.compile(r"^(?:主题)?[，,]?(?:开展|举办|组织)")
# What a quoted phrase is when it is no name: a slogan or demand to meet
# (`“打早、打小、打了”要求`), a contrast (`“输血”与“造血”并重`, `“瓶改管”或…`),
# an app or account (`“达墨环保”微信小程序`).
_NOT_A_NAME_AFTER = re.compile(
    r"^的?(?:要求|原则|理念|精神|目标|态度|标准|作用|口号|标语|号召|目的)|^[与和或向]“|"
    r"^(?:微信|小程序|公众号|手机|App|APP|热线)"
)
# A quoted name followed by what carries news is an account: `“阿里发布”新媒体平台`.
_ACCOUNT = re.compile(r"[^“”]{0,4}(?:微信|小程序|公众号|新媒体|媒体|客户端|App|APP|网站|直播)")
# A quoted phrase that describes what something is, not what it is called:
# `把平安建设作为“一把手”工程`, `是昌都市“十四五”交通重点项目`.
_DESCRIBED = re.compile(r"是|作为|成为|列为|称为|当作|当成|誉为|被评为")
# Unless it says what the thing is part of: `此次活动是尼木县“我为群众办实事”实践活动的一部分`.
_PART_OF = re.compile(r"(?:的一部分|之一|的组成部分|的重要组成部分|的重要内容)")

# Unquoted names, cut at the verb that opens them: after the last strong
# opener inside the match (`关于开展拉萨市……行动` → `拉萨市……行动`), then
# without any weak one left in front.
_STRONG_OPENERS = (
    "开展|实施|推进|推动|启动|落实|深化|参加|参与|举办|组织|抓好|践行|关于|借鉴|推行|实行"
)
_OPENERS = (
    _STRONG_OPENERS + "|学习|结合|围绕|依托|聚焦|通过|加快|持续|深入|积极|扎实|大力|全面|"
    "探索|打造|完善|推广|建立|巩固|创建|自|在|以|对|和|与|及|、|：|:"
)
_STRONG = re.compile(_STRONG_OPENERS)
# A movement is one a unit carries out (`开展爱国卫生运动`); else `运动` is a sport
# (`拔河、锅庄舞、冰雪运动体验`, `参加户外运动`).
_MOVEMENT_BEFORE = re.compile(r"(?:开展|推进|深化|掀起|发起|启动)(?:了|好)?$")
_LEADING_VERBS = re.compile(
    r"^(?:(?:" + "|".join(w for w in _OPENERS.split("|") if len(w) > 1) + "))+"
)
# A name does not hold a clause: `党建为引领建立大整治行动`, `改造等民生工程`,
# `抢在封冻前完成全部路面工程`, `质量和安全是工程`.
_CLAUSE_INSIDE = re.compile(
    r"(?<!行)为|(?<=.)对|等|建立|开展|实施|组织|通过|的|是|完成|将|(?<=.)把|(?<=.)和|(?<=.)与"
)
# Short words listed before a name that qualify it, right after the verb that opens it.
_QUALIFIER_LIST = re.compile(rf"(?:{_STRONG_OPENERS})(?:了|好)?(?P<list>(?:[{_CN}]{{1,4}}、)+)$")
# A name counted right after is a kind of work done, not one programme:
# `实施农村供水项目118个`, `开展安全隐患排查整治1260家次` (not `联网工程二期`).
_COUNTED = re.compile(
    r"(?:\d+|[两三四五六七八九十百千]+)[余多]?(?:个|项|处|家次|家|次|轮|批|场次|场|座|所|条|户)"
)
# Verbs of visiting or learning end what comes before: `……村深入了解积分制管理` → `积分制管理`.
_VISIT = re.compile(r"了解|学习|参观|考察|深入|走进")
_UNQUOTED = re.compile(
    rf"(?:{_OPENERS})(?:了|好)?(?P<name>[{_CN}]{{1,20}}?"
    r"(?:(?<=批)主题教育|大整治行动|整治行动|专项行动|提升行动|行动|工程|运动|积分制|责任制|长制|"
    r"进步创建|城市创建|示范创建|宣传月|宣传周|活动月|服务月))"
    r"(?!款|师|队|量|车|有限|公司|集团|局|处)"
)
# A programme, reform, policy or drive named without marks, right after the
# verb that carries out that kind of initiative: `推进边境小康村建设`,
# `深化公立医院综合改革`, `用好生态护林员岗位政策`, `实施和美乡村项目`,
# `开展为期两个半月的交通运输行业乱点乱象专项整治`. A short list of levels may
# open it: `建立区、乡、村三级矛盾纠纷排查化解机制`.
_CARRIED_OUT_BY = {
    "专项整治行动": "开展|推进|深化|启动",
    "专项行动": "开展|推进|深化|启动",
    "专项整治": "开展|推进|深化",
    "整治": "开展|推进|深化",
    "斗争": "开展|推进|深化",
    "保卫战": "打好|打赢",
    "攻坚战": "打好|打赢",
    "建设": "推进|开展|推行|深化|抓好|依托",
    "创建": "推进|开展|深化",
    "项目": "实施|推进|启动|依托",
    "工程": "实施|推进|启动|依托",
    "改革": "深化|推行|推进",
    "计划": "实施|启动",
    "政策": "落实|用好|执行",
    "机制": "建立",
}
_PROGRAMME_VERBS = "|".join(sorted({v for vs in _CARRIED_OUT_BY.values() for v in vs.split("|")}))
_PROGRAMME = re.compile(
    rf"(?P<verb>{_PROGRAMME_VERBS})(?!健全)(?:好|了|的)?(?:为期[^{_BREAK}的]{{1,8}}的)?"
    rf"(?P<name>(?:\d{{4}}年)?(?:[{_CN}]{{1,2}}、)*[{_CN}]{{3,22}}?(?P<kind>{'|'.join(_CARRIED_OUT_BY)}))"
    rf"(?=[^{_CN}“‘「]|和|与|及|的|等|工作|中|以来|$)"
)
_PROGRAMME_VERB = re.compile(_PROGRAMME_VERBS)
# A project named at the head of a clause that says it has started or is done:
# `昌都市城区第二水厂扩建工程通水运行`, `县城供水管网漏损治理项目近日通过验收`.
_MILESTONE = re.compile(
    r"(?:近日|日前|已经|已|正式|顺利|全面)?(?:开工|竣工|完工|通水|通电|通车|投运|投产|通过验收|全线贯通)"
)
_TIME_LEAD = re.compile(r"^(?:近日|日前|目前|同时|此外|据介绍|据了解|今年|去年)+")
_NOT_A_PROJECT = re.compile(rf"[^{_CN}]|的|等|是|将|在|把|对|为|个|批|该|这|此|各")
# A task in the unit's charge, named as one of its `……工程` or `……项目`:
# `把控辍保学作为义务教育的“底线工程”`, `把二次供水设施改造列入为民办实事项目`.
_CHARGE = re.compile(
    rf"把(?P<name>[{_CN}]{{4,12}})(?:作为|列入|列为|纳入)[^{_BREAK}]{{0,12}}?(?:工程|项目)"
)
# A title to be won, named with the verb: `创建国家食品安全城市`, `创建民族团结进步模范区`.
_CREATE = re.compile(
    rf"(?P<name>创建[{_CN}]{{2,14}}?(?:城市|示范区|模范区|先行区|示范市|示范县|示范村))"
)
# An activity or a survey named without marks, opened by a verb that organises it:
# `开展安全宣传进校园活动`, `开展生物多样性本底调查`. Short ones (`开展文体活动`,
# `开展入户调查`) are kinds, not names.
_ACTIVITY = re.compile(
    rf"(?:开展|举办|组织|启动)(?P<name>[{_CN}]{{4,20}}?(?:活动|调查|普查))(?=暨|[^{_CN}]|$)"
)
# A short activity is a name when it says where it goes: `非遗进校园活动`, `送戏下乡活动`.
_GOES_TO = re.compile(r"进|下乡|入户|到村|下基层")
# An event of a numbered series: `第八届雅砻文化旅游节`, `第二届“珠峰百姓名嘴”选拔大赛`.
_EVENT_KINDS = (
    "文化节|旅游节|艺术节|节|大赛|比赛|运动会|博览会|交易会|会演|联赛|锦标赛|邀请赛|马拉松|赛"
)
_NUMBERED = re.compile(
    rf"(?P<name>(?:第[一二三四五六七八九十百\d]{{1,4}}|首)届[{_CN}“”·]{{2,18}}?(?:{_EVENT_KINDS})"
    rf"(?:”|(?![{_CN}]*?[“”])))"  # `首届“彩林节”`
)
# An event a place names as its own, at the head of a clause or after the verb that
# holds it: `拉萨市迎新春青少年篮球联赛在……开赛`, `举办日喀则市2024年全民健身运动会`.
_PLACE_EVENT_KINDS = (
    "联赛|锦标赛|邀请赛|运动会|篮球赛|足球赛|马拉松|大赛|文化节|旅游节|艺术节|活动周|宣传周|活动月"
)
_PLACE_EVENT_KIND = re.compile(_PLACE_EVENT_KINDS)
_PLACE_EVENT = re.compile(
    rf"(?P<name>[{_CN}]{{2,6}}?(?:市|县|区)(?:\d{{4}}年)?[{_CN}]{{2,14}}(?:{_PLACE_EVENT_KINDS}))"
)
_EVENT_LEAD = re.compile(r"(?:^|举办|举行|承办|参加|开展|迎来|近日|日前|\d+日|为主题的)$")
# A cup series: `“雪域杯”篮球赛`, `格桑花杯足球联赛`.
# A series a place holds: `本届比赛是阿里地区迎新年系列体育活动之一`.
_SERIES = re.compile(
    rf"(?P<name>[{_CN}]{{2,6}}?(?:地区|市|县|区)[{_CN}]{{0,8}}系列[{_CN}]{{0,4}}活动)"
)
_CUP = re.compile(rf"(?P<name>[{_CN}]{{2,8}}杯[{_CN}]{{0,6}}?(?:联赛|锦标赛|邀请赛|大赛|比赛|赛))")
# Festivals a unit holds, one or a list: `办好桃花旅游文化节、雅鲁藏布生态文化旅游节等节庆活动`.
_HELD = re.compile(rf"(?:办好|举办|举行|承办)(?P<list>[{_CN}·、]{{5,60}}?)(?=等|[^{_CN}·、]|$)")
_FESTIVAL = re.compile(rf"^[{_CN}·]{{3,16}}(?:文化节|旅游节|艺术节|节)$")

_GENERIC = re.compile(
    r"^(?:此次|本次|这次|此类|该|各类|各项|一系列|系列|相关|类似|上述|这些|有关|各|等|整治|宣传|"
    r"主题|志愿服务|实践|专项|集中|该项|联合|大整治|实际|重点|项目|工程|基础设施|长效|工作|"
    r"一批|新一批|这一|其|本|全面|常态化|阶段性)|联合行动$|长效机制$"
)
# Verbs that hold an event: words before a name holding one are not part of it.
_ORGANISING = re.compile(r"开展|举办|举行|组织|承办|启动|参加|参与|召开")
# The words right before a quoted name: `拉萨市迎新年` in `拉萨市迎新年“三对三”篮球赛`.
_LEAD = re.compile(rf"[{_CN}]+$")
_PLACE_LEAD = re.compile(rf"^[{_CN}]{{2,6}}?(?:市|区|县|乡|镇)[{_CN}]{{0,4}}$")
# A place that opens a name: `色尼区` in `色尼区高寒退化草原生态修复项目`.
# `城市`, `县城`, `市场`, `区域`, `示范区` are words, not places: `国家卫生县城创建`,
# `全域旅游示范区创建`.
_PLACE_HEAD = re.compile(
    rf"^(?:[{_CN}]{{2,6}}?(?:自治区|(?<!城)市(?!场)|(?<!示范|模范|先行|开发|保护)区(?!域)|县(?!城))"
    rf"|全[市区县乡镇])"
)


# A system of chiefs over one thing: `河长制`, `林长制`, `路长制`.
_CHIEF_SYSTEM = re.compile(rf"[{_CN}]长制")


def _is_generic(name: str) -> bool:
    core = normalize(name, drop_quotes=True)
    if _CHIEF_SYSTEM.fullmatch(core):
        return False  # `河长制`, `林长制`: short, and named
    return len(core) < 4 or bool(_GENERIC.search(core))


_YEAR = re.compile(r"^\d{4}年")


def _is_generic_programme(name: str) -> bool:
    """`重点项目建设`, `乡村建设`, `城关区乡村建设`: a field of work, not a programme's name."""
    core = _PLACE_HEAD.sub("", _YEAR.sub("", name.split("、")[-1]))
    return len(core) < 5 or bool(_GENERIC.search(core))


def _in_book_title(text: str, at: int) -> bool:
    """Inside 《…》: the title of a document, not a campaign."""
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def _clause_before(text: str, at: int) -> str:
    """The words of the clause that stand before `at` (at most 40 characters)."""
    start = max(0, at - 40)
    for m in _BREAK_RE.finditer(text, start, at):
        start = m.end()
    return text[start:at]


def _place_lead(text: str, at: int, done: int) -> str:
    """A place printed right before a name: `拉萨市迎新年` before `“三对三”篮球赛`,
    not `城关区开展` before `第十二届……联赛`."""
    words = _LEAD.search(text, max(done, at - 12), at)
    lead = _PLACE_LEAD.search((words[0] if words else "").rpartition("的")[2])
    return lead.group(0) if lead and not _ORGANISING.search(lead.group(0)) else ""


def _runs(matches: list[re.Match[str]], text: str) -> list[list[re.Match[str]]]:
    """Quoted names printed one after another (`“一窗通办”“帮办代办”`, `“A”、“B”`)."""
    runs: list[list[re.Match[str]]] = []
    for m in matches:
        if runs and text[runs[-1][-1].end("close") : m.start()] in ("", "、"):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _quoted(text: str) -> list[Named]:
    """Quoted names, with or without the kind of initiative after them."""
    found: list[Named] = []
    matches = [
        m
        for m in _QUOTED.finditer(text)
        if _PAIRS[m["open"]] == m["close"] and not _in_book_title(text, m.start())
    ]
    done = 0  # the end of the previous quoted name: words before it are not this one's
    for run in _runs(matches, text):
        before = _clause_before(text, run[0].start())
        tail = text[run[-1].end("close") : run[-1].end("close") + 16]
        if _DESCRIBED.search(before) and not _PART_OF.match(text, run[-1].end()):
            done = run[-1].end()
            continue
        shared = bool(_SHARED_KIND.match(tail) if len(run) > 1 else _SHARED_METHOD.match(tail))
        last = run[-1]
        if len(run) > 1 and last["kind"] and not _LOOSE_KIND.search(last["kind"][:-1]):
            # `“一矿一册”“一库一册”台账管理`: the kind after a run names the run.
            found.append(Named(run[0].start(), text[run[0].start() : last.end()]))
            done = last.end()
            continue
        for m in run:
            named = _one_quoted(text, m, before, shared, done)
            done = m.end()
            if named is not None:
                found.append(named)
    return found


def _one_quoted(text: str, m: re.Match[str], before: str, shared: bool, done: int) -> Named | None:
    """One quoted name of a run, if it names an initiative."""
    inner, kind = m["inner"], m["kind"]
    quoted = f"{m['open']}{inner}{m['close']}"
    close = m.end() - len(kind or "")
    after = text[close : close + 12]
    if kind and _METHOD_OF.match(kind):
        return Named(m.start(), quoted)
    if _ACCOUNT.match(text, close):
        return None
    if kind and (
        _LOOSE_KIND.search(kind[:-1]) or _KIND_QUALIFIES.match(text[m.end() : m.end() + 4])
    ):
        kind = None
    if kind:
        more = _MORE_KIND.match(text, m.end())
        kind += more[0] if more else ""  # `…疏散演练` + `活动`
        lead = _place_lead(text, m.start(), done)
        if kind.endswith(("赛", "节", "比武")) and lead:
            return Named(
                m.start() - len(lead), lead + quoted + kind
            )  # `拉萨市迎新年“三对三”篮球赛`
        return Named(m.start(), quoted + kind)
    if _NOT_A_NAME_AFTER.match(after):
        return None
    if _SELF_NAMED.search(inner):
        return Named(m.start(), quoted)
    if _SENTENCE_WORDS.search(inner):
        return None
    practised = (
        bool(_PRACTISED.search(before))
        and bool(_STANDS_ALONE.match(after))
        and not _PRINCIPLES.match(inner)
    ) or bool(_ROUND.search(before))
    by_way = bool(_BY_WAY.search(before)) and bool(_WAY_AFTER.match(after))
    theme = (bool(_THEME_BEFORE.search(before)) and bool(_THEME_AFTER.match(after))) or (
        bool(_UNDER_THEME.search(before)) and bool(_UNDER_THEME_AFTER.match(after))
    )
    method = bool(_METHOD_NAMED.match(after))
    return Named(m.start(), quoted) if practised or by_way or theme or shared or method else None


def _unquoted(text: str) -> list[Named]:
    """Names without marks, opened by a verb that organises them."""
    found: list[Named] = []
    for m in _UNQUOTED.finditer(text):
        name = _LEADING_VERBS.sub("", _VISIT.split(_STRONG.split(m["name"])[-1])[-1])
        name = name.removeprefix("了")  # `实施了农村电网巩固提升工程`
        at = m.end("name") - len(name)
        if not (
            _CLAUSE_INSIDE.search(name)
            or _is_generic(name)
            or _in_book_title(text, m.start())
            or (name.endswith("运动") and not _MOVEMENT_BEFORE.search(text, max(0, at - 4), at))
            or (text[at - 1 : at] == "、" and len(name) <= 4 and not _CHIEF_SYSTEM.fullmatch(name))
            or _COUNTED.match(text, m.end("name"))
        ):
            qualifiers = _QUALIFIER_LIST.search(text, max(0, at - 16), at)
            if qualifiers:  # `开展机动车、非机动车突出交通违法行为整治行动`
                at = qualifiers.start("list")
                name = qualifiers["list"] + name
            found.append(Named(at, name))
    for m in _PROGRAMME.finditer(text):
        if m["verb"] not in _CARRIED_OUT_BY[m["kind"]].split("|"):
            continue
        name = _PROGRAMME_VERB.split(m["name"])[-1]
        if name.endswith(("工程建设", "项目建设")):
            name = name.removesuffix("建设")  # `推进雪亮工程建设`: the programme is `雪亮工程`
        if not (
            _CLAUSE_INSIDE.search(name)
            or _is_generic_programme(name)
            or _in_book_title(text, m.start())
            or _COUNTED.match(text, m.end("name"))
        ):
            found.append(Named(m.end("name") - len(name), name))
    for m in _MILESTONE.finditer(text):
        clause = _TIME_LEAD.sub("", _clause_before(text, m.start()))
        if (
            len(clause) >= 6
            and clause.endswith(("工程", "项目"))
            and not (_NOT_A_PROJECT.search(clause) or _is_generic_programme(clause))
        ):
            found.append(Named(m.start() - len(clause), clause))
    for m in _CHARGE.finditer(text):
        if not (_CLAUSE_INSIDE.search(m["name"]) or _is_generic(m["name"])):
            found.append(Named(m.start("name"), m["name"]))
    for m in _CREATE.finditer(text):
        if not (_CLAUSE_INSIDE.search(m["name"]) or _in_book_title(text, m.start())):
            found.append(Named(m.start("name"), m["name"]))
    for m in _ACTIVITY.finditer(text):
        name = _LEADING_VERBS.sub("", m["name"])
        if len(name) < 8 and not _GOES_TO.search(name):
            continue  # `开展文体活动`, `开展走访慰问活动`: kinds of activity, not names
        if not (_CLAUSE_INSIDE.search(name) or _is_generic(name) or "“" in name):
            found.append(Named(m.end("name") - len(name), name))
    return found


def _events(text: str) -> list[Named]:
    """Events of a numbered or cup series, and festivals a unit holds."""
    found: list[Named] = []
    for m in _NUMBERED.finditer(text):
        lead = _place_lead(text, m.start(), 0)
        name = m["name"]
        if name.endswith("”") and name.count("“") < name.count("”"):
            name = name[:-1]  # `“第三届雪顿节”`: the marks are not the name's
        found.append(Named(m.start() - len(lead), lead + name))
    # The kinds are rare in a page: look for the names ending in one only there.
    for kind in _PLACE_EVENT_KIND.finditer(text):
        event = _PLACE_EVENT.search(text, max(0, kind.end() - 26), kind.end())
        if event is None or event.end() != kind.end():
            continue
        # `以“…”为主题的拉萨市…活动周`: the name starts after the words that describe it.
        start = event.start() + event["name"].rfind("的") + 1
        name = text[start : event.end()]
        if (
            _PLACE_EVENT.fullmatch(name)
            and _EVENT_LEAD.search(_clause_before(text, start))
            and not (
                _CLAUSE_INSIDE.search(name) or _ORGANISING.search(name) or re.search("[在于]", name)
            )
        ):
            found.append(Named(start, name))
    for word in re.finditer("系列", text):
        series = _SERIES.search(text, max(0, word.start() - 16), word.end() + 5)
        if series is None:
            continue
        name = _CLAUSE_INSIDE.split(_ORGANISING.split(series["name"])[-1])[-1]  # `比赛是…`
        if _SERIES.fullmatch(name):
            found.append(Named(series.end() - len(name), name))
    for cup in re.finditer("杯", text):
        series = _CUP.search(text, max(0, cup.start() - 8), cup.end() + 10)
        if series is not None and not _CLAUSE_INSIDE.search(series["name"]):
            found.append(Named(series.start(), series["name"]))
    for m in _HELD.finditer(text):
        items = m["list"].split("、")
        if all(_FESTIVAL.match(item) for item in items):
            at = m.start("list")
            for item in items:
                found.append(Named(at, item))
                at += len(item) + 1
    return found


def campaign_names(text: str, body_start: int = 0) -> list[Named]:
    """Every named campaign of an article's text, first mention first, once each.

    `text` may open with the headline, the body starting at `body_start`: a
    headline shortens the name its body prints whole (`交通违法行为整治行动` /
    `机动车、非机动车突出交通违法行为整治行动`), and the body's name is kept.

    >>> [n.name for n in campaign_names("推行“一村一辅警”，深入推进边境小康村建设。")]
    ['“一村一辅警”', '边境小康村建设']
    """
    found = sorted(
        _quoted(text) + _unquoted(text) + _events(text), key=lambda n: (n.at, -len(n.name))
    )
    return one_per_campaign(found, body_start)
