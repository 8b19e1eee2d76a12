"""What the words of a heading line say: an organisation's name, a column's label, a line
that reads on into the next, and whether two heading lines are one headline.

`page_lines.py` asks these questions of the page's heading lines, `segment.py` of the
heads of an article. Pure functions of text:

>>> is_org("拉萨市民政局"), one_headline("曲水县开展退役军人", "适应性培训", over_article=True)
(True, True)
"""

from __future__ import annotations

import re

from extractor.common_words import dictionary
from extractor.extract.words import word_across

# A column's label: a short name (`时讯快递`), a field and its topic (`民生·观察`), or a
# column of news in brief named by its field (`乡村振兴快讯`, `农牧简讯`).
COLUMN = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{2,6})?"
    r"|[\u4e00-\u9fff]{2,6}(?:快讯|简讯|短讯|速递|播报|简报|短波))$"
)
# An institution named by its kind of 院 is one too (`山南市妇幼保健院`, `…乡卫生院`), where a
# bare 院 may end a phrase (`组团帮扶强县院`, a section head). So is a party committee named by
# its place (`共青团昌都市委`) and one of its departments (`隆子县委组织部`), where a bare 部 ends
# a phrase (`…年轻干部`): the 8 lines of 16 characters or fewer on the seeds and development
# pages ending on 部 or 委 are all kickers in the gold. A prison names one too (`日喀则监狱` / `举办…`).
# So do a body named by its place's committee (`类乌齐县卫健委`, `贡嘎县纪委监委`), a residents'
# committee (`…社区居委会`) and a headquarters (`林周县森林草原防灭火指挥部`): the 4 heading lines
# of the seeds and development pages ending so are kickers in the gold, none a title's part.
# An airport names one as a hospital or a school does (`拉萨贡嘎国际机场` / `冬春航季运力再上新台阶`):
# the 13 heading lines of the seeds and development pages ending on 机场, 医院 or 学校 are all
# kickers in the gold (车站 ends none; 站 names one already). A bank's branch names one as the
# bank does (`中国农业银行阿里分行`, `农业银行山南分行`: the 2 lines ending so are kickers). A Red Cross
# society names one as a federation does (`拉萨市红十字会` / `为“的哥的姐”上好急救课`: the one line so).
ORG = re.compile(
    r"(?:局|支队|大队|中队|队|党支部|支部|委员会|党委|中学|小学|学校|学院|大学|公司|集团|医院|"
    r"[市县区州旗]委|工委|纪委|政法委|组织部|宣传部|统战部|武装部|人武部|"
    r"保健院|卫生院|福利院|敬老院|养老院|疗养院|研究院|科学院|"
    r"派出所|法院|检察院|中心|办公室|机场|政府|街道|社区|村|镇|乡|县|区|市|州|厅|站|馆|协会|"
    r"联合会|红十字会|妇联|工商联|残联|文联|侨联|科协|团委|工会|银行|分行|支行|分局|所|监狱|卫健委|监委|居委会|村委会|"
    r"指挥部)$"
)


# How a news story's first paragraph opens when no dateline is printed: the day
# (`5月9日，`, `9月14日上午，`), `近日`, `日前`, or where the reporter learnt it
# (`记者从市教育局获悉`); the day may come after what the work was for
# (`为提升边境牧区群众的法治意识，近日，…`), as 8 stories of the seeds and development
# pages open under their dateline, and no paragraph under a section head. What the work
# was for may take two clauses (`为进一步增强…观念，引导群众…，近日，…`): 3 paragraphs
# open so, two under their dateline and one under its headline, none under a section head.
# OCR sets the commas in either width (`为把优质医疗服务送到…身边,近日,…`).
NEWS_LEAD = re.compile(
    r"^(?:为[^，,。；;！？!?]{2,40}[，,](?:[^，,。；;！？!?]{2,40}[，,])?)?"
    r"(?:\d{1,2}月\d{1,2}日|近日|日前|记者(?:近日)?从)"
)

