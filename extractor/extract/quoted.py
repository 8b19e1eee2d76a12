"""Quoted campaign names: the quoted words an article presents as an initiative,
and the quoted words it does not.

A quoted name is an initiative when the kind of initiative follows it
(`“全民消防我体验”宣传活动`, `“一键申请”帮扶通道`), when a unit puts it into
practice (`推行“一村一辅警”`, `开办了“四点半课堂”`, `每月举办1期“零工技能夜校”`),
when the text calls it a way or method (`采取“基地+农户”方式`), an aim
(`以“最多跑一次”为目标`), a theme worked under (`结合“…”开展`), a round
(`第六轮“冬游西藏”`), or what an event is part of; and when its words say where a
service goes (`“送文化下乡”`). It is none when it is a slogan, a demand, a
principle or an event's theme (`落实“打早、打小、打了”要求`, `践行“两个维护”`,
`以“千年藏香 匠心传承”为主题`), a description (`作为“一把手”工程`), a contrast
(`“输血”与“造血”并重`, `从“一次性服务”变为…`), an account or a system of information
(`“阿里发布”新媒体平台`, `“智慧畜牧”信息平台`), an honour
(`“最佳射手”`), a body, post or window (`“河小青”志愿服务队`, `“平安驿站”`, `“爱心窗口”`,
and `“马背兽医”服务` where the article prints `“马背兽医”服务队`), a brand
(`“边境小镇”旅游品牌`), activities listed as the way one thing is done
(`采取“政策宣讲+文艺演出+群众座谈”的方式`) or an ill a unit prevents (`杜绝“半拉子工程”`).
"""

from __future__ import annotations

import re

from extractor.extract.context import (
    BREAK,
    CN,
    MILESTONE,
    clause_before,
    drive_field,
    in_book_title,
    place_lead,
    starting_with,
)
from extractor.extract.described import described_run, kind_end
from extractor.extract.generic import TAX_RELIEF
from extractor.extract.mentions import Named
from extractor.extract.ordinals import EDITION, ROUND_NUMBER
from extractor.extract.self_named import (
    GATHERING,
    GOES,
    GOES_AFTER,
    GOES_OUT,
    GOING,
    ONE_SESSION,
    SELF_NAMED,
)
from extractor.extract.things import (
    AN_ACCOUNT,
    BODY,
    a_body,
    an_honour,
    cut_from_body,
    quoted_runs,
    runs_on,
)
from extractor.extract.ways import (
    a_manner,
    a_method_kind,
    a_model_followed,
    a_pledge,
    a_scheme_rolled_out,
    a_system_set_up,
    named_as_a_method,
    named_as_a_way,
    only_a_way,
)

