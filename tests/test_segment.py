"""The segmenter: seed pages cut as the gold files cut them, and the genre's page furniture."""

from __future__ import annotations

import doctest
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import couplets, segment
from extractor.heading_words import is_org
from extractor.models import Article
from extractor.page_lines import classify, reflow
from extractor.segment import segment_page
from tests.conftest import GOLD_FILES, SEED_PAGES, examples, load_gold, page_of


def only_article(page: str) -> Article:
    articles = segment_page(page)
    assert len(articles) == 1, [a.title for a in articles]
    return articles[0]


# --- the seed pages ------------------------------------------------------------


def test_every_seed_page_has_a_gold_file() -> None:
    assert SEED_PAGES
    assert sorted(load_gold(g).source for g in GOLD_FILES) == [p.name for p in SEED_PAGES]


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_seed_titles_in_reading_order(gold_file: Path) -> None:
    gold = load_gold(gold_file)
    articles = segment_page(page_of(gold).read_text(encoding="utf-8"))
    assert [a.title for a in articles] == [a.title for a in gold.articles]


def _gold_headline_parts() -> list[Any]:
    """(gold file, article index, field, value) for every kicker, subtitle and byline given."""
    parts = []
    for gold_file in GOLD_FILES:
        for k, article in enumerate(load_gold(gold_file).articles):
            for field in ("kicker", "subtitle", "byline"):
                value = getattr(article, field)
                if value is not None:
                    parts.append(
                        pytest.param(gold_file, k, field, value, id=f"{gold_file.stem}-{k}-{field}")
                    )
    return parts


@pytest.mark.parametrize(("gold_file", "index", "field", "value"), _gold_headline_parts())
def test_seed_kickers_subtitles_and_bylines(
    gold_file: Path, index: int, field: str, value: str
) -> None:
    gold = load_gold(gold_file)
    articles = segment_page(page_of(gold).read_text(encoding="utf-8"))
    assert articles[index].title == gold.articles[index].title
    assert getattr(articles[index], field) == value


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_seed_bylines_and_subtitles_match_the_gold_exactly(gold_file: Path) -> None:
    """Including where the gold has none: a photo credit under a dateline is no byline."""
    gold = load_gold(gold_file)
    articles = segment_page(page_of(gold).read_text(encoding="utf-8"))
    assert [(a.byline, a.subtitle) for a in articles] == [
        (a.byline, a.subtitle) for a in gold.articles
    ]


@pytest.mark.parametrize("page", SEED_PAGES, ids=lambda p: p.stem)
def test_seed_bodies_hold_no_page_furniture(page: Path) -> None:
    """Datelines are split off; bylines, credits and column labels stay out of the body."""
    for article in segment_page(page.read_text(encoding="utf-8")):
        assert article.text
        lines = article.text.split("\n")
        for line in lines:
            assert classify(line) not in ("byline", "credit"), line
            assert line not in ("时讯快递", "社区之窗", "民生焦点", "奋进首府")
        if article.dateline:
            assert not article.text.startswith(article.dateline)
            assert "记者" in article.dateline


# --- reflow --------------------------------------------------------------------


def test_reflow_joins_a_word_cut_by_a_blank_line() -> None:
    page = "城关区坚持和发展新时代“枫桥经验”，持续推\n\n动信访工作高质量发展。"
    assert reflow(page) == "城关区坚持和发展新时代“枫桥经验”，持续推动信访工作高质量发展。"


def test_reflow_joins_a_sentence_cut_inside_quotation_marks() -> None:
    page = "木如社区的西增拉姆小朋友说：“今天我们看了《雪域少年》这部\n\n影片，让我感触很深。”"
    assert reflow(page) == (
        "木如社区的西增拉姆小朋友说：“今天我们看了《雪域少年》这部影片，让我感触很深。”"
    )


def test_reflow_joins_a_cut_before_a_comma() -> None:
    page = (
        "截至目前，墨竹工卡县召开安全生产培训会16次\n\n"
        "，开展安全生产宣讲150余场次，参与干部群众1.5万余人次。"
    )
    assert reflow(page) == (
        "截至目前，墨竹工卡县召开安全生产培训会16次，"
        "开展安全生产宣讲150余场次，参与干部群众1.5万余人次。"
    )


def test_reflow_keeps_paragraph_breaks_after_a_sentence_end() -> None:
    page = (
        "会议强调，要坚持和发展新时代“枫桥经验”。\n\n"
        "下一步，各单位要推动信访工作高质量发展。\n\n"
        "“我们将继续加强学习，坚决执行两会安排部署。”柳梧街道办事处人大专干索朗拉姆说。\n\n"
        "会议要求，各单位要压实责任！"
    )
    assert reflow(page).split("\n") == [
        "会议强调，要坚持和发展新时代“枫桥经验”。",
        "下一步，各单位要推动信访工作高质量发展。",
        "“我们将继续加强学习，坚决执行两会安排部署。”柳梧街道办事处人大专干索朗拉姆说。",
        "会议要求，各单位要压实责任！",
    ]


def test_reflow_keeps_a_headline_after_a_finished_paragraph() -> None:
    page = "市文明办工作人员对以上不文明现象限时整改。\n\n吉崩岗街道：便民服务进社区 温情惠民暖人心"
    assert reflow(page).split("\n") == [
        "市文明办工作人员对以上不文明现象限时整改。",
        "吉崩岗街道：便民服务进社区 温情惠民暖人心",
    ]


def test_reflow_joins_a_short_line_cut_inside_a_word() -> None:
    # Short and comma-free, the first part looks like a headline; `服务` runs across the cut.
    page = "全区家庭医生工作有序开展。\n\n城关区推行“1+1+X”家庭医生签约服\n\n务模式，签约居民18.6万人。"
    assert reflow(page).split("\n") == [
        "全区家庭医生工作有序开展。",
        "城关区推行“1+1+X”家庭医生签约服务模式，签约居民18.6万人。",
    ]


def test_reflow_keeps_a_headline_over_its_first_line() -> None:
    # No word of the dictionary runs from the headline into the body (`治|近`).
    page = (
        "上期内容已刊发。\n\n亚东县开展草原鼠害统防统治\n\n近日，亚东县农业农村局组织技术人员入户。"
    )
    assert reflow(page).split("\n") == [
        "上期内容已刊发。",
        "亚东县开展草原鼠害统防统治",
        "近日，亚东县农业农村局组织技术人员入户。",
    ]


def test_reflow_keeps_a_headline_over_a_news_lead_a_word_runs_into() -> None:
    # `结为` is a word, but `为增进…，近日，…` opens a sentence: the headline stands.
    page = (
        "各族群众守望相助。\n\n邻里节里话团结\n\n"
        "为增进各族群众交往交流交融，近日，嘎托镇举办邻里文化节。"
    )
    assert reflow(page).split("\n")[-2:] == [
        "邻里节里话团结",
        "为增进各族群众交往交流交融，近日，嘎托镇举办邻里文化节。",
    ]


def test_reflow_puts_a_speaker_printed_alone_on_the_quotations_line() -> None:
    page = "“我这个老艺人心里特别高兴。”\n\n73岁的民间艺人扎西说。\n\n比赛共设3个组别。"
    assert reflow(page).split("\n") == [
        "“我这个老艺人心里特别高兴。”73岁的民间艺人扎西说。",
        "比赛共设3个组别。",
    ]


def test_reflow_puts_who_said_a_quotation_after_a_dash_on_its_line() -> None:
    # A column of voices signs each quotation; a quoted headline keeps its subtitle.
    page = (
        "群众心声\n\n“新房子通了自来水，冬天屋里也暖和。”\n\n——加玉村村民 次仁央宗\n\n"
        "“我家开了家庭旅馆，收入了4万多元。”\n\n——贡日村村民 达娃"
    )
    assert reflow(page).split("\n") == [
        "群众心声",
        "“新房子通了自来水，冬天屋里也暖和。”——加玉村村民 次仁央宗",
        "“我家开了家庭旅馆，收入了4万多元。”——贡日村村民 达娃",
    ]
    headline = "“经济运行呈现回升向好态势”\n\n——市统计局负责人解读经济数据"
    assert reflow(headline).split("\n") == headline.split("\n\n")


def test_reflow_joins_a_quotation_a_blank_line_cut_after_a_full_stop() -> None:
    # Left open, the quotation goes on; a quotation of several paragraphs reopens each.
    page = "措姆说。“回填不回填，效果差别很大。\n\n不回填的，慢慢就成了黑土滩。”她说。"
    assert reflow(page) == "措姆说。“回填不回填，效果差别很大。不回填的，慢慢就成了黑土滩。”她说。"
    several = "他说：“第一，要抓好回填。\n\n“第二，要管好垃圾。”"
    assert reflow(several).split("\n") == several.split("\n\n")


def test_reflow_reads_any_line_end() -> None:
    page = "\ufeff城关区坚持和发展新时代“枫桥经验”，持续推\r\n\r\n动信访工作高质量发展。\r\n"
    assert reflow(page) == "城关区坚持和发展新时代“枫桥经验”，持续推动信访工作高质量发展。"


def test_a_cut_paragraph_is_joined_inside_its_article() -> None:
    page = (
        "城关区召开信访工作推进会\n\n"
        "拉萨融媒讯(记者李从芳)近日，城关区召开信访工作推进会，研究部署下一阶段信访工作，推\n\n"
        "动信访工作高质量发展。\n\n"
        "会议要求，各单位要压实责任，切实把群众的烦心事解决好。\n"
    )
    article = only_article(page)
    assert article.text.split("\n") == [
        "近日，城关区召开信访工作推进会，研究部署下一阶段信访工作，推动信访工作高质量发展。",
        "会议要求，各单位要压实责任，切实把群众的烦心事解决好。",
    ]


# --- datelines and bylines -----------------------------------------------------

DATELINES = [
    ("拉萨融媒讯(记者李从芳)", "近日，城关区召开信访工作推进会，研究部署下一阶段信访工作。"),
    ("本报拉萨讯(记者 格桑伦珠)", "近日，堆龙德庆区为辖区困难群众送去米、面、油等生活物资。"),
    ("本报日喀则电（记者 杨子彦）", "近日，桑珠孜区举办农牧民技能培训班，共培训农牧民120名。"),
    ("本报拉萨讯(记者 卢文静 通讯员 杨璐)", "为切实做好燃气安全工作，堆龙德庆区开展排查整治。"),
    ("（比如县融媒体中心）", "7月以来，比如县组织医疗队深入夏季牧场开展巡回义诊。"),
    ("本报讯（江达县融媒体中心）", "6月12日，江达县至岗托镇的旅游公路正式通车。"),
]


@pytest.mark.parametrize(
    ("dateline", "body"),
    DATELINES,
    ids=["media", "paper", "paper-dian", "with-correspondent", "media-centre", "paper-centre"],
)
def test_dateline_is_split_from_the_body(dateline: str, body: str) -> None:
    page = f"城关区开展冬季送温暖活动\n\n{dateline}{body}\n\n有关负责人表示，将持续做好帮扶工作。\n"
    article = only_article(page)
    assert article.title == "城关区开展冬季送温暖活动"
    assert article.dateline == dateline
    assert article.text == f"{body}\n有关负责人表示，将持续做好帮扶工作。"
    assert article.byline is None


