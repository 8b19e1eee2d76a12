"""The number grammar of the genre: "1.5万余人次" → 15000, "人次", "more".

One grammar serves two readers: the checker, which reads a record's `raw`
and compares it with the record's `value`, `unit` and `approx`; and the rules
backend, which scans article text for quantities. Both must agree on what a
quantity is, so both call this module and nothing else: any quantity
`find_quantities` returns reads the same through `parse_quantity` of its raw.

What it reads:
- Arabic numbers with decimals and thousands separators (`38744.6`, `1,200`),
  full-width digits folded;
- Chinese numerals (`两千三百`, `一百五十`, `十余`), read by `cn2an`;
- Arabic with a magnitude (`1.5万`, `8.77亿`), folded with exact decimals;
- a bare magnitude after a qualifier or before 余/多 (`近千人` → 1000,
  `超过百亿元` → 10000000000, `上百名`, `百余名`);
- halves (`半天` → 0.5, `两个半月` → 2.5 `个月`, `一个半小时` → 1.5 `个小时`,
  `一年半` → 1.5 `年`), and a time said whole (`一整天` → 1 `天`);
- fractions (`三分之一`, `万分之一`), percentages and per-mille (`98.24%`, `百分之九十`,
  `千分之三` → 3 `‰`);
- ranges (`20到30个`, `20—30个`, `20至30个`), the unit printed once or twice
  (`80元至120元`);
- qualifiers: 余/多/以上/超过/突破 and at-least wording (不少于/不低于/至少) →
  more; 约/左右/近/快 → about; 不到/以下/不足 and at-most wording
  (不超过/不高于/最多) → less; `多` after the unit too (`一倍多`, `一年多`);
- a unit or measure word from a fixed list, compound ones as printed (`人次`,
  `批次`, `辆次`), and rates (`15元/斤` → 15 `元/斤`). A magnitude character never stays in the unit, except in
  a unit whose prefix is part of its name (`450万千瓦` → 4500000 `千瓦`,
  `8千米` → 8 `千米`, `35千伏`, `2.3个百分点`).

It knows nothing of dates, ordinals or names: deciding that `2024年` is a
date or that `“九项行动”` is a name is the caller's business, with the help
of `is_calendar_date`.
"""

from __future__ import annotations

import functools
import math
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import cn2an

from extractor.alternation import alternation
from extractor.blood_units import read_units_of_blood, unit_of_blood
from extractor.compound_times import compound_time
from extractor.number_words import (
    AFTER_DIGITS_ONLY,
    HALF_INSIDE,
    HALF_UNITS,
    LIANG,
    MONTHS_WITHIN,
    MORE_UNITS,
    NEUTRAL_PREFIXES,
    PEOPLE_IN_GROUPS,
    PRINTED_ONLY,
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    ROUGH_PAIRS,
    UNITS,
    WHOLE_UNITS,
    WORD_AFTER_UNIT,
    Approx,
)
from extractor.number_words import same_unit as same_unit  # read by the checker
from extractor.qualifier_patterns import AFTER, BEFORE, WORDS_BEFORE
from extractor.weekdays import AFTER_A_WEEKDAY, NOT_A_WEEKDAY

Number = int | float

# Full-width digits and signs fold to ASCII, one character for one, so offsets
# found in the folded text are offsets in the original.
_FOLD = tuple(zip("０１２３４５６７８９％．，～－／−", "0123456789%.,~-/-", strict=True))
# `七八个`, `两三百`, `十二三度`, `二十一二度`: two neighbouring digits, after the
# tens or hundreds they share.
_ROUGH = re.compile(
    r"^(?P<head>[一二两三四五六七八九十百千万]*[十百千万])?"
    r"(?P<low>[一二两三四五六七八])(?P<high>[二两三四五六七八九])(?P<tail>[十百千万亿]*)$"
)

