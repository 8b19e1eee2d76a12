"""Scans written to run fast find what their plain forms find, where and as they find it.

Each rule's expression below is written as the rule reads (a lookbehind before the
word it guards, a lookahead of the characters a match may start with, a scan of the
whole text); the rules use forms that let the engine skip to the next character a
match can start with, or look only where a match can be. On any text made of the
words and characters that matter to each, both give the same matches, with the same
groups.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from extractor import (
    adverbials,
    caveats,
    check,
    mentions,
    numbers,
    page_lines,
    qualifier_patterns,
    sources,
    stops,
    textindex,
)
from extractor.extract import (
    campaigns,
    context,
    events,
    organizers,
    phrases,
    quoted,
    speech,
    tasks,
    units,
)
from extractor.number_words import NOT_AFTER, ONLY_BEFORE, QUALIFIER_BEFORE
from extractor.speech_words import ADDRESSEES, VERB

_CN = "\u4e00-\u9fff"


def _phrases(words: list[str], max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts made of the words and characters that make or break a match."""
    return st.lists(st.sampled_from(sorted(set(words))), max_size=max_size).map("".join)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in pattern.finditer(text)]


# --- numbers: qualifiers and minus signs, looked behind after their word --------------

_PLAIN_PRE = (
    "|".join(
        (f"(?<![{NOT_AFTER[w]}]){re.escape(w)}" if w in NOT_AFTER else re.escape(w))
        + (f"(?=[{ONLY_BEFORE[w]}])" if w in ONLY_BEFORE else "")
        for w in sorted((w for w in QUALIFIER_BEFORE if w != "上"), key=len, reverse=True)
    )
    + "|(?<!成百)(?<!成千)上(?=[百千万亿])"
)
_DEGREES = "(?:℃|摄氏度|度)"
_PLAIN_MINUS = rf"零下|(?<![0-9A-Za-z.])-(?=[0-9.]+(?:{_DEGREES}|(?:到|至|~|—)-?[0-9.]+{_DEGREES}))"


_AR, _CN_NUMBER, _MAG = numbers._AR, numbers._CN, numbers._MAG
_DIGITS, _NUMERALS = numbers.CN_DIGITS, numbers.CN_NUMERALS
_PLAIN_PARTS = {
    numbers._NUM: (
        rf"(?:(?<![A-Za-z0-9_.万亿千])(?:{_AR})(?:{_MAG})?"
        rf"|(?<![{_NUMERALS}A-Za-z0-9几])(?<![{_DIGITS}十]点)(?:{_CN_NUMBER}))"
    ),
    numbers._BARE: rf"(?:(?<![A-Za-z0-9_.])(?:{_AR})|(?<![{_NUMERALS}几])(?:{_CN_NUMBER}))",
    numbers._HALF: (
        "(?<![上下前后大多过减折对一])大半"
        "|(?:(?<![上下前后大多减折对])|(?<=[上前])(?=半(?:个|小时)))(?:(?<=[经通超度]过)|(?<!过))半"
    ),
    numbers._AFTER_UNIT: (
        "(?<=[年天时周斤吨米里亩倍成番块尺])"
        "(?:半(?!年|月|天|日|小时|个)|多(?![元样种措方部层功项个家次条位名人]))"
    ),
    qualifier_patterns.BEFORE: _PLAIN_PRE,
    numbers._MINUS: _PLAIN_MINUS,
    rf"(?=[\d,.{_NUMERALS}点]+分之)": "",
    rf"(?=[^\n]{{0,{numbers._LONGEST_UNIT}}}[到至—–~-])": "",
    "来(?<=[十百千万0]来)": "(?<=[十百千万0])来",
}


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The number grammar's expression with its parts as first written."""
    plain = pattern.pattern
    for part, first in _PLAIN_PARTS.items():
        assert part in plain
        plain = plain.replace(part, first)
    return re.compile(plain, re.VERBOSE)


