"""The rules backend on short phrases of the genre: what it reads, and what it leaves alone."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from extractor.check import check_against
from extractor.extract import ordinals, rules, shortened, things, ways
from extractor.extract.campaigns import campaign_names
from extractor.extract.mentions import shorter_name_of
from extractor.models import Article, ArticleRecords


def extract(text: str, title: str = "") -> ArticleRecords:
    return rules.extract(Article(seq=0, title=title, text=text))


# --- metrics --------------------------------------------------------------------

# phrase → raw (as printed, at least), value, value_max, unit, approx
METRICS: list[tuple[str, str, float, float | None, str, str]] = [
    ("参与干部群众1.5万余人次。", "1.5万余人次", 15000, None, "人次", "more"),
    ("墨竹工卡县工业总产值130亿元。", "130亿元", 13000000000, None, "元", "exact"),
    ("共投入本级资金3420万元。", "3420万元", 34200000, None, "元", "exact"),
    ("累计安排衔接资金2.3亿元。", "2.3亿元", 230000000, None, "元", "exact"),
    ("学员们将进行为期10天的技能培训。", "10天", 10, None, "天", "exact"),
    ("此次比赛为期四天。", "四天", 4, None, "天", "exact"),
    ("为辖区孩子们提供为期一个月的课业辅导。", "一个月", 1, None, "个月", "exact"),
    ("今天我们每个化妆师大概做了20到30个妆造。", "20到30个", 20, 30, "个", "exact"),
    ("全县适龄儿童入学率达98.24%。", "98.24%", 98.24, None, "%", "exact"),
    ("全县三分之一的村庄完成改造。", "三分之一", 1 / 3, None, "", "exact"),
    ("工业增加值增速预计实现13%。", "13%", 13, None, "%", "exact"),
    ("整改完成率100%。", "100%", 100, None, "%", "exact"),
    ("农家乐接待量增长4倍。", "4倍", 4, None, "倍", "exact"),
    ("农牧民收入增长2.1倍。", "2.1倍", 2.1, None, "倍", "exact"),
    ("开展安全生产宣讲150余场次。", "150余场次", 150, None, "场次", "more"),
    ("县委、县政府主要领导累计32次深入企业督导检查。", "32次", 32, None, "次", "exact"),
    ("25名县级干部包保矿山。", "25名", 25, None, "名", "exact"),
    ("县级干部包保8座非煤矿山。", "8座", 8, None, "座", "exact"),
    ("十余名志愿者参加活动。", "十余名", 10, None, "名", "more"),
    ("组织20—30名干部参加培训。", "20—30名", 20, 30, "名", "exact"),
    ("为困难群众发放慰问金2万余元。", "2万余元", 20000, None, "元", "more"),
    ("活动中，大家听两名服刑人员现身说法。", "两名", 2, None, "名", "exact"),
    ("共排查出1家工贸行业安全隐患。", "1家", 1, None, "家", "exact"),
    ("每天都有100余名学生来这里学习。", "100余名", 100, None, "名", "more"),
    ("接待游客约4000人次。", "约4000人次", 4000, None, "人次", "about"),
    ("新建蓄水池500立方米左右。", "500立方米左右", 500, None, "立方米", "about"),
    ("不到20人报名参加。", "不到20人", 20, None, "人", "less"),
    ("回收可回收物38744.6公斤。", "38744.6公斤", 38744.6, None, "公斤", "exact"),
    ("在海拔4300米的哨所执勤。", "4300米", 4300, None, "米", "exact"),
    ("新建暖棚80平方米。", "80平方米", 80, None, "平方米", "exact"),
    ("参训人员不少于5000人。", "不少于5000人", 5000, None, "人", "more"),
    ("新增装机容量450万千瓦。", "450万千瓦", 4500000, None, "千瓦", "exact"),
    ("为期半个月的集中整治。", "半个月", 0.5, None, "个月", "exact"),
    ("安装工作用时不到半天。", "不到半天", 0.5, None, "天", "less"),
    ("村里打机井5口。", "5口", 5, None, "口", "exact"),
    ("群众送来锦旗20面。", "20面", 20, None, "面", "exact"),
    # A half, or one, measuring how long something takes; one with a qualifier; a multiple.
    ("路修好以后，半天就能打个来回。", "半天", 0.5, None, "天", "exact"),
    ("材料齐全的话，半个小时就能拿到执照。", "半个小时", 0.5, None, "个小时", "exact"),
    ("大家忙了大半天，终于把积雪清理干净。", "大半天", 0.5, None, "天", "more"),
    ("巡护长则一个星期，夜里就在帐篷里过夜。", "一个星期", 1, None, "个星期", "exact"),
    ("反映后不到一个月，工资就拿到了。", "不到一个月", 1, None, "个月", "less"),
    ("黑青稞价格比普通青稞高出近一倍。", "近一倍", 1, None, "倍", "about"),
    ("今年订了不少藏香，比去年多了一倍。", "一倍", 1, None, "倍", "exact"),
    # A doubling done, as one aimed at.
    ("今年合作社销售额比去年翻了一番。", "一番", 1, None, "番", "exact"),
    ("人均可支配收入比五年前翻了一番多。", "一番多", 1, None, "番", "more"),
    ("获奖作品将在群艺馆展出一个月，并择优推荐参赛。", "一个月", 1, None, "个月", "exact"),
    ("累计签约企业30家。", "30家", 30, None, "家", "exact"),
    # Compound measure words of animals treated, counties counted.
    ("全市累计免疫各类畜禽2300万余头次。", "2300万余头次", 23000000, None, "头次", "more"),
    ("对家犬实行每月定期驱虫，累计驱虫12.8万只次。", "12.8万只次", 128000, None, "只次", "exact"),
    ("全地区7县共组建体检队。", "7县", 7, None, "县", "exact"),
    # A group's age: a life expectancy, an average age.
    ("全地区人均预期寿命提高到72.4岁。", "72.4岁", 72.4, None, "岁", "exact"),
    ("救援队现有队员，平均年龄不到31岁。", "不到31岁", 31, None, "岁", "less"),
    # Animals counted in 头 where the clause names them.
    ("牧民牵着两头装扮一新的牦牛来到赛场。", "两头", 2, None, "头", "exact"),
    # A wind's force and an earthquake's magnitude are measured, not tiers.
    ("城区气温将下降，并伴有5至6级偏西风。", "5至6级", 5, 6, "级", "exact"),
    ("高海拔地区阵风7级以上。", "7级以上", 7, None, "级", "more"),
    ("下午就可能刮起八级以上的大风。", "八级以上", 8, None, "级", "more"),
    ("演练模拟当地发生5.8级地震。", "5.8级", 5.8, None, "级", "exact"),
    # A time 只有 bounds is still how long.
    ("这条路从开工到通车只有一个月。", "一个月", 1, None, "个月", "exact"),
    # A school term a verb ends is how long it lasted.
    ("遴选青年教师到名校挂职锻炼一个学期，回藏后任教。", "一个学期", 1, None, "个学期", "exact"),
]


@pytest.mark.parametrize(
    ("phrase", "raw", "value", "value_max", "unit", "approx"), METRICS, ids=[m[1] for m in METRICS]
)
def test_metric_is_read(
    phrase: str, raw: str, value: float, value_max: float | None, unit: str, approx: str
) -> None:
    metrics = extract(phrase).metrics
    assert len(metrics) == 1, [m.raw for m in metrics]
    metric = metrics[0]
    assert raw in metric.raw and metric.raw in phrase
    assert metric.value == pytest.approx(value, rel=1e-9)
    assert metric.value_max == value_max
    assert (metric.unit, metric.approx) == (unit, approx)
    assert metric.evidence == phrase
    assert metric.label


def test_compound_counts_are_separate_metrics() -> None:
    metrics = extract("累计开展服务2.23万余户7.27万余人次。").metrics
    assert [(m.raw, m.value, m.unit, m.approx) for m in metrics] == [
        ("2.23万余户", 22300, "户", "more"),
        ("7.27万余人次", 72700, "人次", "more"),
    ]


def test_every_count_of_a_sentence_is_read() -> None:
    text = "共排查出6家非煤矿山、6家尾矿库和1家工贸行业安全隐患223个，整改完成185个。"
    metrics = extract(text).metrics
    assert [(m.raw, m.value, m.unit) for m in metrics] == [
        ("6家", 6, "家"),
        ("6家", 6, "家"),
        ("1家", 1, "家"),
        ("223个", 223, "个"),
        ("185个", 185, "个"),
    ]


def test_numbers_in_quoted_speech_are_metrics() -> None:
    text = "“每天都有100余名学生来这里学习，家长们都很满意。”吉崩岗街道党工委副书记次仁央宗说。"
    assert [(m.raw, m.value) for m in extract(text).metrics] == [("100余名", 100)]


# phrase → raw, label: what is counted, a phrase of the sentence in whole words
LABELS: list[tuple[str, str, str]] = [
    # Never cut inside a word: not `产检查和政策法规宣讲`, `群众参`, `年该市共发放培训补贴`.
    ("开展安全生产检查和政策法规宣讲90余场次。", "90余场次", "安全生产检查和政策法规宣讲"),
    ("带动6.2万名群众参与产业发展。", "6.2万名", "带动群众"),
    ("2024年该市共发放培训补贴1200万元。", "1200万元", "发放培训补贴"),
    # The noun after a measure word is what it counts; list items are each their own.
    ("25名县级干部包保8座非煤矿山、17座尾矿库。", "17座", "尾矿库"),
    ("今年共有50名参与者。", "50名", "参与者"),  # `共有` only says how many
    # A list is read as its kind.
    (
        "市场监管部门检查电梯、锅炉、气瓶等特种设备1.4万余台。",
        "1.4万余台",
        "市场监管部门检查特种设备",
    ),
    # Words that only open a clause are left out.
    ("累计排查农村自建房1.36万栋。", "1.36万栋", "排查农村自建房"),
    # A change is the change of what the clause, or the clause before, reports.
    ("第一产业增加值14.86亿元，增长5.2%。", "5.2%", "第一产业增加值增长"),
    ("医院门诊量达4.6万人次，同比增长18.5%。", "18.5%", "医院门诊量同比增长"),
    ("新生儿重症监护病房床位由8张增加到20张。", "20张", "新生儿重症监护病房床位增加"),
    ("全市市场经营主体突破5万户，达到5.08万户。", "5.08万户", "全市市场经营主体"),
    # Counts printed together share the words before the first.
    ("惠及群众1520户6130人。", "6130人", "惠及群众"),
]


@pytest.mark.parametrize(("phrase", "raw", "label"), LABELS, ids=[f"{m[1]}-{m[2]}" for m in LABELS])
def test_label_says_what_is_counted(phrase: str, raw: str, label: str) -> None:
    metrics = {m.raw: m.label for m in extract(phrase).metrics}
    assert metrics[raw] == label


# Phrases whose numbers are no metric: dates and times, ordinals, names, slogans,
# codes, the article 一, ages, words without a number.
NOT_METRICS = [
    "2024年，城关区将进一步做强城区。",
    "11月29日，城关区召开会议。",
    "1月15日，记者从市气象台了解到。",
    "当日10时，活动正式开始。",
    "自第二批主题教育开展以来，各单位扎实推进。",
    "今天是第8个国家宪法日。",
    "第六轮巡察工作启动。",
    "深入学习市委十届七次全会精神。",
    "今年是实施“十四五”规划的关键之年。",
    "推进“四个创建”的攻坚之年。",
    "墨竹工卡县“五措并举”把稳安全生产关。",
    "推广维巴村“1+3”农村改革试点模式。",
    "G318国道沿线开展环境整治。",
    "深入实施八大行动。",
    "推动四下基层制度落地见效。",
    "作为一名党员，我深感责任重大。",
    "集中力量抓好办成一件事。",
    "织密基层治理一张网。",
    "一位6岁的孩子在家中玩耍。",
    "多个部门联合开展检查。",
    "一些群众反映停车难。",
    "几位老人在广场上聊天。",
    "上半年在文创园区一个工地上干活。",
    # Numbers that say when, not how much; ordinals, ranks and terms.
    "两年前，牧民一家搬进了新居。",
    "小区建于上世纪90年代。",
    "四年级学生在操场上升旗。",
    "初二学生央金说，今天学到了很多。",
    "阿里与藏中电网联网工程二期按期完工。",
    "三次产业协同发力。",
    "旅游收入实现两位数增长。",
    "九年义务教育巩固率稳步提升。",
    "在巴宜区八一镇，执法人员接到举报。",
    "以前住的土坯房冬天四处漏风。",
    "增速位居全地区前两位。",
    "行业主管部门每半年组织复查。",
    "据统计，近三年全县农房抗震改造稳步推进。",
    # The article 一: a day of a story, a rate's span, a year of a story.
    "11月中旬的一天，记者来到检查站。",
    "以前在工地上干，一个月能挣不少钱。",
    "今年是规划目标任务的关键一年，要紧盯目标。",
    "道路千万条，安全第一。",
    "游客来自四面八方。",
    "签订三方协议。",
    "一家三口之家其乐融融。",
    # A crowd, not layers; counties and provinces named again after their names.
    "不一会儿便围了里三层外三层。",
    "今年白朗、江孜、拉孜三县收割进度较快。",
    "在河北、陕西两省援藏力量的支持下，医院建起了影像中心。",
    "全年粤闽两省共安排援藏资金。",
    # Counties counted in words are counties named again; a count after the quoted list
    # it counts; the two families of a story.
    "边坝县、洛隆县将食责险推广与建设结合推进，两县参保餐饮单位持续增加。",
    "乃东大队实行“早高峰、晚高峰、夜查”三班轮换勤务模式。",
    "城关区推行“隐患清单、整改清单、责任清单”三单管理。",
    "王老师跑了好几趟，把两家人请到一起坐下来。",
    # A year said with the year it is (去年一年); years that name a policy or a term.
    "去年一年，旦增卓玛跟随巡诊队出诊。",
    "全地区全面落实十五年免费教育和“三包”政策。",
    "安置点配套建设的九年一贯制学校开学了。",
    "学前三年毛入园率稳步提高。",
    "山南市全面落实15年公费教育政策。",
    "孩子一个学期长高了不少。",
    # The year a report looks back on; both ends; every other day.
    "报告显示，过去一年，全市经济运行稳中有进。",
    "家门口就能挣钱，两头都不耽误。",
    "过去一到冬天，水管三天两头冻住。",
    # A story's emphasis; one person's time of two units.
    "以前上山一走就是一整天，跟家里联系不上。",
    "木碗很快就卖出了一大半。",
    "外科主任王建国来噶尔县已经一年零四个月。",
    # The first months of a year say when.
    "前8个月，经开区规模以上工业增加值稳步增长。",
    "通过直播带货，前10个月已经卖出不少青稞酒。",
    # How little there was in a then-and-now story; both of the two just named.
    "山高谷深，过去进出只有一条沿着峡谷的土路。",
    "以前卫生室只有一间土坯房。",
    "新织机效率高，两种各有各的好处。",
    "如今两人都回到了课堂。",
    "最终双方同意水渠改道，两家各让了步。",
    # A class named by its year; which floor; a weekday before 集中; shift systems.
    "全地区2026届高校毕业生已实现就业。",
    "家住一栋楼7层的格桑曲珍打开水龙头。",
    "在大殿二层的经堂里，修复人员正在工作。",
    "群众每周六集中清理卫生死角。",
    "加工车间也从原来的一班倒变成了两班倒。",
    "供暖季我们四班三倒，一刻也不能松懈。",
    # A clock reading of a race or a drill: minutes and seconds.
    "骑手扎西次仁以5分42秒的成绩夺得冠军。",
    "全校师生在警报响起后1分40秒内全部撤离。",
    # Year by year; the region's standing priorities.
    "鹤群一年比一年多，说明水草越来越好了。",
    "当雄县牢牢把握稳定、发展、生态、强边四件大事。",
    # Tiers stay tiers.
    "构建县、乡、村三级应急体系。",
    "将草场划分为高、中、低三级风险区域。",
]


@pytest.mark.parametrize("phrase", NOT_METRICS)
def test_no_metric(phrase: str) -> None:
    assert [m.raw for m in extract(phrase).metrics] == []


def test_exclusions_leave_the_real_counts() -> None:
    text = "2024年1月15日10时，第二批25名党员在“四个创建”活动中走访群众130户。"
    assert [(m.raw, m.value, m.unit) for m in extract(text).metrics] == [
        ("25名", 25, "名"),
        ("130户", 130, "户"),
    ]


def test_a_number_printed_again_with_the_same_meaning_is_one_metric() -> None:
    """The same count of the same thing (`21个边境小康村`), or the same rating
    (`110千伏`), printed again in one article is one metric; the same number of
    other things (`2名` doctors, `2名` teachers) is two."""
    text = (
        "全县建成21个边境小康村。县里在21个边境小康村推行积分制，"
        "实现21个边境小康村通硬化路。新建110千伏变电站3座，"
        "届时全县将实现110千伏电网全覆盖。卫生院配有医生2名，学校配有营养员2名。"
    )
    counts = [(m.raw, m.unit) for m in extract(text).metrics]
    assert counts.count(("21个", "个")) == 1
    assert counts.count(("110千伏", "千伏")) == 1
    assert counts.count(("2名", "名")) == 2


def test_a_place_counted_with_its_alternative_in_brackets_is_the_place_counted() -> None:
    """`12个县（市、区）的…` counts 县 however the words after the brackets run on: printed
    twice, one metric; `8个乡（镇）` and `8个小组` stay two."""
    text = (
        "援藏教师覆盖12个县（市、区）的28所中小学，足迹遍布山南12个县（市、区）的乡村牧场。"
        "干部分成8个小组，深入8个乡（镇）走访。"
    )
    counts = [m.raw for m in extract(text).metrics]
    assert counts.count("12个") == 1
    assert counts.count("8个") == 2


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("市委宣传部有关负责人表示，将推动文化资源向基层倾斜。", "市委宣传部有关负责人"),
        ("县委统战部负责人介绍，下一步将推进创建活动向寺庙延伸。", "县委统战部负责人"),
    ],
)
def test_a_departments_official_speaks_as_the_office(text: str, office: str) -> None:
    """The characters before a title are no name when they end a department (`宣传部`)."""
    assert [q.speaker for q in extract(text).quotes] == [office]


def test_a_pronoun_past_a_title_cut_from_a_longer_word_is_the_speaker_before() -> None:
    """`裁判员和工作人员260余名` between the speaker and `他说` names no one else: the
    pronoun is the vice director's, not `员和`'s."""
    text = (
        "市体育局副局长达瓦平措表示,运动会每三年举办一届。"
        "近年来,全市中小学生每天校园体育活动时间不少于1小时。"
        "本届运动会共选派裁判员和工作人员260余名,招募志愿者150名,"
        "医院还在各赛场设立了医疗保障点。他说,今年全市还将举办校园足球联赛。"
    )
    speakers = [(q.speaker, q.text[:4]) for q in extract(text).quotes]
    assert ("达瓦平措", "今年全市") in speakers
    assert all(name == "达瓦平措" for name, _ in speakers)


def test_a_number_only_the_headline_prints_is_a_metric_of_the_article() -> None:
    """`——新增床位70张`: the subtitle's number, which the body does not print, is the
    article's; a number both print is one metric, and the checker accepts both."""
    article = Article(
        seq=0,
        title="县医院新住院楼投入使用",
        subtitle="新增床位70张 藏医科同步开诊",
        text="县医院新住院楼日前投入使用，投资4600万元。提前两个月完工，投资4600万元不变。",
    )
    records = rules.extract(article)
    assert sorted(m.raw for m in records.metrics) == ["4600万元", "70张", "两个月"]
    checked = check_against(article, records)
    assert not checked.rejected