# What follows a quoted name to make it an initiative, longest first. A few
# words may stand between (`“生命通道”体验疏散演练活动`, `“平安暑期”校外培训机构安全专项检查`:
# each of the 9 quoted names so checked on the seeds and development pages is required), led
# by the year of an event series (`“迎新春·颂家乡”2026年拉萨市群众文艺展演`); `法` and `制` must
# follow at once (`“六抓六促”法`), or `违法` would end a name. So must `措施`: a unit's measures
# named in marks are its method (`采取…等“五个到位”措施`, `落实“犬犬投药、月月驱虫”措施`: each
# so printed on the seeds and development pages is listed, one required, two optional), where
# words between say what they are for (`第五轮“冬游拉萨”优惠措施`, `“一类一策”扶持措施`). A series
# of sessions held is named by its marks (`“冬训充电·技能增收”系列培训`, `“春耕一线”系列报道`: the
# gold requires each of the 4 so printed on the seeds and development pages), a series of goods
# is not (`“羌塘净土”系列产品`, `“藏青”系列新品种`).
_KINDS = (
    "主题党日活动|主题教育活动|主题宣传活动|主题宣传(?!片)|宣传教育月|宣传教育活动|志愿服务活动|宣传活动|主题活动|"
    "实践活动|系列活动|系列(?:培训|宣传|讲座|直播|报道)(?!活动)|签名活动|专项行动|攻坚行动|大主题活动|活动|行动|工程|项目|工作机制|机制|模式|"
    "工作法|调解法|巡检法|计划|党建品牌|体系|改革|试点|比赛|大赛|竞赛|篮球赛|足球赛|联赛|系列赛|锦标赛|邀请赛|运动会|比武|演练|"
    "文化节|旅游节|艺术节|讲堂|创建|(?<!品牌)建设|长制|专项整治行动|整治行动|专项整治|整治|专项清理|专项检查|会战|经验|责任制|负责制|制度|管理办法|闭环管理|管理|政策|战略|"
    "服务|筛查|评选|评比|示范点|融合发展|走访慰问|慰问活动|慰问|管理办法|办法|主题班会|班会|医疗援藏|援藏|"
    "招聘会|推介会|博览会|交易会|展销会|洽谈会|分享会|座谈会|联合检查|主题开放日|开放日|演出季|训练营|夏令营|冬令营|主题展览|展览|巡展|展演|宣讲|"
    "宣传周|宣传月|活动周|活动月|服务月|文化周|体验周|消费季|旅游季|汇演|巡演|演出|音乐会|晚会|巡讲|挑战赛|越野赛|公益行|夜校|大讲堂|课堂|"
    # A camp, a holiday school or a carnival held (`“书香润童心”暑期阅读营`, `“格桑花”暑期学堂`,
    # `“跑进日光城”全民健身嘉年华`: 10 / 0 / 0 so printed), not a business run (`经营`, `运营`).
    "学堂|嘉年华|(?<![经运联警开国民军露宿阵连本大兵])营(?![业运造销收养地商利店区房盘])|"
    # These end a name only where the phrase ends: `“党建引领+网格化”基层治理，`,
    # `“一户一策”动态监测帮扶，`, `推出“一生一案”精准辅导，`, not `“百万亩”退化草原综合治理
    # 工程`, `“云端”帮扶对子`. (A ledger is a record kept, no initiative: `建立“一人一策”帮扶
    # 台账`.) So does a recruiting drive (`“百日千万”网络招聘、`, `“就在西藏”系列专场招聘等活动`),
    # and a pledge units make (`商户作出“线下购物无理由退货”承诺，`). The phrase ends too where it
    # is joined to the next (`推行“双随机、一公开”监管和包容审慎监管`, `将“组团式”医疗帮扶与义诊
    # 相结合`: the gold requires 3 of the 4 so printed on the seeds and development pages, the
    # fourth optional). So does the part it plays: `以“组团式”医疗帮扶为牵引`, `自…“组团式”帮扶
    # 工作开展以来`, `“组团式”教育帮扶的一项重要内容` (3 required, 2 optional, none unlisted).
    rf"(?:治理|通道|帮扶|帮带|辅导|监管|改造|承诺)(?:(?![{CN}])|(?=[与和及]|为(?:牵引|契机|抓手|载体)"
    rf"|的(?:一项)?重要内容|的核心|工作(?:开展|实施|推进)以来))|招聘(?!(?!等)[{CN}])"
)
# Longer quoted words are a name only with a kind soon after: `“县长、局长、…、家长”六长责任制`.
_WORDS = "[^“”‘’「」，。！？；,;!?\n]"
_OPENING = "“‘「"
_QUOTED = re.compile(
    rf"(?P<open>[{_OPENING}])(?P<inner>{_WORDS}{{2,24}}|{_WORDS}{{25,32}}(?=[”’」][{CN}]{{0,4}}(?:{_KINDS})))(?P<close>[”’」])"
    rf"(?P<kind>(?:{_KINDS})|(?:\d{{4}}年)?[{CN}·]{{1,12}}?(?:{_KINDS})|法|制|措施)?"
)
# Single marks quote a name inside quoted speech: `学习运用‘千万工程’经验`.
_PAIRS = {"“": "”", "‘": "’", "「": "」"}
# Words between a quoted term and a kind that show the term is not the name:
# `“三包”等活动`, `“互联网+”这一新模式`, `“两客一危”驾驶员和企业安全管理`, a verb
# done (`“小网格”织密了服务群众的“大网络”`, `“两会”期间加强安全管理`,
# `“小网格”让群众享受到便捷服务`, `“红色物业”助推社区治理`, a thing carried into another,
# `践行“两个维护”体现到窗口服务`: no gold name holds a `到` after its marks), or what the term is made
# (`把“结对认亲”作为民族团结进步模范创建的重要内容`). A selection follows its name at once
# (`“最美家庭”评选`, not `从“法律明白人”中评选出…`). Marks the next words explain (`“一园”即建设
# 市级…示范园`, `即` `namely`) quote a part of a model just named, not a name. Nor do
# those who act together (`与村“两委”班子一道抓创建`), nor those who form a body
# (`村“两委”干部组成政策宣讲小分队`: none printed so on the seeds and development pages names one),
# nor a way the next words are done by (`以“嵌入式”方式补齐服务短板`: of the 65 so printed, the
# gold lists the marks or the way, never the words after).
_LOOSE_KIND = re.compile(
    r"^(?:这|一(?!体化)|即)|和|与|及|等|的|了|把|将|全部|均|已|都|一道|一起|一同|开展|举办|一系列|方式|形式|"
    r"构建|打造|实现|形成|提供|进行|给予|作为|列为|组成|组建|"
    r"加强|强化|做好|抓好|推动|落实|加大|加快|确保|带动|助力|期间|以来|在|今年|去年|目前|是|"
    r"到|让|使|赋能|撬动|助推|激活|破解|带来|成为|变为|换来|点亮|托起|筑牢|绘就|铺就|释放|激发"
)
# Two short words joined right before a kind qualify it together: `“…”劳动和技能竞赛`.
_PAIRED = re.compile(rf"[{CN}]{{2}}[和与][{CN}]{{2}}(?:{_KINDS})")
# An aim to reach or a rule followed, quoted: `确保“水到田头、水进农家”`,
# `按照“定额内平价、超定额累进加价”的办法`.
_AIMED = re.compile(r"(?:确保|力争|力求|争取|做到|按照|依照|遵照|遵循|本着|秉持)$")
# A zero to keep to is a stance or a target: `“零容忍”`, `“零事故”` (not `“零工技能夜校”`).
_ZERO = re.compile(rf"零[{CN}]{{1,2}}")
# Principles kept, three or more of four characters each: `坚持“规划先行、群众自愿、因地制宜”`,
# `落实“党政同责、一岗双责、齐抓共管、失职追责”`.
_KEPT_TO = re.compile("(?:坚持|落实|践行|树牢|贯彻)$")
# `以“…”的方式` followed by what is done names how one takes part, not a method put into
# practice: `边民以“出资源、出劳力”的方式参与其中`.
_MANNER_AFTER = re.compile("^的(?:方式|形式)")
# Services listed, then called by a quoted word, describe what is provided:
# `提供报关代理、外汇结算、物流配送等“一站式”服务`.
_PROVIDED = re.compile("提供|等$")
# A service's standard or capacity raised is no service named: `全面提升“儿童之家”服务水平`,
# `持续提升“一网通办”“一线应答”服务能力`.
_SERVICE_STANDARD = re.compile("水平|能力|质量|效能")
# A service run on into the counter that gives it is a place, not a service named:
# `开设“首乘旅客”服务柜台2个`, `设立了“讨薪绿色通道”服务台` (neither so printed on the seeds and
# development pages is listed; a ledger, `服务台账`, is read elsewhere).
_SERVICE_COUNTER = re.compile("柜台|台(?!账)")
# A quoted management listed among the fields or ills a unit looks into is a field, not a method:
# `紧盯惠民惠农补贴、农村集体“三资”管理、低保救助等领域`, `梳理出…、“校园餐”管理、医保基金使用等
# 9个方面的突出问题`.
_FIELD_LISTED = re.compile(
    rf"(?:、[^{BREAK}]{{1,40}}?)?等[^{BREAK}]{{0,8}}?(?:领域|方面|问题|行业)"
)
_TAX_RELIEF = re.compile(TAX_RELIEF)
# Policy told, read out or brought to people is what is done with it, no policy named:
# `“两委”班子挨家挨户上门讲政策` (none of the 24 so printed names one).
_POLICY_TOLD = re.compile("(?:讲|讲解|宣讲|解读|宣传|送|推送|学)政策$")
# A verb right before a quoted name that puts it into practice: `推行“一村一辅警”`, with
# the rounds it holds between (`每月举办1期“零工技能夜校”`); one session is none
# (`开展了一次“大扫除”`, `各举办1场“故事会”`). What a unit `打造` is a thing built, a
# place or a brand (`打造“一刻钟便民生活圈”`, `打造“藏东明珠”`), not a method; whom it
# `培养`s are people (`选拔培养“乡土科技特派员”`).
_PRACTISED = re.compile(
    r"(?:推行|实行|开展|落实|推进|推动|深化|用好|探索|建立|设立|组建|开设|开办|创办|推出|启动|举办|执行|践行|"
    r"试点|试行|推广)(?:了|好)?(?:[\d二三四五六七八九十两]{1,3}[期批届])?$"
)
# Quoted words a unit `实行`s alone, with no kind after, are how it runs a thing, a rota
# or a rule, not an initiative (`实行“两班倒”`, `实行“一票否决”`, `实行“日产日清”`); what
# it `设立`s or `建立`s alone is a post, a fund or a facility (`设立“科技小院”`). A system
# is one (`实行“双线责任制”`), and so is a method named after (`实行“…”的网格化管护`) or a
# practice named after what it is for (`实行养老服务“时间银行”`).
_RUN_BY = re.compile("(?:实行|设立|建立)了?$")
# A system in marks put into practice after what it is over: `推行农村公路“路长制”`.
_SYSTEM_OF = re.compile(rf"(?:推行|实行|落实|建立|全面推行)(?:了|好)?(?P<of>[{CN}]{{2,6}})$")
# A practice or a school named after what it is for: `推行养老服务“时间银行”`,
# `开办农民“田间学校”` (what a unit `开设`s is a counter or a channel: `开设快速通关“绿色通道”`).
_PRACTICE_FOR = re.compile(rf"(?:推行|实行|开办|创办)(?:了)?(?P<of>[{CN}]{{2,6}})$")
# So is a drive carried out over a field: `开展农村公路“冬季养护百日攻坚”`.
_DRIVE_FOR = re.compile(rf"(?:开展|启动|部署)(?:了)?(?P<of>[{CN}]{{2,6}})$")
_DRIVE_INNER = re.compile("(?:攻坚|行动|整治|会战)$")
# A name a unit's practice is called by: `社区推行的志愿服务“时间银行”也颇受欢迎`; a class
# it opens, in a speaker's words too: `街道开的‘四点半课堂’` (not a meeting, `召开的`).
_PRACTICE_OF = re.compile(rf"(?:推行|实行|开展|实施|打造|开办|(?<![召展公打离])开)的[{CN}]{{0,6}}$")
# A round of a programme run again and again: `第六轮“冬游西藏”`, `第二批“百千万”`.
_ROUND = re.compile(rf"{ROUND_NUMBER}[轮批期]$")
# A follow-up check carried out with nothing named before it is a step of a drive, not
# one: `对已完成整改的问题开展“回头看”` (but `开展控辍保学“回头看”`).
_REVIEW_ALONE = re.compile("(?:开展|组织|进行|启动)(?:了|一次|一轮)?$")
# The round of a numbered series printed right before the marks is the name's: `第三届“珠峰冬季
# 旅游季”系列活动` (the gold names each of the 104 so printed on the seeds and development pages with
# it); a round dated is a past one the series is counted from (`自2014年首届“书香拉萨”活动举办以来`).
_ROUND_OF_SERIES = re.compile(rf"(?<!年){EDITION}$")
# How often a selection is held stands between its name and it: `“洁净之星”月度评选`.
_PERIODIC = re.compile("^(?:月度|季度|年度|每月|每季度|每年)")
# A name put into practice stands alone: what follows is punctuation, another
# name, the words joining it to the next (`推行“红黑榜”和志愿服务积分制度`) or
# the method it is (`实行“乡镇包村、村包组、组包户”的网格化管护`). A noun right
# after makes it a term for that noun: `“两新”组织`, `“两班倒”作业`. Where it is carried
# out may follow (`推动“一校一队、一周一赛”在全县中小学常态化开展`: 1 / 1 / 0), or 工作 (3 / 1 / 0).
_STANDS_ALONE = re.compile(
    rf"^(?:[^{CN}]|和|与|及|等|为|$|工作(?![{CN}])|的[{CN}]{{0,6}}?(?:模式|机制|做法|管护|管理|程序|办法|方式)"
    rf"|在[{CN}]{{1,9}}?(?:开展|落地|推行|铺开|推广))"
)
# A class in marks is named by the teaching it gives right after: `开展“云课堂”业务培训`,
# `开设了“雪域讲堂”周末课程` (on the seeds and development pages the gold requires 4 of the 5 so
# printed, the fifth optional).
_CLASS = re.compile("(?:课堂|讲堂|学堂|夜校)$")
_TEACHING = re.compile(rf"^[{CN}]{{0,4}}?(?:培训|课程|指导|教学|授课|辅导|讲座)")
# The period of a five-year plan: `“十四五”`.
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")
# A five-year programme of legal publicity: `“八五”普法`, not its plan `结合“八五”普法规划`.
_LEGAL_PERIOD = re.compile(r"[一二三四五六七八九]五")
# Quoted words that count principles to keep: `践行“两个维护”`, `落实“四个最严”`.
_PRINCIPLES = re.compile(r"[一二两三四五六七八九十]个")
# Quoted words that read as a sentence, not a name: `“最大限度地减少不和谐因素”`; the
# `地` of `“基地+农户”` is a noun's.
_SENTENCE_WORDS = re.compile(rf"[的得]|(?<=[{CN}]{{2}})地(?=[{CN}]{{2}})")
# Quoted words ending in where a verb goes say how a thing moves or what it comes to, not a
# method: `通过“请进来”的方式`, `让藏香“走出去”`, `让数据“活起来”` (no name of the gold of the seeds
# and development pages ends so, of 16 printed). A kind after may still name one (`…战略`).
_MOTION = re.compile("(?:[进出上下回过起]来|[进出上下回过]去)$")
# What a unit makes a quoted name: one of its projects (`把“数字援藏”作为重点项目`).
_MADE_ONE = re.compile(rf"^(?:作为|列为|列入|纳入)[{CN}]{{0,8}}(?:项目|工程)$")
# What a unit makes the mainstay of its work: `把“高效办成一件事”作为…的重要抓手`.
_MAINSTAY_AFTER = re.compile(rf"作为[{CN}]{{0,14}}?(?:抓手|载体|突破口|切入点)")
# A run of quoted names ending in what they share: `“以院包科”“师带徒”等帮扶模式`;
# one name alone shares a method: `夏鲁寺“八个依托、八个做法”等一批典型亮点做法`.
_SHARED_KIND = re.compile(
    rf"^等[{CN}]{{0,8}}?(?:方式|模式|做法|措施|举措|形式|机制|活动|服务|行动|经验)"
)
_SHARED_METHOD = re.compile(rf"^等[{CN}]{{0,8}}?(?:方式|模式|做法|经验|机制)")
# An activity listed whole in marks among those a unit holds, the list called activities:
# `组织开展安全宣传咨询日、“安全生产万里行”、应急演练等系列活动`.
_HOLDS_LIST = re.compile(rf"(?:开展|举办|举行)了?(?:[{CN}]{{2,14}}、)*$")
_ACTIVITIES_LISTED = re.compile(rf"、[^{BREAK}“”]{{2,40}}?等[{CN}]{{0,8}}活动")
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
# Two quoted names joined are a contrast (`“输血”与“造血”并重`) unless the first names itself
# an initiative (`紧盯“交通基础设施补短板行动”和“城乡供暖提质工程”`) or a unit puts both into
# practice, the kind after the second (`同步推进“明厨亮灶”和“阳光食堂”建设`: on the development
# pages the gold lists the first of eight of the nine so printed, three required).
_JOINED_NEXT = re.compile("^[与和]“")
# Quoted words a state is changed from: `把体检从“一次性服务”变为…`.
_CHANGED_FROM = re.compile("从$")
_CHANGED_TO = re.compile("变|转|到|向")
# Quoted words a thing turns into are a figure, not a name: `决不能让民生工程变成“闹心工程”`,
# `变为“一次办”` (the gold of the seeds and development pages lists none of the 53 so printed).
_TURNED_INTO = re.compile("(?:变成|变为|沦为)了?$")
_ITEM_BREAK = re.compile("[+＋、]")  # between the items of a quoted list


