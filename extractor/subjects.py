"""Who opens a clause, as the one it is about: the subject of a verb of saying.

The genre names the one who speaks at the start of a clause, then says what
they do before the verb or the colon: `村民白玛次仁站在自家院子里的水龙头前告诉记者，`,
`项目工程师李海涛在现场向记者介绍了…：`, `次旦一边给客人倒茶一边算账，`.
`attribution.py` asks this module whom such a clause opens with:
- `opening(clause, known)`: the name of the person a clause opens with, from
  the names the text knows (`mentions.py`), a title of one person before a
  name, a person reference and nothing more, or a surname and an honorific;
- `opens_with_whole(clause, speaker, known)`: does it open with that speaker,
  not with part of a longer name the text knows;
- `reference_name(clause)`: the name of a clause that is a person reference
  and nothing more; `person_in(clause, at)`: the person a clause names last,
  `titled_person_in(clause, at)`: the person it names last with a title;
- `trimmed(words, at)`: the words before a verb without their adverbials;
- `spoken_by_opener(clause, speaker, known)`: is a clause credited after a quotation
  one whose subject spoke (`扎西次仁一边用望远镜观察远处的羊群`), not a reference.

Pure and fast: nothing here reads a whole text.

>>> opening("紫金乡卡堆村村民平措站在地头", []), opening("记者在村里见到村民普琼时", [])
('平措', None)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractor.adverbials import without_adverbials
from extractor.common_words import ends_a_word
from extractor.mentions import OPENS, one_persons_title
from extractor.name_ends import name_at
from extractor.persons import (
    AFTER_NAME,
    ends_with_role,
    name_in,
    opens_with,
)
from extractor.roles import KIN, ROLE, ROLES
from extractor.saying import AFTER
from extractor.speech_words import BREAK_CLASS

#: The reporter opening a clause: `记者在村里见到…`, `本报记者问`.
REPORTER = re.compile(r"^(?:本报|拉萨融媒|融媒)?记者")
# A clause opening with a surname and an honorific: `来自重庆的游客陈女士和家人…`.
_HONORED = re.compile(rf"[^{BREAK_CLASS}]{{0,20}}?[\u4e00-\u9fff](?:女士|先生)")
#: How far into a clause the person it opens with may be named, after a description.
LEADING_REACH = 40
#: A singular pronoun opening a clause, as its subject: `她算了一笔账`, `她正在院子里…`,
#: and his words (`他的话很实在：`); not `他们`, `她的女儿`, `他家`.
PRONOUN_SUBJECT = re.compile("^[他她](?![们家]|的(?!话))")


def opening(clause: str, known: list[str]) -> str | None:
    """The name of the person a clause opens with, as the one it is about: a name of
    `known` (the text names it with a title or gives it words), alone or after its
    title or a description (`家住…的格桑曲珍打开水龙头`); a name after the title of one
    person, the title opening the clause or after a description, an organisation or a
    place (`紫金乡卡堆村村民平措站在地头`, `本地医生格桑平措接过话`); a person reference
    and nothing more (`县第二小学教师卓玛拉姆`); a surname and an honorific. Not a
    clause whose subject is the reporter (`记者在村里见到村民普琼时`)."""
    if REPORTER.match(clause):
        return None
    found = [n for n in known if opens_with_whole(clause, n, known, LEADING_REACH)]
    if found:
        return min(found, key=clause.find)
    for m in ROLE.finditer(clause, 0, LEADING_REACH):
        before = clause[: m.start()]
        if not one_persons_title(clause, m.start(), m[0]):
            continue
        if before and before[-1] not in OPENS and not ends_with_role(before):
            continue
        name = name_at(clause, m.end())
        if name is not None and name_in(clause[: m.end() + len(name)]) == name:
            return name
    name = reference_name(clause)
    if name is not None:
        return name
    honored = _HONORED.match(clause)
    return name_in(honored[0]) if honored else None


# A name that runs on into a village's, a township's or a gully's name: `扎西岗村`.
_PLACE_GOES_ON = re.compile("[\u4e00-\u9fff]{1,2}(?:村|乡|镇|沟)(?![民长])")


def opens_with_whole(clause: str, speaker: str, known: list[str], reach: int = 24) -> bool:
    """`persons.opens_with`, unless the speaker there is part of a longer name of `known`
    (`索朗` of `索朗卓玛笑了`).

    >>> opens_with_whole("索朗卓玛笑了", "索朗", ["索朗卓玛"])
    False
    """
    if not opens_with(clause, speaker, reach):
        return False
    at = clause.find(speaker)
    if _PLACE_GOES_ON.match(clause, at + len(speaker)):
        return False  # `扎西` of the village `门巴乡扎西岗村`, a place named after no one
    return not any(len(name) > len(speaker) and clause.startswith(name, at) for name in known)


def reference_name(clause: str) -> str | None:
    """The name of a clause that is a person reference and nothing more: a name alone or
    after its title or a description in 的 (`县第二小学教师卓玛拉姆`, `游客徐女士`,
    `习近平总书记`); not a place (`在帕里镇义诊现场`)."""
    name = name_in(clause)
    at = clause.rfind(name) if name else -1
    if name is None or at < 0:
        return None
    before, rest = clause[:at], clause[at + len(name) :]
    if rest and rest not in AFTER_NAME and rest not in ROLES:
        return None
    if "一边" in before:
        return None  # `格桑旺堆一边展示刚设计好的氆氇手包`: what the subject does meanwhile
    titled = not before or before.endswith("的") or ends_with_role(before)
    return name if titled or name.endswith(("女士", "先生")) or rest else None


def trimmed(words: str, at: int) -> tuple[str, int]:
    """The words without spaces around them and without the adverbials before a verb
    (`平措兴奋地`, `徐女士在便签`), nor the one a named person speaks to (`科长王海涛对项目
    负责人`); `at` moved with their start."""
    stripped = words.lstrip()
    words_before = without_listener(without_adverbials(stripped.rstrip()))
    return without_deed(words_before), at + len(words) - len(stripped)


# Whom a person speaks to, between the name and the verb: `对项目负责人`, `向前来回访的
# 镇干部`, `跟村民们`; the words end with a person or a group, never a topic (`对此`).
_LISTENER = re.compile(
    "(?:对|向|跟|给)[^对向跟给]{0,16}?(?:们|人员|干部|群众|村民|牧民|居民|负责人|游客|学生"
    "|孩子|家长|工人|老人|代表|同事|客人|顾客|户主|专家|记者)$"
)


def without_listener(words: str) -> str:
    """The words before a verb without whom a named person speaks to:
    `市住建局质量安全科科长王海涛对项目负责人` → `市住建局质量安全科科长王海涛`; the words
    of a clause that names no one before them stay whole (`消防员对户主`).

    >>> without_listener("科长王海涛对项目负责人"), without_listener("消防员对户主")
    ('科长王海涛', '消防员对户主')
    """
    m = _LISTENER.search(words, 2)
    if m is None:
        return words
    head = words[: m.start()]
    name = name_in(head)
    return head if name is not None and len(name) >= 2 and head.endswith(name) else words


# A surname and an honorific: `李师傅`, `徐女士`, `王大爷`.
_HONORED_NAME = re.compile("[\u4e00-\u9fff](?:女士|先生|师傅|老师|大姐|大哥|阿姨|大爷|大妈)")


def without_deed(words: str) -> str:
    """The words before a verb without what a person named by surname and honorific
    does, when a name read past it is no one's: `务工人员李师傅拿到工资后` →
    `务工人员李师傅` (not `资后`). The honorific ends the name, as it does before
    `一边…`, `指着…` (7 times after a quotation on the development pages, the speaker
    each time); not before a word that goes on the reference (`李师傅的徒弟`, `王女士和…`).

    >>> without_deed("务工人员李师傅拿到工资后"), without_deed("游客徐女士")
    ('务工人员李师傅', '游客徐女士')
    """
    m = _HONORED_NAME.search(words)
    if m is None or m.end() == len(words) or words[m.end()] in "的家们和与及":
        return words
    head = words[: m.end()]
    name = name_in(head)
    if name is None or not head.endswith(name) or name_in(words) in (None, name):
        return words
    return head if name_at(words, m.start()) == name else words


def person_in(clause: str, at: int) -> tuple[str, int] | None:
    """The person a clause names last, with the words before it: in
    `对照中央第十二巡回指导组廉毅敏组长到墨竹工卡县调研时提出的`, the clause up to
    `廉毅敏组长`."""
    if name_in(clause) is not None:
        return clause, at
    for m in reversed(list(ROLE.finditer(clause))):
        head = clause[: m.end()]
        if name_in(head) is not None:
            return head, at
    return None


def titled_person_in(clause: str, at: int) -> tuple[str, int] | None:
    """The person a clause names last with a title, with the words before it: the
    clause up to the title after a name (`…指导组廉毅敏组长`), or up to the name after
    the title of one person (`…调研组组长顿珠旺堆`); None for a clause that names a
    noun's rule, not a person's (`严格落实校园安保`).

    >>> titled_person_in("对照调研组组长顿珠旺堆到色尼区调研时提出的", 0)
    ('对照调研组组长顿珠旺堆', 0)
    """
    person = person_in(clause, at)
    if person is not None and ends_with_role(person[0]):
        return person
    for m in reversed(list(ROLE.finditer(clause))):
        name = name_at(clause, m.end())
        if name is None or not one_persons_title(clause, m.start(), m[0]):
            continue
        if ends_a_word(clause, m.start(), 1):
            continue  # `护工` of `生态保护工作会议`: no title, the end of a word
        head = clause[: m.end() + len(name)]
        if name_in(head) == name:
            return head, at
    return None


def pronoun_first(who: str, at: int) -> tuple[str, int]:
    """The pronoun that opens the words before a verb of saying after a quotation, when
    the rest tells only how the person speaks (`他用不太流利的汉语`), else the words.
    Not someone's kin (`她女儿`), nor words that name a person (`她和村民扎西`) or people
    by what they do (`他身边的工作人员`).

    >>> pronoun_first("他用不太流利的汉语", 5), pronoun_first("她女儿", 5)
    (('他', 5), ('她女儿', 5))
    >>> pronoun_first("他身边的工作人员", 5)
    ('他身边的工作人员', 5)
    """
    if (
        len(who) > 1
        and PRONOUN_SUBJECT.match(who)
        and not who[1:].startswith(KIN)
        and ROLE.search(who, 1) is None
        and name_in(who) is None
    ):
        return who[0], at
    return who, at


def spoken_by_opener(clause: str, speaker: str, known: Callable[[], list[str]]) -> bool:
    """Is a clause printed before the verb after a quotation one whose subject spoke, a
    name that opens it going on with what the person does (`扎西次仁一边用望远镜观察远处的
    羊群`, `拉姆·古隆用不太流利的汉语`), rather than a person reference? The name is one
    the text knows (`known`, asked only then), or the speaker's, printed whole there.

    >>> spoken_by_opener("拉姆·古隆用不太流利的汉语", "拉姆·古隆", list)
    True
    >>> spoken_by_opener("拉姆·古隆用不太流利的汉语", "拉姆", list)
    False
    """
    if name_in(clause) is not None or REPORTER.match(clause):
        return False
    if opening(clause, []) is not None:  # a reading that needs no known name: ask none
        return True
    if speaker and clause.startswith(speaker) and name_at(clause, 0) == speaker:
        return True
    if len(clause) < 2:
        return False  # `的`: no known name fits, `opens_with` finding one of 2 characters or more
    names = known()  # `opening` with `known` differs only by the known names it finds
    return any(opens_with_whole(clause, n, names, LEADING_REACH) for n in names)


def said_at_end(rest: str) -> tuple[str, int, str] | None:
    """The one whose verb of saying ends the words after a quotation, in a clause of its
    own after words of when or where, where it stands and how it says: the person the
    sentence gives the quotation to (`骑手边巴次仁`, not `11月的日喀则`).

    >>> said_at_end("11月的日喀则，在驿站里，骑手边巴次仁捧着一杯热水说")
    ('骑手边巴次仁', 13, '说 at the end of the sentence')
    """
    begin = max(rest.rfind(c) for c in "，,；;：:") + 1
    m = AFTER.match(rest, begin) if begin > 0 else None
    if m is None or m.end() != len(rest.rstrip()):
        return None
    who, at = trimmed(m["who"], m.start("who"))
    return (who, at, f"{m['verb']} at the end of the sentence") if who else None