_NUMBER_WORDS = [
    *QUALIFIER_BEFORE,
    *"".join(NOT_AFTER.values()),
    *"0123456789.-—到至一二两三四五六七八九十百千万亿半成上个人元年天度℃多余左右的，。a",
    *("零下", "成百", "成千", "摄氏度", "以上", "万元", "多名", "-5度", "2.", "-1", "点"),
    *("一大半", "一多半", "三分之一", "最长", "最短"),
    *("分之", "百分之", "一半", "大半", "过半", "经过", "年半", "一年", "个月", "二十来"),
    *("前", "提前", "小时", "个小时"),
]


@given(_phrases(_NUMBER_WORDS))
@example("2.-5度，零下3℃，-18至-12℃，签约3家，附近5人，成百上千，上百名，快一年，加快3天")
@example(
    "三分之一，5‰，1.5万分之三，3至5个月，10—20万元，一年半，两个半月，大半天，过半，经过半年，3个月至5个月"
)
@example("上半年，忙上半个月，前半年，提前半个月，开馆前半小时，下半个月")
def test_quantities_are_scanned_as_the_plain_grammar_scans(text: str) -> None:
    assert _found(numbers._SCAN_RE, text) == _found(_plain(numbers._SCAN_RE), text)


@given(_phrases(_NUMBER_WORDS, 6))
def test_a_quantity_is_read_whole_as_the_plain_grammar_reads_it(text: str) -> None:
    one, other = numbers._FULL_RE.fullmatch(text), _plain(numbers._FULL_RE).fullmatch(text)
    assert (one and one.regs) == (other and other.regs)


# --- clauses: time words, adverbials, the clause test ----------------------------------

_TIME_WORDS = [
    *("今年以来", "近年来", "近日", "日前", "连日来", "目前", "截至目前", "同时", "此外"),
    *("下一步", "去年", "明年", "前三季度", "上半年", "年初", "年底", "3月", "十二月"),
    *"今年近前上下一二三四季度半月日中旬0123市县，",
]


@given(_phrases(_TIME_WORDS, 8))
def test_time_words_are_cut_as_the_expression_cuts_them(text: str) -> None:
    plain = context._TIME_LEAD_OF_CLAUSE.sub("", text)
    assert context.without_time_lead(text) == plain


_PLAIN_ADVERBIAL = re.compile(
    rf"(?:{adverbials._WORDS}|(?:站|坐|蹲|躺|靠|倚|守|跪|趴)?在{adverbials._WHERE}{{1,16}}"
    rf"|(?:站|坐|蹲|躺|靠|倚|守|跪|趴)在[^，,。；;：:“”]{{1,20}}?{adverbials._PLACE_END}|{adverbials._IN_HAND}"
    rf"|[{_CN}]着[{_CN}、“”‘’]{{0,12}}"
    rf"|{adverbials._DONE}(?:完|罢|了)(?:[^，,。；;：:“”]{{0,12}}?(?:后|以后|之后))?"
    rf"|(?P<again>[{_CN}])了(?P=again))$"
)


@given(
    _phrases(
        [
            *("也", "还", "总是", "对记者", "一边", "在", "时", "接受", "当", "谈", "信心满满"),
            *("十分", "打开了话匣子", "缓缓", "近日", "强调", "进一步", "并", "所", "介绍"),
            *("站", "坐", "蹲", "趴", "门口", "听", "看", "参观", "完", "罢", "了", "后", "以后"),
            *("翻开", "拿出", "举起", "厚厚", "自己", "手机", "里", "本"),
            *"着笑指整理边的说扎西，。：“”、\n",
        ],
        10,
    )
)
def test_adverbials_are_found_where_the_plain_expression_finds_them(text: str) -> None:
    one, other = adverbials.ADVERBIAL.search(text), _PLAIN_ADVERBIAL.search(text)
    assert (one and one.span()) == (other and other.span())


_PLAIN_CLAUSE_INSIDE = re.compile(
    r"(?<!行)为|(?<=.)(?<![应针面核比相绝反])对|等|建立|开展|实施|(?<![级层党团])组织|通过|的|是"
    r"|完成|将|这一|(?<=.)把|(?<=.)和|(?<=.)与"
)


