"""Who runs a campaign and where, by rule: read from the words around its name.

The genre says who acts at the head of a clause (`岗巴县紧紧围绕…`,
`市应急管理局将联合市气象局建立…`, `达孜区公安分局交警大队在…开展…`) or with
`由…主办`; it says where with `在…开展` (`在冲赛康广场举办`). A clause with no
subject continues the last one named before it; a short word for a unit
(`县里`, `村里`, `学校`, `医院`) stands for the last unit of that kind the
article named. Where the sentence names no place, the place is the
organizer's own (`岗巴县司法局` → `岗巴县`), else the article's (its headline's
place, or its dateline's: `本报那曲讯` → `那曲`, or its first unit's). `全市`
acting is the article's city as printed (`林芝市`), where it prints one.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.extract.context import without_time_lead
from extractor.stops import positions_of

_CN = r"\u4e00-\u9fff"
# The last words of a unit's name: a place, an office, a body, a team.
_UNIT_END = re.compile(
    r"(?:自治区|地区|居委会|村委会|委员会|社区|街道|市场|市(?<![城超]市)|区|县|乡|镇|村|办公室|局|委|办|院|所|"
    r"大队|支队|中队|医疗队|工作队|队(?<!带队)|中心|公司|集团|学校|小学|中学|大学|学院|幼儿园|合作社|团委|"
    r"妇联|工会|总会|协会|政府|党委|党工委|党支部|党总支|支部|部门|机关|项目部|指挥部|站)"
)
# The characters a unit's name is printed in.
_NAME_CHARS = re.compile(rf"[{_CN}、（）()]{{2,24}}")
# Words that end the subject of a clause: what the unit does next.
_ACTS = (
    r"(?:还|也|将|已|又|再|均|都|正|在|于|坚持|深入|持续|全面|积极|紧紧|紧盯|把|以|对|为|与|和|"
    r"联合|会同|配合|携手|组织|开展|推行|实行|实施|推进|推动|建立|启动|举办|召开|设立|组建|开设|探索|"
    r"用好|落实|严格|深化|大力|扎实|广泛|率先|首次|累计|共|依托|围绕|通过|采取|成立|打造|"
    r"创新|不断|进一步|着力|聚焦|结合|立足|按照|狠抓|抓好|常态化|集中|全力|主动|先后|今年|去年|近年|"
    r"通过|获悉|介绍|表示|指出|强调|要求|说|顺利|成功|首批|被|是|有|现有|作为|针对|随着|深入|走进|"
    r"由|从|向|据|给|让|使|自(?!治)|推广|创建|贯彻|协调|演绎|打好|打赢|办好|践行|举行|承办|"
    r"主办|启动|部署|印发|出台|制定|完成|实现|投入|新建|建成|认真|精心|切实|高度|始终|着眼|同步|上下)"
)
# What a name never holds: a verb phrase, a pronoun (`我们将在拉萨市`, `推广维巴村`).
_NOT_IN_NAME = re.compile(
    "们|的|将|在|把|是|被|还|了|这|同志|负责人|如今|统一|支持|需要|维护|加快|构建|创办|确保|力争|"
    + "|".join(w for w in _ACTS.strip("(?:)").split("|") if len(w) >= 2 and "(" not in w)
)
# `所在`, `现在`, `正在`: no `在` of a place.
_ACT = re.compile(rf"(?<![所现正存实]){_ACTS}")
# The characters such words start with: most positions are ruled out by one look.
_ACT_STARTS = frozenset(w[0] for w in re.findall(r"[\u4e00-\u9fff]+", _ACTS))


def _acts_at(text: str, at: int = 0) -> bool:
    """Does a word of what a unit does start at `at`?"""
    return text[at : at + 1] in _ACT_STARTS and _ACT.match(text, at) is not None


# A time or an ordinal after a place: `林芝市前三季度…`, `山南市今年…`, `当雄县第十八届…`.
_TIME = re.compile(r"[前今去上下近\d一二三四五六七八九十第]")
# `由山南市委、市政府主办`: the body that holds an event; `落实市委、市政府关于开展……`:
# the body that decided it.
_HELD_BY = re.compile(rf"由(?P<unit>[{_CN}、]{{2,30}}?)(?:联合|共同)?(?:主办|承办|举办|组织|牵头)")
_DECIDED_BY = re.compile(
    rf"(?:贯彻落实|落实|贯彻)(?P<unit>[{_CN}、]{{2,20}}?)关于(?:开展|实施|推进)"
)
# A place where it happens: `在冲赛康广场举办`, `深入昌龙乡、孔玛乡等边境乡镇开展`.
_WHERE = re.compile(
    rf"(?:在(?!建)|深入|走进|赴)(?P<place>[{_CN}\d、（）()]{{2,30}}?)"
    r"(?=等(?!级)|(?:全面|广泛|深入|持续|同步|陆续|先后|分别|率先|首次|大力)?"
    r"(?:开展|举办|举行|组织|设立|建成|实施|推行|推广|推进|启动|召开|轮流|集中|进行|开幕|开赛|闭幕))"
)
# Where a clause means a time or a stage, not a place: `在创建中`, `在改造过程中`.
_NOT_A_PLACE = re.compile(
    r"^(?:全|各|本|此|这|该|其|辖区)|(?:中|时|后|前|间|上|下|内|外|里|旁|方面|基础|同时|现场)$|的|期间|过程"
)
# A clause that is a place alone: `在乃东区第二小学，`, `走进扎囊县扎其乡德吉林村，`.
_AT_PLACE = re.compile(rf"^(?:在|走进|来到)(?P<place>[{_CN}]{{3,20}})$")
# A programme the unit carries out but does not run: a policy or strategy from
# above, or one it works around or learns from (`用好生态护林员岗位政策`,
# `紧紧围绕固边兴边富民行动`, `以“组团式”医疗援藏为依托`).
_NOT_ITS_OWN = re.compile(r"(?:政策|战略)$")
_FOLLOWS = re.compile(r"(?:用好|围绕|贯彻)$")
# Learned from elsewhere: `学习运用浙江“千万工程”经验`.
_LEARNED = re.compile(rf"(?:借鉴|学习)(?:运用)?[{_CN}]{{0,3}}$")
_FOLLOWS_AFTER = re.compile(r"^为(?:依托|契机|指引|引领|统领)")
# A subject that is the whole city, county or district, or all of its units: no place of
# one unit, nor a unit a short word (`县里`) stands for.
_WHOLE = re.compile(r"^(?:全|各|我|本)(?:市|区|县|乡|镇|州)|、")
_WHOLE_OF_ONE = re.compile(
    r"^(?:全|我|本)(?P<level>地区|市|区|县|乡|镇|州)(?:上下|各级各部门|各部门|各地)?$"
)
# The levels a place's name ends with, an autonomous region's (`西藏自治区`) apart.
_WHOLE_HEAD = re.compile(r"^(?:全|我)(?P<level>地区|市|区|县)")
_LEVEL_END = re.compile(r"(?:自治区|地区|市|区|县|乡|镇|州)$")
_REGION = re.compile(rf"[{_CN}]{{0,4}}自治区")
# The part of a unit's name in brackets after it: `各县（区）`, `县(市、区)`.
_BRACKETED = re.compile(r"[（(][^）)]{1,8}[）)]")
# What a place's name never holds: `全市`, `我区`, `各县`, a list (`林周县、墨竹工卡县`).
_NOT_A_NAME = re.compile("[全各我本、]")
# The levels a short word (`县里`) may stand for when no unit of its kind was named.
_LEVELS = ("市", "区", "县", "乡", "镇")
# Short words for a unit named before (`县里还建立…`), and how that unit's name ends.
_BACK_REFERENCES = {
    "县里": "县",
    "该县": "县",
    "区里": "区",
    "该区": "区",
    "市里": "市",
    "该市": "市",
    "乡里": "乡",
    "镇里": "镇",
    "村里": "村",
    "该村": "村",
    "社区": "社区",
    "该社区": "社区",
    "学校": "校|学",
    "该校": "校|学",
    "医院": "医院",
    "该院": "院",
    "中心": "中心",
    "分局": "分局",
    "公司": "公司",
    "该局": "局",
    "该公司": "公司",
    "该中心": "中心",
    "该所": "所",
    "市场": "市场",
}
_BACK_REFERENCE = re.compile(
    rf"^(?P<word>{'|'.join(sorted(_BACK_REFERENCES, key=len, reverse=True))})(?={_ACTS}|[“‘「])"
)
# The place a unit's name opens with: `岗巴县` of `岗巴县司法局`, `城关区八廓街道` of itself.
# `牧区`, `城区`, `乡村` are kinds of places, not names of one.
# A name opening with 市, 县 or 区 is the unit of the place the article is about
# (`市城市管理和综合执法局`), not a place of its own.
# `极高海拔地区`, `边境地区` are kinds of places, `乡村` a kind of place too.
_PREFECTURE = "(?<!海拔|边境|农牧|偏远|贫困|高寒|重点|周边|部分|相关|其他)地区"
_PLACE = re.compile(
    rf"^(?![市县区])(?:[{_CN}]{{2,8}}?(?:自治区|{_PREFECTURE}|市(?!场)|(?<![牧城山社景园小辖片矿灾校街地])区|县|乡(?!村)|镇|(?<!乡)村|"
    rf"社区|街道)(?![{_CN}]?(?:委|局|办|院)))+"
)
_ADMIN_PLACE = re.compile(
    rf"^(?![市县区])[{_CN}]{{2,8}}?(?:自治区|{_PREFECTURE}|市(?![场民])|(?<![牧城山社景园小辖片矿灾校街地治])区|县)"
    rf"(?![{_CN}]?(?:委|局|办|院))"
)
# The last words of a place where something is done: `冲赛康广场`, `纳木错北岸`, `达孜段`.
_PLACE_END = re.compile(
    r"(?:市|区|县|乡|镇|村|社区|街道|广场|学校|小学|中学|医院|站|所|段|线|公园|景区|园区|岸|寺|"
    r"基地|中心|馆|场|湖|山|河|周边)$"
)
# How many clauses are looked through for a unit named before (a paragraph or two).
_LOOK_BACK = 20
# The year or number in a series a name opens with: `2024年`, `第二届`, `首届`.
_ORDINAL_HEAD = re.compile(rf"^(?:\d{{4}}年)?(?:第[{_CN}\d]{{1,4}}届|首届)?")
# `本报那曲讯(记者…)`, `拉萨融媒讯`, `本报日喀则电`: the place a dateline names.
# `本报讯` names no place.
_DATELINE_PLACE = re.compile(rf"^(?:本报)?(?!本报)(?P<place>[{_CN}]{{2,6}}?)(?:融媒|日报)?[讯电]")
_SENTENCE_ENDS = "。！？!?；;\n"
# One character ends a clause or a sentence.
_CLAUSE_OR_SENTENCE_ENDS = _SENTENCE_ENDS + "，,：:"
_BEFORE_UNIT = re.compile("的|所在地|期间|以来|之际|得益于|受益于")


@dataclass(frozen=True)
class Sponsor:
    """Who runs a campaign and where, as printed, or None."""

    organizer: str | None
    location: str | None


def _clauses(text: str) -> tuple[list[tuple[int, str]], list[bool]]:
    """Every clause of a text with where it starts, and whether it opens a sentence:
    a clause runs from after one of the characters that end one to the next."""
    ends = positions_of(text, _CLAUSE_OR_SENTENCE_ENDS)
    starts = [0, *(at + 1 for at in ends)]
    stops = [*ends, len(text)]
    clauses = [(start, text[start:stop]) for start, stop in zip(starts, stops, strict=True)]
    return clauses, [True, *(text[at] in _SENTENCE_ENDS for at in ends)]


def _clean(unit: str) -> str:
    """A unit without the words before it: `扎西所在的香茂乡…合作社` → `香茂乡…合作社`,
    `节会期间全市` → `全市`, `得益于曲水县` → `曲水县`."""
    return _BEFORE_UNIT.split(unit)[-1].strip("、")


def _subject(clause: str) -> str | None:
    """The unit that acts in a clause, if the clause opens with one: the first
    words that end as a unit's name does and are followed by what it does
    (`达孜区公安分局交警大队在…`, `亚东县人民医院顺利通过…`).

    >>> _subject("今年以来昌都市深入推进“四好农村路”建设")
    '昌都市'
    """
    clause = without_time_lead(clause.lstrip("”’」 "))
    if clause.startswith(("记者", "据")) or _acts_at(clause):
        return None  # `记者从那曲市林业和草原局获悉`: a source, not an actor
    words = _NAME_CHARS.match(clause)
    if words is None:
        return None
    for m in _UNIT_END.finditer(clause, 1, words.end()):
        bracketed = _BRACKETED.match(clause, m.end())
        end = bracketed.end() if bracketed else m.end()
        if _acts_at(clause, end) or clause[end : end + 1] in ("“", "‘", "「"):
            unit = _clean(clause[:end])
            return unit if len(unit) >= 2 and not _NOT_IN_NAME.search(unit) else None
    return None


def _level_of(place: str) -> str | None:
    """The level a place's name ends with (`林芝市` → `市`), `自治区` being no `区`."""
    m = _LEVEL_END.search(place)
    return None if m is None or m[0] == "自治区" else m[0]