def test_each_dateline_opens_its_own_article() -> None:
    titles = [
        "城关区召开信访工作推进会",
        "堆龙德庆区开展冬季送温暖活动",
        "桑珠孜区举办农牧民技能培训班",
        "开展排查燃气安全隐患整治行动",
        "比如县“送医进牧场”巡回义诊启动",
        "江达县旅游公路正式通车",
    ]
    page = "\n\n".join(f"{t}\n\n{d}{b}" for t, (d, b) in zip(titles, DATELINES, strict=True))
    articles = segment_page(page)
    assert [a.title for a in articles] == titles
    assert [(a.dateline, a.text) for a in articles] == DATELINES


@pytest.mark.parametrize(
    ("printed", "dateline"),
    [
        ("本报讯\n\n", "本报讯"),
        ("本报林芝讯\n\n", "本报林芝讯"),
        ("本报讯：", "本报讯"),
        ("拉萨融媒讯 ", "拉萨融媒讯"),
        ("林芝日报讯 ", "林芝日报讯"),
        ("新华社拉萨10月16日电 ", "新华社拉萨10月16日电"),
        ("本报林芝讯（记者\n\n边巴卓玛）", "本报林芝讯（记者边巴卓玛）"),
        ("【本报讯】", "【本报讯】"),
    ],
    ids=[
        "alone",
        "alone-place",
        "colon",
        "media",
        "daily",
        "agency",
        "cut-in-brackets",
        "in-brackets",
    ],
)
def test_a_bare_or_cut_dateline_opens_the_article_under_its_headline(
    printed: str, dateline: str
) -> None:
    """A dateline naming no reporter, on a line of its own or cut by the layout,
    still tells a headline from a section heading."""
    body = "近日，林芝市召开防汛工作会议，部署主汛期防汛工作。"
    articles = segment_page(BEFORE + f"\n林芝市召开防汛工作会\n\n{printed}{body}\n")
    assert [a.title for a in articles] == ["城关区开展冬季送温暖活动", "林芝市召开防汛工作会"]
    assert (articles[1].dateline, articles[1].text) == (dateline, body)


def test_a_dateline_later_in_the_article_stays_in_the_body() -> None:
    page = (
        "城关区开展冬季送温暖活动\n\n"
        "本报拉萨讯(记者 格桑伦珠)近日，城关区为辖区困难群众送去生活物资。\n\n"
        "当天，区民政局干部还走访了困难群众。\n"
    )
    article = only_article(page)
    assert article.dateline == "本报拉萨讯(记者 格桑伦珠)"
    assert "本报拉萨讯" not in article.text


BYLINES = [
    "拉萨融媒记者 郝奕凝",
    "本报记者 杨 柳",  # a name of two characters set apart
    "本报记者 扎西顿珠",
    "本报记者 刘斯宇 卢文静 本报通讯员 果珍",
    "山南融媒记者 德吉卓玛 张晓雯",  # another city's media centre
    "西藏日报记者 次仁",
    "昌都报记者 白玛央宗",  # a paper named by its city with 报 alone
]


@pytest.mark.parametrize("byline", BYLINES)
def test_byline_under_the_headline(byline: str) -> None:
    page = (
        "促基层善治 保平安和谐\n\n"
        "——墨竹工卡县基层治理成效显著\n\n"
        f"{byline}\n\n"
        "今年以来，墨竹工卡县坚持党建引领，基层治理成效显著。\n\n"
        "工卡镇设立了网格30个，网格员20人。\n"
    )
    article = only_article(page)
    assert article.title == "促基层善治 保平安和谐"
    assert article.subtitle == "墨竹工卡县基层治理成效显著"
    assert article.byline == byline
    assert article.dateline is None
    assert (
        article.text
        == "今年以来，墨竹工卡县坚持党建引领，基层治理成效显著。\n工卡镇设立了网格30个，网格员20人。"
    )


def test_heading_lines_after_the_byline_head_the_first_section() -> None:
    """A byline closes the headline: the short lines after it are the first section's
    heads, not the title."""
    page = (
        "色尼区：让草原“休养生息” 让牧民稳稳增收\n\n"
        "——色尼区全面落实草原生态保护补助奖励政策\n\n"
        "本报记者 巴桑次仁\n\n"
        "守护绿水青山\n"
        "筑牢生态屏障\n\n"
        "今年以来，色尼区坚持生态优先、绿色发展，兑现奖补资金19.6亿元。\n"
    )
    article = only_article(page)
    assert article.title == "色尼区：让草原“休养生息” 让牧民稳稳增收"
    assert article.subtitle == "色尼区全面落实草原生态保护补助奖励政策"
    assert article.byline == "本报记者 巴桑次仁"
    assert article.text.startswith("守护绿水青山\n筑牢生态屏障\n今年以来")


def test_byline_alone_opens_an_article_after_another() -> None:
    page = (
        "城关区召开信访工作推进会\n\n"
        "拉萨融媒讯(记者李从芳)近日，城关区召开信访工作推进会。\n\n"
        "健康义诊送温暖\n\n"
        "拉萨融媒记者 郝奕凝\n\n"
        "近日，城关区某社区开展健康义诊活动，为群众免费测量血压。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles] == [
        ("城关区召开信访工作推进会", None),
        ("健康义诊送温暖", "拉萨融媒记者 郝奕凝"),
    ]
    assert "郝奕凝" not in articles[0].text + articles[1].text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("拉萨融媒记者 郝奕凝", "byline"),
        ("本报记者 扎西顿珠", "byline"),
        ("文/图 本报记者 扎西顿珠", "byline"),
        ("拉萨融媒记者 次仁 李娜 文/图", "byline"),
        ("新华社记者 张宏", "byline"),
        ("本报特约记者 王五", "byline"),
        ("本报评论员", "byline"),  # who signs the paper's comments
        ("本报特约评论员 晓岚", "byline"),
        ("评论员文章", "heading"),
        ("【本报讯】近日，城关区召开信访工作推进会。", "body"),
        ("拉萨融媒记者 旦增拉珍摄", "credit"),
        ("本报记者 格桑伦珠 摄", "credit"),
        ("图为志愿者正在为群众测量血压。", "caption"),
        ("——桑珠孜区民族团结进步创建工作亮点频现", "subtitle"),
        ("城关区召开信访工作推进会", "heading"),
        ("近日，城关区召开信访工作推进会。", "body"),
        ("本报拉萨讯(记者 格桑伦珠)近日，堆龙德庆区召开会议", "body"),
    ],
)
def test_line_kinds(line: str, kind: str) -> None:
    assert classify(line) == kind


# --- headlines, kickers, column labels ------------------------------------------


def test_organisation_line_above_the_headline_is_the_kicker() -> None:
    page = (
        "拉萨市民政局\n\n"
        "举办民政系统社会工作者专题培训班\n\n"
        "本报拉萨讯(记者 刘琳琳)近日，拉萨市民政局举办社会工作者专题培训班。\n"
    )
    article = only_article(page)
    assert (article.title, article.kicker) == ("举办民政系统社会工作者专题培训班", "拉萨市民政局")


@pytest.mark.parametrize(
    "kicker",
    ["运动场上展风采 青春活力竞飞扬", "踔厉奋发担使命 倾情服务暖民心", "春到波密花正艳"],
)
def test_the_lower_of_two_headline_lines_is_the_title(kicker: str) -> None:
    """A kicker in words (not an organisation) is as long as the headline or longer."""
    page = (
        BEFORE
        + f"\n{kicker}\n\n第六届林芝市中小学生运动会开幕\n\n"
        + "本报讯(记者 达瓦次仁)10月16日,第六届林芝市中小学生运动会在市体育中心开幕。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.kicker) for a in articles] == [
        ("城关区开展冬季送温暖活动", None),
        ("第六届林芝市中小学生运动会开幕", kicker),
    ]


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("日喀则市开展高校毕业生", "就业见习岗位推介"),
        ("江孜县:青稞加工厂", "开进农家院"),
        ("亚东县“护边员”骑马巡边", "守护边境安宁"),
        # what is held, in the upper line, goes on into words in marks
        ("江达县举办第二届民族团结进步", "“石榴集市”"),
        # a word for the countryside is no village's name
        ("好政策润泽乡村", "振兴新图景"),
        # what is set in train, in the upper line, is no kicker however long the lower
        ("昌都市部署推进“五项工程”", "奋力开创高质量发展新局面"),
        ("林芝市实施“百村示范”", "全力建设宜居宜业和美乡村"),
    ],
)
def test_a_headline_printed_on_two_lines_is_one_title(upper: str, lower: str) -> None:
    """The layout fills the upper line and leaves the rest of the headline to the lower."""
    page = f"{upper}\n{lower}\n\n本报讯(记者 达瓦)近日,{upper}{lower}。\n"
    article = only_article(page)
    assert (article.title, article.kicker) == (upper + lower, None)


@pytest.mark.parametrize(
    ("kicker", "title"),
    [
        ("乡村振兴看变化", "卡若区温室大棚蔬菜喜获丰收"),  # the headline is the longer line
        ("聚焦“一老一小”", "乃东区：普惠托育让家长放心"),  # a place and a colon open it
        ("走进秋收一线的田间地头", "青稞丰收 牧草储备充足"),  # a headline in two spaced parts
        ("拉萨市民政局", "举办培训班"),  # an organisation over what it did
        ("安居工程回访见闻", "新房住得暖"),  # the kind of report the article is
        ("亚东县为120户家庭", "“挂牌”又“挂心”"),  # words in marks open a headline
    ],
)
def test_a_kicker_over_its_headline_with_no_blank_line_stays_the_kicker(
    kicker: str, title: str
) -> None:
    page = f"{kicker}\n{title}\n\n本报讯(记者 达瓦)近日,亚东县开展走访。\n"
    article = only_article(page)
    assert (article.title, article.kicker) == (title, kicker)


