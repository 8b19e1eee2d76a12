"""One name per campaign and per person: real names from the seed pages and their gold files."""

from __future__ import annotations

import doctest
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor import names
from extractor.names import canonical_campaign, person_key, place_prefix, unify_quotes

# (as printed, canonical): names printed on the seed pages or in their gold files.
CANONICAL = [
    # A place in front is dropped: the city's campaign is the campaign.
    ("拉萨市城乡环境综合大整治行动", "城乡环境综合大整治行动"),
    ("城乡环境综合大整治行动", "城乡环境综合大整治行动"),
    ("拉萨市迎新年“三对三”篮球赛", "迎新年“三对三”篮球赛"),
    ("日喀则市第二届“珠峰百姓名嘴”选拔大赛", "第二届“珠峰百姓名嘴”选拔大赛"),
    ("拉萨市产业工人实训基地", "产业工人实训基地"),
    ("拉萨市2024年春节、藏历木龙新年联欢会", "2024年春节、藏历木龙新年联欢会"),
    ("全市道路交通整治行动", "道路交通整治行动"),
    ("墨竹工卡县“五措并举”", "五措并举"),
    ("西藏自治区拉萨市城乡环境综合大整治行动", "城乡环境综合大整治行动"),
    # Quotation marks of any style are one style; none around the whole name.
    ("‘千万工程’经验", "“千万工程”经验"),
    ("“千万工程”经验", "“千万工程”经验"),
    ("‘千万工程’", "千万工程"),
    ("“雪亮工程”", "雪亮工程"),
    ("雪亮工程", "雪亮工程"),
    ("「体育大拜年 健康迎新春」篮球赛", "“体育大拜年 健康迎新春”篮球赛"),
    ("'1+3'农村'三变'改革试点模式", "“1+3”农村“三变”改革试点模式"),
    ("‘1+3’农村‘三变’改革试点模式", "“1+3”农村“三变”改革试点模式"),
    ("“拉萨市城乡环境综合大整治行动”", "城乡环境综合大整治行动"),
    # Full-width Latin and digits, runs of spaces, dots of any kind.
    ("“１＋６＋Ｘ”基层网格队伍模式", "“1+6+X”基层网格队伍模式"),
    (
        "“同心向党  铸牢中华民族共同体意识”主题党日活动",
        "“同心向党 铸牢中华民族共同体意识”主题党日活动",
    ),
    ("“先锋墨竹・四级行动”大主题活动", "“先锋墨竹·四级行动”大主题活动"),
]

# Names that stay as they are: what looks like a place is part of the name.
UNCHANGED = [
    "创建文明城市",  # 城市 is no place
    "创建民族团结进步模范区",
    "“全国民族团结进步示范市”创建",
    "“一矿一册”“一库一册”台账管理",  # marks around two parts, not the whole
    "国企改革三年行动",
    "乡村治理积分制",
    "固边兴边富民行动",
    "拉萨市委宣传部主题活动",  # 拉萨市委 is an organisation
    "拉萨市民健身活动",  # 市民: the residents
    "墨竹工卡县城建设行动",  # 县城: the county town
    "推广区块链技术行动",  # 区块链
    "平安社区建设行动",
    "贫困地区帮扶行动",
    "拉萨市创建",  # too little left without the place
    "全国近视防控宣传教育月活动",
]


@pytest.mark.parametrize(("printed", "canonical"), CANONICAL)
def test_one_canonical_name_however_it_was_printed(printed: str, canonical: str) -> None:
    assert canonical_campaign(printed) == canonical


@pytest.mark.parametrize("printed", UNCHANGED)
def test_a_name_whose_place_is_part_of_it_is_kept(printed: str) -> None:
    assert canonical_campaign(printed) == printed


def test_the_pairs_a_researcher_counts_as_one_campaign_are_one() -> None:
    pairs = [
        ("拉萨市城乡环境综合大整治行动", "城乡环境综合大整治行动"),
        ("“千万工程”经验", "‘千万工程’经验"),
        ("“五措并举”", "五措并举"),
    ]
    for a, b in pairs:
        assert canonical_campaign(a) == canonical_campaign(b)


def test_canonical_names_are_stable() -> None:
    for printed, _ in CANONICAL:
        once = canonical_campaign(printed)
        assert canonical_campaign(once) == once


def test_the_place_in_front_of_a_name() -> None:
    assert place_prefix("拉萨市城乡环境综合大整治行动") == "拉萨市"
    assert place_prefix("城关区八一街道揭牌仪式") == "城关区"
    assert place_prefix("墨竹工卡县基层宣讲活动") == "墨竹工卡县"
    assert place_prefix("西藏自治区拉萨市活动") == "西藏自治区"
    assert place_prefix("城乡环境综合大整治行动") == ""


def test_quotation_marks_pair_up_in_one_style() -> None:
    assert unify_quotes("‘三变’改革") == "“三变”改革"
    assert unify_quotes('"四个创建"') == "“四个创建”"
    assert unify_quotes("「」『』") == "“”“”"


def test_one_person_in_one_paper_whatever_the_title() -> None:
    # 吉美 is quoted as 市消防救援支队综合指导处副处长 on one page and as
    # 拉萨市消防救援支队综合指导处副处长 on another: one person in one paper.
    assert person_key("吉美", "拉萨日报", 1) == person_key("吉美", "拉萨日报", 5)
    assert person_key("吉美", "拉萨日报", 1) != person_key("吉美", "西藏日报", 1)


def test_without_a_paper_a_person_is_one_on_one_page() -> None:
    assert person_key("徐海", None, 2) == person_key("徐海", "", 2) == "徐海 · page 2"
    assert person_key("徐海", None, 2) != person_key("徐海", None, 3)


def test_a_name_split_by_ocr_is_the_same_person() -> None:
    assert person_key("次仁 卓嘎", "拉萨日报", 1) == person_key("次仁卓嘎", "拉萨日报", 1)


def test_the_examples_in_the_docstrings() -> None:
    assert doctest.testmod(names).failed == 0


def _plain_unify_quotes(text: str) -> str:
    """`unify_quotes` a character at a time, as first written."""
    out: list[str] = []
    open_straight = False
    for char in text:
        if char in "“‘「『〝":
            out.append("“")
        elif char in "”’」』〞":
            out.append("”")
        elif char in "\"'＂＇":
            out.append("”" if open_straight else "“")
            open_straight = not open_straight
        else:
            out.append(char)
    return "".join(out)


_MARKS_AND_DOTS = "“‘「『〝”’」』〞\"'＂＇·•・‧∙ 　拉萨市活动ＡＢ１"


@given(st.text(alphabet=_MARKS_AND_DOTS, max_size=30))
def test_marks_and_dots_are_unified_as_a_character_at_a_time(text: str) -> None:
    assert unify_quotes(text) == _plain_unify_quotes(text)
    dotted = "".join("·" if c in "·•・‧∙" else c for c in unicodedata.normalize("NFKC", text))
    assert names._tidy(text) == " ".join(dotted.split())