def test_a_count_of_the_same_thing_with_a_bracketed_alternative_is_one_metric() -> None:
    """`7个乡(镇)卫生院` and `7个乡（镇）卫生院`: the alternative in brackets, half or full
    width, does not hide the thing counted."""
    text = (
        "县里投入资金，对全县7个乡(镇)卫生院进行改扩建。"
        "县人民医院与全县7个乡（镇）卫生院实现远程会诊。"
    )
    assert [m.raw for m in extract(text).metrics].count("7个") == 1


def test_a_count_named_again_by_its_noun_alone_is_one_metric() -> None:
    """`11座小型水库` then `11座水库下游`: the noun the first's words end with, counted
    again, is the same count; `8届来看艺术节` then `8届艺术节` opens with a verb and
    stays two."""
    text = (
        "水利局对全县11座小型水库开展汛前安全鉴定。在11座水库下游的村庄张贴了路线图。"
        "他已经连续8届来看艺术节。8届艺术节累计演出430场。"
    )
    raws = [m.raw for m in extract(text).metrics]
    assert raws.count("11座") == 1 and raws.count("8届") == 2


def test_villages_counted_alone_are_the_same_villages() -> None:
    """`三个村新建蓄水池` then `三个村群众`: villages counted alone, whatever follows, are
    one count; `5个村级` and `5个村` stay two."""
    text = (
        "为达修村、嘎玛村、拉多村三个村新建蓄水池8座。三个村群众的自来水入户率达到100%。"
        "选出5个村级示范点，另有5个村申报。"
    )
    raws = [m.raw for m in extract(text).metrics]
    assert raws.count("三个") == 1 and raws.count("5个") == 2


def test_a_zero_in_words_opening_a_word_is_no_metric() -> None:
    """`汽车零部件`, `零成本`: the zero opens a word; `零度上下` is a temperature."""
    text = "精选出汽车零部件生产等岗位。推行企业开办零成本。气温还在零度上下。"
    assert [m.raw for m in extract(text).metrics] == ["零度上下"]


# --- quotes ---------------------------------------------------------------------

# phrase → speaker, speaker_title, the words (without closing punctuation), kind
QUOTES: list[tuple[str, str, str | None, str, str]] = [
    (
        "城关区农业农村局四级调研员杨春参加座谈。"
        "“今年我们要把推进乡村全面振兴作为总抓手，集中力量抓可感可及的实事，”杨春说。",
        "杨春",
        "城关区农业农村局四级调研员",  # the title the article prints with the name
        "今年我们要把推进乡村全面振兴作为总抓手，集中力量抓可感可及的实事",
        "direct",
    ),
    (
        "“今年我们要把推进乡村全面振兴作为总抓手，集中力量抓可感可及的实事，”"
        "城关区农业农村局四级调研员杨春说。",
        "杨春",
        "城关区农业农村局四级调研员",
        "今年我们要把推进乡村全面振兴作为总抓手，集中力量抓可感可及的实事",
        "direct",
    ),
    (
        "该公司生产部经理普赤告诉记者：“我们公司对所有进厂的原材料都严格把关。”",
        "普赤",
        "该公司生产部经理",
        "我们公司对所有进厂的原材料都严格把关",
        "direct",
    ),
    (
        "“我们将继续加强学习，坚决执行两会安排部署，努力为高新区高质量发展贡献力量。”"
        "柳梧街道办事处人大专干索朗拉姆说。",
        "索朗拉姆",
        "柳梧街道办事处人大专干",
        "我们将继续加强学习，坚决执行两会安排部署，努力为高新区高质量发展贡献力量",
        "direct",
    ),
    (
        "柳梧街道办事处人大专干索朗拉姆说：“我们将继续加强学习，坚决执行两会安排部署。”",
        "索朗拉姆",
        "柳梧街道办事处人大专干",
        "我们将继续加强学习，坚决执行两会安排部署",
        "direct",
    ),
    (
        "游客徐女士在便签留言道：“拉萨的交警真是太贴心了，为你们点赞！”",
        "徐女士",
        "游客",
        "拉萨的交警真是太贴心了，为你们点赞",
        "direct",
    ),
    (  # a surname addressed after a title the vocabulary lacks
        "“宿舍里装了电暖器和报警器，晚上睡觉心里踏实多了。”来自四川的钢筋工刘师傅告诉记者。",
        "刘师傅",
        "钢筋工",
        "宿舍里装了电暖器和报警器，晚上睡觉心里踏实多了",
        "direct",
    ),
    (
        "木如社区的西增拉姆小朋友说：“今天我们看了《雪域少年》这部影片，让我感触很深。”",
        "西增拉姆",
        "木如社区小朋友",
        "今天我们看了《雪域少年》这部影片，让我感触很深",
        "direct",
    ),
    (
        "会上，市委常委、常务副市长、安全生产整治行动专班组长占堆出席会议并讲话。"
        "占堆指出，城乡环境综合大整治行动是市委、市政府作出的重大决策部署。",
        "占堆",
        "市委常委、常务副市长、安全生产整治行动专班组长",
        "城乡环境综合大整治行动是市委、市政府作出的重大决策部署",
        "indirect",
    ),
    (
        "市委常委、常务副市长、安全生产整治行动专班组长占堆指出，"
        "城乡环境综合大整治行动是市委、市政府作出的重大决策部署。",
        "占堆",
        "市委常委、常务副市长、安全生产整治行动专班组长",
        "城乡环境综合大整治行动是市委、市政府作出的重大决策部署",
        "indirect",
    ),
    (
        "城关区乡村振兴局局长次仁卓嘎表示，新的一年，城关区乡村振兴局将以脱贫群众持续稳定增收为目标。",
        "次仁卓嘎",
        "城关区乡村振兴局局长",
        "新的一年，城关区乡村振兴局将以脱贫群众持续稳定增收为目标",
        "indirect",
    ),
    (
        "据拉萨市篮球协会负责人罗布旺久介绍，此次比赛为期四天，由拉萨市体育局主办。",
        "罗布旺久",
        "拉萨市篮球协会负责人",
        "此次比赛为期四天，由拉萨市体育局主办",
        "indirect",
    ),  # Quoted words need no role to be someone's: the marks say someone spoke.
    (
        "“今年我们要把推进乡村全面振兴作为总抓手，集中力量抓可感可及的实事，”杨春说。",
        "杨春",
        None,
        "今年我们要把推进乡村全面振兴作为总抓手，集中力量抓可感可及的实事",
        "direct",
    ),
    (
        "普赤告诉记者：“我们公司对所有进厂的原材料都严格把关。”",
        "普赤",
        None,
        "我们公司对所有进厂的原材料都严格把关",
        "direct",
    ),
    (
        "“我是一名在校大学生，第一次参加这样的比赛，特别开心！”参赛运动员平措兴奋地告诉记者。",
        "平措",
        "参赛运动员",
        "我是一名在校大学生，第一次参加这样的比赛，特别开心",
        "direct",
    ),
    (
        "格桑赤列就是网格员之一。“我是一名党员，每当我解决一件事，家乡就会变得更好。”格桑赤列说。",
        "格桑赤列",
        None,
        "我是一名党员，每当我解决一件事，家乡就会变得更好",
        "direct",
    ),
    (  # a name in parts a dot joins, whole
        "首趟专线司机买买提·艾力说，这条路他跑了十几年，现在有了冷藏车，心里踏实多了。",
        "买买提·艾力",
        "首趟专线司机",
        "这条路他跑了十几年，现在有了冷藏车，心里踏实多了",
        "indirect",
    ),
    (  # printed with another dot, kept as printed
        "“路通了，冬天也能按时把货送到，心里踏实多了。”货车司机阿依古丽•吐尔逊笑着说。",
        "阿依古丽•吐尔逊",
        "货车司机",
        "路通了，冬天也能按时把货送到，心里踏实多了",
        "direct",
    ),
    (  # after a title the vocabulary lacks
        "“今年冬草场的草长得好，牛羊都肥。”维修工买买提・艾力一边擦车一边说。",
        "买买提・艾力",
        "维修工",
        "今年冬草场的草长得好，牛羊都肥",
        "direct",
    ),
    (  # what the person has just done before speaking is no part of the name
        "民警向村民讲解新型毒品的危害。村民仁青听完后说：“以前只知道毒品害人，回去一定要提醒孩子。”",
        "仁青",
        "村民",
        "以前只知道毒品害人，回去一定要提醒孩子",
        "direct",
    ),
    (
        "“这些老物件让我想起了小时候的日子。”游客王女士参观完展览后告诉记者。",
        "王女士",
        "游客",
        "这些老物件让我想起了小时候的日子",
        "direct",
    ),
    (
        "村民卓玛听了民警的讲解后说，以后接到陌生电话一定多留个心眼。",
        "卓玛",
        "村民",
        "以后接到陌生电话一定多留个心眼",
        "indirect",
    ),
    (
        "牧民扎西想了想说，今年打算再买20只羊，把圈舍也翻修一下。",
        "扎西",
        "牧民",
        "今年打算再买20只羊，把圈舍也翻修一下",
        "indirect",
    ),
    (
        "“护理员每周来两次，帮他擦洗、翻身，我轻松多了。”老伴卓嘎说。",
        "卓嘎",
        "老伴",  # kin before a name is a title
        "护理员每周来两次，帮他擦洗、翻身，我轻松多了",
        "direct",
    ),
    (
        "“水渠通了，这片地再也不愁旱了。”养殖大户格桑站在自家的牛棚前说。",
        "格桑",
        "养殖大户",  # where the speaker stands is no part of the reference
        "水渠通了，这片地再也不愁旱了",
        "direct",
    ),
    (
        "“今年的虫草收得比往年少，价格却高了不少。”比如县白嘎乡虫草收购商次仁旺堆说。",
        "次仁旺堆",
        "比如县白嘎乡虫草收购商",
        "今年的虫草收得比往年少，价格却高了不少",
        "direct",
    ),
    (
        "乡政府办主任罗布久美表示，今年全乡新修灌溉水渠12公里。",
        "罗布久美",  # 久美 is a proper noun of the dictionary, a half of the name
        "乡政府办主任",
        "今年全乡新修灌溉水渠12公里",
        "indirect",
    ),
    (
        "“全村的健康档案都在这里。”村医次旦翻开厚厚的随访本说。",
        "次旦",  # what the speaker takes in hand is no part of the reference
        "村医",
        "全村的健康档案都在这里",
        "direct",
    ),
    (
        "“这是去年的收成记录。”合作社理事长扎西拿出自己的笔记本说。",
        "扎西",
        "合作社理事长",
        "这是去年的收成记录",
        "direct",
    ),
]


@pytest.mark.parametrize(
    ("phrase", "speaker", "title", "words", "kind"), QUOTES, ids=[f"{q[1]}-{q[4]}" for q in QUOTES]
)
def test_quote_is_attributed(
    phrase: str, speaker: str, title: str | None, words: str, kind: str
) -> None:
    quotes = extract(phrase).quotes
    assert len(quotes) == 1, [(q.speaker, q.text) for q in quotes]
    quote = quotes[0]
    assert (quote.speaker, quote.speaker_title, quote.kind) == (speaker, title, kind)
    assert quote.text.rstrip("，,。！？") == words


def test_a_following_instruction_is_a_quote_of_its_own() -> None:
    text = (
        "市委常委、常务副市长占堆出席会议。"
        "占堆指出，城乡环境综合大整治行动是市委、市政府作出的重大决策部署。"
        "占堆强调，各级各部门要压实责任，确保整治工作取得实效。"
    )
    quotes = extract(text).quotes
    assert [(q.speaker, q.kind, q.text.rstrip("。")) for q in quotes] == [
        ("占堆", "indirect", "城乡环境综合大整治行动是市委、市政府作出的重大决策部署"),
        ("占堆", "indirect", "各级各部门要压实责任，确保整治工作取得实效"),
    ]


# Statements of organisations, meetings, reports and groups; questions; slogans.
NOT_QUOTES = [
    # A demand in marks: `要按照` is no one's name (按照 is a word; no surname opens it).
    "会议要求，各县（区）要按照“一乡一方案、一村一台账”要求，逐村排查棚圈。",
    "市气象台建议，周前期有较明显降雪天气，需加强道路交通安全工作。",
    "市消协提醒，消费者办理预付卡时要选择信誉良好的经营者。",  # an association, shortened
    "县妇联表示，将继续为困难妇女办实事。",
    "交警部门提示，道路千万条，安全第一，希望广大驾驶人提高交通安全意识。",
    "会议指出，要把产业作为强市之要，农牧产业要稳产增效。",
    "政府工作报告中指出，2024年要多措并举推进乡村振兴。",
    "干部职工纷纷表示，该报告内容具体，主题鲜明，措施有力。",
    "各街道和村(社区)负责人纷纷表示，带着问题考察学习受益良多。",
    "墨竹工卡县采取“五措并举”，全力把稳安全生产关口。",
    "坚持在统筹发展与安全上真正树牢“人民至上、生命至上”的理想信念。",
    "记者问：“这次活动有哪些新变化？”",
    # Reported speech needs a person the text names: these are not names.
    "同时指出，要把产业作为强市之要。",
    "对此表示，将进一步加强监管。",
    "“我们将继续加强学习，坚决执行部署。”大家纷纷表示。",
    "“这次培训让我们收获很大，受益匪浅。”当地村民说。",
    # a verb of saying joined to another word by 和: a noun, no one speaks
    "公安机关会同驻村工作队加强对出境务工人员的摸排和提醒，劝返有倾向的人员17名。",
    "社区加强对独居老人的走访和提醒，及时排查家中安全隐患。",
]


@pytest.mark.parametrize("phrase", NOT_QUOTES)
def test_no_quote(phrase: str) -> None:
    assert [(q.speaker, q.text) for q in extract(phrase).quotes] == []


