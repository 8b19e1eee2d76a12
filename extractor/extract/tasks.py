"""Programmes named by the part they play in a unit's work, without marks: a task in its
charge (`把二次供水设施改造列入为民办实事项目`), the mainstay of its work (`把民族团结进步模范创建
作为…抓手`), what it works by (`以高素质农牧民培育计划为抓手`), what other work is joined to
(`把“三色亮灯”工作法与乡村振兴示范村创建结合起来`), what a place or a task is taken into
(`纳入农村供水保障提升工程`), a drive whose work is reported (`在医保基金管理突出问题专项整治中`)
what a drive is part of (`是…城镇燃气安全专项整治的重要内容`), whose gains it builds on
(`巩固边境小康村建设成果`), and a quoted name the article
calls a unit's measure (`“小区议事厅”是…推出的一项…新举措`). Part of the campaign names
of `campaigns.py`.
"""

from __future__ import annotations

import re

from extractor.extract.context import BREAK, CLAUSE_INSIDE, CN, starting_with
from extractor.extract.generic import is_generic, is_generic_programme
from extractor.extract.mentions import Named

# Works in the unit's charge, named as one of its `……工程` or `……项目`, the kind
# ending the phrase: `把二次供水设施改造列入为民办实事项目`, `把老旧小区改造作为重要民生工程`
# (not `把群众满意度作为工程验收的重要标准`: a measure the works are judged by; nor a
# field of service, `把居家社区养老服务作为为民办实事项目`).
_CHARGE = re.compile(
    rf"把(?P<name>[{CN}]{{2,10}}(?:改造|建设|整治|创建|提升|攻坚))(?:作为|列入|列为|纳入)"
    rf"[^{BREAK}]{{1,12}}?(?<!性)(?:工程|项目)"
)  # `作为…的基础性工程来抓` says how much it matters, not which programme it is
# A programme a unit makes the mainstay of its work: `把民族团结进步模范创建作为…的重要抓手`
# (not `把发展乡村民宿作为…抓手`, a field of work), or works into all else (`把民族团结进步创建
# 融入村规民约`: each of the four so printed on the development pages is required; not
# `把创建工作融入`, `把…宣传教育融入`); a project or drive, whatever it is made:
# `把城镇老旧小区改造工程作为重要民生实事来抓` (`把高标准农田建设作为…“头号工程”`
# names a field of work, whose project is named elsewhere), a project with its capacity
# (`把噶尔县50兆瓦光伏储能电站项目作为“一号工程”来抓`; not projects counted, `把12项…项目纳入`).
# `将` takes a project or drive as `把` does, but not into what it is merely made part of:
# `江孜县将青稞精深加工厂扩建项目列入全县重点项目清单` (on the seeds and development pages the
# gold requires all 8 so printed with `把` or `将`; `将藏式传统体育项目纳入比赛` names sports).
_MAINSTAY = re.compile(
    rf"(?:把|将(?![{CN}]{{0,14}}?把))(?P<name>[{CN}]{{4,14}}?(?:(?:建设|创建)(?=作为[^{BREAK}]{{0,20}}?(?:抓手|载体|突破口))"
    r"|创建(?=融入)"
    r"|(?:行动|工程)(?=作为|列入|列为|纳入))"
    rf"|[{CN}][{CN}\d.]{{3,20}}?项目(?=作为|列入|列为|纳入))"
)
# What `_MAINSTAY` asks for after its name, one of which a text printing none lacks.
_TAKEN_AS = ("作为", "融入", "列入", "列为", "纳入")
# A programme a unit works by: `以高素质农牧民培育计划为抓手`, `以南北山绿化工程为牵引`,
# a building up named (`以紧密型县域医共体建设为抓手`, the one printed so, required; not a field
# of building, `以标准化建设为抓手`) (not `以铸牢中华民族共同体意识为主线`: a task, no programme);
# a reform deepened, `以(深化)物业管理体制改革为突破口` (3 of 3 so printed listed, all optional).
_WORKED_BY = re.compile(
    rf"以(?:深化)?(?P<name>[{CN}]{{4,20}}?(?:计划|工程|行动|项目|创建|建设|改革))"
    "为(?:抓手|牵引|主线|突破口|载体)"
)
# A programme a unit's work is joined to: `把志愿服务与民族团结进步模范创建紧密结合`,
# `将田间学校与高素质农牧民培育计划结合起来`, `结合边境小康村建设，…`; the last of a list
# joined (`把边贸、冬游和边境小康村建设结合起来`: the name holds no joining word), after a
# method in marks too (`把“三色亮灯”工作法与乡村振兴示范村创建结合起来`: on the development
# pages 4 of the 5 names so printed are required, the fifth optional).
_JOINED_TO = re.compile(
    rf"[把将][^{BREAK}]{{2,30}}?[和与同、](?P<name>(?:(?![和与同、])[{CN}]){{4,20}}?(?:创建|建设|行动|工程|计划))"
    r"(?:紧密|有机|深度)?(?:结合|融合)"
    rf"|结合(?P<along>[{CN}]{{4,20}}?(?:创建|建设|行动|工程|计划|试点))[，,]"
)
# The study of a meeting's spirit joined to the work at hand names that work as the unit's
# ordinary task, no programme: `把学习全会精神与冬季农田水利建设结合起来` (on the seeds and
# development pages the gold lists none of the three work names printed so).
_STUDY_JOINED = re.compile(rf"[把将](?:学习|贯彻|宣讲)[^{BREAK}]{{0,16}}精神[和与同]$")
# A drive whose work is reported: `在医保基金管理突出问题专项整治中，追回…`; a second look
# back at a field of work, opened by the verb that carries it out: `开展城镇燃气安全专项整治“回头看”`,
# `开展农村住房安全“回头看”排查`, `完成非遗项目普查“回头看”工作` (on the seeds and development
# pages each of the 17 printed so is listed, 9 required; not `开展一次…“回头看”`, one round of checks).
_DURING = re.compile(
    rf"在(?P<name>[{CN}“”]{{4,24}}?(?:专项整治|专项治理|专项行动|整治行动|攻坚行动))中"
    rf"|(?:开展|启动|完成)了?(?P<review>(?![一两二三四五六七八九十每][次轮])[{CN}]{{4,20}}?“回头看”"
    "(?:专项检查|排查|专项行动|行动)?)"
)
# A trial or works a place is taken into: `将布宗村纳入农村供水保障提升工程`,
# `入选国家国土绿化试点示范项目` (not a list kept, `列入…重点项目库`); a title's creation a
# task is made part of (`将…工作纳入国家食品安全示范城市创建重点任务`).
_TAKEN_INTO = re.compile(
    rf"(?:纳入|入选)(?P<name>[{CN}]{{4,20}}?(?:试点|工程|示范城市创建)(?:示范项目)?)"
)
# What an event or a drive is part of, without marks: `此次专项行动是江达县城镇燃气安全专项整治的
# 重要内容`, `…是朗县今年实施的仲达灌区节水改造工程的一部分`, `此次检查是我市冬春季…专项行动的一项
# 重要内容` (4 printed so on the development pages, each required). `我市` says whose it is.
_PART_OF = re.compile(
    rf"是(?:[{CN}]{{0,12}}的|我[市县区])?(?P<name>[^{BREAK}的“”‘’]{{4,24}}?(?:专项整治|行动|工程|创建|计划))"
    r"的(?:一项|一个)?(?:一部分|重要内容|组成部分|重要组成部分)"
)
# A quoted name heading its clause that the article calls one of a unit's measures or methods:
# `“小区议事厅”是…街道今年推出的一项基层治理新举措`, even where the words name a body or a
# place (the one such clause of the development pages, required; a platform or a body named
# so, `“智慧兽医”平台是…项目`, is named by more than the marks).
_CALLED_A_MEASURE = re.compile(
    rf"(?:^|(?<=[{BREAK}]))(?P<name>[“‘][^{BREAK}“”‘’]{{2,16}}[”’])是[^{BREAK}“”‘’]{{0,24}}?"
    rf"(?:举措|做法|措施|模式|机制|办法)(?![{CN}])"
)
# A numbered group of drives in marks spelled out item by item: the first item, which no
# verb opens, `兴边富民“六项行动”，即边境小康村提质行动、口岸通关效能提升行动、…` (the items after
# it are read as listed drives; the one such list of the development pages, each required).
_SPELLED_OUT = re.compile(
    rf"“[一二三四五六七八九十两\d]+[项大个]?(?P<kind>行动|工程)”[，,]?(?:即|包括)"
    rf"(?P<name>[{CN}]{{4,16}}?(?P=kind))(?=、)"
)
# A drive joined by `暨` to the event or work held under it, after its year or heading its
# clause: `举办2026年春风行动暨就业援助月专场招聘会`, `全市兴边富民行动暨边境地区基础设施建设推进会`
# (on the development pages the gold requires the drive in each of the four so printed).
_JOINED_EVENT = re.compile(
    rf"(?:(?<=\d年)|(?:^|(?<=[{BREAK}]))(?:全[市区县])?)(?P<name>[{CN}]{{2,12}}?行动)暨"
)
# Schooling a unit carries out under a quoted name, the field it teaches after the marks:
# `开展“小手拉大手”交通安全教育`, `开展“帮信”犯罪警示教育`, `同步开展“学习强国·强军有我”主题教育`
# (on the development pages every one so printed is listed: two required, one optional).
_SCHOOLING = re.compile(rf"开展了?(?P<name>“[^{BREAK}“”]{{2,12}}”[{CN}]{{0,8}}教育)(?![{CN}])")
# A drive whose progress a meeting is told of: `会议还通报了今年能源领域安全生产专项整治三年行动开展
# 情况`, `会议通报了今年以来全市健康拉萨行动推进情况`, `通报了前一阶段…专项行动进展情况` (the four
# printed so are required).
_REPORTED = re.compile(
    rf"通报了?(?:今年以来|今年|去年|前一阶段|前期)?(?:全[市区县])?(?P<name>[{CN}]{{4,24}}?行动)"
    "(?:开展|推进|实施|进展)情况"
)
# A programme whose gains a unit builds on: `持续巩固边境小康村建设成果`, `依托边境小康村建设成果`,
# `巩固全国文明城市创建成果` (each of the seven so printed on the seeds and development pages is
# listed, one optional; `巩固拓展脱贫攻坚成果` names no programme).
_BUILT_ON = re.compile(rf"(?:巩固|依托|用好)(?:拓展)?(?P<name>[{CN}]{{4,16}}?(?:建设|创建))成果")
# The characters each of the three opens with: none opens with a literal the engine can
# skip to, so they are tried only where one of these stands (`context.starting_with`).
_JOINED_TO_INITIALS, _TAKEN_INTO_INITIALS, _DURING_INITIALS = "把将结", "纳入", "在开启完"


