"""Person references as the genre prints them: `柳梧街道办事处人大专干索朗拉姆`.

A speaker is a person reference as printed: a name (`占堆`), a name with its
title (`市委常委、常务副市长占堆`), a name before its role (`习近平总书记`,
`廉毅敏组长`), or an identified person (`游客徐女士`, `牧民扎西`,
`西增拉姆小朋友`). It is never a pronoun (`他`), a title alone (`委员`), a
group (`干部职工`, `群众`), an organisation (`市气象台`), or a fragment of a
sentence (`一边`, `群众来`) or of a name (`拉姆` of `索朗拉姆`).

This module knows the vocabulary (titles, roles, honorifics, words that are
no one) and answers two questions, purely and quickly:
- `not_a_person(speaker)`: why a speaker is no person reference, if it is not;
- `names(reference, speaker)`: does a reference printed in the article name
  that speaker (`局长次仁卓嘎` names `次仁卓嘎`, not `卓嘎`)?
"""

from __future__ import annotations

import functools
import re

from extractor.adverbials import without_adverbials
from extractor.alternation import Vocabulary
from extractor.common_words import (
    COMPOUND_SURNAMES,
    TIBETAN_NAME_PARTS,
    common_word_at,
    is_surname,
    name_goes_on,
    opens_with_common_word,
    opens_with_surname,
    proper_noun,
)
from extractor.name_words import holds_a_long_word, holds_a_shorter_word, word_tagged_a_name
from extractor.rare_words import rare_verb, rarer_word
from extractor.roles import OFFICE_TITLES, ROLES, past_head
from extractor.speech_words import ACTIONS, FOLLOWERS, VERBS
from extractor.textindex import normalize
from extractor.unit_aliases import without_alias

_CN = "\u4e00-\u9fff"


#: Words said after a name: `西增拉姆小朋友`, `徐女士`, `王老师`.
AFTER_NAME = (
    *("小朋友", "同学", "同志", "老人", "大爷", "大妈", "阿姨", "奶奶", "爷爷", "师傅"),
    *("阿妈", "阿爸", "阿佳", "大叔", "大哥", "大姐", "大嫂", "啦"),  # 卓玛阿妈, 扎西啦
)
#: A surname with an honorific is an identified person: `徐女士`, `老王`, `小李`.
_HONORIFIC = re.compile(
    rf"^[{_CN}](?:女士|先生|老师|师傅|大姐|大哥|阿姨|大爷|大妈)$|^[老小][{_CN}]$"
)
#: Words that are no one's name: pronouns, groups, organisations and documents.
PRONOUNS = ("他们", "她们", "我们", "大家", "他", "她", "其", "我", "你", "您", "有人", "对方")
_GROUPS = re.compile(
    r"(?:们|大家|群众|干部职工|党员干部|居民群众|村民们|各族群众|代表们|人员|有关负责人|相关负责人"
    r"|一致|纷纷|普遍)$"
)
ORGANISATION = re.compile(
    r"(?:会议|会上|全会|报告|文件|通知|意见|方案|规划|纲要|部门|单位|机关|局|委|台|站|办|中心|政府"
    r"|公司|集团|医院|学校|协会|组织|党委|党组|支部|委员会|会|大队|支队|中队|派出所|法院|检察院|所|院"
    r"|厅|处|科|室|社区|街道|村委会|居委会|新华社|报社|媒体|网站|研究院|馆|机场"
    r"|队|社|组"  # a team, a cooperative, a group: 驻村工作队, 合作社, 监察组 (never `察组`)
    r"|协|联|部"  # an association shortened (市消协, 县妇联), a department (宣传部)
    r"|区|县|市|镇|乡|州|省|旗)$"  # a place: 乃东区, 林周县
)
#: Characters a title ends with, before a name: 局长, 网格员, 负责人, 教师, 村民…;
#: and those an organisation ends with (`市气象台张三`), and 的, 、. (Not the 尼 of 僧尼, a
#: group's title: it opens the name 尼玛, `安全监管员尼玛拉姆`.)
TITLE_ENDS = set(
    "长员人师生者户民客士手工官家主警兵记书任理表事干部监演席委裁导医授机游军练板亲夫子儿学友商贩"
    "妈爸姐哥弟妹嫂叔姨婶伯爷奶娘婆妇女众僧匠农助"
    "局办会队站所村乡镇县区市州省厅院司组处科室社道心团校馆园场厂店行台署网企营连排班"
    "的、，,"
)
_LATIN = re.compile("^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f.'·-]{1,40}$")
#: The dots that join the parts of a name written from Uyghur, Kazakh or another
#: language (`买买提·艾力`), in the styles the pages print them.
NAME_DOTS = "·•・‧∙"
_DOTTED = re.compile(rf"^[{_CN}]{{1,8}}(?:[{NAME_DOTS}][{_CN}]{{1,8}}){{1,3}}$")
_DOTTED_TAIL = re.compile(rf"(?:[{NAME_DOTS}][{_CN}]{{1,8}}){{1,3}}$")
_NAME = re.compile(rf"^[{_CN}]{{2,6}}$|{_DOTTED.pattern}|{_LATIN.pattern}")
# Characters no name holds: particles, connectives, verbs of the sentence, a pronoun (`问他`).
_NOT_IN_NAME = set("的了们着说这那每各该此把被是在等及或对他她")
# An auxiliary verb no surname shares, or one or 边 (`一边`) before a preposition, opens what
# one does, never a name: `会为他们辅导`, `边向记者算账`, `市民可免费借阅`, `要注意添衣`.
_DOES_TO = re.compile("^(?:[会能要将边][为向给对跟替帮]|[可要均仍会])")


