"""Who says a quote, as a quote prints them: a name, a title, or an office.

`attribution.py` says whom an article credits with some words; here the rules
decide what of that is a speaker (`credited`), and, when the attribution reads
no one, whether a person named next to the words is one the article credits
(`named_near`, asked of the checker's own judgement of a speaker).

A speaker is a name as printed (`罗布次仁`, `徐女士`), or for an official the
article names by office only, the office (`市住建局相关负责人`). What the
attribution reads where a name stands is checked to be one: it opens with no
common word and no word runs into it (`讲解竹编`, `做法`, `作报告中` are no one),
and a title the vocabulary lacks is read off it (`女工卓玛` → 卓玛).

>>> from extractor.attribution import Speech
>>> speech = Speech("“路修好了。”正在帮厨的村民央拉说。")
>>> credited(speech.credit(1, 6), speech, True)
Speaker(name='央拉', title='村民')
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import islice

from extractor.alternation import alternation
from extractor.anaphors import OLD_NOUN
from extractor.attribution import Credit, Speech
from extractor.check_speech import speaker_reasons
from extractor.common_words import LONGEST, is_surname
from extractor.extract.words import (
    common_words,
    holds_common_word,
    is_boundary,
    opens_with_common_word,
)
from extractor.mentions import one_persons_title
from extractor.models import Quote, Span
from extractor.name_ends import DONE_AT, cut_short, name_at, name_in_parts_at
from extractor.offices import office_from_place
from extractor.persons import (
    ends_with_role,
    in_parts,
    name_in,
    not_a_person,
    office_named,
    opens_with,
    person_name,
)
from extractor.roles import ROLE, ROLE_PATTERN, ROLES
from extractor.speech_words import BREAK, FOLLOWERS, VERB
from extractor.stops import first_of, last_of
from extractor.subjects import opening
from extractor.word_cuts import known_past_cut

_ROLE_AT_END = re.compile(f"{ROLE_PATTERN}$")
# Roles of a unit's people, printed after the unit, never after a person's name.
_GROUP_AFTER = re.compile(
    "(?:工作人员|人员|志愿者|群众|干部|职工|员工|党员|居民|村民|牧民|游客|市民|学生|代表)$"
)
# The officials of several units, a group: `各乡镇负责人`, `住建、交通等部门负责人`; many
# of a kind (`不少家长说`, `许多经营户表示`: 家长 ends as an office does, and is none).
_SEVERAL = re.compile(r"^(?:各|多个|部分|有关|相关|不少|许多|很多|一些|众多)|等|们")
# An office of a unit the article leaves unnamed, `一家药店负责人`, `错那市一家牦牛养殖合作社
# 负责人`: no unit of its own (of 7 printed so on the development pages, 1 an optional
# speaker, 6 no speaker as printed).
_SOME_UNIT = re.compile("一家")
# A title and the words after it, where a name may stand: `副院长周丽列席`.
_TITLED = re.compile(
    rf"(?=(?P<role>{alternation(r for r in ROLES if r != '记者')})(?P<words>[\u4e00-\u9fff]{{2,4}}))"
)
_AGE = re.compile(r"(?:今年)?[\d一二两三四五六七八九十]+多?岁")
_TITLE_STOP = set(BREAK) - set("“”") | {"的"}
# The characters a title ends with (`女工`, `维修工`, `农机手`, `绣娘`), never the
# second or third character of a name of the genre.
_TITLE_ENDS = set("工员民师手生长匠农户官警医者士娘嫂姐哥叔婶")
# How the genre addresses a worker or an elder by surname (`刘师傅`, `王大爷`), after a
# title that ends as titles end (`钢筋工刘师傅`).
_ADDRESSED_AFTER_TITLE = re.compile(
    rf"[{''.join(sorted(_TITLE_ENDS))}](?P<name>[\u4e00-\u9fff](?:师傅|大爷|大妈|大娘|大叔|阿姨))$"
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as a quote prints it: the name (or the office) and its title."""

    name: str
    title: str | None