#: The characters numbers are written with, for the checker and the rules to share.
DIGITS = "0123456789０１２３４５６７８９"
CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMERALS = CN_DIGITS + "十百千万亿"
_AR = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = rf"[{CN_DIGITS}十][{CN_NUMERALS}]*(?:点[{CN_DIGITS}]+[万亿]*)?"
# A magnitude after Arabic digits, but not the prefix of a unit named with it:
# `5千人` is 5000 人, `5千米` is 5 千米.
_MAG = "万亿|亿|万|千(?![瓦米伏克帕卡])|百"
# A number never starts in the middle of another one: not after a letter or
# digit (G318, PM2.5), a numeral (二十五 → 十五; 1万2千 → 2千), a Chinese decimal point
# (一点五万 → 五万), 几 or 数 (几十名, 数十名, 数百年 are no number), nor at a weekday's numeral
# (周五两天 → 两天: `weekdays.py`). Each kind of numeral is looked ahead for first.
# A word of three letters or more is no code's head: a paragraph broken after it is read
# run together (`下载注册国家反诈中心APP⏎⏎620余人次`, 1 printing on dev, required).
_NUM = (
    rf"(?:(?=\d)(?:(?<![A-Za-z0-9_.万亿千])|(?<=[A-Za-z]{{3}}))(?:{_AR})(?:{_MAG})?"
    rf"|(?=[{CN_DIGITS}十])(?:(?<![{CN_NUMERALS}A-Za-z0-9几数])|{AFTER_A_WEEKDAY}){NOT_A_WEEKDAY}"
    rf"(?<![{CN_DIGITS}十]点)(?:{_CN}))"
)
# A magnitude alone (`近千人`, `百余名`, `亿元以上`), or a half (`半天`, `大半天`,
# not the 上半年 of a calendar); whether it is a number is decided by what stands
# around it.
_BARE_MAGNITUDE = "[百千万亿]+"
# Not the 过半 of `任务过半` either, but the half of `经过半年`, `超过半天`. A calendar
# halves a year or a month with no 个 (`上半年`, `前半月`): after 上 or 前, a half of 个 or
# of 小时 is a time taken (`忙上半个月`, `提前半个月就被订满`, `开馆前半小时`). The 多半 of
# "mostly" is no half, but at most a half is (`最多半个小时`, `至多半天`).
_HALF = (
    "大半(?<![上下前后大多过减折对一]大半)"
    "|半(?:(?<![上下前后大多减折对]半)|(?<=[上前]半)(?=个|小时)|(?<=[最至]多半))"
    "(?:(?<=[经通超度]过半)|(?<!过半))"
)
_BARE = rf"(?:(?=\d)(?<![A-Za-z0-9_.])(?:{_AR})|(?=[{CN_DIGITS}十])(?<![{CN_NUMERALS}几])(?:{_CN}))"
_SEP = "到|至|—|–|~|-"
# A range's first unit is at most this long: a separator stands within it, or there is none.
_LONGEST_UNIT = max(map(len, UNITS + MORE_UNITS))
# `一年半`, `两块多`, `一倍还多`: a half, 多 or (after a multiple) 还多 printed after the unit.
_AFTER_UNIT = "半(?<=[年天时周斤吨米里亩倍成番块尺]半)(?!年|月|天|日|小时|个)|多(?<=[年天时周斤吨米里亩倍成番块尺]多)(?![元样种措方部层功项个家次条位名人])|还多(?<=[倍番]还多)"


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """Any of `words`, the longest first (a trie: `alternation.py`)."""
    return alternation(sorted(words, key=len, reverse=True))


