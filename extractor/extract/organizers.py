"""Who runs a campaign and where, by rule: read from the words around its name.

The genre says who acts at the head of a clause (`岗巴县紧紧围绕…`,
`市应急管理局将联合市气象局建立…`, `达孜区公安分局交警大队在…开展…`) or with
`由…主办`; it says where with `在…开展` (`在冲赛康广场举办`). A clause with no
subject continues the last one named before it; a short word for a unit
(`县里`, `村里`, `学校`, `医院`) stands for the last unit of that kind the
article named. Where the sentence names no place, the place is the
organizer's own (`岗巴县司法局` → `岗巴县`), else the article's (its headline's
place, or its dateline's: `本报那曲讯` → `那曲`, or its first unit's). `全市`
acting is the article's city as printed (`林芝市`), else as its dateline prints it (`林芝`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.extract.context import CN, without_time_lead
from extractor.extract.ordinals import EDITION
from extractor.extract.units import (
    ACTS,
    LEVEL_END,
    NOT_IN_NAME,
    UNIT_END,
    level_of,
    place_of,
    subject,
    unit_in_title,
)
from extractor.stops import positions_of

# `由山南市委、市政府主办`: the body that holds an event; `落实市委、市政府关于开展……`:
# the body that decided it.
_HELD_BY = re.compile(rf"由(?P<unit>[{CN}、]{{2,30}}?)(?:联合|共同)?(?:主办|承办|举办|组织|牵头)")
_DECIDED_BY = re.compile(
    rf"(?:贯彻落实|落实|贯彻)(?P<unit>[{CN}、]{{2,20}}?)关于(?:开展|实施|推进)"
)
# A place where it happens: `在冲赛康广场举办`, `深入昌龙乡、孔玛乡等边境乡镇开展`.
_WHERE = re.compile(
    rf"(?:在(?!建)|深入|走进|赴)(?P<place>[{CN}\d、（）()]{{2,30}}?)"
    r"(?=等(?!级)|(?:全面|广泛|深入|持续|同步|陆续|先后|分别|率先|首次|大力)?"
    r"(?:开展|举办|举行|组织|设立|建成|实施|推行|推广|推进|启动|召开|轮流|集中|进行|开幕|开赛|闭幕))"
)
# Where a clause means a time or a stage, not a place: `在创建中`, `在改造过程中`.
_NOT_A_PLACE = re.compile(
    r"^(?:全|各|本|此|这|该|其|辖区)|(?:中|时|后|前|间|上|下|内|外|里|旁|方面|基础|同时|现场)$|的|期间|过程"
)
# A clause that is a place alone: `在乃东区第二小学，`, `走进扎囊县扎其乡德吉林村，`.
_AT_PLACE = re.compile(rf"^(?:在|走进|来到)(?P<place>[{CN}]{{3,20}})$")
# A programme the unit carries out but does not run: a policy or strategy from
# above, or one it works around or learns from (`用好生态护林员岗位政策`,
# `紧紧围绕固边兴边富民行动`, `以“组团式”医疗援藏为依托`).
_NOT_ITS_OWN = re.compile(r"(?:政策|战略)$")
# Unless the verb right before it carries it out, a field between at most:
# `落实教育“三包”政策`, `对灵活就业人员实行“缴存有补贴”政策`, `深入实施“口岸强县”战略`.
_CARRIED_OUT = re.compile(rf"(?:落实|实行|推行|执行|实施|坚持)[{CN}]{{0,4}}$")
_FOLLOWS = re.compile(r"(?:用好|围绕|贯彻)$")
# Learned from elsewhere: `学习运用浙江“千万工程”经验`.
_LEARNED = re.compile(rf"(?:借鉴|学习)(?:运用)?[{CN}]{{0,3}}$")
_FOLLOWS_AFTER = re.compile(r"^为(?:依托|契机|指引|引领|统领)")
# A subject that is the whole city, county or district, or all of its units: no place of
# one unit, nor a unit a short word (`县里`) stands for.
_WHOLE = re.compile(r"^(?:全|各|我|本)(?:市|区|县|乡|镇|州)|、")
_WHOLE_OF_ONE = re.compile(
    r"^(?:全|我|本)(?P<level>地区|市|区|县|乡|镇|州)(?:上下|各级各部门|各部门|各地)?$"
)
# A headline that opens with the whole of a level: `全市…`, `我区…`.
_WHOLE_HEAD = re.compile(r"^(?:全|我)(?P<level>地区|市|区|县)")
_REGION = re.compile(rf"[{CN}]{{0,4}}自治区")
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
    "合作社": "合作社",
    "基地": "基地",
    "海关": "海关",
    "检查站": "站",
    "工坊": "工坊",
    "剧团": "团",
    "出版社": "社",
    "该社": "社",
}
_BACK_REFERENCE = re.compile(
    rf"^(?P<word>{'|'.join(sorted(_BACK_REFERENCES, key=len, reverse=True))})(?={ACTS}|[“‘「])"
)
# The last words of a place where something is done: `冲赛康广场`, `纳木错北岸`, `达孜段`.
_PLACE_END = re.compile(
    r"(?:市|区|县|乡|镇|村|社区|街道|广场|学校|小学|中学|医院|站|所|段|线|公园|景区|园区|岸|寺|"
    r"基地|中心|馆|场|湖|山|河|周边)$"
)
# A sentence about an event named before: `本届桃花节由…主办`, `本次活动由…`.
_THIS_EVENT = re.compile("本届|本次|此次|这次|该|活动|赛事|大赛|比赛")
# A directive a meeting gives, with no unit named to carry it out: `他要求，要…`,
# `会议强调，要…`.
_DIRECTIVE = re.compile(r"(?:要求|强调|指出)[，,：:]要")
# A speaker with the title that names a unit: `荣玛乡乡长次仁顿珠介绍`, `据措勤县人武部介绍`.
_SPEAKER = re.compile(rf"^据?(?P<title>[{CN}、]{{4,30}})(?:介绍|表示|说|告诉记者|指出)$")
# How many clauses are looked through for a unit named before (a paragraph or two).
_LOOK_BACK = 20
# The year or number in a series a name opens with: `2024年`, `第二届`, `首届`.
_ORDINAL_HEAD = re.compile(rf"^(?:\d{{4}}年)?{EDITION}?")
# `本报那曲讯(记者…)`, `拉萨融媒讯`, `本报日喀则电`: the place a dateline names.
# `本报讯` names no place.
_DATELINE_PLACE = re.compile(rf"^(?:本报)?(?!本报)(?P<place>[{CN}]{{2,6}}?)(?:融媒|日报)?[讯电]")
_SENTENCE_ENDS = "。！？!?；;\n"
# One character ends a clause or a sentence.
_CLAUSE_OR_SENTENCE_ENDS = _SENTENCE_ENDS + "，,：:"


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
            unit = ref["word"] if ref else subject(clause)
            if unit in _BACK_REFERENCES:
                ends = _BACK_REFERENCES[unit]
                # With none named before, `县里` is the article's county, `合作社` as printed.
                bare = ends in _LEVELS or not unit.startswith("该")
                unit = self._named_before(i, ends) or (unit if bare else None)
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
            place = place_of(line, alone=True)
            if place:
                return place
        for line in self._headline.split("\n"):
            place = place_of(without_time_lead(line), admin=True)
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
            place = place_of(unit) if unit else None
            if place:
                return place
        return None

    def _named_before(self, i: int, ends: str) -> str | None:
        """The last unit named before clause i whose name ends as `ends` says (`县`, `校|学`):
        acting, a place standing alone, or the unit of a speaker's title
        (`荣玛乡乡长次仁顿珠介绍，…乡里…`)."""
        pattern = re.compile(rf"(?:{ends})$")
        for k in range(i - 1, max(-1, i - 1 - 2 * _LOOK_BACK), -1):
            alone = _AT_PLACE.match(self.clauses[k][1])
            said = _SPEAKER.match(self.clauses[k][1].lstrip("”’」 "))
            title = unit_in_title(said["title"].split("、")[-1], pattern) if said else None
            for unit in (self._subject(k), alone["place"] if alone else None, title):
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
        names it; for a directive with none (`他要求，要…`), the body of the meeting; else
        the last one named before."""
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
        held_next = self._held_after(sentence)
        if held_next:
            return held_next, True
        body = self._meeting_body() if _DIRECTIVE.search(self.text, start, at) else None
        if body:
            return body, True
        for k in range(sentence[0] - 1, max(-1, sentence[0] - 1 - _LOOK_BACK), -1):
            unit = self._subject(k)
            if unit is not None:
                return self._unit_or_whole(unit), False
        return None, False

    def _held_after(self, sentence: range) -> str | None:
        """The body that holds the event, said in one of the two sentences after the one
        naming it (`本届桃花节由林芝市人民政府主办`)."""
        k = sentence[-1] + 1
        for _ in range(2):
            if k >= len(self.clauses):
                return None
            following = self._sentence(k)
            start = self.starts[following[0]]
            end = self.starts[following[-1]] + len(self.clauses[following[-1]][1])
            if _THIS_EVENT.match(self.text, start):
                held = _HELD_BY.search(self.text, start, end)
                if held:
                    return held["unit"]
            k = following[-1] + 1
        return None

    def _meeting_body(self) -> str | None:
        """The body whose meeting the article reports: the whole its headline opens with
        (`全市…推进会召开` → the city), else its home where that is a city, county or
        district (`茂县召开…会议`)."""
        for line in self._headline.split("\n"):
            whole = _WHOLE_HEAD.match(without_time_lead(line))
            if whole:
                return self._unit_or_whole(whole[0])
        if self.home and place_of(self.home, admin=True) == self.home:
            return self.home
        return None

    def _unit_or_whole(self, unit: str) -> str | None:
        """A unit as named, all of a kind too (`各县（区）`, `全市各级工会`, `林周县、墨竹工卡县`);
        `全县`, `全市`, `我区` alone are the article's county, city or district where it
        prints one (`当雄县` for `全县` in an article on 当雄县), else its dateline's place
        as printed there (`拉萨` of `拉萨融媒讯` for `我市`)."""
        whole = _WHOLE_OF_ONE.match(unit)
        if whole:
            return self._whole_place(whole["level"]) or self._bare_dateline(whole["level"])
        if unit in _BACK_REFERENCES and _BACK_REFERENCES[unit] in _LEVELS:
            # `县里` with no county named before: the article's
            return self._whole_place(_BACK_REFERENCES[unit], one=True)
        if unit in _BACK_REFERENCES:  # `学校` with none named before, as printed
            return unit
        if unit.startswith("全"):  # `全市各级工会`, not `全市乡镇`
            return None if _WHOLE.match(unit) is None or LEVEL_END.search(unit) else unit
        items = unit.split("、")
        if len(items) > 1 and (
            any(len(item) < 2 for item in items)
            or not (UNIT_END.search(items[0][-4:]) or place_of(items[0]))
        ):
            return None  # `设有内科、外科…等病区`
        return unit

    def _bare_dateline(self, level: str) -> str | None:
        """The place a dateline names with no level (`拉萨` of `拉萨融媒讯`), for the whole
        of a city, county or prefecture acting where the article prints its name with
        none; `全区` of no district is the region (`_whole_place`)."""
        place = self._dateline_place
        return place if place and level != "区" and level_of(place) is None else None

    def _whole_place(self, level: str, *, one: bool = False) -> str | None:
        """The article's own place of a level (`市`, `县`, `区`, `地区`), as printed: its
        home's; else the dateline's, with the level where the article prints it so
        (`拉萨融媒讯` and `拉萨市`); else the first place of that level a headline or
        a unit opens with. `全区` of no district is the autonomous region the article
        names (`自治区`); with `one`, a district is one district (`区里`, `区公安分局`)."""
        if self.home and level_of(self.home) == level:
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
        if dateline and level_of(dateline) == level:
            return dateline
        if dateline and level_of(dateline) is None and dateline + level in self.text:
            return dateline + level
        if level == "区" and not one:
            region = _REGION.search(self.text)
            return region[0] if region else None
        for place in self._places():
            if level_of(place) == level:
                return place
        return None

    def _unit_place(self, unit: str) -> str | None:
        """The place a unit is of: the place its name opens with (`岗巴县司法局` →
        `岗巴县`), or for `县…`, `市…`, `区…` (`县交通运输局`) the article's county,
        city or district."""
        if unit[0] in "市县区" and not unit.startswith("市场"):
            return self._whole_place(unit[0], one=True)
        return place_of(unit)

    @functools.cached_property
    def _dateline_place(self) -> str | None:
        """The place the dateline names (`本报那曲讯` → `那曲`), if any."""
        m = _DATELINE_PLACE.match(self._dateline.strip()) if self._dateline else None
        return m["place"] if m else None

    def _places(self) -> Iterator[str]:
        """The city, county or district each headline line opens with, then the place each
        unit acting in the text opens with, in order."""
        for line in self._headline.split("\n"):
            place = place_of(without_time_lead(line), admin=True)
            if place:
                yield place
        for i in range(len(self.clauses)):
            unit = self._subject(i)
            place = place_of(unit) if unit else None
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
                        or NOT_IN_NAME.search(place)
                        or not _PLACE_END.search(place)
                        or any(len(item) < 3 for item in place.split("、"))  # `深入乡村、社区`
                        or "和" in place  # `在县城和17个乡镇开展`: the whole, not one place
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
        if _NOT_A_PLACE.search(place) or NOT_IN_NAME.search(place) or not _PLACE_END.search(place):
            return None  # `在交通运输领域，`: a field, not a place
        return place

    def of(self, at: int, name: str = "") -> Sponsor:
        """Organizer and location of the campaign `name`, named at `at`.

        A name that opens with a place (`那曲市“百万亩”…工程`) is that place's,
        unless its own sentence says who runs it.
        """
        organizer, said = self._actor(at)
        own_place = place_of(_ORDINAL_HEAD.sub("", name), admin=True)
        set_place = self._set_place(at)
        if own_place and not said:
            organizer = own_place
        elif set_place and not said and place_of(set_place, admin=True) == set_place:
            organizer = set_place  # `在类乌齐县，县城供水管网漏损治理项目近日通过验收`
        clause_start = self.starts[self._clause_of(at)]
        end = at + len(name)
        actor = organizer
        before = self.text[clause_start:at]
        if (
            (actor and _REGION.fullmatch(actor))  # `全区` acting: the region, no one body
            or (_NOT_ITS_OWN.search(name) and not _CARRIED_OUT.search(before))
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
