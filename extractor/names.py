"""One name per campaign and per person: the keys that let rows printed differently be counted once.

Pure functions. A campaign is printed with quotation marks of any style
(`“千万工程”`, `‘千万工程’`, `「千万工程」`) and with or without the place
that runs it (`拉萨市城乡环境综合大整治行动`, `城乡环境综合大整治行动`);
its canonical name unifies the marks and drops the place. A person quoted
under different titles (`市消防救援支队综合指导处副处长吉美`, `拉萨市…副处长吉美`)
is one person on one page, and in one paper.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: Opening and closing quotation marks, in every style the pages print, as pairs.
_OPENING = "“‘「『〝"
_CLOSING = "”’」』〞"
#: Marks that open and close alike: a first one opens, the next one closes.
_STRAIGHT = "\"'＂＇"
_DOTS = "·•・‧∙"
#: The paired marks as `“` and `”`, and every dot as `·`, for `str.translate`.
_PAIRED_AS_CURLY = str.maketrans(_OPENING + _CLOSING, "“" * len(_OPENING) + "”" * len(_CLOSING))
_DOTS_AS_ONE = str.maketrans(_DOTS, "·" * len(_DOTS))

#: A place's last character(s): 拉萨市, 墨竹工卡县, 城关区, 西藏自治区, 阿里地区.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,9}?(?:自治区|自治州|地区|省|市|县|区)")
#: Words that end like a place but name a kind of thing: 文明城市 is no place, and
#: 示范区创建行动 keeps its 示范区.
_NOT_PLACES = (
    "城市",
    "都市",
    "超市",
    "集市",
    "夜市",
    "园区",
    "景区",
    "城区",
    "山区",
    "牧区",
    "片区",
    "小区",
    "校区",
    "辖区",
    "灾区",
    "库区",
    "矿区",
    "林区",
    "街区",
    "营区",
    "专区",
    "示范区",
    "先行区",
    "保护区",
    "开发区",
    "试验区",
    "实验区",
    "功能区",
    "模范区",
    "先导区",
    "引领区",
    "核心区",
    "社区",
    "藏区",
    "贫困地区",
    "边境地区",
    "边远地区",
    "偏远地区",
    "农村地区",
    "民族地区",
    "牧业地区",
)
#: What may follow a place's last character in a word of its own: 拉萨市委, 拉萨市民,
#: 城关区政府, 县城, 区块链, 省份. A name going on so keeps its place.
_NOT_AFTER_PLACE = {
    "市": "委政府民场级直属内域长容区县镇值面貌井",
    "县": "委政府级域城长乡直属内",
    "区": "委政府级域块别分间长内属直",
    "省": "委政府级份内长力钱略会",
}
#: Scope words that stand for the place: 全市道路交通整治行动 is the city's campaign.
_SCOPES = ("全市", "全区", "全县", "全州", "全省")
#: Characters a name must keep after its place, so 拉萨市创建 keeps its place.
_MIN_REST = 4


def unify_quotes(text: str) -> str:
    """Every quotation mark as `“` or `”`, whatever style was printed.

    >>> unify_quotes("‘千万工程’经验")
    '“千万工程”经验'
    """
    text = text.translate(_PAIRED_AS_CURLY)
    if not any(mark in text for mark in _STRAIGHT):
        return text
    out: list[str] = []
    open_straight = False
    for char in text:
        if char in _STRAIGHT:
            out.append("”" if open_straight else "“")
            open_straight = not open_straight
        else:
            out.append(char)
    return "".join(out)


def _tidy(text: str) -> str:
    """NFKC (full-width Latin and digits, `＋`), one space for any run of spaces, one dot."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_DOTS_AS_ONE)
    return " ".join(text.split())


def place_prefix(name: str) -> str:
    """The place (or scope word) a campaign's name opens with, or "" when none.

    >>> place_prefix("拉萨市城乡环境综合大整治行动")
    '拉萨市'
    >>> place_prefix("创建文明城市")
    ''
    """
    for scope in _SCOPES:
        if name.startswith(scope) and len(name) - len(scope) >= _MIN_REST:
            return scope
    match = _PLACE.match(name)
    if match is None:
        return ""
    place, rest = match.group(), name[match.end() :]
    if place.endswith(_NOT_PLACES) or len(rest) < _MIN_REST:
        return ""
    if rest[0] in _NOT_AFTER_PLACE.get(place[-1], ""):
        return ""
    return place


def canonical_campaign(name: str) -> str:
    """A campaign's canonical name: marks in one style, no marks around the whole name,
    no place (or scope word) in front, spaces and dots tidied.

    >>> canonical_campaign("拉萨市城乡环境综合大整治行动")
    '城乡环境综合大整治行动'
    >>> canonical_campaign("‘千万工程’经验")
    '“千万工程”经验'
    >>> canonical_campaign("“雪亮工程”")
    '雪亮工程'
    """
    name = unify_quotes(_tidy(name))
    while True:
        before = name
        if name.startswith("“") and name.endswith("”") and "“" not in name[1:-1]:
            name = name[1:-1].strip()
        # 西藏自治区拉萨市… loses both places; “拉萨市…” its marks, then its place.
        name = name[len(place_prefix(name)) :]
        if name == before:
            return name


def person_name(speaker: str) -> str:
    """A speaker's name as a key: NFKC, no spaces (OCR splits names: `次仁 卓嘎`), one dot.

    >>> person_name("次仁 卓嘎")
    '次仁卓嘎'
    """
    return _tidy(speaker).replace(" ", "")


def person_key(speaker: str, paper: str | None, page_id: int) -> str:
    """Who a quote is by: one name in one paper, or on one page when the paper is unknown.

    Titles are left out: the same name quoted as 市消防救援支队综合指导处副处长 and as
    拉萨市消防救援支队综合指导处副处长 in one paper is one person.

    >>> person_key("吉美", "拉萨日报", 3)
    '吉美 · 拉萨日报'
    >>> person_key("吉美", None, 3)
    '吉美 · page 3'
    """
    scope = paper.strip() if paper and paper.strip() else f"page {page_id}"
    return f"{person_name(speaker)} · {scope}"


def record_keys(
    record_type: str, fields: dict[str, Any], paper: str | None, page_id: int
) -> dict[str, str]:
    """The key columns stored with a record: a campaign's `canonical`, a quote's `person`.

    >>> record_keys("campaign", {"name": "‘千万工程’经验"}, None, 1)
    {'canonical': '“千万工程”经验'}
    """
    if record_type == "campaign":
        return {"canonical": canonical_campaign(fields["name"])}
    if record_type == "quote":
        return {"person": person_key(fields["speaker"], paper, page_id)}
    return {}
