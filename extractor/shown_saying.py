"""A quotation printed right after a sentence that shows a person saying something.

The genre shows someone at what they say, then prints the words as a sentence of
their own, with no credit: `村民次仁旺姆对着手机镜头，熟练地介绍着自家的糌粑和酥油。“这是
我们古荣的糌粑……”`. The words are theirs when the sentence before ends with its verb of
saying (介绍, 讲解, 讲述, 讲, 说, 聊, 谈, with 着 or 起) and what is said, in its last clause,
and that clause, or the one before it when it holds nothing but how it is said
(`熟练地介绍着…`), opens with the person: a name the text knows (`mentions.py`), with its
title or a description, or a pronoun; never one spoken to (`向新任队长王建军逐户介绍情况`).

>>> from extractor.attribution import Speech
>>> text = "村民次仁旺姆对着手机镜头，熟练地介绍着自家的糌粑。“这是我们的糌粑。”"
>>> shown_saying(Speech(text), text.index("“")).who
'村民次仁旺姆'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractor.speech_words import BREAK_CLASS
from extractor.subjects import PRONOUN_SUBJECT, opening, trimmed

if TYPE_CHECKING:
    from extractor.attribution import Credit, Speech

#: A verb of saying and what is said, ending the sentence: `介绍着自家的糌粑和酥油。`,
#: `讲起村里的变化。`, `讲解番茄嫁接技术。` (not `宣讲`, `对讲机`, `说明`, `讲究`).
_SHOWN = re.compile(
    rf"(?<![宣演解听对小传])(?:介绍|讲解|讲述|讲|说|聊|谈)(?:着|起了?)?"
    rf"(?![明究话座课唱{BREAK_CLASS}])[^{BREAK_CLASS}]{{1,30}}。\s*$"
)
#: A clause that opens with whom, or with whom together, something is said or done.
_NOT_THE_SUBJECT = re.compile("^(?:向|对|给|跟|为|和|与|同|听|把|让|请|陪)")


def shown_saying(speech: Speech, opening_mark: int) -> Credit | None:
    """The person the sentence right before the quotation opening at `opening_mark`
    shows saying something, when the quotation opens its own sentence there; None
    when that sentence shows no one the text knows saying anything."""
    from extractor.attribution import Credit

    text = speech.text
    k = speech._index(opening_mark)
    end = opening_mark
    while end > speech.paragraph_start(k) and text[end - 1].isspace():
        end -= 1
    if end <= speech.paragraph_start(k) or text[end - 1] != "。":
        return None
    begin = speech._sentence_start(k, end - 1)
    m = _SHOWN.search(text, begin, opening_mark)
    if m is None:
        return None
    start = speech._clause_start(m.start(), begin)
    words, at = trimmed(text[start : m.start()], start)
    if not words and start > begin and text[start - 1] in "，,":  # `…，熟练地介绍着`
        before = speech._clause_start(start - 1, begin)
        words, at = trimmed(text[before : start - 1], before)
    how = f"{m[0][:2]} in the sentence before the quotation"
    if not words or _NOT_THE_SUBJECT.match(words):
        return None
    if PRONOUN_SUBJECT.match(words):
        return Credit(words[0], at, at + 1, how, pronoun=True)
    if opening(words, speech.known()) not in speech.known():
        return None
    return Credit(words, at, at + len(words), how, leading=True)
