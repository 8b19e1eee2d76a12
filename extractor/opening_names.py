"""The person a sentence opens with after a title the vocabulary lacks, as the subject of
a pronoun later in it: `织工白玛拉姆在厂里已经干了8年，她说：`, `左左乡扎西岗村低保户边巴顿珠在乡里
当上了护路员，他说，`. The pronoun says the words of the one the sentence is about, not of
someone named in a sentence before it (`厂长普布多吉介绍`).

>>> text = "厂长普布多吉介绍，……。织工白玛拉姆在厂里已经干了8年，她说：“……”"
>>> sentence_opener(text, text.index("她说"))
'白玛拉姆'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractor.common_words import common_word_at, ends_a_word
from extractor.extract.words import common_words, is_boundary
from extractor.name_ends import name_at
from extractor.persons import ORGANISATION, TITLE_ENDS, name_in, person_name
from extractor.stops import last_of

_SENTENCE_END = "。！？!?；;\n"
_CLAUSE_END = re.compile("[，,：:；;]")
# How far into its sentence the name may start, after the title and where the person works.
_REACH = 16
# What a title never ends with here: 的 describes (`mentions.py` reads it), marks break.
_TITLE_ENDS = frozenset(TITLE_ENDS) - set("的、，,")
# What the person of the sentence goes on to do or be, right after the name: where they
# are, how long they have been at it (`白玛拉姆在厂里已经干了8年`, `多吉已经巡逻了20多年`).
_GOES_ON = re.compile("在|正在|已经|已在|已有|今年|常年|一直|多年|从小|是")


def sentence_opener(text: str, at: int, known: Iterable[str] = ()) -> str | None:
    """The name the sentence holding `at` opens with, after a title ending as titles
    end (`织工`, `低保户`), when `at` opens a clause of it after a comma and its first
    clause names no one of `known`; else None."""
    if text[at - 1 : at] not in "，,":
        return None
    begin = last_of(text, _SENTENCE_END, at - 1) + 1
    clause = text[begin:at]
    first = _CLAUSE_END.search(clause)
    clause = clause[: first.start()] if first else clause
    if any(name in clause for name in known):
        return None  # the sentence names a person the text knows: `mentions.py` reads it
    return name_after_title(clause)


def name_after_title(clause: str, *, aged: bool = False) -> str | None:
    """The name a clause opens with after a title ending as titles end, when what the
    person does or is goes on right after it: `织工白玛拉姆在厂里已经干了8年` → `白玛拉姆`.
    After an age (`aged`: `46岁的` before the clause), which says a person is named, the
    title may be any word of the dictionary, ending where a word ends:
    `酿酒师傅尼玛次仁正在查看发酵情况` → `尼玛次仁` (not the `次仁` of `边巴次仁已经…`).

    >>> name_after_title("酿酒师傅尼玛次仁正在查看发酵情况", aged=True)
    '尼玛次仁'
    """
    for size in range(2, min(len(clause), _REACH)):
        titled = _word_ends(clause, size) if aged else clause[size - 1] in _TITLE_ENDS
        if not titled or ends_a_word(clause, size, 1):
            continue
        name = name_at(clause, size)
        if (
            name is not None
            and common_word_at(name) is None
            and person_name(name)
            and (aged or name_in(clause[: size + len(name)]) == name)
            and not ORGANISATION.search(clause[: size + len(name)])
            and _GOES_ON.match(clause, size + len(name))
        ):
            return name
    return None


def _word_ends(clause: str, at: int) -> bool:
    """Does a word of the dictionary (two to four characters) end at `at`, no word running
    across it (`酿酒师傅|尼玛次仁`; not `边巴|次仁`, whose 边巴 is no word)?"""
    words = common_words()
    ends = any(clause[at - size : at] in words for size in range(2, 5) if at >= size)
    return ends and is_boundary(clause, at)
