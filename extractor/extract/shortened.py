"""A programme named whole, then by a shorter form of its name.

An article that names a programme with its place or its scope names it after by the
words it keeps (`县级公共图书馆总分馆制建设` … `总分馆制建设`, `乃东区背街小巷改造提升工程` …
`背街小巷改造`): one campaign, named whole. A shorter name printed first is another,
the field before the unit's own drive (`行业乱点乱象专项整治` … `交通运输行业乱点乱象专项整治`),
and a quoted one names a programme of its own (`“春风行动”暨…招聘会` … `“就业援助月”`).
"""

from __future__ import annotations

from extractor.extract.mentions import Named
from extractor.textindex import normalize

_MARKS = frozenset("“”‘’「」\"'")


def without_shortened(names: list[Named]) -> list[Named]:
    """`names` (first mention first) without those printed, unquoted, inside a name
    printed before them.

    >>> [n.name for n in without_shortened([Named(3, "城区燃气入户工程"), Named(40, "燃气入户工程")])]
    ['城区燃气入户工程']
    >>> [n.name for n in without_shortened([Named(3, "行业乱点乱象专项整治"), Named(40, "交通运输行业乱点乱象专项整治")])]
    ['行业乱点乱象专项整治', '交通运输行业乱点乱象专项整治']
    """
    if len(names) < 2:
        return names  # nothing printed before a name to shorten it
    kept: list[Named] = []
    wholes: list[str] = []
    for named in names:
        key = normalize(named.name, drop_quotes=True)
        quoted = not _MARKS.isdisjoint(named.name)
        if not quoted and any(key in whole and key != whole for whole in wholes):
            continue
        kept.append(named)
        wholes.append(key)
    return kept
