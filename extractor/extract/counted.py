"""Which numbers of an article are metrics, by the guidelines, and which are one.

The number grammar (`extractor/numbers.py`) reads every quantity printed; the
guidelines leave some out, and the genre prints others that read as numbers
and are none:
- dates and ages (`2024年`, `6岁`), ranks and tiers (`四级调研员`, `前3名`),
  ordinals (`第二批`, `二期工程`, `初二学生`, `四年级`), times that say when
  rather than how long (`两年前`, `上世纪90年代`, `上半年`, `每半年`,
  `近两年` opening a clause);
- numbers inside a name, a slogan or a term (`“四个创建”`, `三年行动`,
  `九年义务教育`, `三次产业`, `八一镇`, `两位数`), idioms (`四面八方`, `四处`);
- the article `一` (`一名党员`, `一个缩影`, `一年下来`), which counts only when
  something says it does: a qualifier (`不到一个月`, `近一倍`), a multiple
  (`比去年多了一倍`), a word that counts (`为期一个月`, `共一次`), a word that
  says how long something takes (`长则一个星期`, `要一个星期`), or a verb the time
  ends (`将展出一个月，`).

A half counts as a duration (`半天就能打个来回`, `半个小时就能拿到执照`,
`忙了大半天`: the guidelines count how long an activity lasts).

A number printed again in the same article with the same meaning is one
metric (`same_meaning`).

>>> from extractor.numbers import find_quantities
>>> text = "从乡里到县城只要半天，全村一年下来增收不少。"
>>> [m.raw for m in find_quantities(text) if not excluded(text, m)]
['半天']
"""

from __future__ import annotations

import re

from extractor.common_words import dictionary
from extractor.extract.no_counts import counts_nothing
from extractor.numbers import QuantityMatch, is_calendar_date
from extractor.stops import first_of, last_of