# The page's own furniture: the paper, its date, the page and its editors
# (`2026年12月2日 星期三`, `第3版 国防·双拥`, `责任编辑：次旺  版式：李敏`).
FURNITURE = re.compile(r"责任编辑|版式[:：]|星期[一二三四五六日天]|^第[0-9一二三四五六七八九十]+版")
# The papers' recurring slogans: short phrases of 2–4 characters set apart by
# spaces (`学思想 强党性 重实践 建新功`); and the column of the study of a meeting, set
# apart so (`学习贯彻 两会精神`, `学习贯彻 人代会精神`): the seeds and development pages
# print four, each over a story whose headline the layout put elsewhere, none a title.
STUDY_COLUMN = re.compile(r"^学习(?:宣传)?贯彻\s+[\u4e00-\u9fff]{2,12}精神$")
SLOGAN = re.compile(
    rf"^[\u4e00-\u9fff]{{2,4}}(?:\s+[\u4e00-\u9fff]{{2,4}})+$|{STUDY_COLUMN.pattern}"
)

_LONGEST_ORG = 16
# The office of a body, named by it: the 4 heading lines of the seeds and development pages
# ending on 办公室 name a body before it (`拉萨市食品安全委员会办公室` a kicker, the 3 others
# signing a notice), 2 of them one whose name holds verbs (`…防灭火指挥部`, `…防汛抗旱指挥部`).
_OFFICE = "办公室"


def is_org(line: str) -> bool:
    """Is the line an organisation's name (`拉萨市民政局`), not a phrase ending in
    one (`雪山脚下的小康村`, `家门口的卫生服务站`, `健康义诊进社区`)? The office of a body
    is named by that body (`米林市防汛抗旱指挥部办公室`), whatever verbs its name holds. A
    line opening on words in marks names a team by its byname, the subject of a headline
    (`“红袖标”夜巡队` / `守护街巷万家灯火`): the 4 heading lines of the seeds and development
    pages so read are a title or its part in the gold, and no kicker there opening on marks
    names an organisation.

    >>> is_org("拉萨市森林草原防灭火指挥部办公室"), is_org("电影放映车开进沙丁乡")
    (True, False)
    """
    if line.endswith(_OFFICE) and len(line) <= _LONGEST_ORG and is_org(line.removesuffix(_OFFICE)):
        return True
    return (
        len(line) <= _LONGEST_ORG
        and " " not in line
        and "的" not in line
        and not line.startswith(_OPENING_MARKS)
        and bool(ORG.search(line))
        and not _GOES_TO.search(line)
        and not line.endswith(_COUNTRYSIDE + _TURNS)
        and not _deed_on_a_place(line)
    )


# A verb of the language, counted often enough by jieba's dictionary to be read as one.
_COMMON_VERB = 100


def _verb_at(line: str, i: int, parts: tuple[str, ...] = ("v",)) -> bool:
    count, part = dictionary().get(line[i : i + 2], (0, ""))
    return part in parts and count >= _COMMON_VERB


def _deed_on_a_place(line: str) -> bool:
    """Does the line tell what someone did to the place it ends on (`市委第三巡察组进驻加查县`,
    `电灯点亮边境村`, `电影放映车开进沙丁乡`), a verb after its doer and three characters or more
    after it holding no further verb nor verbal noun? An organisation's name holds its verbs right before the
    kind of body it names (`乡村振兴局`, `疾病预防控制中心`, `组织部`), or
    before what it names further (`劳动保障监察支队`): of the heading lines of the
    seeds and development pages ending as an organisation does, the 6 so read are a title or a
    title's part in the gold and none of the 225 kickers.

    >>> _deed_on_a_place("市委第三巡察组进驻加查县"), _deed_on_a_place("日土县疾病预防控制中心")
    (True, False)
    """
    for i in range(2, len(line) - 4):
        if _verb_at(line, i) and not any(
            _verb_at(line, j, ("v", "vn")) for j in range(i + 2, len(line) - 1)
        ):
            return True
    return False


# Words for the countryside end as a village's or township's name does, and name none:
# `小积分兑出乡村` / `治理新气象` is one headline.
_COUNTRYSIDE = ("乡村", "农村", "城乡")
# Nor is a new turn of affairs a bureau (局): a couplet's half ends so (`奋楫笃行开新局`,
# `…谱新篇`), where every line of the seeds and development pages ending otherwise on 局
# names one (`拉萨市司法局`).
_TURNS = ("新局", "格局", "开局", "大局", "全局")


# What goes into a place is no organisation: `健康义诊进社区`, `政策宣讲到村`.
_GOES_TO = re.compile(r"[进到][\u4e00-\u9fff]{1,2}$")


