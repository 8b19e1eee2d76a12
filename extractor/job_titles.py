"""Names after a job's title the vocabulary lacks, whose person the words after go on
to tell of: `卡孜乡护鹤员扎西平措已经干了12年巡护工作。` A title in 员 (`护鹤员`,
`看护员`, `放映员`) names the one person printed after it, when that one goes on to
do or be something (`已经`, `正在`, `今年`, `是`); not the 员 of a longer word
(`青年员工拉姆卓玛`).

>>> names_after_job_titles("卡孜乡护鹤员扎西平措已经干了12年巡护工作。")
[('扎西平措', 6)]
"""

from __future__ import annotations

import re

from extractor.common_words import NAME_TAGS, common_word_at, dictionary
from extractor.name_ends import name_at
from extractor.persons import NAME_DOTS, long_name, name_in, person_name
from extractor.rare_words import TIBETAN_ENDS

# What a person named goes on to do or be, right after the name: `…员扎西平措已经干了12年`.
_GOES_ON = re.compile("已经|正在|今年|是")
#: What a person words before 的 describe goes on to, besides: what they did last year
#: (`普兰镇多油村的次仁多布杰去年盖起了新房`). After a Tibetan name so described, the 去年 of
#: the development and seed pages opens what the person did, 6 of 6 (`从业人员持证率由去年`,
#: after a title, is none: not read there).
DESCRIBED_GOES_ON = re.compile(f"{_GOES_ON.pattern}|去年")


def person_goes_on(text: str, name: str, at: int, goes_on: re.Pattern[str] = _GOES_ON) -> bool:
    """Is `name`, printed at `at`, a person's whole name, whom the words right after it go
    on to tell of (`已经`, `正在`, `今年`, `是`)?

    >>> person_goes_on("护鹤员扎西平措已经干了12年", "扎西平措", 3)
    True
    >>> person_goes_on("护鹤员扎西平措介绍", "扎西平措", 3)
    False
    """
    return (
        name_in(name) == name
        and person_name(name)
        and goes_on.match(text, at + len(name)) is not None
    )


def may_go_on(text: str, at: int, goes_on: re.Pattern[str] = _GOES_ON) -> bool:
    """Could a name printed at `at` be one the words right after go on to tell of? A look
    before reading the name, which costs more: a name of two to six characters leaves what
    goes on within eight of `at`, unless its parts are joined by a dot (`阿旺·次仁`).

    >>> may_go_on("护鹤员扎西平措已经干了12年", 3), may_go_on("护鹤员扎西平措介绍说", 3)
    (True, False)
    """
    near = text[at : at + 10]
    return goes_on.search(text, at + 2, at + 8) is not None or any(d in near for d in NAME_DOTS)


def names_after_job_titles(text: str) -> list[tuple[str, int]]:
    """The names printed right after a title in 员, and where each starts: one the words
    after go on to tell of, or a Tibetan name of four whose halves end as names end,
    whatever follows (`劝导员拉巴次仁拦下一辆…`).

    >>> names_after_job_titles("劝导员拉巴次仁拦下一辆三轮摩托车。")
    [('拉巴次仁', 3)]
    """
    found = []
    for m in re.finditer("员", text):
        if common_word_at(text, m.start()) is not None:
            continue  # `员工`: the 员 opens a word, no title ends there
        tibetan = text[m.end() + 1 : m.end() + 2] in TIBETAN_ENDS
        if not (tibetan or may_go_on(text, m.end())):
            continue
        name = name_at(text, m.end())
        if name is not None and (person_goes_on(text, name, m.end()) or _halves_named(name)):
            found.append((name, m.end()))
    return found


def _halves_named(name: str) -> bool:
    """Is `name` a Tibetan name of four whose halves each end with a name's syllable
    (`拉巴次仁`, `白玛央宗`; not `边查边讲`, `次珍荣获`)? After a title in 员 on the
    development and seed pages, 140 names are so printed, all people."""
    return (
        len(name) == 4
        and name[1] in TIBETAN_ENDS
        and name[3] in TIBETAN_ENDS
        and tibetan_name(name)
    )


# A lake's name ends so (`羊卓雍措`, `玛旁雍措`), and a place's holds these (`张达乡曲龙村`).
_LAKE_END = "雍措"
_PLACE_CHARACTERS = frozenset("乡镇县区市州省")


def described_tibetan_name(name: str) -> bool:
    """Is `name`, printed after words that describe it and 的, a person's Tibetan name of
    four, whose halves end as names end (`开甜茶馆的次仁多吉把自家…`, `…多年的尼玛次仁对此
    深有体会`), whatever follows: not a lake (`海拔4400多米的羊卓雍措湖畔`) nor a place cut
    short (`所在的张达乡曲龙村`)? After 的 outside speech on the development and seed pages,
    89 names are printed with halves so ended: 85 people, 3 printings of `羊卓雍措` and one
    of `张达乡曲`.

    >>> described_tibetan_name("尼玛次仁"), described_tibetan_name("羊卓雍措")
    (True, False)
    """
    return (
        _halves_named(name)
        and not name.endswith(_LAKE_END)
        and not _PLACE_CHARACTERS.intersection(name)
    )


def tibetan_name(name: str) -> bool:
    """Is `name` written as Tibetan names are: five or six characters (`persons.long_name`),
    or four whose halves the dictionary lists as a name or does not list at all, the
    characters across them no word, and its first three no word either (`次仁多吉`,
    `阿佳卓嘎`; not `黑土滩上`, `日喀则已`)?

    >>> tibetan_name("次仁多吉"), tibetan_name("沙化荒滩"), tibetan_name("日喀则已")
    (True, False, False)
    """
    if name_in(name) != name or not person_name(name) or common_word_at(name) is not None:
        return False
    if long_name(name):
        return True
    words = dictionary()
    return (
        len(name) == 4
        and all(words.get(half, (0, "nr"))[1] in NAME_TAGS for half in (name[:2], name[2:]))
        and name[1:3] not in words
        and name[:3] not in words
    )