@pytest.mark.parametrize(
    ("upper", "lower", "title"),
    [
        # halves of one length: one headline, the space between them kept
        ("乡村书屋“多”起来", "读书热情“火”起来", "乡村书屋“多”起来 读书热情“火”起来"),
        ("青稞加工服务站", "为农户“加工增收”", "青稞加工服务站 为农户“加工增收”"),
        ("牧区道路通起来", "牧民腰包鼓起来了", "牧区道路通起来 牧民腰包鼓起来了"),
        # an upper line that reads on
        ("日喀则市举办第二届", "“珠峰工匠”技能大赛", "日喀则市举办第二届“珠峰工匠”技能大赛"),
        # an upper line holding what is held, or a lower going on with 暨
        (
            "林芝市召开森林草原防灭火暨安全生产",
            "工作推进会",
            "林芝市召开森林草原防灭火暨安全生产工作推进会",
        ),
        (
            "那曲市第十届“羌塘恰青”赛马节",
            "暨物资交流会开幕",
            "那曲市第十届“羌塘恰青”赛马节暨物资交流会开幕",
        ),
        ("江达县开展冬季森林草原防火", "应急综合演练", "江达县开展冬季森林草原防火应急综合演练"),
        ("订单农业让农牧民", "种得安心卖得放心", "订单农业让农牧民种得安心卖得放心"),
        ("光伏治沙让昔日的沙地", "长出了“绿色银行”", "光伏治沙让昔日的沙地长出了“绿色银行”"),
        # a lower half opening on 把 needs its doer: the organisation over it
        ("“组团式”教育援藏队", "把“名师课堂”开到乡村", "“组团式”教育援藏队把“名师课堂”开到乡村"),
        # a place and a colon open a headline: the shorter line under it is its rest
        ("白纳村：牧家书屋", "飘出“书香味”", "白纳村：牧家书屋飘出“书香味”"),
        ("尼木县：藏香作坊", "香飘千里外", "尼木县：藏香作坊香飘千里外"),
        # halves of one length, the lower opening on 让
        ("村口的爱心食堂", "让老人吃上热饭", "村口的爱心食堂 让老人吃上热饭"),
        # an upper line holding a count is no kicker
        (
            "林芝市发放冬季取暖补贴2.6亿元",
            "惠及群众8万余户",
            "林芝市发放冬季取暖补贴2.6亿元 惠及群众8万余户",
        ),
    ],
)
def test_a_headline_printed_on_two_lines_apart_is_one_title(
    upper: str, lower: str, title: str
) -> None:
    """With a blank line between, the layout still sets a headline in two halves."""
    page = f"{BEFORE}\n{upper}\n\n{lower}\n\n本报讯(记者 达瓦)近日,江孜县开展走访。\n"
    assert [(a.title, a.kicker) for a in segment_page(page)][1:] == [(title, None)]


@pytest.mark.parametrize(
    ("heads", "title", "kicker"),
    [
        ("拉萨市民政局", "举办民政系统社会工作者培训班", "拉萨市民政局"),  # shorter
        # an organisation one character apart from its headline
        ("堆龙德庆区消防救援大队", "开展消防业务指导培训工作", "堆龙德庆区消防救援大队"),
        # an organisation as long as its headline, which tells what it did
        (
            "日喀则市公安局交警支队江孜大队",
            "开展冬春季道路交通安全专项整治",
            "日喀则市公安局交警支队江孜大队",
        ),
        ("墨竹工卡县市场监督管理局", "举办食品安全管理员培训班", "墨竹工卡县市场监督管理局"),
        ("守护三江源头", "为子孙留下绿水青山", "守护三江源头"),
        ("乡村振兴看变化", "“青稞加工”进了农家院", "乡村振兴看变化"),  # words in marks
        ("走进秋收一线", "曲水县：青稞丰收", "走进秋收一线"),  # a place and a colon
        # a place and its colon alone: the place, as a place alone is
        ("江孜县：", "青稞加工厂开进农家院", "江孜县"),
        ("八宿县然乌镇:", "湖畔小镇换新颜 绿水青山入画来", "八宿县然乌镇"),
        ("江孜县", "青稞加工厂开进农家院", "江孜县"),
        # halves of one length, but the upper is a couplet's lower half
        ("建设美丽家园\n村村都有新气象", "户户过上好日子", None),
        # a headline opening on 让 is whole: the line over it names who makes it happen
        ("江苏援藏“技能进村”培训", "让千余名牧民冬闲变冬忙", "江苏援藏“技能进村”培训"),
    ],
)
def test_a_kicker_over_its_headline_with_a_blank_line_stays_the_kicker(
    heads: str, title: str, kicker: str | None
) -> None:
    page = f"{BEFORE}\n{heads}\n\n{title}\n\n本报讯(记者 达瓦)近日,江孜县开展走访。\n"
    assert [(a.title, a.kicker) for a in segment_page(page)][1:] == [(title, kicker)]


def test_a_couplet_on_two_lines_stays_two_lines() -> None:
    """Lines of one length, side by side in meaning, are a couplet, not one headline cut."""
    page = "上期内容已刊发。\n\n守护绿水青山\n筑牢生态屏障\n\n全县今年植树12万株。"
    assert reflow(page).split("\n") == [
        "上期内容已刊发。",
        "守护绿水青山",
        "筑牢生态屏障",
        "全县今年植树12万株。",
    ]


@pytest.mark.parametrize("title", ["雪山脚下的小康村", "家门口的卫生服务站"])
def test_a_headline_ending_in_a_place_word_is_no_organisation(title: str) -> None:
    page = (
        f"聚焦乡村振兴\n\n{title}\n\n——岗巴县推进边境小康村建设见闻\n\n本报记者 扎西顿珠\n\n"
        "初冬时节，走进岗巴县昌龙乡，一排排崭新的藏式民居整齐排列。\n"
    )
    article = only_article(page)
    assert (article.title, article.kicker) == (title, "聚焦乡村振兴")
    assert article.subtitle == "岗巴县推进边境小康村建设见闻"


def test_a_headline_in_quotation_marks_may_hold_commas() -> None:
    """A headline quoting someone keeps the commas of their words; the kicker above it is
    the article's, not the end of the article before."""
    page = (
        "“我们在家门口就能上班，日子有奔头”\n\n"
        "本报那曲讯（记者 旺姆）今年以来，色尼区新建扶贫车间6个，吸纳就业320人。\n\n"
        "当雄县冬季供暖保障\n\n"
        "“暖气烧得旺,家里像春天”\n\n"
        "本报当雄讯(记者 次旦)入冬以来,当雄县新增集中供暖面积2.4万平方米。\n"
    )
    articles = segment_page(page)
    assert [(a.kicker, a.title) for a in articles] == [
        (None, "“我们在家门口就能上班，日子有奔头”"),
        ("当雄县冬季供暖保障", "“暖气烧得旺,家里像春天”"),
    ]


@pytest.mark.parametrize("line", ["“这里的变化真大，我们都看在眼里。”", "“我们一定把路修好，”他说"])
def test_words_in_quotation_marks_in_the_body_are_no_headline(line: str) -> None:
    assert classify(line) == "body"


def test_headline_and_subtitle_on_one_line() -> None:
    page = (
        "创新实干促发展 ——城关区党员干部深入学习 区市两会精神\n\n"
        "拉萨融媒记者 刘梦婕\n\n"
        "岁末年初，暖阳和煦。城关区广大党员干部积极学习会议精神。\n"
    )
    article = only_article(page)
    assert article.title == "创新实干促发展"
    assert article.subtitle == "城关区党员干部深入学习 区市两会精神"


def test_recurring_slogan_is_neither_title_nor_kicker() -> None:
    page = (
        "学思想 强党性\n重实践 建新功\n\n"
        "墨竹工卡县：“五措并举”把稳安全生产关\n\n"
        "拉萨融媒记者 郝奕凝\n\n"
        "自第二批主题教育开展以来，墨竹工卡县全力把稳安全生产关口。\n"
    )
    article = only_article(page)
    assert article.title == "墨竹工卡县：“五措并举”把稳安全生产关"
    assert article.kicker is None
    assert "学思想" not in article.text


@pytest.mark.parametrize("label", ["时讯快递", "社区之窗", "民生焦点", "奋进首府"])
def test_column_label_is_not_a_title(label: str) -> None:
    page = (
        f"{label}\n\n"
        "城关区召开信访工作推进会\n\n"
        "拉萨融媒讯(记者李从芳)近日，城关区召开信访工作推进会，研究部署下一阶段信访工作。\n"
    )
    article = only_article(page)
    assert article.title == "城关区召开信访工作推进会"
    assert article.kicker is None
    assert label not in article.text


def test_column_labels_between_articles_and_under_the_headline() -> None:
    page = (
        "社区之窗\n\n"
        "拉萨市消防救援支队\n\n"
        "开展“全民消防我体验”宣传活动\n\n"
        "民生焦点\n\n"
        "本报拉萨讯(记者 拉巴桑姆)连日来，拉萨市消防救援支队开展“全民消防我体验”宣传活动。\n\n"
        "同时，消防宣传人员深入居民社区，协助排查火灾隐患。\n\n"
        "时讯快递\n\n"
        "堆龙德庆区开展冬季送温暖活动\n\n"
        "本报拉萨讯(记者 格桑伦珠)近日，堆龙德庆区为辖区困难群众送去生活物资。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.kicker) for a in articles] == [
        ("开展“全民消防我体验”宣传活动", "拉萨市消防救援支队"),
        ("堆龙德庆区开展冬季送温暖活动", None),
    ]
    for article in articles:
        for label in ("社区之窗", "民生焦点", "时讯快递"):
            assert label not in article.text


# --- photos ----------------------------------------------------------------------

PHOTO = (
    "近日，拉萨市第一中学组织学生开展冬季长跑活动，同学们在奔跑中锻炼意志、强健体魄。\n\n"
    "图为学生们正在参加冬季长跑。\n\n"
    "拉萨融媒记者 旦增拉珍摄\n"
)
BEFORE = (
    "城关区开展冬季送温暖活动\n\n"
    "拉萨融媒讯(记者吴敏)近日，城关区为辖区困难群众送去米、面、油等生活物资。\n"
)
AFTER = (
    "堆龙德庆区召开安全生产推进会\n\n"
    "拉萨融媒讯(记者李从芳)近日，堆龙德庆区召开安全生产推进会，安排部署节日期间安全生产工作。\n"
)


@pytest.mark.parametrize(
    ("above", "upper", "lower", "title"),
    [
        ("江孜县", "合唱队“送歌下乡”走进", "农牧区村居", "合唱队“送歌下乡”走进农牧区村居"),
        ("学思想 强党性", "江孜县“反诈进万家”集中宣传月", "活动全面启动", None),
    ],
)
def test_a_tail_too_short_for_a_headline_is_the_rest_of_the_line_over_it(
    above: str, upper: str, lower: str, title: str | None
) -> None:
    """`尼木县` / `藏戏队“送戏下乡”走进` / `农牧区村居` / dateline, each line apart."""
    page = f"{BEFORE}\n{above}\n\n{upper}\n\n{lower}\n\n本报讯(记者 达瓦)近日,江孜县开展走访。\n"
    assert [a.title for a in segment_page(page)][1:] == [title or upper + lower]


def test_halves_apart_over_a_photo_story_are_its_title() -> None:
    """`党员志愿者进村居` / `暖心服务送上门` / a paragraph / `图为…` / credit, under a paragraph."""
    page = (
        "城关区开展冬季送温暖活动\n\n本报讯(记者 达瓦)近日，城关区送去米、面、油等物资。\n\n"
        + "党员志愿者进社区\n\n暖心服务送到家\n\n"
        + PHOTO
    )
    assert [a.title for a in segment_page(page)] == [
        "城关区开展冬季送温暖活动",
        "党员志愿者进社区 暖心服务送到家",
    ]


def test_a_photo_storys_headline_under_a_cut_paragraph_opens_it() -> None:
    """`…推动生态保护宣传教` (the paragraph goes on elsewhere) / `光伏板下牧草青` / … / `图为…`."""
    page = (
        "城关区开展冬季送温暖活动\n\n本报讯(记者 达瓦)近日，城关区为辖区困难群众送去米、面、油等生活物资，推动宣传教\n\n"
        + "冬日长跑强体魄\n\n"
        + PHOTO
    )
    assert [a.title for a in segment_page(page)] == ["城关区开展冬季送温暖活动", "冬日长跑强体魄"]


