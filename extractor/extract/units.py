"""How the genre prints a unit that acts and a place: read at the head of a clause.

A unit's name ends as an office, a body or a place ends (`局`, `大队`, `合作社`, `县`);
what follows it says what it does (`还`, `将`, `联合`, `开展`, `推行`): `达孜区公安分局交警
大队在…开展…`. A place opens a unit's name (`岗巴县` of `岗巴县司法局`) and ends with its
level (`市`, `县`, `区`, `乡`); `全市`, `我区`, `各县` and lists name none. `organizers.py` reads
who runs a campaign and where from these.

>>> subject("岗巴县司法局在昌龙乡开展普法宣传"), place_of("岗巴县司法局")
('岗巴县司法局', '岗巴县')
"""

from __future__ import annotations

import functools
import re

from extractor.extract.context import CN, without_time_lead

# The last words of a unit's name: a place, an office, a body, a team. (Every branch opens
# with a character, none with a group, so that a scan skips to where one of them stands.)
UNIT_END = re.compile(
    r"(?:自治区|地区|居委会|村委会|委员会|社区|街道|市场|市(?<![城超]市)|区|县|乡|镇|村|办公室|局|委|办|院|"
    r"所(?<![厕场住]所)(?!有)|"
    r"大队|支队|中队|医疗队|工作队|队(?<!带队)|中心|公司|集团|学校|小学|中学|大学|学院|幼儿园|合作社|团委|"
    r"海关|剧团|出版社|法庭|图书馆|博物馆|文化馆|纪念馆|残联|科协|工商联|宣传部|组织部|统战部|人武部|"
    r"分行|厂|妇联|工会|总会|协会|政府|党委|党工委|党支部|党总支|支部|部门|机关|项目部|指挥部|站)"
)
# The characters a unit's name is printed in.
_NAME_CHARS = re.compile(rf"[{CN}、（）()]{{2,24}}")
# Words that end the subject of a clause: what the unit does next.
ACTS = (
    r"(?:还|也|将|已|又|再|均|都|正|在|于|坚持|深入|持续|全面|积极|紧紧|紧盯|把|以|对|为|与|和|"
    r"联合|会同|配合|携手|组织|开展|推行|实行|实施|推进|推动|建立|启动|举办|召开|设立|组建|开设|探索|"
    r"用好|落实|严格|深化|大力|扎实|广泛|率先|首次|累计|共|依托|围绕|通过|采取|成立|打造|"
    r"创新|不断|进一步|着力|聚焦|结合|立足|按照|狠抓|抓好|常态化|集中|全力|主动|先后|今年|去年|近年|"
    r"通过|获悉|介绍|表示|指出|强调|要求|说|顺利|成功|首批|被|是|有|现有|作为|针对|随着|深入|走进|"
    r"由|从|向|据|给|让|使|自(?!治)|推广|创建|贯彻|协调|演绎|打好|打赢|办好|践行|举行|承办|"
    r"主办|启动|部署|印发|出台|制定|完成|实现|投入|新建|建成|认真|精心|切实|高度|始终|着眼|同步|上下|"
    r"推出|引入|试点|承接)"
)
# What a name never holds: a verb phrase, a pronoun (`我们将在拉萨市`, `推广维巴村`).
NOT_IN_NAME = re.compile(
    "们|的|将|在|把|是|被|还|了|这|同志|负责人|如今|统一|支持|需要|维护|加快|构建|创办|确保|力争|"
    + "|".join(w for w in ACTS.strip("(?:)").split("|") if len(w) >= 2 and "(" not in w)
)
# `所在`, `现在`, `正在`: no `在` of a place; what follows `所` is what a unit does
# (`派出所大力推行…`, `新时代文明实践所组织…`).
_ACT = re.compile(rf"(?!在){ACTS}|(?<![所现正存实])在")
# The characters such words start with: most positions are ruled out by one look.
_ACT_STARTS = frozenset(w[0] for w in re.findall(r"[\u4e00-\u9fff]+", ACTS))


def acts_at(text: str, at: int = 0) -> bool:
    """Does a word of what a unit does start at `at`?"""
    return text[at : at + 1] in _ACT_STARTS and _ACT.match(text, at) is not None


# A time or an ordinal after a place: `林芝市前三季度…`, `山南市今年…`, `当雄县第十八届…`.
_TIME = re.compile(r"[前今去上下近\d一二三四五六七八九十第]")

