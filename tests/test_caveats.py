"""Warnings on records that pass: a label that does not say what its number counts."""

from __future__ import annotations

import pytest

from extractor.caveats import label_fit, label_warning, unit_warning

SENTENCE = "全县已建成“暖心驿站”服务点23个，累计服务环卫工人1.2万余人次。"


def test_a_label_in_quotation_marks_reads_as_its_sentence() -> None:
    """The marks around a name are no part of the sentence's words: `暖心驿站服务点`
    is printed whole in `“暖心驿站”服务点`."""
    assert label_warning("建成暖心驿站服务点", SENTENCE) is None
    assert label_fit("暖心驿站服务点", SENTENCE) == 1


def test_a_place_printed_with_its_alternatives_reads_as_its_sentence() -> None:
    """The brackets of `乡（镇）` are no part of the sentence's words either: the label
    `乡（镇）` (or `乡(镇)`, as some pages print it) is in `全县9个乡（镇）`."""
    sentence = "县医院组织专家深入全县9个乡（镇）开展巡回义诊。"
    for label in ("乡（镇）", "乡(镇)"):
        assert label_warning(label, sentence) is None
        assert label_fit(label, sentence) == 1


SETTLEMENTS = (
    "全县共有易地扶贫搬迁安置点11个，安置搬迁群众1862户8046人。"
    "雅江新村是扎囊县规模最大的易地扶贫搬迁集中安置点，从阿扎乡等4个乡镇搬迁安置群众486户。"
)


def test_a_label_another_sentence_holds_a_tenth_more_of_is_warned() -> None:
    """The label of the county's count, on the village's sentence: that sentence holds
    8 of its 10 pieces, the county's 9. One piece in ten is the margin, whatever
    floating point makes of 0.9 - 0.8."""
    label, county, village = "全县易地扶贫搬迁安置点", *SETTLEMENTS.split("。")[:2]
    assert (label_fit(label, county), label_fit(label, village)) == (0.9, 0.8)
    warning = label_warning(label, village + "。", SETTLEMENTS)
    assert warning is not None and "fits another sentence" in warning


def test_a_label_from_a_sentence_printing_the_same_number_is_not_warned() -> None:
    """The article says the number twice; the label may be written from either."""
    sentence = "上半年全区地区生产总值增速达到6.3%。"
    text = sentence + "格桑次旦介绍，上半年地区生产总值同比增长6.3%。"
    label = "地区生产总值同比增速"
    assert label_warning(label, sentence, text) is not None
    assert label_warning(label, sentence, text, "6.3%") is None


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("牧民人均可支配收入", "%"),  # money, counted as a rate
        ("招商引资到位资金", "个"),
        ("青稞亩产增速", "公斤"),  # a rate, counted in kilograms
        ("义诊覆盖率", "人次"),
        ("培训报名人数", "项"),
        ("高标准农田建设面积", "公里"),
        ("冬季供暖时长", "平方米"),
        ("牧道修缮里程", "户"),
        ("易地搬迁户数", "人"),
        ("惠及群众", "公里"),  # people, counted in kilometres
        ("改造涉及居民", "份"),
        ("书香拉萨举办年限", "个"),
        ("惠及老年人", "元"),  # the old, counted in yuan
        ("救治患者", "公里"),
        ("同行护边员", "公斤"),  # workers named by their 员, counted in kilograms
        ("全县护边员", "起"),
    ],
)
def test_a_label_naming_another_kind_of_quantity_than_its_unit_is_warned(
    label: str, unit: str
) -> None:
    warning = unit_warning(label, unit)
    assert warning is not None and label in warning and f'"{unit}"' in warning


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("牧民人均可支配收入", "元"),
        ("拼车一趟费用", "块"),  # 块, as people say 元
        ("青稞亩产增速", "%"),
        ("贫困发生率", "个百分点"),
        ("报名人数超过计划人数", "倍"),
        ("培训人次", "人次"),
        ("冬季供暖时长", "个月"),
        ("高标准农田建设面积", "万亩"),
        ("集体经济", "元"),  # no last word that names a kind: nothing to say
        ("饲草料储备", "吨"),
        ("惠及群众", "户"),
        ("城关净土中央厨房投保覆盖学生", "学生"),  # the people as the unit
        ("拉巴一家人口", "口"),
        ("胸痛中心救治急性心肌梗死患者", "例"),  # cases of a group
        ("志愿者每周上门探望独居老人", "次"),  # visits to a group
        ("免费接种对象老年人", "岁"),  # the group's age
        ("全县护边员", "名"),
        ("查处超速超员", "起"),  # 超员: a vehicle overloaded, no one named
    ],
)
def test_a_label_whose_unit_can_count_it_is_not_warned(label: str, unit: str) -> None:
    assert unit_warning(label, unit) is None
