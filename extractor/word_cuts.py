"""Whether a speaker, where the article prints it, is cut from the words around it.

A name is printed as words of its own: it ends where a word of the sentence
ends (`extract/words.py`, jieba's dictionary). A speaker that ends inside a word
of the sentence is a fragment of it, however it reads: `语比` of `边巴次仁用手语比划着说` ends inside `比划`.

>>> text = "边巴次仁用手语比划着说"
>>> cut_from_words(text, 6, 8, "语比")
'speaker "语比" ends inside the word "比划" of the article'
>>> cut_from_words(text, 0, 4, "边巴次仁") is None
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractor.extract.words import word_across
from extractor.speech_words import VERB

if TYPE_CHECKING:
    from extractor.attribution import Credit, Speech

_SAYS = re.compile(VERB)


def cut_from_words(text: str, start: int, end: int, speaker: str) -> str | None:
    """Why `speaker`, printed at `start`–`end` of `text`, is a fragment of the sentence,
    if it ends inside a word of it; else None. Only the last edge is read: the genre runs
    a title or a verb into a name's first character (`传承人次仁多吉` holds 人次, `落实习近平`
    实习), and a name's last character into a verb of saying (`李明说` holds 明说), so those
    words say nothing."""
    if _SAYS.match(text, end):
        return None
    word = word_across(text, end)
    if word is None:
        return None
    return f'speaker "{speaker}" ends inside the word "{word}" of the article'


def printed_cut(text: str, start: int, end: int, name: str) -> bool:
    """Is `name`, printed last in `text[start:end]`, cut from the words around it?"""
    at = text.rfind(name, start, end)
    return at >= 0 and cut_from_words(text, at, at + len(name), name) is not None


def known_past_cut(credit: Credit, speech: Speech) -> list[str] | None:
    """The people the text names, but the name the credit reads, when that name is cut from
    the words (`语比` of `边巴次仁用手语比`): the credit is then a clause whose subject spoke,
    read among these (`check_speech`, `extract/speakers.py`); None when it is not cut."""
    name = credit.person
    if (
        name is None
        or credit.pronoun
        or not printed_cut(speech.text, credit.start, credit.end, name)
    ):
        return None
    return [n for n in speech.known() if n != name]