# An article's text → every quote in it: (speaker, title, kind, the words' opening).
# Each reads a way the genre gives words to someone; the words are the rules' own.
ARTICLE_QUOTES: list[tuple[str, list[tuple[str, str | None, str, str]]]] = [
    (  # a quotation closed by its own stop, after a subheading the page ran into it
        "茶园上山，林木护茶“过去种茶要砍树，现在是在林子里种茶。”"
        "村党支部书记次仁旺姆一边给记者指着茶垄，一边介绍。",
        [("次仁旺姆", "村党支部书记", "direct", "过去种茶要砍树")],
    ),
    (  # a pronoun's 要求 with no comma directs all the same
        "“冬季是火灾高发期。”消防救援大队大队长张宇说，大队将开展专项行动。"
        "他要求全体指战员严格落实驻勤备战制度，确保第一时间出动。",
        [
            ("张宇", "消防救援大队大队长", "direct", "冬季是火灾高发期"),
            ("张宇", "消防救援大队大队长", "indirect", "大队将开展专项行动"),
            ("张宇", "消防救援大队大队长", "indirect", "全体指战员严格落实驻勤备战制度"),
        ],
    ),
    (  # a pronoun that continues a named speaker, with 强调 and 要求: a quote each
        "县应急管理局局长王红梅出席会议并讲话。她指出，今冬明春安全形势复杂。"
        "她强调，要把隐患排查做细做实。她要求，各乡镇要建立台账，限期整改。",
        [
            ("王红梅", "县应急管理局局长", "indirect", "今冬明春安全形势复杂"),
            ("王红梅", "县应急管理局局长", "indirect", "要把隐患排查做细做实"),
            ("王红梅", "县应急管理局局长", "indirect", "各乡镇要建立台账"),
        ],
    ),
    (  # a herder named by a given name only, before and after the quotation
        "牧民多吉赶着羊群回到定居点。“草场分到户以后，放牧有了规矩，收入也稳了。”多吉笑着说。",
        [("多吉", "牧民", "direct", "草场分到户以后")],
    ),
    (  # a name and a verb before a colon, the quotation going on in a new paragraph
        "合作社理事长扎西顿珠告诉记者：“刚成立时只有5户社员，大家心里没底。\n"
        "“现在社员有86户，牦牛肉卖到了区外。”",
        [("扎西顿珠", "合作社理事长", "direct", "刚成立时只有5户社员，大家心里没底。现在")],
    ),
    (  # a deputy with a long title
        "自治区人大代表、日土县热帮乡某村党支部书记次旦说，村里今年新建了3座温室大棚。",
        [("次旦", "自治区人大代表、日土县热帮乡某村党支部书记", "indirect", "村里今年新建")],
    ),
    (  # what one says after a quotation and a comma goes on as reported speech
        "“有了这个平台，我们的牦牛肉卖到了全国。”理事长顿珠说，今年销售额突破了200万元。",
        [
            ("顿珠", "理事长", "direct", "有了这个平台"),
            ("顿珠", "理事长", "indirect", "今年销售额突破了200万元"),
        ],
    ),
    (  # reported words that end with a quotation of the same speaker's, after a comma
        "学员次珍说，她打算学成后开一家缝纫店，“在家门口挣钱，还能照顾孩子”。",
        [
            ("次珍", "学员", "indirect", "她打算学成后开一家缝纫店"),
            ("次珍", "学员", "direct", "在家门口挣钱，还能照顾孩子"),
        ],
    ),
    (  # a short sentence in marks at the end of someone's sentence
        "护林员索朗对记者说，他守这片林子已经十年了，“林子就是我的家”。",
        [
            ("索朗", "护林员", "indirect", "他守这片林子已经十年了"),
            ("索朗", "护林员", "direct", "林子就是我的家"),
        ],
    ),
    (  # a title the vocabulary lacks, read off the name
        "“一把藏香要经过十多道工序，光晾晒就要三天。”女工卓玛一边忙活一边说。",
        [("卓玛", "女工", "direct", "一把藏香要经过十多道工序")],
    ),
    (  # the official of one unit, named by office only
        "县住建局相关负责人表示，全县今年将改造老旧小区12个。",
        [("县住建局相关负责人", None, "indirect", "全县今年将改造老旧小区12个")],
    ),
    (  # a remark quoted as someone's instruction
        "全县干部认真学习习近平总书记“绿水青山就是金山银山”的重要论述，守护好生态。",
        [("习近平", "总书记", "direct", "绿水青山就是金山银山")],
    ),
    (  # the reporter's question is no quote; the answer is
        "“这个项目什么时候完工？”记者问。“预计年底前完工。”项目负责人李强回答。",
        [("李强", "项目负责人", "direct", "预计年底前完工")],
    ),
    (  # a name followed by what the person does, after the quotation
        "“我家入股了12亩地，今年分了8000多元。”村民次仁多吉拿着分红款，笑得合不拢嘴。",
        [("次仁多吉", "村民", "direct", "我家入股了12亩地")],
    ),
    (  # a title the vocabulary lacks, and the verb after a comma
        "“以前自己在家织，还要发愁卖给谁。”织工央宗一边穿梭引线，一边告诉记者。",
        [("央宗", "织工", "direct", "以前自己在家织")],
    ),
    (  # a pronoun after someone named with a title and an ordinary verb
        "会上，县政协委员、县医院副院长周丽列席会议。她说，医院将继续完善远程医疗网络。",
        [("周丽", "县政协委员、县医院副院长", "indirect", "医院将继续完善远程医疗网络")],
    ),
    (  # someone an age introduces
        "今年26岁的次仁大学毕业后回到村里，当起了合作社的会计。他说，合作社的账目每个月都公示。",
        [("次仁", None, "indirect", "合作社的账目每个月都公示")],
    ),
    (  # names in parts printed with other dots: the checker takes them as printed
        "“路通了，冬天也能按时把货送到，心里踏实多了。”货车司机阿依古丽•吐尔逊笑着说。"
        "牧民叶尔兰・努尔兰别克告诉记者：“今年冬草场的草长得好，牛羊都肥。”",
        [
            ("阿依古丽•吐尔逊", "货车司机", "direct", "路通了"),
            ("叶尔兰・努尔兰别克", "牧民", "direct", "今年冬草场的草长得好"),
        ],
    ),
    (  # a pronoun after a surname and an honorific, past someone named before
        "野生动物保护科科长洛桑说，黑颈鹤越冬数量逐年增加。\n"
        "据了解，沿线县累计投入湿地保护修复资金2800余万元。\n"
        "在观鸟点，来自上海的摄影爱好者陈先生已经是第三个冬天来这里拍鹤。"
        "他说，今年河边的鹤群明显多了，秩序也比前几年好得多。",
        [
            ("洛桑", "野生动物保护科科长", "indirect", "黑颈鹤越冬数量逐年增加"),
            ("陈先生", "摄影爱好者", "indirect", "今年河边的鹤群明显多了"),
        ],
    ),
    (  # 她 is no 先生
        "在观鸟点，游客李女士和陈先生正在拍鹤。她说，今年的鹤群比往年多了不少。",
        [("李女士", "游客", "indirect", "今年的鹤群比往年多了不少")],
    ),
    (  # a term in marks inside reported words is part of them, not a quote of its own
        "副县长周平在调研时指出，要坚持“一村一策”，因村施策，把产业做实。",
        [("周平", "副县长", "indirect", "要坚持“一村一策”，因村施策")],
    ),
    (  # 他 is the subject of the sentence before, not the object of its preposition
        "岗巴镇的牧民多吉对驻村工作队队长李强印象很深。他说，以前村里没有路，"
        "李强来了以后修通了公路。",
        [("多吉", "牧民", "indirect", "以前村里没有路")],
    ),
    (  # 他 is the craftsman the sentence before opens with, not the speaker before it
        "村委会主任格桑说，全村今年修通了道路。参与修路的本村工匠扎西平措去年拿到了结业证书。"
        "他说，现在找他干活的人多了。",
        [
            ("格桑", "村委会主任", "indirect", "全村今年修通了道路"),
            ("扎西平措", "本村工匠", "indirect", "现在找他干活的人多了"),
        ],
    ),
    (  # 她 is the retired worker just named, not the manager quoted before
        "“菜价稳住了，大家心里也踏实。”市场经理王海说。在城北社区的销售点，"
        "退休职工央宗一口气买了两袋面粉。“比超市便宜，离家也近。”她说。",
        [
            ("王海", "市场经理", "direct", "菜价稳住了"),
            ("央宗", "退休职工", "direct", "比超市便宜"),
        ],
    ),
    (  # 她 is the student of 高三 (a school year, no count), not the teacher before
        "高中教师白玛说，学校今年本科上线率提高了。高三学生央金今年考入了四川大学。"
        "她告诉记者，老师们教给她的不只是解题方法。",
        [
            ("白玛", "高中教师", "indirect", "学校今年本科上线率提高了"),
            ("央金", "高三学生", "indirect", "老师们教给她的不只是解题方法"),
        ],
    ),
    (  # 他 is the coach the sentence before says who he is, not the secretary quoted before
        "乡党委书记王强告诉记者，联赛办得很热闹。球队的主教练是当地小学体育老师多吉。"
        "他告诉记者，队里最小的队员才17岁。",
        [
            ("王强", "乡党委书记", "indirect", "联赛办得很热闹"),
            ("多吉", "当地小学体育老师", "indirect", "队里最小的队员才17岁"),
        ],
    ),
    (  # a title's last character and a surname make a word (长孙): still a title and a name
        "“招商更要靠服务。”副县长孙浩然介绍，县里实行领导包联制度。",
        [
            ("孙浩然", "副县长", "direct", "招商更要靠服务"),
            ("孙浩然", "副县长", "indirect", "县里实行领导包联制度"),
        ],
    ),
    (  # where one works, or the job one does, introduces the one a pronoun stands for
        "副主任达瓦说，园区今年招录员工2300多人。在康源公司质检部工作的央宗去年毕业，"
        "她告诉记者，公司安排了师傅带教。在建材企业当叉车司机的多吉是去年进厂的。"
        "“培训了45天，考了证。”他笑着说。获得一等奖的是退役军人次仁的项目。"
        "他说，下一步准备把产品销到区外去。",
        [
            ("达瓦", "副主任", "indirect", "园区今年招录员工2300多人"),
            ("央宗", None, "indirect", "公司安排了师傅带教"),
            ("多吉", None, "direct", "培训了45天"),
            ("次仁", "退役军人", "indirect", "下一步准备把产品销到区外去"),
        ],
    ),
    (  # a quotation after reported words goes on them; one after its sentence's subject
        "站长卓玛说，服务站每月组织一次活动。“我们想把这里办成老兵的家。”"
        "村民拉姆熟练地将藏香装箱封口，“以前一年收入不到两万元。”",
        [
            ("卓玛", "站长", "indirect", "服务站每月组织一次活动"),
            ("卓玛", "站长", "direct", "我们想把这里办成老兵的家"),
            ("拉姆", "村民", "direct", "以前一年收入不到两万元"),
        ],
    ),
    (  # an adverb before 一边 qualifies nothing: 刚 ends the name; 虫草 is no one
        "合作社成立后，社员虫草平均售价提高了五元。“现在办证快多了。”项目经理陈志刚一边翻看证照，"
        "一边对记者说。",
        [("陈志刚", "项目经理", "direct", "现在办证快多了")],
    ),
    (  # a quotation signed after a dash, as a column of voices prints it
        "“新房子通了自来水，冬天屋里也暖和。”——加玉村村民 次仁央宗\n"
        "“我家开了家庭旅馆，收入了4万多元。”——贡日村村民 达娃",
        [
            ("次仁央宗", "加玉村村民", "direct", "新房子通了自来水"),
            ("达娃", "贡日村村民", "direct", "我家开了家庭旅馆"),
        ],
    ),
    (  # a job title ending in 员 names the one a pronoun stands for
        "站长陈建国说，保险覆盖了全乡。在扎曲乡，协保员白玛几乎每天都在牧场间奔走。"
        "她告诉记者，接到电话后24小时内就会赶到现场。",
        [
            ("陈建国", "站长", "indirect", "保险覆盖了全乡"),
            ("白玛", "协保员", "indirect", "接到电话后24小时内就会赶到现场"),
        ],
    ),
    (  # a worker named by surname and 师傅 after `务工人员`; a list after a colon is no one's words
        "“工钱终于拿到了！”来自甘肃的务工人员马师傅激动地说。"
        "帮办员央吉在日志上记下当天的件数：帮办12件。“忙一点也值得。”她笑着说。",
        [
            ("马师傅", "务工人员", "direct", "工钱终于拿到了"),
            ("央吉", "帮办员", "direct", "忙一点也值得"),
        ],
    ),
    (  # a speaker at the head of the clause before the verb's, a term in marks on the way
        "村里的民宿主人卓嘎早早起床。“今年的预订多了不少。”卓嘎一边添茶，一边笑着对记者说。"
        "“离预产期还有两周，一点都不慌。”在县医院“待产之家”，来自乡里的孕妇央拉说。",
        [
            ("卓嘎", "民宿主人", "direct", "今年的预订多了不少"),
            ("央拉", "孕妇", "direct", "离预产期还有两周"),
        ],
    ),
    (  # an age said after a name introduces the one a pronoun stands for; 讲解 says words
        "驾驶员王师傅说，检查很严。队员中年龄最小的次仁今年刚满24岁。他说，冬天最冷。"
        "老党员多吉指着木犁向学生们讲解，“现在种地用的是拖拉机。”",
        [
            ("王师傅", "驾驶员", "indirect", "检查很严"),
            ("次仁", None, "indirect", "冬天最冷"),
            ("多吉", "老党员", "direct", "现在种地用的是拖拉机"),
        ],
    ),
    (  # 老人 before a colon stands for the old man the sentence before names
        "“现在路好走多了。”次仁说。他的爷爷格桑今年已经81岁，年轻时赶过马帮。"
        "老人坐在门口，慢慢晒着太阳：“以前去县城要走三天。”",
        [
            ("次仁", None, "direct", "现在路好走多了"),
            ("格桑", "爷爷", "direct", "以前去县城要走三天"),
        ],
    ),
    (  # 这个…的汉子 opening a clause after 说到这里 stands for the man named before
        "村民扎西记得，小时候家里只有几只羊。“那时候日子苦，阿爸从不叫累。”"
        "说到这里，这个四十多岁的汉子低下了头。",
        [("扎西", "村民", "direct", "那时候日子苦")],
    ),
    (  # a share after a group is no woman a pronoun stands for
        "县文化局局长卓玛说，今年认定传承人40名。中青年传承人占比达到41%。"
        "来自林周县的学徒德吉已经学了三年。“师傅让我一遍遍地练白描。”她说。",
        [
            ("卓玛", "县文化局局长", "indirect", "今年认定传承人40名"),
            ("德吉", "学徒", "direct", "师傅让我一遍遍地练白描"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), ARTICLE_QUOTES, ids=[q[1][0][0] for q in ARTICLE_QUOTES]
)
def test_quotes_of_an_article(text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    article = Article(seq=0, title="", text=text)
    records = rules.extract(article)
    checked = check_against(article, records)
    assert [r.reasons for r in checked.rejected if r.record_type == "quote"] == []
    quotes = records.quotes
    found = [(q.speaker, q.speaker_title, q.kind, q.text) for q in quotes]
    assert len(found) == len(expected), found
    for (speaker, title, kind, words), quote in zip(expected, quotes, strict=True):
        assert (quote.speaker, quote.speaker_title, quote.kind) == (speaker, title, kind)
        assert quote.text.startswith(words), quote.text


def test_a_quotation_of_marks_of_mixed_widths_is_read_as_one() -> None:
    text = '合作社里很热闹。“今年分红翻了一番,"村民次仁卓玛说,"明年还要扩大规模。”'
    article = Article(seq=0, title="", text=text)
    records = rules.extract(article)
    checked = check_against(article, records)
    assert [r.reasons for r in checked.rejected if r.record_type == "quote"] == []
    found = [(q.speaker, q.kind, q.text) for q in records.quotes]
    assert found == [
        ("次仁卓玛", "direct", "今年分红翻了一番"),
        ("次仁卓玛", "direct", "明年还要扩大规模。"),
    ]


# Words no one is credited with, or credited to no person: no quote.
NOT_QUOTES_OF_THE_GENRE = [
    # a verb of saying used as a noun
    "村党支部书记格桑在村民大会上提交了3件建议，内容涉及道路、饮水和用电。",
    "各单位严格按照县委的要求，抓好冬季安全生产工作。",
    # a document or a report, not a person (`政府工作报告中` holds no name)
    "政府工作报告中指出，要多措并举推进乡村振兴。",
    # the officials of several units are a group
    "各乡镇负责人表示，将抓好落实。",
    "住建、交通等部门负责人表示，将加快工程进度。",
    # what a person does while they speak is not what they say
    "合作社理事长多布杰一边给记者介绍，一边记录着当天的饲喂情况。",
    # a group
    "“感谢党的好政策！”村民们纷纷说。",
    "活动中，志愿者们纷纷表示，要把所学知识用到工作中去。",
    # a noun that stands for no one the text names: the patient, not the village doctor
    "村医索朗正在给一位老人量血压。老人说：“血压比上个月低了。”",
    # narration
    "据了解，该项目总投资1.2亿元。据悉，项目年底完工。",
    # many of a kind are a group (家长 ends as an office does)
    "县中学今年中考平均分提高了31分，不少家长说，孩子在家门口就能上好学。",
    # the end of a word is no name: 挨户 of 挨家挨户
    "有些群众想不通。协会就挨家挨户算账:一亩地一年水费也就十几元,可渠道有人管了。",
    # 和 after a noun is the conjunction
    "晚上，他通过视频和家人说，今年家里收入不错。",
    # a name's 要求 with no comma is narration of what they ask of others
    "师傅洛桑次仁要求每个新学徒至少画满500张线描稿。",
    # a notice's label before its colon
    "五、温馨提示：请广大用户在供暖期间不要私自改装、拆卸供暖设施，发现管道漏水请及时报修。",
    # what many people do together is no name after their title
    "“我是中国人，我爱我的祖国！”近日，在阿里地区中学的操场上，1200余名学生齐声宣誓。",
    # an adverb after a group's title opens no name: 常挂 of 常挂在嘴边
    "“检修就是为了在最冷的时候不停电。”这是山南供电一线员工常挂在嘴边的一句话。",
    # the figures after a verb of reckoning are the article's sum
    "合作社理事长旺堆算了一笔账：人工收割一亩青稞需要两个劳力干上一整天。",
]


@pytest.mark.parametrize("phrase", NOT_QUOTES_OF_THE_GENRE)
def test_no_quote_of_the_genre(phrase: str) -> None:
    assert [(q.speaker, q.text) for q in extract(phrase).quotes] == []


def test_a_sentence_that_goes_on_without_a_verb_is_no_quote_of_its_own() -> None:
    """The guidelines give a following sentence its own quote when it says 强调 or 要求
    again; one with no verb of saying goes on in the same voice, and is left out."""
    text = "局长次仁介绍，今年新建暖棚40座。下一步，还将扩建20座。"
    assert [q.text for q in extract(text).quotes] == ["今年新建暖棚40座"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # 要 opening the sentence after 强调: the leader directs on
            "县委书记李建国出席会议。李建国强调，要深入开展“冬季攻势”专项行动，严查超速超载。"
            "要全面推进“防火到户”工程，确保隐患发现一处、整治一处。",
            [
                "要深入开展“冬季攻势”专项行动，严查超速超载",
                "要全面推进“防火到户”工程，确保隐患发现一处、整治一处",
            ],
        ),
        (  # after 要求, with 同时 before the 要, a chain of two
            "副市长李建军出席会议。李建军要求，要严格落实储粮巡查机制。"
            "同时，要依托监管平台实行在线监测。各县（区）要结合实际逐一摸排。",
            [
                "要严格落实储粮巡查机制",
                "同时，要依托监管平台实行在线监测",
                "各县（区）要结合实际逐一摸排",
            ],
        ),
        (  # narration after the directive ends the voice: 据悉 is the reporter's
            "市长扎西平措出席会议。扎西平措指出，要抓好草原生态保护。"
            "据悉，全市已开展宣传活动130余场次。",
            ["要抓好草原生态保护"],
        ),
        (  # 要 after 介绍 is narration again, not a directive
            "村党支部书记格桑介绍，今年新修水渠3条。如今，他每月要跑12个村。",
            ["今年新修水渠3条"],
        ),
        (  # 要 as a word of its own (重要) directs nothing
            "县长扎西强调，要压实责任。这是当前的重要任务。",
            ["要压实责任"],
        ),
    ],
)
def test_a_leaders_directive_goes_on_in_a_quote_of_its_own(text: str, expected: list[str]) -> None:
    """The guidelines give a sentence that goes on with a leader's 强调/要求 a quote of its
    own: after 强调, 要求 or 指出, one that directs with 要 and no verb of its own."""
    assert [q.text.rstrip("。") for q in extract(text).quotes] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # reported words of the border counties open with 边境, 边坝: not 一边…一边…
        ("市委常委王海涛出席会议。王海涛强调，边境地区是毒品渗透的前沿。", "王海涛"),
        ("医疗队队长刘峰告诉记者，边坝县平均海拔超过3800米，发病率较高。", "刘峰"),
        # 边民, a border resident, is a title as 牧民 is
        (
            "“以前网上买东西要到县城去取，现在快递直接送到村里。”近日，在村级物流服务站，"
            "边民拉巴次仁一边取件一边说。",
            "拉巴次仁",
        ),
        # the Naxi surname 和, opening the clause or after a title
        ("开市仪式上，县委副书记、县长和建华指出，民族团结是各族人民的生命线。", "和建华"),
        ("和志军告诉记者，这几年他在县里的支持下办起了传习所。", "和志军"),
        ("做了20年松茸生意的收购商和永强说：“以前全靠嗓门大、手快。”", "和永强"),
        # who leads the song of a team (领唱) is a title, after a long description
        (
            "“能在县里的舞台上唱歌，我们都很开心！”夺得第二名的曲水县代表队领唱德央激动地说。",
            "德央",
        ),
        # a given name and an honorific is whole
        ("带着孙子赶来的牧民尼玛女士也告诉记者，她最喜欢宣讲队唱的歌。", "尼玛女士"),
        # a quotation, then how its subject took it, with no verb of saying
        (
            "护士旦增卓玛背上出诊包出发了。\n“我没有做什么了不起的事，就是把该做的事做好。”"
            "面对记者，旦增卓玛腼腆地笑了。",
            "旦增卓玛",
        ),
        # an elder introduced by what they came for, the noun of age after the name
        (
            "乡便民服务中心办结率达99.2%。\n“现在办事不用跑县城，当天就能办好。”"
            "来乡便民服务中心办理养老保险的多吉次仁老人竖起了大拇指。",
            "多吉次仁",
        ),
        # 一边…，一边向记者…: 他说 after it is the person of that sentence, no `边向`
        (
            "村民次仁顿珠一边查看地块，一边向记者算起了账。他说，请农机服务每亩只要80元。",
            "次仁顿珠",
        ),
        # a name whose last character and 在 read as a verb is read whole, not `泽仁卓`
        (
            "志愿者老师会为他们辅导功课。\n搬迁群众泽仁卓玛在安置点的扶贫车间做藏式卡垫。"
            "“现在学校就在家门口，日子越过越有奔头。”她笑着说。",
            "泽仁卓玛",
        ),
    ],
)
def test_speaker_of_the_genre(text: str, speaker: str) -> None:
    assert [q.speaker for q in extract(text).quotes] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # what opens the clause after a quotation is a modifier, a list or a unit
        "“各位乡亲请注意，今天夜间有大风降温天气。”傍晚，应急广播准时响起，藏汉双语的预警信息在河谷间回荡。",
        "“加油！加油！”8月9日，在甲玛乡举行的民族传统体育项目邀请赛上，押加、抱石头等项目依次进行。",
        "“独居老人家里暖气片漏水，请网格员尽快上门处理。”11月30日，洛扎县融媒体中心客户端收到一条留言。",
        # a verb and its coverb open the clause after a quotation: no name
        "“党的政策像阳光，照亮了羌塘的牧场……”11月下旬，宣讲队的队员们把全会精神编进牧歌，"
        "唱给围坐在帐篷前的牧民群众听。",
        # a noun of age after a group or a word, not a name
        "“冬天最怕的就是停电。”社区为辖区的独居老人送去了取暖器。",
    ],
)
def test_no_one_opens_the_clause_after_a_quotation(text: str) -> None:
    assert [(q.speaker, q.text) for q in extract(text).quotes] == []


# --- campaigns ------------------------------------------------------------------