def _key(text: str) -> str:
    return normalize(text, drop_quotes=True)


_TITLES = Vocabulary(ROLES)


@functools.lru_cache(maxsize=4096)
def _role_at_end(text: str) -> str | None:
    return _TITLES.ending(text)


def ends_with_role(words: str) -> bool:
    """Do the words end with a title or role (`…村民`, `…青年教师`)?"""
    return _role_at_end(words[-8:]) is not None


def _role_at_start(text: str) -> str | None:
    return _TITLES.opening(text)


@functools.lru_cache(maxsize=4096)
def looks_like_name(word: str) -> bool:
    """`占堆`, `格桑赤列`, `西增拉姆`: 2–6 characters, none of a sentence's glue (or a
    name in Latin letters, its spaces dropped as records are matched)."""
    return bool(_NAME.match(word)) and not (_NOT_IN_NAME & set(_without_name_parts(word)))


def _without_name_parts(word: str) -> str:
    """The word without the halves of Tibetan names whose characters are also glue
    (此 of `此里卓玛`, 那 of `斯那拉姆`), each where no word runs out of it (not the
    此 of `此里程碑`)."""
    for part in TIBETAN_NAME_PARTS:
        at = word.find(part)
        if at >= 0 and common_word_at(word, at + 1) is None:
            word = word[:at] + word[at + len(part) :]
    return word


# Who works a crop, before a given name of two: `盐农卓嘎`, `茶农达瓦` are 卓嘎, 达瓦.
_LAND_TITLE = re.compile(rf"^[{_CN}]农[{_CN}]{{2}}$")
# A verb of taking a post, before it: `在电站当保洁员`, `自从当上护路员`.
_TAKES_A_POST = re.compile("(?:当|当上|当了|当起|担任|成为|出任)$")
# Words of place ending what follows 的: `院子里的水龙头前` is where, not who.
_PLACE_WORDS = tuple("前后里旁边上下内外")


