"""Words of the dictionary of two characters that name no one, where a name would stand.

A rarer word (`rarer_word`): `虫草` of `社员虫草平均售价…`. A verb that jieba's dictionary
lists but counts fewer than ten times (`rare_verb`: `护住`, `试吃`, `送去`), which the
rules' common words leave out. After a title that is a
verb's object, where a name would stand, they run on the sentence: `指挥学生护住头部`,
`招呼顾客试吃`. Of the 42 such readings of the development pages, 39 were such verbs; the
three names among them (`加措`, Gyatso) end with a syllable of Tibetan names.

>>> rare_verb("护住"), rare_verb("加措"), rare_verb("平措")
(True, False, False)
"""

from __future__ import annotations

import functools
import re

from extractor.common_words import NAME_TAGS, dictionary, dictionary_file, is_surname

# A line of the dictionary: a word of two characters (six bytes of UTF-8), counted one to
# nine times, a verb.
_LINE = re.compile(rb"^([^ \n]{6}) [1-9] (?:v|vn)$", re.MULTILINE)
#: Syllables that end Tibetan names, where a verb of the dictionary may hold one: `加措`.
TIBETAN_ENDS = frozenset("措姆玛吉珠杰巴增堆嘎宗央卓仁旺布桑曲达")


def rarer_word(name: str) -> bool:
    """Is a name of two characters a rarer word of the dictionary that names no one
    (`虫草` of `社员虫草平均售价…`, counted 76 times as a noun), with no surname to open it?
    (`拉姆`, `德吉`, `久美` are names or places there; `平措` is no word of it.)"""
    if len(name) != 2 or is_surname(name[0]):
        return False
    listed = dictionary().get(name)
    return listed is not None and listed[1] not in NAME_TAGS


@functools.cache
def _verbs() -> frozenset[str]:
    found = (word.decode("utf-8") for word in _LINE.findall(dictionary_file().read_bytes()))
    return frozenset(word for word in found if len(word) == 2)


def rare_verb(word: str) -> bool:
    """Is `word` a verb the dictionary seldom counts, and no name: no surname opens it,
    and no syllable of a Tibetan name ends it?"""
    return (
        len(word) == 2
        and not is_surname(word[0])
        and word[-1] not in TIBETAN_ENDS
        and word in _verbs()
    )