def quoted_names(text: str) -> list[Named]:
    """Quoted names, with or without the kind of initiative after them.

    >>> [n.name for n in quoted_names("推行“一村一辅警”，开展“全民消防我体验”宣传活动。")]
    ['“一村一辅警”', '“全民消防我体验”宣传活动']
    """
    found: list[Named] = []
    matches = [
        m
        for m in starting_with(_OPENING, _QUOTED, text)
        if _PAIRS[m["open"]] == m["close"] and not in_book_title(text, m.start())
    ]
    done = 0  # the end of the previous quoted name: words before it are not this one's
    for run in quoted_runs(matches, text):
        before = clause_before(text, run[0].start())
        tail = text[run[-1].end("close") : run[-1].end("close") + 16]
        if described_run(text, run, before, tail):
            done = run[-1].end()
            continue
        shared = bool(_SHARED_KIND.match(tail) if len(run) > 1 else _SHARED_METHOD.match(tail))
        # A run worked under together: `以“一网通办”“高效办成一件事”为抓手`.
        shared = shared or bool(_THEME_BEFORE.search(before) and _THEME_AFTER.match(tail))
        last = run[-1]
        if (last["kind"] or "").endswith("服务") and _SERVICE_STANDARD.match(text, last.end()):
            done = last.end()
            continue  # `提升“一网通办”“一线应答”服务能力`: a standard raised, no service named
        if (
            len(run) > 1
            and last["kind"]
            and not _LOOSE_KIND.search(last["kind"][:-1])
            and not runs_on(text, last.end())  # `“土专家”“田秀才”组成技术服务队`
        ):
            # `“一矿一册”“一库一册”台账管理`: the kind after a run names the run; a first name
            # that names itself is one of its own (`“安全生产月”“安全宣传进企业”活动`).
            first = run[0]
            if len(run) == 2 and SELF_NAMED.search(first["inner"]) and not first["kind"]:
                found.append(Named(first.start(), text[first.start() : first.end()]))
                first = last
            found.append(Named(first.start(), text[first.start() : last.end()]))
            done = last.end()
            continue
        # What follows the whole run says whether each of its names stands alone:
        # `落实“六稳”“六保”任务` names tasks, not two methods.
        alone = bool(_STANDS_ALONE.match(tail))
        for m in run:
            named = _one_quoted(text, m, before, shared, done, alone)
            done = m.end()
            if named is not None:
                found.append(named)
    return found