# What can stand before a number and make it a count after all: the article
# `一` (`一名党员`) is no quantity, but `为期一个月` is. Not 只有 before a thing: in a
# then-and-now story `过去进出只有一条砂石路`, `以前卫生室只有一间土坯房` stress how little
# there was, not a figure reported (8 such printings on dev: 6 not listed, 2 optional,
# none required); a time it bounds is still how long (`只有一天`, with `_TAKING`).
_COUNTING_ONE = ("为期", "仅", "只", "共", "累计", "达")
# What says how long something takes, before a duration of one: `长则一个星期`,
# `要一个星期`, `花了一个小时`, `只有一天`; and how far ahead it is done, `提前一个月完工`
# (6 printings on dev, all listed: 2 required, 4 optional).
_TAKING = (
    *("要", "需", "需要", "花", "花了", "用", "用了", "则", "历时", "持续", "只要", "只有"),
    "提前",
)
# A time of one after a verb and before a stop is how long it lasted (`展出一个月，`,
# `种地一年。`); not after these, which say which one (`新的一年，`, `这一天，`).
_CLAUSE_ENDS = "，,。；;！？!?"
# Nor after a time word, which says which span the one is (`去年一年，`, `今年一年，`).
_NO_VERB = frozenset("的这那每前上下第有新年月天日")
# Nor a time of one its sentence prints again, each day weighed against the other
# (`拖一天，工人们就多一天的难处`, `早到一天，群众就少难一天`: 3 printings on dev, none listed).
_SENTENCE_ENDS = "。！？!?\n"
# A school term is one too (`挂职锻炼一个学期，` required, `花了一个学期` optional; of the
# 4 printings of its article 一 on dev, `一个学期下来`, optional, and `一个学期长高了4厘米`,
# not listed, stay out).
_TIME_UNITS = frozenset(
    ("天", "周", "星期", "个星期", "月", "个月", "年", "小时", "个小时", "个学期")
)
# `七次全会` is the seventh plenary session, not seven sessions.
_SESSION = re.compile(r"^(?:全会|全体会议|会议|党代会|代表大会)")
# `三年行动`, `五年规划`: a number in words inside a programme's name.
_PROGRAMME = re.compile(r"^(?:行动|计划|规划|攻坚)")
# So are, in words or digits, the years of schooling a policy makes compulsory or free
# (`九年义务教育`, `十五年免费教育`, `15年公费教育`: 3 printings in digits on dev, 2
# optional, 1 not listed) and a school teaching them under one roof (`九年一贯制学校`),
# and the years of preschool an enrolment rate is of (`学前三年毛入园率`).
_SCHOOLING = re.compile(r"^(?:义务教育|免费教育|公费教育|一贯制|毛入园率)")
# `每周六集中清理` is Saturday and 集中 (together), not six episodes (集).
_UNIT_WORDS = ("轮车", "部分", "集中")
#: The wheels of a vehicle's name: `11辆三轮电动车`, `三轮汽车`, `二十多辆小四轮` (3 printings
#: on development pages, none listed), not rounds (`两轮集中清理`, `三轮消费券`).
_VEHICLE_AFTER = re.compile(r"^(?:电动|汽车|摩托|农用)")
# A zero in words opens a word (`汽车零部件`, `零成本`, `零种毒`): the one zero the papers
# print as a figure is a temperature (`零度上下`); 4 printings on dev, the 3 words not listed.
_ZEROES = ("零", "〇")
_COMPOUND_TIME = re.compile("[年天时]零")
_IDIOM_AFTER = re.compile(r"^(?:一体|一心|一线)")
# Words a number opens that are terms, not counts: `三次产业` (the three sectors),
# `两位数` (two digits), `稳定、发展、生态、强边四件大事` (the region's standing priorities,
# printed as `“四件大事”` too: 3 printings on dev and seeds, none listed).
_TERMS = {"次": "产业", "位": "数", "件": "大事"}
# `两班倒`, `四班三倒`, `“四班三运转”倒班制度`: how shifts rotate, a term of the trade, not
# shifts counted (7 printings on dev, none listed; 5 of them in quotation marks).
_SHIFT_SYSTEM = re.compile(r"^[一二三四五]?(?:倒|运转)")
# `伴有5至6级偏西风`, `阵风7级以上`, `刮起八级以上的大风`, `模拟发生5.8级地震`: a wind's force
# and an earthquake's magnitude are measures, not tiers (7 printings on dev: 4 required,
# 3 optional, none not listed). Not `三级风险区域`: 风 there opens another word.
_FORCE_BEFORE = ("风力", "阵风", "风力达", "阵风达", "风力可达", "阵风可达")
_FORCE_AFTER = re.compile(r"^的?([东南西北偏大阵狂强]{0,3}风(?![险貌气采格俗景光电味情尚范])|地震)")
# `两人都回到了课堂`, `两种各有各的好处`, `两家各出一半费用`: both of the two just named,
# as `两头都不耽误` (3 such printings stored on dev, none listed); not `两家各族群众`.
_BOTH = re.compile(r"^(?:都|各(?![族界类级地项种个部民乡县村单]))")
# `2024届高校毕业生`: a class named by the year it graduates, a date (3 printings on dev,
# none listed).
_CLASS_YEAR = re.compile(r"^(?:19|20)\d\d$")
# `以5分42秒的成绩夺冠`, `1分40秒内全部撤离`: a race's or a drill's clock reading, minutes and
# seconds; the development gold lists neither part (3 printings, 6 numbers, none listed).
_SECONDS_AFTER = re.compile(r"^\d+(?:\.\d+)?秒")
_MINUTES_BEFORE = re.compile(r"\d分$")
_YEAR_BY_YEAR = re.compile(r"一[年天月]比")
# `二期工程`, `二次创业`: a count says 两; 二 before these measure words is "second".
_ORDINAL_TWO = frozenset("次期批届轮代号")
# A year of school: `初二学生`, `大三学生`, `高一学生`.
_SCHOOL_YEAR = ("初", "高", "大")
# `三人一组`, `两人三足`: how people are grouped, a set phrase, not people counted (2
# printings in words on dev, none listed; in digits, `3至5人一组`, required, it counts).
# And `五人制足球场`: a game's format, as any count of 人 before 制.
_GROUPED = re.compile("[一二两三四五六七八九十][\u4e00-\u9fff]")
# `围了里三层外三层`: a crowd, not layers counted.
_LAYERS_IDIOM = re.compile(r"里([一二三四五六七八九十])层外\1层")
# `白朗、江孜、拉孜三县`: counties just listed, named again. Provinces are counted where
# the papers name them (`河北、陕西两省`, `粤闽两省`援藏): names again, not a measure.
# An age is one person's (`58岁的牧民`), but an average age or a life expectancy is a
# group's figure (`人均预期寿命提高到72.4岁`, `队员平均年龄不到31岁`).
_ANIMALS = "牛羊猪马驴骡驼鹿"
_GROUP_AGE = ("预期寿命", "平均寿命", "平均年龄")
_NAME_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"'}
_CLAUSE_BREAKS = "，,。；;！？!?：:、\n"
_CLAUSE_BREAK_SET = frozenset(_CLAUSE_BREAKS)
_CLAUSE_BREAKS_BUT_LIST = _CLAUSE_BREAK_SET - {"、"}