def credited(
    credit: Credit, speech: Speech, direct: bool, *, goes_on: bool = False
) -> Speaker | None:
    """The person a credit names, as a quote prints them; None for no one (an
    organisation, a group, the reporter, a pronoun that stands for no one). A reported
    sentence with no verb of its own is no quote of its own unless it `goes_on` with a
    leader's directive (`speech.py`)."""
    if credit.reporter:
        return None
    if not direct and "in the speech before" in credit.how and not goes_on:
        return None  # a reported sentence with no verb of its own: no quote of its own
    if credit.pronoun:
        name = credit.person
        if name is None or credit.refers_to is None or not _is_name(credit.refers_to, name):
            return None
        if _someone_else_named(speech, credit.start, name):
            return None
        titled = _split_title(name)  # `织娘次旺拉姆…。她告诉记者，` → 次旺拉姆
        if titled is not None and not_a_person(titled.name) is None:
            return titled
        return Speaker(name, _title_in_text(speech.text, name))
    if credit.leading:
        return _leading(credit.who, speech)
    name = credit.person
    if name is None:
        addressed = _addressed(credit.who)
        if addressed is not None:
            return addressed  # `来自四川的钢筋工刘师傅告诉记者`
        if (
            office_named(credit.who, credit.who)
            and not _SEVERAL.search(credit.who)
            and not _SOME_UNIT.search(credit.who)
        ):
            # `市住建局相关负责人表示`; from its place (`…可支配收聂荣县委书记` → 聂荣县委书记)
            return Speaker(office_from_place(credit.who, speech.text), None)
        return None
    titled = _split_title(name)
    if titled is not None and not_a_person(titled.name) is None:
        return titled
    if not_a_person(name) is not None or not _is_name(credit.who, name):
        return None
    known = known_past_cut(credit, speech)
    if known is not None:
        # cut from the words (`语比` of `边巴次仁用手语比`): a clause its subject opens, as
        # the checker reads it (`check_speech._credits`)
        name = opening(credit.who, known) or name_at(credit.who, 0) or ""
        if not_a_person(name) is not None or not _is_name(credit.who, name):
            return None
    title = _title_before(credit.who, name) or _title_in_text(speech.text, name)
    return Speaker(name, title)


def _split_title(name: str) -> Speaker | None:
    """`女工卓玛` → 卓玛, title 女工; `维修工小李` → 小李: a title the vocabulary lacks,
    ending as titles end, read as part of a name."""
    for cut in range(2, len(name) - 1):
        if name[cut - 1] in _TITLE_ENDS and not opens_with_common_word(name[cut:]):
            return Speaker(name[cut:], name[:cut])
    return None


def _addressed(reference: str) -> Speaker | None:
    """A surname addressed with an honorific after a title the vocabulary lacks, ending as
    titles end: `来自四川的钢筋工刘师傅` → 刘师傅, title 钢筋工 (the attribution reads one
    after a title it knows: `货车司机王师傅`).

    >>> _addressed("来自四川的钢筋工刘师傅")
    Speaker(name='刘师傅', title='钢筋工')
    """
    m = _ADDRESSED_AFTER_TITLE.search(reference)
    if m is None or not is_surname(m["name"][0]):
        return None
    return Speaker(m["name"], _title_before(reference, m["name"]))


def _is_name(reference: str, name: str) -> bool:
    """Is `name`, read from `reference`, a name: it opens with no common word, and no
    word runs into it from the words before unless it holds none? Not `做法`
    (`介绍了…的做法：“……”`), `讲解竹编` (`向游客讲解竹编的工序`), `作报告中`
    (`政府工作报告中指出`)."""
    at = max(reference.rfind(name), 0)
    after = reference[at + len(name) :]
    if len(name) > 3 and name.endswith(_HONORIFICS):
        # A given name and an honorific (`牧民尼玛女士`): the given name is read as a name.
        given = name[:-2]
        return _is_name(reference[: at + len(given)], given)
    if len(name) == 3 and name[0] in _CONJUNCTION_SURNAMES:
        # The Naxi surname 和 (`和建华`, `和志军`): a name where it opens the clause or
        # follows a title (`县长和建华`, `收购商和永强`), the conjunction after a noun
        # (`通过视频和家人说`); the checker's reading of the reference names it whole.
        opens = at == 0 or ends_with_role(reference[:at])
        return opens and name_in(reference[at:]) == name
    if in_parts(name):
        return person_name(name)  # `买买提·艾力`: parts that sound a name out
    if not person_name(name) or opens_with_common_word(name):
        return False  # `他叮嘱道`, `讲解竹编`
    if _GROUP_AFTER.match(after):
        return False  # `海关工作人员`, `社区志愿者`: a unit's people, not a name's role
    if _swallowed(reference, at, name):
        return False  # `协会就挨家挨户算账`: 挨户 is the end of a word, not a name
    # A word across the start (`农机手边巴次仁`: 手边, `店主次仁多吉`: 主次) is no harm
    # when the name holds no common word, as `作报告中` (报告) and `代表性项目藏` (项目) do,
    # or when a title of the vocabulary ends right before a surname (`副县长孙浩然`: 长孙,
    # 浩然).
    return (
        is_boundary(reference, at)
        or not holds_common_word(name)
        or (is_surname(name[0]) and ends_with_role(reference[:at]))
    )