CAMPAIGNS: list[tuple[str, list[str]]] = [
    (
        "市消防救援支队深入开展“全民消防我体验”宣传活动，推动消防宣传工作提质增效。",
        ["“全民消防我体验”宣传活动"],
    ),
    (
        "开展“同心向党 铸牢中华民族共同体意识”主题党日活动。",
        ["“同心向党 铸牢中华民族共同体意识”主题党日活动"],
    ),
    ("组织开展“消防科普大学习”活动。", ["“消防科普大学习”活动"]),
    ("深入学校开展“生命通道”体验疏散演练活动。", ["“生命通道”体验疏散演练活动"]),
    ("建立“四下基层”工作机制。", ["“四下基层”工作机制"]),
    ("墨竹工卡县“五措并举”把稳安全生产关。", ["“五措并举”"]),
    ("结合城乡环境综合大整治行动，化身“石榴籽志愿队”。", ["城乡环境综合大整治行动"]),
    (
        "为深入贯彻落实市委、市政府关于开展拉萨市城乡环境综合大整治行动安排部署。",
        ["拉萨市城乡环境综合大整治行动"],
    ),
    ("自第二批主题教育开展以来，各单位扎实推进。", ["第二批主题教育"]),
    ("全力推进雪亮工程建设。", ["雪亮工程"]),
    ("深入开展民族团结进步创建。", ["民族团结进步创建"]),
    ("学习运用‘千万工程’经验，集中力量抓好实事。", ["‘千万工程’经验"]),
    ("堆龙德庆区夯实“线上抽查+线下普查”的核查识别模式。", ["“线上抽查+线下普查”"]),
    ("日喀则市应急管理局在第三高级中学开展安全宣传进校园活动。", ["安全宣传进校园活动"]),
    ("开展新时代文明实践推动日活动暨义诊。", ["新时代文明实践推动日活动"]),
    ("达孜区：垃圾分类积分制兑出环保新风尚", ["垃圾分类积分制"]),
    ("派出所党总支以“党建+”为抓手，打造党建品牌。", ["“党建+”"]),
    ("把食责险作为创建国家食品安全城市示范引领重要项目。", ["创建国家食品安全城市"]),
    ("抓好乡村治理积分制管理，实施村庄清洁行动。", ["乡村治理积分制", "村庄清洁行动"]),
    ("全县深入开展爱国卫生运动，清理垃圾300吨。", ["爱国卫生运动"]),
    ("县里推行河长制，全县设立河长326名。", ["河长制"]),
    ("活动中，妇联还开展了“最美家庭”评选。", ["“最美家庭”评选"]),
    (
        "以“体育大拜年 健康迎新春”为主题的拉萨市迎新年“三对三”篮球赛开幕。",
        ["拉萨市迎新年“三对三”篮球赛"],
    ),
    # A theme is a campaign when activities are carried out under it.
    (
        "市文化局将结合“欢乐过大年 文明树新风”开展送春联进社区等一系列活动。",
        ["“欢乐过大年 文明树新风”"],
    ),
    # Programmes named by the kind of initiative, opened by the verb that carries it out.
    ("今年以来，贡嘎县深入推进美丽乡村建设，累计建成示范村12个。", ["美丽乡村建设"]),
    ("林周县实施高标准农田建设项目，新建高标准农田2万亩。", ["高标准农田建设项目"]),
    (
        "医院深化公立医院综合改革，推行按病种分值付费改革。",
        ["公立医院综合改革", "按病种分值付费改革"],
    ),
    ("全县全面实施农村义务教育学生营养改善计划。", ["农村义务教育学生营养改善计划"]),
    ("达孜区坚持常态化开展扫黑除恶斗争。", ["扫黑除恶斗争"]),
    ("曲水县打好污染防治攻坚战。", ["污染防治攻坚战"]),
    # A defence named by its two-character front, marked or not.
    ("林芝市把乡镇生活污水治理作为打好碧水保卫战的重要内容。", ["碧水保卫战"]),
    ("这是桑珠孜区打好“碧水保卫战”、推进污水处理的重点项目。", ["“碧水保卫战”"]),
    # A chief system named by its levels in marks.
    (
        "他说：“我们推行‘乡长+村长+护林员’三级林长制，把责任落实到人。”",
        ["‘乡长+村长+护林员’三级林长制"],
    ),
    # A way the next words are done by: the marks, not the words after.
    ("以“院包科”方式补齐服务短板。", ["“院包科”"]),
    (
        "开展为期三个月的农村饮水安全专项整治，排查供水工程86处。",
        ["农村饮水安全专项整治"],
    ),
    ("建立区、乡、村三级矛盾纠纷排查化解机制。", ["区、乡、村三级矛盾纠纷排查化解机制"]),
    ("县里把农村危房改造作为重要民生工程来抓。", ["农村危房改造"]),
    ("群众喝上放心水，得益于堆龙德庆区实施的农村饮水提质工程。", ["农村饮水提质工程"]),
    ("增产得益于白朗县实施的2023年高标准农田建设项目。", ["2023年高标准农田建设项目"]),
    ("乃东区把老旧管网改造列入为民办实事项目，投入资金800万元。", ["老旧管网改造"]),
    # A project or drive a unit takes in charge, named with its kind, whatever it is made.
    ("今年，乃东区把城区供热管网改造工程作为重要民生实事来抓。", ["城区供热管网改造工程"]),
    # A project at its start or end, at the head of its clause.
    ("近日，江孜县城区污水处理厂扩建工程通水运行。", ["江孜县城区污水处理厂扩建工程"]),
    ("在丁青县，县城集中供热管网改造项目近日通过验收。", ["县城集中供热管网改造项目"]),
    ("据介绍，那曲与藏中电网联网工程投运以来，告别孤网运行。", ["那曲与藏中电网联网工程"]),
    ("在八宿县，城区5条老旧街巷“微更新”近日全部完工。", ["“微更新”"]),
    ("近年来，依托兴边富民示范村建设，村里新建住房86套。", ["兴边富民示范村建设"]),
    ("乡里将继续抓好高标准农田建设，今年新建高标准农田3000亩。", ["高标准农田建设"]),
    ("江孜县扎实推进国家卫生县城创建", ["国家卫生县城创建"]),
    ("近年来，林芝市大力推进全域旅游示范区创建。", ["全域旅游示范区创建"]),
    (
        "全区扎实开展法治宣传月、矛盾纠纷排查化解等专项工作。",
        ["法治宣传月"],
    ),
    # Festivals and event series: a number in the series, or the unit that holds them.
    ("近日，日土县在县城广场举办第三届班公湖文化旅游节。", ["第三届班公湖文化旅游节"]),
    ("拉萨市第十二届“雪顿杯”篮球联赛开幕。", ["拉萨市第十二届“雪顿杯”篮球联赛"]),
    (
        "办好桃花旅游文化节、雅鲁藏布生态文化旅游节等节庆活动。",
        ["桃花旅游文化节", "雅鲁藏布生态文化旅游节"],
    ),
    ("近日，尼木县举办首届吞巴藏香文化节。", ["首届吞巴藏香文化节"]),
    ("本届赛马会是那曲市庆祝建党周年系列文化活动之一。", ["那曲市庆祝建党周年系列文化活动"]),
    (
        "以“科技引领 创新发展”为主题的日喀则市2024年科技活动周启动。",
        ["日喀则市2024年科技活动周"],
    ),
    # What an event is part of names a campaign of its own.
    ("此次义诊是乃东区“健康进万家”志愿服务活动的一部分。", ["“健康进万家”志愿服务活动"]),
    ("拉萨市迎新春青少年篮球联赛在市群众文化体育中心开赛。", ["拉萨市迎新春青少年篮球联赛"]),
    # Activities named by where they go.
    ("学校开展非遗进校园活动，邀请传承人教学生造纸。", ["非遗进校园活动"]),
    # Quoted names with the kind after them, aid programmes among them.
    ("山南市人民医院以“组团式”医疗援藏为依托。", ["“组团式”医疗援藏"]),
    ("落实教育“三包”政策。", ["“三包”政策"]),
    ("县里还建立“门前三包”责任制。", ["“门前三包”责任制"]),
    (
        "推行“隐患清单、整改清单、责任清单”三单管理。",
        ["“隐患清单、整改清单、责任清单”三单管理"],
    ),
    ("今年措美县“两癌”筛查覆盖35至64岁农村妇女。", ["“两癌”筛查"]),
    ("实行“一矿一册”“一库一册”台账管理。", ["“一矿一册”“一库一册”台账管理"]),
    # A governance scheme, channel, ledger or platform, where the phrase ends.
    (
        "全县深入推进“党建引领+网格化”基层治理，划分网格312个。",
        ["“党建引领+网格化”基层治理"],
    ),
    ("镇里建立了“一键求助”帮扶通道，群众用手机就能求助。", ["“一键求助”帮扶通道"]),
    ("色尼区实施“百万亩”退化草原综合治理工程。", ["“百万亩”退化草原综合治理工程"]),
    # Quoted names with no kind after them, put into practice as a method or model.
    ("达孜区推行“一村一辅警”，142名辅警常驻村居。", ["“一村一辅警”"]),
    ("墨竹工卡县深入践行“四下基层”，解决群众急难愁盼问题86件。", ["“四下基层”"]),
    ("尼木县以“最多跑一次”为目标，优化政务服务流程。", ["“最多跑一次”"]),
    (
        "推行“一窗通办”“帮办代办”“周末不打烊”等服务方式。",
        ["“一窗通办”", "“帮办代办”", "“周末不打烊”"],
    ),
    ("围绕“以院包科”“师带徒”等帮扶模式开展帮扶。", ["“以院包科”", "“师带徒”"]),
    ("学员通过“校企联培”方式实现稳定就业。", ["“校企联培”"]),
    ("2023年，社区联合辖区学校开办了“七彩课堂”，招募志愿者20名。", ["“七彩课堂”"]),
    ("第五轮“冬游拉萨”优惠措施发布后，游客明显增多。", ["“冬游拉萨”"]),
    ("市场每月举办1期“巧手课堂”，开设编织课程。", ["“巧手课堂”"]),
    ("合作社采取“基地+农户”方式，带动群众增收。", ["“基地+农户”"]),
    ("县里推行虫草“轮采轮休”的采挖方式，划定保育区12片。", ["“轮采轮休”"]),
    ("察隅县今年将举办首届“梨花节”，推出赏花线路5条。", ["首届“梨花节”"]),
    (
        "管理局联合高校开展野生动物资源本底调查，布设红外相机80台。",
        ["野生动物资源本底调查"],
    ),
    (
        "各乡镇组织开展了“防灾减灾日”应急演练，参与群众3000人次。",
        ["“防灾减灾日”应急演练"],
    ),
    ("县里通过“东西协作”渠道组织200名毕业生赴区外就业。", ["“东西协作”"]),
    (
        "由市人社局联合主办的2024年昌都市“千岗万人”专场招聘会在市体育馆举行。",
        ["“千岗万人”专场招聘会"],
    ),
    ("实行“乡镇包村、村包组、组包户”的网格化管护。", ["“乡镇包村、村包组、组包户”"]),
    # Parties joined in marks are a model, activities joined only a way of doing a thing.
    ("合作社采取“公司+合作社+牧户”的方式经营。", ["“公司+合作社+牧户”"]),
    ("社区党委打造“红色格桑”党建品牌。", ["“红色格桑”党建品牌"]),
    # A drive, a check or a period of publicity named by its kind, carried out.
    ("全区扎实开展项目建设攻坚行动。", ["项目建设攻坚行动"]),
    # A drive to win ground is named by its field, however generic its words.
    ("全市扎实开展重点项目建设攻坚行动。", ["重点项目建设攻坚行动"]),
    # A verb that spreads a system ends the words before the name.
    ("镇里正在各村推广乡村治理积分制。", ["乡村治理积分制"]),
    # A mechanism named by what it is for.
    ("交警部门建立恶劣天气交通管控联动机制。", ["恶劣天气交通管控联动机制"]),
    ("县里与周边县建立草原防火区域联防机制。", ["草原防火区域联防机制"]),
    ("县里已开展冬春季森林草原火灾防范应对专项行动。", ["冬春季森林草原火灾防范应对专项行动"]),
    ("县教育局对全县学校开展冬季校舍安全专项检查。", ["冬季校舍安全专项检查"]),
    ("“七五”普法期间，全县开展法治宣传800余场。", ["“七五”普法"]),
    ("村里实施美丽宜居村庄建设，新建住房60套。", ["美丽宜居村庄建设"]),
    ("学校落实教育“三包”政策和学前教育资助计划。", ["“三包”政策", "学前教育资助计划"]),
    ("县里把兴边富民示范村建设作为巩固脱贫成果的重要抓手。", ["兴边富民示范村建设"]),
    # A programme heading its clause, carried on by the verb after it.
    ("得益于边境小康村建设和兴边富民行动的持续推进。", ["边境小康村建设", "兴边富民行动"]),
    ("澎波河谷现代农业示范区建设加快推进，新建温室420座。", ["澎波河谷现代农业示范区建设"]),
    # A project at its start, its capacity in its name, after what a dash says it is.
    ("全县首个风电项目——措勤县50兆瓦风电项目正式开工。", ["措勤县50兆瓦风电项目"]),
    # Quoted names: a camp, a cup series joined to another event, help named where the
    # phrase ends, a practice a unit is said to run, a service named by where it goes.
    ("市体育局举办了青少年篮球“雏鹰”夏令营。", ["“雏鹰”夏令营"]),
    (
        "第二届雅江马拉松暨乃东区“雍布拉康杯”全民健身系列赛开跑。",
        ["第二届雅江马拉松", "乃东区“雍布拉康杯”全民健身系列赛"],
    ),
    ("县里实行“一户一档”动态帮扶，逐户制定措施。", ["“一户一档”动态帮扶"]),
    ("社区开展“小网格”便民服务，为老人代办事项。", ["“小网格”便民服务"]),
    ("乡里推行“一村一超市”，方便群众购物。", ["“一村一超市”"]),
    ("社区推行的志愿服务“爱心积分”深受欢迎。", ["“爱心积分”"]),
    ("县文化局今年将组织“送戏下乡”演出80场。", ["“送戏下乡”演出"]),
    # A system in marks put into practice after what it is over; an aid programme's team.
    # The second of two a verb carries out, after a drive; not a field of work after it.
    (
        "全市深入开展蓝天保卫战攻坚行动和城区餐饮油烟专项整治。",
        ["蓝天保卫战攻坚行动", "城区餐饮油烟专项整治"],
    ),
    ("县里开展冬春火灾防控专项行动和安全宣传。", ["冬春火灾防控专项行动"]),
    ("县里还推行农村公路“路长制”，设立三级路长186名。", ["农村公路“路长制”"]),
    # A system of chiefs names itself, even in a speaker's single marks (a speaker's
    # other terms there stay unnamed: `实行‘三班倒’`).
    ("“我们准备在虫草产区推行‘草长制’，把管护责任落实到户。”乡长说。", ["‘草长制’"]),
    ("上海“组团式”教育援藏团队组织援藏教师结对120对。", ["“组团式”教育援藏"]),
    ("以“一件事一次办”“一网统管”为抓手，优化服务。", ["“一件事一次办”", "“一网统管”"]),
    # `是` says what the subject is; a verb after it may still act on a name.
    ("这个合作社是县妇联依托“巾帼致富”行动扶持成立的。", ["“巾帼致富”行动"]),
    # What a unit prevents before the clause puts a name into practice.
    ("县里为杜绝安全隐患开展“百日攻坚”行动。", ["“百日攻坚”行动"]),
    # Straight quotes are read as curly ones; the name is given as printed.
    ('县里推行"公司+合作社+农户"模式，带动群众增收。', ['"公司+合作社+农户"模式']),
    # A clearing-out, a battle of days, a month of care, a live-streamed sale in marks.
    ("乡里开展“僵尸社”专项清理，注销合作社8家。", ["“僵尸社”专项清理"]),
    ("全县部署开展春季造林“百日会战”。", ["“百日会战”"]),
    ("今年九月“助老月”期间，各乡镇开展义诊。", ["“助老月”"]),
    ("展会期间同步举办“高原好物进万家”直播带货活动。", ["“高原好物进万家”直播带货活动"]),
    # A national census by its number, a cup's gathering, a drive to set right, a trial.
    ("县里结合第三次全国土壤普查，摸清了耕地底数。", ["第三次全国土壤普查"]),
    ("第五届“圣湖杯”环湖骑行大会在浪卡子县开幕。", ["第五届“圣湖杯”环湖骑行大会"]),
    ("市县两级开展校园周边环境专项治理，效果明显。", ["校园周边环境专项治理"]),
    ("在两个县开展城乡供水一体化试点，节水明显。", ["城乡供水一体化试点"]),
    # Long quoted words with their kind soon after.
    (
        "全面落实“市长、县长、乡（镇）长、村（居）委会主任、网格员、户主”六级责任制。",
        ["“市长、县长、乡（镇）长、村（居）委会主任、网格员、户主”六级责任制"],
    ),
    # A programme's field before the quoted mode qualifies it.
    ("县里推行农村公路工程“县管、乡包、村护”管护模式。", ["“县管、乡包、村护”管护模式"]),
    # A programme listed among drives one verb carries out.
    (
        "全县同步推进“清河净水”专项行动、城乡结合部环境卫生专项整治等工作。",
        ["“清河净水”专项行动", "城乡结合部环境卫生专项整治"],
    ),
    # A field of building listed after it is a task.
    ("县里推进“净土护城”专项行动、产业园区建设等中心工作。", ["“净土护城”专项行动"]),
    # A season or a week among the events a list calls activities.
    (
        "县里策划了首届湿地观鸟季、第三届牧区文化旅游节、望果节民俗体验周等主题活动。",
        ["首届湿地观鸟季", "第三届牧区文化旅游节", "望果节民俗体验周"],
    ),
    # A relocation programme carried out; a kind of area is no place heading it.
    ("全县实施高海拔地区生态搬迁以来，群众收入稳步增长。", ["高海拔地区生态搬迁"]),
    # A long name opening with 重大 says what it is.
    (
        "全县扎实开展重大动物疫病秋季集中免疫行动，免疫牲畜80万头。",
        ["重大动物疫病秋季集中免疫行动"],
    ),
    # A programme heading its clause, its training session after it.
    ("6月3日，定日县新型职业农牧民培育工程第二期培训班开班。", ["定日县新型职业农牧民培育工程"]),
    # A place's event with the year it is held, after the units that hold it.
    ("由县总工会主办的2024年乃东区职工技能大赛圆满落幕。", ["2024年乃东区职工技能大赛"]),
    # A spot check, a creation activity carried out; a trial pushed on.
    ("县市场监管局组织开展电动自行车产品质量专项抽查。", ["电动自行车产品质量专项抽查"]),
    ("全县持续推进放心餐饮创建活动，新培育示范店20家。", ["放心餐饮创建活动"]),
    ("明年将加快推进青稞完全成本保险试点，扩大覆盖面。", ["青稞完全成本保险试点"]),
    # A project that passed the check of a body named between.
    (
        "近日，桑日县古建筑群抢救性修缮工程通过市文物局组织的专家验收。",
        ["桑日县古建筑群抢救性修缮工程"],
    ),
    # A photograph's caption: what the scene is part of.
    ("这是江孜县“文化进牧区”巡演活动的第12场演出。", ["“文化进牧区”巡演活动"]),
    ("这是定结县“光影惠民”电影放映活动的一个场景。", ["“光影惠民”电影放映活动"]),
    # A season of shows, sessions of sharing, a contest of two short words joined.
    ("暑期，县里举办“草原欢歌”文艺演出季，共演出30场。", ["“草原欢歌”文艺演出季"]),
    ("各乡镇举办“红色家书”故事分享会80余场。", ["“红色家书”故事分享会"]),
    ("全县深入开展“巾帼建功”劳动和技能竞赛。", ["“巾帼建功”劳动和技能竞赛"]),
    # A visit or a `了` ends the words before a name; so does a `到` after the verb.
    ("与会人员实地察看了县城供水保障工程。", ["县城供水保障工程"]),
    ("全村群众积极参与到村庄清洁行动中来。", ["村庄清洁行动"]),
    # A drive set out (`部署`) at a meeting is named as one carried out.
    ("会议安排部署燃气安全专项整治行动。", ["燃气安全专项整治行动"]),
    # A strong county or district to become is no place heading the name.
    ("区里持续推进体育强区建设。", ["体育强区建设"]),
    # A reform deepened, not gone on with; a manner with a system after it; a selection
    # and how often it is held; recruiting drives in marks; a numbered show.
    ("今年，县里深化农村宅基地制度改革。", ["农村宅基地制度改革"]),
    ("学院实行“一对一”导师帮带制度。", ["“一对一”导师帮带制度"]),
    ("县住建局组织开展公厕“洁净之星”月度评选活动。", ["“洁净之星”月度评选活动"]),
    (
        "全市还将组织“百日千万”网络招聘、“就在西藏”系列专场招聘等活动30场以上。",
        ["“百日千万”网络招聘", "“就在西藏”系列专场招聘"],
    ),
    ("参加第九届日喀则藏戏汇演的民间藏戏队达到12支。", ["第九届日喀则藏戏汇演"]),
    # How long a drive lasts stands before its name.
    ("全市部署开展为期四个月的野外火源专项治理行动。", ["野外火源专项治理行动"]),
    # An activity of a named day, week, month or year.
    ("全县开展安全生产月活动，发放资料2万份。", ["安全生产月活动"]),
    ("县科协组织开展全国科普日活动。", ["全国科普日活动"]),
    # A project that is built and in use, or nearly done.
    ("县城集中供暖二期工程建成投用，新增供暖面积12万平方米。", ["县城集中供暖二期工程"]),
    ("萨迦寺壁画保护修复工程已进入收尾阶段。", ["萨迦寺壁画保护修复工程"]),
    # Quoted words a unit pushes forward, and where a unit carries them.
    ("为推动“冬游拉萨”，市文旅局推出优惠措施12项。", ["“冬游拉萨”"]),
    ("县里深入推进“扫黄打非”进基层。", ["“扫黄打非”进基层"]),
    # A programme heading its clause, started, carried on or bearing fruit.
    ("近日，全县农村人居环境整治百日攻坚行动正式启动。", ["农村人居环境整治百日攻坚行动"]),
    ("全县冬春农田水利基本建设拉开帷幕。", ["冬春农田水利基本建设"]),
    ("雅鲁藏布江生态保护专项行动取得明显成效。", ["雅鲁藏布江生态保护专项行动"]),
    ("农牧民技能培训工程实施以来，培训群众3000人次。", ["农牧民技能培训工程"]),
    ("国家卫生县城创建工作扎实推进。", ["国家卫生县城创建"]),
    ("2025年民族团结进步宣传月启动仪式在县城广场举行。", ["2025年民族团结进步宣传月"]),
    # Two fields joined by 和 sharing one mechanism, policy or drive.
    ("全县开展安全生产和消防安全专项整治，排查隐患200处。", ["安全生产和消防安全专项整治"]),
    ("县里建立防止返贫动态监测和帮扶机制。", ["防止返贫动态监测和帮扶机制"]),
    # A mechanism made sound is named by its own words in marks (one without is in
    # NOT_CAMPAIGNS).
    ("乡里建立健全“党建+网格”矛盾纠纷化解机制。", ["“党建+网格”矛盾纠纷化解机制"]),
    # Events of a series: a horse race, a fair of goods, a forum, a week of culture.
    ("第十届当雄赛马会在当雄县开幕。", ["第十届当雄赛马会"]),
    ("第四届林芝市物资交流会吸引商户300家。", ["第四届林芝市物资交流会"]),
    ("第二届珠峰论坛在日喀则举行。", ["第二届珠峰论坛"]),
    ("首届藏医药文化周活动丰富多彩。", ["首届藏医药文化周"]),
    # Shows, tours, weeks and classes of the genre named in marks.
    ("县里举办“雪域欢歌”文艺汇演，演出节目20个。", ["“雪域欢歌”文艺汇演"]),
    ("县文化馆开展“高原红”文艺巡演，走进12个乡镇。", ["“高原红”文艺巡演"]),
    ("全市开展“安全生产”宣传周。", ["“安全生产”宣传周"]),
    ("区委党校开设“红色”大讲堂。", ["“红色”大讲堂"]),
    ("这是县里“雪域欢歌”巡演活动的第12场演出。", ["“雪域欢歌”巡演活动"]),
    # A drive or trial is carried out by any verb that carries out drives.
    ("县市场监管局启动餐饮服务食品安全专项检查。", ["餐饮服务食品安全专项检查"]),
    ("市里部署建筑施工安全专项整治，排查工地86个。", ["建筑施工安全专项整治"]),
    ("全县实施农村集体经营性建设用地入市改革。", ["农村集体经营性建设用地入市改革"]),
    ("开展“宪法宣传”进校园、进寺庙活动12场次。", ["“宪法宣传”进校园、进寺庙活动"]),
    # A programme worked by, a system put into practice, a drive kept up.
    ("全区以生态护林员培育计划为抓手，带动群众增收。", ["生态护林员培育计划"]),
    ("全县深入推行乡村医生签约制度。", ["乡村医生签约制度"]),
    ("墨竹工卡县推进常态化扫黑除恶斗争走深走实", ["常态化扫黑除恶斗争"]),
    ("县城污水处理厂提标改造工程刚刚通过竣工验收。", ["县城污水处理厂提标改造工程"]),
    # A practice or a school named after what it is for.
    ("乡里开办牧民“夜间课堂”，每周授课两次。", ["牧民“夜间课堂”"]),
    # Exhibitions and shows in marks, seasons held, a festival held with a fair.
    ("县文化馆推出“高原记忆”主题展览，展出老照片200余幅。", ["“高原记忆”主题展览"]),
    ("广场上，“雪域欢歌”群众文艺展演同步开幕。", ["“雪域欢歌”群众文艺展演"]),
    ("县里在湖畔举办草原观花季，吸引游客前来。", ["草原观花季"]),
    ("第二届纳木错观星季于8月开幕。", ["第二届纳木错观星季"]),
    ("市里将举办藏历新年美食节暨特色商品展销会。", ["藏历新年美食节暨特色商品展销会"]),
    # A programme work is joined to, one a place is taken into, a drive spread out.
    ("县里把普法宣传与民族团结进步模范创建紧密结合。", ["民族团结进步模范创建"]),
    ("乡里结合美丽乡村建设，整治村容村貌。", ["美丽乡村建设"]),
    ("县里将三个村纳入农村电网巩固提升工程。", ["农村电网巩固提升工程"]),
    ("当前，全县冬季植树造林行动已全面铺开。", ["冬季植树造林行动"]),
    # Two stages of one project joined by 与; a drive over a field, in marks.
    ("县里推进小型灌区续建配套与节水改造项目。", ["小型灌区续建配套与节水改造项目"]),
    ("县里开展国省道“冬季保畅百日攻坚”。", ["国省道“冬季保畅百日攻坚”"]),
    # A drive whose work is reported; a system whose unit is a noun; insurance carried out.
    ("在农村饮水安全专项整治中，排查隐患12处。", ["农村饮水安全专项整治"]),
    ("全县推行村级组织事务公开制度。", ["村级组织事务公开制度"]),
    ("县里大力推进政策性青稞种植保险，参保面积12万亩。", ["政策性青稞种植保险"]),
    # A quoted method named by the system after it; a drill named in marks before its words.
    ("推行“乡包村、村包组”的联防联控责任制。", ["“乡包村、村包组”"]),
    (
        "“雪域护航·2025”山南市道路交通应急综合演练举行。",
        ["“雪域护航·2025”山南市道路交通应急综合演练"],
    ),
    # A numbered lantern show has a name of its own.
    ("县里举办了首届雅砻河谷冬季灯会。", ["首届雅砻河谷冬季灯会"]),
    # A programme a unit's name covers in brackets; a method a matter is taken into.
    ("全县推进民主法治示范村（社区）创建。", ["民主法治示范村（社区）创建"]),
    ("村里把环境卫生纳入乡村治理积分制。", ["乡村治理积分制"]),
    # Talks and publicity in marks; a trial joined to; a drive's second look back.
    ("县里开展“法律进牧场”巡回宣讲，共宣讲20场。", ["“法律进牧场”巡回宣讲"]),
    ("县疾控中心开展“世界防治结核病日”主题宣传。", ["“世界防治结核病日”主题宣传"]),
    ("各乡结合农村改厕试点，推广水冲式厕所。", ["农村改厕试点"]),
    ("县里组织开展校园食品安全专项整治“回头看”。", ["校园食品安全专项整治“回头看”"]),
    ("县里扎实开展农村住房安全“回头看”排查，逐户核查。", ["农村住房安全“回头看”排查"]),
    ("近日，萨迦县完成非遗项目普查“回头看”工作。", ["非遗项目普查“回头看”"]),
    # A creation worked into all else; a season's round of work; a counted day's activities.
    ("下一步将把民族团结进步创建融入城市更新。", ["民族团结进步创建"]),
    ("聂荣县全面铺开春季重大动物疫病集中免疫工作。", ["春季重大动物疫病集中免疫"]),
    ("3月12日，林芝市第46个全民义务植树日活动在巴宜区举行。", ["林芝市第46个全民义务植树日活动"]),
    # A festival's bare kind said again after its name in marks is the same festival.
    (
        "嘎托镇举办第三届“石榴红”邻里文化节。嘎托镇自2022年起每年举办邻里文化节。",
        ["第三届“石榴红”邻里文化节"],
    ),
    # A programme's own platform; a quoted name a unit makes one of its projects.
    ("全县行政村全部接入“天网工程”视频监控平台。", ["“天网工程”"]),
    ("援藏工作队把“智慧教育援藏”作为重点项目。", ["“智慧教育援藏”"]),
    # A mechanism of two steps made one; a service model named whole.
    ("县里建立“排查—化解”一体化推进工作机制。", ["“排查—化解”一体化推进工作机制"]),
    ("社区推行“1+2+N”居家养老服务模式。", ["“1+2+N”居家养老服务模式"]),
    # `自治区` is a place, not the opener `自`.
    ("会议部署自治区冬季消防安全专项行动。", ["自治区冬季消防安全专项行动"]),
    # Place events listed one after another; numbered contests, fairs and races.
    (
        "其中，比如县乡村足球联赛、丁青县锅庄舞大赛吸引群众1.2万人次。",
        ["比如县乡村足球联赛", "丁青县锅庄舞大赛"],
    ),
    ("7月5日，墨竹工卡县第四届护林员技能比武在县城举行。", ["墨竹工卡县第四届护林员技能比武"]),
    ("近日，亚东县第三届边贸商品产销对接会开幕。", ["亚东县第三届边贸商品产销对接会"]),
    (
        "班戈县第二届“纳木错杯”牦牛赛跑暨民间体育运动会日前举行。",
        ["班戈县第二届“纳木错杯”牦牛赛跑暨民间体育运动会"],
    ),
    ("图为江孜县首届乡村篮球联赛比赛现场。", ["江孜县首届乡村篮球联赛"]),
    # Festivals and shows held together as a unit's events.
    ("要持续办好雪顿节非遗展、望果节民俗展等品牌活动。", ["雪顿节非遗展", "望果节民俗展"]),
    # A quoted model of parties joined by a plus, though the last is a body; quoted
    # models tried out or merged; a selection in marks.
    (
        "县里探索“快递+便利店”“快递+村级服务站”等运营模式。",
        ["“快递+便利店”", "“快递+村级服务站”"],
    ),
    ("该区率先试点“统仓共配”，由共配中心统一分拣。", ["“统仓共配”"]),
    ("全县推进“交邮”融合发展，开通线路4条。", ["“交邮”融合发展"]),
    ("县里推行垃圾“以袋换物”办法，群众积极参与。", ["“以袋换物”办法"]),
    ("镇里在各社区推广“共享书架”，倡导居民捐书。", ["“共享书架”"]),
    ("各乡镇开展“情暖老兵”走访慰问，送去慰问品。", ["“情暖老兵”走访慰问"]),
    ("乡里结合“文明家庭”评比，引导群众移风易俗。", ["“文明家庭”评比"]),
    # A plan deepened; a field of building pushed to do better.
    ("全县持续深化学前儿童营养改善计划。", ["学前儿童营养改善计划"]),
    ("统筹推进边境小康村建设提质增效。", ["边境小康村建设"]),
    # A meeting, a joint check or an open day of a quoted series; a method the parts of
    # which are joined; a quoted name made a unit's mainstay.
    ("“企业家茶话”座谈会已召开6场。", ["“企业家茶话”座谈会"]),
    ("各县开展“一次查到位”联合检查，减少入企次数。", ["“一次查到位”联合检查"]),
    ("博物馆推出“文物会说话”主题开放日，吸引学生参观。", ["“文物会说话”主题开放日"]),
    ("法庭实行“坐堂+巡回”相结合的审判模式。", ["“坐堂+巡回”"]),
    ("县里把“一次办好”作为改进作风的重要抓手。", ["“一次办好”"]),
    # A system a unit runs is one, and a method named after what is run.
    ("县里实行“双岗责任制”，层层压实责任。", ["“双岗责任制”"]),
    ("全县实行“乡包村、村包户”的网格化管护。", ["“乡包村、村包户”"]),
    # A drive of monitoring or law enforcement; an activity of a numbered national month.
    ("县疾控中心启动包虫病防控专项监测，覆盖12个乡镇。", ["包虫病防控专项监测"]),
    ("县生态环境局开展农村水源地专项执法检查。", ["农村水源地专项执法检查"]),
    ("县税务局启动第33个全国税收宣传月活动。", ["第33个全国税收宣传月活动"]),
    # Works done to a quoted model; a drive of checks over mined-out areas; a month of a series.
    ("全市推动企业实施“机器换人、智能减人”改造。", ["“机器换人、智能减人”改造"]),
    ("县应急局开展地下矿山采空区专项排查。", ["地下矿山采空区专项排查"]),
    ("申扎县第三届“敬老爱老”文化月活动启动。", ["申扎县第三届“敬老爱老”文化月活动"]),
    # A numbered event with a name in marks, of any kind, up to where it opens.
    (
        "近日，当雄县第二届“念青之巅”全民健身越野跑在格达乡开跑。",
        ["当雄县第二届“念青之巅”全民健身越野跑"],
    ),
    # A named event held alongside another, a drive carried out everywhere at once, a
    # mechanism set up over three levels, a show among a unit's brand activities, a mode
    # of online service named after its steps, a drive against hazards of one field.
    (
        "文化节期间同步举办“雪域好物进万家”直播带货活动。",
        ["“雪域好物进万家”直播带货活动"],
    ),
    ("各县同步开展夏季防溺水宣传月活动。", ["夏季防溺水宣传月活动"]),
    ("建立县、乡、村三级矛盾纠纷调处化解机制。", ["县、乡、村三级矛盾纠纷调处化解机制"]),
    ("办好林芝桃花文化节、望果节非遗展等品牌活动。", ["林芝桃花文化节", "望果节非遗展"]),
    (
        "推行“线上申请、扫码录入、限时办结”办理模式。",
        ["“线上申请、扫码录入、限时办结”办理模式"],
    ),
    ("开展农村公路安全隐患排查整治。", ["农村公路安全隐患排查整治"]),
    # A manner of working in marks with a mode after its service; a method in marks named
    # `做法` at once; a project a unit carries out or builds; a road named by its two ends;
    # a service rolled out; a renewal other work is joined to; a title's creation passing
    # its check; a housing estate is no place heading the name.
    ("县法院探索“一站式”诉讼服务模式，化解纠纷。", ["“一站式”诉讼服务模式"]),
    ("乡里探索推行“轮牧休牧”做法。", ["“轮牧休牧”"]),
    (
        "由援藏工作队牵头实施的高原蔬菜产业园建设项目已初具规模。",
        ["高原蔬菜产业园建设项目"],
    ),
    ("依托援藏资金建设的牦牛肉精深加工项目日产30吨。", ["牦牛肉精深加工项目"]),
    ("工作队还在村里办起了“双语夜校”，每周开课两次。", ["“双语夜校”"]),
    ("由县团委举办的“牧区少年体育夏令营”在县完全小学开营。", ["“牧区少年体育夏令营”"]),
    ("我市还将同步开展“线上年货节”、“汽车下乡”等系列促销活动。", ["“线上年货节”", "“汽车下乡”"]),
    ("拉萨至泽当公路改建工程全长80公里。", ["拉萨至泽当公路改建工程"]),
    ("全县全面推行家庭医生签约服务，签约率达90%。", ["家庭医生签约服务"]),
    ("县里结合老旧小区改造，同步实施燃气入户。", ["老旧小区改造"]),
    ("区里把背街小巷改造与老旧小区改造结合起来。", ["背街小巷改造"]),
    ("错那市国家卫生城市创建工作顺利通过自治区验收。", ["错那市国家卫生城市创建"]),
    # The last of a list joined to a programme.
    ("县里将把边贸、冬游和边境小康村建设结合起来。", ["边境小康村建设"]),
    # The party's theme education named by its kind alone.
    ("自主题教育开展以来，公司党委把学习成果转化为实际行动。", ["主题教育"]),
    ("公司坚持把主题教育与解决职工急难愁盼问题结合起来。", ["主题教育"]),
    # A method named by the work it does; a self-named programme joined to the next.
    ("她慢慢摸索出了一套“三访三说”调解法:先访当事人、再访邻居。", ["“三访三说”调解法"]),
    ("他把多年总结的“看、听、摸、闻”四字巡检法编成小册子。", ["“看、听、摸、闻”四字巡检法"]),
    (
        "要紧盯“交通基础设施补短板行动”和“城乡供暖提质工程”，逐一明确责任。",
        ["“交通基础设施补短板行动”", "“城乡供暖提质工程”"],
    ),
    # A programme joined to a method in marks; a title's creation a task is part of; what a
    # drive is part of.
    (
        "区里将把“三色亮灯”工作法与乡村振兴示范村创建结合起来。",
        ["“三色亮灯”工作法", "乡村振兴示范村创建"],
    ),
    ("市场监管局将食责险推广纳入国家食品安全示范城市创建重点任务。", ["国家食品安全示范城市创建"]),
    ("此次专项行动是江达县城镇燃气安全专项整治的重要内容。", ["江达县城镇燃气安全专项整治"]),
    # A drill or a camp named by its year or its round.
    ("近日，米林市举行2026年防汛抗震综合应急演练。", ["2026年防汛抗震综合应急演练"]),
    ("巴青县第二期青少年足球夏令营在县体育场开营。", ["巴青县第二期青少年足球夏令营"]),
    # A self-named first name of a run is one of its own.
    (
        "拉孜县把“安全生产月”“安全宣传进企业”活动与冬季安全生产结合起来。",
        ["“安全生产月”", "“安全宣传进企业”活动"],
    ),
    # A speaker's single marks read as double ones; a class a unit opens, in a speaker's words;
    # a system in marks a unit sets up.
    (
        "“我们坚持‘群众点单、社区派单、志愿者接单’的服务机制。”社区主任说。",
        ["‘群众点单、社区派单、志愿者接单’"],
    ),
    ("“下班晚，社区开的‘四点半课堂’帮了大忙。”", ["‘四点半课堂’"]),
    (
        "县里建立了“平时服务、急时应急、战时应战”的民兵应急力量体系。",
        ["“平时服务、急时应急、战时应战”"],
    ),
    # A quoted name the article calls a unit's measure, even a place's name.
    (
        "居民有事就来商量。“邻里议事角”是社区今年推出的一项基层治理新举措。",
        ["“邻里议事角”"],
    ),
    # What a quoted programme bore: the words after 是 say so.
    ("局长表示，培训中心的建成是“技能援藏”工程的重要成果。", ["“技能援藏”工程"]),
    # A project a unit built, its cost printed before the verb.
    (
        "在援藏资金支持下，县里投资1200万元建成青稞精深加工项目，年可加工青稞3000吨。",
        ["青稞精深加工项目"],
    ),
    # The year of an event series between its theme and the event.
    (
        "记者探访“欢乐迎新春”2026年日喀则市群众文艺汇演的排练现场。",
        ["“欢乐迎新春”2026年日喀则市群众文艺汇演"],
    ),
    # A project heading its clause, its cost or length before it, that the clause says is done.
    (
        "投资1.2亿元的县城污水处理厂扩建项目于今年6月完工，日处理能力翻番。",
        ["县城污水处理厂扩建项目"],
    ),
    ("总长18公里的乡村旅游环线提升工程全线贯通，游客通行更便捷。", ["乡村旅游环线提升工程"]),
    # A measure for the public a unit puts into practice, named as one after the marks.
    ("县政务服务中心推行“一窗受理、集成服务”便民举措，群众办事更快捷。", ["“一窗受理、集成服务”"]),
    # A drive joined by 暨 to the event held under it, however short its name.
    ("县人社局举办2026年春风行动暨就业援助月专场招聘会。", ["春风行动"]),
    ("12月2日，全市健康拉萨行动暨爱国卫生工作推进会召开。", ["健康拉萨行动"]),
    # A system of who answers for what, however the clause brings it in.
    ("产业的发展，离不开“企业带、基地联、农户干”的组织体系。", ["“企业带、基地联、农户干”"]),
    # The first drive of a numbered group spelled out, which no verb opens.
    (
        "会议部署“三项行动”，即牧区草场保护行动、农牧民技能提升行动和乡村道路畅通行动。",
        ["“三项行动”", "牧区草场保护行动", "农牧民技能提升行动", "乡村道路畅通行动"],
    ),
    # A points shop a unit rolls out is a scheme that rewards conduct, not a shop.
    ("镇里在各村推行“文明积分超市”,村民参加义务劳动可获得积分。", ["“文明积分超市”"]),
    # A project that the clause says is done, the unit that pays opening the clause.
    ("去年,合作社投资800万元的牦牛奶加工项目竣工投产,年加工鲜奶2000吨。", ["牦牛奶加工项目"]),
    # Schooling carried out under a quoted name, the field it teaches after the marks.
    ("县教育局在各校开展“平安校园”消防安全教育,覆盖师生5000人。", ["“平安校园”消防安全教育"]),
    # A model named in marks, its parts explained after it, each by `即`: the model alone.
    (
        "全县探索形成“一核两翼”发展模式：“一核”即建设县级农产品加工园，“两翼”即牦牛、青稞产业链。",
        ["“一核两翼”发展模式"],
    ),
    # A field of aid to Tibet in marks names its programme, whatever it is said to be.
    ("他表示，建立区外实训基地是深化“医疗援藏”的重要举措。", ["“医疗援藏”"]),
    # A unit's measures named in marks, after the list they sum up.
    (
        "县里采取人员到位、物资到位、预案到位等“三个到位”措施，确保群众温暖过冬。",
        ["“三个到位”措施"],
    ),
    # A policy for the ecology, unquoted, is a programme, however it is put.
    ("双湖县用好生态护林员岗位政策，选聘护林员300名。", ["生态护林员岗位政策"]),
    ("草原生态保护补助奖励政策实施以来，牧民增收。", ["草原生态保护补助奖励政策"]),
    (
        "县里全面落实新一轮草原生态保护补助奖励政策，发放补奖资金1.2亿元。",
        ["新一轮草原生态保护补助奖励政策"],
    ),
    # A title to win, its own words in marks.
    ("县里以创建“美丽乡村”示范县为抓手，整治村庄环境。", ["创建“美丽乡村”示范县"]),
    # What a check is one part of, `我市` saying whose the drive is.
    (
        "此次督查是我市冬季燃气安全隐患排查整治专项行动的一项重要内容。",
        ["冬季燃气安全隐患排查整治专项行动"],
    ),
    # A section of a numbered road named by its two ends, heading its clause.
    (
        "项目进展顺利。G318线然乌至八宿段改建工程是全市重点项目，全长90公里。",
        ["G318线然乌至八宿段改建工程"],
    ),
    # A method named after how its parties act together.
    ("社区建立“居委会+物业+业主”三方联动的议事机制，解决难题40件。", ["“居委会+物业+业主”"]),
    # A renewal other work is pushed on with.
    ("下一步，区里将把背街小巷改造与城市更新行动统筹推进。", ["背街小巷改造", "城市更新行动"]),
    # Two quoted names a unit puts into practice, joined, the kind after the second.
    ("县里同步推进“明厨亮灶”和“智慧食堂”建设，覆盖学校20所。", ["“明厨亮灶”", "“智慧食堂”建设"]),
    # A fund for students or the needy named in marks.
    ("援藏工作队设立的“雪莲励志奖学金”今年奖励学生200名。", ["“雪莲励志奖学金”"]),
    # Coaching under a quoted name, the phrase ending there.
    ("学校针对毕业班推出“一班一策”精准辅导，每周开展两次。", ["“一班一策”精准辅导"]),
    # What the subject of `是` belongs to: a quoted programme with its kind, then `的`.
    ("这所小学是“阳光助学”项目的受援学校，今年新增图书2000册。", ["“阳光助学”项目"]),
    # A show, a concert or a gala in marks; a verb between says what one was.
    ("在湖畔，“星空之约”草原音乐会连续举办2场，吸引游客3000人次。", ["“星空之约”草原音乐会"]),
    ("县文旅局组织“欢乐牧区”惠民演出30场。", ["“欢乐牧区”惠民演出"]),
    # An activity listed whole in marks among those a unit holds, the list called activities.
    (
        "县应急管理局组织开展安全知识竞赛、“平安同行”、应急疏散演练等系列活动。",
        ["“平安同行”"],
    ),
    # A festival a unit holds under a quoted name; the numbered bare kind after it points back.
    (
        "县商务局举办“林芝好物”农特产品直播节，今年举办的第三届直播节为期5天。",
        ["“林芝好物”农特产品直播节"],
    ),
    # A quoted system a unit has formed or goes on improving, named as one after.
    ("全县基本形成了“人防+技防”相结合的森林防火体系。", ["“人防+技防”"]),
    ("团县委将持续优化“导师+基地”的青年就业服务体系。", ["“导师+基地”"]),
    # A quoted method of a long field, named as one after `的`.
    ("当雄县积极探索“合作社+牧户”的高原生态畜牧业发展模式。", ["“合作社+牧户”"]),
    # A quoted name put into practice, then `工作` and a stop.
    ("县司法局深入推进“一村一律师”工作，实现法律服务全覆盖。", ["“一村一律师”"]),
    # A programme whose gains a unit builds on.
    ("下一步，县里将持续巩固边境小康村建设成果，发展特色产业。", ["边境小康村建设"]),
    # A drive whose progress a meeting is told of.
    ("会议通报了前一阶段农村假冒伪劣食品专项行动进展情况。", ["农村假冒伪劣食品专项行动"]),
    # A campaign named with its rank and without.
    (
        "今年，区里持续巩固全国文明城市创建成果。据介绍，区里围绕文明城市创建常态长效，整治小巷52条。",
        ["全国文明城市创建"],
    ),
    # A quoted phrase joined to the next by 和 or 与 ends there.
    ("我市全面推行“双随机、一公开”监管和包容审慎监管。", ["“双随机、一公开”监管"]),
    ("医院将“组团式”医疗帮扶与义诊相结合。", ["“组团式”医疗帮扶"]),
    # A gathering or a contest held, named whole in marks.
    ("米林市每月举办一期“政企早餐会”，由市领导与企业家面对面交流。", ["“政企早餐会”"]),
    ("活动现场，“悦读·藏汉双语朗诵会”率先开场。", ["“悦读·藏汉双语朗诵会”"]),
]


