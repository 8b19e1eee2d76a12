"""The words of the number grammar (`numbers.py`): units and measure words, and the
qualifiers printed around a number.

Written as text, one word a space, so that a word the papers print is added
where a reader looks for it. Each list says what it is for; `numbers.py` builds
its regular expressions from them.

>>> "人次" in UNITS and QUALIFIER_AFTER["以内"]
'less'
"""

from __future__ import annotations

from typing import Literal

Approx = Literal["exact", "more", "about", "less"]


def vocabulary(text: str) -> list[str]:
    """The words of a vocabulary written as text, one space or line break apart."""
    return text.split()


#: The units and measure words, longest first (the regex alternation takes the
#: first that matches). Compound measure words are units as printed (`人次`,
#: `剂次`, `人份`, the doses of a vaccine for animals `头份`), and so are units whose
#: prefix is part of their name (`千瓦`, `千伏安`). `分` is a score (`95.3分`), after Arabic digits only: `十分` is "very";
#: `字` counts words after digits or a magnitude (`12万字`, not `十字路口`); `把` is no
#: count in `一把手`, nor `番` but after 翻 (`翻了两番多`, not `一番努力`). `单` counts
#: orders (`1.2万单`), `晚` nights (`住了两晚`), `尺` and `寸` lengths (`半尺多`);
#: `个羊单位` counts livestock in sheep units (`1.2万个羊单位`); `个年头` years, as `个月`
#: months (`走了七个年头`). Animals treated are counted in times as people are (`2300万余头次`,
#: `932万只次`, `86.7万羽次`), instruments in sets and pieces (`420台件`), a treatment in
#: courses (`两个疗程`); `县` and `省` count counties and provinces (`全地区7县`, `两省`).
#: `折` is a discount (`门票5折`), `TB` and `GB` sizes of data (`约1.2TB`), `筐` baskets;
#: `路` counts video channels (`探头1800余路`), `发` rounds fired (`炮弹1.9万发`), `股`
#: shares (`每股`, `12股`), all only after digits or a magnitude (not `一路走来`, `一股劲`),
#: and a term is `个学期`; work is counted in days of labour (`1.6万个工日`), tablets given in
#: doses (`106万余片次`); archives in volumes consulted and frames scanned (`6.8万卷次`,
#: `1860万画幅`); `拨` counts groups of guests: the scan reads it after digits (`5拨客人`), or
#: after a numeral in words before people (`三拨游客`, `两拨人`), never in `拨付`, `下拨`;
#: heat is measured in gigajoules (`9000吉焦`), works done in sets and times (`5400余套次`).
#: `秒钟` and `个晚上` are units whole, as `分钟` is (`不到3秒钟`, not `不到3秒`; `三个晚上`).
#: Goods loaded by the truck (`52车`) and hoses by the reel (`水带1360盘`) are counted after
#: digits only (not `一车一档`, `一盘棋`); goals (`312球`, `两球`) and laps (`两圈`) as printed. Stops
#: ridden (`只有两站路`), shots given (`打了两针`) and a crack's width in fingers (`两指宽`)
#: too, after digits only (not `“两站两员”`, `一针一线`); so are declarations, tickets and
#: votes (`报关单2800余票`; not `一票否决`, `一票制`, nor the 票价 of `100票价`).
#: `段` counts pieces of a text or a song (`三段新编唱词`); `季` seasons (`春秋两季`).
#: Platelets are given in therapeutic doses (`机采血小板310个治疗量`).
#: Visits and lessons are counted in times (`380个次`, `1200余节次`), hotel stays in room
#: nights (`1.1万余间夜`), wild animals seen in herds (`17群`, after digits only: not
#: `一群人`); `大板块`, `大领域`… count the parts of a whole (`4大板块`), as `大类` does,
#: read as printed only (`三大领域` is most often a name). Noise is measured in decibels (`55分贝以下`),
#: fibre by the micron (`14.5微米左右`). Buildings checked are counted in visits (`高层建筑510栋次`),
#: as homes are (`户次`).
UNITS: tuple[str, ...] = tuple(
    sorted(
        vocabulary(
            """
        人次 人 名 位 户次 户 家次 家 个月 个季度 个年头 个小时 个星期 个工作日 个百分点 百分点 成 个 次 场次 场 项 条 座 件 所 支 台次 台
        辆次 车次 辆 架次 架 艘次 艘 航次 班次 件次 部 套 张 份 册 本 篇 幅 块 棵 株 头 只 匹 间 栋次 栋 幢 处 批次 批 组 队
        班 期 轮 类 种 门 笔 起 宗 例 步 盏 根 箱 袋 瓶 桶 趟 节 课时 学时 标段 星级 级 学生 群众 党员 干部 村民 居民 农牧民
        游客 职工 元 美元 港元 欧元 平方公里 平方千米 平方米 立方米 公里 千米 米 厘米 毫米 微米 公顷 亩 公斤 千克 克 吨 斤 升 毫升 兆瓦时
        兆瓦 千瓦时 千瓦 瓦时 瓦 千伏安 千伏 伏 摄氏度 ℃ 度 年 天 周 小时 分钟 秒 % ‰ 倍 岁 周岁 床 顶 孔 眼 尊 层 盒 包 串 双
        副 枚 粒 颗 桌 顿 学期 遍 海里 毫克 微克 工日 人日 台套 首 集 封 款 方 平方 羽 尾 面 口
        道 对 基 盆 乡镇 乡 镇 分 剂次 剂 所次 人份 头份 份次 片 列 枝 杯 车道 茬 届 具 把 亩次 番 字
        堂 碗 束 捆 卷 罐 轮次 期次 例次 台班 趟次 回 大类 稿 页 函 册次 日
        单 晚 尺 寸 个羊单位 羊单位 条次 项次 种次
        头次 只次 羽次 匹次 台件 个疗程 疗程 县 省 折 筐 壶 TB GB MB 个学期 路 发 股 个工日 片次 卷次 画幅 拨 吉焦 套次
        秒钟 个晚上 车 盘 球 圈 站 针 指 段 季 个治疗量 治疗量
        个次 节次 间夜 群 票 大板块 大领域 大门类 大产业 大片区 分贝
        """
        ),
        key=len,
        reverse=True,
    )
)
#: `一整天`, `两整年`: 整 between the number and a measure of time says it whole, exact.
WHOLE_UNITS = ("天", "年", "个月", "周", "个星期", "小时", "个小时", "学期")
#: `一个多月`, `两个多小时`, `一分多钟`: 多 inside the measure word; read as 个月, 个小时,
#: 分钟… with more.
MORE_UNITS = ("个多月", "个多小时", "个多星期", "分多钟")
#: Months without 个 are counted only in words and within a limit (`一月内回访`, `两月以内`):
#: `3月内` is a month of the calendar, and so are `一月` alone, `十一月内` and `2024年一月内`.
MONTHS_WITHIN = "月(?<=[一二两三四五六七八九十]月)(?<!十[一二]月)(?<!年.月)(?=(?:以|之)?内)"
#: 两 is a weight (50 g) after a numeral or a half, when no other measure word follows:
#: `两三两`, `二两`, `半两`, `十两`; never `两两` nor `三三两两`, nor the 两 of `三两天`, `半两个月`.
LIANG = "两(?<=[0-9一二三四五六七八九十百半]两)(?![两个年月天日周次人位名家步句声口下])"
#: `两个半月`, `一个半小时`: 半 inside the measure word; read as 个月, 个小时… plus a half.
HALF_INSIDE = ("月", "小时", "星期", "工作日")
#: What a half alone measures: `半天`, `半个月`, `半小时`, `半个多小时`; not `半个世纪`.
HALF_UNITS = (
    *("年", "天", "日", "小时", "个小时", "个月", "周", "个星期", "分钟"),
    *("斤", "公斤", "亩", "米", "公里", "吨", "尺"),
    *MORE_UNITS,
)
#: Measure words that open a word of their own when these characters follow: the 回 of
#: `一回到家`, `一回事`; the 单 of `单位`, `单独`; the 晚 of `七一晚会`, `三十晚上`; the 省
#: of a provincial road (`306省道`) and the 县 of `县城`, `县委`.
WORD_AFTER_UNIT = {
    "回": "到 来 去 家 事 应 复 归 答 顾 报 收 乡 村 族 流 升 落 忆 访 味 头 馈 想 首 暖 迁 转 避",
    "单": "位 元 独 一 人 间 身 亲 纯 调 据 品 车 价 项 列 次 体 打 边 向 排 科 词 字 子",
    "晚": "上 会 饭 餐 间 年 霞 报 宴 点 安 辈 风 秋 稻 班 归 婚 睡 礼 景 期 些 春 夏 冬 清 唐",
    "省": "道 级 委 内 外 份 会 长 市 区 直 政 厅 属 际 心 力 钱 时 事",
    "县": "城 委 级 域 里 区 长 政 乡 直 属 际 市 镇 志 令 委 府 人 医",
    "路": "公 车 口 段 线 面 边 况 灯 费 网 径 标 桥 人 上 由 过",
    "发": "放 展 布 生 现 出 挥 动 力 射 达 起 行 言 给 病 热 电 改 票 证 酵 掘 明 育 售 送 货 包 声 文 帖 表",
    "股": "份 东 权 票 金 民 市 本 骨",
    "车": "间 站 辆 位 队 型 厢 速 程 主 牌 身 载 祸 流 库 棚 检 票 费 险 技 手 头 门 窗 轮 上 行",
    "盘": "活 点 山 查 旋 踞 问 算 子 古 缠 根 腿 绕 剥 道 路",
    "球": "队 场 员 迷 赛 类 馆 拍 门 鞋 衣 技 网 童 星 台 杆 道 体 面 形",
    "圈": "子 舍 养 定 地 点 层 内 外 粉",
    "群": "体 落 岛 山 主 友 聊 组 星 里 内",
    "票": "价 房 据 务 面 证 源 款 选 数 根 夹 箱 友 仓",
}
#: Measure words the scan reads after digits or a magnitude only: `52车`, `水带1360盘`,
#: not `一车一档`, `一盘棋`, `“两站两员”` (the checker reads `两车`, `两站` as printed).
AFTER_DIGITS_ONLY = frozenset(("车", "盘", "站", "针", "指", "拨", "群", "票"))
#: Measure words the checker reads as printed (`春秋两季`, a count of seasons) and the scan
#: never finds: 季 opens 季度 (`前三季度`) and names (`四季吉祥村`, `“四季游”`).
PRINTED_ONLY = frozenset(("季", "大板块", "大领域", "大门类", "大产业", "大片区"))
#: The people a numeral in words counts by 拨, groups of them (`三拨客人`, `两拨游客`):
#: before anything else, the scan reads 拨 after digits only (`5拨`, not `一拨款`).
PEOPLE_IN_GROUPS = vocabulary(
    "客人 游客 人 群众 学生 家长 孩子 队员 志愿者 专家 村民 居民 干部 记者 访客 顾客"
)
#: Two neighbouring digits say "about this many": `七八个`, `两三百`, `十二三度`.
ROUGH_PAIRS = frozenset(vocabulary("一二 一两 两三 二三 三四 四五 五六 六七 七八 八九 三五"))

