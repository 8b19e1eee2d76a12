"""Numbers the genre prints with a measure word after them that count nothing.

The number grammar reads a numeral and a measure word wherever they meet; these
meet by chance, and `counted.excluded` leaves them out:
- a hotline's number (`拨打12333人社服务热线`, `12333根治欠薪投诉专线`);
- words that open with a numeral: `四周` (all around, `广场四周安装了路灯`), `一一`
  (one by one, `一一对接`), `两条腿` (on foot, `以前巡山主要靠两条腿`; two ways at once,
  `两条腿走路`);
- a grade a bridge or a dam is assessed at (`评定为三类桥梁`, `四类、五类桥梁`);
- `两人` as "the two" of a story, opening its clause (`平时两人轮流骑马巡护`);
- a later item of a list of ordinals under one 第 (`第三、四节课`, `分获第二、三名`);
- the storeys of a house as the kind of house it is (`一排排藏式二层小楼`, `两层藏式楼房`);
- the characters of a quoted word (`理解了“平安”两个字的分量`);
- a bus route's number (`坐8路`, `1路、6路、13路等线路`);
- a floor of a building, where someone is (`18号楼21层住户`, `设在实训楼二层`);
- a grade of a list of grades (`划分为一类、二类、三类区域`, `二类区域每小时3元`).

>>> from extractor.numbers import find_quantities
>>> text = "可拨打12333人社服务热线。广场四周安装了路灯，3名民警与网格一一对接。"
>>> [m.raw for m in find_quantities(text) if not counts_nothing(text, m)]
['3名']
>>> text = "上午第三、四节课，住进了两层小楼，地上5层。"
>>> [m.raw for m in find_quantities(text) if not counts_nothing(text, m)]
['5层']
>>> text = "市民坐8路到医院，1路、6路等线路加密，探头58路。比赛设在实训楼二层。"
>>> [m.raw for m in find_quantities(text) if not counts_nothing(text, m)]
['58路']
>>> text = "泊位划分为一类、二类、三类区域，一类区域4元，二类区域3元，共4类。"
>>> [m.raw for m in find_quantities(text) if not counts_nothing(text, m)]
['一类', '4元', '3元', '4类']
"""

from __future__ import annotations

import re

from extractor.extract.context import BREAK
from extractor.numbers import QuantityMatch

# `12333`, `12345`: the service numbers the papers print, five digits opening with 12; a
# hotline's word follows within its clause (`12333人社服务热线`, `12333根治欠薪投诉专线`: 2
# printings on dev, neither listed). `24小时服务热线` is a time, `127名…家长的电话` a count.
_SERVICE_NUMBER = re.compile(r"12\d{3}")
_HOTLINE = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?:热线|专线)")
# `广场四周`, `球场四周`: all around, not four weeks (2 printings on dev, neither listed).
_AROUND = "四周"
# Before a number of 类 in words, or after it, a grade (`经专业机构检测评定为三类桥梁`,
# `被鉴定为三类坝`, `农村公路四类、五类桥梁`: 4 printings on dev, none listed), not kinds
# counted (`4类慢病患者`, `三类风险区域`).
_GRADED_BEFORE = ("定为",)
_GRADED_AFTER = re.compile(r"^(?:、[一二三四五六]类)*[危]?(?:桥|坝)")
# `平时两人轮流骑马巡护`, `两人语言不通`: the two people the story has just named, as
# `两人都回到了课堂` (3 printings on dev opening their clause: 1 optional, 2 not listed).
_CLAUSE_BREAKS = BREAK + "“”"
_OPENING_WORDS = ("平时", "如今", "后来", "从此", "此后", "现在", "于是", "当时")
# `第三、四节课`, `分获第二、三名`: the 第 of the list's first number orders the rest too
# (2 printings on dev and seeds, neither listed).
_ORDINAL_LIST = re.compile(
    r"第[0-9〇一二两三四五六七八九十百]+(?:[、和及][0-9〇一二两三四五六七八九十百]+)*[、和及]$"
)
# `藏式二层小楼`, `两层藏式楼房`: a house by its kind, two-storeyed, as the genre prints a
# village's new homes (13 printings on dev: 10 optional, 3 not listed, none required);
# `主体建筑为三层`, `地上5层` count floors.
_STOREYED_HOUSE = re.compile(r"^(?:藏式)?(?:小楼|楼房)")


