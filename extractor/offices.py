"""An office the article names no better, read from where its unit opens: `聂荣县委书记`.

An official printed by office alone (`聂荣县委书记强调，`, `市住建局相关负责人介绍`) is a
speaker as printed, the office with its unit (`persons.office_named`). Where the page lost
words, a paragraph cut short runs on into the next one (`…牧民人均可支配收` /
`聂荣县委书记强调，…`), and the words before a verb of saying hold the end of another
sentence before the unit. A place the article names on its own elsewhere (`聂荣县`, after a
stop or a mark) opens the office there: the words before it are no unit of it, unless they
end as a unit or a place does (`拉萨市城关区…`), or the article prints them with the place
twice (`山东省对口支援日喀则市前方指挥部`).

>>> text = "聂荣县召开会议。\\n今年，牧民人均可支配收聂荣县委书记强调，要抓好草原保护。"
>>> office_from_place("牧民人均可支配收聂荣县委书记", text)
'聂荣县委书记'
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from extractor.persons import ORGANISATION, office_named
from extractor.roles import THIS_ONE

if TYPE_CHECKING:
    from extractor.attribution import Credit

# A demonstrative and the title of a unit's official: `该负责人`, `这位负责同志`.
_OFFICIAL_NOUN = re.compile(f"^{THIS_ONE}(?P<title>负责人|负责同志)$")
_LINE = re.compile(r"[^\n]+")

# A county, a city or a district named on its own: after a stop, a mark or a line's start.
_PLACE = re.compile(
    r"(?:^|(?<=[，。、；：“”\n,;:（(]))([\u4e00-\u9fff]{2,5}?[县市区])", re.MULTILINE
)


@functools.lru_cache(maxsize=8)
def places(text: str) -> frozenset[str]:
    """The counties, cities and districts `text` names on its own (`聂荣县`)."""
    return frozenset(m[1] for m in _PLACE.finditer(text))


def office_from_place(reference: str, text: str) -> str:
    """The office `reference` prints, from the place it holds that `text` names on its own,
    when words that are no unit come before that place; else the reference whole."""
    for place in sorted(places(text), key=len, reverse=True):
        at = reference.find(place)
        if (
            at > 0
            and not ORGANISATION.search(reference[:at])
            and not _named_twice(reference[: at + len(place)], text)
        ):
            return reference[at:]
    return reference


def _named_twice(unit: str, text: str) -> bool:
    """Is `unit`, up to the place it holds, printed twice in `text`: the name of a unit
    (`山东省对口支援日喀则市前方指挥部`, named as the organiser too), where the end of
    another sentence run on into an office is printed once?"""
    return text.count(unit) > 1


def office_standing(credit: Credit | None, speaker: str, text: str) -> bool:
    """Does a demonstrative noun of an official that stands for no one the article names
    (`该负责人表示，…`) stand for the speaker, the official of one unit printed with that
    title in its paragraph, the one before or the one after (`市发展改革委有关负责人提示，`)?

    >>> from extractor.attribution import Credit
    >>> text = "物价平稳。\\n该负责人表示，将加密监测。\\n市发改委有关负责人提示，…"
    >>> office_standing(Credit("该负责人", 6, 10, "表示", pronoun=True), "市发改委有关负责人", text)
    True
    """
    if credit is None or not credit.pronoun or credit.refers_to is not None:
        return False
    noun = _OFFICIAL_NOUN.match(credit.who)
    if noun is None or not speaker.endswith(noun["title"]) or not office_named(speaker, speaker):
        return False
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    k = next((i for i, (a, b) in enumerate(lines) if a <= credit.start < b), None)
    if k is None:
        return False
    begin, end = lines[max(k - 1, 0)][0], lines[min(k + 1, len(lines) - 1)][1]
    return speaker in text[begin:end]