@pytest.mark.parametrize(("phrase", "names"), CAMPAIGNS, ids=[c[1][0] for c in CAMPAIGNS])
def test_campaign_is_named(phrase: str, names: list[str]) -> None:
    campaigns = extract(phrase).campaigns
    assert [c.name for c in campaigns] == names
    for campaign in campaigns:
        assert campaign.name.replace("“", "").replace("”", "") in phrase.replace("“", "").replace(
            "”", ""
        )


def test_a_campaign_named_twice_is_one_campaign() -> None:
    text = (
        "深入开展“全民消防我体验”宣传活动。"
        "“全民消防我体验”宣传活动走进学校、医疗机构等单位。"
        "通过“全民消防我体验”，群众掌握了逃生自救技能。"
    )
    assert [c.name for c in extract(text).campaigns] == ["“全民消防我体验”宣传活动"]


def test_a_trial_of_a_quoted_scheme_is_that_scheme() -> None:
    text = "社区推行“爱心银行”互助养老模式。“爱心银行”试点运行一年来，参与者越来越多。"
    assert [c.name for c in extract(text).campaigns] == ["“爱心银行”互助养老模式"]


# One campaign named in two forms: in the headline and in the text, or with and without
# the words that lead it. The text's name is kept, else the fuller one.
NAMED_TWICE: list[tuple[str, str, str]] = [
    # A quoted programme called a project once and a work once.
    (
        "藏医药传承后继有人",
        "县里实施藏医药“名医带徒”传承工程。学员卓玛是“名医带徒”项目的第一批学员。",
        "“名医带徒”传承工程",
    ),
    # A themed activity the headline names by its topic, the body by its quoted theme.
    (
        "镇里开展禁毒宣传主题党日活动",
        "近日，镇党委组织党员在集市开展“珍爱生命 远离毒品”主题党日活动，发放资料600份。",
        "“珍爱生命 远离毒品”主题党日活动",
    ),
    # A city's title the headline seeks, its rank dropped; the body names the programme.
    (
        "创建卫生城市 健康生活从我做起",
        "近日，市爱卫办在城区开展环境卫生大扫除，全力推进国家卫生城市创建。",
        "国家卫生城市创建",
    ),
    # A drive in marks with its field before it; the headline names it by field and kind.
    (
        "县交警大队开展道路交通安全专项整治",
        "近日，县交警大队开展为期100天的道路交通安全“百日攻坚”专项整治行动，查处违法行为300余起。",
        "道路交通安全“百日攻坚”专项整治行动",
    ),
    (
        "乃东区开展“平安校园”宣传活动",
        "近日，乃东区司法局在全区中小学开展“平安校园”法治宣传教育活动。",
        "“平安校园”法治宣传教育活动",
    ),
    (
        "“组团式”援藏专家走进革吉",
        "近日，由地区人民医院“组团式”教育援藏专家组成的讲师团在革吉县开展送教活动。",
        "“组团式”教育援藏",
    ),
    (
        "",
        "第五届日喀则市迎新春“珠峰杯”乒乓球赛开赛。迎新春“珠峰杯”乒乓球赛已连续举办五年。",
        "第五届日喀则市迎新春“珠峰杯”乒乓球赛",
    ),
    (
        "琼结县开展“三高”免费筛查",
        "今年琼结县“三高”筛查覆盖全县60岁以上老人，筛查经费由财政承担。",
        "“三高”筛查",
    ),
    (
        "东城派出所开展违规载人行为整治行动",
        "近日，东城派出所在辖区开展摩托车、电动车违规载人行为整治行动，查处违法行为120起。",
        "摩托车、电动车违规载人行为整治行动",
    ),
    (
        "",
        "林周县深入开展民族团结进步示范创建，以创建全国民族团结进步示范县为目标。",
        "民族团结进步示范创建",
    ),
    # An event printed again without its number in the series, before or after it.
    (
        "定结县第二届珠峰文化节开幕",
        "本届文化节为期3天。据了解，定结县珠峰文化节已连续举办两年。",
        "定结县第二届珠峰文化节",
    ),
    (
        "",
        "仲巴县农牧民运动会每年举办。今年，仲巴县第四届农牧民运动会在县城开幕。",
        "仲巴县第四届农牧民运动会",
    ),
    # A headline's name whose words stand in the body's name in order, or the same
    # drive by another of its kinds.
    (
        "曲松县“法律服务”活动走进寺庙",
        "近日，曲松县司法局开展“法律服务 暖心为民”主题活动，发放资料500份。",
        "“法律服务 暖心为民”主题活动",
    ),
    (
        "古格遗址壁画保护工程通过验收",
        "11月2日，札达县古格遗址壁画抢救性保护工程通过自治区文物局组织的专家验收。",
        "札达县古格遗址壁画抢救性保护工程",
    ),
    (
        "琼结县开展冬季食品安全专项检查",
        "本报讯 琼结县市场监管局近日开展冬季食品安全专项整治行动，检查经营户120家。",
        "冬季食品安全专项整治行动",
    ),
    # The same drive over one field, its qualifier another in the headline.
    (
        "浪卡子县开展学校食堂安全隐患专项整治",
        "本报讯 近日，浪卡子县教育局开展秋季安全隐患专项整治，检查食堂16个。",
        "秋季安全隐患专项整治",
    ),
    # A headline opening with the quoted words of the body's name, another kind after.
    (
        "堆龙德庆区“家门口”招聘会助力就近就业",
        "本报讯 12月2日，堆龙德庆区在乃琼镇举办“家门口”就业招聘活动，岗位200多个。",
        "“家门口”就业招聘活动",
    ),
    # A headline naming by its field the drive the body names by its quoted theme.
    (
        "那曲市开展冬季道路交通安全集中整治",
        "本报讯 近日，那曲市交警支队开展“平安冬运”道路交通安全专项行动，查处违法行为300起。",
        "“平安冬运”道路交通安全专项行动",
    ),
]