# `坐8路`, `1路、6路、13路等8条线路`: a bus route by its number, which a rider takes or a
# list of routes names (4 printings on dev, none listed; `8路公交` is `number_words`'
# already); `监控探头58路`, `摄像头286路` count channels (2 printings, both required).
_ROUTE_LIST = (re.compile(r"、\d+路"), re.compile(r"\d路、$"))
_ROUTE_TAKEN = ("坐", "乘", "搭")
# `18号楼21层住户`, `一栋楼7层的住户`, `设在实训楼二层`, `记者在门诊楼一层看到`: which floor
# of a building someone is on (7 printings on dev after 楼 or 殿, none listed); `地上5层`,
# `主体建筑共5层`, `爬六层楼` count floors.
_FLOOR_OF = re.compile(r"(?:号楼|(?:在|于|到)[^，。；,;]{0,12}[楼殿])$")
_FLOOR_WHO = re.compile(r"^(?:的|住户|居民|东侧|西侧|南侧|北侧)")
# `一类、二类、三类区域`, `四类、五类桥梁`, and `二类区域` where the article prints `一类区域`:
# grades named by their number (4 printings on dev, none listed); `分为高、中、低三类` and
# `4类慢病患者` count kinds.
_GRADE_LIST = (re.compile(r"、[一二三四五六]类"), re.compile(r"[一二三四五]类、$"))

# `“平安”两个字的分量`, `写着“草原防火 人人有责”八个字`: the characters of the words just
# quoted (4 printings of N个字 on dev and seeds, all after a quote, none listed).
_QUOTE_CLOSES = "”’\"'"


def counts_nothing(text: str, match: QuantityMatch) -> bool:
    """Is the number a code, a word or a grade, not a count (see the module)?"""
    unit = match.quantity.unit
    numeral = text[match.number_start : match.end - len(unit)]
    after = text[match.end : match.end + 12]
    before = text[max(0, match.number_start - 2) : match.number_start]
    if (
        not match.chinese
        and _SERVICE_NUMBER.fullmatch(numeral)
        and _HOTLINE.match(unit[1:] + after)
    ):
        return True
    if unit == "个" and text[match.end : match.end + 1] == "字" and before[-1:] in _QUOTE_CLOSES:
        return True
    if _ORDINAL_LIST.search(text, max(0, match.number_start - 24), match.number_start):
        return True
    if unit == "路" and (before.endswith(_ROUTE_TAKEN) or _listed(text, match, _ROUTE_LIST)):
        return True
    if unit == "层" and _on_floor(text, match, after):
        return True
    if not match.chinese:
        return False
    if unit == "层" and numeral in ("二", "两") and _STOREYED_HOUSE.match(after):
        return True
    qualified = bool(match.before or match.after)
    if numeral + unit == _AROUND and not qualified and not before.endswith(("为期", "用")):
        return True
    # `靠两条腿`, `两条腿走路`: a saying (5 printings on dev: 1 optional, 4 not listed).
    if numeral == "一一" or text.startswith("两条腿", match.start):
        return True
    if unit == "类" and (
        before.endswith(_GRADED_BEFORE)
        or _GRADED_AFTER.match(after)
        or _listed(text, match, _GRADE_LIST)
        or (numeral != "一" and "一类" + after[:2] in text)
    ):
        return True
    return numeral == "两" and unit == "人" and not qualified and _opens_clause(text, match)


def _opens_clause(text: str, match: QuantityMatch) -> bool:
    """Does the number open its clause, or follow only a word that opens one (`平时`)?"""
    head = match.start
    for word in _OPENING_WORDS:
        if text.startswith(word, head - len(word)):
            head -= len(word)
            break
    return head == 0 or text[head - 1] in _CLAUSE_BREAKS


def _listed(
    text: str, match: QuantityMatch, items: tuple[re.Pattern[str], re.Pattern[str]]
) -> bool:
    """Is the number an item of a list, the next item after it or the last before it?"""
    following, preceding = items
    return bool(
        following.match(text, match.end)
        or preceding.search(text, max(0, match.start - 6), match.start)
    )


def _on_floor(text: str, match: QuantityMatch, after: str) -> bool:
    """Is `N层` the floor someone is on (`18号楼21层住户`, `设在实训楼二层`)?"""
    if text[match.start - 1 : match.start] not in ("楼", "殿"):
        return False
    head = text[max(0, match.start - 16) : match.start]
    return bool(_FLOOR_OF.search(head) or _FLOOR_WHO.match(after))