# A headline's first half never stops on the word of a report's kind: such a line is
# the kicker (`色尼区社会救助“一门受理”见闻`, `城镇老旧小区改造进行时`).
REPORT_KIND = re.compile(r"(?:见闻|侧记|纪实|速写|走笔|回访记|手记|进行时|在行动)$")
# A column's banner of a report's kind, a short field and `进行时` or `在行动` (`乡村振兴进行时`,
# `防沙治沙在行动`): the 11 heading lines of the seeds and development pages so printed are
# neither a title nor a kicker in the gold, wherever they stand (one under its headline).
REPORT_BANNER = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:进行时|在行动)$")
_OPENING_MARKS = ("“", '"', "「", "《", "‘")
# A line stopped on an ordinal with no noun, a preposition, a joining word or a colon reads on
# into the next (`拉萨市举办第三届` / `“雪域工匠”技能大赛`): no kicker ends so.
READS_ON = re.compile(
    r"(?:第[0-9一二三四五六七八九十百]+[届期批次轮]|[的和与及对把被将为从向以于之并由让使跟同：:])$"
)
# But a place and its colon alone on a line printed apart over a headline introduce it
# (`八宿县然乌镇:` / `湖畔小镇换新颜 绿水青山入画来`), as the 48 places printed apart over
# theirs on the seeds and development pages do (`尼玛县` / `部署草原生态保护“护绿行动”`), all
# kickers in the gold; so is the one printed with its colon, which the gold writes without.
PLACE_ALONE = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:自治区|地区|市|州|县|区|镇|乡|村|街道)[：:]$")
# A place and a colon open a headline (`墨竹工卡县：文旅招商激活甲玛沟`), as 111 titles of the
# seeds and development pages do; no kicker there holds a colon. So the line under such a
# line is read as with no blank between, apart or not (`当雄县:牧区服务站` / `建在老兵"家门口"`,
# `…社区：老年食堂` / `飘出“幸福味”`: the two unspaced lines under one, both one title in the
# gold); a spaced line under one is its subtitle (`引进社会资本3.6亿元 带动…`).
PLACE_HEADLINE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:市|县|区|镇|乡|村)[：:](?=.)")
# So does any name and its colon, a place's, an organisation's, a person's or a topic's
# (`日喀则市职业技术学校:“订单班”育出高原“金蓝领”`, `援藏干部杨帆：…`): 200 titles of the seeds
# and development pages open so, and no kicker or subtitle.
NAMED_HEADLINE = re.compile(r"^[^：:，,。；;！？!?\s]{2,16}[：:]\s*\S")


# An upper half no kicker is, however its halves are printed: one holding what the
# article reports held, begun or set in train (`山南市召开…计划` / `工作推进会`,
# `那曲市部署推进“十项行动”` / `奋力谱写高质量发展新篇章`; no kicker of the seeds or the
# development pages holds one of these verbs, where 16 titles written in two parts hold
# one in their first), or ending on whom a change is made for (`远程会诊让牧民` /
# `在家门口看上“专家号”`). Nor is a lower half going on with `暨` or `及` (`…赛马节` /
# `暨物资交流会开幕`) a headline of its own, nor one opening on `把`, which needs its doer
# before it (`“组团式”医疗援藏队` / `把“专家门诊”开到村口`: no title of the gold opens on
# `把`, six name the doer first, `安多县“温暖工程”把煤送到牧民家`).
_HELD = re.compile("召开|举行|举办|启动|开展|部署|推进|推动|实施")
_MADE_FOR = re.compile("让[^，]{1,6}$")
_GOING_ON = ("暨", "及", "把")


def goes_on(upper: str, lower: str) -> bool:
    """Does the lower of two heading lines finish what the upper begins (see `_HELD`)?"""
    return (
        bool(_HELD.search(upper) or _MADE_FOR.search(upper))
        or lower.startswith(_GOING_ON)
        or _parallel_deed(upper, lower)
    )


