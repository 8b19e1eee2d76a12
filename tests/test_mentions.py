"""Who a text names as a person (whom a pronoun can stand for), and the public reading of
who says a passage (`attribution.attribute`), on paragraphs written in the genre."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from extractor import (
    adverbials,
    anaphors,
    attribution,
    mentions,
    name_ends,
    number_words,
    persons,
    printed,
    saying,
    speech_words,
    subjects,
)
from extractor.attribution import attribute
from extractor.mentions import Mentions
from extractor.persons import person_name


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # the subject of a verb of saying or a colon
        ("格桑旺姆介绍，全市经济运行平稳。", ["格桑旺姆"]),
        ("县委书记张明：“要把群众的事办好。”", ["张明"]),
        # a title before a name, a person at work
        ("村医索朗正在给病人看病。", ["索朗"]),
        ("记者采访了市统计局局长格桑旺姆。", ["格桑旺姆"]),
        ("援藏专家周敏已经是第二次进藏。", ["周敏"]),
        ("丈夫扎西常年在外打工。", ["扎西"]),
        # words after a title that name no one
        ("医生白玛正在给一位老人量血压。", ["白玛"]),  # not 量血压: 一位 counts the 老人
        ("他每天带着本地医生查房，手把手地教。", []),  # 查房: the doctors' work
        ("自驾游和研学游游客明显增多，民宿持续升温。", []),
        ("150名运动员参赛，比赛为期三天。", []),
        ("让牧民群众从草原的利用者变为保护者。", []),  # a group's title names no one
        ("交警部门提示，冬季出行注意安全。", []),
        ("县卫健委相关负责人介绍，县里将加大投入。", []),  # 介绍 is no name
        ("乃东区：“石榴籽”结出团结果。", []),  # a place
        ("她告诉记者：“变化太大了。”", []),  # a pronoun and its verb
        # where a name ends: what the person goes on to do, a word of the language
        ("县政协委员、县医院副院长李红梅列席会议。", ["李红梅"]),
        ("村民多吉站在自家青稞地里。", ["多吉"]),
        ("镇卫生院医生次旦多吉接过话头。", ["次旦多吉"]),
        # a title the vocabulary knows, a title printed after another (before a stop)
        ("化验员拉巴卓玛每天要测十几次水样。", ["拉巴卓玛"]),
        ("获奖的是在乡里支教的四川青年教师王晓东。", ["王晓东"]),
        ("书记次仁多布杰每天都到工地看看。", ["次仁多布杰"]),  # a Tibetan name of two
        ("记者采访了村民扎西。", ["扎西"]),  # the reporter meets someone, who speaks next
        ("记者问他有没有想过不干了。", []),  # whom the reporter asks: a pronoun, no name
        ("记者询问她家里的变化，问起他的打算。", []),
        ("记者问村民扎西有没有想过不干了。", ["扎西"]),  # asked, and named
        ("群测群防员次仁多吉正在查看裂缝监测桩。", ["次仁多吉"]),  # a monitor of landslides
        # where a person comes from introduces them (with a title or not)
        ("毕业于西藏农牧学院的次仁顿珠正在详细询问岗位要求。", ["次仁顿珠"]),
        ("家住春堆社区的老人仓央今年78岁，腿脚不便。", ["仓央"]),
        ("来自全县11个乡镇的520余名运动员参赛。", []),  # counted: a group
        # words of the language after a title name no one
        ("志愿者讲解垃圾分类的知识，群众就业的门路多了。", []),
        ("执法人员依法查处了三起案件。", []),
        # a title cut from a longer word (`裁判` of `裁判员`) is followed by no name
        ("本届运动会共选派裁判员和工作人员260余名。", []),
        ("学生会主席团成员参加了活动。", []),
        # a title that runs into an organisation's name (`兽医站`) is no one's
        ("次旦多吉在乡兽医站一干就是十余年。", []),
        # a verb of saying that ends a word of the language (`宣讲`) opens no words
        ("这次主动报名回到家乡宣讲。", []),
        # a group's title names one person the words after introduce
        ("青年员工拉姆卓玛是朗县人。", ["拉姆卓玛"]),
        ("各单位员工积极参加。", []),
        # a surname and how one addresses him, after a title; a name before a motion
        ("出租车司机王师傅是驿站的常客。", ["王师傅"]),
        ("外卖骑手罗杰来拉萨送外卖已经3年了。", ["罗杰"]),
        # what a title's holders do, then a measure of it, names no one
        ("县林草部门可随时掌握护林员巡护情况。", []),
        # a job title of 员 the vocabulary holds; a sickness before a title is no name
        ("协保员次仁拉姆几乎每天都在牧场间奔走。", ["次仁拉姆"]),
        ("家住甘丹曲果镇的高血压患者旺姆今年62岁。", ["旺姆"]),
        # a name before what it is done with (`用藏语`); someone just graduated
        ("宣讲员扎西用藏语为牧民讲起国防知识。", ["扎西"]),
        ("刚从西藏大学毕业的次仁顿珠第一个完成了报名。", ["次仁顿珠"]),
        # a group's title names one person who does something day by day, or an alias
        ("社区矫正工作人员央金每周都要上门走访。", ["央金"]),
        ("康复人员扎西（化名）在基地从事牦牛养殖。", ["扎西"]),
        # a place before a colon, where the text prints it as a place too; an office
        ("林芝：冬季农村公路不停养\n林芝市交通运输局开展巡查。", []),
        ("县委办公室负责人说，整治将持续一个月。", []),
        ("村民养护员次旺正和同伴清理路边的积雪。", ["次旺"]),
        # the Naxi surname 和 names a speaker alone or after a title, and joins after a noun
        ("县长和建华指出，要办好集市。和建华强调，要抓好落实。", ["和建华"]),
        ("晚上，他通过视频和家人说，今年收入不错。", []),
        # a count after a name is none of it
        ("来自卡孜乡的骑手次仁罗布三箭全中。", ["次仁罗布"]),
        # a name of four runs on only with a name's characters, not into what is done
        ("来自才召村的学员达娃次仁原是村里的牧民。", ["达娃次仁"]),
        ("村民次仁卓玛取完快递后高兴地走了。", ["次仁卓玛"]),
        ("村民阿旺次仁深有感触。", ["阿旺次仁"]),
        # what runs into a title after a description is the title's
        ("来自全市7个县的民宿业主、管家参加培训。", []),
        ("来自四川的高校毕业生周晓雯通过了面试。", ["周晓雯"]),
        ("各村对照《墨竹县河湖长制工作考核细则》开展巡查。", []),
        # a Tibetan name of four after 的 whatever follows; not a lake, nor a place cut short
        ("开甜茶馆的次仁多吉把自家临街的房子改成了茶馆。", ["次仁多吉"]),
        ("海拔4400多米的羊卓雍措湖畔，游客络绎不绝。", []),
        ("次旦所在的张达乡曲龙村是一个纯牧业村。", []),
    ],
)
def test_the_people_a_text_names(text: str, named: list[str]) -> None:
    assert Mentions(text).names() == named


def test_a_person_named_inside_someones_words_is_no_antecedent() -> None:
    """`央宗表示，……让边境群众……。她说` — 她 is 央宗; nor is a person her words name."""
    text = "卫健委主任央宗表示，要学习内地医院院长陈华的经验。她说，要让群众少跑腿。"
    at = text.index("她说")
    assert Mentions(text).before(at) == ["央宗"]
    assert Mentions(text).in_speech(text.index("陈华"))
    assert not Mentions(text).in_speech(text.index("央宗"))


def test_a_pronoun_stands_for_a_person_of_its_sex() -> None:
    text = "村民卓玛的丈夫扎西常年在外打工。她说，丈夫回来了。"
    found = Mentions(text)
    assert found.stands_for("她", text.index("她说")) == "卓玛"
    assert found.stands_for("他", text.index("她说")) == "扎西"


def test_the_person_named_last_and_the_sex_a_title_says() -> None:
    text = "村民卓玛的丈夫扎西常年在外打工。她说，丈夫回来了。"
    found = Mentions(text)
    assert found.last_named(text.index("她说")) == ("扎西", text.index("常年"))
    assert (found.sex("扎西"), found.sex("卓玛")) == ("他", None)
    assert found.last_named(0) is None


# text, the noun, who it stands for (None: no one): a noun of who someone is, read as a
# pronoun, for the person named last when it agrees with them.
NOUNS = {
    "老人, an age of 78 said after the name": (
        "他的父亲多吉今年已经78岁，年轻时是护边员。老人坐在炉子边：",
        "老人",
        "多吉",
    ),
    "老人, an age before the name": ("68岁的牧民次仁每天都去放羊。老人说：", "老人", "次仁"),
    "老人, called old after the name": ("牧民多吉老人还留着当年的马鞍。\n老人说：", "老人", "多吉"),
    "老人, for no one the text calls old": ("村医索朗给一位老人量血压。老人说：", "老人", None),
    "老人, 58 is not old": ("牧民次仁今年58岁。老人说：", "老人", None),
    "老人, two paragraphs after the name": ("多吉今年80岁。\n路修好了。\n老人说：", "老人", None),
    "姑娘, for a woman": ("妻子卓玛在合作社织卡垫。姑娘说：", "姑娘", "卓玛"),
    "姑娘, for someone of no known sex": ("村民卓玛在合作社织卡垫。姑娘说：", "姑娘", None),
    "这个…汉子, for someone of no known sex": (
        "村民扎西记得小时候的事。这个五十多岁的汉子说：",
        "这个五十多岁的汉子",
        "扎西",
    ),
    "这位阿妈, never a husband": ("丈夫扎西常年在外打工。这位阿妈说：", "这位阿妈", None),
}


@pytest.mark.parametrize(("text", "noun", "person"), NOUNS.values(), ids=NOUNS)
def test_a_noun_stands_for_the_person_named_last_when_it_agrees(
    text: str, noun: str, person: str | None
) -> None:
    assert anaphors.stands_in(noun)
    at = text.rindex(noun)
    assert anaphors.stands_for(Mentions(text), noun, at) == person


@pytest.mark.parametrize("words", ["村里的老人", "老人们", "这个村的村民", "父亲", "村民"])
def test_what_stands_for_no_one_named_before(words: str) -> None:
    """A noun of a group, of a place's people, or of kin (someone's father, not the one
    named last), and a title with no demonstrative."""
    assert not anaphors.stands_in(words)


@pytest.mark.parametrize(
    ("clause", "noun"),
    [
        ("这个五十多岁的汉子红了眼眶", "这个五十多岁的汉子"),
        ("这位老人对着记者竖起了大拇指", "这位老人"),
        ("小伙子笑了", "小伙子"),
        ("小伙子们笑了", None),  # a group
        ("阿妈的病好了", None),  # what is hers
        ("一位老人走了过来", None),  # someone counted, not named before
    ],
)
def test_the_noun_that_opens_a_clause_as_its_subject(clause: str, noun: str | None) -> None:
    assert anaphors.opening_noun(clause) == noun


def test_a_name_printed_inside_a_longer_one_is_no_mention_of_its_own() -> None:
    """`卓玛` in `达瓦卓玛` names 达瓦卓玛, not another 卓玛 the text named before."""
    text = "村医卓玛来到牧民家中。驻村干部达瓦卓玛也赶来帮忙。她说，……"
    found = Mentions(text)
    assert found.stands_for("她", text.index("她说")) == "达瓦卓玛"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a title after the name ends the words that name them
        ("今年79岁的次仁多布杰老人独自居住。他告诉记者，", "79岁的次仁多布杰老人"),
        # so does what they do meanwhile
        ("68岁的次旦多吉一边纠正年轻人的姿势，一边说。他说，", "68岁的次旦多吉"),
    ],
)
def test_the_words_an_age_introduces_someone_with(text: str, named: str) -> None:
    assert Mentions(text).stands_for("他", text.index("他")) == named


def test_an_age_before_a_pronoun_introduces_no_one_new() -> None:
    text = "主播央金卓玛笑着说。今年26岁的她是上盐井村人。她告诉记者，"
    assert Mentions(text).stands_for("她", text.index("她告诉")) == "央金卓玛"


def test_an_age_introduces_someone_whose_name_cannot_be_cut_out() -> None:
    text = "县长王明表示，要支持返乡创业。今年28岁的扎西多吉大学毕业后回到家乡。他说，……"
    found = Mentions(text)
    assert found.stands_for("他", text.index("他说")) == "28岁的扎西多吉大学毕业后回到家乡"
    # the speaker of a record, where the text names it as a person, is later still
    assert found.stands_for("他", text.index("他说"), "扎西多吉") == "扎西多吉"


@pytest.mark.parametrize(
    ("word", "is_name"),
    [
        ("索朗", True),
        ("格桑旺姆", True),
        ("周敏", True),
        ("介绍", False),
        ("她告诉", False),
        ("从最初", False),
        ("群众", False),
        ("部门", False),
        ("乃东区", False),
        # words of the language, not names; a surname and a name that spell a noun are one
        ("就业", False),
        ("讲解竹编", False),
        ("依法", False),
        ("徐海", True),
        ("高峰", True),
        ("高血压", False),  # a word of three, though 高 is a surname
        # a surname of the peoples of Yunnan opens a name of three, not a word of two;
        # where a name stands in running text, 和 joins (`通过视频和家人说`)
        ("蜂金花", True),
        ("木丽春", True),
        ("木头", False),
        ("和家人", False),
    ],
)
def test_a_word_where_a_name_stands_is_a_name(word: str, is_name: bool) -> None:
    assert person_name(word) is is_name


# --- attribute: the public reading ------------------------------------------------------


def test_attribute_says_who_and_how_for_a_quotation() -> None:
    text = "在社区门口开修车铺的居民达娃说：“路修好了，来修车的人也多了。”"
    said = attribute(text, "路修好了，来修车的人也多了。")
    assert said is not None and said.direct
    assert text[said.start : said.end] == "路修好了，来修车的人也多了。"
    assert said.credit is not None
    assert said.credit.how == "说 before the quotation"
    assert said.credit.person == "达娃"


def test_attribute_reads_a_pronoun_for_the_person_it_stands_for() -> None:
    text = "局长次旺介绍，新建大棚让群众在家门口增收。\n他要求，各乡镇要抓好大棚管护。"
    said = attribute(text, "各乡镇要抓好大棚管护")
    assert said is not None and not said.direct
    assert said.credit is not None and said.credit.pronoun
    assert (said.credit.who, said.credit.refers_to, said.credit.person) == ("他", "次旺", "次旺")


@pytest.mark.parametrize(
    ("introduced", "person"),
    [
        ("出租车司机李师傅是服务站的常客。", "李师傅"),
        ("外卖骑手洛桑来城里送餐已经两年了。", "洛桑"),
        ("青年员工德吉卓玛是本地人，这次主动报名回到家乡宣讲。", "德吉卓玛"),
        ("兽医格桑在乡兽医站一干就是八年。", "格桑"),
        ("从事牦牛肉干加工的创业者扎西次仁对此深有体会。", "扎西次仁"),
        ("在八廓街经营唐卡店多年的尼玛次仁对此深有体会。", "尼玛次仁"),
    ],
)
def test_attribute_reads_a_pronoun_for_the_person_just_introduced(
    introduced: str, person: str
) -> None:
    """The person the sentence before introduces, not one named paragraphs earlier."""
    text = f"县总工会副主席达瓦次仁说，驿站已全部开放。\n{introduced}他说，冬天最难熬。"
    said = attribute(text, "冬天最难熬")
    assert said is not None and said.credit is not None
    assert said.credit.person == person


@pytest.mark.parametrize(
    ("text", "words", "person"),
    [
        # a speaker after the quotation who does something meanwhile
        (
            "“响箭讲究的是眼准、手稳、心静。”68岁的次旦多吉一边纠正学徒的姿势，一边对记者说。",
            "响箭讲究的是眼准",
            "次旦多吉",
        ),
        # a quotation that ends, after a comma, a sentence naming no one: the reported
        # words before go on
        (
            "党委书记张伟说，唐古乡是传统马乡。乡里成立了马术队，“我们希望把技艺传下去”。",
            "我们希望把技艺传下去",
            "张伟",
        ),
        # a straight mark closing a quotation after a stop ends its sentence: the reported
        # words after are the next speaker's
        (
            '选手索朗多吉是“老歌王”。他说:"我们把新生活编进歌里。"副部长洛桑丹增介绍,全县建立传习所6个。',
            "全县建立传习所6个",
            "洛桑丹增",
        ),
        # a reminder said after the quotation
        ("“一定要保留好购物凭证。”德吉央宗提醒说。", "一定要保留好购物凭证", "德吉央宗"),
        # the group addressed stands between the verb and the words
        (
            "大队长罗布次仁表示，电气火灾多发。他提醒广大牧民群众，外出放牧时一定要拉下总闸。",
            "外出放牧时一定要拉下总闸",
            "罗布次仁",
        ),
        (
            "副县长扎西平措察看了兑付台账。扎西平措叮嘱当地干部，补助资金要及时足额发放。",
            "补助资金要及时足额发放",
            "扎西平措",
        ),
        # whom the words were told to, between the name and the verb
        ("村支书次旺给记者算了一笔账：全村今年分红38万元。", "全村今年分红38万元", "次旺"),
    ],
    ids=["meanwhile", "ends-reported", "straight-mark", "reminder", "addressed", "cadres", "told"],
)
def test_attribute_credits_the_person_the_words_are_printed_with(
    text: str, words: str, person: str
) -> None:
    said = attribute(text, words)
    assert said is not None and said.credit is not None
    assert said.credit.person == person


def test_attribute_reads_a_pronoun_past_a_title_cut_from_a_longer_word() -> None:
    """`裁判员和工作人员`: 员和 is the end of a word and a conjunction, no one's name."""
    text = (
        "市体育局副局长达瓦平措表示，运动会每三年举办一届。"
        "本届运动会共选派裁判员和工作人员260余名。他说，明年还将举办足球联赛。"
    )
    said = attribute(text, "明年还将举办足球联赛")
    assert said is not None and said.credit is not None
    assert (said.credit.refers_to, said.credit.person) == ("达瓦平措", "达瓦平措")


