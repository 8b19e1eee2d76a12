"""A person named with an honorific: `陈先生`, `徐女士`, `次仁先生`.

A surname and an honorific name a person however the words before read
(`来自上海的摄影爱好者陈先生`). A given name and one (`居民次仁先生带着孙子…`) is
the person as printed, the honorific kept: a pronoun after stands for `次仁先生`,
never `次仁` alone.

>>> [honored_in(t, t.index("先生") - 1) for t in ("游客陈先生说", "居民次仁先生带着孙子")]
['陈先生', '次仁先生']
"""

from __future__ import annotations

import re

from extractor.common_words import is_surname
from extractor.persons import name_in
from extractor.speech_words import BREAK
from extractor.stops import last_of

_HONORIFICS = ("先生", "女士")
#: A character and an honorific after it: `陈先生`, `徐女士`, the 仁 of `次仁先生`.
HONORED = re.compile("[\u4e00-\u9fff](?:先生|女士)")


def honored_in(text: str, at: int) -> str | None:
    """The person named with the honorific after `text[at]` (a surname or the last
    character of a given name), or None when the words before hold no name."""
    end = at + 3
    if text[at + 1 : end] not in _HONORIFICS:
        return None
    if is_surname(text[at]):
        return text[at:end]
    clause = text[last_of(text, BREAK, at) + 1 : end]
    name = name_in(clause)
    return name if name is not None and len(name) > 3 and clause.endswith(name) else None
