"""Projects, works and services named without marks by the words around them, each a
sub-shape of the unquoted `工程`, `项目`, `服务` and `改造` the gold counts as precise: the
project a unit carries out or builds (`牵头实施的…产业园建设项目`, `投资2800万元建成…项目`), a road work named by its
two ends (`狮泉河至昆莎机场公路改扩建工程全长46.8公里`), a water work named by its river and
section (`雅鲁藏布江背崩段护岸工程`), a service a unit rolls out
(`全面推行家庭医生签约服务,`), a project its cost or length leads that is done
(`投资3.2亿元的…扩建项目于今年8月完工`), a renewal other work is joined to (`把老旧小区改造与…
结合起来`) and a title's creation that passes its check (`…示范县创建工作通过地区验收`). Part of
the campaign names of `campaigns.py`.

As a class, unquoted works and projects are right only about four times in five on pages
not written on (a plant, a field of work, a facility being built), so each shape here
is one whose words say that the name is the programme carried out.
"""

from __future__ import annotations

import re

from extractor.extract.context import (
    BREAK,
    CLAUSE_INSIDE,
    CN,
    MILESTONE,
    clause_before,
    in_book_title,
    without_time_lead,
)
from extractor.extract.generic import is_generic_programme
from extractor.extract.mentions import Named

# A project named after the verb that carries it out or builds it, joined by 的: `由…工作队
# 牵头实施的昌珠镇现代农业产业园建设项目已初具规模`, `依托…援藏资金建设的黑青稞精深加工项目`,
# `朗县今年实施的仲达灌区节水改造工程的一部分`. On the development pages the gold requires
# all four so printed (none optional, none unlisted), whatever follows the name. (A project
# named by what it costs, `投资3420万元的…项目`, is a facility as often: one required, one
# optional, one not listed.)
_CARRIED_OUT = re.compile(
    rf"(?:实施|建设)的(?P<name>[{CN}]{{6,20}}?(?:项目|工程))(?!项目|工程|建设|队|部)"
)
# A project a unit built, what it cost printed before the verb: `聂荣县投资2800万元建成牦牛肉
# 冷链物流中心项目，冷库面积…`, `加查县总投资1.48亿元建设县城清洁供暖项目,采用…` (on the development
# pages the gold requires both so printed; works counted after, `投资2860万元，新建集中供水工程9处`,
# are a kind of work).
_BUILT_AT_COST = re.compile(
    rf"投资[\d.]+[万亿]*余?元(?:建成|建设|新建)了?(?P<name>[{CN}]{{4,16}}?(?:项目|工程))(?![{CN}\d])"
)
# A road named by the two places it joins, heading its clause or listed: `狮泉河至昆莎机场公路
# 改扩建工程全长46.8公里`, `察雅至吉塘公路改建工程全力冲刺` (required once, optional once on the
# development pages; nothing else so named). A section of a numbered road is named so too
# (`S303线江达至贡觉段改建工程是…`, required; the one printed so). Not the site of the works
# (`在察雅县城至…工程施工现场`).
_ROUTE = re.compile(
    rf"(?:^|(?<=[{BREAK}、]))(?P<name>(?:[GS]\d{{3}}线)?[{CN}]{{2,8}}至[{CN}]{{2,10}}?(?:公路|道路|铁路|段)"
    rf"(?:改扩建|改建|扩建|新建|提质改造|升级改造|整治)?工程)(?!施工|现场|工地|项目部)"
)
# A project heading its clause, what it cost or how long it runs printed before it, that
# the clause says is done: `投资3.2亿元的吉隆口岸货场扩建项目于今年8月完工`, `总长27.5公里的
# 口岸联络道路改造工程全线贯通`, `投资3420万元的…产业园建设项目今年5月正式投产`. On the seeds
# and development pages the gold requires the three so printed; a project named so without
# a milestone after is a facility as often (`…项目签约仪式`, `…项目正在加紧建设`: 0 / 4 / 1).
# The unit that pays may open the clause: `公司投资2600万元的青稞精深加工二期项目开工建设`
# (the one so printed on the development pages, required).
_MEASURED_DONE = re.compile(
    rf"(?:^|(?<=[{BREAK}]))(?:(?:[{CN}]{{0,6}}?(?:公司|企业|合作社|[县市区乡镇村]))?(?:总投资|投资)|总长|全长)"
    rf"[\d.]+余?[万亿]?(?:元|公里|千米)的"
    rf"(?P<name>[{CN}]{{4,20}}?(?:项目|工程))(?:于?(?:今年|去年)?(?:\d{{1,2}}月)?(?:底|中旬|下旬)?)"
    rf"(?:{MILESTONE.pattern})"
)
# What each of those is measured by: the scan above, which opens with no character and is
# tried at every one, is made only where one of these is printed.
_MEASURED = re.compile("投资|总长|全长")
# A water work named by the river, reservoir or irrigation district it is built on, the
# section or reach of the river after it, and the kind of work: `察隅县桑曲河下察隅段防洪治理
# 工程`, `雅鲁藏布江朗镇段生态护岸工程`, `朗县洞嘎灌区节水改造` listed after `加快实施`, `得益于
# 八宿县白马灌区续建配套与节水改造项目`, `总投资1.36亿元的堆龙河（东嘎段）生态综合治理项目`, a
# reservoir's works heading the clause (`羌纳水库工程是林芝市…重点水利项目之一`). On the
# seeds and development pages the gold requires every one so printed; not the site of the works
# (`在朗县洞嘎灌区节水改造项目现场`).
_WATER_WORK = re.compile(
    rf"(?:^|(?<=[{BREAK}、的]))(?<!在)(?:[{CN}]{{0,6}}?(?:实施|推进|把|将)|得益于)?"
    rf"(?P<name>(?:(?!实施|推进|把|将)[{CN}]){{1,10}}?(?:河|江|藏布|水库|灌区)"
    rf"(?:（[{CN}]{{2,4}}段）|[{CN}]{{1,5}}段|[上中下]游)?"
    r"(?:(?:生态)?(?:防洪治理|防洪|护岸|除险加固|节水改造|续建配套与(?:现代化|节水)改造|(?:生态)?综合治理)"
    r"(?:工程|项目)?|(?<=水库)工程))(?!工程|项目|建设|现场|工地|施工)"
)
# What every water work of `_WATER_WORK` prints: a page without it is not scanned.
_WATER_KIND = re.compile("防洪|护岸|除险加固|节水改造|续建配套|综合治理|水库工程")
_ROUTE_VERB = re.compile(r"^(?:实地)?(?:检查|察看|查看|调研|视察|推进|实施)")
# A service a unit rolls out and deepens is a programme, with nothing after it but a stop:
# `全面推行家庭医生签约服务,`, `深化家庭医生签约服务，组建…`, `加快推进兽医社会化服务，` (on the
# development pages two required, two optional, none unlisted; a service offered, `提供…服务`,
# is a kind of help, and `…服务覆盖率` a rate).
_ROLLED_OUT = re.compile(rf"(?:推行|深化|推进)(?:了)?(?P<name>[{CN}]{{4,12}}服务)(?=[^{CN}]|$)")
# A renewal other work is joined to: `把老旧小区改造与完整社区建设结合起来`, `结合老旧小区改造，
# 同步实施…`, `将把背街小巷改造与老旧小区改造、…结合`, or pushed on with
# (`将把老旧小区改造与完整社区建设、城市更新行动统筹推进`). On the development pages the gold
# requires the four so printed. (Other kinds joined so are fields of building as often as
# programmes: `把非遗工坊建设与乡村振兴…结合`; five required, ten not listed.)
_JOINED_RENEWAL = re.compile(
    rf"[把将](?P<name>[{CN}]{{4,12}}?改造)[与和同][^{BREAK}]{{2,30}}?(?:结合|融合|统筹推进|一体推进)"
    rf"|结合(?P<along>[{CN}]{{4,12}}?改造)[，,]"
)
_VERB_LEAD = re.compile("^[把将]")
_SO_FAR_WORDS = "近日|日前|已经|已|正式|顺利|全面"
# A title being created that passes its check, heading the clause as a project at its end
# does (`campaigns.py`): `巴青县民族团结进步示范县创建工作通过地区验收` (the one such clause of
# the development pages, required).
_CHECKED = re.compile(rf"(?:{_SO_FAR_WORDS})*通过(?:[{CN}]{{2,14}}?的)?[{CN}]{{0,4}}验收")
_CREATION = re.compile(rf"[{CN}]{{4,20}}创建(?=(?:工作)?$)")