def _swallowed(reference: str, at: int, name: str) -> bool:
    """Does a word of the dictionary that opens before the name at `at` run over all of
    it (`挨家挨户` over 挨户)? Then the name is the end of that word. A word that ends
    inside the name (`农机手边巴次仁`: 手边) leaves it whole."""
    words = common_words()
    end = at + len(name)
    return any(
        reference[start:stop] in words
        for start in range(max(0, end - LONGEST), at)
        for stop in range(end, min(len(reference), start + LONGEST) + 1)
    )


def _someone_else_named(speech: Speech, at: int, name: str) -> bool:
    """Does the sentence of a pronoun at `at`, or the one before, name with a title
    someone other than the person it is read to stand for, and not them? Then the
    pronoun may stand for that other one (`……副院长周丽列席会议。她说，`): no quote
    is better than a quote credited to the wrong person."""
    text = speech.text
    begin = at
    for _ in range(2):  # back to the start of the sentence before
        begin = last_of(text, _SENTENCE_END, max(begin - 1, 0)) + 1
    window = text[begin:at]
    if name in window:
        return False
    for m in _TITLED.finditer(window):
        words = m["words"]
        if speech.mentions.in_speech(begin + m.start()) or opens_with_common_word(words):
            continue
        if not one_persons_title(window, m.start(), m["role"]):
            continue  # `裁判` of `裁判员和工作人员`, `一位老人`: no one named
        if name_in(m["role"] + words) is not None:
            return True
    return False


def _leading(clause: str, speech: Speech) -> Speaker | None:
    """The person a clause opens with, who spoke: `织工央宗一边穿梭引线` → 央宗."""
    best: str | None = None
    for name in speech.known():
        at = clause.find(name)
        if at < 0 or not opens_with(clause, name):
            continue
        if best is None or (at, -len(name)) < (clause.find(best), -len(best)):
            best = name
    if best is None or not_a_person(best) is not None or not _is_name(clause, best):
        return None
    title = _title_before(clause[: clause.find(best) + len(best)], best)
    return Speaker(best, title or _title_in_text(speech.text, best))


def _title_before(reference: str, name: str) -> str | None:
    """The title printed with a name in its reference: `市统计局局长格桑旺姆` →
    `市统计局局长`; the words after the last 的 (`正在帮厨的村民央拉` → `村民`); a
    role after the name (`习近平总书记` → `总书记`), with the place of the one it
    describes (`木如社区的西增拉姆小朋友` → `木如社区小朋友`)."""
    at = reference.rfind(name)
    if at < 0:
        return None
    before = reference[:at]
    after = ROLE.match(reference, at + len(name))
    if after is not None and not before.endswith("的"):
        return after[0]
    before = before.removesuffix("的")
    cut = max(before.rfind(c) for c in _TITLE_STOP)
    title = _clean_title(before[cut + 1 :])
    return (title or "") + after[0] if after is not None else title