@functools.lru_cache(maxsize=4096)
def name_in(reference: str) -> str | None:
    """The name a person reference holds, or None if it holds none.

    `柳梧街道办事处人大专干索朗拉姆` → `索朗拉姆`; `游客徐女士` → `徐女士`;
    `习近平总书记` → `习近平`; `西增拉姆小朋友` → `西增拉姆`; `占堆` → `占堆`;
    `出租车司机王师傅` → `王师傅`;
    `市气象台`, `委员`, `他` → None.
    """
    ref = _key(reference)
    for word in AFTER_NAME:
        if ref.endswith(word) and len(ref) > len(word) + 1:
            addressed = ref[-len(word) - 1 :]
            ref = ref[: -len(word)].removesuffix("的")
            described = _role_at_end(ref[:-1]) is not None or ref[:-1].endswith("的")
            if is_surname(ref[-1]) and described:
                return addressed  # `出租车司机王师傅`, `住了20多年的陈大爷`: how one addresses him
            break
    honorific = re.search(rf"[{_CN}](?:女士|先生)$", ref)
    if honorific:
        # A surname and an honorific (`游客徐女士`), or a given name and one: `牧民尼玛女士`.
        given = None if is_surname(honorific[0][0]) else name_in(ref[: honorific.start() + 1])
        if given is not None and ref[: honorific.start() + 1].endswith(given):
            return given + ref[honorific.start() + 1 :]
        return honorific[0]
    if _DOTTED_TAIL.search(ref) or _DOTTED_TAIL.search(ref[: -len(_role_at_end(ref) or "")]):
        return _name_in_parts(ref)
    # The name after the last title (`…副局长米玛琼达`) or 的 (`木如社区的西增拉姆`).
    best = ref.rfind("的") + 1 or None
    role_end = past_head(ref, _TITLES.last_end(ref))  # `厨师长陈军`: the head cook
    if role_end is not None and (best is None or role_end > best):
        best = role_end
    if best is not None and best < len(ref):
        name = ref[best:]
        place = ref[best - 1] == "的" and name.endswith(_PLACE_WORDS)
        if looks_like_name(name) and _ok_name(name) and not place and _whole(name):
            return name
        return None if place else _after_unknown_title(name)
    # A name before its role: `习近平总书记`, `廉毅敏组长`.
    last_role = _role_at_end(ref)
    if last_role is not None:
        head = ref[: -len(last_role)]
        if head and common_word_at(ref, len(head) - 1) is not None:
            return None  # a role cut from a word: `护工` of `生态保护工作`, `商户` of `个体工商户`
        if ORGANISATION.search(head) or _TAKES_A_POST.search(head):
            return (
                None  # `县委办公室负责人`, `自从当上护路员`: no one named (never `公室`, `从当上`)
            )
        titled = _TITLES.last_end(head)
        if titled is not None and 2 <= len(head) - titled <= 4:
            # A title on either side (`班主任李娜老师`): the name is what stands between,
            # never read across the title before it (`任李娜`).
            name = head[titled:]
            if looks_like_name(name) and _ok_name(name):
                return name
        for size in (3, 2, 4):
            name = head[-size:]
            if len(name) == size and looks_like_name(name) and _ok_name(name):
                return name
        return None
    if _HONORIFIC.match(ref):
        return ref
    if looks_like_name(ref) and (len(ref) <= 4 or _foreign(ref)) and _ok_name(ref):
        return ref if not _LAND_TITLE.match(ref) else _after_unknown_title(ref)
    if long_name(ref):
        return ref
    return _after_unknown_title(ref)


# What follows a name, never inside a long one: `洛桑扎西正忙着…` is 洛桑扎西.
_NOT_IN_LONG_NAME = frozenset(FOLLOWERS + ACTIONS)


@functools.lru_cache(maxsize=4096)
def long_name(word: str) -> bool:
    """A name of five or six characters, as Tibetan names are written (`次仁多布杰`,
    `阿旺次仁多吉`): no word of the language anywhere in it, where a piece of a
    sentence holds one (`扎西满脸笑`, `格桑旺姆今年`)."""
    return (
        5 <= len(word) <= 6
        and looks_like_name(word)
        and _ok_name(word)
        and not _LATIN.match(word)
        and not any(verb in word for verb in _SAYING)
        and _role_at_start(word) is None
        and (not person_name(word[:4]) or name_goes_on(word[4:]))
    )


def _whole(name: str) -> bool:
    """A name of five or six after its title is a long name (`次仁多布杰`), not a name of
    four and what the person does (`达娃次仁原`)."""
    return len(name) <= 4 or _foreign(name) or long_name(name)