# A programme a project, an area or a scene belongs to, named after `是` and before what the
# subject is to it: `该中心是我市特困人员供养服务设施改造提升工程的重点项目`, `古荣片区是…乡村旅游
# 提质工程的重点片区`, `扎西巷是乃东区背街小巷改造提升工程的缩影`. On the development pages the
# gold requires each of the 9 so printed; `我市` is no part of the name.
_PART_OF_PROGRAMME = re.compile(
    rf"是(?:[我本全][市县区州])?(?P<name>[{CN}]{{6,25}}?(?:工程|项目|行动|计划))的"
    r"(?:重点(?:项目|工程|片区)|(?:一个|重要)?缩影|一部分|(?:重要)?组成部分|重要内容|重要成果)"
)


def projects(text: str) -> list[Named]:
    """Projects, road works, services, renewals and creations named by the words around them.

    >>> [n.name for n in projects("由援藏工作队牵头实施的昌珠镇现代农业产业园建设项目已初具规模。")]
    ['昌珠镇现代农业产业园建设项目']
    """
    found: list[Named] = []
    scans = (_CARRIED_OUT, _BUILT_AT_COST, _ROLLED_OUT, _PART_OF_PROGRAMME)
    for pattern in (*scans, _MEASURED_DONE) if _MEASURED.search(text) else scans:
        for m in pattern.finditer(text):
            if not (
                CLAUSE_INSIDE.search(m["name"])
                or is_generic_programme(m["name"])
                or in_book_title(text, m.start())
            ):
                found.append(Named(m.start("name"), m["name"]))
    for m in _ROUTE.finditer(text) if "至" in text else ():
        lead = _ROUTE_VERB.match(m["name"])
        name = m["name"][lead.end() :] if lead else m["name"]
        if "的" not in name and not in_book_title(text, m.start()):
            found.append(Named(m.end("name") - len(name), name))
    for m in _WATER_WORK.finditer(text) if _WATER_KIND.search(text) else ():
        stages_as_one = m["name"].replace("配套与", "配套")  # `续建配套与现代化改造`
        if not (CLAUSE_INSIDE.search(stages_as_one) or in_book_title(text, m.start())):
            found.append(Named(m.start("name"), m["name"]))
    for m in _JOINED_RENEWAL.finditer(text) if "改造" in text else ():
        group = "name" if m["name"] else "along"
        name = _VERB_LEAD.sub("", m[group])
        if not (CLAUSE_INSIDE.search(name) or is_generic_programme(name)):
            found.append(Named(m.end(group) - len(name), name))
    for m in _CHECKED.finditer(text) if "创建" in text else ():
        words = without_time_lead(clause_before(text, m.start()))
        creation = _CREATION.search(words)
        if creation and not CLAUSE_INSIDE.search(creation[0]):
            found.append(Named(m.start() - len(words) + creation.start(), creation[0]))
    return found
