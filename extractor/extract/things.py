"""Quoted words that name a thing, not an initiative: a body, a post, a house or a shop
(`“双语调解队”`, `“平安驿站”`), an honour (`“最佳射手”`), an account or a platform
(`“阿里发布”新媒体平台`), or a kind running on into one (`“马背兽医”服务队`). Part of
`quoted.py`'s reading.

>>> a_body("双语调解队"), a_body("快递+电商服务站"), an_honour("体育道德风尚奖", "", "")
(True, False, True)
>>> runs_on("“河小青”志愿服务队", 9), cut_from_body("组建“马背兽医”服务队。", "“马背兽医”服务")
(True, True)
"""

from __future__ import annotations

import re

from extractor.extract.context import CN

# A kind that runs on into another word: `“四好农村路”建设者`, `…工程师`, `…活动室`,
# `“一站式”服务中心`; a body, a post or a line that serves (`“河小青”志愿服务队`,
# `“警民联防”服务点`, `“拉萨12345”政务服务便民热线`) is no initiative either.
_KIND_QUALIFIES = re.compile(
    r"^(?:[者师员室队团站岗点区]|中心|大厅|基地|有限|公司|集团|(?:便民)?(?:热线|专线|窗口)|"
    r"高校|院校|学校|大学|单位|企业)"
)
# Quoted words that name a body, a post, a house or a shop (`“双语调解队”`, `“同心圆”宣讲团`,
# `“平安驿站”`, `“留守儿童之家”`, `“积分超市”`, `“乡贤理事会”`, `“巧手”合作社`,
# `“书记”工作室`, `“企业服务专区”`), or a street (`“放心消费示范街区”通过市级验收`), not what it
# does; `“一寺一站”`, `“公司+合作社”` are methods.
BODY = re.compile(
    r"(?<![一+＋])(?:[队团站岗厅室]|专区|街区|服务点|登记点|收购点|网点|中心|之家|超市|窗口|合作社|办公室|工作室|联盟|小组|"
    r"(?:协|理事|委员|议事|联合|商|促进|研究)会)$"
)
# An honour or award in marks, not an initiative: `“最佳射手”`, `“体育道德风尚奖”`,
# `评选“书香家庭”100户`, `授予“优秀志愿者”称号` (its selection is one: `“最美家庭”评选`).
_HONOUR = re.compile(r"奖$|^(?:最佳|十佳|优秀|先进)")
_AWARDED = re.compile(rf"(?:评选出?|评出|授予|荣获|获评|评为|表彰)了?(?:[{CN}]{{1,3}}级)?$")
_AWARD_AFTER = re.compile(r"^等?(?:奖项|称号|荣誉)")
# A quoted name followed by what carries news is an account: `“阿里发布”新媒体平台`.
# So is a platform: `“智慧畜牧”信息平台`, `“云上书房”线上平台`, `“智慧牧场”管理平台`.
AN_ACCOUNT = re.compile(
    r"[^“”]{0,4}(?:微信|小程序|公众号|新媒体|媒体|客户端|App|APP|网站|直播|平台)"
)
# Parties joined by a plus make a model, even when the last is a body: `“快递+电商服务站”`.
_JOINED_PARTIES = re.compile("[+＋]")


def runs_on(text: str, end: int) -> bool:
    """Does the kind of a quoted name, ending at `end`, run on into a body, a place or a
    person (`“四好农村路”建设者`, `“一站式”服务中心`)?"""
    return bool(_KIND_QUALIFIES.match(text[end : end + 4]))


def a_body(inner: str) -> bool:
    """Do quoted words name a body, a post, a house, a shop or an account (`“时间账户”`), not
    parties joined into a model (`“快递+电商服务站”`)?"""
    return (bool(BODY.search(inner)) and not _JOINED_PARTIES.search(inner)) or inner.endswith(
        "账户"
    )


def an_honour(inner: str, before: str, after: str) -> bool:
    """Are quoted words an honour or an award, by their words or by the words around them?"""
    return bool(_HONOUR.search(inner) or _AWARDED.search(before) or _AWARD_AFTER.match(after))


def cut_from_body(text: str, name: str) -> bool:
    """Does the article print `name` running on into a body or a place elsewhere
    (`“马背兽医”服务队` for `“马背兽医”服务`)? Then the name is cut from that word."""
    at = text.find(name)
    while at >= 0:
        if _KIND_QUALIFIES.match(text[at + len(name) : at + len(name) + 6]):
            return True
        at = text.find(name, at + 1)
    return False


def quoted_runs(matches: list[re.Match[str]], text: str) -> list[list[re.Match[str]]]:
    """Quoted names printed one after another (`“一窗通办”“帮办代办”`, `“A”、“B”`)."""
    runs: list[list[re.Match[str]]] = []
    for m in matches:
        if runs and text[runs[-1][-1].end("close") : m.start()] in ("", "、"):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs
