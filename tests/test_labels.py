"""Metric labels, by kind: sentences written for the tests, each with the label its
number must get, and what every label must be (whole words of its sentence, naming
something)."""

from __future__ import annotations

import jieba
import pytest

from extractor.caveats import label_warning
from extractor.extract.phrases import names_something, start_of_clause
from extractor.extract.rules import metrics_in
from extractor.extract.words import is_boundary
from extractor.models import Article


def labels(text: str) -> dict[str, str]:
    """Each metric's raw → its label."""
    article = Article(seq=0, title="", text=text)
    return {m.raw: m.label for m in metrics_in(article)}


# sentence → raw → label
KINDS: list[tuple[str, dict[str, str]]] = [
    # After 分别, the n-th figure goes with the n-th subject of the clauses before.
    (
        "去年全镇接待游客52万人次，实现旅游收入3.1亿元，分别增长12.5%和9.8%。",
        {"12.5%": "全镇接待游客增长", "9.8%": "旅游收入增长"},
    ),
    # … or of a list in its own clause, each item with the words the items share.
    (
        "全乡小学生平均身高、体重较三年前分别增加了3.1厘米和2.4公斤。",
        {"3.1厘米": "全乡小学生平均身高增加", "2.4公斤": "全乡小学生平均体重增加"},
    ),
    (
        "全县城市和农村自来水普及率分别达到98.6%和91.2%。",
        {"98.6%": "全县城市普及率", "91.2%": "农村自来水普及率"},
    ),
    # A change after what it is compared with: what changed, passing over a clause
    # that prints no number, and a date.
    (
        "全年实现地区生产总值86.2亿元，按可比价格计算，比上年增长7.4%。",
        {"7.4%": "地区生产总值比上年增长"},
    ),
    (
        "2023年该村人均可支配收入达到21500元,比2020年增长38.6%。",
        {"38.6%": "人均可支配收入增长"},
    ),
    # From one figure to another: what changes, not where it starts from.
    (
        "办证平均时间由过去的5天缩短至不到1天。",
        {"5天": "办证平均时间", "不到1天": "办证平均时间缩短"},
    ),
    (
        "全镇农田灌溉面积由2020年的1.2万亩扩大到今年的1.8万亩，扩大了五成。",
        {"1.2万亩": "全镇农田灌溉面积", "1.8万亩": "全镇农田灌溉面积扩大"},
    ),
    # A number that is no count ends inside a word: the word whole.
    ("对自主创业的退役军人，给予一次性创业补贴2万元。", {"2万元": "一次性创业补贴"}),
    # Words that only close a clause are left out.
    ("全县粮食总产量可达5.6万吨。", {"5.6万吨": "全县粮食总产量"}),
    ("据了解,今年的禁牧期从5月10日持续到7月10日,为期两个月。", {"两个月": "禁牧期"}),
    # A verb alone names nothing: the object the clause before counts in its unit, the
    # words after the number, or for a share what the clause before reports.
    ("各乡镇共排查消防隐患点位236处，整改完成219处。", {"219处": "整改隐患点位"}),
    ("牧民次旦一天能采30多斤虫草。", {"30多斤": "能采虫草"}),
    ("其中第三产业增加值48.6亿元，占比56.4%。", {"56.4%": "第三产业增加值占"}),
    # A list cut to the length limit starts at an item, not at the mark before it.
    (
        "县医院为辖区内的孕产妇、老年人、残疾人、慢性病患者建立健康档案1800余份。",
        {"1800余份": "慢性病患者建立健康档案"},
    ),
    # A list before a count names its items; what is counted is their kind.
    ("比赛设置了拔河、押加、抱石头、赛马等6个项目。", {"6个": "项目"}),
    ("分公司经营汽车、家电、建材、农资等20多个品类的商品。", {"20多个": "品类"}),
    # The object of a preposition holds the number: where it is is not what is counted.
    ("县市场监管局对全县46家药店开展专项检查。", {"46家": "药店"}),
    ("驻村工作队在海拔4600米以上的牧场开展巡诊。", {"4600米以上": "海拔"}),
    # Where the counted come from is no part of what is counted, as the object of 对.
    ("来自全县10个乡镇的460余名骑手参赛。", {"10个": "乡镇"}),
    ("来自全县及周边县区的14支救援队伍、112名队员同场竞技。", {"14支": "救援队伍"}),
    # A noun alone after its measure word is not printed twice with the words after it.
    ("来自全区各地市的104名选手同台竞技。", {"104名": "选手同台竞技"}),
    ("来自各县（区）的186名骑手、300余匹赛马参加了比赛。", {"186名": "骑手", "300余匹": "赛马"}),
    # A place printed with what else it may be is one noun.
    ("今年县里在全县9个乡（镇）开展巡回义诊。", {"9个": "乡（镇）"}),
    # A number opening its clause counts what the words after it say, not what the
    # clause before reports.
    (
        "全县今年培训农牧民860人次，其中520人取得职业技能等级证书。",
        {"520人": "取得职业技能等级证书"},
    ),
    ("经过层层选拔，46名选手进入决赛。", {"46名": "选手进入决赛"}),
    # `已有`, `共有` say only how many there are: what they are is said after the number.
    ("截至目前，全市已有126个村开展了垃圾分类试点。", {"126个": "全市村开展了垃圾分类试点"}),
    ("这里的冬季气温只有零下20摄氏度。", {"零下20摄氏度": "这里的冬季气温只有"}),
    # A duration after `为期` is of what is named after it, as printed.
    ("县人社局举办为期5天的电商技能培训班。", {"5天": "电商技能培训班"}),
    ("县里开展为期两个月的专项整治。", {"两个月": "专项整治"}),
    # A time is how long what is said after it lasts or takes; not the time a change
    # starts from.
    ("市里对库存粮食实行24小时在线监测。", {"24小时": "市里对库存粮食实行在线监测"}),
    ("群众网购的商品3天左右就能送到村里。", {"3天左右": "群众网购的商品就能送到村里"}),
    ("群众办事平均等待时间由40分钟缩短到10分钟以内。", {"40分钟": "群众办事平均等待时间"}),
    # The words after a number cut to the limit stop where whole words meet, not inside
    # a word the dictionary counts rarely (`临水临|崖`, `养老护理|员`).
    (
        "全县排查隐患路段46处，其中28处位于国道急弯陡坡和临水临崖路段。",
        {"28处": "位于国道急弯陡坡"},
    ),
    (
        "参训学员中，其中12人取得母婴护理员、养老护理员等职业资格证书。",
        {"12人": "取得母婴护理员、养老"},
    ),
    # … and start after the number's own `来`.
    ("老党员扎西7年来穿坏了十几双胶鞋。", {"十几双": "穿坏"}),
    # A clause cut to the limit starts on a word the dictionary knows, not inside a
    # place's name (`堆龙|德庆区`).
    (
        "县里组织城关区、堆龙德庆区、达孜区及各县干部群众参观学习3200人次。",
        {"3200人次": "各县干部群众参观学习"},
    ),
    # A wind's force and an earthquake's magnitude are of the wind or the earthquake
    # named after the number; a wind named before it is in the clause.
    ("城区气温将下降4至6℃，并伴有5至6级偏西风。", {"5至6级": "偏西风"}),
    ("下午就可能刮起八级以上的大风。", {"八级以上": "大风"}),
    ("演练模拟当地发生5.8级地震并引发山体滑坡。", {"5.8级": "地震"}),
    ("平均风力5至6级，阵风7至8级。", {"5至6级": "平均风力", "7至8级": "阵风"}),
]