def _place_of(words: str, *, alone: bool = False, admin: bool = False) -> str | None:
    """The place `words` open with: `岗巴县` of `岗巴县司法局`. With `alone`, only a
    place set apart from what follows (`达孜区：…`, `达孜区常态化推进…`), as a
    headline opens with one; with `admin`, only a city, county or district, as a
    campaign's name opens with one (`那曲市“百万亩”…`, not `美丽乡村建设`)."""
    m = (_ADMIN_PLACE if admin else _PLACE).match(words)
    if m is None or _NOT_IN_NAME.search(m.group(0)) or _NOT_A_NAME.search(m.group(0)):
        return None
    rest = words[m.end() : m.end() + 4]
    if alone and re.match(rf"[{_CN}]", rest) and not _acts_at(rest) and not _TIME.match(rest):
        return None
    return m.group(0)


class Sponsors:
    """Organizers and locations of the campaigns of one article's text.

    `text` is the article's headline and body, a line apart, as campaigns are
    read from.

    >>> Sponsors("", "今年以来，岗巴县司法局在昌龙乡开展“法律进边村”普法宣传活动。").of(21)
    Sponsor(organizer='岗巴县司法局', location='昌龙乡')
    """

    def __init__(self, headline: str, body: str, dateline: str | None = None) -> None:
        self.text = f"{headline}\n{body}"
        self.clauses, self._opens_sentence = _clauses(self.text)
        self.starts = [start for start, _ in self.clauses]
        self._subjects: dict[int, str | None] = {}  # clause index → its acting unit
        self._printed: dict[tuple[str, bool], str | None] = {}  # (level, one) → place
        self._places_in: dict[int, str | None] = {}  # clause index → its place with 在
        self._headline = headline
        self._dateline = dateline

    def _subject(self, i: int) -> str | None:
        """The unit acting in clause i, a short word for one (`县里`) resolved where a
        unit of its kind was named before."""
        if i not in self._subjects:
            clause = self.clauses[i][1]
            ref = _BACK_REFERENCE.match(without_time_lead(clause.lstrip("”’」 ")))
            unit = ref["word"] if ref else _subject(clause)
            if unit in _BACK_REFERENCES:
                ends = _BACK_REFERENCES[unit]
                unit = self._named_before(i, ends) or (unit if ends in _LEVELS else None)
            self._subjects[i] = unit
        return self._subjects[i]

    def _clause_of(self, at: int) -> int:
        return bisect.bisect_right(self.starts, at) - 1

    def _sentence(self, i: int) -> range:
        """The indices of the clauses of the sentence holding clause i."""
        first = i
        while first > 0 and not self._opens_sentence[first]:
            first -= 1
        last = i + 1
        while last < len(self.clauses) and not self._opens_sentence[last]:
            last += 1
        return range(first, last)

    @functools.cached_property
    def home(self) -> str | None:
        """The article's place: the place its headline opens with, set apart
        (`达孜区常态化推进…`), else a city, county or district it opens with
        (`山南市冬春农田水利…`), else the place of the whole it opens with
        (`全地区…`, `我市…`), else its dateline's, else the first place a unit of it
        opens with."""
        for line in self._headline.split("\n"):
            place = _place_of(line, alone=True)
            if place:
                return place
        for line in self._headline.split("\n"):
            place = _place_of(without_time_lead(line), admin=True)
            if place:
                return place
        for line in self._headline.split("\n"):
            whole = _WHOLE_HEAD.match(without_time_lead(line))
            place = self._printed_place(whole["level"]) if whole else None
            if place:
                return place
        if self._dateline_place:
            return self._dateline_place
        for i in range(min(len(self.clauses), _LOOK_BACK)):
            unit = self._subject(i)
            place = _place_of(unit) if unit else None
            if place:
                return place
        return None

    def _named_before(self, i: int, ends: str) -> str | None:
        """The last unit named before clause i whose name ends as `ends` says (`县`, `校|学`)."""
        pattern = re.compile(rf"(?:{ends})$")
        for k in range(i - 1, max(-1, i - 1 - 2 * _LOOK_BACK), -1):
            alone = _AT_PLACE.match(self.clauses[k][1])
            for unit in (self._subject(k), alone["place"] if alone else None):
                if (
                    unit
                    and pattern.search(unit)
                    and unit not in _BACK_REFERENCES
                    and not _WHOLE.search(unit)
                ):
                    return unit
        return None

    def _actor(self, at: int) -> tuple[str | None, bool]:
        """The unit that acts in the clauses up to `at`, and whether its own sentence
        names it; else the last one named before."""
        i = self._clause_of(at)
        sentence = self._sentence(i)
        start = self.starts[sentence[0]]
        end = self.starts[sentence[-1]] + len(self.clauses[sentence[-1]][1])
        held = _HELD_BY.search(self.text, start, end)
        if held:
            return held["unit"], True
        decided = _DECIDED_BY.search(self.text, start, at + 1)
        if decided and decided.end() == at:
            return decided["unit"], True
        for k in range(i, sentence[0] - 1, -1):
            unit = self._subject(k)
            if unit is not None:
                return self._unit_or_whole(unit), True
        for k in range(sentence[0] - 1, max(-1, sentence[0] - 1 - _LOOK_BACK), -1):
            unit = self._subject(k)
            if unit is not None:
                return self._unit_or_whole(unit), False
        return None, False

    def _unit_or_whole(self, unit: str) -> str | None:
        """A unit as named, all of a kind too (`各县（区）`, `全市各级工会`, `林周县、墨竹工卡县`);
        `全县`, `全市`, `我区` alone are the article's county, city or district where it
        prints one (`当雄县` for `全县` in an article on 当雄县)."""
        whole = _WHOLE_OF_ONE.match(unit)
        if whole:
            return self._whole_place(whole["level"])
        if unit in _BACK_REFERENCES:  # `县里` with no county named before: the article's
            return self._whole_place(_BACK_REFERENCES[unit], one=True)
        if unit.startswith("全"):  # `全市各级工会`, not `全市乡镇`
            return None if _WHOLE.match(unit) is None or _LEVEL_END.search(unit) else unit
        items = unit.split("、")
        if len(items) > 1 and (
            any(len(item) < 2 for item in items)
            or not (_UNIT_END.search(items[0][-4:]) or _place_of(items[0]))
        ):
            return None  # `设有内科、外科…等病区`
        return unit

    def _whole_place(self, level: str, *, one: bool = False) -> str | None:
        """The article's own place of a level (`市`, `县`, `区`, `地区`), as printed: its
        home's; else the dateline's, with the level where the article prints it so
        (`拉萨融媒讯` and `拉萨市`); else the first place of that level a headline or
        a unit opens with. `全区` of no district is the autonomous region the article
        names (`自治区`); with `one`, a district is one district (`区里`, `区公安分局`)."""
        if self.home and _level_of(self.home) == level:
            return self.home
        return self._printed_place(level, one=one)

    def _printed_place(self, level: str, *, one: bool = False) -> str | None:
        """The place of a level the article prints, its home aside (`_whole_place`)."""
        if (level, one) not in self._printed:
            self._printed[level, one] = self._find_printed_place(level, one=one)
        return self._printed[level, one]

    def _find_printed_place(self, level: str, *, one: bool) -> str | None:
        """`_printed_place`, looked for."""
        dateline = self._dateline_place
        if dateline and _level_of(dateline) == level:
            return dateline
        if dateline and _level_of(dateline) is None and dateline + level in self.text:
            return dateline + level
        if level == "区" and not one:
            region = _REGION.search(self.text)
            return region[0] if region else None
        for place in self._places():
            if _level_of(place) == level:
                return place
        return None

    def _unit_place(self, unit: str) -> str | None:
        """The place a unit is of: the place its name opens with (`岗巴县司法局` →
        `岗巴县`), or for `县…`, `市…`, `区…` (`县交通运输局`) the article's county,
        city or district."""
        if unit[0] in "市县区" and not unit.startswith("市场"):
            return self._whole_place(unit[0], one=True)
        return _place_of(unit)

    @functools.cached_property
    def _dateline_place(self) -> str | None:
        """The place the dateline names (`本报那曲讯` → `那曲`), if any."""
        m = _DATELINE_PLACE.match(self._dateline.strip()) if self._dateline else None
        return m["place"] if m else None

    def _places(self) -> Iterator[str]:
        """The city, county or district each headline line opens with, then the place each
        unit acting in the text opens with, in order."""
        for line in self._headline.split("\n"):
            place = _place_of(without_time_lead(line), admin=True)
            if place:
                yield place
        for i in range(len(self.clauses)):
            unit = self._subject(i)
            place = _place_of(unit) if unit else None
            if place:
                yield place

    def _where(self, at: int) -> str | None:
        """A place the sentence of `at` names with `在…开展`: in the clauses up to
        `at` first, nearest first, then in those after it."""
        i = self._clause_of(at)
        sentence = self._sentence(i)
        order = [*range(i, sentence[0] - 1, -1), *range(i + 1, sentence[-1] + 1)]
        return next(filter(None, map(self._place_in, order)), None)

    def _place_in(self, k: int) -> str | None:
        """The first place clause k names with `在…开展`, looked for once."""
        if k not in self._places_in:
            self._places_in[k] = next(
                (
                    place
                    for m in _WHERE.finditer(self.clauses[k][1])
                    if not (
                        _NOT_A_PLACE.search(place := m["place"])
                        or _NOT_IN_NAME.search(place)
                        or not _PLACE_END.search(place)
                        or any(len(item) < 3 for item in place.split("、"))  # `深入乡村、社区`
                    )
                ),
                None,
            )
        return self._places_in[k]

    def _set_place(self, at: int) -> str | None:
        """The place a sentence opens with, a clause of its own, before `at`:
        `在边坝县，城区7条背街小巷“微改造”近日全部完工`."""
        first = self._sentence(self._clause_of(at))[0]
        alone = _AT_PLACE.match(self.clauses[first][1])
        if alone is None or self.starts[first] + len(self.clauses[first][1]) > at:
            return None
        place = alone["place"]
        if _NOT_A_PLACE.search(place) or _NOT_IN_NAME.search(place) or not _PLACE_END.search(place):
            return None  # `在交通运输领域，`: a field, not a place
        return place

    def of(self, at: int, name: str = "") -> Sponsor:
        """Organizer and location of the campaign `name`, named at `at`.

        A name that opens with a place (`那曲市“百万亩”…工程`) is that place's,
        unless its own sentence says who runs it.
        """
        organizer, said = self._actor(at)
        own_place = _place_of(_ORDINAL_HEAD.sub("", name), admin=True)
        set_place = self._set_place(at)
        if own_place and not said:
            organizer = own_place
        elif set_place and not said and _place_of(set_place, admin=True) == set_place:
            organizer = set_place  # `在类乌齐县，县城供水管网漏损治理项目近日通过验收`
        clause_start = self.starts[self._clause_of(at)]
        end = at + len(name)
        actor = organizer
        before = self.text[clause_start:at]
        if (
            (actor and _REGION.fullmatch(actor))  # `全区` acting: the region, no one body
            or _NOT_ITS_OWN.search(name)
            or _FOLLOWS.search(before)
            or _LEARNED.search(before)
            or _FOLLOWS_AFTER.match(self.text[end : end + 4])
        ):
            organizer = None
        location = (
            self._where(at)
            or set_place
            or own_place
            or (self._unit_place(actor) if actor else None)
            or self.home
        )
        return Sponsor(organizer, location)