def _after_unknown_title(ref: str) -> str | None:
    """The name after a title the vocabulary lacks, ending as titles and organisations
    end: `店员艾哈迈德`, `化学研究院佘万能`, `文职人员王孜`; a name in parts runs over
    its dots (`维修工买买提·艾力`, never `艾力`)."""
    tail = _DOTTED_TAIL.search(ref)
    rest = tail[0] if tail is not None else ""
    head = ref[: len(ref) - len(rest)]
    for size in range(2, 7) if rest else (2, 3, 4):
        name = head[-size:] + rest
        if (
            len(head) > size
            and head[-size - 1] in TITLE_ENDS
            and looks_like_name(name)
            and _ok_name(name)
        ):
            return name
    return None


def _name_in_parts(ref: str) -> str | None:
    """The name in parts a dot joins that a reference holds, whole: after its title,
    known or not, or before its role (`首趟专线司机买买提·艾力`, `维修工买买提·艾力`,
    `买买提·艾力书记` → `买买提·艾力`), never its last part alone."""
    role = _role_at_end(ref)
    if role and _DOTTED_TAIL.search(ref[: -len(role)]):
        ref = ref[: -len(role)]
    tail = _DOTTED_TAIL.search(ref)
    if tail is None:
        return None
    ref = ref[
        max(ref.rfind("的", 0, tail.start()) + 1, _TITLES.last_end(ref[: tail.start()]) or 0) :
    ]
    if _after_unknown_title(ref):
        return _after_unknown_title(ref)
    return ref if _DOTTED.match(ref) and _ok_name(ref) else None


def in_parts(name: str) -> bool:
    """Is the name written in parts a dot joins (`买买提·艾力`, `阿依古丽•吐尔逊`)? Its
    parts sound it out, and may read as common words (`买买提`)."""
    return bool(_DOTTED.match(name))


def _foreign(name: str) -> bool:
    """A name in Latin letters, or in parts a dot joins (`买买提·艾力`)."""
    return bool(_LATIN.match(name) or _DOTTED.match(name))


def _ok_name(name: str) -> bool:
    """Is a word of a name's shape no pronoun, group, organisation, adverbial or word of
    the language?"""
    if _DOTTED.match(name):
        # Its parts sound the name out, each a word of the language or none (`买买提`),
        # where a slogan's parts are words (`青春志愿·温暖珠峰`).
        return not (
            any(holds_a_shorter_word(part) for part in re.split(f"[{NAME_DOTS}]", name))
            or _GROUPS.search(name)
            or ORGANISATION.search(name)
            or _role_at_end(name) is not None
            or without_adverbials(name) != name
        )
    return not (
        _conjunction_ends(name)
        or name[0] in "比为"  # a preposition: `比上一届增长` (323 clauses), `为守住水源安全`
        or name[-1] == "得"  # a complement's 得, cut from it (`机都用得` of `…都用得不熟练`)
        or _DOES_TO.match(name) is not None
        or name in PRONOUNS
        or _GROUPS.search(name)
        or ORGANISATION.search(name)
        or without_adverbials(name) != name
        or _role_at_end(name) == name
        or opens_with_common_word(name)  # `就业`, `讲解竹编`: words, not names
        or (len(name) >= 3 and common_word_at(name) == name)  # `高血压`, though 高 is a surname
        or _word_inside(name)
        or holds_a_long_word(name)  # `骑摩托车` (摩托车), `患糖尿病`: words of a sentence
        or word_tagged_a_name(
            name
        )  # `养老` of `城乡居民养老保险`, a word the dictionary tags a name
        or rarer_word(name)
        or rare_verb(name)
    )


def _conjunction_ends(name: str) -> bool:
    """Does the name end with 和 or 与 and open with no surname: the words before a
    second verb or noun joined to the first (`摸排和` of `…的摸排和提醒`), where a Han
    name that ends so opens with its surname (`李和`, `王振和`)?"""
    return name[-1] in "和与" and not is_surname(name[0])