# The part of a unit's name in brackets after it: `各县（区）`, `县(市、区)`.
_BRACKETED = re.compile(r"[（(][^）)]{1,8}[）)]")
# What a place's name never holds: `全市`, `我区`, `各县`, a list (`林周县、墨竹工卡县`).
_NOT_A_NAME = re.compile("[全各我本、]")
# The levels a place's name ends with, an autonomous region's (`西藏自治区`) apart.
LEVEL_END = re.compile(r"(?:自治区|地区|市|区|县|乡|镇|州)$")
# The place a unit's name opens with: `岗巴县` of `岗巴县司法局`, `城关区八廓街道` of itself.
# `牧区`, `城区`, `乡村` are kinds of places, not names of one.
# A name opening with 市, 县 or 区 is the unit of the place the article is about
# (`市城市管理和综合执法局`), not a place of its own.
# `极高海拔地区`, `边境地区` are kinds of places, `乡村` a kind of place too.
_PREFECTURE = "(?<!海拔|边境|农牧|偏远|贫困|高寒|重点|周边|部分|相关|其他)地区"
_PLACE = re.compile(
    rf"^(?![市县区])(?:(?:(?!和)[{CN}]){{2,8}}?(?:自治区|{_PREFECTURE}|市(?!场)|(?<![牧城山社景园小辖片矿灾校街地])区|县|乡(?!村)|镇|(?<!乡)村|"
    rf"社区|街道)(?![{CN}]?(?:委|局|办|院)))+"
)
_ADMIN_PLACE = re.compile(
    rf"^(?![市县区])[{CN}]{{2,8}}?(?:自治区|{_PREFECTURE}|市(?![场民])|(?<![牧城山社景园小辖片矿灾校街地治])区|县)"
    rf"(?![{CN}]?(?:委|局|办|院))"
)
# `这是山南市推进…的一个缩影`, `是曲松县实施…的一个缩影`: the unit after it acts.
_THIS_IS = re.compile("^(?:这|这也|这正|也|正)?是")
# What stands before a unit at the head of a clause: `扎西所在的`, `节会期间`, `得益于`.
_BEFORE_UNIT = re.compile("的|所在地|期间|以来|之际|得益于|受益于")


def _clean(unit: str) -> str:
    """A unit without the words before it: `扎西所在的香茂乡…合作社` → `香茂乡…合作社`,
    `节会期间全市` → `全市`, `得益于曲水县` → `曲水县`."""
    return _BEFORE_UNIT.split(unit)[-1].strip("、")


def subject(clause: str) -> str | None:
    """The unit that acts in a clause, if the clause opens with one: the first
    words that end as a unit's name does and are followed by what it does
    (`达孜区公安分局交警大队在…`, `亚东县人民医院顺利通过…`).

    >>> subject("今年以来昌都市深入推进“四好农村路”建设")
    '昌都市'
    """
    clause = without_time_lead(clause.lstrip("”’」 "))
    this_is = _THIS_IS.match(clause)  # `这是山南市推进…`: a name of three characters at least
    clause = clause[this_is.end() :] if this_is else clause
    if clause.startswith(("记者", "据")) or acts_at(clause):
        return None  # `记者从那曲市林业和草原局获悉`: a source, not an actor
    words = _NAME_CHARS.match(clause)
    if words is None:
        return None
    for m in UNIT_END.finditer(clause, 1, words.end()):
        bracketed = _BRACKETED.match(clause, m.end())
        end = bracketed.end() if bracketed else m.end()
        if acts_at(clause, end) or clause[end : end + 1] in ("“", "‘", "「"):
            unit = _clean(clause[:end])
            shortest = 3 if this_is else 2
            return unit if len(unit) >= shortest and not NOT_IN_NAME.search(unit) else None
    return None


def unit_in_title(words: str, kind: re.Pattern[str]) -> str | None:
    """The unit of a kind (`kind` matching how its name ends) that a speaker's title
    opens with: `荣玛乡` of `荣玛乡乡长次仁顿珠`, `山南市职业技术学校` of
    `山南市职业技术学校校长…`; not `副县` of `副县长…`.

    >>> unit_in_title("荣玛乡乡长次仁顿珠", re.compile("乡$"))
    '荣玛乡'
    """
    for m in UNIT_END.finditer(words, 2):
        unit = words[: m.end()]
        if kind.search(unit) and not NOT_IN_NAME.search(unit):
            return unit
    return None


def level_of(place: str) -> str | None:
    """The level a place's name ends with (`林芝市` → `市`), `自治区` being no `区`."""
    m = LEVEL_END.search(place)
    return None if m is None or m[0] == "自治区" else m[0]


@functools.lru_cache(maxsize=256)
def place_of(words: str, *, alone: bool = False, admin: bool = False) -> str | None:
    """The place `words` open with: `岗巴县` of `岗巴县司法局`. With `alone`, only a
    place set apart from what follows (`达孜区：…`, `达孜区常态化推进…`), as a
    headline opens with one; with `admin`, only a city, county or district, as a
    campaign's name opens with one (`那曲市“百万亩”…`, not `美丽乡村建设`). The rules ask it
    of the same words again and again: the last few hundred are kept."""
    m = (_ADMIN_PLACE if admin else _PLACE).match(words)
    if m is None or NOT_IN_NAME.search(m.group(0)) or _NOT_A_NAME.search(m.group(0)):
        return None
    rest = words[m.end() : m.end() + 4]
    if alone and re.match(rf"[{CN}]", rest) and not acts_at(rest) and not _TIME.match(rest):
        return None
    return m.group(0)