@given(
    _phrases(
        [
            *"行为应针对面等的是将把和与及工程级层党团\n",
            "建立",
            "开展",
            "通过",
            "完成",
            "组织",
            "这一",
        ],
        12,
    )
)
def test_the_clause_test_finds_what_its_plain_form_finds(text: str) -> None:
    assert _found(context.CLAUSE_INSIDE, text) == _found(_PLAIN_CLAUSE_INSIDE, text)
    assert context.CLAUSE_INSIDE.split(text) == _PLAIN_CLAUSE_INSIDE.split(text)


# --- campaign names -------------------------------------------------------------------

_PLAIN_UNQUOTED = re.compile(
    rf"(?:{campaigns._OPENERS})(?:了|好)?(?P<name>[{_CN}]{{1,20}}?"
    rf"(?:(?<=批)主题教育|{campaigns._NAME_KINDS}))"
    r"(?!款|师|队|量|车|有限|公司|集团|局|处|质量|进度|施工|现场|工地|项目部|不便|迟缓|建设上|方面|领域|“)"
)
_CAMPAIGN_WORDS = [
    *campaigns._OPENERS.split("|"),
    *campaigns._NAME_KINDS.split("|"),
    *("了", "好", "批", "主题教育", "款", "项目部", "现场", "建设上", "领域", "“", "，", "。"),
    *("全县村庄清洁", "环境卫生综合", "道路交通安全隐患排查", "边境小康村"),
]


@given(_phrases(_CAMPAIGN_WORDS, 24))
def test_unquoted_names_are_found_near_their_kinds_as_a_scan_finds_them(text: str) -> None:
    near = context.near(campaigns._NAME_KIND, campaigns._UNQUOTED, text, before=23, reach=31)
    assert [m.regs for m in near] == _found(_PLAIN_UNQUOTED, text)


_PLAIN_PUSHED_ON = re.compile(
    r"(?=[工的持加深扎稳有全顺实开落启推正拉取成])(?:工作)?(?:的?(?:持续|加快|深入|扎实|稳步|有序|全面|顺利)推进|"
    r"(?:实施|开展|落实|启动|推进)以来|正式启动|启动仪式|启动|拉开帷幕|开幕|全面铺开|全面展开|"
    r"取得了?(?:明显|显著|积极|阶段性|良好)?成效|成效(?:明显|显著))"
)


@given(
    _phrases(
        [
            *("工作", "的", "持续", "加快", "深入", "扎实", "推进", "实施", "开展", "落实"),
            *("启动", "以来", "正式", "仪式", "拉开帷幕", "开幕", "取得", "了", "明显", "成效"),
            *("显著", "积极", "建设", "全面", "铺开", "展开", "，"),
        ]
    )
)
def test_programmes_pushed_on_are_found_as_the_plain_expression_finds_them(text: str) -> None:
    assert _found(campaigns._PUSHED_ON, text) == _found(_PLAIN_PUSHED_ON, text)


# --- organizers and the page ------------------------------------------------------------

_PLAIN_UNIT_END = re.compile(
    r"(?:自治区|地区|居委会|村委会|委员会|社区|街道|市场|(?<![城超])市|区|县|乡|镇|村|办公室|局|委|办|院|"
    r"(?<![厕场住])所(?!有)|"
    r"大队|支队|中队|医疗队|工作队|(?<!带)队|中心|公司|集团|学校|小学|中学|大学|学院|幼儿园|合作社|团委|"
    r"海关|剧团|出版社|法庭|图书馆|博物馆|文化馆|纪念馆|残联|科协|工商联|(?:宣传|组织|统战|人武)部|"
    r"分行|厂|妇联|工会|总会|协会|政府|党委|党工委|党支部|党总支|支部|部门|机关|项目部|指挥部|站)"
)


@given(
    _phrases(
        [*"城超市区县乡镇村局委办院所带队中心扎西部厂", "工作队", "公司", "市场", "宣传", "组织"],
        12,
    )
)
def test_unit_ends_are_found_as_the_plain_expression_finds_them(text: str) -> None:
    for pos in range(min(3, len(text)) + 1):
        one = [m.span() for m in units.UNIT_END.finditer(text, pos)]
        assert one == [m.span() for m in _PLAIN_UNIT_END.finditer(text, pos)]


