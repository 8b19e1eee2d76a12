"""What the words a campaign name opens or ends with say of it.

A preposition or a conjunction the clause opens with opens no name (`随着…工程开工建设`,
`把…创建与文明城市创建结合起来`, `在全区第十二届藏文书法大赛上`), and no name calls its place
the local one (`当地水电站工程`): no name the gold of the seeds and development pages lists
opens with `随着`, `伴随`, `得益于`, `受益于`, `与` or `当地`, nor with `在` but `在线`
(`在线消费纠纷解决机制`).

A policy is a campaign only by a name in marks (`教育“三包”政策`); one named by what
it grants is a provision applied (`落实农牧民生活用电补贴政策`). One for the ecology is a
programme (`落实新一轮草原生态保护补助奖励政策`, `用好生态护林员岗位政策`): on the development
pages the gold lists each of the ten the rules give so (five required), where it lists four
of the nine other unquoted policies, all optional.

A fast lane in marks with no words of its own, `开辟立案、执行“绿色通道”`, is a service door opened,
not an initiative: of the 29 so printed on the seeds and development pages the gold requires
none (22 optional, 7 not listed). One named by whom it serves, `“发热患儿绿色通道”`, is kept.
"""

from __future__ import annotations

import re

from extractor.extract.mentions import Named

_LEAD = re.compile("^(?:随着|伴随着?|得益于|受益于|与|在(?!线))")
_LOCAL = "当地"
_NAMED_POLICY = re.compile("[“‘「]|生态")
_BARE_FAST_LANE = re.compile("[“‘「]绿色通道[”’」]")


def trimmed(named: Named) -> Named | None:
    """`named` without the preposition or conjunction it opens with; None where what is
    left is the local place's unnamed work, a policy with no name or a bare fast lane.

    >>> trimmed(Named(3, "随着安多至色尼110千伏输变电工程"))
    Named(at=5, name='安多至色尼110千伏输变电工程')
    >>> [trimmed(Named(3, name)) for name in ("随着当地水电站工程", "落实农牧民生活用电补贴政策")]
    [None, None]
    >>> trimmed(Named(3, "“绿色通道”")) is None
    True
    """
    lead = _LEAD.match(named.name)
    if lead is not None:
        named = Named(named.at + lead.end(), named.name[lead.end() :])
    if named.name.startswith(_LOCAL):
        return None
    if named.name.endswith("政策") and not _NAMED_POLICY.search(named.name):
        return None
    if _BARE_FAST_LANE.fullmatch(named.name):
        return None
    return named