# Qualifiers printed before the number. The at-least and at-most wordings are
# words of their own: `不少于5000人` is at least 5000 (more), never `少于` (less);
# `不得超过4小时` is at most 4 hours (less), never `超过` (more). `最高5000元`
# (a ceiling) is at most; `最低` (a floor) is at least; so are `最长` and `最短` (`最长3年`).
MORE_BEFORE = vocabulary(
    """
    超过 超过了 逾 多于 高于 大于 超 突破 突破了 不少于 不低于 不小于 至少 最少 最低 最短
    不得少于 不得低于 不能少于 不能低于 不应少于 不应低于
    """
)
ABOUT_BEFORE = vocabulary("大约 大概 约为 约 将近 接近 近 快")
LESS_BEFORE = vocabulary(
    """
    不超过 不到 不足 不满 未满 少于 低于 小于 不高于 不多于 不大于 最多 至多 最高 最长
    不得超过 不得高于 不得多于 不能超过 不能高于 不应超过 不应高于 不宜超过
    """
)
QUALIFIER_BEFORE: dict[str, Approx] = {
    **dict.fromkeys(MORE_BEFORE, "more"),
    **dict.fromkeys(ABOUT_BEFORE, "about"),
    **dict.fromkeys(LESS_BEFORE, "less"),
    "上": "more",  # 上百名, 上千人: only before a bare magnitude
}
#: A qualifier never ends another word: not the 约 of 签约 or 节约
#: (`签约30家企业`), not the 近 of 附近 or 最近 (`最近3天`).
#: Nor the 快 of 加快, 最快 or 尽快 (`增速加快0.3个百分点`, `最快3天送达`), nor the 超 of
#: 商超, the supermarkets counted (`大型商超96家`).
NOT_AFTER = {
    "约": "节签预制公邀合相履违特立条缔践",
    "近": "附最邻靠亲将接",
    "快": "加最尽赶飞很更较越太偏凉痛爽轻明畅愉欢勤提放变",
    "超": "商",
}
#: Words ending in one of those characters after which the qualifier still qualifies:
#: the 约 of `折合约15万元` (worth about), not of a contract (合约).
STILL_AFTER = {"约": ("折合",)}
#: A qualifier read only before the numerals given: 快 is nearly before a number in
#: words (`吵了快一年`, `快半年`), while `比全国快1.2个百分点` compares, faster by so much.
ONLY_BEFORE = {"快": "一二两三四五六七八九十半"}
#: Qualifiers printed after the unit. `3天内`, `3个工作日内` read as `以内`.
QUALIFIER_AFTER: dict[str, Approx] = {
    "左右": "about",
    "上下": "about",
    "以上": "more",
    "及以上": "more",
    "以外": "more",  # a distance beyond so far: `扩大到500公里以外`
    "有余": "more",
    "之多": "more",
    "多一点": "more",  # 一半多一点
    "以下": "less",
    "及以下": "less",
    "以内": "less",
    "之内": "less",
    "内": "less",
}
#: A qualifier after the unit never opens another word: not the 内 of 内容, 内部,
#: 内地 (`16项内容`, `3个内设机构`).
NOT_BEFORE = {"内": "容部地涵外科务需存心陆蒙河控设业勤生销饰镜训审网乡侧层衣"}
#: Nor the first half of a pair of four characters, the 内 of `内畅外联`, `内联外通`
#: (`一张内畅外联的交通网络`): 内, a character, then 外.
NOT_PAIRED = {"内": "外"}
#: Words that may open a raw without changing its reading: "为期10天", "海拔4300米".
NEUTRAL_PREFIXES = vocabulary("为期 海拔 共计 累计 总计 共 高达 多达 达到 达 仅")


def same_unit(given: str, read: str) -> bool:
    """Does a record's unit say what the raw's unit says? A measure word that differs
    only by a leading 个 says the same thing: `一个半小时` may be `个小时` (the
    project's gold) or `小时`, `3个月` may be `个月` or `月`; a bare 个 is never dropped.

    >>> same_unit("小时", "个小时"), same_unit("", "个")
    (True, False)
    """
    if given == read:
        return True
    given_rest, read_rest = given.removeprefix("个"), read.removeprefix("个")
    return bool(read_rest) and given_rest == read_rest