def test_a_qualifier_in_the_text_makes_another_campaign() -> None:
    text = (
        "全区集中开展行业乱点乱象专项整治，取得明显成效。"
        "在交通运输领域，全区开展为期两个月的交通运输行业乱点乱象专项整治。"
    )
    assert [c.name for c in extract(text).campaigns] == [
        "行业乱点乱象专项整治",
        "交通运输行业乱点乱象专项整治",
    ]


def test_a_programme_printed_whole_then_by_the_words_it_keeps_is_one_campaign() -> None:
    text = (
        "今年以来，日喀则市全面推行县级公共图书馆总分馆制建设，实现通借通还。"
        "科长介绍，总分馆制建设最大的变化是“书动起来了”。"
        "要把总分馆制建设作为推进公共文化服务均等化的重要抓手。"
    )
    assert [c.name for c in extract(text).campaigns] == ["县级公共图书馆总分馆制建设"]


def test_a_building_planned_to_be_sped_up_is_no_programme() -> None:
    text = "他表示，下一步将加快推进冷链物流信息平台建设，推动冷库资源共享。"
    assert not extract(text).campaigns
    assert [c.name for c in extract("要加快推进和美乡村建设，打造示范村6个。").campaigns] == [
        "和美乡村建设"
    ]


def test_the_bodys_fuller_name_of_a_numbered_event_holds_its_series() -> None:
    headline = "错那市举办第三届职业技能大赛\n"
    text = headline + (
        "近日，错那市第三届职业技能大赛在市职业技能培训中心落幕。"
        "据悉，错那市职业技能大赛自2022年起每年举办一届。"
    )
    names = [n.name for n in campaign_names(text, len(headline))]
    assert names == ["错那市第三届职业技能大赛"]


def test_another_number_in_a_series_is_another_event() -> None:
    text = "县里举办了第二届农牧民运动会。今年，县里又举办了第三届农牧民运动会。"
    assert [c.name for c in extract(text).campaigns] == ["第二届农牧民运动会", "第三届农牧民运动会"]


def test_a_time_word_opens_no_name() -> None:
    # `以来` is a time, not the opener `以` (`来全市健康拉萨行动`).
    text = "会议通报了今年以来全市健康拉萨行动推进情况。"
    assert not any(c.name.startswith("来") for c in extract(text).campaigns)
    assert not extract("今年以后全县禁牧行动").campaigns


def test_a_programme_seeking_no_one_title_is_another_campaign() -> None:
    text = "乃东区深入推进民族团结进步创建，以创建全国民族团结进步示范区为目标。"
    assert [c.name for c in extract(text).campaigns] == [
        "民族团结进步创建",
        "创建全国民族团结进步示范区",
    ]


@pytest.mark.parametrize(("title", "text", "name"), NAMED_TWICE, ids=[n[2] for n in NAMED_TWICE])
def test_one_name_of_two_is_kept(title: str, text: str, name: str) -> None:
    assert [c.name for c in extract(text, title=title).campaigns] == [name]


