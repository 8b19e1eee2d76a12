"""The words of the language a name does not hold.

A name sounds a person out: a Tibetan name (`格桑旺姆`, `次仁多布杰`) holds no common
word of three characters or more, nor does a Han one (`王建国`). A piece of a sentence
read where a name stands often does: `骑摩托车` of `请儿子骑摩托车接送` (摩托车),
`患糖尿病` (糖尿病), `转生活费` (生活费).

>>> holds_a_long_word("骑摩托车"), holds_a_long_word("格桑旺姆")
(True, False)
"""

from __future__ import annotations

from extractor.common_words import common_word_at

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