@given(_phrases([*" \t\u3000\xa0\n字a"], 30))
def test_spaces_are_folded_as_runs_of_them(text: str) -> None:
    assert page_lines._SPACES.sub(" ", text) == re.sub(r"[ \t\u3000\xa0]+", " ", text)
    assert numbers._WHITESPACE.sub("", text) == re.sub(r"\s+", "", text)


@given(
    st.text(
        st.sampled_from([*"字a ，℃Ⅱ①■\n\t\x00\x07\u200b\ue000\U000f0000\u0378\ufffe"]), max_size=40
    )
)
def test_the_share_of_text_is_what_looking_up_every_character_gives(text: str) -> None:
    bad = sum(
        1
        for ch in text
        if ch not in "\n\r\t" and unicodedata.category(ch)[0] not in sources._TEXT_CATEGORIES
    )
    assert sources._text_share(text) == (len(text) - bad) / max(1, len(text))


def _after_last(pattern: re.Pattern[str], text: str, start: int, at: int) -> int:
    """Where the words after the last break of `text[start:at]` start, read break by break."""
    for m in pattern.finditer(text, start, at):
        start = m.end()
    return start


@given(_phrases([*"，,。；;！？：\n‘’「」《》字", "全县", "推行"], 30), st.integers(0, 40))
def test_a_clause_starts_after_the_last_break_before_it(text: str, at: int) -> None:
    at = min(at, len(text))
    plain = text[_after_last(re.compile(f"[{context.BREAK}]"), text, max(0, at - 40), at) : at]
    assert context.clause_before(text, at) == plain
    reach = max(0, at - 8)
    start = phrases._LAST_BREAK.search(text, reach, at)
    assert (start.end() if start else reach) == _after_last(phrases.CLAUSE_BREAK, text, reach, at)


@given(_phrases([*'“”「」‘’"。！？；，,：:\n字'], 40), st.integers(0, 5), st.integers(0, 45))
def test_positions_of_characters_are_where_a_scan_of_them_finds_them(
    text: str, start: int, end: int
) -> None:
    for chars in ('“「『‘"', "”」』’", "。！？!?；;\n，,：:"):
        scan = re.compile(f"[{re.escape(chars)}]")
        found = [m.start() for m in scan.finditer(text, start, end)]
        assert stops.positions_of(text, chars, start, end) == found
        assert stops.positions_of(text, chars) == [m.start() for m in scan.finditer(text)]


@given(_phrases([*"。！？；，,：:\n", "全县", "开展", "活动"], 20), st.integers(0, 40))
def test_clauses_and_sentences_are_cut_where_a_split_cuts_them(text: str, at: int) -> None:
    parts = re.split("([。！？!?；;\n，,：:])", text)
    starts = [0]
    for clause in parts[0:-1:2]:
        starts.append(starts[-1] + len(clause) + 1)
    plain = list(zip(starts, parts[0::2], strict=True))
    opens = [True, *(end in "。！？!?；;\n" for end in parts[1::2])]
    assert organizers._clauses(text) == (plain, opens)
    at = min(at, len(text))
    ends = [m.start() for m in re.finditer("[。！？!?；;\n]", text)]
    begin = max([end + 1 for end in ends if end < at], default=0)
    after = re.compile("[。！？!?；;\n]").search(text, at)
    stop = after.end() if after else len(text)
    stop += stop < len(text) and text[stop] in "”’」"
    assert check.sentence_at(text, at, at) == text[begin:stop].strip()


_NAMED_WORDS = [
    *("“", "”", "‘", "’", "「", "」", "，", "。", "、", "等", "了", "暨", "·"),
    *campaigns._ORGANISING,
    *events._HOLDING,
    *("活动", "调查", "宣传", "文化节", "旅游节", "工程", "行动", "一村一辅警", "全民消防我体验"),
]


@given(_phrases(_NAMED_WORDS, 24))
def test_names_tried_where_their_first_characters_stand_are_those_a_scan_finds(
    text: str,
) -> None:
    for words, pattern in (
        (quoted._OPENING, quoted._QUOTED),
        ("".join({w[0]: w for w in events._HOLDING}), events._HELD),
        ("".join({w[0]: w for w in campaigns._ORGANISING}), campaigns._ACTIVITY),
    ):
        found = [m.regs for m in context.starting_with(words, pattern, text)]
        assert found == _found(pattern, text)