def _untitled(articles: list[Article]) -> Article:
    photos = [a for a in articles if not a.title]
    assert len(photos) == 1, [a.title for a in articles]
    return photos[0]


@pytest.mark.parametrize(
    "page",
    [BEFORE + "\n\n\n\n" + PHOTO + "\n" + AFTER, PHOTO + "\n" + AFTER, BEFORE + "\n\n\n\n" + PHOTO],
    ids=["between", "first", "last"],
)
def test_photo_without_headline_is_its_own_untitled_article(page: str) -> None:
    articles = segment_page(page)
    photo = _untitled(articles)
    assert photo.text.split("\n") == [
        "近日，拉萨市第一中学组织学生开展冬季长跑活动，同学们在奔跑中锻炼意志、强健体魄。",
        "图为学生们正在参加冬季长跑。",
    ]
    assert photo.byline == "拉萨融媒记者 旦增拉珍摄"
    assert photo.dateline is None
    titled = [a for a in articles if a.title]
    assert [a.title for a in titled] == [
        t for t in ("城关区开展冬季送温暖活动", "堆龙德庆区召开安全生产推进会") if t in page
    ]
    for article in titled:
        assert "长跑" not in article.text
        assert "旦增拉珍" not in article.text


def test_a_caption_with_news_of_its_own_is_an_untitled_article() -> None:
    news = "图为管护员在采挖点查验采挖证。今年巴青县共设立宣传点35个，发放资料2万余份。"
    articles = segment_page(BEFORE + "\n" + news + "\n\n本报记者 索朗次仁摄\n")
    photo = _untitled(articles)
    assert photo.text == news
    assert photo.byline == "本报记者 索朗次仁摄"
    # A caption saying only what the photo shows stays with its article.
    shown = segment_page(BEFORE + "\n图为工作人员为群众发放物资。\n\n本报记者 次仁摄\n")
    assert [a.title for a in shown] == ["城关区开展冬季送温暖活动"]


def test_a_headline_opened_by_a_place_keeps_the_line_under_it_as_subtitle() -> None:
    page = (
        "墨竹工卡县：文旅招商激活甲玛沟\n\n引进社会资本3.6亿元 带动200余户群众增收\n\n"
        "本报记者 次旦卓玛\n\n初冬时节，甲玛乡的赤康村里，新建成的民宿群迎来了游客。\n"
    )
    article = only_article(page)
    assert article.title == "墨竹工卡县：文旅招商激活甲玛沟"
    assert article.subtitle == "引进社会资本3.6亿元 带动200余户群众增收"
    assert article.kicker is None


def test_photo_caption_and_credit_on_one_line() -> None:
    page = (
        BEFORE
        + "\n\n\n\n"
        + "日前，2024雪域名家大讲堂在西藏自治区图书馆学术报告厅举办。\n\n"
        + "图为见面会现场。本报记者 鹿丽娟 摄\n\n"
        + AFTER
    )
    photo = _untitled(segment_page(page))
    assert (
        photo.text == "日前，2024雪域名家大讲堂在西藏自治区图书馆学术报告厅举办。\n图为见面会现场。"
    )
    assert photo.byline == "本报记者 鹿丽娟 摄"


