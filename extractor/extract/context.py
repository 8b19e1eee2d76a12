"""Where a campaign's name stands in its text: the clause before it, a document's
title around it, a place printed right before it.

Both the quoted names (`quoted.py`) and the unquoted ones (`campaigns.py`) are
read by the words around them.
"""

from __future__ import annotations

import re

from extractor.stops import positions_of

CN = r"\u4e00-\u9fff"
BREAK = "，,。；;！？!?：:\n"
# The last break before where a search stops: one with no other after it.
_LAST_BREAK = re.compile(f"[{BREAK}](?=[^{BREAK}]*\\Z)")
# What a project has reached: `…扩建工程通水运行`, `…漏损治理项目近日通过验收`,
# `…二期工程建成投用`, `…修复工程已进入收尾阶段`, the body
# that checked it between (`…修复工程通过自治区文物局组织的专家验收`);
# `MILESTONE_REACHED` is the verb alone, to look for in a text, and `SO_FAR` the
# words that may stand before it.
_REACHED = (
    rf"开工|竣工|完工|通水|通电|通车|投运|投产|通过(?:[{CN}]{{2,14}}?的)?[{CN}]{{0,4}}验收|全线贯通|"
    r"建成投用|建成投运|建成运行|投入使用|投入运营|主体封顶|进入收尾阶段"
)
_SO_FAR = "近日|日前|刚刚|已经|已|正式|顺利|全面|全部|即将"
# (A rate of it is a figure, not a milestone: `确保…项目开工率达到50%`.)
MILESTONE = re.compile(rf"(?:{_SO_FAR}){{0,2}}(?:{_REACHED})(?!率)")
MILESTONE_REACHED = re.compile(rf"(?:{_REACHED})(?!率)")
SO_FAR = re.compile(rf"(?:{_SO_FAR})+$")
# Time words that open a clause before its subject: `今年以来全市…`, `四季度，`.
_TIME_LEAD_OF_CLAUSE = re.compile(
    r"^(?:今年以来|近年来|近日|日前|连日来|目前|当前|截至目前|同时|此外|另外|其中|下一步|今年|去年|明年|"
    r"(?:前|上|下)?[一二三四]?(?:季度|半年)|年初|年末|年底|"
    r"[\d一二三四五六七八九十]+(?:月|季度)(?:[\d一二三四五六七八九十]+日)?(?:以来|中旬|下旬|上旬|底)?)+"
)
# The characters those words open with: a clause opening with none has none of them.
_TIME_INITIALS = frozenset("今近日连目当截同此另其下去明前上一二三四五六七八九十季半年")


def without_time_lead(words: str) -> str:
    """`words` without the time words that open them.

    >>> without_time_lead("今年以来昌都市深入推进")
    '昌都市深入推进'
    """
    if words[:1] in _TIME_INITIALS or words[:1].isdecimal():
        return _TIME_LEAD_OF_CLAUSE.sub("", words)
    return words


# Verbs that hold an event: words before a name holding one are not part of it.
ORGANISING = re.compile(r"开展|举办|举行|组织|承办|启动|参加|参与|召开")
# The words right before a quoted name: `拉萨市迎新年` in `拉萨市迎新年“三对三”篮球赛`.
_LEAD = re.compile(rf"[{CN}]+\Z")  # (`\Z`: a kicker's place on the line above leads no name)
_PLACE_LEAD = re.compile(rf"^[{CN}]{{2,6}}?(?:市|区|县|乡|镇)[{CN}]{{0,4}}$")
_JOINED_TO = re.compile("[的暨]|图为")  # (`图为` opens a caption: `图为聂荣县首届…联赛`)


def near(
    anchor: re.Pattern[str], pattern: re.Pattern[str], text: str, *, before: int, reach: int
) -> list[re.Match[str]]:
    """`pattern.finditer(text)`, looked for only around the words `anchor` finds: every
    match holds one starting at most `before` characters after its own start, and no
    attempt reads more than `reach` characters from where it starts.

    A scan for names whose every attempt is long (a verb, then up to twenty
    characters tried one by one for the kind that ends them) is made only where
    a kind is printed; each search stops short of the text's end, and a match is kept
    only if it starts where the search could read all it needs.

    >>> drive, kind = re.compile("开展.{1,4}?行动"), re.compile("行动")
    >>> [m[0] for m in near(kind, drive, "开展清洁行动，开展", before=6, reach=8)]
    ['开展清洁行动']
    """
    found: list[re.Match[str]] = []
    done = 0
    for word in anchor.finditer(text):
        start, last = max(done, word.start() - before), word.end()
        while start <= last:
            m = pattern.search(text, start, min(len(text), last + reach + 2))
            if m is None or m.start() > last:
                break
            found.append(m)
            done = start = m.end()
    return found


