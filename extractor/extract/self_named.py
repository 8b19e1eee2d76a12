"""Quoted words that say by themselves that they are an initiative, or where it goes.

>>> bool(SELF_NAMED.search("雪亮工程")), bool(SELF_NAMED.search("好经验"))
(True, False)
"""

from __future__ import annotations

import re

from extractor.extract.context import CN

# The quoted words themselves say they are an initiative: `“雪亮工程”`, `“九项行动”`,
# `“百日会战”`, measures counted together (`“五措并举”`, not `“多措并举”`), a month of it
# (`“敬老月”`), a field of aid to Tibet (`“技能援藏”`), a system of chiefs even in single
# marks (`推行‘草长制’`), a fund for students or the needy (`“芙蓉励志奖学金”`, `“春蕾助学金”`,
# `“光明基金”`: each of the four printed so on the development pages is listed, three required);
# one word before the kind only qualifies it (`“好经验”`). So do a festival, a lecture series,
# a night school or a camp named whole in marks (`“线上年货节”`, `“家庭教育大讲堂”走进…`,
# `办起了“双语夜校”`, `“牧区少年体育夏令营”开营`): of the 50 printed so on the seeds and
# development pages 39 are required, 8 optional; not a festival of three characters, which may be
# a people's own (`纳西族的“三朵节”`), nor a step (`“三个重点环节”`).
SELF_NAMED = re.compile(
    r"(?:(?<=..)(?:行动|工程|活动|计划|工作法|模式|经验|机制|创建|项目|运动|会战|援藏|奖学金|助学金|基金)|长制"
    r"|(?<=...)(?<![环春季])节|(?<=..)(?:大讲堂|夜校|夏令营|冬令营)"
    rf"|(?<=[一两二三四五六七八九十])[{CN}]并举"
    r"|(?<=..)(?<![\d一二三四五六七八九十])月)$"
)
# So does a gathering or a contest held, named whole: `组织“周末故事会”`, `每月举办一期“政企早餐会”`,
# `“悦读·藏汉双语朗诵会”率先开场` (of the 14 printed so on the seeds and development pages 11 are
# required, 3 optional; not a reading club, `“帕羊牧民读书会”`); one session held is none
# (`每周六举办1场“亲子故事会”`).
GATHERING = re.compile("(?<=..)(?:朗诵会|故事会|早餐会|分享会|运动会|大赛|竞赛)$")
ONE_SESSION = re.compile(r"(?:\d+|[一两二三四五六七八九十])[场次]$")
# So do words that say where a service goes: `“送文化下乡”`, `“法律进农家”`, `“送教上门”`.
_GOING_TO = (
    r"(?:下乡|上门|下基层|入户|进(?:校园|学校|课堂|社区|乡村|农村|农家|村居|边村|村|寺庙|牧区|"
    r"万家|千家万户|企业|机关|军营|家庭|景区|工地|网格|基层))"
)
GOES = re.compile(_GOING_TO + "$")
# The same words after the marks carry the name to where it goes, when a unit carries it
# out: `推进“扫黄打非”进基层`, `开展“以案释法”进社区、进寺庙活动` (a headline's
# `“百企千岗”进校园` is news of where a fair went).
GOES_AFTER = re.compile(rf"^{_GOING_TO}(?:、{_GOING_TO})*(?:活动)?")
# A quoted body going there does its work, named by no initiative: `“巾帼宣讲团”进村入户宣讲`.
GOES_OUT = re.compile(_GOING_TO)
# Unless they open with the going, saying only where something goes: `电商“进村入户”`.
GOING = re.compile("^[进入下到]")
