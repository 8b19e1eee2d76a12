"""The common words of the language, which a name does not begin with.

Where a person's name stands in running text, the genre leaves its ends
unmarked: `村民平措站在地头`, `讲解竹编的工序`. A name is not a common word of
the language: `就业`, `资格`, `介绍`, `依法`, `讲解`, `商量` name no one, while
`扎西`, `卓玛`, `平措` and `李晨阳` are no words of the dictionary at all (or
words it marks as names: `拉姆`, `洛桑`, `高峰`). The words are those of
jieba's dictionary that it counts at least a hundred times and does not tag as
a name (`nr…`).

A name of two or three characters opening with a common surname is a name
whatever follows (`徐海`, where `徐海` is also a place; `高峰`), unless its
first two characters are a word of another part of speech than a noun
(`高兴`, `马上`).

>>> opens_with_common_word("讲解竹编"), opens_with_common_word("平措")
(True, False)
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

_COMMON = 100  # times jieba's dictionary counts a word it holds as common
LONGEST = 4  # characters: longer words are not looked for
_LISTED = 10  # times counted: rarer words (mostly rare names) are not read
#: The dictionary's tags of the names of people and places (`扎西 17 ns`, `拉姆 193 nrt`).
NAME_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nz"))
#: The commonest Han surnames.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
    "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷"
)
#: Surnames of the peoples of Yunnan and Sichuan the papers there print, not among the
#: commonest Han ones: 和 and 木 (Naxi: `和志军`), 蜂 (Lisu: `蜂金花`), 普 and 字 (Yi,
#: Bai). Each is also a word (和 joins, 木 is wood), so it opens a name of three
#: characters only: `和志军`, never `和平` or `木头`.
_SURNAMES_OF_THREE = frozenset("和木蜂普字")
#: Halves of Tibetan names as the papers of Qinghai, Sichuan and Yunnan spell them,
#: which the dictionary holds as words or which hold a character of a sentence's glue:
#: 东周 (Dondrub in Qinghai: `才仁东周`, where the dictionary has the dynasty), 久美
#: (Jigme, which opens names: `久美多杰`; also spelt 俊美, which ends them: `次旺俊美`), 此里, 此称, 此尔 (Tsering in Diqing:
#: `此里卓玛`), 斯那 (Sonam there: `斯那拉姆`).
TIBETAN_NAME_PARTS = ("东周", "久美", "俊美", "此里", "此称", "此尔", "斯那")
#: Han surnames of two characters the dictionary holds as common words (欧阳 as a place,
#: 司徒 and 公孙 as words of old), which open names: `副县长欧阳明表示`. (司马 is a town of
#: Yadong here, `下司马镇`, and no common word: it is left as the dictionary has it.)
COMPOUND_SURNAMES = ("欧阳", "司徒", "公孙")


#: A line of jieba's dictionary (`word count tag`) whose word has three to twelve bytes of
#: UTF-8 (one to four characters) and whose count has two digits or more (ten or more
#: times): the lines that can be read, picked out of the file's 350,000 in one pass.
_LINE = re.compile(rb"^([^ \n]{3,12}) ([0-9]{2,}) ([^\n]*)", re.MULTILINE)


@functools.cache
def _read() -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    """jieba's dictionary, read once for what the rules ask of it: its words of two to
    four characters counted at least ten times, with count and part of speech, and its
    characters counted at least a hundred times as words of their own, with part of
    speech.

    The file is found where jieba is installed, without importing jieba (about a
    seventh of a second a process, for its own imports), and is not loaded whole
    with what jieba cuts by."""
    words: dict[str, tuple[int, str]] = {}
    characters: dict[str, str] = {}
    for word, count, tag in _LINE.findall(dictionary_file().read_bytes()):
        times = int(count)
        if times < _LISTED:
            continue
        text = word.decode("utf-8")
        if len(word) >= 6 and 2 <= len(text) <= LONGEST:
            words[text] = (times, tag.strip().decode("ascii"))
        elif len(word) == 3 and len(text) == 1 and times >= _COMMON:
            characters[text] = tag.strip().decode("ascii")
    return words, characters


def dictionary() -> dict[str, tuple[int, str]]:
    """The words of two to four characters jieba's dictionary counts at least ten
    times, each with its count and part of speech."""
    return _read()[0]


def dictionary_file() -> Path:
    """The dictionary jieba ships and cuts by by default (`jieba.get_dict_file()`)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed", name="jieba")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