_UNIT = _alternation(UNITS + MORE_UNITS)
# A rate printed with its unit: `15元/斤`, `60公里/小时`, `9.2微克/立方米`, and per a
# power of ten of units: `42毫克/100毫升`, `3.2人/10万人` (`50兆瓦/200兆瓦时` is two).
_PER = _alternation((*UNITS, "月", "日"))
# A minus sign before a temperature, or the first end of a range of them (`-18至-12℃`).
_DEGREES = "(?:℃|摄氏度|度)"
_MINUS = rf"零下|-(?<![0-9A-Za-z.]-)(?=[0-9.]+(?:{_DEGREES}|(?:到|至|~|—)-?[0-9.]+{_DEGREES}))"
_QUANTITY = rf"""
    (?P<neg>{_MINUS})?
    (?P<pre>{BEFORE})?
    (?(neg)|(?P<neg_after>{_MINUS})?)
    (?:
        百分之(?P<pct>{_BARE}|百)
      | 千分之(?P<pml>{_BARE})
      | (?=[\d,.{CN_NUMERALS}点]+分之)(?P<den>{_BARE}|万)分之(?P<num>{_BARE})
      | (?P<one_half>(?<![{CN_NUMERALS}])一(?P<most>[多大])?半)(?P<half_more>多(?!一点))?
      | (?:(?P<n1>{_NUM})|(?P<bare>(?<![{CN_NUMERALS}A-Za-z0-9几数]){_BARE_MAGNITUDE})|(?P<half>{_HALF}))
        (?:(?=[^\n]{{0,{_LONGEST_UNIT}}}[到至—–~-])(?P<u1>{_UNIT})?(?P<sep>{_SEP})(?P<neg2>{_MINUS})?(?P<n2>{_NUM}))?
        (?:(?P<mid>余|多|几|来(?<=[十百千万0]来))(?P<mag>万亿|亿|万|千)?)?
        (?(bare)(?(pre)|(?(mid)|(?=(?:{_UNIT})(?:{AFTER})))))
        (?(u1)(?P=u1)
        |(?(half)(?P<hunit>{_alternation(HALF_UNITS)}|{LIANG})
        |(?:个半(?P<inside>{_alternation(HALF_INSIDE)})|整(?P<whole>{_alternation(WHOLE_UNITS)})
            |(?P<unit>{_UNIT}|{LIANG})|(?P<month>{MONTHS_WITHIN}))))
        (?:/(?P<per>(?:10*[万千]?)?(?:{_PER})))?
        (?P<after>{_AFTER_UNIT})?
    )
    (?P<post>{AFTER})?
"""
# Scanning running text, a lookahead for the characters a quantity can start with
# lets the engine skip the rest quickly (seven times faster on the seeds); a second
# asks, where one does, for what it can start with: a digit or numeral, a minus, a
# half, or a whole qualifier (`不少于`, not every 不; `大约`, `大半`, not every 大).
_INITIALS = "".join(sorted({w[0] for w in QUALIFIER_BEFORE} | set(CN_NUMERALS) | set("半大零-")))
_STARTS = rf"[0-9{CN_NUMERALS}半\-]|大半|上[百千万亿]|{alternation(WORDS_BEFORE)}"
_SCAN_RE = re.compile(rf"(?=[0-9{_INITIALS}])(?={_STARTS}){_QUANTITY}", re.VERBOSE)
_FULL_RE = re.compile(rf"(?P<neutral>{_alternation(NEUTRAL_PREFIXES)})?{_QUANTITY}", re.VERBOSE)
_MAGNITUDE = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}
_WHITESPACE = re.compile(r"\s\s*")  # a first character, so that a scan skips to it