def _title_in_text(text: str, name: str) -> str | None:
    """The title the article prints with a name where it first gives one:
    `……。市委常委、常务副市长罗布次仁出席会议。` → `市委常委、常务副市长`."""
    at = text.find(name)
    while at > 0:
        before = text[max(0, at - 40) : at]
        cut = max(before.rfind(c) for c in _TITLE_STOP)
        title = _clean_title(before[cut + 1 :])
        if title and name_in(title + name) == name and ROLE.search(title):
            return title
        at = text.find(name, at + len(name))
    return None


def _clean_title(words: str) -> str | None:
    """A title without the marks of a quotation before it or a list's comma around it,
    nor the words that say who someone is (`主教练是当地小学体育老师` → `当地小学体育老师`)."""
    words = words.lstrip("”」’").rstrip("“「‘").strip("、 ").rpartition("是")[2]
    if _AGE.fullmatch(words):
        return None  # `60岁的拉姆阿妈`: an age, not a title
    if words.count("“") != words.count("”"):
        words = words[words.rfind("”") + 1 :] if "”" in words else words.replace("“", "")
    return words or None


# --- a person named next to the words --------------------------------------------------

_HONORIFICS = ("女士", "先生")
# Surnames that are also a conjunction: 和 of the Naxi of Yunnan.
_CONJUNCTION_SURNAMES = frozenset("和")
_HONORIFIC = re.compile(r"[\u4e00-\u9fff](?:女士|先生)")
# What introduces a name with no title of the vocabulary: an age (`26岁的次仁`), or a
# title it lacks, ending as titles end (`织工央宗`, `农机手边巴次仁`).
_INTRODUCED = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)多?岁的|[\u4e00-\u9fff][工师手匠娘]")
# A verb's aspect or complement, second after a name: `拿着`, `站在`, `走到`, `笑了`.
_ASPECT = frozenset("着了过在到")
_VERB_AT = re.compile(VERB)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_SENTENCE_END = frozenset("。！？!?\n")
# How many people named next to some words are asked about, nearest first.
_ASKED = 4
# What names a place or a unit, never a person: `洛扎县融媒体中心`.
_PLACE_UNITS = frozenset("省州市县区乡镇村")
# The coverbs a clause's verb phrase holds, and no name of the genre: `唱给…听`, `把…编进`,
# `将持续`, `对…建立` (向 is in names: 向巴平措, 李向东).
_COVERBS = frozenset("给把将对被")
# A count of people before a title: `1200余名学生`, `30多位志愿者`.
_COUNTED = re.compile(r"([\d两三四五六七八九十百千万]+)[余多]?[名位]$")
# A name a noun of age follows, as the genre introduces an elder it quotes, after what
# they came for (`来乡便民服务中心办理养老保险的多吉次仁老人竖起了大拇指`): the shortest
# name that the noun follows, not a group (`老人们`) nor what is theirs (`老人的`).
_ELDER = re.compile(rf"(?<=[的，,”」])(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?:{OLD_NOUN})(?![们的])")
# What opens no name: the particle after a manner word, `手把手地教牧民` (never 地教), or
# an adverb before the verb of a group's clause (`一线员工常挂在嘴边`, `工作人员还为…`,
# `群众都能…`), or a conjunction that opens a clause's second verb (`，并下达了…`); no
# speaker of the development gold opens with one.
_ADVERB_MARKS = frozenset("地得常总都也还就又每均再已将并且而却")
# Where a clause opens: right after a closing mark or a comma.
_CLAUSE_START = re.compile(r"(?<=[”」\"，,])")


def named_near(
    speech: Speech,
    span: Span,
    quote: Quote,
    headline: Speech | None = None,
    reporters: Collection[str] = (),
) -> Speaker | None:
    """A person the text names next to the words at `span`, in their sentence or the one
    before, whom the checker's own judgement (`check_speech.speaker_reasons`) accepts as
    the speaker of `quote`; the nearest first. For words the attribution credits to no
    one it reads as a person: `“……”村民平措站在地头，高兴地对记者说`,
    `……副院长周丽列席会议。她说，……`."""
    text = speech.text
    near = (
        (name, reference)
        for name, reference in _people_near(speech, span.start, span.end)
        if name not in reporters and _is_name(reference, name)
    )
    for name, reference in islice(near, _ASKED):  # read no further than the one accepted
        asked = quote.model_copy(update={"speaker": name})
        if not speaker_reasons(asked, speech, span, headline=headline, reporters=reporters):
            return Speaker(name, _title_before(reference, name) or _title_in_text(text, name))
    return None