# Generic phrases, one-off meetings, documents and quoted terms are no campaign.
NOT_CAMPAIGNS = [
    # An event of a series named since its first round, looked back on: none held here.
    "自首届“念青之巅”全民健身越野跑举办以来，参赛人数逐年增多。",
    "社区开展文体活动，丰富居民生活。",
    # An event pointed back to; an event's theme; a quoted subject doing something.
    "为办好本届赛马节，县里成立了筹备组。",
    "巡演以“文化在身边 欢乐进万家”为主题。",
    "“流动书车”把图书和报刊送到牧民家门口。",
    # How a training is taught; how fast a service is done; fields listed with others.
    "培训为期10天，采取“理论+实操”方式。",
    "培训采取“理论授课+实操演练”的方式。",
    "对鲜活农产品实行“即到即验、即验即放”。",
    "统筹推进村卫生室建设、人员配备和服务能力提升。",
    "市里把城市公园设施建设列入民生实事。",
    "各乡镇要建立优抚对象“一人一策”帮扶台账，实行销号管理。",  # a ledger kept
    # Who answers for what, how far a dispute goes: rules; rooms and points: places; a
    # going alone; a kind running on into an area.
    "对外来人员实行“谁雇用、谁负责”。",
    "县里大力推广“喜马拉雅22号”等优良品种。",  # a variety sown
    "调解小组实行“小事不出村、大事不出乡”。",
    "在各采挖点设立“流动登记点”，逐一登记。",
    "依托服务站设立“老兵议事厅”，定期议事协商。",
    "要在“流动”和“上门”上下功夫。",
    "大厅设立了“帮办代办”服务区，专人值守。进一步强化非煤矿山企业安全生产工作。",
    "把安全生产工作落到实处。",
    "推进基层治理体系和治理能力现代化。",
    "有序推进乡村建设、乡村发展、乡村治理等工作。",
    "此次活动吸引了众多群众参加。",
    "城关区召开安全生产工作会议。",
    "研究制定《非煤矿山企业监管不足专项整治工作方案》。",
    "曝光不是目的，让我们一起向不文明行为说“不”。",
    "检查“两客一危”车辆1300余辆次。",
    # Slogans, demands and aims in marks, and quoted words that describe, contrast or
    # qualify: no initiative of their own.
    "各乡镇要落实“打早、打小、打了”要求，严防森林火灾。",
    "医疗队坚持“输血”与“造血”并重，帮助医院培养人才。",
    "达孜区坚持把平安建设作为“一把手”工作来抓。",
    "该公路是昌都市“十四五”交通重点项目。",
    "研发推广“智慧党建”微信小程序，方便党员学习。",
    "比赛全程通过“阿里发布”新媒体平台进行直播。",
    "园区打造了“一站式”服务中心。",
    "乡里以“小网格”构建基层治理，化解矛盾纠纷。",
    "推动安全生产由“事后处置”向“事前预防”转变。",
    "让昔日的“风吹石头跑”变成了如今的“草绿羊肥”。",
    "项目部实行“两班倒”作业，确保工期。",
    "共同开展好“两新”组织妇委会工作。",
    "以“最大限度地减少不和谐因素”为目标开展工作。",
    "“最多跑一次”让群众少跑腿",
    "全县深入践行“两个维护”，确保政令畅通。",
    "县里严格落实“四个最严”，守护群众舌尖上的安全。",
    "本届旅游节以“千年藏香 匠心传承”为主题，设置4个板块。",
    # Fields of work and sentence fragments ending in a kind of initiative.
    "加快推进重点项目建设。",
    "重点项目建设加快推进，各项工作有序推进。",
    "县里将抓好项目建设，确保按期完工。",
    "下一步将建立管护长效机制，确保工程长期发挥效益。",
    # A mechanism named only by how units work together; a system's short form.
    "交警部门与路政、消防等部门建立联勤联动机制。",
    "乡里和县气象部门建立了信息共享机制。",
    "市公安局与周边地市建立了禁毒协作机制。",
    "各县建立快速响应机制，做到接件即办。",
    "记者见到了正在村里推广积分制的驻村干部。",
    "加快推进重点项目建设，开展重点攻坚行动。",
    "乡里开展了一次“大扫除”，清理垃圾10吨。",
    "社区开展入户调查，摸清居民底数。",
    "当雄站货运场站改造等一批基础设施项目建成投用。",
    "目前已有11个项目完工。",
    "全市“十四五”规划项目全部开工。",
    # A kind of work counted: what was done, not one programme.
    "今年实施农村供水项目118个，新建和改造集中供水工程46处。",
    "全县共开展安全隐患排查整治1260家次，整改隐患392处。",
    # A kind of initiative in a list of trades or in a company's name.
    "招聘会提供电子商务、建筑工程、酒店管理等岗位3260个。",
    "在西藏圣城建设工程有限公司展位前，毕业生排起了长队。",
    "有序推进城关区乡村建设。",
    "抢在封冻前完成全部路面工程。",
    "质量和安全是工程建设的生命线。",
    "开展新技术新项目27项。",
    "此类志愿服务活动今年已开展14场。",
    "乡里开展走访慰问活动。",
    "城关区举办篮球比赛，共有16支球队参加。",
    # Honours and awards in marks: what is won, not what is run.
    "联赛设“最佳教练员”“优秀裁判员”“精神文明奖”等奖项。",
    "全县今年评选出县级“文明家庭”86户。",
    "团县委授予12名青年“青春榜样”称号。",
    "从“致富带头人”中评选出“创业之星”30名。",
    # Bodies, posts and lines that serve, named in marks: who does the work, not the work.
    "镇里组建“红马甲”志愿服务队8支，常年开展巡河。",
    "“四好农村路”建设者团队获得表彰。",
    "县里推行农村公路“路长”巡查，发现问题及时处理。",
    "县司法局组建“格桑花”普法宣讲团，深入乡村宣讲。",
    "村里设立“爱心驿站”，为环卫工人提供热水。",
    "街道设立“老兵之家”，为退役军人提供服务。",
    "群众可拨打“日喀则12345”政务服务便民热线反映诉求。",
    # Ways of working described in marks: activities listed as the way one thing is done,
    # a state reached, one session, a speaker's word for a shift.
    "工作队采取“入户走访+集中宣讲”的方式，宣传惠民政策。",
    "县里实现辖区消防设施“一张网”管理。",
    "图书馆每周六举办1场“亲子故事会”，由志愿者讲故事。",
    "门口挂着一块木牌——“帕羊牧民读书会”。",
    "“我们实行‘三班倒’，机器不停人轮换。”项目负责人说。",
    # A brand is sold, not run (a party organisation's brand is its programme).
    "县里将打造“雪域酥油”区域公用品牌。",
    # Sentence fragments: a verb phrase or a measure word inside the name.
    "他强调，要加快推进重大项目开工建设。",
    "学校每年举办一次校园科技节。",
    "全市已创建全国文明示范村（社区）8个。",
    "今年将再实施农村公路提升工程120公里。",
    "学校与区外学校结成“云端”帮扶对子，每周开设同步课堂。",
    # A verb done stands between the quoted words and a kind: a sentence, not a name.
    "全镇用一个个“小网格”织密了服务群众的“大网络”。",
    "“小积分”换来了服务上门，群众很满意。",
    # A shop is a body, as a post or a house is, not an initiative.
    "全县设立“爱心超市”38个，群众用积分兑换生活用品。",
    "县里把发展乡村旅游作为群众增收的重要抓手。",
    # Quoted words a unit sets out to prevent name an ill.
    "城关区坚决杜绝“拉链马路”和“半拉子工程”。",
    "各乡镇要避免“一刀切”管理。",
    # What works are judged by, named before `工程`, is no project of the unit's.
    "社区把居民满意度作为工程验收的重要标准。",
    # An aim, a rule followed, times pledged, a manner of taking part.
    "各县要加快施工，确保“电进牧区、水进农家”。",
    "按照“先建后补、以奖代补”的办法推进改造。",
    "抢修队实行“12小时到场、24小时修复”，保障群众用电。",
    "牧民以“出草场、出牲畜”的方式入股合作社。",
    # Services listed and called by a quoted word; a kind running on into a body.
    "中心为企业提供注册登记、税务申报等“一站式”服务。",
    "今年有12名学生被“双一流”建设高校录取。",
    # One word and a kind; what goes, with nothing said to go; things or people counted.
    "学校把老教师的“好经验”传下去。",
    "快递“进村入户”，打通了最后一公里。",
    "合作社培养“土秀才”“牧专家”60名。",
    # Kinds of policy and fields of building; a short work joined to another; a work's quality.
    "要用好产业扶持政策，扩大保险覆盖面。",
    "统筹推进城镇基础设施建设和公共服务。",
    "一批群众期盼的灌溉和供水工程相继建成。",
    "要在确保工程质量的前提下加快进度。",
    # `运动` a unit does not carry out is a sport.
    "各县还将举办赛马、射箭、冰雪运动体验等群众性体育活动。",
    "学校组织学生参加户外运动。",
    # How far a thing is done, between quoted words and a kind, makes a sentence.
    "全县“两轮一危”车辆已全部接入动态监控平台。",
    # What is done every time a case comes is a pledge.
    "大队实行“逢会必学、逢事必议”，提高了效率。",
    # Quoted routes counted right after.
    "景区推出“雪山探秘”“湖畔漫步”两条精品线路。",
    # Mechanisms listed are provisions made.
    "镇里建立健全联席会议审查机制、风险评估机制。",
    # A kind cut from a body's name the article prints elsewhere.
    "县里组建“雪域红医”服务队8支。明年，“雪域红医”服务将覆盖所有行政村。",
    # A state changed from; a system of information; a window.
    "要把体检从“一次性检查”变为健康管理的全过程。",
    "县里依托“智慧草原”信息平台，实现全程监管。",
    "各网点开设“敬老窗口”，提供双语服务。",
    # A festival of three characters may be a people's own; a step is none.
    "纳西族的“三朵节”还要一起去跳舞。",
    "检查了“三个责任人”履职和“三个重点环节”落实情况。",
    # Those who form a body; what a place's scenery was built on.
    "县里组织村“两委”干部组成政策宣讲小分队，深入各乡开展宣讲。",
    "依托拉萨河谷风光建设的乡村民宿共有客房24间。",
    # A loan policy; fields of building; how much a work matters.
    "县妇联落实妇女创业担保贷款政策，发放贷款2000万元。",
    # A policy named by what it grants, without marks, however it is put.
    "牧区全面落实草畜平衡和禁牧政策。",
    "县总工会大力推进职工文化阵地建设。",
    "县里持续推进基层农技推广体系建设。",
    "全县加快推进重大项目建设。",
    # Steps joined in marks, taken as the way something is done, naming no party.
    "施工单位采取“分段施工、半幅通行”的方式，缩短工期。",
    "项目采用“光伏+空气源热泵+电辅热”的供热方式，建成换热站6座。",
    # A manner of working in marks, with no system or drive named after it.
    "对困难家庭毕业生实行“一对一”结对帮扶，确保就业。",
    "县里开展征兵政策“面对面”宣讲。",
    # Aims listed; a first session; a unit holding a training session.
    "全市以“保通、保畅、保安全”为目标，确保道路畅通。",
    "开园当天，孵化园还举办了首场农特产品直播带货活动。",
    "近日，达孜区举行民族传统体育项目培训班。",
    # A follow-up check with nothing named before it: a step of a drive.
    "对已完成整改的问题，县里将组织开展“回头看”，防止问题反弹。",
    "暑假前开展一次青少年暑期安全情况“回头看”。",
    "全市春季动物疫病集中免疫工作圆满完成。",
    "今年4月23日是第29个世界读书日。",
    # A service's standard or capacity raised names no service.
    "琼结县妇联全面提升“儿童之家”服务水平。",
    "要持续提升“一网通办”“一线应答”服务能力。",
    # A ledger kept of a quoted management names no method.
    "县里还建立了碳汇林地“一张图”管理台账，对试点区域逐块登记。",
    # A reform or a field of building pushed on and on: a line of work.
    "下一步，县里将持续深化养老服务改革，推动服务下沉。",
    # A reform a speaker says must be deepened is a line of work.
    "他要求，要深化医疗保障制度改革，减轻群众负担。",
    # The shop where points are spent stays a place.
    "村民可凭积分到村里的“积分超市”兑换生活用品。",
    "她强调，要继续推进医保数据平台建设。",
    "要把牦牛品种改良作为保障增收的基础性工程来抓。",
    # What a unit builds is a thing, a place or a brand, not a method put into practice.
    "镇里打造“藏东明珠”，吸引游客前来打卡。",
    "社区打造“一刻钟便民生活圈”。",
    # Bodies in marks: a council, a cooperative, an office.
    "县里建立“乡贤理事会”，调解邻里纠纷。",
    "村里成立了“雪莲花”合作社，入社群众86户。",
    "乡里设立“第一书记”工作室，接待来访群众。",
    # Quoted words of a run that name tasks together, not methods.
    "各乡镇要落实“六稳”“六保”任务。",
    # A verb between quoted words and a kind makes a sentence.
    "为“三农”提供服务。",
    "“两会”期间各乡镇加强安全管理。",
    "“五一”假期各景区强化安全管理。",
    # Works praised, not named; an action of two words is a kind of action.
    "全面推进民生工程，办好群众身边事。",
    "县里实施十大民心工程。",
    "当地积极投身乡村振兴伟大工程。",
    "消防员第一时间参加救援行动。",
    "城管部门开展清理行动，拆除违建12处。",
    # The site of works is a place.
    "在县人民医院门诊楼建设工程施工现场，工人们正在作业。",
    # One session of an activity, or one held at a season with no name of its own.
    "社区举办了一场迎新春文艺演出活动。",
    "县里组织开展了节前走访慰问活动。",
    "各学校要广泛开展冬季校园体育活动。",
    # A mechanism still to be improved is no name.
    "建立完善联系群众机制。",
    # A field of work taken in charge is no programme.
    "县里把供暖工作纳入为民办实事项目。",
    # What a thing is made into describes it; measures not counted are a phrase.
    "真正把这件好事办成群众满意的“民心工程”。",
    "“多措并举”促进群众增收。",
    # A session of a body is no event of a series.
    "县第十八届人民代表大会第三次会议召开。",
    # A field of reform in a new round, a field's work going on: no programme named.
    "新一轮农村改革启动。",
    "乡村振兴各项工作扎实推进。",
    "县城基础设施建设加快推进。",
    # A zero to keep to is a stance or a target.
    "对违规行为实行“零容忍”。",
    # Works or fields of building joined by 和 are a field of work.
    "集中推进室外管网和路面工程。",
    "加快推进大型光伏基地和抽水蓄能电站建设。",
    # What heads a clause that started is no name when it is generic or one session.
    "此次活动正式启动。",
    "各项工作扎实推进。",
    "重点项目建设取得明显成效。",
    # Quoted words that do something to a kind are a sentence's subject, not a name.
    "“小网格”让群众享受到便捷服务。",
    "“数字乡村”赋能基层治理体系。",
    "“红色物业”助推社区治理。",
    # A festival's activity is too short to be named; two works joined are a field of work.
    "学校开展节日活动。",
    "县里农村公路建设和农房改造项目进入收尾阶段。",
    # A headline saying where an event went names no campaign of its own.
    "“百县千岗”进校园",
    # A field of service taken in charge; a field brought to a new way of working.
    "县里把居家养老服务作为为民办实事项目。",
    "县里持续推进卫生健康信息化建设。",
    # Things offered, people trained, platforms and channels are no initiatives.
    "县里推出“雪山日出”“古寺晨钟”等摄影线路6条。",
    "镇里选拔培养“乡土人才”，带动群众致富。",
    "合作社接入“智慧农场”管理平台。",
    "城关区依托“智慧安监”平台，实时监测企业用电。",
    "口岸为农产品开设快速通关“绿色通道”。",
    # Moving about is no drive.
    "康复师正在帮一位行动不便的老人做训练。",
    # The second of two quoted words set against each other; a class with no name.
    "坚持以“小切口”推动“大治理”。",
    "县里举办第二期培训班。",
    # Places counted after a run of quoted names; a phrase that says what something is.
    "村里建立“说事室”“议事会”等议事平台12个。",
    "县里依托藏戏这一非物质文化遗产代表作项目，建成传承基地3个。",
    # A training class is no campaign, however fully it is named.
    "全县第二期村干部能力提升培训班开班。",
    # Works counted inside the name, the whole place as a name's head, a field in which.
    "县里实施了两处集中供水工程。",
    "对全县集中供水工程开展水质巡检。",
    "在防洪工程建设上，各县加快进度。",
    # A field listed with its stages; sessions counted; what a term is made.
    "县里统筹推进农村公路建设、管理、养护协调发展。",
    "全县开展禁毒宣传活动260余场次。",
    "社区把“结对认亲”作为模范创建的重要内容。",
    # Works of a size, every work of a kind a place has, a nature word opening no name.
    "对全县千人以上供水工程划定保护范围。",
    "县里对全乡农村供水工程实行专人管护。",
    "一旦因自然灾害造成工程损毁，可获得理赔。",
    # A principle in a list, its last item a kind; a lasting mechanism; a tax policy; a zone.
    "各县要坚持“先立规矩、后上工程”，稳步推进改革。",
    "下一步将建立涉农收费长效监管机制。",
    "全县不折不扣落实结构性减税降费政策。",
    "中心设立“企业服务专区”，集中办理开办业务。",
    "景区实现了重点文物“全天不断线”监管。",
    # A pledge that all due is done; principles kept; where a service goes, with no name.
    "全市以“应收尽收、应归尽归”为目标，督促各单位移交档案。",
    "县里要严格落实“属地管理、分级负责、齐抓共管”，确保安全。",
    "农技服务不仅要“送上门”，还要“留得住”。",
    # A fair a brand is signed at; a field made digital; a contract for works checked.
    "“雪域青稞”区域公共品牌今年在区外展销会上签约600万元。",
    "推进数字档案馆建设。",
    "执法人员在核对工程合同时发现了问题。",
    # How a unit runs a thing, a rota or a rule; a post or a facility it sets up.
    "执法队员实行“两班倒”，全年不间断值守。",
    "对不达标的乡镇实行“一票否决”。",
    "镇里在基地设立“科技小院”，常年有专家驻点。",
    # A side show of another event, a show held alone: one-off events.
    "运动会期间，县里同步举办特色农产品展销活动。",
    "县图书馆首次举办馆藏古籍珍本展，展出古籍80余册。",
    # A mechanism or a system improved is a provision kept in order.
    "督促企业建立健全全员消防安全责任制。",
    "要建立健全矛盾纠纷多元化解机制。",
    # The channel a service is used by; a street with a title; a tax relief; hazards
    # tackled with no field named.
    "营业厅推行“刷脸缴费”“线上报修”，群众足不出户就能办理。",
    "窗口推出“线上+线下”服务。",
    "推行“掌上办”“网上办”。",
    "八廓街道“诚信经营示范街区”通过市级验收。",
    "县税务局全面落实“六税两费”减半征收政策。",
    "围绕林区用火开展隐患排查整治。",
    "市里开展安全隐患专项整治。",
    # The site of road works; a project named only by its cost; a service offered.
    "在贡嘎县城至杰德秀镇公路改建工程施工现场，摊铺机来回作业。",
    "总投资3600万元的全民健身中心项目正在加紧建设。",
    "县里为老年人提供家庭医生签约服务。",
    # Theme education held by a unit for a field of its own is an activity of that unit.
    "市工商联召开全市民营企业主题教育经验交流座谈会。",
    # Drills counted in a year, a drill's plan.
    "2026年全县共开展应急演练12场。",
    "县里制定2026年防汛应急演练方案。",
    # A responsibility system without marks is a duty kept.
    "各乡镇要严格落实草原防火责任制。",
    # A work's pipes; how much a work matters; a quoted body going out to do its work.
    "县水利局对农村供水工程管网采取保温防冻措施。",
    "县里把民族团结进步工作作为基础性、战略性工程来抓。",
    "市妇联组织“巾帼宣讲团”进村入户宣讲150余场次。",
    # A quoted platform called a project.
    "“智慧兽医”平台是县里今年打造的信息化项目。",
    # A drive named by four characters of its field alone.
    "镇里全面推进人居环境整治，让小镇焕发新颜。",
    "城管局推进市容环境整治，不搞简单化。",
    # Works counted after what they cost.
    "县里投资2860万元新建集中供水工程9处。",
    "总投资3.6亿元的高原青稞精酿啤酒项目签约仪式在县城举行。",
    # What a thing is said to be, a measure named after it.
    "入户宣传是打通消防安全“最后一米”的关键举措。",
    # The work at hand, joined to the study of a meeting's spirit.
    "镇里把学习全会精神与春季农田水利建设结合起来。",
    # A network built or formed, quoted; a meeting held.
    "全区构建起“区级有中心、乡镇有站点、村居有网点”的农村物流配送体系。",
    "县里召开的“两会”上，代表们踊跃发言。",
    # Publicity on a topic, a kind of activity held again and again.
    "支队在广场开展消防宣传咨询活动，设立咨询台。",
    "交警大队在城区开展道路交通安全宣传教育活动，发放资料500份。",
    # How often a unit does a thing: a count of times, no drive named.
    "中队每周开展一次消防巡查行动，检查沿街商铺。",
    "派出所每季度组织两次联合检查行动。",
    # The building of projects of a kind, made the mainstay of work: a field, no name.
    "各级各部门要把对口支援项目建设作为推动发展的重要抓手。",
    # A part of a model the words after the marks explain, `即` `namely`.
    "“一核”即建设县级农产品加工园，“两翼”即牦牛和青稞两条产业链。",
    # A kind whose words belong to the words on either side: `进行|动态`.
    "工作人员对巡护路线进行动态调整，确保全覆盖。",
    # A run of quoted people whose kind runs on into the body they form.
    "村里选派8名“致富带头人”“养殖能手”组成技术服务队，上门指导。",
    # An activity held at the same time as the event the article reports.
    "本届运动会设置了12个比赛项目，同时举办了特色农产品展示展销活动。",
    # Quoted words ending in where a verb goes: how a thing moves, no method.
    "学校通过“走出去”的方式，组织教师赴内地跟岗学习。",
    # The building of a network, unquoted: a field of work.
    "要统筹推进重点项目建设和农村电商网络建设。",
    "县里依托城乡公交网络建设，开通了12条线路。",
    # A battle fought over the building of projects: a figure, no drive named.
    "全县上下鼓足干劲，全力打好项目建设攻坚战。",
    # A battle for a season's or a task's work: a figure, no drive named.
    "当雄县全力打好冬季供暖保障攻坚战。",
    # A capacity built up: a field of building.
    "当雄县还积极推进牧区交通保通能力建设。",
    # Works named by their size and a short field.
    "市公路养护中心实施小型养护工程，优先吸纳群众务工。",
    # Quoted words that label all of a unit's measures.
    "派出所全面落实“防、控、查、管”各项措施，守护群众安全。",
    # A policy granting a subsidy to a group, unquoted: a provision applied.
    "镇里落实农牧民取暖补贴政策，惠及群众800户。",
    # What a place is said to be built by.
    "这里是全县8个村“联村共建”建设的加工厂。",
    # What a quoted show is said to be.
    "对牧民来说，这台“村晚”不仅是一场演出，更是一次团聚。",
    # The plan of legal publicity a unit works its tasks in with.
    "县司法局将结合“八五”普法规划，常态化开展法律咨询。",
    # The building of the party's organisations, a field of building.
    "镇里把民兵队伍建设与基层党组织建设结合起来。",
]