#: How far from a number its enclosing marks may be (a book title in 《》 is the longest).
_NAME_REACH = 80
#: How long a slogan or a rule in marks may be when it lists its parts with 、 (`“一个项目、
#: 一名领导、一套方案、一抓到底”`, `“分类投放积1分、正确率达标每周奖5分”的规则`): of the 48
#: numbers printed inside such marks of 17 to 40 characters on dev and seeds, none is listed.
_LISTED_REACH = 40


def _inside_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside quotation marks that enclose a name, not speech?

    A name in marks is short and has no sentence punctuation (`“九项行动”`,
    `“24小时信息系统服务专线”`), a slogan listing its parts with 、 a little longer;
    speech in marks is longer and punctuated, and its numbers are metrics like any other.
    """
    for opener, closer in _NAME_QUOTES.items():
        # Marks further away than a name is long are not around one: looking no
        # further keeps a long page linear.
        left = text.rfind(opener, max(0, start - _NAME_REACH), start)
        if left < 0:
            continue
        if opener != closer and text.rfind(closer, left + 1, start) >= 0:
            continue
        right = text.find(closer, end, end + _NAME_REACH)
        if right < 0:
            continue
        inner = text[left + 1 : right]
        if opener == "《" or (
            (len(inner) <= 16 or (len(inner) <= _LISTED_REACH and "、" in inner))
            and not any(c in inner for c in "，,。！？；;")
        ):
            return True
    return False


def _family_size(text: str, match: QuantityMatch, after: str) -> bool:
    """Is a count of 口 in words the size of a family (`一家五口`, `家里有四口人`)? Of the 10
    printings on dev, 9 are listed (2 required, 7 optional); `老两口`, `两口子` are none."""
    before = text[max(0, match.number_start - 3) : match.number_start]
    return before.endswith(("一家", "全家", "家有", "家里有")) or after.startswith("人")


def _layers_idiom(text: str, match: QuantityMatch) -> bool:
    """Is the number part of the idiom `里三层外三层` (a thick crowd)?"""
    around = text[max(0, match.start - 4) : match.end + 4]
    return _LAYERS_IDIOM.search(around) is not None


def _names_a_list(text: str, start: int) -> bool:
    """Does a count of places follow the list naming them (`河北、陕西两省`)?"""
    begin = last_of(text, _CLAUSE_BREAKS_BUT_LIST, start) + 1
    return "、" in text[begin:start]


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` begins: after the last clause break before it."""
    return last_of(text, _CLAUSE_BREAK_SET, at) + 1


def _names_animals(text: str, match: QuantityMatch) -> bool:
    """Does the clause of a count in 头 name the animals it counts?"""
    start = _clause_start(text, match.start)
    ends = [i for i in (text.find(c, match.end) for c in _CLAUSE_BREAKS) if i >= 0]
    return any(c in text[start : min(ends, default=len(text))] for c in _ANIMALS)


def _group_age(text: str, start: int) -> bool:
    """Does the clause before an age name a group's figure (`平均年龄`, `预期寿命`)?"""
    clause = text[_clause_start(text, start) : start]
    return any(word in clause for word in _GROUP_AGE)


def _counts_a_quoted_list(text: str, start: int) -> bool:
    """Does a count in words follow the quoted list it counts (`“早高峰、晚高峰、夜查”三班
    轮换`, `“隐患清单、整改清单、责任清单”三单管理`)? The items are named again, as
    `白朗、江孜、拉孜三县` names its counties."""
    if text[start - 1 : start] != "”":
        return False
    opened = text.rfind("“", max(0, start - _NAME_REACH), start)
    return opened >= 0 and "、" in text[opened:start]