def test_photo_story_with_its_own_headline_keeps_it() -> None:
    page = (
        BEFORE
        + "\n\n健康义诊送温暖\n\n\n\n"
        + "近日，马镇新时代文明实践所开展义诊服务活动。\n\n"
        + "图为志愿者正在为群众测量血压。\n\n"
        + "本报记者 格桑伦珠 摄\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles] == ["城关区开展冬季送温暖活动", "健康义诊送温暖"]
    assert articles[1].byline == "本报记者 格桑伦珠 摄"
    assert articles[1].text.endswith("图为志愿者正在为群众测量血压。")


@pytest.mark.parametrize(
    "caption",
    [
        "图为志愿者正在为群众测量血压。\n\n本报记者 格桑伦珠 摄\n",
        "图为志愿者正在为群众测量血压。本报记者 格桑伦珠 摄\n",
    ],
    ids=["credit-below", "credit-beside"],
)
def test_a_caption_only_photo_keeps_its_headline(caption: str) -> None:
    page = BEFORE + "\n健康义诊送温暖\n\n\n\n" + caption + "\n" + AFTER
    articles = segment_page(page)
    assert [a.title for a in articles] == [
        "城关区开展冬季送温暖活动",
        "健康义诊送温暖",
        "堆龙德庆区召开安全生产推进会",
    ]
    assert (articles[1].text, articles[1].byline) == (
        "图为志愿者正在为群众测量血压。",
        "本报记者 格桑伦珠 摄",
    )


def test_a_photo_between_the_headline_and_the_dateline_belongs_to_the_article() -> None:
    page = (
        BEFORE
        + "\n健康义诊送温暖\n\n图为志愿者正在为群众测量血压。本报记者 格桑伦珠 摄\n\n"
        + "本报讯(记者 达瓦)近日，马镇开展义诊服务活动。\n\n当天，共义诊群众300余人次。\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles] == ["城关区开展冬季送温暖活动", "健康义诊送温暖"]
    assert articles[1].dateline == "本报讯(记者 达瓦)"
    assert articles[1].text.split("\n") == [
        "图为志愿者正在为群众测量血压。",
        "近日，马镇开展义诊服务活动。",
        "当天，共义诊群众300余人次。",
    ]


def test_a_section_heading_over_a_photo_inside_an_article_opens_none() -> None:
    page = BEFORE + "\n守护绿水青山\n\n图为志愿者正在植树。\n\n当天，志愿者共植树200棵。\n"
    article = only_article(page)
    assert article.text.endswith("守护绿水青山\n图为志愿者正在植树。\n当天，志愿者共植树200棵。")


def test_caption_inside_an_article_stays_with_it() -> None:
    page = (
        "吉崩岗街道：便民服务进社区 温情惠民暖人心\n\n"
        "拉萨融媒讯(记者旦增拉珍、普珍)连日来，吉崩岗街道为辖区孩子们提供课业辅导等志愿服务。\n\n\n\n"
        "图为大学生志愿者在吉崩岗街道为孩子们辅导功课。拉萨融媒记者 旦增拉珍摄\n\n"
        "同时，该街道还组织孩子们前往拉萨电影院免费观看电影。\n"
    )
    article = only_article(page)
    assert article.title == "吉崩岗街道：便民服务进社区 温情惠民暖人心"
    assert article.text.endswith("同时，该街道还组织孩子们前往拉萨电影院免费观看电影。")
    assert "图为大学生志愿者在吉崩岗街道为孩子们辅导功课。" in article.text


def test_the_papers_dateline_without_a_reporter_opens_an_article() -> None:
    page = (
        BEFORE
        + "\n\n县气象局提醒\n\n做好秋收期间防范降雨降温工作\n\n本报讯 县气象局发布预报：未来一周将降温6摄氏度。\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles] == [
        "城关区开展冬季送温暖活动",
        "做好秋收期间防范降雨降温工作",
    ]
    assert (articles[1].kicker, articles[1].dateline) == ("县气象局提醒", "本报讯")
    assert articles[1].text == "县气象局发布预报：未来一周将降温6摄氏度。"


def test_a_column_label_over_a_headline_opens_an_item_of_the_column() -> None:
    page = (
        BEFORE
        + "\n\n社区之窗\n\n春堆社区:“红色代办”让群众少跑腿\n\n社区推出“红色代办”服务，代办事项580余件。\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles] == [
        "城关区开展冬季送温暖活动",
        "春堆社区:“红色代办”让群众少跑腿",
    ]
    assert articles[1].text == "社区推出“红色代办”服务，代办事项580余件。"


def test_a_signed_comment_opens_an_item_of_its_column() -> None:
    """`短评` / its headline / the writer's name: a comment of its own, signed."""
    page = (
        BEFORE
        + "\n\n短评\n\n让好政策真正落到群众心坎上\n\n王明\n\n"
        + "政策好不好，群众最有发言权。各部门要把工作做细做实。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [("让好政策真正落到群众心坎上", "王明")]
    assert articles[1].text == "政策好不好，群众最有发言权。各部门要把工作做细做实。"


def test_a_comment_signed_after_a_box_opens_an_article() -> None:
    """`短评` / its headline / `□ 晓 岚`: the box and the spaced name are its byline."""
    page = (
        BEFORE
        + "\n\n短评\n\n调解室里的“人情味”\n\n□ 晓 岚\n\n"
        + "一张桌子、几把椅子，就是一间调解室。纠纷化解在家门口，群众最满意。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [("调解室里的“人情味”", "□ 晓 岚")]


@pytest.mark.parametrize(
    ("title", "writer"),
    [("让好政策真正落地生根", "平措"), ("让服务更有温度", "格桑"), ("让服务更有温度", "杨 帆")],
)
def test_a_comment_signed_under_its_headline_with_no_column_opens_an_article(
    title: str, writer: str
) -> None:
    """`让好政策落地生根` / `平措` / body: the name under the headline, spaced or not, is
    its byline."""
    page = (
        BEFORE
        + f"\n\n{title}\n\n{writer}\n\n"
        + "政策好不好，群众最有发言权。各部门要把工作做细做实。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [(title, writer)]


def test_a_comment_of_a_column_signed_by_a_spaced_name_opens_an_item() -> None:
    page = (
        BEFORE + "\n\n短评\n\n让好政策真正落到群众心坎上\n\n杨 帆\n\n政策好不好，群众最有发言权。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [("让好政策真正落到群众心坎上", "杨 帆")]


@pytest.mark.parametrize(
    "headline",
    [
        "江孜县召开春耕生产工作会议",
        "2026年日喀则市全民健身月启动",
        "冬季送温暖活动惠及3200余户群众",
    ],
)
def test_a_headline_telling_an_event_under_a_paragraph_opens_an_article(headline: str) -> None:
    """No dateline, no byline, the body at once: a line that tells an event as news does
    (a place and what was held, or a count reached) is a headline, not a section head."""
    body = "4月2日，相关部门负责同志参加会议，安排部署下一阶段工作。"
    articles = segment_page(BEFORE + f"{headline}\n{body}\n")
    assert [a.title for a in articles] == ["城关区开展冬季送温暖活动", headline]
    assert articles[1].text == body


@pytest.mark.parametrize(
    "head", ["织密排查“一张网”", "扎囊：小小氆氇织出“锦绣路”", "经济总量稳步扩大"]
)
def test_a_section_head_under_a_paragraph_stays_in_its_article(head: str) -> None:
    body = "今年以来，全区上下聚焦重点任务，各项工作取得新进展。"
    articles = segment_page(BEFORE + f"{head}\n{body}\n")
    assert [a.title for a in articles] == ["城关区开展冬季送温暖活动"]


@pytest.mark.parametrize(
    "lead",
    [
        "近日，申扎县应急管理局走进冬季牧场开展安全宣讲。",
        "为增强牧民群众的安全意识，近日，申扎县应急管理局走进冬季牧场开展安全宣讲。",
        "为提升牧区群众防灾能力，11月20日，申扎县应急管理局走进冬季牧场开展安全宣讲。",
        "为增强牧民的安全意识，引导群众科学防灾，近日，申扎县应急管理局走进冬季牧场。",
    ],
)
def test_a_headline_under_a_paragraph_opens_an_article_over_a_news_lead(lead: str) -> None:
    """No dateline, the body at once, a photo and its credit closing the item: a paragraph
    opening as news does, the day after what the work was for or not, is a story's first."""
    page = (
        BEFORE
        + f"\n“安全宣讲”进帐篷\n\n{lead}\n\n宣讲队发放宣传手册800余份。\n\n"
        + "图为宣讲队员为牧民讲解防火知识。\n\n本报记者 格桑 摄\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [("“安全宣讲”进帐篷", "本报记者 格桑 摄")]
    assert articles[1].text.startswith(lead)


@pytest.mark.parametrize("comma", ["，", ","])
def test_a_news_lead_takes_its_commas_in_either_width(comma: str) -> None:
    """`“流动医院” 开进牧场` / `为把优质医疗服务送到…身边,近日,…` / two paragraphs more /
    `图为…` / credit: three paragraphs are no photo story, the lead opens the article."""
    lead = f"为增强牧民群众的安全意识{comma}近日{comma}申扎县应急管理局走进冬季牧场开展安全宣讲。"
    page = (
        BEFORE
        + f"\n“安全宣讲”进帐篷\n\n{lead}\n\n宣讲队发放宣传手册800余份。\n\n"
        + "牧民们纷纷表示受益匪浅。\n\n图为宣讲队员为牧民讲解防火知识。\n\n本报记者 格桑 摄\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [("“安全宣讲”进帐篷", "本报记者 格桑 摄")]


@pytest.mark.parametrize(
    "body",
    [
        "为让群众少跑腿，全区今年新建便民服务站12个。",
        "为此，全区上下聚焦重点任务，近日又新建便民服务站12个。",
    ],
)
def test_a_section_head_over_what_the_work_was_for_stays_in_its_article(body: str) -> None:
    articles = segment_page(BEFORE + f"\n服务下沉暖民心\n\n{body}\n")
    assert [a.title for a in articles] == ["城关区开展冬季送温暖活动"]


def test_a_column_of_signed_voices_is_titled_by_its_label() -> None:
    """`群众心声` / `“……”——…村民 扎西`: people's words under a column's label."""
    page = (
        BEFORE
        + "\n\n群众心声\n\n“路修好了，去县城只要半小时。”——朗县仲达镇村民 扎西\n\n"
        + "“家门口就能看病，方便多了。”——米林市卧龙镇居民 卓嘎\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles][1:] == ["群众心声"]
    assert articles[1].text.startswith("“路修好了")


def test_signed_voices_under_a_headline_of_no_column_are_titled_by_it() -> None:
    page = (
        BEFORE
        + "\n\n听听村民怎么说\n\n“路修好了，去县城只要半小时。”——朗县仲达镇村民 扎西\n\n"
        + "“家门口就能看病，方便多了。”——米林市卧龙镇居民 卓嘎\n"
    )
    assert [a.title for a in segment_page(page)][1:] == ["听听村民怎么说"]


@pytest.mark.parametrize(
    "credit",
    [
        "\n图为志愿者为群众测量血压。\n\n本报记者 格桑 摄\n",
        "\n图为志愿者为群众测量血压。本报记者 格桑 摄\n",
    ],
)
def test_a_headline_after_a_photos_credit_opens_an_article_with_no_dateline(credit: str) -> None:
    """A photo and its credit close the article above: a headline under them opens one,
    the body starting at once."""
    page = BEFORE + credit + "\n牧区的冬天不再冷\n\n入冬以来，浪卡子县为牧民发放取暖煤1200吨。\n"
    articles = segment_page(page)
    assert [a.title for a in articles] == ["城关区开展冬季送温暖活动", "牧区的冬天不再冷"]
    assert articles[1].text == "入冬以来，浪卡子县为牧民发放取暖煤1200吨。"


@pytest.mark.parametrize(
    ("heads", "title"),
    [
        # halves of one length printed apart: one headline
        ("义诊进牧区\n\n健康到家门", "义诊进牧区 健康到家门"),
        ("青稞丰收季\n\n农家笑开颜", "青稞丰收季 农家笑开颜"),
        # a kicker over a longer headline stays its kicker
        ("冬日暖阳\n\n牧区的冬天不再冷", "牧区的冬天不再冷"),
        # a short rest that speaks, with a particle: one headline
        ("“格桑花”暑期学堂\n\n开课啦", "“格桑花”暑期学堂开课啦"),
    ],
)
def test_halves_apart_after_a_photos_credit_over_the_body_are_one_headline(
    heads: str, title: str
) -> None:
    """After a photo's credit an article opens with no dateline, the body at once under its
    headline, which may be set in two halves with a blank line between."""
    page = BEFORE + "\n图为志愿者为群众测量血压。\n\n本报记者 格桑 摄\n\n\n\n" + heads
    page += "\n\n\n\n近日，申扎县人民医院在买巴乡开展义诊活动。\n"
    assert [a.title for a in segment_page(page)][1:] == [title]


@pytest.mark.parametrize(
    ("heads", "titles"),
    [
        # the rest of the headline, short as a column's label, under its one line
        ("聂荣县开展草原防火\n\n实战演练", [("聂荣县开展草原防火实战演练", None)]),
        ("指尖上的非遗\n\n致富经", [("指尖上的非遗致富经", None)]),
        # a column's label under a kicker and its headline
        (
            "那曲市消防救援支队\n\n开展冬春火灾防控宣传活动\n\n民生焦点",
            [("开展冬春火灾防控宣传活动", "那曲市消防救援支队")],
        ),
    ],
)
def test_a_short_rest_of_a_headline_printed_apart_over_its_dateline(
    heads: str, titles: list[tuple[str, str | None]]
) -> None:
    page = BEFORE + f"\n{heads}\n\n本报那曲讯(记者 拉巴)1月13日，聂荣县在尼玛乡开展演练。\n"
    assert [(a.title, a.kicker) for a in segment_page(page)][1:] == titles


@pytest.mark.parametrize(
    ("heads", "title", "kicker"),
    [
        # a deed under a line naming no doer: two parallel halves of one headline
        (
            "巩固移民安置成果\n推动移民群众稳得住能致富",
            "巩固移民安置成果推动移民群众稳得住能致富",
            None,
        ),
        # under who did it, printed tight or apart: its kicker
        ("那曲市财政局\n开展补奖资金专项整治", "开展补奖资金专项整治", "那曲市财政局"),
        ("市工商联\n\n召开民营企业座谈会", "召开民营企业座谈会", "市工商联"),
        ("拉萨市残联\n\n开展助残日活动", "开展助残日活动", "拉萨市残联"),
        ("日喀则监狱\n\n举办“亲情帮教开放日”活动", "举办“亲情帮教开放日”活动", "日喀则监狱"),
        ("尼玛县：\n\n部署草原生态保护“护绿行动”", "部署草原生态保护“护绿行动”", "尼玛县"),
    ],
)
def test_a_deed_under_a_line_naming_no_doer_is_one_headline(
    heads: str, title: str, kicker: str | None
) -> None:
    page = BEFORE + f"\n{heads}\n本报记者 边巴\n\n5月8日，全市移民后续帮扶工作推进会召开。\n"
    assert [(a.title, a.kicker) for a in segment_page(page)][1:] == [(title, kicker)]


@pytest.mark.parametrize(
    ("printed", "titles"),
    [
        # set right on its body, apart from the paragraph above: a headline
        (
            "\n菜价稳了 “菜篮子”拎得更轻松\n春节后，",
            ["城关区开展冬季送温暖活动", "菜价稳了 “菜篮子”拎得更轻松"],
        ),
        # apart from both: a section head
        ("\n菜价稳了 “菜篮子”拎得更轻松\n\n春节后，", ["城关区开展冬季送温暖活动"]),
        # right under the paragraph too: a section head
        ("菜价稳了 “菜篮子”拎得更轻松\n春节后，", ["城关区开展冬季送温暖活动"]),
        # a column's label set on its first item
        ("\n文化快讯\n春节后，", ["城关区开展冬季送温暖活动"]),
    ],
)
def test_a_heading_set_right_on_its_body_under_a_paragraph(printed: str, titles: list[str]) -> None:
    page = (
        BEFORE
        + f"{printed}拉萨的蔬菜价格没有像往年那样“坐过山车”。\n\n菜价平稳的背后是保供行动。\n"
    )
    assert [a.title for a in segment_page(page)] == titles


def test_a_writers_name_under_a_comment_after_a_photos_credit_is_its_byline() -> None:
    page = (
        BEFORE
        + "\n图为志愿者为群众测量血压。\n\n本报记者 格桑 摄\n\n让办税更有温度\n\n拉巴\n\n"
        + "便民办税，“便”字当头。\n"
    )
    assert [(a.title, a.byline) for a in segment_page(page)][1:] == [("让办税更有温度", "拉巴")]


@pytest.mark.parametrize(
    ("line", "names_one"),
    [
        ("拉萨市司法局", True),
        ("市市场监管局", True),
        ("奋楫笃行开新局", False),
        ("山南市妇幼保健院", True),
        ("组团帮扶强县院", False),
        ("谋划发展新格局", False),
    ],
)
def test_a_new_turn_of_affairs_is_no_bureau(line: str, names_one: bool) -> None:
    assert is_org(line) is names_one


@pytest.mark.parametrize(
    ("kicker", "halves", "title"),
    [
        (
            "昌都市三届人大四次会议开幕",
            "团结奋进开新局\n实干担当谱新篇",
            "团结奋进开新局实干担当谱新篇",
        ),
        ("玉树地震十六周年", "重建家园换新颜\n感恩奋进再出发", "重建家园换新颜感恩奋进再出发"),
    ],
)
def test_a_couplet_right_over_its_article_is_the_headline_under_its_kicker(
    kicker: str, halves: str, title: str
) -> None:
    """`…开幕` / `…开新局` / `…谱新篇` / dateline, all printed together: the couplet of one
    length is the headline, the line above it its kicker, however long."""
    page = f"{kicker}\n{halves}\n本报讯（记者 达瓦）1月15日上午，大会在市会议中心开幕。\n"
    article = only_article(page)
    assert (article.title, article.kicker) == (title, kicker)


def test_of_two_couplets_over_the_dateline_the_upper_is_the_headline() -> None:
    """`…` / `…` / `奋进新征程` / `建功新时代` / dateline: the slogan is printed under its
    headline, as it is under a headline and its byline."""
    page = "雪山脚下花正艳\n文旅融合富农家\n\n奋进新征程\n建功新时代\n\n本报讯（记者 达瓦）3月22日，文化节开幕。\n"
    article = only_article(page)
    assert (article.title, article.kicker) == ("雪山脚下花正艳 文旅融合富农家", None)


def test_a_kicker_and_headline_under_a_paragraph_open_an_article_over_a_news_lead() -> None:
    """Two heading lines, the lower the longer, under the last paragraph of the article
    before and over a paragraph opening as news does (`近日，…`)."""
    page = BEFORE + "\n薪火相传有后人\n藏戏传习所迎来首批学员\n\n近日，乃东区藏戏传习所正式开班。\n"
    articles = segment_page(page)
    assert [(a.title, a.kicker) for a in articles][1:] == [
        ("藏戏传习所迎来首批学员", "薪火相传有后人")
    ]
    assert articles[1].text == "近日，乃东区藏戏传习所正式开班。"


def test_a_headline_broken_over_two_lines_under_a_cut_paragraph_opens_an_article() -> None:
    """`牦牛背上的` / `流动课堂`, under a paragraph continued elsewhere and over the body at
    once: the upper reads on, so the two are one headline, neither the rest of the paragraph
    nor a section head; the photo's credit that closes the item is its byline."""
    page = (
        BEFORE
        + "\n草原鼠害是威胁牧区生态的“隐形杀手”。近年来，全县坚持“预防为主、综合防治”的方针\n\n"
        + "牦牛背上的\n\n流动课堂\n\n入冬以后,牧场陆续进入转场季节。\n\n"
        + "老师们骑着牦牛进村授课。\n\n图为老师在牧民家中授课。\n\n本报记者 达瓦 摄\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [
        ("牦牛背上的流动课堂", "本报记者 达瓦 摄")
    ]
    assert articles[0].text.endswith("综合防治”的方针")


def test_a_couplet_under_a_paragraph_stays_a_section_head_over_a_news_lead() -> None:
    page = BEFORE + "\n奋进新征程\n建功新时代\n\n近日，城关区召开冬季送温暖工作推进会。\n"
    assert [a.title for a in segment_page(page)] == ["城关区开展冬季送温暖活动"]


def test_a_report_column_alone_takes_the_line_over_the_next_headline() -> None:
    page = (
        "平安山南 民警在行动\n\n本报讯（记者 李四）近日，山南市公安局开展冬季交通安全专项整治。\n\n"
        "整治期间查处违法行为300余起。\n\n"
        "全市民警“清零”行动护航平安冬季\n\n"
        "便民出行路更宽 ——乃东区深化农村客运见闻\n\n本报记者 王五\n\n清晨，乃东区的客运站里已有不少乘客。\n"
    )
    assert [(a.kicker, a.title) for a in segment_page(page)] == [
        ("平安山南 民警在行动", "全市民警“清零”行动护航平安冬季"),
        (None, "便民出行路更宽"),
    ]


def test_a_short_line_alone_over_its_dateline_takes_the_kicker_over_the_next_headline() -> None:
    page = (
        "欢度新春佳节\n\n本报讯（记者 李四）近日，乃东区年货大集开市，设置摊位200个。\n\n"
        "大集开市首日客流量超过1万人次。\n\n"
        "年货大集人气旺 新春佳节年味浓\n\n"
        "唱响新时代 歌声飘雅砻\n\n——琼结县民歌大赛侧记\n\n本报记者 王五\n\n近日，琼结县举办民歌大赛。\n"
    )
    assert [(a.kicker, a.title) for a in segment_page(page)] == [
        (None, "年货大集人气旺 新春佳节年味浓"),
        (None, "唱响新时代 歌声飘雅砻"),
    ]


def test_phrases_alone_over_their_dateline_take_a_line_the_next_headline_leaves_out() -> None:
    page = (
        "优化营商环境 提升服务效能\n\n拉萨融媒讯（记者 李四）近日，拉萨市政务服务中心新开窗口12个。\n\n"
        "企业开办时间压缩至1个工作日。\n\n"
        "拉萨政务服务跑出“加速度”\n\n工布江达县\n\n守好巴松措 端稳“生态碗”\n\n"
        "本报林芝讯（记者 王五）近日，工布江达县开展巴松措湖区环境整治。\n"
    )
    assert [(a.kicker, a.title) for a in segment_page(page)] == [
        ("优化营商环境 提升服务效能", "拉萨政务服务跑出“加速度”"),
        ("工布江达县", "守好巴松措 端稳“生态碗”"),
    ]


def test_a_block_after_the_body_reads_halves_over_their_kicker_as_one_headline() -> None:
    page = (
        "感党恩 听党话 跟党走\n\n本报日喀则讯（记者 李四）近日，萨嘎县光伏项目并网发电。\n\n"
        "项目每年发电1.6亿千瓦时。\n\n时讯快递\n\n光伏板下牧草青\n\n绿色电能送万家\n\n萨嘎县\n\n"
        "奋进阿里\n\n项目年均收益200万元用于壮大集体经济。\n"
    )
    first = segment_page(page)[0]
    assert (first.kicker, first.title) == ("萨嘎县", "光伏板下牧草青 绿色电能送万家")


def test_a_place_led_line_over_the_next_headline_heads_the_story_its_dateline_opens() -> None:
    page = (
        "墨竹工卡县开展冬季送温暖活动\n\n本报记者 张三\n\n近日，墨竹工卡县为困难群众送去棉被200床。\n\n"
        "本报讯（记者 李四）日前，尼木县第二小学开展应急疏散演练，全校800名师生参加。\n\n"
        "校长说，学校每学期组织演练两次。\n\n"
        "尼木县：防震演练进校园 安全意识入童心\n\n"
        "未雨绸缪备物资 ——当雄县做好冬春雪灾防御准备\n\n本报记者 王五\n\n进入10月，当雄县储备饲草2万吨。\n"
    )
    articles = segment_page(page)
    assert [(a.kicker, a.title) for a in articles] == [
        (None, "墨竹工卡县开展冬季送温暖活动"),
        (None, "尼木县：防震演练进校园 安全意识入童心"),
        (None, "未雨绸缪备物资"),
    ]
    assert articles[1].dateline is not None and articles[1].text.startswith("日前，尼木县")
    assert "尼木县" not in articles[0].text


def test_a_headline_over_a_photos_credit_and_a_dateline_opens_an_article() -> None:
    """`…` / `本报记者 … 摄` / `本报讯 …`: the photographer's credit stands where the
    byline would, and is the byline when the dateline names no reporter."""
    page = (
        BEFORE
        + "\n\n学思想 强党性\n重实践 建新功\n\n草原歌声唱党恩\n宣讲声声暖人心\n\n"
        + "本报记者 央宗 摄\n\n本报讯 11月下旬，安多县文艺宣讲队走进冬季牧场。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [
        ("草原歌声唱党恩宣讲声声暖人心", "本报记者 央宗 摄")
    ]
    assert articles[1].text == "11月下旬，安多县文艺宣讲队走进冬季牧场。"


@pytest.mark.parametrize(
    ("slogan", "printed_after", "title"),
    [
        ("学习贯彻 两会精神", "江孜县干部群众热议自治区两会", "江孜县干部群众热议自治区两会"),
        ("学习贯彻 两会精神", "守住初心使命", "学习贯彻 两会精神"),  # a section head names no place
        # nor does a round-up's section
        ("学习贯彻 两会精神", "江孜县：宣讲进村入户", "学习贯彻 两会精神"),
        # a headline spaced in two parts names the place in its second
        (
            "学习贯彻 两会精神",
            "贯彻两会精神 江孜县干部群众谋发展",
            "贯彻两会精神 江孜县干部群众谋发展",
        ),
        ("学习贯彻 市委全会精神", "江孜县干部群众热议市委全会", "江孜县干部群众热议市委全会"),
        ("学习贯彻 市委全会精神", "守住初心使命", "学习贯彻 市委全会精神"),
        ("学习贯彻 两会精神", "守住初心 砥砺前行", "学习贯彻 两会精神"),  # a spaced section head
    ],
)
def test_a_headline_printed_after_the_body_of_a_slogan_is_its_title(
    slogan: str, printed_after: str, title: str
) -> None:
    """A column's slogan over a dated story, its headline put by the layout after the
    body and one paragraph out of order after that."""
    page = (
        BEFORE
        + f"\n\n{slogan}\n\n本报江孜讯（记者 次仁）自治区两会闭幕后，江孜县掀起学习热潮。\n\n"
        + "县里组织宣讲队深入乡村宣讲两会精神。\n\n"
        + f"{printed_after}\n\n园区负责人表示，将全面推进安全生产标准化创建。\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles][1:] == [title]
    assert articles[1].text.endswith("将全面推进安全生产标准化创建。")


@pytest.mark.parametrize(
    ("kicker", "column"),
    [
        ("江孜县教育局", "奋进首府"),
        ("江孜县妇幼保健院", "奋进首府"),
        ("江孜县卫生院", "奋进首府"),
        ("江孜县“健康快车”", "奋进首府"),
        # the next feature's column, however long, is never the headline
        ("江孜县住房和城乡建设局", "奋进新时代"),
        ("江孜县卫生院", "健康江孜新篇"),
    ],
)
def test_a_headline_block_printed_after_the_body_sets_its_headline_first(
    kicker: str, column: str
) -> None:
    """`改进作风 狠抓落实` / dateline / … / `时讯快递` / headline / kicker / `奋进首府`: the
    block printed after the body sets the headline over its kicker, organisation or not; the
    line after the kicker is the next feature's column."""
    page = (
        BEFORE
        + "\n\n改进作风 狠抓落实\n\n本报江孜讯（记者 次仁）近日，江孜县开展孕产妇健康筛查行动。\n\n"
        + f"时讯快递\n\n开展孕产妇健康筛查进乡村行动\n\n{kicker}\n\n{column}\n\n"
        + "江孜县地处年楚河畔，全县医疗卫生机构达到60个。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.kicker) for a in articles][1:] == [("开展孕产妇健康筛查进乡村行动", kicker)]


@pytest.mark.parametrize(
    ("slogan", "titles"),
    [
        # longer phrases spaced as a slogan's, alone over the dateline, take the block
        ("建设美丽江孜 共享绿色家园", [("推进清洁取暖工程", "江孜县住房和城乡建设局")]),
        # a headline with its subtitle and byline keeps its title; the block is a story of its own
        (
            "育才兴边 筑梦雪域\n\n——江孜县推动教育事业发展综述\n\n本报记者 次仁",
            [("育才兴边 筑梦雪域", None), ("推进清洁取暖工程", "江孜县住房和城乡建设局")],
        ),
    ],
)
def test_a_headline_block_printed_after_the_body_goes_to_a_slogan_alone(
    slogan: str, titles: list[tuple[str, str | None]]
) -> None:
    """`建设美丽那曲 共享绿色家园` / dateline / … / `时讯快递` / headline / kicker / `绿色那曲`."""
    dateline = "本报江孜讯（记者 次仁）" if "本报记者" not in slogan else ""
    page = (
        BEFORE
        + f"\n\n{slogan}\n\n{dateline}入冬以来，江孜县城区集中供暖全面启动。\n\n"
        + "时讯快递\n\n推进清洁取暖工程\n\n江孜县住房和城乡建设局\n\n绿色江孜\n\n"
        + "江孜县地处年楚河畔，全县学校达到60所。\n"
    )
    assert [(a.title, a.kicker) for a in segment_page(page)][1:] == titles


@pytest.mark.parametrize("head", ["物业服务进小区", "园区建设有速度", "禁牧区里的巡护人"])
def test_a_section_head_opening_on_a_common_noun_in_qu_stays_in_its_feature(head: str) -> None:
    """`物业服务进小区` inside a feature with its byline names no place: a section head."""
    page = (
        BEFORE
        + "\n\n安居圆梦幸福来\n\n本报记者 次仁\n\n住房是最大的民生。近年来，江孜县改造老旧小区12个。\n\n"
        + f"{head}\n\n城市在发展，管理要跟上。江孜县为全县小区引入专业物业服务企业。\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles][1:] == ["安居圆梦幸福来"]
    assert head in articles[1].text


def test_a_spaced_section_head_of_a_feature_opening_on_a_place_stays_in_it() -> None:
    """`边民互市激发活力 群众腰包日益鼓起来` inside a feature with its byline is a section head."""
    page = (
        BEFORE
        + "\n\n边贸活力竞迸发\n\n本报记者 次仁\n\n口岸建设离不开援藏力量的支持。近年来，口岸面貌一新。\n\n"
        + "边民互市激发活力 群众腰包日益鼓起来\n\n边民互市贸易是吉隆县群众增收的一条重要途径。\n"
    )
    assert [a.title for a in segment_page(page)][1:] == ["边贸活力竞迸发"]


@pytest.mark.parametrize(
    ("printed_after", "titles"),
    [
        # a place and a colon: the headline of the column's story, not the next one's kicker
        (
            "江孜县紫金乡：“合作社+”铺就增收路",
            [("江孜县紫金乡：“合作社+”铺就增收路", "乡村振兴进行时"), ("园区“聚”变", None)],
        ),
        # any other line over the next headline is its kicker, and the column the title
        ("江孜县紫金乡", [("乡村振兴进行时", None), ("园区“聚”变", "江孜县紫金乡")]),
    ],
)
def test_a_headline_printed_after_the_body_of_a_report_column_is_its_title(
    printed_after: str, titles: list[tuple[str, str | None]]
) -> None:
    """`乡村振兴进行时` / dateline / … / `谢通门县达那答乡：…` / `园区“聚”变 ——…` / byline."""
    page = (
        BEFORE
        + "\n\n乡村振兴进行时\n\n本报江孜讯（记者 次仁）初夏时节，紫金乡的合作社里机器轰鸣。\n\n"
        + f"{printed_after}\n\n园区“聚”变 ——江孜县工业园区建设见闻\n\n本报记者 达瓦\n\n"
        + "六月的年楚河畔，阳光正好。\n"
    )
    assert [(a.title, a.kicker) for a in segment_page(page)][1:] == titles


@pytest.mark.parametrize(
    ("column", "titles"),
    [
        ("学习贯彻 人代会精神", ["干部群众热议江孜县人代会 凝心聚力谋发展", "学理论强本领"]),
        ("守住初心使命", ["学理论强本领"]),  # a section head over a story's speaker
    ],
)
def test_the_study_column_over_voices_takes_the_headline_printed_after_them(
    column: str, titles: list[str]
) -> None:
    """`学习贯彻 人代会精神` over the words of the people it asked, no dateline, its headline
    printed after them over the next story's: the column opens a story of its own."""
    page = (
        BEFORE
        + f"\n\n{column}\n\n“会上提出要新建县城污水处理厂，我们盼了好多年。”县人大代表扎西说。\n\n"
        + "“报告里说要新建3所幼儿园，我特别高兴。”教师卓嘎说。\n\n"
        + "干部群众热议江孜县人代会 凝心聚力谋发展\n\n学理论强本领 ——江孜县党员干部深入学习全会精神\n\n"
        + "本报记者 次仁\n\n连日来，江孜县各乡镇通过专题研讨等形式学习全会精神。\n"
    )
    articles = segment_page(page)
    assert [a.title for a in articles][1:] == titles
    assert articles[-1].subtitle == "江孜县党员干部深入学习全会精神"


def test_a_headline_at_the_top_of_the_page_opens_its_article() -> None:
    page = "牧区的冬天不再冷\n\n入冬以来，浪卡子县为牧民发放取暖煤1200吨。\n"
    assert (only_article(page).title, only_article(page).text) == (
        "牧区的冬天不再冷",
        "入冬以来，浪卡子县为牧民发放取暖煤1200吨。",
    )


def test_a_comment_signed_by_the_papers_commentator_opens_an_article() -> None:
    page = BEFORE + "\n\n让好政策真正落地生根\n\n本报评论员\n\n政策好不好，群众最有发言权。\n"
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles][1:] == [("让好政策真正落地生根", "本报评论员")]


def test_a_headline_may_name_a_list_in_marks() -> None:
    """`…实现“就近查、一次办”`: the 、 stands inside the marks, not in a sentence cut short."""
    page = "桑珠孜区民生档案实现“就近查、一次办”\n\n本报讯 近日，桑珠孜区档案馆开通查档服务。\n"
    assert only_article(page).title == "桑珠孜区民生档案实现“就近查、一次办”"


def test_the_line_right_above_a_subtitle_is_the_title() -> None:
    """`金融惠民生` / `活水润乡村` above the headline are its kicker, however much the
    headline ends like a place (`…农牧区`) and the line above like a village (`…乡村`)."""
    page = (
        "金融惠民生\n活水润乡村\n\n金融活水润泽全市农牧区\n\n——全市涉农贷款余额达186.4亿元\n\n"
        "本报拉萨讯（记者 次仁卓玛）今年以来，全市涉农贷款稳步增长。\n"
    )
    article = only_article(page)
    assert article.title == "金融活水润泽全市农牧区"
    assert article.subtitle == "全市涉农贷款余额达186.4亿元"


def test_a_section_heading_inside_an_article_opens_none() -> None:
    page = BEFORE + "\n\n守护绿水青山\n\n社区推出“红色代办”服务，代办事项580余件。\n"
    assert [a.title for a in segment_page(page)] == ["城关区开展冬季送温暖活动"]


# --- never invents text ---------------------------------------------------------

_PIECES = [
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\r\n",
    " ",
    "\u3000",
    "\t",
    "。",
    "，",
    ",",
    "：",
    ":",
    "、",
    "；",
    "！",
    "？",
    "……",
    "——",
    "“",
    "”",
    "（",
    "）",
    "(",
    ")",
    "《",
    "》",
    "记者",
    "摄",
    "图为",
    "拉萨融媒讯(记者李从芳)",
    "本报拉萨讯(记者 格桑伦珠)",
    "本报日喀则电（记者 杨子彦）",
    "拉萨融媒记者 郝奕凝",
    "本报记者 扎西顿珠",
    "拉萨融媒记者 旦增拉珍摄",
    "图为见面会现场。",
    "时讯快递",
    "学思想 强党性",
    "拉萨市民政局",
    "举办民政系统社会工作者专题培训班",
    "1.5万余人次",
    "130亿元",
    "2024年",
]
_CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_DIGITS = st.sampled_from("0123456789０１２３４５６７８９.%")
_PAGES = st.lists(
    st.one_of(
        st.sampled_from(_PIECES),
        st.text(_CHINESE, min_size=1, max_size=30),
        st.text(_DIGITS, min_size=1, max_size=4),
    ),
    max_size=60,
).map("".join)


def _printed(text: str) -> str:
    """The characters of a text that carry ink: whitespace and a leading byte-order mark dropped."""
    return "".join(c for c in text.lstrip("\ufeff") if not c.isspace())


def _is_subsequence(part: str, whole: str) -> bool:
    rest = iter(whole)
    return all(c in rest for c in part)


@settings(max_examples=examples(200), deadline=None)
@given(st.one_of(_PAGES, st.text()))
def test_reflow_only_moves_line_breaks(page: str) -> None:
    assert _printed(reflow(page)) == _printed(page)


@settings(max_examples=examples(200), deadline=None)
@given(st.one_of(_PAGES, st.text()))
def test_articles_are_made_of_the_page(page: str) -> None:
    printed = _printed(page)
    for seq, article in enumerate(segment_page(page)):
        assert article.seq == seq
        assert article.text or article.title
        for part in (article.text, article.title, article.dateline or "", article.byline or ""):
            assert _is_subsequence(_printed(part), printed), part


def test_a_column_of_news_in_brief_is_no_headline() -> None:
    """`乡村振兴快讯` over a dated brief labels a column: the brief has no headline."""
    page = (
        "村集体经济持续壮大\n\n本报讯（记者 米玛）今年以来，全县村集体经济收入增长两成。\n\n"
        "乡村振兴快讯\n\n本报讯（记者 米玛）近日，阿扎乡举办庭院经济现场观摩会。\n"
    )
    assert [a.title for a in segment_page(page)] == ["村集体经济持续壮大", ""]


def test_a_source_in_brackets_is_no_headline() -> None:
    assert classify("(市融媒)") == "credit"
    assert classify("（上接第三栏）") != "credit"


def test_a_story_dated_after_a_photo_takes_its_headline_printed_over_the_next_one() -> None:
    """`八宿县` / … / photo / `本报那曲讯…` / … / two whole headlines apart / `本报昌都讯…`: the
    upper is the dated story's, the lower the next article's; too wide to be halves of one."""
    page = (
        "八宿县\n\n举办乡村振兴带头人培训班\n\n本报昌都讯（记者 罗布次仁）12月4日至8日，八宿县"
        "举办为期五天的乡村振兴带头人培训班。\n\n\n\n12月9日，江达县岗托镇中心小学开展“冰雪运动"
        "进校园”活动。\n\n图为岗托镇中心小学的学生在冰场上练习滑冰。\n\n本报记者 格绒扎西 摄\n\n"
        "本报那曲讯（记者 索朗措姆）入冬以来，尼玛县为牧民群众配送取暖用煤。\n\n"
        "截至目前，配送工作已完成85%。\n\n尼玛县冬季“暖心送炭”行动温暖牧民心\n\n"
        "昌都市部署冬春季森林草原防灭火工作\n\n本报昌都讯（记者 泽仁拉姆）12月7日，昌都市召开"
        "冬春季森林草原防灭火工作推进会。\n"
    )
    assert [(a.title, a.kicker, a.text[:4]) for a in segment_page(page)] == [
        ("举办乡村振兴带头人培训班", "八宿县", "12月4"),
        ("", None, "12月9"),
        ("尼玛县冬季“暖心送炭”行动温暖牧民心", None, "入冬以来"),
        ("昌都市部署冬春季森林草原防灭火工作", None, "12月7"),
    ]


def test_a_kicker_over_a_headline_in_two_short_lines_all_apart() -> None:
    page = (
        "米林市消防救援大队\n\n开展林区火灾隐患\n\n专项整治\n\n"
        "本报林芝讯（记者 扎西卓玛）近日，米林市消防救援大队开展林区火灾隐患专项整治。\n"
    )
    article = only_article(page)
    assert (article.kicker, article.title) == ("米林市消防救援大队", "开展林区火灾隐患专项整治")


def test_reflow_joins_a_speaker_to_a_line_cut_where_its_sentence_needs_more() -> None:
    # A comma or a word such as 据 leaves the sentence open: the speaker goes on with it.
    page = "活动覆盖全县多个乡镇，据\n\n县委书记扎西介绍，参与群众达五千人次。"
    assert reflow(page) == "活动覆盖全县多个乡镇，据县委书记扎西介绍，参与群众达五千人次。"
    meeting = "全县安全生产工作会议日前召开。会上，\n\n县委书记扎西强调，要压实责任。"
    assert reflow(meeting) == "全县安全生产工作会议日前召开。会上，县委书记扎西强调，要压实责任。"


# --- subtitles, places, stops and counts ---------------------------------------


def test_a_body_line_opening_on_the_adverb_yiyi_is_no_subtitle() -> None:
    assert classify("一一解答健康问题，发放宣传资料300余份。") == "body"
    assert classify("一一某县家庭医生签约服务见闻") == "subtitle"
    assert classify("——记某乡一位驻村干部，三十年如一日") == "subtitle"


def test_a_subtitle_dash_read_as_a_long_dash_and_one_is_stripped_whole() -> None:
    from extractor.headline import read_headline
    from extractor.page_lines import Unit

    heads = [Unit("heading", "签约服务暖人心"), Unit("subtitle", "—一某县家庭医生签约服务见闻")]
    assert read_headline(heads).subtitle == "某县家庭医生签约服务见闻"


def test_a_headline_on_a_market_opens_on_no_place() -> None:
    from extractor.displaced import _opens_on_place_in

    assert not _opens_on_place_in("消费市场持续回暖", "本报讯（记者 某某）近日,消费市场人气旺…")
    assert _opens_on_place_in("某某县消费市场持续回暖", "本报讯（记者 某某）近日,某某县消费…")


def test_reflow_keeps_a_paragraph_ended_by_a_half_width_stop() -> None:
    page = "牧民们说，日子越过越有奔头.\n今年合作社分红又涨了，大家干劲更足。"
    assert reflow(page).split("\n") == [
        "牧民们说，日子越过越有奔头.",
        "今年合作社分红又涨了，大家干劲更足。",
    ]


def test_a_heading_line_counting_near_ten_thousand_tells_an_event() -> None:
    from extractor.body_heads import tells_an_event
    from extractor.page_lines import Unit

    assert tells_an_event([Unit("heading", "全民健身活动吸引近万人参与")])
    assert tells_an_event([Unit("heading", "义诊服务惠及上万名群众")])
    assert not tells_an_event([Unit("heading", "网格连着千家万户")])


@pytest.mark.parametrize("mark", ["■", "●", "◆"])
def test_a_bulleted_brief_opens_an_article_whatever_it_names(mark: str) -> None:
    """A brief's headline after a bullet opens its article even when it reads as a unit's
    name with news after it; an organisation's line alone under a paragraph signs above."""
    page = (
        f"{mark}旁多乡开展冬季草场防火巡查\n近日，旁多乡组织干部40余人开展防火巡查。\n\n"
        f"{mark}县图书馆“书香进牧家”送书下乡\n12月以来，县图书馆送去图书1.5万册。\n"
    )
    titles = [a.title for a in segment_page(page)]
    assert titles == ["旁多乡开展冬季草场防火巡查", "县图书馆“书香进牧家”送书下乡"]
    unmarked = [a.title for a in segment_page(page.replace(mark, ""))]
    assert unmarked == ["旁多乡开展冬季草场防火巡查"]  # the same line without a bullet signs above


def test_tight_lines_over_a_dateline_tell_a_teams_byname_and_a_banks_branch() -> None:
    """A team named in marks is the headline's subject under its kicker; a bank's branch is
    the kicker over its headline."""
    page = (
        "时讯快递\n\n某某区\n“红袖标”夜巡队\n守护街巷万家灯火\n"
        "本报拉萨讯（记者 某某）夜幕降临，巡逻队伍准时出发。\n\n"
        "民生焦点\n某某银行某某分行\n金融“活水”润泽牧区\n"
        "本报阿里讯（记者 某某）为破解贷款难问题，分行推出特色信贷产品。\n"
    )
    read = [(a.title.replace(" ", ""), a.kicker) for a in segment_page(page)]
    assert read == [
        ("“红袖标”夜巡队守护街巷万家灯火", "某某区"),
        ("金融“活水”润泽牧区", "某某银行某某分行"),
    ]


def test_halves_widening_over_a_photo_story_are_one_headline() -> None:
    page = (
        "学思想 强党性\n重实践 建新功\n\n农技人员进大棚\n手把手传授种植技术\n"
        "近日,某某县农业农村局组织农技人员深入蔬菜种植基地开展技术服务。\n"
        "图为农技人员在大棚内指导种植户管理番茄苗。\n本报记者 某某 摄\n"
    )
    assert [a.title for a in segment_page(page)] == ["农技人员进大棚 手把手传授种植技术"]


def test_a_features_spaced_section_heads_set_on_their_paragraphs_stay_in_it() -> None:
    """A feature under a subtitle may set its section heads, two short phrases, right on the
    paragraph under them; a longer spaced headline so printed still opens an article."""
    page = (
        "植绿护绿正当时\n——某某市春季义务植树活动综述\n本报记者 某某\n"
        "4月中旬的河畔，植树现场一派热火朝天的景象。\n\n"
        "规划先行 绘就绿色蓝图\n某某市林业和草原局副局长某某介绍，今年科学确定造林树种。\n\n"
        "全民参与 共植生态林\n3月下旬以来，各级机关纷纷走上植树一线。\n\n"
        "菜价稳了 “菜篮子”拎得更轻松\n春节后，不少市民发现，菜价稳了。\n"
    )
    assert [a.title for a in segment_page(page)] == [
        "植绿护绿正当时",
        "菜价稳了 “菜篮子”拎得更轻松",
    ]


def test_a_photo_storys_headline_under_a_paragraph_cut_short_opens_it() -> None:
    """Under a paragraph the layout cut short, a heading line over paragraphs and a photo's
    caption is the photo story's headline, however many paragraphs, even in an article with
    a section head; it goes on no paragraph."""
    page = (
        "小小调解室 化解千家事\n——某某区邻里调解室建设工作综述\n本报记者 某某\n"
        "近年来，某某区深入推进邻里调解室建设。\n\n调解进楼栋\n\n"
        "某某区按照就近就便的原则，由社区成员、网格员、志愿者调解\n\n"
        "沙棘枝头挂满“致富果”\n\n金秋时节,某某县的野生沙棘进入采摘期。\n\n"
        "走进加工厂的生产车间,各道工序一气呵成。\n\n“过去沙棘果没人要。”村民某某说。\n\n"
        "某某县农业农村局副局长某某介绍,下一步将扩大种植。\n\n"
        "图为工人在生产线上分拣沙棘果。\n\n本报记者 某某 摄\n"
    )
    titles = [a.title for a in segment_page(page)]
    assert titles == ["小小调解室 化解千家事", "沙棘枝头挂满“致富果”"]


def test_a_notice_with_its_addressee_is_titled_and_its_signature_is_no_headline() -> None:
    page = (
        "关于缴纳冬季供暖费的通知\n\n各供暖用户：\n\n供暖期为10月15日至次年5月15日。\n\n"
        "特此通知。\n\n拉萨市城市供热有限公司\n\n2024年11月20日\n\n\n\n"
        "日前，尼玛乡为86户困难群众送去过冬物资。\n\n图为工作人员发放过冬物资。\n\n本报记者 索朗 摄"
    )
    titles = [a.title for a in segment_page(page)]
    assert titles[0] == "关于缴纳冬季供暖费的通知"
    assert "2024年11月20日" not in titles


def test_a_notice_under_the_byline_that_signs_the_article_above_is_titled() -> None:
    page = (
        "十八年守好一段“天路”\n\n——访多玛养护站站长次仁多吉\n\n"
        "记者：冬天的养护工作最难在哪里？\n\n次仁多吉：最难的是风吹雪。\n\n"
        "本报记者 边巴次仁\n\n温馨提示\n\n进入冬季，请广大司乘人员减速慢行。\n"
    )
    articles = segment_page(page)
    assert [(a.title, a.byline) for a in articles] == [
        ("十八年守好一段“天路”", "本报记者 边巴次仁"),
        ("温馨提示", None),
    ]


def test_a_notice_signed_by_two_bodies_and_a_date_has_no_headline_under_it() -> None:
    page = (
        "关于G216线部分路段临时封闭交通的公告\n\n因路面维修施工需要，部分路段临时封闭。\n\n"
        "特此公告。\n\n拉孜县交通运输局\n\n拉孜县公安局交通警察大队\n\n2024年9月15日\n\n\n\n"
        "日前，第二十一届珠峰文化旅游节群众文艺汇演举行。\n\n图为汇演现场。\n\n本报记者 次旦 摄"
    )
    articles = segment_page(page)
    assert [a.title for a in articles] == ["关于G216线部分路段临时封闭交通的公告", ""]
    assert articles[0].text.endswith("拉孜县公安局交通警察大队\n2024年9月15日")


def test_a_slogan_of_three_phrases_alone_over_its_story_is_no_title() -> None:
    page = (
        "抓落实 促发展 惠民生\n\n本报萨迦讯（记者 拉巴卓嘎）连日来，萨迦县开展入户巡诊活动。\n\n"
        "巡诊中，家庭医生团队深入各乡镇。"
    )
    articles = segment_page(page)
    assert [a.title for a in articles] == [""]
    assert articles[0].dateline == "本报萨迦讯（记者 拉巴卓嘎）"


def test_the_examples_of_signatures_and_slogans_hold() -> None:
    for module in (segment, couplets):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


def test_a_comments_heading_under_its_label_is_never_its_bodys_start() -> None:
    page = (
        "牧民说，心里踏实多了。\n\n短评\n反诈“防火墙”要筑在群众心坎上\n\n"
        "三个月时间,52支小分队走遍7县36个乡镇。\n\n宣传的成效在于群众能想起那句提醒。"
    )
    assert "反诈“防火墙”要筑在群众心坎上" in [a.title for a in segment_page(page)]


def test_a_briefs_bulleted_headline_goes_on_no_signed_paragraph() -> None:
    page = (
        "昌都简讯\n\n■芒康县大桥建成通车\n\n近日，芒康县大桥建成通车。（记者 格桑）\n\n"
        "■洛隆县举办技能培训班\n\n近日，洛隆县举办技能培训班。\n\n■边坝县部署防灭火工作\n\n"
        "11月18日，边坝县召开会议。"
    )
    assert [a.title for a in segment_page(page)] == [
        "芒康县大桥建成通车",
        "洛隆县举办技能培训班",
        "边坝县部署防灭火工作",
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "■旁多乡开展冬季草场防火巡查",
        "【应急广播】",
        "一丁|000000",
        "民生焦点｜城关区“暖心食堂”开到家门口",
    ],
)
def test_reflow_keeps_the_marks_round_a_headline(heading: str) -> None:
    """A headline is read without its bullet, brackets or label; the reflowed page keeps them."""
    page = f"{heading}\n本报讯 近日，城关区开展活动。\n"
    assert _printed(reflow(page)) == _printed(page)