def starting_with(initials: str, pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match is one of `initials`
    followed by more: tried only where one stands (`stops.positions_of`), where a scan
    would test every character of the text.

    >>> [m[0] for m in starting_with("“", re.compile("“[^”]*”"), "推行“一村一辅警”")]
    ['“一村一辅警”']
    """
    found: list[re.Match[str]] = []
    done = 0
    for at in positions_of(text, initials):
        if at >= done and (m := pattern.match(text, at)):
            found.append(m)
            done = m.end()
    return found


def in_book_title(text: str, at: int) -> bool:
    """Inside 《…》: the title of a document, not a campaign.

    >>> in_book_title("印发《农村人居环境整治提升五年行动方案》", 8)
    True
    """
    return text.rfind("《", 0, at) > text.rfind("》", 0, at)


def clause_before(text: str, at: int) -> str:
    """The words of the clause that stand before `at` (at most 40 characters).

    >>> clause_before("今年以来，全县推行“一村一辅警”", 9)
    '全县推行'
    """
    start = max(0, at - 40)
    last = _LAST_BREAK.search(text, start, at)
    return text[last.end() if last else start : at]


def place_lead(text: str, at: int, done: int) -> str:
    """A place printed right before a name: `拉萨市迎新年` before `“三对三”篮球赛`,
    not `城关区开展` before `第十二届……联赛`.

    >>> place_lead("拉萨市迎新年“三对三”篮球赛", 6, 0)
    '拉萨市迎新年'
    """
    words = _LEAD.search(text, max(done, at - 12), at)
    # What a name is joined to ends before it: `…半程马拉松暨扎囊县“沙棘林杯”…`.
    lead = _PLACE_LEAD.search(_JOINED_TO.split(words[0] if words else "")[-1])
    return lead.group(0) if lead and not ORGANISING.search(lead.group(0)) else ""


# A drive in marks is named with the field it is carried out over, printed between the verb
# that carries it out and the marks: `开展为期100天的道路交通安全“百日攻坚”专项整治行动`,
# `启动冬季农村供水“防冻保供”专项行动` (on the seeds and development pages the gold names each
# of the 35 drives so printed with its field).
_DRIVE_NAMED = re.compile("(?:专项整治行动|专项整治|专项行动|整治行动|攻坚行动|行动)$")
_DRIVE_VERBS = "开展|启动|部署|实施|推进"
_FIELD_LEAD = re.compile(
    rf"(?:{_DRIVE_VERBS})了?(?:为期[^的]{{1,8}}的)?(?P<field>(?:(?!{_DRIVE_VERBS}|的)[{CN}]){{4,10}})$"
)


def drive_field(text: str, at: int, done: int, kind: str) -> str:
    """The field of a drive in marks printed right before it, after the verb that carries
    it out: `道路交通安全` before `“百日攻坚”专项整治行动`.

    >>> drive_field("开展为期100天的道路交通安全“百日攻坚”专项整治行动", 15, 0, "专项整治行动")
    '道路交通安全'
    """
    if not _DRIVE_NAMED.search(kind):
        return ""
    lead = _FIELD_LEAD.search(text, max(done, at - 24), at)
    return lead["field"] if lead else ""


_STRAIGHT = re.compile(r'"([^"\n]*)"')


def curly_quotes(text: str) -> str:
    """`text` with straight double quotes, paired in order on a line, made curly, each
    character where it was: `推行"合作社+基地+牧户"模式` reads as `推行“合作社+基地+牧户”模式`.

    >>> curly_quotes('推行"明厨亮灶"工程')
    '推行“明厨亮灶”工程'
    """
    return _STRAIGHT.sub(lambda m: f"“{m[1]}”", text)


def as_printed(name: str, marked: str, text: str) -> str:
    """`name`, read in `marked` (`curly_quotes(text)`), as `text` prints it."""
    at = marked.find(name)
    return text[at : at + len(name)] if at >= 0 else name


# A name does not hold a clause: `党建为引领建立大整治行动`, `改造等民生工程`,
# `抢在封冻前完成全部路面工程`, `质量和安全是工程`.
# (Each word is looked behind after it, so that a scan skips to the words' first characters.)
CLAUSE_INSIDE = re.compile(
    r"为(?<!行为)|对(?<=.对)(?<![应针面核比相绝反]对)|等|建立|开展|实施|组织(?<![级层党团]组织)|通过|的|是"
    r"|完成|将|这一|把(?<=.把)|和(?<=.和)|与(?<=.与)"
    # What is planned, shown or made sure of is no programme carried out:
    # `谋划二期工程`, `以展示…水利工程修建历史为特色`, `确保…援藏项目开工率`.
    r"|谋划|策划|讲述|确保|(?<!发)展示(?!展销|活动)"
)