def tasks(text: str) -> list[Named]:
    """Programmes named by the part they play in a unit's work.

    >>> [n.name for n in tasks("把二次供水设施改造列入为民办实事项目。")]
    ['二次供水设施改造']
    """
    found: list[Named] = []
    charged = [*_CHARGE.finditer(text)] if "把" in text else []
    if ("把" in text or "将" in text) and any(w in text for w in _TAKEN_AS):
        charged += [m for m in _MAINSTAY.finditer(text) if _taken_up(text, m)]
    for m in [
        *charged,
        *_WORKED_BY.finditer(text),
        *_SPELLED_OUT.finditer(text),
        *_SCHOOLING.finditer(text),
        *(_BUILT_ON.finditer(text) if "成果" in text else ()),
        *(_REPORTED.finditer(text) if "通报" in text else ()),
    ]:
        building = m["name"].endswith("建设") and is_generic_programme(m["name"])
        if not (CLAUSE_INSIDE.search(m["name"]) or is_generic(m["name"]) or building):
            found.append(Named(m.start("name"), m["name"]))
    # A drive an event is held under is named by that, however short (`春风行动暨…招聘会`).
    for m in _JOINED_EVENT.finditer(text) if "行动暨" in text else ():
        if not CLAUSE_INSIDE.search(m["name"]):
            found.append(Named(m.start("name"), m["name"]))
    for m in [
        *starting_with(_JOINED_TO_INITIALS, _JOINED_TO, text),
        *starting_with(_TAKEN_INTO_INITIALS, _TAKEN_INTO, text),
        *starting_with(_DURING_INITIALS, _DURING, text),
        *starting_with("是", _PART_OF, text),
        *starting_with("“‘", _CALLED_A_MEASURE, text),
    ]:
        group = next(g for g, value in m.groupdict().items() if value)
        if _STUDY_JOINED.match(text, m.start(), m.start(group)):
            continue
        if not (CLAUSE_INSIDE.search(m[group]) or is_generic_programme(m[group])):
            found.append(Named(m.start(group), m[group]))
    return found


def _taken_up(text: str, mainstay: re.Match[str]) -> bool:
    """Whether a programme after `把` or `将` is taken up as the unit's own: `将…扩建项目列入…
    清单` is, `将藏式传统体育项目纳入比赛` is not (the `将` of a later time before `把`,
    `将坚持把兴边富民行动作为…`, opens nothing).

    >>> text = "江孜县将青稞精深加工厂扩建项目列入全县重点项目清单"
    >>> _taken_up(text, _MAINSTAY.search(text))
    True
    """
    return text[mainstay.start()] == "把" or not text.startswith("纳入", mainstay.end("name"))