@pytest.mark.parametrize(("text", "expected"), KINDS, ids=[k[0][:12] for k in KINDS])
def test_label_of_each_kind(text: str, expected: dict[str, str]) -> None:
    found = labels(text)
    assert {raw: found.get(raw) for raw in expected} == expected


@pytest.mark.parametrize(("text", "expected"), KINDS, ids=[k[0][:12] for k in KINDS])
def test_every_label_is_whole_words_of_its_sentence(text: str, expected: dict[str, str]) -> None:
    """Each label names something, its words are in its sentence (the checker does not
    warn), and it starts and ends on a word boundary of the sentence (a label joining
    two phrases, `…增长`, at the ends of each): where jieba cuts the sentence, or where
    no word of its dictionary runs across (`实现|地区`, which the lookup alone reads as
    `现地`)."""
    cuts = _cuts(text)
    for raw, label in labels(text).items():
        assert names_something(label), (raw, label)
        assert label_warning(label, text) is None, (raw, label)
        head = max((label[:k] for k in range(1, len(label) + 1) if label[:k] in text), key=len)
        tail = max((label[-k:] for k in range(1, len(label) + 1) if label[-k:] in text), key=len)
        start, end = text.index(head), text.index(tail) + len(tail)
        for at in (start, end):
            assert at in cuts or is_boundary(text, at), (raw, label, at)


def _cuts(text: str) -> set[int]:
    """Where jieba's segmentation puts a word boundary."""
    cuts, at = {0}, 0
    for word in jieba.cut(text):
        at += len(word)
        cuts.add(at)
    return cuts


def test_a_verb_alone_takes_the_noun_after_its_number() -> None:
    text = "村民扎西在合作社务工，一个月能挣4500元工资。"
    label = labels(text)["4500元"]
    assert names_something(label) and label.endswith("工资")


def test_a_noun_its_unit_cannot_count_is_not_borrowed() -> None:
    # `收入` names money; 个 counts no money, so the label keeps its own words.
    text = "全市村集体经济收入超过10万元的村达到1216个。"
    assert "收入" not in labels(text)["1216个"]


def test_a_long_clause_starts_on_a_word() -> None:
    text = (
        "全区各级农业农村部门组织专家深入田间地头开展春耕生产技术指导服务"
        "并为种粮大户免费发放良种化肥农药等农资3200余吨。"
    )
    number = text.index("3200")
    assert not is_boundary(text, number - 40)  # the reach ends inside `组织`
    assert is_boundary(text, start_of_clause(text, number))


@pytest.mark.parametrize(
    ("label", "names"),
    [
        ("队员", True),
        ("藏餐", True),  # a word the dictionary does not know
        ("整改率", True),
        ("保持", False),
        ("其余", False),
        ("能挣", False),
        ("的村", False),
        ("/", False),
        ("这", False),
    ],
)
def test_names_something(label: str, names: bool) -> None:
    assert names_something(label) is names