@pytest.mark.parametrize("phrase", NOT_CAMPAIGNS)
def test_no_campaign(phrase: str) -> None:
    assert [c.name for c in extract(phrase).campaigns] == []


# --- who runs a campaign and where -----------------------------------------------

# (headline, dateline, text) → the first campaign's name, organizer, location
SPONSORS: list[tuple[str, str | None, str, tuple[str, str | None, str | None]]] = [
    # A clause opening with an aim names no unit (`确保厕所“有人建”` is none, though it ends
    # in `所`).
    (
        "",
        None,
        "各乡镇要加强管护，确保厕所“有人建、有人管”。厕所革命是农村人居环境整治提升行动的重要内容。",
        ("农村人居环境整治提升行动", None, None),
    ),
    # A time before the unit is no part of it; `本报讯` names no place, and a unit named
    # `市…局` is the article's city's, no place of its own.
    (
        "",
        None,
        "明年尼木县将全面推行“一村一品”发展模式。",
        ("“一村一品”发展模式", "尼木县", "尼木县"),
    ),
    (
        "",
        "本报讯(记者 旦增)",
        "今年以来，市城市管理和综合执法局全面推行沿街商户“门前三包”责任制。",
        ("“门前三包”责任制", "市城市管理和综合执法局", None),
    ),
    # A unit whose name ends in `所` acts as any other (`派出所大力推行…`).
    (
        "",
        None,
        "近年来，亚东县乃堆拉边境派出所大力推行“党建+警务+边民”联防模式。",
        ("“党建+警务+边民”联防模式", "亚东县乃堆拉边境派出所", "亚东县"),
    ),
    # A directive with no unit to carry it out is the meeting's body's: the whole the
    # headline opens with, not a unit of the sentences before.
    (
        "全市冬季供暖保障工作推进会召开",
        "本报昌都讯（记者 次仁）",
        "各县（区）要做好保障。昌都市委副书记出席。他指出，要开展供暖“冬季暖心”专项行动。",
        ("“冬季暖心”专项行动", "昌都市", "昌都市"),
    ),
    # A short word for a unit (`乡里`) stands for the one a speaker's title names.
    (
        "",
        None,
        "荣玛乡乡长次仁顿珠介绍，乡里实行“网格化巡护+积分考核”管理机制。",
        ("“网格化巡护+积分考核”管理机制", "荣玛乡", "荣玛乡"),
    ),
    # With none of its kind named before, the short word is the unit as printed; not
    # `该校`, which points back.
    (
        "",
        "本报山南讯（记者 达瓦）",
        "文化节期间，学校还举办了“非遗进校园”展演。",
        ("“非遗进校园”展演", "学校", "山南"),
    ),
    ("", None, "该校还举办了“非遗进校园”展演。", ("“非遗进校园”展演", None, None)),
    # A policy the unit carries out itself, the verb right before it, is the unit's.
    (
        "",
        None,
        "今年以来，林芝市全面落实教育“三包”政策，惠及学生3万人。",
        ("“三包”政策", "林芝市", "林芝市"),
    ),
    # `这是…的一个缩影`: the unit after `是` acts.
    (
        "",
        None,
        "村里的变化，是曲松县实施农村饮水安全巩固提升工程的一个缩影。",
        ("农村饮水安全巩固提升工程", "曲松县", "曲松县"),
    ),
    # An event its own sentence names no one for is held by the body a sentence after it
    # says (`本届…由…主办`).
    (
        "",
        None,
        "4月18日，为期25天的第二十四届林芝桃花文化旅游节在嘎拉村落下帷幕。"
        "本届桃花节由林芝市人民政府主办。",
        ("第二十四届林芝桃花文化旅游节", "林芝市人民政府", "林芝市"),
    ),
    # `合作社`, `检查站`, `海关` acting stand for the one named before; `推出` is what a
    # unit does.
    (
        "",
        None,
        "嘎措村畜牧业专业合作社成立于2019年。合作社推行“合作社+牧户+草场”的分区轮牧模式。",
        ("“合作社+牧户+草场”", "嘎措村畜牧业专业合作社", "嘎措村"),
    ),
    (
        "",
        None,
        "为了提升通关效率，吉隆边境检查站推出“预约通关”等便利措施。",
        ("“预约通关”", "吉隆边境检查站", None),
    ),
    # The unit at the head of the clause; the place where it is done.
    (
        "",
        None,
        "连日来，岗巴县司法局联合县公安局，深入昌龙乡、孔玛乡等边境乡镇开展“法律进边村”普法宣传活动。",
        ("“法律进边村”普法宣传活动", "岗巴县司法局", "昌龙乡、孔玛乡"),
    ),
    (
        "",
        None,
        "11月17日，城关区八廓街道在冲赛康广场举办“平安八廓”消防技能比武。",
        ("“平安八廓”消防技能比武", "城关区八廓街道", "冲赛康广场"),
    ),
    (
        "",
        None,
        "12月20日，第二届那曲市迎新春“羌塘杯”足球赛在那曲市体育中心开赛。",
        ("第二届那曲市迎新春“羌塘杯”足球赛", "那曲市", "那曲市体育中心"),
    ),
    # A word of manner may stand before what is done there; `高等级` and `在建` are
    # no `等` of a list nor `在` of a place.
    (
        "",
        None,
        "比如县还在12个边境村全面推行“双联户”工作机制。",
        ("“双联户”工作机制", "比如县", "12个边境村"),
    ),
    (
        "",
        None,
        "交警大队在国道109线那曲段、黑昌高等级公路那曲段等路段开展夜间酒驾醉驾专项整治行动。",
        ("夜间酒驾醉驾专项整治行动", "交警大队", "国道109线那曲段、黑昌高等级公路那曲段"),
    ),
    (
        "",
        None,
        "嘉黎县深入开展“百日安全”专项行动，聚焦在建工地、旅游景区等重点部位开展排查。",
        ("“百日安全”专项行动", "嘉黎县", "嘉黎县"),
    ),
    # A kind of area (`高海拔地区`, `乡村`) is no place.
    (
        "",
        None,
        "尼玛县实施高海拔地区生态搬迁。",
        ("高海拔地区生态搬迁", "尼玛县", "尼玛县"),
    ),
    (
        "金融活水润乡村",
        "本报讯(记者 白玛)",
        "今年以来，各县推广“整村授信”模式。",
        ("“整村授信”模式", "各县", None),
    ),
    # No place in the sentence: the organizer's own.
    (
        "",
        None,
        "入冬以来，达孜区公安分局交警大队开展冬季道路交通安全整治。",
        ("冬季道路交通安全整治", "达孜区公安分局交警大队", "达孜区"),
    ),
    # An organizer with no place: the article's (its dateline's here).
    (
        "",
        "本报那曲讯(记者 达瓦卓玛)",
        "市林业和草原局将组织开展“护林清山”行动，对整改不到位的问题挂牌督办。",
        ("“护林清山”行动", "市林业和草原局", "那曲"),
    ),
    # A clause without a subject continues the one before it.
    (
        "",
        None,
        "乃东区广泛开展结对认亲活动。同时，开展“同心圆”宣讲活动460余场次。",
        ("“同心圆”宣讲活动", "乃东区", "乃东区"),
    ),
    # A short word for a unit stands for the last unit of its kind.
    (
        "",
        None,
        "在昌珠镇克松村，群众的日子越过越好。村里推行“团结积分”管理办法。",
        ("“团结积分”管理办法", "昌珠镇克松村", "昌珠镇克松村"),
    ),
    (
        "",
        None,
        "吉崩岗街道零工市场去年9月建成投用。市场还每月举办1期“巧手课堂”，开设编织课程。",
        ("“巧手课堂”", "吉崩岗街道零工市场", "吉崩岗街道"),
    ),
    # A sentence that opens with its place: the place's, where no unit is named.
    (
        "",
        None,
        "在丁青县，县城集中供热管网改造项目近日通过验收。",
        ("县城集中供热管网改造项目", "丁青县", "丁青县"),
    ),
    # The body that holds an event.
    (
        "",
        None,
        "为期7天的山南市第八届雅砻文化旅游节圆满结束。本届文化旅游节由山南市委、市政府主办。",
        ("山南市第八届雅砻文化旅游节", "山南市委、市政府", "山南市"),
    ),
    # The whole city acting is the city the article is about, else no organizer; a
    # policy from above is not the unit's own.
    (
        "林芝市前三季度经济运行稳中向好",
        None,
        "今年以来，全市持续开展“春风行动”，帮扶就业困难人员。",
        ("“春风行动”", "林芝市", "林芝市"),
    ),
    (
        "仁布县第十二届人民代表大会第三次会议开幕",
        "拉萨融媒讯(记者 达娃)",
        "报告显示，全县深入推进“党建引领+网格化”基层治理。",
        ("“党建引领+网格化”基层治理", "仁布县", "仁布县"),
    ),
    ("", None, "全市持续开展“春风行动”，帮扶就业困难人员。", ("“春风行动”", None, None)),
    # The city of a dateline that names it bare, as the article prints it; a bare
    # dateline alone names it as printed there.
    (
        "",
        "本报墨脱讯(记者 央金)",
        "墨脱市气象局发布预警。今年以来，全市深入开展“护林防火”宣传活动。",
        ("“护林防火”宣传活动", "墨脱市", "墨脱市"),
    ),
    (
        "",
        "本报墨脱讯(记者 央金)",
        "今年以来，我市深入开展“护林防火”宣传活动。",
        ("“护林防火”宣传活动", "墨脱", "墨脱"),
    ),
    # A headline that opens with a city names the article's city; time words before
    # it are no part of it.
    (
        "上半年嘉黎市经济稳中向好",
        "本报那曲讯(记者 达瓦)",
        "全市扎实推进“暖心工程”，惠及群众1万人。",
        ("“暖心工程”", "嘉黎市", "嘉黎市"),
    ),
    # Else the first city a unit acting in the article opens with.
    (
        "",
        None,
        "嘉黎市文化局举办展演。全市还开展“书香嘉黎”阅读活动。",
        ("“书香嘉黎”阅读活动", "嘉黎市", "嘉黎市"),
    ),
    # A headline that opens with the whole (`全地区…`) names the article's place.
    (
        "全地区全民健康体检工作圆满收官",
        "本报狮泉河讯(记者 洛桑)",
        "体检期间开展“健康知识进万家”活动。阿里地区卫健委表示满意。",
        ("“健康知识进万家”活动", None, "阿里地区"),
    ),
    # `城市` is no city's name.
    (
        "",
        None,
        "年末城市新建公园3个，“两江四河”造林绿化工程新造林9.4万亩。",
        ("“两江四河”造林绿化工程", None, None),
    ),
    # `全区` of no district is the autonomous region the article names: its place, no
    # one body running it.
    (
        "",
        None,
        "自治区商务厅介绍，今年全区持续开展“消费促进月”活动。",
        ("“消费促进月”活动", None, "自治区"),
    ),
    (
        "全地区城乡环境持续改善",
        None,
        "阿里地区住建局召开会议。今年，全地区同步实施“洁净家园”行动。",
        ("“洁净家园”行动", "阿里地区", "阿里地区"),
    ),
    # All the units of a kind, or several named, run it as printed; a whole's own
    # places (`全市乡镇`) do not.
    (
        "",
        None,
        "各县（区）还组织开展了“安全生产月”应急演练。",
        ("“安全生产月”应急演练", "各县（区）", None),
    ),
    (
        "",
        None,
        "今年以来，全市各级工会深入开展“技能强市”劳动竞赛。",
        ("“技能强市”劳动竞赛", "全市各级工会", None),
    ),
    (
        "",
        None,
        "巴青县、索县对辖区河道开展“清河”专项行动。",
        ("“清河”专项行动", "巴青县、索县", "巴青县"),
    ),
    (
        "",
        None,
        "目前，全市乡镇和建制村通硬化路，“四好农村路”建设成果持续巩固。",
        ("“四好农村路”建设", None, None),
    ),
    # All levels and departments of the city are the city; a unit that acts with
    # another (`配合`) is the one named first.
    (
        "林芝市召开国土绿化会议",
        None,
        "去年全市各级各部门扎实推进“绿美林芝”行动。",
        ("“绿美林芝”行动", "林芝市", "林芝市"),
    ),
    (
        "",
        None,
        "入冬以来，县司法局配合人社部门开展根治欠薪专项行动。",
        ("根治欠薪专项行动", "县司法局", None),
    ),
    # Words that do something are no unit's name (`…还支持县中学`, `需要各部门`).
    (
        "",
        None,
        "援藏资金还支持县中学开设“远程课堂”。",
        ("“远程课堂”", None, None),
    ),
    # `县里` with no county named before is the article's county; a unit named
    # `县…局` is of the article's county.
    (
        "聂荣县：草原管护见实效",
        None,
        "今年以来，县里还推行“草场轮牧”模式。",
        ("“草场轮牧”模式", "聂荣县", "聂荣县"),
    ),
    (
        "农村公路通到家门口",
        "本报那曲讯(记者 达瓦)",
        "聂荣县公路管理站成立十年。县交通运输局还在全县开展公路隐患排查整治。",
        ("公路隐患排查整治", "县交通运输局", "聂荣县"),
    ),
    # Who leads a team is no unit: `…负责同志每月带队`.
    (
        "",
        None,
        "各县主要负责同志每月带队督导，推进“清零”行动。",
        ("“清零”行动", None, None),
    ),
    (
        "",
        None,
        "近年来，双湖县用好“生态护林员”岗位政策，选聘生态护林员2156名。",
        ("“生态护林员”岗位政策", None, "双湖县"),
    ),
    # One learned from elsewhere is not the unit's own, though done at its place.
    (
        "",
        None,
        "近年来，嘉黎县积极学习运用浙江“千万工程”经验，改善农村人居环境。",
        ("“千万工程”经验", None, "嘉黎县"),
    ),
    # `自治区` alone opening a headline names no article's place.
    (
        "自治区两会精神在高新区引发热烈反响",
        "拉萨融媒讯(记者 李从芳)",
        "高新区各单位开展“学两会”主题活动。",
        ("“学两会”主题活动", None, "拉萨"),
    ),
    # A programme worked under (`以…为统领`) is not the unit's own; a scene (`现场`)
    # is no place.
    (
        "",
        None,
        "下一步，改则县将以“健康改则”行动为统领，推动体检提质。",
        ("“健康改则”行动", None, "改则县"),
    ),
    (
        "",
        None,
        "改则县卫健委在体检现场开展“健康知识进万家”活动。",
        ("“健康知识进万家”活动", "改则县卫健委", "改则县"),
    ),
    # A unit named in the clause that carries it out: `…县实施的…工程`.
    (
        "",
        None,
        "群众喝上放心水，得益于堆龙德庆区实施的农村饮水提质工程。",
        ("农村饮水提质工程", "堆龙德庆区", "堆龙德庆区"),
    ),
    (
        "",
        None,
        "公安机关以“百日行动”为抓手，开展夜间巡逻4600余次。",
        ("“百日行动”", "公安机关", None),
    ),
    (
        "",
        None,
        "由市人社局联合主办的2024年昌都市“千岗万人”专场招聘会在市体育馆举行。",
        ("“千岗万人”专场招聘会", "市人社局", "市体育馆"),
    ),
    # Nothing printed: null.
    ("", None, "开展“护林清山”行动，防止问题反弹。", ("“护林清山”行动", None, None)),
]


@pytest.mark.parametrize(
    ("headline", "dateline", "text", "expected"), SPONSORS, ids=[s[3][0] for s in SPONSORS]
)
def test_organizer_and_location(
    headline: str,
    dateline: str | None,
    text: str,
    expected: tuple[str, str | None, str | None],
) -> None:
    article = Article(seq=0, title=headline, dateline=dateline, text=text)
    campaign = rules.extract(article).campaigns[0]
    assert (campaign.name, campaign.organizer, campaign.location) == expected


# --- the backend as a whole -----------------------------------------------------


def test_a_campaign_named_only_in_the_headline_is_the_articles() -> None:
    records = extract(
        "全县上下全力把稳安全生产关口。", title="墨竹工卡县：“五措并举”把稳安全生产关"
    )
    assert [c.name for c in records.campaigns] == ["“五措并举”"]


def test_records_of_an_article() -> None:
    text = (
        "连日来，拉萨市消防救援支队开展“全民消防我体验”宣传活动，共组织演练12场。"
        "“下一步，我们将持续拓宽社会化消防宣传工作的广度和深度。”"
        "市消防救援支队综合指导处副处长吉美说。"
    )
    records = extract(text, title="开展“全民消防我体验”宣传活动")
    assert [(m.raw, m.value, m.unit) for m in records.metrics] == [("12场", 12, "场")]
    assert [(q.speaker, q.speaker_title) for q in records.quotes] == [
        ("吉美", "市消防救援支队综合指导处副处长")
    ]
    assert [c.name for c in records.campaigns] == ["“全民消防我体验”宣传活动"]


def test_same_article_same_records() -> None:
    text = "开展安全生产宣讲150余场次，参与干部群众1.5万余人次；实施村庄清洁行动。"
    assert extract(text) == extract(text)


@pytest.mark.parametrize(
    ("name", "other", "shorter"),
    [
        ("‘四下基层’", "“四下基层”工作机制", True),  # marks aside, without its kind
        ("萨迦县农牧民冬季运动会", "萨迦县第三届农牧民冬季运动会", True),
        ("草原生态保护专项整治行动", "那曲市草原生态保护专项整治行动", True),
        ("行业乱点乱象专项整治", "交通运输行业乱点乱象专项整治", False),  # another one
        ("“四下基层”工作机制", "‘四下基层’", False),  # the longer is no shorter form
        ("“四下基层”", "‘四下基层’", False),  # the same name: not shorter
    ],
)
def test_a_shorter_form_of_a_campaigns_name(name: str, other: str, shorter: bool) -> None:
    assert shorter_name_of(name, other) is shorter


@pytest.mark.parametrize("module", [ways, things, shortened])
def test_the_examples_of_the_ways_and_things_hold(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_the_examples_of_the_ordinals_hold() -> None:
    result = doctest.testmod(ordinals)
    assert result.attempted > 0 and result.failed == 0