def _parallel_deed(upper: str, lower: str) -> bool:
    """Does the lower line open on what was done (`推动…`, `开展…`) under a line that names no
    doer: no organisation, place or column's label (`巩固移民安置成果` / `推动移民群众稳得住能致富`)?
    A kicker over such a lower half names who did it (`拉萨市民政局` / `举办…`): of the pairs
    of heading lines of the seeds and development pages whose lower opens so over its
    article, the 3 under a line naming no doer are one title in the gold (`日喀则市部署“六项
    行动”` / `推动边境地区高质量发展`), and the 68 under an organisation (`市工商联`) its kicker."""
    return (
        bool(_HELD.match(lower))
        and not is_org(upper)
        and not COLUMN.match(upper)
        and not PLACE_ALONE.match(upper)
    )


def words_width(line: str) -> int:
    """How many characters of the line carry words: marks are set in any width."""
    return sum(1 for c in line if c.isalnum())


# A figure with its measure word (`1.86亿元`, `4.3万余人次`, `2140户`): the news a headline
# reports. One kicker of the seeds and development pages holds a digit (`城关区为2140户家庭`,
# over a headline in marks of its own), where the one upper line printed apart that holds a
# count is the first half of its headline (`山南市秋季学期发放各类学生资助资金1.86亿元` /
# `惠及学生4.3万余人次`).
_COUNT = re.compile(
    r"(?<![第0-9.])[0-9]+(?:\.[0-9]+)?[万亿]?[余多]?"
    r"(?:人次|户|人|名|家|座|个|条|项|元|吨|亩|公里|所|台|辆|件|套|场|批)"
)


def holds_a_count(line: str) -> bool:
    """Does the line hold a figure with its measure word (`…资助资金1.86亿元`), as a kicker
    does not? Years, dates and anniversaries are no count (`喜迎自治区成立60周年`)."""
    return bool(_COUNT.search(line))


def one_headline(upper: str, lower: str, over_article: bool) -> bool:
    """Are two heading lines printed with no blank between them one headline the
    layout broke in two (`曲水县开展退役军人` / `适应性培训`, `当雄县:牧区服务站` /
    `建在老兵"家门口"`)? `over_article`: the article's dateline, byline or subtitle
    comes right under the lower line.

    The layout fills the first line and leaves the rest to the second, so the upper
    line holds more words' characters; a headline set in two halves of one length
    stands right over its article, where a couplet of one length (`守护绿水青山` /
    `筑牢生态屏障`) stands over a headline or a section. Not one headline: a kicker over
    its headline, which is the longer line, or a headline of its own (spaced in two
    parts, opening with a place and a colon or with words in marks: `“挂牌”不如“挂心”`);
    an organisation's name over what it did; a column's label; a writer's name under a
    comment (`林岩`). An upper line that reads on (`拉萨市举办第三届`) is never a kicker, nor
    one holding a count (see `holds_a_count`), whichever line is the longer; under one that
    reads on, a short lower line is its rest, no column's label (`阿里暗夜公园里的` / `星空课堂`:
    the 13 pairs of the seeds and development pages whose upper ends on 的 are one title in
    the gold, 5 of them over a lower line of a label's length, printed apart or not).
    """
    if " " in upper + lower or COLUMN.match(upper):
        return False
    if READS_ON.search(upper):
        return True  # `阿里暗夜公园里的` / `星空课堂`: a short lower is no column's label here
    if COLUMN.match(lower):
        return cut_inside_word(upper, lower)
    if goes_on(upper, lower):
        return True
    upper_width, lower_width = words_width(upper), words_width(lower)
    return (
        (
            upper_width > lower_width
            or (upper_width == lower_width and over_article)
            or holds_a_count(upper)
        )
        and not lower.startswith(_OPENING_MARKS)
        and not any(c in lower for c in ":：")
        and not (is_org(upper) and not any(c in upper for c in ":："))
        and not REPORT_KIND.search(upper)
    )


def cut_inside_word(upper: str, lower: str) -> bool:
    """Is a short lower line, read as a column's label by its length, the rest of a wider
    upper line OCR cut inside a word (`…文物特展在拉萨博` / `物馆开幕`)? A word of the
    dictionary runs across the cut and the lower opens on none of its own, as a label does
    (`…普及普惠` / `民生焦点`). Of the heading lines of the seeds and development pages over
    such a short line, the 2 so cut are one title in the gold, joined with no space; the
    other 99 have no word across, or a lower opening on its own word.

    >>> cut_inside_word("“千年茶马古道”文物特展在拉萨博", "物馆开幕")
    True
    >>> cut_inside_word("多措并举推进学前教育普及普惠", "民生焦点")
    False
    """
    return (
        " " not in upper + lower
        and words_width(upper) > words_width(lower)
        and word_across(upper + lower, len(upper)) is not None
        and word_across(lower, 1) is None
    )