def _measures_force(text: str, match: QuantityMatch) -> bool:
    """Is a number of 级 a wind's force or an earthquake's magnitude (`阵风7至8级`,
    `5至6级偏西风`, `5.8级地震`)?"""
    before = text[max(0, match.start - 4) : match.start]
    return before.endswith(_FORCE_BEFORE) or bool(force_of(text, match))


def force_of(text: str, match: QuantityMatch) -> str:
    """The wind or the earthquake a number of 级 printed before it measures (`5至6级偏西风`
    → `偏西风`, `5.8级地震` → `地震`), or empty."""
    if match.quantity.unit != "级":
        return ""
    found = _FORCE_AFTER.match(text[match.end : match.end + 6])
    return found.group(1) if found else ""


def _clock_reading(text: str, match: QuantityMatch) -> bool:
    """Is the number the minutes or the seconds of one time (`5分42秒`)?"""
    unit = match.quantity.unit
    if unit == "分":
        return bool(_SECONDS_AFTER.match(text[match.end : match.end + 8]))
    return unit == "秒" and bool(
        _MINUTES_BEFORE.search(text[max(0, match.number_start - 2) : match.number_start])
    )


def _year_by_year(text: str, start: int) -> bool:
    """Is the number the second half of `一年比一年`, `一天比一天`?"""
    before = text[max(0, start - 3) : start]
    return bool(_YEAR_BY_YEAR.fullmatch(before)) and text.startswith(before[:2], start)


def _printed_again(text: str, match: QuantityMatch) -> bool:
    """Does the sentence of the time print it again (`拖一天，工人们就多一天的难处`)?

    >>> from extractor.numbers import find_quantities
    >>> m = next(q for q in find_quantities("拖一天，就多一天的难处。") if q.start == 1)
    >>> _printed_again("拖一天，就多一天的难处。", m)
    True
    """
    start = last_of(text, _SENTENCE_ENDS, match.start) + 1
    sentence = text[start : first_of(text, _SENTENCE_ENDS, match.end)]
    return sentence.count(match.raw) > 1


def _one_counts(text: str, match: QuantityMatch, before: str, after: str) -> bool:
    """Does a `一` count here: a qualifier, a multiple, a word that counts, a word that
    says how long something takes, or a verb the time ends (`展出一个月，`; not
    `是……的关键一年，`, which says which year)? An hour counted with 个 always does
    (`安排一个小时的大课间活动`: 6 printings on dev read so, all listed, 1 required), and so
    does a doubling, aimed at or done (`产值翻一番`, `比去年翻了一番`: 54 printings of 翻…番
    on dev, all listed)."""
    unit = match.quantity.unit
    clause = text[_clause_start(text, match.start) : match.start]
    ends_verb = (
        after[:1] in _CLAUSE_ENDS
        and "\u4e00" <= before[-1:] <= "\u9fff"
        and before[-1:] not in _NO_VERB
        and "是" not in clause
        and not _printed_again(text, match)
    )
    return (
        bool(match.before or match.after)
        or unit in ("倍", "个小时")
        or (unit == "番" and before.endswith(("翻", "翻了")))
        or before.endswith(_COUNTING_ONE)
        or (unit in _TIME_UNITS and (before.endswith(_TAKING) or ends_verb))
    )


def _when(text: str, match: QuantityMatch, numeral: str, before: str, after: str) -> bool:
    """Does the number say when, not how much: `两年前`, `90年代`, `四年级`, `上半年`,
    `每半年`, `近两年` or `前8个月` opening its clause, `过去一年` (the year a report
    looks back on)?"""
    unit = match.quantity.unit
    if unit in _TIME_UNITS and after[:1] == "前":
        return True
    if unit == "年" and before == "过去" and match.start == match.number_start:
        return True
    if unit == "年" and after[:1] in ("代", "级"):
        return True
    if numeral.startswith("半") and (
        before.endswith("每") or (before.endswith(("上", "下")) and unit in ("年", "月"))
    ):
        return True
    # `这两年电越来越稳`, `那两天雪下得很大`, `这半年`: these few years, those days, not how long.
    if unit in _TIME_UNITS and before.endswith(("这", "那")) and numeral in ("两", "半"):
        return True
    opens = match.start == 0 or text[match.start - 1] in _CLAUSE_BREAKS
    if unit in _TIME_UNITS and before.endswith("前") and match.start == match.number_start:
        # `前8个月，`, `今年前10个月`: the first months of a year, not `提前两个月`.
        head = match.start - 1
        return head == 0 or text[head - 1] in _CLAUSE_BREAKS + "年"
    return unit == "年" and match.before == "近" and opens


