"""One campaign named several times in an article: which names are one campaign,
and which of them is kept.

An article names a campaign more than once, and not always alike: with or
without its kind (`“全民消防我体验”` / `…宣传活动`), its place or its number in a
series (`草原生态保护专项整治行动` / `那曲市草原…`), the words that lead it
(`“冈底斯杯”青少年篮球赛` / `阿里地区迎新年“冈底斯杯”青少年篮球赛`), a headline's
short form (`交通违法行为整治行动` / `机动车、非机动车突出交通违法行为整治行动`, its words
in the body's name in order: `“计量惠民”活动` / `“计量惠民 服务民生”主题活动`; or its
topic before the kind of the body's themed activity: `森林防火主题党日活动` /
`“守护绿水青山 争当防火先锋”主题党日活动`). The
body's name is kept over the headline's, as the body prints it whole; else the
fuller one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractor.extract.context import CN
from extractor.extract.ordinals import EDITION, NUMBERED_EDITION, ROUND_NUMBER
from extractor.textindex import normalize


@dataclass(frozen=True)
class Named:
    """A campaign name and where the article first names it."""

    at: int
    name: str


# The quoted words a name opens with: one campaign with a kind of the same words
# after them (`“雪域净土 美丽桑日”城乡环境整治` in a headline, `…综合整治行动` in the
# text; `“组团式”援藏`, `“组团式”医疗援藏`), another with another kind
# (`“珠峰领航”党建引领行动`, `“珠峰领航”党建品牌`); its trial is the same one
# (`“时间银行”试点` / `“时间银行”互助养老模式`), and so is the programme called a project once
# and a work once (`“师带徒”项目` / `藏医药“师带徒”传承工程`).
_QUOTED_HEAD = re.compile(r"^[“‘「][^”’」]+[”’」]")


def _quoted_head(name: str) -> str | None:
    """The quoted words `name` opens with, if it opens with any."""
    head = _QUOTED_HEAD.match(name)
    return None if head is None else head[0]


def _same_quoted(a: str, b: str, a_head: str | None, b_head: str | None) -> bool:
    """One campaign by the quoted words `a` or `b` opens with (`a_head`, `b_head`), or
    opens with after its number in a series (`第十一届“书香拉萨”全民阅读活动` / `“书香拉萨”活动`)."""
    if a_head is None and b_head is None:
        return False
    (a, a_head), (b, b_head) = _after_round(a), _after_round(b)
    if (a_head is not None and b.endswith(a)) or (b_head is not None and a.endswith(b)):
        return True  # `“冈底斯杯”青少年篮球赛` / `阿里地区迎新年“冈底斯杯”青少年篮球赛`
    if a_head is None or not b.startswith(a_head):
        return False
    shorter, longer = sorted((a[len(a_head) :], b[len(a_head) :]), key=len)
    if shorter == "试点":
        return True  # `“时间银行”试点` of `“时间银行”互助养老模式`: the scheme on trial
    if shorter in ("项目", "工程") and longer.endswith(("项目", "工程")):
        return True  # `“师带徒”项目` of `藏医药“师带徒”传承工程`: one programme, by either word
    rest = iter(longer)
    return all(char in rest for char in shorter)  # the shorter kind's words, in order


# What may stand before one campaign's name and leave it the same: its place, its
# year, its number in a series (`城关区2024年第十二届`), its round (`新一轮`, `第二批`), its
# rank (`全国文明城市创建` / `文明城市创建`).
_SAME_HEAD = re.compile(
    rf"(?:[{CN}]{{2,6}}?(?:自治区|市|区|县)|全[市区县乡镇国])?(?:\d{{4}}年)?(?:{NUMBERED_EDITION})?"
    rf"(?:新一轮|新一批|{ROUND_NUMBER}[轮批])?"
)


# An event's number in its series, which a place's name of the event may leave out:
# `萨迦县第三届农牧民冬季运动会` / `萨迦县农牧民冬季运动会`.
_ORDINAL = re.compile(EDITION)


_ROUND_FIRST = re.compile(rf"^{EDITION}(?=[“‘「])")


@functools.lru_cache(maxsize=64)
def _after_round(name: str) -> tuple[str, str | None]:
    """`name` without the number in a series its quoted words follow, and those quoted
    words: each name of an article is compared with every other, so each is read once.

    >>> _after_round("第十一届“书香拉萨”全民阅读活动")
    ('“书香拉萨”全民阅读活动', '“书香拉萨”')
    """
    bare = _ROUND_FIRST.sub("", name)
    return bare, _quoted_head(bare)


def _numbered(shorter: str, longer: str) -> bool:
    """`longer` is `shorter` with its number in a series: the same event, named whole."""
    return _ORDINAL.search(longer) is not None and _ORDINAL.sub("", longer, count=1) == shorter


def _unnumbered(name: str) -> str | None:
    """`name` without its number in a series, or None if it has none."""
    bare, count = _ORDINAL.subn("", name, count=1)
    return bare if count else None


def _one_campaign(a: str, b: str, a_bare: str | None, b_bare: str | None) -> bool:
    """`_same_campaign` of the shorter and the longer of `a` and `b` (`a` first when as
    long), given each without its number in a series (`_unnumbered`)."""
    shorter, longer, bare = (a, b, b_bare) if len(a) <= len(b) else (b, a, a_bare)
    if shorter not in longer:
        return bare == shorter  # neither its start nor its end: only its number left out
    return _same_campaign(shorter, longer)


def _same_campaign(shorter: str, longer: str) -> bool:
    """One campaign named twice: with its kind (`“全民消防我体验”` / `…宣传活动`) or
    its place or number (`草原生态保护专项整治行动` / `那曲市草原…`,
    `萨迦县农牧民冬季运动会` / `萨迦县第三届…`). A qualifier makes another one
    (`行业乱点乱象专项整治` / `交通运输行业乱点乱象专项整治`)."""
    if longer.startswith(shorter) or _numbered(shorter, longer):
        return True
    head, _, rest = longer.rpartition(shorter)
    return not rest and bool(head) and bool(_SAME_HEAD.fullmatch(head))


def shorter_name_of(name: str, other: str) -> bool:
    """Is `name` a shorter form of `other`, the same campaign (marks aside)?
    `‘四下基层’` of `“四下基层”工作机制`; not `行业乱点乱象专项整治` of
    `交通运输行业乱点乱象专项整治`, another campaign.

    >>> shorter_name_of("‘四下基层’", "“四下基层”工作机制")
    True
    """
    short, long = normalize(name, drop_quotes=True), normalize(other, drop_quotes=True)
    return len(short) < len(long) and _same_campaign(short, long)


# The kinds of a drive a headline may name for the body's: `…专项检查` / `…专项整治行动`.
_DRIVE_KIND = re.compile("(?:专项)?(?:检查|抽查|排查|整治|治理|执法|监测|行动)+")
_DRIVE_END = re.compile(_DRIVE_KIND.pattern + "$")


def _same_drive(headline: str, body: str) -> bool:
    """Does a headline name the body's drive by another qualifier of its field
    (`养老机构安全隐患专项整治` / `冬季安全隐患专项整治`, `“清单式”涉企收费专项整治` /
    `涉企违规收费专项整治`): the same kind of drive, over two or more words of one field?"""
    kind = _DRIVE_END.search(headline)
    if kind is None or len(kind[0]) < 2:
        return False
    shared = 0  # the characters both end with
    for a, b in zip(reversed(headline), reversed(body), strict=False):
        if a != b:
            break
        shared += 1
    return shared >= len(kind[0]) + 2


def _headline_form(headline: str, body: str) -> bool:
    """Is `headline` a headline's short form of `body`: its words in the body's name in
    order (`“计量惠民”活动` of `“计量惠民 服务民生”主题活动`, `…壁画保护修复工程` of
    `…壁画抢救性保护修复工程`), the same drive by another of its kinds
    (`春季药品安全专项检查` of `春季药品安全专项整治行动`) or of its qualifiers
    (`_same_drive`)? Quotes and spaces aside."""
    if _same_drive(headline, body):
        return True
    if len(headline) < 5 or len(headline) >= len(body) or headline[:2] not in body:
        return False
    # The body may name the drive with `行动` after it: `道路交通安全专项整治` of
    # `道路交通安全“百日攻坚”专项整治行动`.
    drive = _DRIVE_END.search(headline) is not None and body.endswith(headline[-2:] + "行动")
    if headline[-1] == body[-1] or drive:
        rest = iter(body[body.index(headline[:2]) :])
        if all(char in rest for char in headline):
            return True
    pairs = enumerate(zip(headline, body, strict=False))
    common = next((i for i, (a, b) in pairs if a != b), len(headline))
    return (
        common >= 6
        and bool(_DRIVE_KIND.fullmatch(headline[common:]))
        and bool(_DRIVE_KIND.fullmatch(body[common:]))
    )


def _theme_of(headline: str, body: str, body_head: str | None) -> bool:
    """Does a headline name by its topic the activity the body names by its quoted theme,
    the kind the same (`森林防火主题党日活动` / `“守护绿水青山 争当防火先锋”主题党日活动`)?"""
    if body_head is None or _QUOTED_HEAD.match(headline):
        return False
    kind = body[len(body_head) :]
    return len(kind) >= 4 and headline.endswith(kind) and len(headline) > len(kind)


def _theme_field(headline: str, body: str, body_head: str | None) -> bool:
    """Does a headline name by its field the drive or activity the body names by its quoted
    theme, four characters of the field shared and the kind alike (`旅游旺季道路交通安全集中整治` /
    `“平安旅途”道路交通安全专项行动`, `普法宣传进乡村活动` / `“法润波密 和谐同行”普法宣传活动`)?"""
    if body_head is None or _QUOTED_HEAD.match(headline):
        return False
    headline, kind = normalize(headline), normalize(body[len(body_head) :], drop_quotes=True)
    alike = (headline.endswith("活动") and kind.endswith("活动")) or bool(
        _DRIVE_END.search(headline) and _DRIVE_END.search(kind)
    )
    return alike and any(headline[k : k + 4] in kind for k in range(len(headline) - 3))


def _headline_theme(headline_head: str | None, body_head: str | None) -> bool:
    """Does a headline open with the quoted words the body's name opens with, or with the
    first of them, whatever kind it puts after (`“家门口”招聘会` / `“家门口”就业招聘活动`,
    `“青春植绿”志愿服务` / `“青春植绿 助力美丽阿里”志愿服务活动`)?"""
    if headline_head is None or body_head is None:
        return False
    return body_head[1:-1].startswith(headline_head[1:-1])


def headline_form_of(name: str, other: str) -> bool:
    """Is `name` a headline's short form of `other` (`_headline_form`), marks and
    spaces aside: `全国近视防控宣传教育月活动` of `第8个全国近视防控宣传教育月系列活动`?"""
    return _headline_form(normalize(name, drop_quotes=True), normalize(other, drop_quotes=True))


def _title_of(title: str, programme: str) -> bool:
    """The title a programme of creation seeks: `创建全国民族团结进步示范县` of
    `民族团结进步示范创建`; not of `民族团结进步创建`, which seeks no one title."""
    core = programme.removesuffix("创建")
    return (
        title.startswith("创建")
        and core != programme
        and len(core) >= 4
        and (
            (core.endswith(("示范", "模范")) and core in title)
            # A city's title, its rank dropped in a headline or slogan: `创建文明城市` of
            # `全国文明城市创建`.
            or (core.endswith("城市") and core.endswith(title[2:]) and len(title) >= 6)
        )
    )


def _festival_kind_again(name: str, kept: list[Named]) -> bool:
    """Is `name` a festival's kind said again, bare, after its name in marks was read
    (`举办亲子阅读节` after `第三届“书香家庭”亲子阅读节`)? It is that festival, no name of its own.

    >>> _festival_kind_again("邻里文化节", [Named(0, "第三届“石榴红”邻里文化节")])
    True
    """
    return (
        name.endswith("节") and "“" not in name and any(n.name.endswith("”" + name) for n in kept)
    )


def one_per_campaign(found: list[Named], body_start: int = 0) -> list[Named]:
    """The names of `found` (in the order printed, the longest first where several
    start at one place), one per campaign. A name printed inside another is part
    of it. Names before `body_start` are the headline's.

    >>> [n.name for n in one_per_campaign([Named(0, "“两癌”免费筛查"), Named(12, "“两癌”筛查")], 10)]
    ['“两癌”筛查']
    """
    kept: list[Named] = []
    keys: list[str] = []
    bares: list[str | None] = []  # each key without its number in a series
    heads: list[str | None] = []  # the quoted words each kept name opens with
    in_body: list[bool] = []  # whether the body names it too
    reach = -1  # where the furthest of the names read so far ends (all start at or before this one)
    for named in found:
        end = named.at + len(named.name)
        if end <= reach:
            continue  # a name inside another one read there: `藏中电网联网工程` of `阿里与…`
        reach = end
        if _festival_kind_again(named.name, kept):
            continue
        key = normalize(named.name, drop_quotes=True)
        bare, head = _unnumbered(key), _quoted_head(named.name)
        here = named.at >= body_start
        known = next((i for i, k in enumerate(keys) if _one_campaign(key, k, bare, bares[i])), None)
        if known is not None:
            # The event named with its number in the series, or the body's fuller name of
            # the headline's (`第三届职业技能大赛` / `错那市第三届职业技能大赛`).
            if bare == keys[known] or (here and not in_body[known] and len(key) > len(keys[known])):
                keys[known], kept[known] = key, Named(kept[known].at, named.name)
                bares[known], heads[known] = bare, head
            in_body[known] = in_body[known] or here
            continue
        # A title and its programme: one name opens with `创建`, the other ends with it.
        title = (
            next((i for i, k in enumerate(keys) if _title_of(key, k) or _title_of(k, key)), None)
            if key.startswith("创建") or key.endswith("创建")
            else None
        )
        if title is not None:  # one campaign, named by its programme
            if key.endswith("创建"):
                keys[title], kept[title] = key, Named(kept[title].at, named.name)
                bares[title], heads[title] = bare, head
            in_body[title] = in_body[title] or here
            continue
        same = next(
            (
                i
                for i, n in enumerate(kept)
                if _same_quoted(named.name, n.name, head, heads[i])
                or (
                    not in_body[i]
                    and here
                    and (
                        key.endswith(keys[i])
                        or _headline_form(keys[i], key)
                        or _theme_of(n.name, named.name, head)
                        or _headline_theme(heads[i], head)
                        or _theme_field(n.name, named.name, head)
                    )
                )
            ),
            None,
        )
        if same is None:
            keys.append(key)
            bares.append(bare)
            heads.append(head)
            kept.append(named)
            in_body.append(here)
        elif (here and not in_body[same]) or len(named.name) > len(kept[same].name):
            # The body's name over the headline's (`“健康进校园”体检活动` / `…学生健康体检活动`,
            # `“两癌”免费筛查` / `“两癌”筛查`), else the fuller one, where it was named first.
            keys[same], bares[same], heads[same] = key, bare, head
            kept[same] = Named(kept[same].at, named.name)
            in_body[same] = in_body[same] or here
    return kept