def named_rest(upper: str, lower: str) -> bool:
    """Is an unspaced lower line the rest of a headline opened by a name and its colon,
    printed with no blank between, right over its article's dateline, byline or subtitle
    (`达孜区:“三进三帮”工作法` / `架起干部群众之间的连心桥`), whichever line is the wider?
    Of the pairs of heading lines of the seeds and development pages so printed, the 11 are
    one title in the gold; the upper lines with a colon that are none are a page's furniture
    (`责任编辑：…`, `咨询电话：0892-…`).

    >>> named_rest("达孜区:“三进三帮”工作法", "架起干部群众之间的连心桥")
    True
    >>> named_rest("责任编辑：边巴次仁", "牦牛合作社里的“增收账”")
    False
    """
    said = re.split("[：:]", upper, maxsplit=1)[-1]
    return (
        bool(NAMED_HEADLINE.match(upper))
        and not FURNITURE.search(upper)
        and words_width(said) >= 2
        and not any(c.isdigit() for c in said)
        and " " not in upper + lower
        and not any(c in lower for c in ":：")
    )


# The widest half of a headline set in two halves apart (`那曲市首个高海拔牦牛` / `冷链物流中心
# 建成投用`, 10 and 10); no title of the gold prints two wider halves apart.
_HALF_WIDTH = 10


def halves_apart(upper: str, lower: str) -> bool:
    """Are two heading lines with a blank between them, the lower right over its article's
    dateline, byline or subtitle and the upper no couplet's lower half, one headline
    set in two halves (`书屋场地“多”起来` / `读书热情“火”起来`, `民兵应急服务站` /
    `为群众“排忧解难”`)? The genre prints its kickers so too, but a kicker is shorter or
    longer than its headline: halves of one length (within a character, unless the upper
    names an organisation, whose kickers come that close), neither spaced in parts nor a
    column's label, are one headline. The lower opens no headline of its own (a place and
    a colon; words in marks or `让` a character apart, or words in marks under an
    organisation: see `_WHOLE_ALONE`), nor tells what was held or
    done with its doer left above it (`山南市公安局交警支队贡嘎大队` / `开展冬季道路交通安全
    专项整治`, in as many characters): the seeds and development pages print 41 pairs apart
    over their article whose lower opens on a verb of `_HELD`, all a kicker over its
    headline in the gold (40 of them an organisation's name). Halves are short: of the
    pairs so joined there, the 45 one headline in the gold are at most `_HALF_WIDTH` wide,
    and the two wider a kicker and its headline (`拉萨市推行乡村治理积分制` /
    `小积分激活基层善治大能量`) and two headlines (`尼玛县冬季“暖心送炭”行动温暖牧民心` /
    `昌都市部署冬春季森林草原防灭火工作`). Of the pairs of exactly one length so printed, at most
    `_HALF_WIDTH` wide, under no organisation, all 36 are one headline in the gold, the one whose
    lower opens on words in marks too (`巧手织出幸福路` / `“巾帼工坊”促增收`)."""
    if " " in upper + lower or COLUMN.match(upper) or COLUMN.match(lower):
        return False
    if min(words_width(upper), words_width(lower)) > _HALF_WIDTH:
        return False
    apart = abs(words_width(upper) - words_width(lower))
    return (apart == 0 or (apart == 1 and not is_org(upper))) and not (
        (lower.startswith(_OPENING_MARKS) and (apart == 1 or is_org(upper)))
        or (apart == 1 and lower.startswith(_WHOLE_ALONE))
        or any(c in lower for c in ":：")
        or _HELD.match(lower)
    )


# The widest lower half of a headline printed tight in two halves, the lower a little wider
# (`拉萨市实施“五大提升行动”` / `推动青稞和牦牛产业提质增效`, 11 and 13); a kicker over a long
# headline is so printed too (`建设团结富裕文明和谐美丽新日喀则` / `桑珠孜区委…专题学习会`, 16 and 19).
_WIDER_HALF_WIDTH = 13