def _word_inside(name: str) -> bool:
    """Does a name of three characters or more hold a word of the language where a name
    does not: `扎西举例` (举例), `扎西一脸自豪`, `要按照`? (`格桑旺姆`, `尼玛扎西`,
    `次仁多布杰` hold none, nor `阿旺久美`, whose 久美 is a proper noun; a Han name of
    three may, `李建华`, and one of four with a surname of two, `司徒建国`.)"""
    if _LATIN.match(name) or len(name) < 3:
        return False
    if len(name) == 3:  # `要按照` (按照), unless a surname opens it: `王建国`, `和志军`
        second = common_word_at(name, 1)
        return not opens_with_surname(name) and second is not None and not proper_noun(second)
    if len(name) == 4:
        if name.startswith(COMPOUND_SURNAMES):
            return False  # a surname of two and a given name that may be a word: `司徒建国`
        second = common_word_at(name, 2)
        return second is not None and not proper_noun(second)
    return bool(set(name) & _NOT_IN_LONG_NAME) or any(
        common_word_at(name, at) for at in range(1, len(name) - 1)
    )


_SAYING = tuple(verb for verb in VERBS if len(verb) > 1)
# A pronoun, a preposition, an adverb or a verb of saying opens no name: `她告诉`, `从最初`,
# `都能`, `讲起` (of `为牧民讲起`); nor the 中 of a group's members, after its title (`学生中已有
# 5人`: 15 readings of the pages, none a name), nor 守 (`边民守边的故事`: 2, none a name).
_NOT_OPENING_NAME = tuple("他她从在对把将给与和被是有也还都又就已刚正每今讲说中守")
# What a group's share or count is called, after the group where a name would stand
# (`中青年传承人占比达到41.2%`), some of it no word of the dictionary.
_SHARE_WORDS = ("占比", "比例", "比重", "人数", "总数")


@functools.lru_cache(maxsize=4096)
def person_name(word: str) -> bool:
    """Can `word`, found where a name stands, be one: `索朗`, `周敏`, `格桑旺姆`; not a
    verb of saying (`介绍`), a pronoun and a verb (`她告诉`), a group, an organisation,
    a place or an adverbial (`群众`, `部门`, `乃东区`, `常年`).

    >>> person_name("索朗"), person_name("介绍"), person_name("乃东区")
    (True, False, False)
    """
    return (
        looks_like_name(word)
        and _ok_name(word)
        and not word.startswith(_NOT_OPENING_NAME)
        and not word.startswith(_SHARE_WORDS)
        and not any(verb in word for verb in _SAYING)
    )


@functools.lru_cache(maxsize=4096)
def not_a_person(speaker: str) -> str | None:
    """Why `speaker` is no person reference as printed, or None if it is one.

    >>> not_a_person("一边")
    'speaker "一边" is a fragment of a sentence, not a person'
    """
    key = _key(speaker)
    if key in PRONOUNS or key.rstrip("们") in PRONOUNS:
        return f'speaker "{speaker}" is a pronoun, not a person as printed'
    if (
        key in _TITLES
        or key in AFTER_NAME
        or ((_GROUPS.search(key) or _MANY.match(key)) and name_in(key) is None)
    ):
        return f'speaker "{speaker}" is a title or a group, not a named person'
    if name_in(key) is None:
        if ORGANISATION.search(key):
            return f'speaker "{speaker}" is an organisation, a place or a document, not a person'
        return f'speaker "{speaker}" is a fragment of a sentence, not a person'
    return None


# An office one person holds: `…局长`, `…负责人`, a chief (`首席预报员`).
_OFFICE = re.compile(f"(?:长|{OFFICE_TITLES})$|^首席")
# Words that make the holders of an office many: `不少合作社负责人说`, `多名村干部表示`.
_MANY = re.compile("^(?:不少|许多|很多|一些|部分|多位|多名|众多|广大|诸多|几位|数位|数名|一批)")