@dataclass(frozen=True, slots=True)
class Quantity:
    """A reading of a quantity: what the record fields `value`…`approx` must say."""

    value: Number
    value_max: Number | None
    unit: str
    approx: Approx


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in running text, with offsets into that text."""

    start: int
    end: int
    raw: str
    quantity: Quantity
    number_start: int  # where the numeral itself begins, after any qualifier
    chinese: bool  # the numeral is written in Chinese characters
    before: str = ""  # the qualifier printed before the number: "不少于", "约"
    after: str = ""  # the qualifier printed after the unit: "左右", "以上"


def fold(text: str) -> str:
    """Full-width digits and signs to ASCII, one character for one.

    A pass of `str.replace` per character that occurs: on Chinese text, forty
    times faster than `str.translate`, which looks up every character.
    """
    for full, ascii_ in _FOLD:
        if full in text:
            text = text.replace(full, ascii_)
    return text


def _tidy(number: Decimal) -> Number:
    if number == number.to_integral_value():
        return int(number)
    return float(number)


@functools.lru_cache(maxsize=4096)
def read_number(token: str) -> Number | None:
    """Read one numeral: "1.5万" → 15000, "两千三百" → 2300, "2,397" → 2397; None if unreadable."""
    token = fold(token)
    if token == "半":
        return 0.5
    if token and all(c in "百千万亿" for c in token):
        # "百余名", "近千人": the magnitude alone is one of it; "百亿" is 100 亿
        value = 1
        for c in token:
            value *= _MAGNITUDE[c]
        return value
    if "点" in token and token[-1] in "万亿":  # "一点五万": cn2an reads no magnitude after 点
        digits = token.rstrip("万亿")
        factor = 1
        for mag in token[len(digits) :]:
            factor *= _MAGNITUDE[mag]
        base = read_number(digits)
        return None if base is None else _tidy(Decimal(str(base)) * factor)
    if token[:1].isdigit():
        magnitude = 1
        for mag, factor in _MAGNITUDE.items():
            if token.endswith(mag):
                magnitude, token = factor, token[: -len(mag)]
                break
        try:
            return _tidy(Decimal(token.replace(",", "")) * magnitude)
        except InvalidOperation:
            return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = cn2an.cn2an(token, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return _tidy(Decimal(str(value)))


def _approx_of(pre: str | None, mid: str | None, post: str | None) -> Approx:
    """The first qualifier that says something wins: "约100余人" reads as about."""
    if pre:
        return QUALIFIER_BEFORE[pre]
    if mid:  # 余, 多 or 几 between the number and the unit (十几分钟 reads as 十多分钟)
        return "about" if mid == "来" else "more"  # 二十来岁: about twenty
    if post:
        return QUALIFIER_AFTER[post]
    return "exact"


def _reading(m: re.Match[str]) -> Quantity | None:
    quantity = _unsigned_reading(m)
    if quantity is None or not _storable(quantity):
        return None
    below = bool(m["neg"] or m["neg_after"])
    if not (below or m["neg2"]):
        return quantity
    # 零下20度, -20℃, 低于零下10摄氏度; each end of a range its own: 零下18摄氏度至零下12摄氏度
    low, high = quantity.value, quantity.value_max
    low = -low if below else low
    high = -high if m["neg2"] and high is not None else high
    return (
        None
        if high is not None and high < low
        else Quantity(low, high, quantity.unit, quantity.approx)
    )


def _storable(quantity: Quantity) -> bool:
    """Does the reading fit a float (a record's value)? A numeral hundreds of digits long
    (an OCR run, not a count) does not: it is no quantity."""
    try:
        return all(
            math.isfinite(float(v)) for v in (quantity.value, quantity.value_max) if v is not None
        )
    except OverflowError:
        return False


@functools.lru_cache(maxsize=1024)
def _rough_range(token: str) -> tuple[Number, Number] | None:
    """`七八` → (7, 8), `两三百` → (200, 300), `十二三` → (12, 13), `二十一二` →
    (21, 22); None for any other numeral."""
    m = _ROUGH.match(token)
    if not m or m["low"] + m["high"] not in ROUGH_PAIRS:
        return None
    head = m["head"] or ""
    low = read_number(head + m["low"] + m["tail"])
    high = read_number(head + m["high"] + m["tail"])
    return None if low is None or high is None or high <= low else (low, high)


def _unsigned_reading(m: re.Match[str]) -> Quantity | None:
    approx = _approx_of(m["pre"], m["mid"], m["post"])
    if m["pct"] is not None or m["pml"] is not None:  # 百分之九十 is 90%, 千分之三 is 3‰
        value = read_number(m["pct"] or m["pml"])
        unit = "%" if m["pct"] is not None else "‰"
        return None if value is None else Quantity(value, None, unit, approx)
    if m["den"] is not None:
        den, num = read_number(m["den"]), read_number(m["num"])
        if not den or num is None:
            return None
        try:
            return Quantity(num / den, None, "", approx)
        except OverflowError:  # a numeral hundreds of digits long: no quantity
            return None
    if m["one_half"] is not None:  # 一半 is a half of something: 0.5, as 三分之一 is a third
        more = (m["half_more"] or m["most"]) and approx == "exact"  # 一半多, 一大半
        return Quantity(0.5, None, "", "more" if more else approx)
    unit = m["unit"] or m["month"] or m["hunit"] or m["u1"] or m["whole"] or "个" + m["inside"]
    if m["per"]:
        unit += "/" + m["per"]
    if unit in MORE_UNITS:
        unit = unit.replace("多", "")
        approx = "more" if approx == "exact" else approx
    if m["after"] in ("多", "还多") and approx == "exact":  # 一倍多, 一年多, 一番还多
        approx = "more"
    numeral = m["n1"] or m["bare"] or m["half"]
    if unit.partition("/")[0] == "分" and not (numeral[:1].isdigit() or m["mid"] == "几"):
        return None  # a score is printed in Arabic digits (十分 is "very"), or 十几分
    if unit == "日" and not (m["pre"] or m["post"] or m["half"]):
        return None  # days counted with a limit: 30日内, 不超过7日; 29日 alone is a date
    if unit in ("字", "路", "发", "股") and not (
        numeral[:1].isdigit() or numeral[-1:] in "百千万亿"
    ):
        return None  # words, channels, rounds counted: 5万字, 1800余路; not 十字路口, 一路
    if m["half"]:  # 半天; 大半天 is more than half a day; 半年至一年 from a half to one
        more = m["half"].startswith("大") and approx == "exact"
        upto = read_number(m["n2"]) if m["n2"] is not None else None
        if m["n2"] is not None and (upto is None or upto <= 0.5):
            return None
        return Quantity(0.5, upto, unit, "more" if more else approx)
    chinese = len(numeral) > 1 and not numeral[:1].isdigit()
    rough = _rough_range(numeral) if m["n2"] is None and chinese else None
    if rough:
        roughly: Approx = "about" if approx == "exact" else approx
        return _magnified(Quantity(rough[0], rough[1], unit, roughly), m)
    low = read_number(numeral)
    if low is None:
        return None
    if m["inside"] or m["after"] == "半":  # 两个半月, 一年半
        low = _tidy(Decimal(str(low)) + Decimal("0.5"))
    high: Number | None = None
    if m["n2"] is not None:
        high = read_number(m["n2"])
        if high is None:
            return None
        # "1—2万元": the magnitude printed once applies to both ends.
        mag = next((k for k in _MAGNITUDE if m["n2"].endswith(k)), None)
        if mag and not numeral.endswith(mag) and numeral[:1].isdigit():
            widened = read_number(numeral + mag)
            if widened is not None and widened <= high:
                low = widened
        if high < low and not (m["neg"] or m["neg_after"] or m["neg2"]):
            return None  # a range of temperatures below zero is ordered by sign (`_reading`)
    return _magnified(Quantity(low, high, unit, approx), m)


def _magnified(quantity: Quantity, m: re.Match[str]) -> Quantity:
    """Apply a magnitude printed after 余/多: `100余万元` → 1000000, `30多万元` → 300000."""
    if not m["mag"]:
        return quantity
    factor = _MAGNITUDE[m["mag"]]
    high = None if quantity.value_max is None else _tidy(Decimal(str(quantity.value_max)) * factor)
    return Quantity(
        _tidy(Decimal(str(quantity.value)) * factor), high, quantity.unit, quantity.approx
    )


@functools.lru_cache(maxsize=4096)
def parse_quantity(raw: str) -> Quantity | None:
    """Read a whole `raw` as one quantity, or None if it is not one. The same raws come
    back page after page (`3人`, `10万元`): the last few thousand read are kept (a
    reading is frozen).

    >>> parse_quantity("2.23万余户")
    Quantity(value=22300, value_max=None, unit='户', approx='more')
    """
    text = fold(_WHITESPACE.sub("", raw))
    m = _FULL_RE.fullmatch(text)
    if m:
        return _reading(m)
    # A time of two units (`一年零四个月`) is read as the scan reads it, whole.
    found = _quantities_of(text)
    whole = len(found) == 1 and found[0].start == 0 and found[0].end == len(text)
    return found[0].quantity if whole else read_units_of_blood(text, parse_quantity)


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in running text, left to right, with offsets into `text`.

    An article's text is read by the rules and again by the checker: the last few
    texts' quantities are kept (the matches are frozen; each caller gets its own list).
    """
    return list(_quantities_of(text))


@functools.lru_cache(maxsize=4)
def _quantities_of(text: str) -> tuple[QuantityMatch, ...]:
    """`find_quantities`, kept for the last few texts read."""
    folded = fold(text)
    found: list[QuantityMatch] = []
    for m in _SCAN_RE.finditer(folded):
        quantity = _reading(m)
        blood = None if quantity is None else unit_of_blood(folded, m, quantity)
        end, quantity = blood or (m.end(), quantity)  # 用血量约为40个单位: 单位 of blood
        if quantity is None or (not blood and _no_quantity_here(folded, m, quantity.unit)):
            continue
        number_start = m.end("pre") if m["pre"] else m.start()
        chinese = not folded[number_start : number_start + 1].isdigit()
        match = QuantityMatch(
            m.start(),
            end,
            text[m.start() : end],
            quantity,
            number_start,
            chinese,
            before=m["pre"] or "",
            after=m["post"] or "",
        )
        compound = compound_time(text, folded, found[-1], match) if found else None
        if compound is not None:
            found[-1] = compound
        else:
            found.append(match)
    return tuple(found)


# What follows the number of a session (`十届七次全会`, `十四届全国人大`, `二十届三中全会`,
# `十二届市委`): a count of sessions is followed by none of it.
_SESSION_AFTER = frozenset(CN_NUMERALS + DIGITS + "全中人政党市县区省委代次")
# A count of sessions taken part in, whatever follows: `参加过8届县运会`, `连续两届县人大代表`
# (a session's number follows its body or 第, never these).
_SESSIONS_COUNTED = re.compile("(?:过|连续)$")


def _no_quantity_here(text: str, m: re.Match[str], unit: str) -> bool:
    """Words that read as a quantity alone but not where they stand: the minutes of a
    time of day (`10时30分`), a measure word opening a word (`一回到家`, `七一晚会`), a day
    of a date (`3月5日内`), an evening of one (`初一晚`), a pairing (`1对1帮扶`, `一对一`),
    the head of a unit (`一把手`), a 番 not doubled (`一番努力`, where `翻了一番` is 1 番),
    the number of a session (`市委十届七次全会`, where `连续两届` is 2 届), a weight in 两
    before more words (`四两拨千斤`)."""
    if unit == "分":
        return text[m.start() - 1 : m.start()] in ("时", "点", ":", "：")
    if unit == "对":
        return text[m.end() : m.end() + 1] in set(DIGITS + CN_NUMERALS) - {""}
    if unit == "把":
        return text[m.end() : m.end() + 1] == "手"  # 一把手, the head of a unit
    if unit == "届":  # a session's number: 市委十届七次全会, 十四届全国人大; not 连续两届
        counted = _SESSIONS_COUNTED.search(text, max(0, m.start() - 2), m.start())
        return counted is None and text[m.end() : m.end() + 1] in _SESSION_AFTER
    if unit == "番":  # doubled: 翻一番, 翻了两番多; not 一番努力
        return not text[max(0, m.start() - 2) : m.start()].endswith(("翻", "翻了"))
    if unit == "两":  # a weight where a clause ends: 多出两三两。; not 四两拨千斤
        return "\u4e00" <= text[m.end() : m.end() + 1] <= "\u9fff"
    if unit in PRINTED_ONLY:  # 春秋两季, read as printed; not 前三季度
        return True
    if unit in AFTER_DIGITS_ONLY:  # 52车, 水带1360盘; not 一车一档, 一盘棋
        numeral = m["n1"] or m["bare"] or ""
        groups = unit == "拨" and text.startswith(tuple(PEOPLE_IN_GROUPS), m.end())  # 三拨客人
        if not (numeral[:1].isdigit() or numeral[-1:] in "百千万亿" or groups):
            return True
    if text[m.end() : m.end() + 1] in WORD_AFTER_UNIT.get(unit, "").split():
        return True  # not 一回到家, 七一晚会, 两单位; but 去过两回, 1.2万单, 住了两晚
    if unit == "晚":  # nights, not the evening of a day: 初一晚, 5日晚, 周一晚
        return text[m.start() - 1 : m.start()] in ("初", "日", "号", "月", "周", "期", "拜")
    if unit == "日":  # a date: 3月29日左右
        return text[m.start() - 1 : m.start()] == "月"
    return False


_YEAR_END = re.compile(rf"年(?:{AFTER}|多|余|半)?$")
_CALENDAR_YEAR = re.compile(r"(?:1[89]|20)\d\d$|[〇零一二三四五六七八九]{4}$")


def is_calendar_date(raw: str, quantity: Quantity) -> bool:
    """A year (`2024年`, `二〇二三年`, `2023—2024年`, `2024年内`) rather than a duration
    (`3年`)."""
    if quantity.unit != "年":
        return False
    digits = _YEAR_END.sub("", fold(_WHITESPACE.sub("", raw)))
    return bool(_CALENDAR_YEAR.search(digits))
