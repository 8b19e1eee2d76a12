"""Where words start and end, by the dictionary jieba ships (0.42.1, pinned).

The rules ask two things of it: whether a position of a sentence is a word
boundary (a label never starts or ends inside a word), and whether some
characters open with a common word (a speaker's name never does: `讲解竹编`,
`做法` are no one's name).

Only whether a word is in the dictionary is asked, so its file is read once,
for the words and their tags alone (`common_words.dictionary`, which the
checker's reading of names shares), not loaded whole with the frequencies
jieba cuts by (about 0.6 s and 70 MiB). Words it counts fewer than ten times
(mostly rare names) are left out: a boundary is judged the same on the genre's
pages without them.

>>> is_boundary("安全生产检查", 4), is_boundary("安全生产检查", 3)
(True, False)
"""

from __future__ import annotations

import functools

from extractor.common_words import COMPOUND_SURNAMES, NAME_TAGS, dictionary
from extractor.common_words import LONGEST as LONGEST_WORD


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The common words of two to four characters, and those of them that are names
    (with the surnames of two characters, `司徒`, which it tags as nouns)."""
    listed = dictionary()
    names = [word for word, (_, tag) in listed.items() if tag in NAME_TAGS]
    names += COMPOUND_SURNAMES
    return frozenset(listed), frozenset(names)


def common_words() -> frozenset[str]:
    """The common words of two to four characters of jieba's dictionary, read once."""
    return _words()[0]


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def is_boundary(text: str, at: int) -> bool:
    """Does a word end at `at`? Not when a word of jieba's dictionary (of two to four
    characters) runs across it: `生产|检查` is a boundary, `生|产` is not."""
    return word_across(text, at) is None


def word_across(text: str, at: int) -> str | None:
    """The word of jieba's dictionary (of two to four characters) that runs across
    position `at`, if one does: `手语` across the 手|语 of `用手语比划着`.

    >>> word_across("用手语比划着", 2), word_across("用手语比划着", 4)
    ('手语', '比划')
    """
    if at <= 0 or at >= len(text) or not ("\u4e00" <= text[at - 1] <= "\u9fff"):
        return None
    if not "\u4e00" <= text[at] <= "\u9fff":
        return None
    dictionary = _words()[0]
    for start in range(max(0, at - LONGEST_WORD + 1), at):
        for end in range(at + 1, min(len(text), start + LONGEST_WORD) + 1):
            if text[start:end] in dictionary:
                return text[start:end]
    return None


def opens_with_common_word(text: str) -> bool:
    """Do the characters open with a common word that is no name: `讲解竹编` (讲解),
    `做法`; not `扎西多吉` (扎西 is a name in the dictionary), nor `格桑旺姆`."""
    common, names = _words()
    return any(
        text[:size] in common and text[:size] not in names
        for size in range(2, min(len(text), LONGEST_WORD) + 1)
    )


def holds_common_word(text: str) -> bool:
    """Do the characters hold a common word that is no name: `作报告中` (报告); not
    `边巴次仁`."""
    common, names = _words()
    return any(
        text[start:end] in common and text[start:end] not in names
        for start in range(len(text))
        for end in range(start + 2, min(len(text), start + LONGEST_WORD) + 1)
    )
