"""A noun that stands for a person named before, as a pronoun does.

Once it has named someone, the genre goes on about them by a noun of who they
are as well as by `他` or `她`:
- a demonstrative, what the person is of, and a title (`该负责人`, `这位老人`,
  `这位虫草采挖管理办公室的负责人`) or a noun of age or sex (`这个五十多岁的汉子`,
  `这位当了十多年村支书的藏族汉子`);
- in a feature's narration, a bare noun of age or sex, after the sentence that
  names the person: `他的父亲多吉今年已经78岁，……。老人坐在炉子边，慢慢转着经筒：“……”`.

Such a noun stands for the person named last before it (`mentions.py`) when it
agrees with them (a bare noun, only in its paragraph or the one before): it says no other sex
than their title does (`这位老汉` is never `妻子卓玛`), and an office only someone named with
one (`该负责人` is no `退休教师扎西顿珠`). A bare noun may as well be
someone the text never names (`村医索朗给老人量血压。老人说`), so it stands for the
person only when the text has said so of them: `老人` for someone whose age of
sixty or more it prints (`多吉今年已经78岁`, `78岁的多吉`) or whom it calls old
(`多吉老人`, `老阿妈卓嘎`), `姑娘` for someone a title says is a woman.

>>> stands_in("这个五十多岁的汉子"), stands_in("老人"), stands_in("村里的老人")
(True, True, False)
"""

from __future__ import annotations

import re

from extractor.alternation import alternation
from extractor.mentions import MAN, WOMAN, Mentions
from extractor.numbers import read_number
from extractor.roles import OFFICE_TITLES, ROLE_PATTERN, THIS_ONE, words

# The pronouns that stand for one person.
_SINGULAR_PRONOUNS = ("他", "她", "其")
# Nouns of age and sex the narration calls someone by once it has named them; not kin,
# which is someone's (`母亲一个人放牧` is the speaker's mother, not the one named last).
_OLD = frozenset(words("老人 老汉 老阿妈 阿妈 大爷 老大爷 大娘 老大娘"))
_NOUN_SEX = {
    **dict.fromkeys(words("老汉 大爷 老大爷 汉子 小伙 小伙子 男孩"), "他"),
    **dict.fromkeys(words("老阿妈 阿妈 大娘 老大娘 姑娘 女孩"), "她"),
}
_NOUN = alternation(sorted({*_OLD, *_NOUN_SEX}, key=len, reverse=True))
# What a demonstrative noun says the person is of: `这位虫草采挖管理办公室的负责人`.
_OF = r"(?:[^，,。；;：:“”]{1,16}的)?"
_DEMONSTRATIVE = rf"(?:{THIS_ONE}{_OF}(?:{ROLE_PATTERN}|{_NOUN})|这个{_OF}(?:{_NOUN}))"
_WHOLE = re.compile(rf"(?:{_DEMONSTRATIVE}|{_NOUN})$")
# Opening a clause that goes on with what the person does: `这个五十多岁的汉子红了眼眶`;
# not a group (`老人们`) nor what is theirs (`阿妈的病`).
_OPENING = re.compile(rf"(?>{_DEMONSTRATIVE}|{_NOUN})(?![们的])")
_BARE = re.compile(rf"(?:{_NOUN})$")
# The noun a demonstrative noun ends with, which says who the person is.
_SAID = re.compile(rf"(?:{_NOUN}|{ROLE_PATTERN})$")
# A demonstrative and the title of an office (`该负责人`, `这位…办公室的负责人`): it stands
# for someone the text names with an office (2 on the pages: 1 so, 1 a teacher of another story).
_TITLED = re.compile(rf"^{THIS_ONE}{_OF}(?:{ROLE_PATTERN})$")
_OFFICE = re.compile(f"(?:(?<![家学])长|{OFFICE_TITLES})")
_OFFICE_SAID = re.compile(f"{_OFFICE.pattern}$")
# An age: `78岁`, `七十多岁`, `年过七旬`.
_AGE = r"(?:(?P<years>\d+|[一二三四五六七八九十]+)多?岁|年(?:过|近|逾)(?P<decade>[六七八九])旬)"
#: The nouns of age that follow a name or precede it: `多吉老人`, `老阿妈卓嘎`.
OLD_NOUN = alternation(sorted(_OLD, key=len, reverse=True))