def halves_widening(upper: str, lower: str) -> bool:
    """Are two heading lines printed with no blank between them, right over their article's
    dateline, byline or subtitle, one headline in two halves whose lower is one to three
    characters of words the wider (`群测群防织密网` / `地灾监测不留死角`, `压实责任排查隐患` /
    `筑牢森林防火“安全墙”`)? The upper names no organisation, is no column's label, and
    neither line is spaced in parts or holds a colon. Of the pairs so printed on the seeds
    and development pages, the lower at most `_WIDER_HALF_WIDTH` wide, all 7 are one title in
    the gold; the kickers printed tight over their headline are organisations, labels, or
    narrower by four characters and more (`巩固移民安置成果` / `推动移民群众稳得住能致富`
    is one title too).

    >>> halves_widening("群测群防织密网", "地灾监测不留死角")
    True
    >>> halves_widening("守护群众健康", "山南市人民医院义诊进社区")
    False
    """
    if " " in upper + lower or any(c in upper + lower for c in ":："):
        return False
    if COLUMN.match(upper) or COLUMN.match(lower) or is_org(upper):
        return False
    wider = words_width(lower) - words_width(upper)
    return 0 < wider <= 3 and words_width(lower) <= _WIDER_HALF_WIDTH


# A headline opening on `让` says what is made to happen and needs no subject: the genre
# prints it whole (`让办税更有温度`, `让书香浸润雪域高原`; 22 titles of the seeds and the
# development pages open so), and a line printed apart above it is its kicker, naming who
# makes it happen (`上海援藏“沪拉技能”培训` / `让千余名群众冬闲变冬忙`, a character apart). But
# halves of exactly one length are one headline whatever their lower opens on, as 11 of the
# 12 such pairs apart over their article on the seeds and development pages are (the other
# an organisation over what it held): `家门口的老年食堂` / `让老人吃出幸福味`. Of the two pairs
# apart over their article whose lower opens on `让` (no column's label, neither spaced),
# the one of one length is one title in the gold, the one a character apart kicker and title.
_WHOLE_ALONE = ("让",)


# A sentence's last particle: a line ending on one speaks (`“格桑花”暑期学堂` / `开课啦`), as no
# column's label or writer's name does; the 5 heading lines of the seeds and development
# pages ending so all end a headline.
_PARTICLES = ("啦", "了", "吗", "呢")


def rest_of_headline(upper: str, lower: str, *, over_article: bool) -> bool:
    """Is a short lower line printed apart, read as a column's label by its length
    (`实战演练`, `致富经`, `开课啦`), the rest of the one heading line above it
    (`聂荣县开展草原防火` / `实战演练`, `指尖上的非遗` / `致富经`)? The caller sees that no
    further heading line stands above the upper. Over its article's dateline, byline or
    subtitle, the seeds and development pages print 6 such pairs, all one title in the
    gold, where each of the 5 labels so printed (`民生焦点`) stands under a kicker and its
    headline; no title of the gold is a short line alone under a kicker. Over the body at
    once a writer signs a comment so (`让办税更有温度` / `拉巴`), so there the lower must speak
    (see `_PARTICLES`)."""
    return (
        bool(COLUMN.match(lower))
        and not COLUMN.match(upper)
        and " " not in upper
        and not is_org(upper)
        and (over_article or lower.rstrip("！!").endswith(_PARTICLES))
    )


# The genre's headlines run to 7 characters of words and more: 6 of the 1,300 titles of the
# seeds and development pages without a space hold fewer, where a column's label holds 4 at
# most (see `COLUMN`).
SHORTEST_HEADLINE = 7


def tail_of_headline(upper: str, lower: str) -> bool:
    """Is a lower line printed apart, right over its article, too long for a column's label and
    too short for a headline of its own (`农牧区村居`, `活动全面启动`), the rest of the wider line
    above it (`藏戏队“送戏下乡”走进`, `阿里地区“反诈进万家”集中宣传月`), whatever stands over
    that line: a kicker (`尼木县`) or a slogan? Not under an organisation's name, a column's label
    or a report's kind (see `one_headline`)."""
    return (
        words_width(lower) < SHORTEST_HEADLINE
        and not COLUMN.match(lower)
        and not is_org(lower)
        and words_width(upper) > words_width(lower)
        and one_headline(upper, lower, over_article=True)
    )