def excluded(text: str, match: QuantityMatch) -> bool:
    """The guidelines' exclusions: dates, ordinals, names, the article 一, ages."""
    quantity = match.quantity
    before = text[max(0, match.number_start - 2) : match.number_start]
    after = text[match.end : match.end + 4]
    numeral = text[match.number_start : match.end - len(quantity.unit)]
    if is_calendar_date(match.raw, quantity):
        return True
    if quantity.unit == "岁":
        return not _group_age(text, match.start)
    # `四级调研员`, `三星级以上酒店`, `县、乡两级`: ranks and tiers, not counts; a wind's
    # force and an earthquake's magnitude are measured.
    if quantity.unit in ("级", "星级"):
        return not _measures_force(text, match)
    if before.endswith("第") or _when(text, match, numeral, before, after):
        return True
    # `位居前两位`, `各组前3名`: a rank, not a count.
    if before.endswith("前") and quantity.unit in ("名", "位"):
        return True
    if match.chinese and (
        (numeral == "二" and quantity.unit in _ORDINAL_TWO)
        or (numeral in "一二三四" and quantity.unit == "学生" and before.endswith(_SCHOOL_YEAR))
        or numeral == "八一"  # `八一镇`, `八一路`: a name (the first of August)
    ):
        return True
    if numeral in _ZEROES and quantity.unit != "度":
        return True
    # The unit is the first half of a word: `三轮车` (tricycles), `两部分` (two parts).
    if quantity.unit + after[:1] in _UNIT_WORDS:
        return True
    if quantity.unit == "轮" and (_VEHICLE_AFTER.match(after) or before.endswith("小")):
        return True
    if after.startswith(_TERMS.get(quantity.unit, "\0")):
        return True
    if quantity.unit == "班" and _SHIFT_SYSTEM.match(after):
        return True
    if quantity.unit == "届" and _CLASS_YEAR.match(numeral):
        return True
    if _clock_reading(text, match):
        return True
    if quantity.unit == "次" and _SESSION.match(after):
        return True
    if quantity.unit == "年" and (
        (match.chinese and _PROGRAMME.match(after)) or _SCHOOLING.match(after)
    ):
        return True
    if match.chinese and _IDIOM_AFTER.match(after):
        return True
    if match.chinese and numeral == "一" and not _one_counts(text, match, before, after):
        return True
    # `一走就是一整天`, `来回要花一整天`, `卖出了一大半`: a story's emphasis, how long a
    # trip felt or most of something, not a figure reported.
    if numeral in ("一整", "一大半"):
        return True
    # `来噶尔县已经一年零四个月`: a time of two units is how long one person has been
    # somewhere, as an age is one person's.
    if _COMPOUND_TIME.search(match.raw):
        return True
    # `四面八方`, `三方协议`, `一家三口之家`, `四处漏风`: words, not measures of 面
    # (banners), 方 (m³), 口 (wells) or 处 (places), which the papers print with Arabic
    # digits (`20面`, `3万方`, `5口`, `43处`).
    if (
        match.chinese
        and quantity.unit in ("面", "方", "平方", "口")
        and not _family_size(text, match, after)
    ) or numeral + quantity.unit == "四处":
        return True
    if quantity.unit == "口" and after.startswith("之"):
        return True
    if quantity.unit + after[:1] == "人制" or (
        match.chinese and quantity.unit == "人" and _GROUPED.match(after)
    ):
        return True
    if quantity.unit == "层" and match.chinese and _layers_idiom(text, match):
        return True
    # Counties counted in words are counties the article names (`两县参保餐饮单位…` after
    # `边坝县、洛隆县…`); the papers count counties in digits (`全地区7县`).
    if quantity.unit == "省" or (
        quantity.unit == "县" and (match.chinese or _names_a_list(text, match.start))
    ):
        return True
    if match.chinese and _counts_a_quoted_list(text, match.start):
        return True
    # `鹤群一年比一年多`: year by year, and 多 is "more", not "more than a year" (2 printings
    # on dev, none listed; the other `一年比一年好` are the article 一 already).
    if _year_by_year(text, match.start):
        return True
    # `水管三天两头冻住`, `群众三五成群`: idioms, "every other day", "in small groups".
    if text.startswith(("三天两头", "三五成群"), match.start):
        return True
    # `两头都不耽误`, `三天两头`: both ends, unless the clause names the animals counted
    # (`牵着两头装扮一新的牦牛`).
    if numeral == "两" and quantity.unit == "头" and not _names_animals(text, match):
        return True
    if numeral == "两" and _BOTH.match(after):
        return True
    # `两家人握手言和`: the two families of the story, named again, not two households.
    if numeral == "两" and quantity.unit == "家" and after.startswith("人"):
        return True
    # Hotlines' numbers, `四周`, `一一对接`, a bridge's grade, `两人` as "the two".
    if counts_nothing(text, match):
        return True
    return _inside_name(text, match.start, match.end)