def _people_near(speech: Speech, start: int, end: int) -> Iterator[tuple[str, str]]:
    """(name, the words that name them) for the people named with a title, an honorific
    or as someone the text names elsewhere, from the sentence before the words to the end
    of the sentence after them; the nearest first, none inside the words."""
    text = speech.text
    begin = start
    for _ in range(2):
        begin = last_of(text, _SENTENCE_END, max(begin - 1, 0)) + 1
    finish = first_of(text, _SENTENCE_END, end + 1)
    found: dict[str, tuple[int, str]] = {}

    def add(name: str | None, at: int, reference: str) -> None:
        if not name or start <= at < end or name[0] in _ADVERB_MARKS:
            return
        distance = start - at if at < start else at - end
        if name not in found or distance < found[name][0]:
            found[name] = (distance, reference)

    for m in _TITLED.finditer(text, begin, finish):
        at = m.end("role")
        counted = _COUNTED.search(text, max(0, m.start() - 8), m.start())
        if counted is not None and counted[1] != "1":
            continue  # `1200余名学生齐声宣誓`: many of them, and what they do is no name
        add(_name_at(text, at), at, text[max(begin, at - 40) : at + 4])
    for m in _INTRODUCED.finditer(text, begin, finish):
        at = m.end()
        add(_name_at(text, at), at, text[max(begin, at - 40) : at + 4])
    for m in _HONORIFIC.finditer(text, begin, finish):
        add(m[0], m.start(), text[max(begin, m.start() - 40) : m.end()])
    for m in _ELDER.finditer(text, begin, finish):
        add(m["name"], m.start(), m["name"])  # what they came for is no title
    # A clause of the sentence after that opens with a name, with no title and no verb
    # of saying: a feature closes a quotation on how its subject took it
    # (`“……”面对记者，旦增卓玛腼腆地笑了。`, `谈起今后的打算，王德明语气坚定`).
    for m in _CLAUSE_START.finditer(text, end + 1, finish):
        at = m.end()
        name = _name_at(text, at)
        if name is not None and _opens_as_subject(text, at, name):
            add(name, at, name)
    for name in speech.known():
        at = text.find(name, begin, finish)
        while at >= 0:
            add(name, at, text[max(begin, at - 40) : at + len(name)])
            at = text.find(name, at + len(name), finish)
    for name, (_, reference) in sorted(found.items(), key=lambda item: item[1][0]):
        cut = reference.rfind(name)
        yield name, reference[: cut + len(name)]


def _opens_as_subject(text: str, at: int, name: str) -> bool:
    """Does a name read at the opening of a clause stand as its subject: not a modifier
    (`藏汉双语的预警信息`), not the first of a list (`押加、抱石头`), not a unit cut short
    (`洛扎县融媒体中心`: a person's name holds no 县, 乡 or 村), not a verb and its
    coverb (`唱给围坐在帐篷前的牧民群众听`)?"""
    after = text[at + len(name) : at + len(name) + 1]
    return after not in ("的", "、") and not (_PLACE_UNITS | _COVERBS).intersection(name)


def _name_at(text: str, at: int) -> str | None:
    """The name that starts at `at`, after a title: two to four characters that end where
    a stop, a word that follows a name (`在`, `一边`), a verb (`拿着`), a verb of saying
    or a common word starts: `平措站在地头` → 平措, `次仁多吉拿着` → 次仁多吉."""
    in_parts_name = name_in_parts_at(text, at)
    if in_parts_name is not None:
        return in_parts_name
    for size in (2, 3, 4):
        name, rest = text[at : at + size], text[at + size : at + size + 4]
        if len(name) < size or not _HAN.fullmatch(name):
            return None
        if (
            not rest
            or rest[0] in BREAK + "、" + FOLLOWERS
            or (rest[1:2] in _ASPECT and not cut_short(text, at, name))
            or _VERB_AT.match(rest)
            or DONE_AT.match(rest)
            or (opens_with_common_word(rest) and is_boundary(text, at + size))
        ):
            return name
    return None