@given(
    st.text(st.sampled_from([*"字a１ ，“”‘’「」\"'\t\u3000\xa0\n\x1c\x85\u2028…①"]), max_size=30)
)
def test_the_matching_form_drops_what_a_scan_for_whitespace_drops(text: str) -> None:
    plain = re.sub(r"\s", "", unicodedata.normalize("NFKC", text))
    assert textindex.normalize(text) == plain
    unquoted = plain.translate(str.maketrans("", "", textindex.QUOTE_MARKS))
    assert textindex.normalize(text, drop_quotes=True) == unquoted


_JOINED_WORDS = [
    *("把", "将", "结合", "纳入", "入选", "在", "开展", "启动", "中", "，", "和", "与", "、"),
    *("紧密", "结合", "融合", "“回头看”", "专项整治", "整治行动", "试点", "工程", "示范项目"),
    *("创建", "建设", "计划", "村民", "安全", "“", "”", "。", "字"),
]


@given(_phrases(_JOINED_WORDS, 30))
def test_programmes_joined_to_taken_into_or_worked_in_are_found_as_a_scan_finds_them(
    text: str,
) -> None:
    for words, pattern in (
        (tasks._JOINED_TO_INITIALS, tasks._JOINED_TO),
        (tasks._TAKEN_INTO_INITIALS, tasks._TAKEN_INTO),
        (tasks._DURING_INITIALS, tasks._DURING),
    ):
        found = [m.regs for m in context.starting_with(words, pattern, text)]
        assert found == _found(pattern, text)


@given(_phrases([*"12一二十多岁的，。字", "26岁的", "十几岁的"], 24), st.integers(0, 40))
def test_ages_before_an_offset_are_those_a_scan_cut_there_finds(text: str, at: int) -> None:
    ages = mentions.Mentions(text)._ages_before(at)
    assert [m.span() for m in ages] == [m.span() for m in mentions._AGED.finditer(text, 0, at)]


_NFKC_CHANGES = [*"字a１，（）：　…①ﬁ㍿ｶﾞ\u0301\u0308e\u1100\u1161\u11a8가\u212b\u00c5Å\u0345\u0323"]


@given(st.text(st.sampled_from(_NFKC_CHANGES), max_size=30) | st.text(max_size=30))
def test_nfkc_made_from_decomposed_characters_is_the_plain_nfkc(text: str) -> None:
    assert textindex._nfkc(text) == unicodedata.normalize("NFKC", text)


_PLAIN_SAYING = re.compile(rf"(?:{VERB}){ADDRESSEES}?[，,：:]|(?<=[他她])要求(?=[^，,：:“”\"的\s])")


@given(
    _phrases(
        [
            *"他她要求说，,：:“”的 \n字",
            "指出",
            "提醒",
            "广大",
            "群众",
            "大家",
            "告诉",
            "记者",
            "表示",
        ],
        20,
    )
)
def test_verbs_of_saying_are_found_as_the_plain_expression_finds_them(text: str) -> None:
    assert _found(speech._SAYING, text) == _found(_PLAIN_SAYING, text)


_PLAIN_YEAR_OF = re.compile("(?<![由比较与同和从对到])(今年|去年|明年|前年|上年)(?!级)")


@given(_phrases([*"由比较与同和从对到今去明前上年级字", "今年", "去年", "上年"], 20))
def test_years_are_found_as_the_plain_expression_finds_them(text: str) -> None:
    assert _found(caveats._YEAR_OF, text) == _found(_PLAIN_YEAR_OF, text)


_PLAIN_THEME_EDUCATION = re.compile(
    rf"(?:(?<![{_CN}”’」])|(?<=[自把将以在对与和])|(?<=推动|深化))主题教育(?!活动)"
)


@given(_phrases([*"自把将以在与”」“，字", "推动", "深化", "主题教育", "活动", "党史"], 16))
def test_the_theme_education_is_found_as_the_plain_expression_finds_it(text: str) -> None:
    assert _found(campaigns._THEME_EDUCATION, text) == _found(_PLAIN_THEME_EDUCATION, text)