def test_attribute_reads_a_pronoun_past_words_of_the_language_after_a_title() -> None:
    """`讲解竹编` after `游客` is what the craftsman does, no one's name."""
    text = "竹编艺人多吉一边编着背篓，一边向围观的游客讲解竹编的工序。他说，一个背篓要编两天。"
    said = attribute(text, "一个背篓要编两天")
    assert said is not None and said.credit is not None
    assert (said.credit.refers_to, said.credit.person) == ("多吉", "多吉")


@pytest.mark.parametrize(
    ("text", "passage", "who", "person"),
    [
        # a clause of what the speaker does, between the name and the verb
        (
            "村民多吉站在水渠边，笑着对记者说，今年的青稞浇上了及时水。",
            "今年的青稞浇上了及时水",
            "村民多吉",  # where he stands, with its verb, left out
            "多吉",
        ),
        # the verb's object before a colon
        (
            "工程师李海峰向记者介绍了保温的做法：“墙里加了十厘米的岩棉。”",
            "墙里加了十厘米的岩棉。",
            "工程师李海峰向记者介绍了保温的做法",
            None,
        ),
        # the person the reporter meets, by the pronoun after
        (
            "“以前喝的是河沟里的水。”记者见到村民央宗时，她正在院子里洗菜。",
            "以前喝的是河沟里的水。",
            "她",
            "央宗",
        ),
    ],
)
def test_attribute_reads_who_opens_the_clause_of_the_verb(
    text: str, passage: str, who: str, person: str | None
) -> None:
    said = attribute(text, passage)
    assert said is not None and said.credit is not None
    assert (said.credit.who, said.credit.person) == (who, person)


def test_attribute_says_when_no_person_is_credited() -> None:
    said = attribute("交警部门提示，冬季出行注意安全。", "冬季出行注意安全")
    assert said is not None and said.credit is not None
    assert (said.credit.who, said.credit.person) == ("交警部门", None)
    said = attribute("走进村委会，墙上写着“为人民服务”。", "为人民服务")
    assert said is not None and said.direct and said.credit is None
    assert attribute("走进村委会。", "为人民服务") is None


@pytest.mark.parametrize(
    "module",
    [
        adverbials,
        anaphors,
        attribution,
        mentions,
        name_ends,
        number_words,
        persons,
        printed,
        saying,
        speech_words,
        subjects,
    ],
)
def test_the_examples_in_the_docstrings_hold(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