# Units that rate a thing rather than count it: an article's `110千伏` is one voltage,
# however often it is printed (`110千伏变电站3座`, `县域110千伏电网全覆盖`).
_RATINGS = frozenset(("千伏",))
_GLUE = set("的和与及或、等")
# The dictionary's tags of verbs, adverbs, prepositions and particles (`来看 u`).
_VERB_TAGS = ("v", "u", "d", "p")


# An alternative in brackets after a word: the `(居)` of `7个边境村(居)`.
_BRACKETED = re.compile(r"[（(][^（()）]{1,4}[）)]")
# A place printed with its alternative in brackets is the place counted, whatever follows:
# `12个县（市、区）的28所中小学` and `遍布12个县（市、区）的乡村` both count 县 (9 printings
# again on dev, none listed again).
_NAMED_WITH_ALTERNATIVE = re.compile(r"([\u4e00-\u9fff]{1,2})[（(][^（()）]{1,4}[）)]")
# Villages counted alone are the villages, whatever follows: `拉多村三个村新建蓄水池` and
# `三个村群众的自来水入户率` count the same three (4 printings again on dev, none listed
# again); not a word of the village's (`村级`, `村民`, `村集体`, `村史馆`…).
_VILLAGE_WORDS = frozenset("级民委医史集卫干居组务庄子里口头落寨社镇部（(")


def counted_noun(text: str, match: QuantityMatch) -> str:
    """The two characters a count is of, right after its measure word: `21个边境小康村`
    → `边境`, `7个边境村（居）` → `边境`; a place with its alternative, `12个县（市、区）的`
    or `7个乡（镇）卫生院`, → the place (`县`, `乡`), and so are villages alone (`三个村群众`
    → `村`); empty when none follow (`19个，`, `186户826人`)."""
    after = text[match.end : match.end + 9]
    named = _NAMED_WITH_ALTERNATIVE.match(after)
    if named:
        return named.group(1)
    noun = _BRACKETED.sub("", after)[:2]
    if noun[:1] == "村" and noun[1:2] not in _VILLAGE_WORDS:
        return "村"
    if len(noun) < 2 or not all("\u4e00" <= c <= "\u9fff" and c not in _GLUE for c in noun):
        return ""
    return noun


def counted_words(text: str, match: QuantityMatch) -> str:
    """The four characters a count is of, right after its measure word, its alternative
    in brackets left out: `11座小型水库` → `小型水库`; empty unless all four are words
    and the first two no verb (`8届来看艺术节` counts no 艺术节)."""
    words = _BRACKETED.sub("", text[match.end : match.end + 9])[:4]
    if len(words) < 4 or not all("\u4e00" <= c <= "\u9fff" and c not in _GLUE for c in words):
        return ""
    _, tag = dictionary().get(words[:2], (0, ""))
    return "" if tag.startswith(_VERB_TAGS) and tag != "vn" else words


def same_meaning(first: tuple[str, str, str], again: tuple[str, str, str], unit: str) -> bool:
    """Do two printings of one number in an article, each given as (label, counted noun,
    counted words), say the same thing: the same label, the same noun counted
    (`21个边境小康村` twice), the noun the first's words end with (`11座小型水库` /
    `11座水库下游`), or a rating (`110千伏`)?

    >>> same_meaning(("小型水库", "小型", "小型水库"), ("水库下游", "水库", "水库下游"), "座")
    True
    """
    return (
        unit in _RATINGS
        or first[0] == again[0]
        or bool(first[1] and first[1] == again[1])
        or bool(again[1] and first[2][2:] == again[1])
    )