def office_named(reference: str, speaker: str) -> bool:
    """Is the speaker an office the reference prints with no name (`市长在调研中强调`,
    `泽州市市长表示`, `市住建局相关负责人介绍`), or the staff member of one unit printed
    with it (`县文旅局工作人员介绍`)? One person is meant, and the article names them no
    better; a title cut from a named reference (`委员` of `党工委委员徐海`) is not, nor
    a title alone (`工作人员`), nor the officials of several units (`各单位相关负责人`), nor
    many holders of an office (`不少合作社负责人`)."""
    ref, who = _key(reference), _key(speaker)
    return (
        bool(who)
        and ref.endswith(who)
        and (who in _TITLES or _role_at_end(who) is not None)
        and name_in(ref) is None
        and not _MANY.match(ref)
        and (_unit_official(who) or (bool(_OFFICE.search(who)) and not _GROUPS.search(ref)))
    )


def _unit_official(reference: str) -> bool:
    """`市住建局相关负责人`, `市教育局相关负责同志`, `县文旅局工作人员`: the official or
    the staff member of one unit, printed with it."""
    role = _role_at_end(reference) or ""
    unit = without_alias(reference[: -len(role)], ORGANISATION) if role else ""
    return (
        role.endswith(("负责人", "负责同志", "工作人员"))
        and bool(ORGANISATION.search(unit))
        and "等" not in unit
        and not unit.startswith("各")
    )


@functools.lru_cache(maxsize=4096)
def names(reference: str, speaker: str) -> bool:
    """Does `reference`, printed as the one who says some words, name `speaker`?

    The speaker may be the reference itself, its name, or its name with part of
    its title; never a part of the name (`卓嘎` of `局长次仁卓嘎`) nor the title
    alone. `习近平总书记` names `习近平`; `游客徐女士` names `徐女士`.
    """
    ref, who = _key(reference), _key(speaker)
    if not who:
        return False
    name = name_in(ref)
    if name is not None and name == who:
        return True  # the name the reference prints (`书记次仁多布杰`: `次仁多布杰`)
    if not_a_person(who):
        return False
    if ref == who:
        return True
    at = ref.find(who)
    while at >= 0:
        before, after = ref[:at], ref[at + len(who) :]
        if _ends_cleanly(who, after) and _starts_cleanly(who, before, name):
            return True
        at = ref.find(who, at + 1)
    return False


def opens_with(clause: str, speaker: str, reach: int = 24) -> bool:
    """Does the clause open with `speaker`, alone or after its title or description
    (`村民卓玛满脸笑容`, `次仁充满信心`, `80岁的老党员多吉紧紧`), as the one it is about,
    named within `reach` characters of its start? Not when the speaker is a possessor
    (`扎西的妻子卓玛`), nor a 和 between two groups (`和驻村` of `乡干部和驻村工作队员`).

    >>> opens_with("村民卓玛满脸笑容", "卓玛"), opens_with("扎西的妻子卓玛", "扎西")
    (True, False)
    """
    at = clause.find(speaker) if len(speaker) >= 2 else -1
    after = clause[at + len(speaker) :]
    possessor = after.startswith("的") and bool(_role_at_start(after[1:]) or name_in(after[1:]))
    joined = speaker[:1] in "和与及同跟" and ends_with_role(clause[:at]) and _role_at_start(after)
    return (
        0 <= at <= reach
        and names(clause[: at + len(speaker)], speaker)
        and not (possessor or joined)
    )


def _ends_cleanly(who: str, after: str) -> bool:
    """Nothing of a name follows: the reference ends, or a role or an honorific does."""
    if not after:
        return True
    return (
        _role_at_start(after) is not None
        or after.startswith(AFTER_NAME)
        or after.startswith(("和", "与", "及", "、"))  # 卓嘎和扎西说: two speakers
        # 扎西的 is his, unless it opens another person (`拉巴的妻子格桑卓玛`)
        or (after.startswith("的") and name_in(after[1:]) is None)
        or not without_adverbials(after)
    )


def _starts_cleanly(who: str, before: str, name: str | None) -> bool:
    """Nothing of a name comes before: a title, an organisation, or nothing."""
    if not before or before[-1] in TITLE_ENDS or _role_at_end(before):
        return True
    # A speaker that carries a title of its own (`专干索朗拉姆`) starts where it likes.
    if name is not None and who.endswith(name) and len(who) > len(name):
        return True
    # A name before its role may follow anything (`贯彻落实习近平总书记`).
    return name is not None and who == name and name_in(who) == who