def stands_in(who: str) -> bool:
    """Is `who` a pronoun or a noun that stands for a person named before?"""
    return who in _SINGULAR_PRONOUNS or _WHOLE.match(who) is not None


def opening_noun(clause: str) -> str | None:
    """The noun standing for someone that opens a clause, as its subject: `这个五十多岁的
    汉子` of `这个五十多岁的汉子红了眼眶`."""
    m = _OPENING.match(clause)
    return m[0] if m else None


def refers_to(
    mentions: Mentions, who: str, at: int, speaker: str = "", headline: Mentions | None = None
) -> str | None:
    """The person a pronoun or a noun at `at` stands for: for a pronoun, the one
    `mentions.stands_for` reads (when the body names no one, in the `headline`: `次仁多吉：
    ……` over `“……”他说。`); for a noun, the one `stands_for` reads."""
    if who not in _SINGULAR_PRONOUNS:
        return stands_for(mentions, who, at, speaker)
    named = mentions.stands_for(who, at, speaker)
    if named is None and headline is not None:
        named = headline.stands_for(who, len(headline.text), speaker)
    return named


def stands_for(mentions: Mentions, noun: str, at: int, speaker: str = "") -> str | None:
    """The person a noun at `at` stands for: the one named last before it (for a bare
    noun, in its paragraph or the one before), if the noun agrees with them; else None."""
    last = mentions.last_named(at, speaker)
    bare = _BARE.match(noun) is not None
    if last is None or (bare and last[1] < _paragraph_before(mentions.text, at)):
        return None
    name = last[0]
    titled = _SAID.search(noun)  # `汉子` of `这个五十多岁的汉子`
    said = titled[0] if titled else noun
    sex = _NOUN_SEX.get(said) or ("他" if said in MAN else "她" if said in WOMAN else None)
    known = mentions.sex(name)
    if sex is not None and known is not None and known != sex:
        return None
    if bare and said in _OLD and not _said_old(mentions.text[:at], name):
        return None
    if bare and said not in _OLD and known != sex:
        return None
    office = _TITLED.search(noun) and _OFFICE_SAID.search(said)
    if office and not _in_office(mentions.text[:at], name):
        return None  # `该负责人` is no `退休教师扎西顿珠` named before
    return name


def _in_office(text: str, name: str) -> bool:
    """Does `text` name `name` with an office, next to the name or in the clause naming
    them (`乡党委副书记扎西平措`, `…管理办公室负责人扎西平措`, `扎西平措是…的负责人`)?"""
    who = re.escape(name)
    after = rf"{_OFFICE.pattern}[^，,。；;“”]{{0,12}}?{who}"
    before = rf"{who}[^，,。；;“”]{{0,20}}?{_OFFICE.pattern}"
    return re.search(f"{after}|{before}", text) is not None


def _paragraph_before(text: str, at: int) -> int:
    """Where the paragraph before the one holding `at` starts."""
    here = text.rfind("\n", 0, at)
    return text.rfind("\n", 0, here) + 1 if here >= 0 else 0


def _said_old(text: str, name: str) -> bool:
    """Does `text` call `name` old: an old noun next to the name (`多吉老人`, `老阿妈卓嘎`),
    or an age of sixty or more said of them (`多吉今年已经78岁`, `78岁的多吉`,
    `年过七旬的老党员多吉`)?"""
    who = re.escape(name)
    if re.search(rf"{OLD_NOUN}{who}|{who}{OLD_NOUN}", text):
        return True
    after = re.finditer(rf"{who}(?:今年|现年|已经|已|刚满|已满|都)*{_AGE}", text)
    before = re.finditer(rf"{_AGE}的[^，,。；;：:“”]{{0,16}}?{who}", text)
    return any(m["decade"] or (read_number(m["years"]) or 0) >= 60 for m in (*after, *before))