@functools.cache
def _words() -> dict[str, str]:
    """The common words that are no names, each with its part of speech (nor halves
    of Tibetan names, `东周`, nor surnames, `欧阳`)."""
    return {
        word: part
        for word, (count, part) in dictionary().items()
        if count >= _COMMON
        and not part.startswith("nr")
        and word not in TIBETAN_NAME_PARTS
        and word not in COMPOUND_SURNAMES
    }


#: The dictionary's tags of a character that is a word of a sentence on its own: a verb,
#: an adjective, an adverb, a preposition, a conjunction, a noun, a numeral (`取`, `深`,
#: `以`, `原`), not a character of names (`杰`, `nr`) nor one it cannot tag (`姆`, `x`).
_SENTENCE_TAGS = frozenset(
    ("v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "u", "n", "m", "q", "f", "r", "t")
)
#: Adverbs the dictionary tags as no part of speech (`zg`), words of a sentence all the
#: same: the `仍` of `队长次仁多吉仍记忆犹新`, the `很` of `…很高兴`.
_ADVERBS_UNTAGGED = frozenset("仍很")


def name_goes_on(tail: str) -> bool:
    """Can `tail`, the one or two characters a name of five or six runs on with past a
    name of four, be a name's: a name of the dictionary (`多吉`), or opening with a
    character that is no word of a sentence (the `杰` of `次仁多布杰`); not what the
    person goes on to do (the `原` of `达娃次仁原是`, `深` of `阿旺次仁深有感触`, `取完`
    of `次仁卓玛取完快递`, an adverb: `仍` of `次仁多吉仍记忆犹新`)?

    >>> name_goes_on("杰"), name_goes_on("多吉"), name_goes_on("取完"), name_goes_on("仍记")
    (True, True, False, False)
    """
    listed = dictionary().get(tail)
    if listed is not None and listed[1] in NAME_TAGS:
        return True
    if tail[:1] in _ADVERBS_UNTAGGED:
        return False
    return _read()[1].get(tail[:1]) not in _SENTENCE_TAGS


def common_word_at(text: str, at: int = 0) -> str | None:
    """The longest common word of the language that `text` prints at `at`, or None.
    Most places open none: where no word opens with the two characters there, it is
    told by one look-up.

    >>> common_word_at("副院长周丽列席会议", 5), common_word_at("副院长周丽列席会议", 4)
    ('列席', None)
    """
    if at >= 0 and text[at : at + 2] not in _openings():
        return None
    words = _words()
    for size in range(LONGEST, 1, -1):
        word = text[at : at + size]
        if len(word) == size and word in words:
            return word
    return None


@functools.cache
def _openings() -> frozenset[str]:
    """The first two characters of each common word (`_words`)."""
    return frozenset(word[:2] for word in _words())


def ends_a_word(text: str, at: int, size: int) -> bool:
    """Is the word of `size` characters at `at` the end of a common word of the language
    that opens before it (the 讲 of `宣讲`; not the 表示 of `周建华表示`, where 华表 runs
    into only a part of it)?"""
    for back in range(1, 4):
        word = common_word_at(text, at - back) if at >= back else None
        if word is not None and len(word) >= back + size:
            return True
    return False


def proper_noun(word: str) -> bool:
    """Does the dictionary mark `word` a proper noun (`nz`), such as a name borrowed from
    another language: `久美`, a half of the Tibetan name `阿旺久美`, no word of a sentence?"""
    return _words().get(word) == "nz"


def is_surname(char: str) -> bool:
    """Is `char` one of the commonest Han surnames (`王` of `王师傅`)?"""
    return char in _SURNAMES


def opens_with_surname(name: str) -> bool:
    """Does `name` open with a surname: a common Han one (`王建国`), or, in a name of
    three characters, one of the peoples of Yunnan and Sichuan before a given name that
    is no word or a noun (`和志军`, `蜂金花`; not the 和 of `和发展`, which joins)?"""
    if is_surname(name[:1]):
        return True
    if len(name) != 3 or name[0] not in _SURNAMES_OF_THREE:
        return False
    return _words().get(name[1:], "n").startswith("n")


@functools.lru_cache(maxsize=4096)
def opens_with_common_word(name: str) -> bool:
    """Does `name` open with a common word of the language, so that it is no name:
    `讲解竹编`, `就业`, `商量明年`, `水龙头前`; not `徐海` or `高峰`, a surname and a
    given name that also spell a noun."""
    word = common_word_at(name)
    if word is None:
        return False
    surname = len(name) <= 3 and name[0] in _SURNAMES
    return not (surname and _words()[word].startswith("n"))
