"""The number grammar, read against real phrasing of the genre."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import get_args

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from extractor.number_words import UNITS, Approx
from extractor.numbers import (
    Number,
    Quantity,
    find_quantities,
    is_calendar_date,
    parse_quantity,
)

# raw as printed → value, value_max, unit, approx
READINGS: list[tuple[str, float, float | None, str, str]] = [
    # counts
    ("32次", 32, None, "次", "exact"),
    ("25名", 25, None, "名", "exact"),
    ("8座", 8, None, "座", "exact"),
    ("17座", 17, None, "座", "exact"),
    ("7项", 7, None, "项", "exact"),
    ("262条", 262, None, "条", "exact"),
    ("223个", 223, None, "个", "exact"),
    ("1家", 1, None, "家", "exact"),
    ("44家", 44, None, "家", "exact"),
    ("360所", 360, None, "所", "exact"),
    ("32支", 32, None, "支", "exact"),
    ("48万余台", 480000, None, "台", "more"),
    ("129户", 129, None, "户", "exact"),
    ("432人", 432, None, "人", "exact"),
    ("2397人", 2397, None, "人", "exact"),
    ("5场", 5, None, "场", "exact"),
    ("45件", 45, None, "件", "exact"),
    ("76名", 76, None, "名", "exact"),
    ("21件", 21, None, "件", "exact"),
    ("77位", 77, None, "位", "exact"),
    ("6个", 6, None, "个", "exact"),
    # qualified counts
    ("150余场次", 150, None, "场次", "more"),
    ("1.5万余人次", 15000, None, "人次", "more"),
    ("50余人次", 50, None, "人次", "more"),
    ("80余名", 80, None, "名", "more"),
    ("90余次", 90, None, "次", "more"),
    ("100余名", 100, None, "名", "more"),
    ("1000余件", 1000, None, "件", "more"),
    ("1700余人次", 1700, None, "人次", "more"),
    ("200余条", 200, None, "条", "more"),
    ("700余场次", 700, None, "场次", "more"),
    ("2.23万余户", 22300, None, "户", "more"),
    ("7.27万余人次", 72700, None, "人次", "more"),
    ("两万余户", 20000, None, "户", "more"),
    ("10000多步", 10000, None, "步", "more"),
    ("超过10000多步", 10000, None, "步", "more"),
    ("100人以上", 100, None, "人", "more"),
    ("逾100人", 100, None, "人", "more"),
    ("约4000人次", 4000, None, "人次", "about"),
    ("近5年", 5, None, "年", "about"),
    ("近两年", 2, None, "年", "about"),
    ("大约300人", 300, None, "人", "about"),
    ("30吨左右", 30, None, "吨", "about"),
    ("约100余人", 100, None, "人", "about"),
    ("不到两年", 2, None, "年", "less"),
    ("不足50人", 50, None, "人", "less"),
    ("7000元以下", 7000, None, "元", "less"),
    ("55分贝以下", 55, None, "分贝", "less"),  # noise, not 55 minutes or points
    # money, magnitudes folded into the value
    ("130亿元", 13000000000, None, "元", "exact"),
    ("3420万元", 34200000, None, "元", "exact"),
    ("270.94亿元", 27094000000, None, "元", "exact"),
    ("2257.01万人次", 22570100, None, "人次", "exact"),
    ("8.77亿元", 877000000, None, "元", "exact"),
    ("1.43亿元", 143000000, None, "元", "exact"),
    ("0.3亿元", 30000000, None, "元", "exact"),
    ("20.94万元", 209400, None, "元", "exact"),
    ("2万余元", 20000, None, "元", "more"),
    ("200万元左右", 2000000, None, "元", "about"),
    ("8150万元", 81500000, None, "元", "exact"),
    ("1.2万亿元", 1200000000000, None, "元", "exact"),
    ("15万名", 150000, None, "名", "exact"),
    ("155万人次", 1550000, None, "人次", "exact"),
    ("12.5万亩", 125000, None, "亩", "exact"),
    ("三千五百万元", 35000000, None, "元", "exact"),
    # Chinese numerals
    ("两名", 2, None, "名", "exact"),
    ("二十平方米", 20, None, "平方米", "exact"),
    ("两千三百元", 2300, None, "元", "exact"),
    ("一百五十名", 150, None, "名", "exact"),
    ("十余次", 10, None, "次", "more"),
    ("三十余人", 30, None, "人", "more"),
    ("百余名", 100, None, "名", "more"),
    ("一万二千人", 12000, None, "人", "exact"),
    ("三点五倍", 3.5, None, "倍", "exact"),
    # percentages, multiples, fractions
    ("13%", 13, None, "%", "exact"),
    ("98.24%", 98.24, None, "%", "exact"),
    ("100%", 100, None, "%", "exact"),
    ("百分之九十", 90, None, "%", "exact"),
    ("百分之九十以上", 90, None, "%", "more"),
    ("3.5‰", 3.5, None, "‰", "exact"),
    ("4倍", 4, None, "倍", "exact"),
    ("2.1倍", 2.1, None, "倍", "exact"),
    ("三分之一", 1 / 3, None, "", "exact"),
    ("三分之二以上", 2 / 3, None, "", "more"),
    ("千分之三", 3, None, "‰", "exact"),
    ("千分之三以内", 3, None, "‰", "less"),
    ("万分之一", 0.0001, None, "", "exact"),
    # ranges
    ("20到30个", 20, 30, "个", "exact"),
    ("20—30个", 20, 30, "个", "exact"),
    ("20至30个", 20, 30, "个", "exact"),
    ("5-8天", 5, 8, "天", "exact"),
    ("1—2万元", 10000, 20000, "元", "exact"),
    ("三至五年", 3, 5, "年", "exact"),
    # physical measures and durations
    ("500立方米左右", 500, None, "立方米", "about"),
    ("约80平方米", 80, None, "平方米", "about"),
    ("38744.6公斤", 38744.6, None, "公斤", "exact"),
    ("海拔4300米", 4300, None, "米", "exact"),
    ("300兆瓦", 300, None, "兆瓦", "exact"),
    ("240兆瓦时", 240, None, "兆瓦时", "exact"),
    ("为期10天", 10, None, "天", "exact"),
    ("为期四天", 4, None, "天", "exact"),
    ("为期一个月", 1, None, "个月", "exact"),
    ("七个年头", 7, None, "个年头", "exact"),  # years, counted as 个月 counts months
    ("十余个年头", 10, None, "个年头", "more"),
    ("三个季度", 3, None, "个季度", "exact"),
    ("24小时", 24, None, "小时", "exact"),
    # separators and full-width digits
    ("1,200人", 1200, None, "人", "exact"),
    ("１２名", 12, None, "名", "exact"),
    ("1.5 万余人次", 15000, None, "人次", "more"),
    # 余/多 before the magnitude
    ("100余万元", 1000000, None, "元", "more"),
    ("30多万元", 300000, None, "元", "more"),
    ("二十余万元", 200000, None, "元", "more"),
    ("20余万人次", 200000, None, "人次", "more"),
    # neighbouring digits: a rough range
    ("一两个", 1, 2, "个", "about"),
    ("两三天", 2, 3, "天", "about"),
    ("七八个", 7, 8, "个", "about"),
    ("三五天", 3, 5, "天", "about"),
    ("两三百人", 200, 300, "人", "about"),
    ("三四十名", 30, 40, "名", "about"),
    # Chinese decimals with a magnitude, tenths, points, 多 inside the measure word
    ("一点五万人", 15000, None, "人", "exact"),
    ("八成", 8, None, "成", "exact"),
    ("近两成", 2, None, "成", "about"),
    ("百分之百", 100, None, "%", "exact"),
    ("12.5个百分点", 12.5, None, "个百分点", "exact"),
    ("一个多月", 1, None, "个月", "more"),
    ("两个多小时", 2, None, "个小时", "more"),
    ("一分多钟", 1, None, "分钟", "more"),
    ("两个小时", 2, None, "个小时", "exact"),
    ("5%—10%", 5, 10, "%", "exact"),
    ("零下20度", -20, None, "度", "exact"),
]

# The families of the annotation guidelines' Metrics section, each with its own table:
# raw as printed → value, value_max, unit, approx.
FAMILIES: dict[str, list[tuple[str, float, float | None, str, str]]] = {
    # A unit whose prefix is part of its name keeps it, as statistics tables print it;
    # a magnitude before it is still folded into the value.
    "prefixed units": [
        ("450万千瓦", 4500000, None, "千瓦", "exact"),
        ("96.4亿千瓦时", 9640000000, None, "千瓦时", "exact"),
        ("35千伏", 35, None, "千伏", "exact"),
        ("110千伏", 110, None, "千伏", "exact"),
        ("8千米", 8, None, "千米", "exact"),
        ("5千米", 5, None, "千米", "exact"),
        ("约12千米", 12, None, "千米", "about"),
        ("3.6平方千米", 3.6, None, "平方千米", "exact"),
        ("600兆瓦", 600, None, "兆瓦", "exact"),
        ("240兆瓦时", 240, None, "兆瓦时", "exact"),
        ("50千克", 50, None, "千克", "exact"),
        ("2.3个百分点", 2.3, None, "个百分点", "exact"),
        ("5千人", 5000, None, "人", "exact"),  # 千 before any other unit is a magnitude
        ("五千米", 5000, None, "米", "exact"),  # and so it is in a Chinese numeral
    ],
    # Compound measure words are units as printed.
    "compound measure words": [
        ("56批次", 56, None, "批次", "exact"),
        ("73台次", 73, None, "台次", "exact"),
        ("1300余辆次", 1300, None, "辆次", "more"),
        ("120家次", 120, None, "家次", "exact"),
        ("2.3万车次", 23000, None, "车次", "exact"),
        ("48架次", 48, None, "架次", "exact"),
        ("15户次", 15, None, "户次", "exact"),
        ("4.6万剂次", 46000, None, "剂次", "exact"),
        ("86所次", 86, None, "所次", "exact"),
        ("300余人份", 300, None, "人份", "more"),
        ("23.4万册次", 234000, None, "册次", "exact"),  # books lent, loan by loan
        ("2300万余头次", 23000000, None, "头次", "more"),  # animals immunised, time by time
        ("932万只次", 9320000, None, "只次", "exact"),
        ("86.7万羽次", 867000, None, "羽次", "exact"),
        ("420台件", 420, None, "台件", "exact"),  # instruments verified
        ("5折", 5, None, "折", "exact"),  # a discount: tickets at half price
        ("约1.2TB", 1.2, None, "TB", "about"),  # data stored
        ("两筐", 2, None, "筐", "exact"),
        ("一百多壶", 100, None, "壶", "more"),  # pots of butter tea
        ("两个疗程", 2, None, "个疗程", "exact"),
        ("1800余路", 1800, None, "路", "more"),  # video channels
        ("1.9万发", 19000, None, "发", "exact"),  # rounds fired
        ("一个学期以上", 1, None, "个学期", "more"),
        ("半日", 0.5, None, "日", "exact"),
        ("12股", 12, None, "股", "exact"),  # shares held
        ("1.6万个工日", 16000, None, "个工日", "exact"),  # days of labour
        ("106万余片次", 1060000, None, "片次", "more"),  # tablets given
        ("6.8万卷次", 68000, None, "卷次", "exact"),  # archives consulted
        ("1860万画幅", 18600000, None, "画幅", "exact"),  # frames scanned
        ("5拨", 5, None, "拨", "exact"),  # groups of guests
        ("超过了10万元", 100000, None, "元", "more"),
    ],
    # Measure words of things counted one by one, and rates with their unit.
    "measure words and rates": [
        ("200顶", 200, None, "顶", "exact"),
        ("5眼", 5, None, "眼", "exact"),
        ("30款", 30, None, "款", "exact"),
        ("1.2万公顷", 12000, None, "公顷", "exact"),
        ("500工日", 500, None, "工日", "exact"),
        ("15元/斤", 15, None, "元/斤", "exact"),
        ("3000元/吨", 3000, None, "元/吨", "exact"),
        ("60公里/小时", 60, None, "公里/小时", "exact"),
        ("300元/月", 300, None, "元/月", "exact"),
        ("约2.5元/公斤", 2.5, None, "元/公斤", "about"),
        ("35微克/立方米", 35, None, "微克/立方米", "exact"),
        ("0.8毫克/升", 0.8, None, "毫克/升", "exact"),
        ("12道", 12, None, "道", "exact"),  # dishes, procedures
        ("30多道", 30, None, "道", "more"),
        ("86对", 86, None, "对", "exact"),  # couples
        ("48基", 48, None, "基", "exact"),  # pylons
        ("5000余盆", 5000, None, "盆", "more"),
        ("3乡", 3, None, "乡", "exact"),  # townships counted: 2镇3乡
        ("2镇", 2, None, "镇", "exact"),
        ("6乡镇", 6, None, "乡镇", "exact"),
        ("630千伏安", 630, None, "千伏安", "exact"),
        ("1.2万千伏安", 12000, None, "千伏安", "exact"),
        ("28片", 28, None, "片", "exact"),  # areas marked out: 保育区28片
        ("6列", 6, None, "列", "exact"),  # trains
        ("300余枝", 300, None, "枝", "more"),
        ("两杯", 2, None, "杯", "exact"),
        ("6车道", 6, None, "车道", "exact"),
        ("两到三茬", 2, 3, "茬", "exact"),  # crops a year
        ("三届", 3, None, "届", "exact"),
        ("85具", 85, None, "具", "exact"),  # extinguishers
        ("3.5万把", 35000, None, "把", "exact"),  # incense sticks, chairs
        ("1.2万亩次", 12000, None, "亩次", "exact"),  # ploughing done, field by field
        ("12万字", 120000, None, "字", "exact"),  # words written: after digits or a magnitude
        ("两千字", 2000, None, "字", "exact"),
        ("65毫克/100毫升", 65, None, "毫克/100毫升", "exact"),  # per a number of units
        ("200堂", 200, None, "堂", "exact"),  # lessons
        ("3000捆", 3000, None, "捆", "exact"),  # fodder
        ("5000卷", 5000, None, "卷", "exact"),
        ("3轮次", 3, None, "轮次", "exact"),
        ("300例次", 300, None, "例次", "exact"),
        ("500台班", 500, None, "台班", "exact"),  # a machine's shifts
        ("2回", 2, None, "回", "exact"),  # power lines, circuits
        ("两回", 2, None, "回", "exact"),  # times
        ("4大类", 4, None, "大类", "exact"),  # classes of products
        ("11稿", 11, None, "稿", "exact"),  # drafts
        ("1.8万页", 18000, None, "页", "exact"),
        ("36函", 36, None, "函", "exact"),  # cased volumes of old books
        ("30日内", 30, None, "日", "less"),  # days, with a limit: 29日 alone is a date
        ("不超过7日", 7, None, "日", "less"),
        ("一月内", 1, None, "月", "less"),  # months in words, with a limit
        ("两月以内", 2, None, "月", "less"),
        ("1.2万单", 12000, None, "单", "exact"),  # orders sold online
        ("300单", 300, None, "单", "exact"),
        ("两晚", 2, None, "晚", "exact"),  # nights stayed
        ("三个晚上", 3, None, "个晚上", "exact"),
        ("不到3秒钟", 3, None, "秒钟", "less"),  # read whole, as 分钟
        ("40多车", 40, None, "车", "more"),  # goods by the truck
        ("1360盘", 1360, None, "盘", "exact"),  # hoses by the reel
        ("两球", 2, None, "球", "exact"),  # goals
        ("两圈", 2, None, "圈", "exact"),  # laps
        ("2站", 2, None, "站", "exact"),  # stops ridden, shots given, a crack's width
        ("2针", 2, None, "针", "exact"),
        ("3指", 3, None, "指", "exact"),
        ("2800余票", 2800, None, "票", "more"),  # customs declarations, tickets, votes
        ("最多半个小时", 0.5, None, "个小时", "less"),  # at most a half
        ("1.2万个羊单位", 12000, None, "个羊单位", "exact"),  # livestock, in sheep units
        ("1800余条次", 1800, None, "条次", "more"),  # items of information pushed
        ("30项次", 30, None, "项次", "exact"),
        ("41种次", 41, None, "种次", "exact"),  # kinds of pests intercepted, counted per catch
        ("5万羊单位", 50000, None, "羊单位", "exact"),
        ("7县", 7, None, "县", "exact"),  # counties
        ("两省", 2, None, "省", "exact"),
        ("三尺", 3, None, "尺", "exact"),
    ],
    # A score, printed in Arabic digits.
    "scores": [
        ("92.5分", 92.5, None, "分", "exact"),
        ("2.6万分", 26000, None, "分", "exact"),
        ("860分", 860, None, "分", "exact"),
    ],
    # A bare magnitude is a number when a qualifier or 余/多 says how many.
    "bare magnitudes": [
        ("近千人", 1000, None, "人", "about"),
        ("上百名", 100, None, "名", "more"),
        ("上千人", 1000, None, "人", "more"),
        ("上万人次", 10000, None, "人次", "more"),
        ("超过百亿元", 10000000000, None, "元", "more"),
        ("近百万元", 1000000, None, "元", "about"),
        ("突破千万元", 10000000, None, "元", "more"),
        ("百余名", 100, None, "名", "more"),
        ("千余人", 1000, None, "人", "more"),
        ("万余元", 10000, None, "元", "more"),
        ("千万元以上", 10000000, None, "元", "more"),  # a qualifier after the unit says so too
        ("亿元左右", 100000000, None, "元", "about"),
    ],
    # 半 is 0.5, alone or added to the number before it.
    "halves": [
        ("两个半月", 2.5, None, "个月", "exact"),
        ("一个半小时", 1.5, None, "个小时", "exact"),
        ("两个半小时", 2.5, None, "个小时", "exact"),
        ("一年半", 1.5, None, "年", "exact"),
        ("三天半", 3.5, None, "天", "exact"),
        ("半天", 0.5, None, "天", "exact"),
        ("不到半天", 0.5, None, "天", "less"),
        ("半年", 0.5, None, "年", "exact"),
        ("近半年", 0.5, None, "年", "about"),
        ("快半年", 0.5, None, "年", "about"),
        ("半个月", 0.5, None, "个月", "exact"),
        ("半小时", 0.5, None, "小时", "exact"),
        ("为期半个月", 0.5, None, "个月", "exact"),
        ("半个多月", 0.5, None, "个月", "more"),  # 多 inside the measure word, as 一个多月
        ("半个多小时", 0.5, None, "个小时", "more"),
        ("大半年", 0.5, None, "年", "more"),  # more than half
        ("大半天", 0.5, None, "天", "more"),
        ("半尺多", 0.5, None, "尺", "more"),  # grass half a chi high and more
        ("半年至一年", 0.5, 1, "年", "exact"),  # a range from a half
        ("半天到1天", 0.5, 1, "天", "exact"),
        # 一半 is a half of something, as 三分之一 is a third of it
        ("一半", 0.5, None, "", "exact"),
        ("一半以上", 0.5, None, "", "more"),
        ("一半多", 0.5, None, "", "more"),
        ("一半多一点", 0.5, None, "", "more"),
        ("近一半", 0.5, None, "", "about"),
        ("一大半", 0.5, None, "", "more"),  # the larger half
        ("一多半", 0.5, None, "", "more"),
    ],
    # Two neighbouring digits say about this many, after the tens they share; 几 after
    # a number says more than it, as 余 and 多 do.
    "rough numbers": [
        ("七八个", 7, 8, "个", "about"),
        ("十二三度", 12, 13, "度", "about"),
        ("十七八岁", 17, 18, "岁", "about"),
        ("二十一二度", 21, 22, "度", "about"),
        ("三十四五人", 34, 35, "人", "about"),
        ("一百二三十人", 120, 130, "人", "about"),
        ("十几分钟", 10, None, "分钟", "more"),
        ("二十几人", 20, None, "人", "more"),
        ("十几万元", 100000, None, "元", "more"),
        ("十来个", 10, None, "个", "about"),  # 来 after tens: about so many
        ("二十来岁", 20, None, "岁", "about"),
        ("30来斤", 30, None, "斤", "about"),  # and after round tens in digits
        ("300来人", 300, None, "人", "about"),
    ],
    # A range may print its unit on both ends.
    "ranges with the unit twice": [
        ("80元至120元", 80, 120, "元", "exact"),
        ("3天到5天", 3, 5, "天", "exact"),
        ("1万元至2万元", 10000, 20000, "元", "exact"),
        ("5%—10%", 5, 10, "%", "exact"),
    ],
    # 快 before a number in words is nearly, as 近 is; 整 says the time is whole.
    "nearly and whole": [
        ("快一年", 1, None, "年", "about"),
        ("快两个月", 2, None, "个月", "about"),
        ("一整天", 1, None, "天", "exact"),
        ("两整年", 2, None, "年", "exact"),
    ],
    "temperatures": [
        ("25摄氏度", 25, None, "摄氏度", "exact"),
        ("零下15摄氏度", -15, None, "摄氏度", "exact"),
        ("零下5℃", -5, None, "℃", "exact"),
        ("20度", 20, None, "度", "exact"),
        ("-20℃", -20, None, "℃", "exact"),  # a minus sign, before a temperature only
        ("－8摄氏度", -8, None, "摄氏度", "exact"),
        ("低于零下10摄氏度", -10, None, "摄氏度", "less"),  # a qualifier before 零下
        ("不低于-5℃", -5, None, "℃", "more"),
        # a range below zero: each end has its own minus
        ("零下18摄氏度至零下12摄氏度", -18, -12, "摄氏度", "exact"),
        ("-18至-12℃", -18, -12, "℃", "exact"),
        ("零下5至8摄氏度", -5, 8, "摄氏度", "exact"),
    ],
    # 多 after the unit: more than this many.
    "more after the unit": [
        ("一倍多", 1, None, "倍", "more"),
        ("两倍多", 2, None, "倍", "more"),
        ("一年多", 1, None, "年", "more"),
        ("三天多", 3, None, "天", "more"),
        ("一成多", 1, None, "成", "more"),
        ("两块多", 2, None, "块", "more"),  # 块 is 元 as people say it: 一斤两块多钱
        ("一块多", 1, None, "块", "more"),
    ],
    # At-least wording reads more, at-most wording less; never the words inside them.
    "at least and at most": [
        ("不少于5000人", 5000, None, "人", "more"),
        ("不低于95%", 95, None, "%", "more"),
        ("不小于10平方米", 10, None, "平方米", "more"),
        ("至少3次", 3, None, "次", "more"),
        ("最少两名", 2, None, "名", "more"),
        ("不超过10人", 10, None, "人", "less"),
        ("不高于5%", 5, None, "%", "less"),
        ("不多于3项", 3, None, "项", "less"),
        ("最多3人", 3, None, "人", "less"),
        ("至多5天", 5, None, "天", "less"),
        ("少于50人", 50, None, "人", "less"),
        ("低于1%", 1, None, "%", "less"),
        ("高于90%", 90, None, "%", "more"),
        ("突破155万人次", 1550000, None, "人次", "more"),
        ("60岁及以上", 60, None, "岁", "more"),
        ("5000元及以下", 5000, None, "元", "less"),
        ("3公里之内", 3, None, "公里", "less"),
        ("500公里以外", 500, None, "公里", "more"),  # beyond so far, as 以上
        ("5天内", 5, None, "天", "less"),  # 内 reads as 以内
        ("6小时内", 6, None, "小时", "less"),
        ("7个工作日内", 7, None, "个工作日", "less"),
        ("最高3万元", 30000, None, "元", "less"),  # a ceiling: at most
        ("最长3年", 3, None, "年", "less"),  # a longest term: at most
        ("最短2天", 2, None, "天", "more"),
        ("最低2000元", 2000, None, "元", "more"),  # a floor: at least
        ("不得超过6小时", 6, None, "小时", "less"),
        ("不得低于80%", 80, None, "%", "more"),
        ("不能超过50人", 50, None, "人", "less"),
    ],
}


@pytest.mark.parametrize(("raw", "value", "value_max", "unit", "approx"), READINGS)
def test_reading(raw: str, value: float, value_max: float | None, unit: str, approx: str) -> None:
    q = parse_quantity(raw)
    assert q is not None, raw
    assert math.isclose(q.value, value, rel_tol=1e-9), (raw, q.value)
    if value_max is None:
        assert q.value_max is None
    else:
        assert q.value_max is not None and math.isclose(q.value_max, value_max, rel_tol=1e-9)
    assert (q.unit, q.approx) == (unit, approx)


def test_the_table_is_large() -> None:
    assert len(READINGS) >= 80


@pytest.mark.parametrize(
    ("raw", "value", "value_max", "unit", "approx"),
    [
        pytest.param(*reading, id=f"{family}: {reading[0]}")
        for family, readings in FAMILIES.items()
        for reading in readings
    ],
)
def test_reading_of_each_family(
    raw: str, value: float, value_max: float | None, unit: str, approx: str
) -> None:
    test_reading(raw, value, value_max, unit, approx)
    # Printed in a sentence, the finder reads it whole and the same.
    text = f"全年累计{raw}，同比增长。"
    found = [m for m in find_quantities(text) if m.raw == raw.removeprefix("为期")]
    assert len(found) == 1, (raw, [m.raw for m in find_quantities(text)])
    assert found[0].quantity == parse_quantity(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "元",
        "万元",
        "第8个",
        "G318",
        "十四五",
        "多个",
        "一些",
        "几",
        "2024",
        "1.4万",
        "abc",
        "约",
        "1+3",
        "百分之",
        "三分之",
        "20到",
        "一名名",
        "几十名",
        "十分",  # "very": a score is printed in Arabic digits
        "一分",
        "5%—10个",
        # a magnitude alone, with nothing to say how many
        "千万条",
        "千名",
        "成千上万人",
        # a half that is part of a calendar or a word
        "上半年",
        "下半年",
        "半个世纪",
        # a range whose two ends are counted in different units
        "3人至5天",
        # a fraction whose denominator is a bare magnitude, read by the finder once
        "1分之万多",
        "1分之万",
        # a day of a date, a range of temperatures that ends below where it starts
        "29日",
        "零下12摄氏度至零下18摄氏度",
    ],
)
def test_not_a_quantity(raw: str) -> None:
    assert parse_quantity(raw) is None


def test_magnitudes_are_exact() -> None:
    """Decimal arithmetic: no 143000000.00000003 from 1.43亿."""
    q = parse_quantity("1.43亿元")
    assert q is not None and q.value == 143000000 and isinstance(q.value, int)


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        ("2024年", True),
        ("二〇二三年", True),
        ("2023—2024年", True),
        ("2024 年", True),  # an OCR space
        ("２０２４年", True),
        ("2023年至2024年", True),  # a range printing its unit twice
        ("一年半", False),
        ("一年多", False),
        ("2024年内", True),
        ("3年内", False),
        ("3年", False),
        ("两年", False),
    ],
)
def test_calendar_dates(raw: str, date: bool) -> None:
    q = parse_quantity(raw)
    assert q is not None
    assert is_calendar_date(raw, q) is date


def test_finds_quantities_in_running_text() -> None:
    text = "截至目前，召开安全生产培训会16次；开展安全生产宣讲150余场次，参与干部群众1.5万余人次。"
    found = find_quantities(text)
    assert [m.raw for m in found] == ["16次", "150余场次", "1.5万余人次"]
    for m in found:
        assert text[m.start : m.end] == m.raw


def test_years_counted_in_个年头_are_found_whole() -> None:
    """`走了七个年头` is seven years, not seven of something with 年头 left over."""
    found = find_quantities("护林员已经在山林里走了七个年头，巡护里程超过2万公里。")
    assert [(m.raw, m.quantity.unit) for m in found] == [
        ("七个年头", "个年头"),
        ("超过2万公里", "公里"),
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "approx"),
    [
        ("援藏专家来噶尔县已经一年零四个月。", "一年零四个月", 16, "个月", "exact"),
        ("他在工地上干了1年零3个月左右。", "1年零3个月左右", 15, "个月", "about"),
        ("抢修持续了两天零三个小时。", "两天零三个小时", 51, "个小时", "exact"),
    ],
)
def test_a_time_of_two_units_is_one_quantity(
    text: str, raw: str, value: float, unit: str, approx: Approx
) -> None:
    """`一年零四个月` is one length of time, in its smaller unit; its tail `零四个月` is
    no number of its own, and the parser reads the raw as the finder does."""
    found = find_quantities(text)
    assert [(m.raw, m.quantity.value, m.quantity.unit, m.quantity.approx) for m in found] == [
        (raw, value, unit, approx)
    ]
    assert parse_quantity(raw) == found[0].quantity


def test_a_zero_that_is_no_tail_is_read_as_before() -> None:
    found = find_quantities("气温在零度上下，一百零五人参加，年零售额5万元。")
    assert [m.raw for m in found] == ["零度上下", "一百零五人", "5万元"]


def test_a_qualifier_is_read_whole_with_its_number() -> None:
    """`不少于5000人` is at least 5000: the finder never reads the `少于` inside it."""
    text = "参训人员不少于5000人，合格率不低于95%，每批不超过10人。"
    found = find_quantities(text)
    assert [(m.raw, m.before, m.quantity.approx) for m in found] == [
        ("不少于5000人", "不少于", "more"),
        ("不低于95%", "不低于", "more"),
        ("不超过10人", "不超过", "less"),
    ]
    assert [m.number_start - m.start for m in found] == [3, 3, 3]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("累计签约30家企业", "30家"),  # 签约 signs: no 约 (about) in it
        ("节约用水100吨", "100吨"),
        ("最近3天气温回升", "3天"),  # the last three days, not nearly three
        ("附近10个村", "10个"),
        ("约30家企业", "约30家"),
        ("将近3年", "将近3年"),
        ("增速比上半年加快0.3个百分点", "0.3个百分点"),  # 加快 speeds up: no 快 (nearly)
        ("比全国快1.2个百分点", "1.2个百分点"),  # faster by: 快 is nearly before words only
        ("最快3天送达", "3天"),
        ("大型商超96家", "96家"),  # 商超 are supermarkets: no 超 (more than) in it
        ("超100家", "超100家"),
    ],
)
def test_a_qualifier_never_ends_another_word(text: str, raw: str) -> None:
    assert [m.raw for m in find_quantities(text)] == [raw]


@pytest.mark.parametrize(
    "text",
    [
        "1分之万多",
        "近千人参加，上百名志愿者",
        "两个半月后",
        "80元至120元不等",
        "大多是经过半年以上岗前培训的年轻人",  # 经过半年: a half, not the 过半 of 任务过半
        "夜间最低气温零下18摄氏度至零下12摄氏度",
        "两家人吵了快一年",
        "往年秋收要忙上半个多月，开馆前半小时",
    ],
)
def test_the_finder_and_the_parser_agree(text: str) -> None:
    """Whatever the finder reads in running text, the parser reads the same from its raw
    (the finder once read `1分之万多` as 10000, looking past its own match)."""
    for m in find_quantities(text):
        assert parse_quantity(m.raw) == m.quantity, m


@pytest.mark.parametrize(
    ("text", "raws"),
    [
        ("上午9时30分开赛，选手得分86分", ["86分"]),  # the minutes of a time are no score
        ("这项工作十分重要", []),
        ("开展1对1结对帮扶，一对一辅导，结成帮扶对子48对", ["48对"]),  # a pairing, not pairs
        ("辖区2镇3乡", ["2镇", "3乡"]),
        ("把12项内容纳入积分，3天内办结", ["12项", "3天内"]),  # 内容 is no 以内
        ("最低气温-18℃，同比-5%", ["-18℃", "5%"]),  # a minus sign only before a temperature
        ("一来方便群众，二来节约成本", []),
        ("县委一把手带头，购置椅子20把", ["20把"]),  # 一把手 is the head of a unit
        ("经过一番努力，收入翻了一番，产值翻了两番多", ["一番", "两番多"]),  # doubled only
        ("十字路口一字排开，全书共12万字", ["12万字"]),
        ("一路走来，8路公交车开通，监控探头1800余路", ["1800余路"]),  # no 路 of a route
        ("两发放点，发射炮弹3000发，10发放到", ["3000发"]),  # no 发 of a verb
        ("憋着一股劲，每户12股", ["12股"]),  # no 股 of 一股劲
        ("分两拨出发，接待5拨客人", ["5拨"]),  # groups counted only after digits
        ("储能电站50兆瓦/200兆瓦时", ["50兆瓦", "200兆瓦时"]),  # two, not a rate
        ("十四届全国人大代表，二十届三中全会，已连续两届获评", ["两届"]),
        ("十二届县委，参加过8届县运会", ["8届"]),  # a count after 过, whatever follows
        ("一回到家就去看了两回，新建线路2回", ["两回", "2回"]),  # not the 回 of 回到
        ("11月29日起，3月5日左右，30日内办结", ["30日内"]),  # a date is no count of days
        ("3月内完成，十一月内，2024年一月内，一月内回访", ["2024年", "一月内"]),  # months
        ("两单位联合，网上卖了1.2万单", ["1.2万单"]),  # not the 单 of 单位
        ("一车一档，一盘棋，每天发出40多车货，水带1360盘", ["40多车", "1360盘"]),  # digits only
        ("依托“两站两员”，一针一线，打了2针", ["2针"]),  # digits only
        ("实行一票否决，一票制，报关单2800余票，100票价", ["2800余票"]),  # digits only
        ("他多半天天来，最多半个小时就办好", ["最多半个小时"]),  # not the 多半 of "mostly"
        ("沿306省道，在3县城区，全地区7县", ["7县"]),  # a provincial road, a county town
        ("七一晚会上，正月十五晚，初一晚，已在民宿住了两晚", ["两晚"]),  # nights, not evenings
        ("每斤两块多钱，三块多功能展板", ["两块多", "三块"]),  # 多 of 多功能 opens a word
        ("饭菜只要5块钱，截获有害生物41种次", ["5块", "41种次"]),  # 钱 follows the unit
        (
            "安装设备320余台（套），存栏28万头(只)",
            ["320余台", "28万头"],
        ),  # the unit before its alternative
        ("时间过半、任务过半，经过半年以上培训", ["半年以上"]),
        ("一张内畅外联的交通网络，3天内办结，24小时内外出", ["一张", "3天内", "24小时"]),
        # a half of the calendar (`上半年`, `前半月`), but a time taken after 上 or 前
        (
            "上半年、前半月、下半个月，要忙上半个月，提前半个月订满，开馆前半小时",
            ["半个月", "半个月", "半小时"],
        ),
    ],
)
def test_words_that_read_as_a_quantity_only_where_they_count(text: str, raws: list[str]) -> None:
    assert [m.raw for m in find_quantities(text)] == raws


@pytest.mark.parametrize(
    ("text", "raw", "value", "approx"),
    [
        ("收入比前年翻了一番", "一番", 1, "exact"),
        ("全县产值翻两番", "两番", 2, "exact"),
        ("村集体经济收入翻了两番多", "两番多", 2, "more"),
    ],
)
def test_a_doubling_is_counted_in_番(text: str, raw: str, value: float, approx: Approx) -> None:
    """翻一番 doubles once; the 番 of `一番努力` counts nothing (see above)."""
    [found] = find_quantities(text)
    assert (found.raw, found.quantity) == (raw, Quantity(value, None, "番", approx))
    assert parse_quantity(raw) == found.quantity


def test_compound_counts_are_two() -> None:
    found = find_quantities("共计2.23万余户7.27万余人次")
    assert [(m.quantity.value, m.quantity.unit) for m in found] == [(22300, "户"), (72700, "人次")]


def test_a_number_never_starts_inside_another() -> None:
    assert find_quantities("G318国道") == []
    assert [m.raw for m in find_quantities("二十五名")] == ["二十五名"]
    assert find_quantities("共1万2千人") == []  # not "2千人"
    assert [m.raw for m in find_quantities("约一点五万人参加")] == ["约一点五万人"]
    assert find_quantities("几十名干部") == []


_DECIMALS = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(
    lambda d: int(d) if d == d.to_integral_value() else float(d)
)


def format_quantity(quantity: Quantity) -> str:
    """Print a quantity the way the papers do, so that parsing it reads it back:
    `Quantity(22300, None, "户", "more")` → "22300余户"."""

    def number(v: Number) -> str:
        return format(Decimal(str(v)).normalize(), "f")

    core = number(quantity.value)
    if quantity.value_max is not None:
        core += "到" + number(quantity.value_max)
    prefix = {"more": "超过", "about": "约", "less": "不到"}.get(quantity.approx, "")
    return prefix + core + quantity.unit


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    value = draw(_DECIMALS)
    value_max = draw(st.one_of(st.none(), _DECIMALS.filter(lambda v: v > value)))
    unit = draw(st.sampled_from(UNITS))
    approx = draw(st.sampled_from(get_args(Approx)))
    assume(not (unit == "日" and approx == "exact"))  # `29日` alone is a date, no quantity
    return Quantity(value, value_max, unit, approx)


@given(quantities())
def test_format_then_parse_round_trips(quantity: Quantity) -> None:
    assert parse_quantity(format_quantity(quantity)) == quantity


_NUMBERISH = st.text(
    alphabet=st.sampled_from(
        list(
            "0123456789.,%万亿千百十余多约近第一二两三四五六七八九零〇到至—-个名人次元米倍年月日“”《》G "
        )
    ),
    max_size=40,
)


@given(st.one_of(st.text(max_size=200), _NUMBERISH))
def test_no_input_raises(text: str) -> None:
    parse_quantity(text)
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.raw


def test_a_fraction_of_numerals_hundreds_of_digits_long_is_no_quantity() -> None:
    """`X分之Y` divides: with a numeral of 400 digits the quotient overflows a float."""
    assert parse_quantity("五分之" + "9" * 400) is None
    assert find_quantities("四五分之" + "1" * 400) == []


def test_pieces_of_a_text_are_counted_in_duan() -> None:
    """`三段新编唱词`: three pieces of lyrics, a count."""
    quantity = parse_quantity("三段")
    assert quantity is not None and (quantity.value, quantity.unit) == (3, "段")
    assert [m.raw for m in find_quantities("今年我们准备了三段新编唱词。")] == ["三段"]


@pytest.mark.parametrize("raw", ["两车", "两站", "两针", "两指"])
def test_measure_words_read_after_digits_only_read_as_printed(raw: str) -> None:
    """The finder leaves `两站` (`“两站两员”`), the checker reads a raw printed so."""
    quantity = parse_quantity(raw)
    assert quantity is not None and quantity.value == 2 and quantity.unit == raw[1:]
    assert find_quantities(f"只有{raw}路。") == []
