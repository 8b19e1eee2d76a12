"""Whether a body line opens someone's speech of its own, so that the line before it, cut
short, is not continued by it: `…我们家每年还能拿到入股资金` / `格桑曲珍表示，下一步，…`.

A line the layout cut mid-sentence goes on in the next (`page_lines.py`), but a line that
opens with a speaker and a verb of saying starts a sentence: its speaker is named with a
title (`区委政法委副书记刘建军表示，`, `聂荣县委书记强调，`), or, where the line before
leaves a quotation open, by any words holding a name. A name alone after a line that ends
with a title is that title's person (`该镇水利站站长` / `格桑告诉记者，`), and goes on; so does
any speaker after a line cut where its sentence needs more: at a comma, an enumeration
comma or a colon (`…召开。会上，` / `县委书记扎西强调，…`), or at a word that takes what
follows (`…多个乡镇，据` / `县委书记扎西介绍，…`).

>>> opens_own_speech("“现在儿子每个月能挣3500元，我们家每年还能拿到入股资金", "格桑曲珍表示，下一步，…")
True
>>> opens_own_speech("该镇水利站站长", "格桑告诉记者，镇上推行…")
False
>>> opens_own_speech("活动覆盖全县多个乡镇，据", "县委书记扎西介绍，…")
False
"""

from __future__ import annotations

import re

from extractor.persons import ends_with_role, name_in

# A reference and a verb of saying that opens reported words or a quotation.
_SPEAKS = re.compile(r"([^，。；“”、,;（）()]{2,24}?)(?:表示|说|介绍|指出|强调|告诉记者)[，,：:]")
# How a line cut mid-sentence ends: a comma, an enumeration comma, a colon, or a word that
# takes what follows (`据`, `会上`, `由`…), so the next line goes on with it.
_NEEDS_MORE = re.compile(r"(?:[，,、：:]|据|会上|会议上|由|经|对|向|和|与|及|并|为|把|将|被)$")


def opens_own_speech(previous: str, line: str) -> bool:
    """Does `line` open with a speaker of its own, not the rest of `previous`?"""
    m = _SPEAKS.match(line)
    if m is None or ends_with_role(previous) or _NEEDS_MORE.search(previous.rstrip()):
        return False
    who = m[1]
    name = name_in(who)
    if name is not None and name != who and who.endswith(name):
        return ends_with_role(who[: -len(name)])  # a title before the name
    if name is None:
        return ends_with_role(who)  # an office: `聂荣县委书记强调，`
    return previous.count("“") > previous.count("”")  # a quotation left open before it
