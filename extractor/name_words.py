"""The words of the language a name does not hold.

A name sounds a person out: a Tibetan name (`格桑旺姆`, `次仁多布杰`) holds no common
word of three characters or more, nor does a Han one (`王建国`). A piece of a sentence
read where a name stands often does: `骑摩托车` of `请儿子骑摩托车接送` (摩托车),
`患糖尿病` (糖尿病), `转生活费` (生活费).

>>> holds_a_long_word("骑摩托车"), holds_a_long_word("格桑旺姆")
(True, False)
"""

from __future__ import annotations

from extractor.common_words import common_word_at, dictionary, is_surname

#: Characters of the shortest common word no name holds.
LONG_WORD = 3


def holds_a_long_word(name: str) -> bool:
    """Does `name` hold a common word of three characters or more past its first
    character: `摩托车` of `骑摩托车`, though the dictionary tags it a proper noun?
    (One that opens it is read by `persons.opens_with_common_word`.)"""
    return any(
        (word := common_word_at(name, at)) is not None and len(word) >= LONG_WORD
        for at in range(1, len(name) - LONG_WORD + 1)
    )


def holds_a_shorter_word(part: str) -> bool:
    """Does a part of a name in parts hold a common word shorter than itself: `青春` of
    `青春志愿`, never `买买提` (the whole part) or `艾力` (none)?"""
    return any(
        (word := common_word_at(part, at)) is not None and len(word) < len(part)
        for at in range(len(part))
    )


#: Times jieba's dictionary counts a word it tags a Han name (`nr`) that a sentence uses
#: as a word: `养老` (651 times), read after `居民` in `城乡居民养老保险`.
_WORD_TAGGED_A_NAME = 100


def word_tagged_a_name(name: str) -> bool:
    """Is a name of two characters that opens with no surname a word the dictionary
    counts often and tags a Han name (`nr`), where a Han name of two opens with its
    surname and a Tibetan one is tagged a foreign name (`拉姆`, `洛桑`: `nrt`) or rare?

    >>> word_tagged_a_name("养老"), word_tagged_a_name("拉姆"), word_tagged_a_name("罗布")
    (True, False, False)
    """
    listed = dictionary().get(name)
    return (
        len(name) == 2
        and not is_surname(name[0])
        and listed is not None
        and listed[0] >= _WORD_TAGGED_A_NAME
        and listed[1] == "nr"
    )