def _both_practised(text: str, close: int, before: str) -> bool:
    """Does a unit put into practice two quoted names joined, the kind after the second
    (`同步推进“明厨亮灶”和“阳光食堂”建设`)?"""
    second = _QUOTED.match(text, close + 1)
    return second is not None and bool(second["kind"]) and bool(_PRACTISED.search(before))


def _aimed(before: str, after: str) -> bool:
    """Is a quoted name after `确保`, `按照`… an aim or a rule kept, not a model followed? The
    words of `_AIMED` are two characters at the end (a line's end after them at most), so
    only the last three of `before` are read."""
    return bool(_AIMED.search(before, max(0, len(before) - 3))) and not a_model_followed(
        before, after
    )


def _one_quoted(
    text: str, m: re.Match[str], before: str, shared: bool, done: int, alone: bool = True
) -> Named | None:
    """One quoted name of a run, if it names an initiative (`alone`: nothing but
    punctuation or a joining word follows the run)."""
    inner, kind = m["inner"], m["kind"]
    quoted = f"{m['open']}{inner}{m['close']}"
    close = m.end() - len(kind or "")
    after = text[close : close + 12]
    if _CHANGED_FROM.search(before) and _CHANGED_TO.search(text, close, close + 4):
        return None  # `从“一次性服务”变为…`: a state left behind, not a name
    if _TURNED_INTO.search(before):
        return None
    manner = a_manner(inner, text[close : kind_end(text, m.end())] if kind else None)
    if manner and not SELF_NAMED.search(inner):  # (`“线上年货节”` is a festival, no channel)
        return None
    if "、" in inner and _THEME_BEFORE.search(before) and after.startswith("为目标"):
        return None  # `以“保通、保畅、保安全”为目标`: aims listed, not a method named
    if _PLAN_PERIOD.fullmatch(inner):
        return None  # `“十四五”规划项目`: a plan's period is a code, not a name
    if _LEGAL_PERIOD.fullmatch(inner) and text.startswith("普法", close):
        plan_worked_in = before.endswith("结合") and text.startswith("普法规划", close)
        return None if plan_worked_in else Named(m.start(), quoted + "普法")
    if kind and a_method_kind(kind) and not _aimed(before, after):
        return Named(m.start(), quoted)
    if (
        AN_ACCOUNT.match(text, close)
        and not (kind or "").endswith("活动")
        and not SELF_NAMED.search(inner)  # `“雪亮工程”视频监控平台`: the programme's platform
    ):
        return None  # `“阿里发布”新媒体平台`, not `“边贸好物进万家”直播带货活动`
    if before.endswith("把") and (
        (kind and _MADE_ONE.match(kind)) or (not kind and _MAINSTAY_AFTER.match(text, close))
    ):
        return Named(m.start(), quoted)  # `把“数字援藏”作为重点项目`
    if kind and (
        (_LOOSE_KIND.search(kind[:-1]) and not _PAIRED.fullmatch(kind))
        # The people of an aid programme are its own: `“组团式”教育援藏团队`.
        or (runs_on(text, m.end()) and not kind.endswith("援藏"))
        or (kind.endswith(("评选", "评比")) and _PERIODIC.sub("", kind) not in ("评选", "评比"))
    ):
        kind = None
    if kind and BODY.search(inner) and GOES_OUT.match(kind):
        return None  # `组织“巾帼宣讲团”进村入户宣讲`: a body going out, not an initiative
    if kind and kind.endswith(("管理", "监管")) and "实现" in before:
        return None  # `实现城市部件“一张图”管理`: a state reached, not a method named
    if kind and kind.endswith("管理") and text.startswith("台账", m.end()):
        return None  # `建立了碳汇林地“一张图”管理台账`: a ledger kept, not a method named
    in_list = text[m.start() - 1] == "、" or text.startswith("、", m.end())
    if kind == "管理" and in_list and _FIELD_LISTED.match(text, m.end()):
        return None  # `…、“校园餐”管理、医保基金使用等…问题`: a field listed
    if kind and kind.endswith("服务") and _SERVICE_COUNTER.match(text, m.end()):
        return None  # `“首乘旅客”服务柜台`: the counter, not a service named
    if kind and kind.endswith("服务") and _PROVIDED.search(before):
        return None
    if kind and kind.endswith("服务") and text.startswith("品牌", m.end()):
        return Named(m.start(), quoted)  # `擦亮“一线受理、一跟到底”服务品牌`: the brand's words
    if kind and _TAX_RELIEF.search(kind):
        return None  # `“六税两费”减半征收政策`: a tax relief, not a policy named (`generic.py`)
    if kind and _POLICY_TOLD.search(kind):
        return None  # `村“两委”班子挨家挨户上门讲政策`: policy told, no policy named
    if kind:
        kind += text[m.end() : kind_end(text, m.end())]  # `…疏散演练` + `活动`
        if cut_from_body(text, quoted + kind) and not kind.endswith("援藏"):
            return None  # `“马背兽医”服务` of the article's `“马背兽医”服务队`
        lead = place_lead(text, m.start(), done)
        if kind.endswith(("赛", "节", "比武")) and lead:
            return Named(
                m.start() - len(lead), lead + quoted + kind
            )  # `拉萨市迎新年“三对三”篮球赛`
        field = drive_field(text, m.start(), done, kind)
        series = _ROUND_OF_SERIES.search(text, max(done, m.start() - 6), m.start())
        field = series[0] if series and not field else field
        return Named(m.start() - len(field), field + quoted + kind)
    if (
        (
            _NOT_A_NAME_AFTER.match(after)
            and not (
                _JOINED_NEXT.match(after)
                and (SELF_NAMED.search(inner) or _both_practised(text, close, before))
            )
        )
        or _aimed(before, after)
        or a_pledge(inner)
        or _MOTION.search(inner)
    ):
        return None
    items = inner.split("、")
    if len(items) >= 3 and all(len(i) == 4 for i in items) and _KEPT_TO.search(before):
        return None  # principles kept, not a method named
    if _ZERO.fullmatch(inner):
        return None  # `实行“零容忍”`, `实现“零事故”`: a stance or a target, with no kind
    going = GOES_AFTER.match(after)
    if going and not GOING.match(inner) and _PRACTISED.search(before):
        return Named(m.start(), quoted + going[0])
    if _THEME_BEFORE.search(before) and (_MANNER_AFTER.match(after) or after.startswith("为主题")):
        return None  # `以“…”的方式参与`; an event's theme: `以“非遗在身边 手艺进万家”为主题`
    system = _SYSTEM_OF.search(before)
    if system and inner.endswith("制") and _STANDS_ALONE.match(after):
        return Named(m.start() - len(system["of"]), system["of"] + quoted)
    goes = GOES.search(inner)  # (a going alone says no more than where: `在“上门”上下功夫`)
    # (What goes must be named, `送教上门`, or counted, `三下乡`; `送上门` says only where.)
    named_going = goes is not None and (
        goes.start() >= 2 or (goes.start() == 1 and inner[0] in "一二两三四五六七八九十")
    )
    if (SELF_NAMED.search(inner) and "、" not in inner) or (named_going and not GOING.match(inner)):
        return Named(m.start(), quoted)
    if GATHERING.search(inner) and not ONE_SESSION.search(before):
        return Named(m.start(), quoted)  # `组织“周末故事会”`, not `举办1场“亲子故事会”`
    if _CLASS.search(inner) and _TEACHING.match(after):
        return Named(m.start(), quoted)  # a class by its teaching
    practice = _PRACTICE_FOR.search(before) or (
        _DRIVE_FOR.search(before) if _DRIVE_INNER.search(inner) else None
    )
    if (
        practice
        and alone
        and _STANDS_ALONE.match(after)
        and not after.startswith("的")  # `推行松茸“采大留小”的采集方式`: the method is named after
        and not _SENTENCE_WORDS.search(inner)
    ):
        return Named(m.start() - len(practice["of"]), practice["of"] + quoted)
    if _SENTENCE_WORDS.search(inner):
        return None  # a sentence (a speaker's single marks are read as double ones)
    if a_scheme_rolled_out(inner, before, after):
        return Named(m.start(), quoted)  # a points shop rolled out is a scheme, not a shop
    if a_body(inner) or an_honour(inner, before, after):
        return None
    if inner == "回头看" and _REVIEW_ALONE.search(before):
        return None
    items = _ITEM_BREAK.split(inner)
    if len(items) > 1 and only_a_way(items, before, after):
        return None
    practised = (
        bool(_PRACTISED.search(before))
        and not (_RUN_BY.search(before) and not after.startswith("的") and not inner.endswith("制"))
        and bool(_STANDS_ALONE.match(after))
        and alone
        and not _PRINCIPLES.match(inner)
    ) or bool(_ROUND.search(before) or _PRACTICE_OF.search(before))
    by_way = named_as_a_way(before, after)
    theme = (bool(_THEME_BEFORE.search(before)) and bool(_THEME_AFTER.match(after))) or (
        bool(_UNDER_THEME.search(before)) and bool(_UNDER_THEME_AFTER.match(after))
    )
    method = named_as_a_method(after) or bool(MILESTONE.match(after))
    method = method or a_system_set_up(before, after)
    listed = bool(_HOLDS_LIST.search(before) and _ACTIVITIES_LISTED.match(text, close))
    if practised or by_way or theme or shared or method or listed:
        return Named(m.start(), quoted)
    return None
