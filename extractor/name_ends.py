"""Where a name printed in running text ends, which the genre leaves unmarked.

After a title or a description the name runs up to where the words after it begin:
a stop, a verb of saying, what the person goes on to do (`村民平措站在地头`,
`周丽列席会议`), or a word of the language (`列席`, `接过`). `name_at` reads it
(`mentions.py` finds the people a text names with it, `subjects.py` whom a
clause opens with).

>>> name_at("村民平措站在地头", 2)
'平措'
"""

from __future__ import annotations

import re

from extractor.common_words import common_word_at, is_surname, name_goes_on
from extractor.given_names import printed_whole
from extractor.persons import NAME_DOTS, long_name, person_name
from extractor.roles import words
from extractor.speech_words import ACTIONS, BREAK, BREAK_CLASS, FOLLOWERS, VERB, WHEN

# What a person named with a title goes on to do, for certain: speak, attend, lead.
_STRONG = (
    rf"{VERB}|{WHEN}|出席|参加|主持|来到|走进|陪同|带领|带队|率队|一行|同志|先生|女士"
    "|调研|检查|督导|看望|慰问|考察|视察|通报|部署|讲话|致辞|前往|深入|召开|宣读|解读|作了"
)
#: A verb done to its end, `测完` of `牧民阿旺测完血压后`: never `完成`, `完工`, `完小`…
DONE_AT = re.compile(r"[\u4e00-\u9fff]完(?![成善整全美好工毕小])")
# Adverbs a name is followed by: `丈夫扎西常年在外打工`.
_ADVERBS = "常年|一直|已经|正在|今年|去年|每天|经常|总是|始终|多年|从小|曾经|依然|仍然|如今|现在"
#: A person named with a title, anywhere: `专班组长占堆出席`, `局长扎西表示`.
STRONG_AT = re.compile(_STRONG)
# Where the words after a name begin: what the person goes on to do, or a stop.
# (A count ends a name too: `骑手次仁罗布三箭全中`, and so does
# doing two things at once: `村民格桑边学边记`, though not `边巴`, a name's own;
# the adverb 则, `退休教师刘德明则对…赞不绝口` (after 8 speakers' names on the development
# pages, in none), though not the 则 of 日喀则 and 改则;
# a verb done to its end, `牧民阿旺测完血压后`, though not `完成`, `完善`;
# and falling ill, `牧民贡布患高血压多年`: 患 runs on no name of the gold, and names ran
# on into it at 3 printings of the development pages, `次仁拉姆患`, `央吉患`, `贡布患`.)
_NAME_ENDS = re.compile(
    rf"{_STRONG}|{_ADVERBS}|[{FOLLOWERS}{ACTIONS}{BREAK_CLASS}、患]|\d"
    r"|[一两二三四五六七八九十][个次名箭场局件项天年位把枪球]"
    r"|边(?!巴)[\u4e00-\u9fff]边"
    r"|(?<![喀改])则"
    rf"|{DONE_AT.pattern}"
)
# Words of a measure or a record that follow what is done, never a person's name: the
# `巡护` of `掌握护林员巡护情况` is what the rangers do.
_NOT_AFTER_NAME = frozenset(
    words(
        "情况 数据 水平 能力 质量 效率 范围 标准 次数 人数 里程 面积 比例 进度 成效 结果 记录 台账 日志"
    )
)
# The parts of a name a dot joins, before its last part: `买买提·` of `买买提·艾力`.
_PARTS_BEFORE_LAST = re.compile(rf"(?:[\u4e00-\u9fff]{{1,8}}[{NAME_DOTS}]){{1,3}}")


def name_at(text: str, at: int, end: int | None = None) -> str | None:
    """The name printed at `at`, after a title (before `end`): two to four characters
    (five or six for a Tibetan name of two, `次仁多布杰`), up to where the words after
    it begin: a stop, a verb of saying, what the person goes on to do (`平措站在地头`,
    `周丽列席会议`), or a word of the language (`列席`, `接过`); None when no name
    stands there.

    >>> name_at("村民平措站在地头", 2), name_at("副院长周丽列席会议", 3)
    ('平措', '周丽')
    """
    end = len(text) if end is None else end
    if _PARTS_BEFORE_LAST.match(text, at, end):
        return name_in_parts_at(text, at, end)
    for size in range(2, 7):
        stop = at + size
        if stop > end:
            break
        name = text[at:stop]
        after = common_word_at(text, stop) if stop < end else None
        # A name of four goes on only with a name's characters (`次仁多布杰`): not into
        # what the person does (`达娃次仁原是…`, `次仁卓玛取完快递后`).
        runs_out = size == 4 and not name_goes_on(text[stop : min(stop + 2, end)])
        if stop < end and not (_NAME_ENDS.match(text, stop) or after or runs_out):
            continue
        if after in _NOT_AFTER_NAME:
            continue
        if person_name(name) if size <= 4 else long_name(name):
            return _given_name_run_on(text, at, name, end)
    return None


# One-character adverbs that may end a Han given name (`陈志刚`, `王也`): an adverb
# before a break or `一边` qualifies nothing, so it is the name's.
_NAME_OR_ADVERB = frozenset("刚也还都就又正才再")


def cut_short(text: str, at: int, name: str) -> bool:
    """Is `name` the first part of a longer name printed at `at`: `泽仁卓` of
    `搬迁群众泽仁卓玛在…`?

    >>> cut_short("泽仁卓玛在车间", 0, "泽仁卓"), cut_short("泽仁卓玛在车间", 0, "泽仁卓玛")
    (True, False)
    """
    printed = name_at(text, at)
    return printed is not None and len(printed) > len(name) and printed.startswith(name)


def _given_name_run_on(text: str, at: int, name: str, end: int) -> str:
    """`name`, or the name of three it opens when its third character is read as an
    adverb that qualifies nothing (`陈志刚一边翻看…` is `陈志刚`, `王刚也说` stays `王刚`),
    or when the text never prints the two without it (`刘志刚作…`, `刘志刚就…`)."""
    stop = at + len(name)
    if (
        len(name) == 2
        and is_surname(name[0])
        and text[stop : stop + 1] in _NAME_OR_ADVERB
        and stop + 1 < end
        and (
            text[stop + 1] in BREAK
            or text.startswith(("一边", "一面"), stop + 1)
            or printed_whole(text, text[at : stop + 1])
        )
    ):
        return text[at : stop + 1]
    return name


def name_in_parts_at(text: str, at: int, end: int | None = None) -> str | None:
    """The name in parts a dot joins printed at `at` (`买买提·艾力说`), its last part
    running to where the words after it begin; None when none stands there."""
    end = len(text) if end is None else end
    parts = _PARTS_BEFORE_LAST.match(text, at, end)
    if parts is None:
        return None
    for size in range(1, 9):
        stop = parts.end() + size
        if stop > end:
            break
        if stop < end and not (_NAME_ENDS.match(text, stop) or common_word_at(text, stop)):
            continue
        name = text[at:stop]
        if person_name(name):
            return name
    return None
