"""Words the campaign finders take for a name that the words around them show to be none:
a figure of a way opened (`打通…“最后一公里”`, `打通高原农产品“出山”通道`), a time of the
year in marks (`抢抓冬季施工“黄金期”`), the site of works a clause opens at (`但在…防洪工程
（二期）施工现场`) and water supply works named by their kind alone (`对农村供水工程开展一轮
抽检`). Part of the campaign names of `campaigns.py`.
"""

from __future__ import annotations

import re

from extractor.extract.context import BREAK
from extractor.extract.mentions import Named

# A way a unit opens up, in marks, is a figure for what it makes easier: `为打通金融服务“最后
# 一公里”`, `打通高原农产品“出山”通道` (on the seeds and development pages the gold lists none of
# the 57 quoted words printed after `打通`).
_OPENED_UP = re.compile(rf"打通[^{BREAK}“”]{{0,10}}$")
# A time of the year or of the works in marks, two characters and `期`, is when work is done,
# no name: `抢抓冬季施工“黄金期”`, `备战“主汛期”` (none of the 4 so printed is listed; holiday
# programmes are named longer, `“七彩假期”`, `“平安暑期”`).
_PERIOD = re.compile(r"^“[\u4e00-\u9fff]{2}期”")
# A name a clause opens with `在` (after a conjunction) is where something happens: `但在扎囊县…
# 防洪工程（二期）施工现场` (no name of the seeds' and development pages' gold opens so), and so is
# a work with its phase in brackets before its site (`…工程（二期）施工现场`, the one so printed).
_AT_PLACE = re.compile("^(?:但|而|并|却)?在")
_SITE_AFTER = re.compile(r"[（(][^）)]{1,4}[）)](?:施工现场|现场|工地|施工)")
_PLACE_BEFORE = re.compile("在$")
# Water supply works named by how they supply alone are a kind of facility, every one a
# county has: `对农村供水工程开展一轮抽检`, `对规模化供水工程实行…`, `围绕农村供水工程管护`
# (on the seeds and development pages the gold lists none of the 40 so printed; those it lists
# say where or what for: `查务乡片区集中供水工程`, `农村供水保障提升工程`).
_SUPPLY_KIND = re.compile("(?:农村|城镇|城乡|集中|规模化|分散式?)+供水工程")


def no_name(named: Named, text: str) -> bool:
    """Do the words around `named` in `text` show that it names no campaign?

    >>> text = "打通高原农产品“出山”通道"
    >>> no_name(Named(7, "“出山”通道"), text)
    True
    """
    before = text[max(0, named.at - 12) : named.at]
    end = named.at + len(named.name)
    return bool(
        (named.name.startswith("“") and _OPENED_UP.search(before))
        or _PERIOD.match(named.name)
        or _AT_PLACE.match(named.name)
        or (_PLACE_BEFORE.search(before) and _SITE_AFTER.match(text, end))
        or _SUPPLY_KIND.fullmatch(named.name)
    )
