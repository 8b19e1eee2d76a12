"""Who a text names as a person, and where: the people a pronoun can stand for.

A pronoun that speaks (`他说`, `她强调`, `该负责人介绍`) stands for the person the
sentences before it name last. The genre names a person:
- as the one who speaks: the subject of a verb of saying or of a colon
  (`格桑旺姆介绍，`, `县委书记张明：`);
- with a title before the name (`村医索朗正在……`, `采访了市统计局局长格桑旺姆。`).
  The title is one person's (`村医`, `局长`, `牧民`), not a group's (`群众`,
  `党员`), and not counted (`一位老人量血压`, `150名运动员参赛`: the words after
  it say what the counted do). Before a stop, the title opens its words or
  follows an organisation (`…局局长格桑旺姆。`), as a verb's object does not
  (`带着本地医生查房，`);
- as a surname and an honorific, whatever words come before (`来自上海的摄影爱好者
  陈先生今年…`).
The name is a name (`persons.person_name`): not a place, a verb, a group.

Each later mention of a name found so names that person again, unless it
stands inside someone's speech: in a quotation, or in reported words after a
verb of saying (`央宗表示，……让边境群众在家门口……。她说` — 她 is 央宗, not
anyone her words name).

>>> Mentions("村医索朗正在给一位老人量血压。他说，……").before(17)
['索朗']
"""

from __future__ import annotations

import bisect
import re

from extractor.adverbials import without_adverbials
from extractor.book_titles import book_title_holding
from extractor.common_words import common_word_at, ends_a_word
from extractor.honored import HONORED, honored_in
from extractor.job_titles import (
    DESCRIBED_GOES_ON,
    described_tibetan_name,
    may_go_on,
    names_after_job_titles,
    person_goes_on,
    tibetan_name,
)
from extractor.name_ends import STRONG_AT, cut_short, name_at
from extractor.opening_names import name_after_title, sentence_opener
from extractor.persons import (
    AFTER_NAME,
    TITLE_ENDS,
    ends_with_role,
    name_in,
    person_name,
)
from extractor.quotations import QuotedText
from extractor.rare_words import TIBETAN_ENDS
from extractor.roles import ROLE, ROLE_PATTERN, past_head, words
from extractor.speech_words import ADDRESSEES, BREAK, BREAK_CLASS, VERB, VERBS
from extractor.stops import last_of
from extractor.verb_titles import teaches

_SENTENCE_END = "。！？!?；;\n"
#: Titles that say a man or a woman: 她 never stands for `丈夫扎西`, nor 他 for `妻子卓玛`.
MAN = frozenset(
    words(
        "丈夫 儿子 父亲 爸爸 阿爸 爷爷 大爷 大叔 大哥 小伙 小伙子 先生 男孩 老汉"
        " 外公 姥爷 公公 岳父 孙子 外孙 哥哥 弟弟 女婿 侄子"
    )
)
WOMAN = frozenset(
    words(
        "妻子 女儿 母亲 妈妈 阿妈 奶奶 大妈 大姐 大嫂 阿姨 女士 妇女 孕妇 姑娘 女孩 阿佳"
        " 外婆 姥姥 婆婆 岳母 孙女 外孙女 姐姐 妹妹 儿媳 侄女"
    )
)
#: Titles of a group, never of one person named after them.
_GROUP_ROLES = frozenset(
    words(
        "群众 干部 职工 员工 党员 官兵 僧尼 工作人员 技术人员 人士 成员 农牧民 观众 网友 读者 家属"
        " 人员 务工人员 外来务工人员 采挖人员"
    )
)
# What a title runs into when it names an organisation, not a person after it: `兽医站`,
# `书记处`.
_ORGANISATION_ENDS = frozenset("站所局院队处科室办厅社组")
# A group's title names one person when the words after the name introduce them, or
# tell what they do day by day: `青年员工拉姆卓玛是朗县人`, `社区矫正工作人员央金每周都要…`,
# `入社群众尼玛卓玛就是其中之一` (the one of them the story turns to).
_INTRODUCED = re.compile("[就也便]?是|每[天周月年]|正在|已经|一直|常年|经常")
# A name given as an alias names one person, whatever the title before it:
# `康复人员扎西（化名）在基地从事牦牛养殖`.
_ALIAS = re.compile(r"[（(]化名[）)]")
# A title counted or quantified is no one's: `一位老人`, `150名运动员`, `每名队员`.
_COUNTED = set("0123456789０１２３４５６７８９一二两三四五六七八九十百千万几多每各该这那名位个批些")
#: Characters a title opens its words after, or an organisation or a place ends with:
#: `，村医`, `的居民`, `市统计局局长`, `县第二小学教师`.
OPENS = frozenset(BREAK + "、的") | frozenset(
    "局办会队站所村乡镇县区市州省厅院司组处科室社道心团校学馆园场厂店行台署网企营连排班委部"
)
# A verb of saying (or a colon) that ends a clause, and opens what the clause's subject says.
# The reporter meeting someone, who then speaks: `记者采访了村民扎西。他说，……`.
_MEETING = re.compile("(?:采访|见到|遇到|碰到|遇见|碰见|找到|结识|认识)了?$")
# So does saying who someone is: `主教练是当地小学体育老师罗布顿珠。他告诉记者，……`.
_IS_INTRO = re.compile(f"是[^{BREAK_CLASS}、是的]{{0,8}}$")
# An age introduces one person, whose name the words after it hold: `今年26岁的次仁
# 大学毕业后回到村里`, `72岁的退休教师王秀兰`; not a pronoun, someone named before
# (`今年26岁的她是…人`).
_AGED = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)多?岁的(?![他她])")
# So does an age said right after a name: `年龄最小的次仁欧珠今年刚满24岁`, `旺姆今年62岁`.
_AGE_AFTER = re.compile(r"今年(?:刚满|已满|刚|已)?(?:\d+|[一二两三四五六七八九十]+)多?岁(?!的)")
# Where a person comes from introduces them, whose name follows: `毕业于西藏农牧学院的
# 次仁顿珠正在询问…`, `刚从西藏大学毕业的次仁顿珠`, `来自拉孜县的旦增说`, `家住春堆社区的老人
# 仓央`; so does where they work, or the job they do: `在…公司质检部工作的德吉央宗`,
# `当叉车司机的扎西多布杰`; so does the task or the team they have: `负责灯光的次仁`,
# `服装组的央宗正在…`.
_DESCRIBED = re.compile(
    r"(?:(?:毕业于|来自|家住|出生于|出生在|就读于)[^，。；,;：:“”]{1,20}?|从[^，。；,;：:“”]{2,20}?毕业"
    r"|在[^，。；,;：:“”]{2,24}?(?:工作|上班|务工|任职|就业)"
    rf"|当[^，。；,;：:“”]{{0,8}}?(?:{ROLE_PATTERN})"
    r"|负责(?!人)[^，。；,;：:“”]{1,12}?|[^，。；,;：:“”的]{1,8}?[组队班]里?)的"
)
# The title after them, a trader too (`来自尼泊尔胡姆拉地区的商人拉杰`; not the vocabulary's,
# whose 商人 would cut `电商人才`): both such printings of the development pages are people.
_DESCRIBED_TITLE = re.compile(f"(?:{ROLE_PATTERN}|商人)")
_BREAK_AT = re.compile(f"[{BREAK_CLASS}]")
_VERB_AT_END = re.compile(f"(?:{VERB})$")
# What makes a word a place's name where the text prints it after the word.
_PLACE_SUFFIX = "(?:市|县|区|镇|乡|村|地区)"
# The lookahead for the characters either can start with lets the scan skip the rest
# quickly, without trying the verbs one after the other at every character.
_SAYS_STARTS = re.escape("".join(sorted({verb[0] for verb in VERBS} | set("：:"))))
_SAYS = re.compile(rf"(?=[{_SAYS_STARTS}])(?:(?:{VERB}){ADDRESSEES}?(?=[{BREAK_CLASS}])|[：:])")
# A colon opens someone's words when a quotation follows it, or when the clause before
# it is a name alone or after a title (`扎西：`, `村民扎西：`).
_WORDS_AFTER_COLON = re.compile('[“「‘"]')
# Not `据介绍，`: the paper's own narration.
_SAYING_OPENS = re.compile(rf"(?<!据)(?:{VERB}){ADDRESSEES}?[：:，,]")


# Where a sentence opens, and what a name opening one is said to be (`罗布是…双湖人，`).
_SENTENCE_OPENS = re.compile(r"(?:^|(?<=[\n。！？!?]))[ \t\u3000]*(?=[\u4e00-\u9fff])")
_IS_WHO = re.compile(rf"是([^{BREAK_CLASS}]{{1,30}})[{BREAK_CLASS}]")


# A preposition before a person, with their title (`对杨帆`, `向驻村工作队队长李强`): the person
# is the object of the sentence, not its subject.
_AFTER_PREPOSITION = re.compile(
    f"[对向给跟同替把被](?:[^{BREAK_CLASS}、的]{{0,10}}?(?:{ROLE_PATTERN}))?$"
)


class Mentions:
    """The people one text names, read on the first question."""

    def __init__(self, text: str, quoted: QuotedText | None = None) -> None:
        self.text = text
        self._quoted = quoted if quoted is not None else QuotedText(text)
        self._names: list[str] | None = None
        self._sex: dict[str, str] = {}
        self._aged: list[re.Match[str]] | None = None
        self._breaks: list[int] | None = None

    def names(self) -> list[str]:
        """The names of the people the text gives words to or names with a title."""
        if self._names is None:
            found = {name for name in self._speakers() if person_name(name) or _naxi(name)}
            found |= set(self._titled())
            found |= set(self._described())
            found |= set(self._honored())
            found |= set(self._aged_after())
            found |= set(self._introduced())
            found |= set(self._described_subjects())
            found |= {n for n, at in names_after_job_titles(self.text) if not self.in_speech(at)}
            self._names = sorted(n for n in found if book_title_holding(self.text, n) is None)
        return self._names

    def _speakers(self) -> list[str]:
        """The names of the subjects of the text's verbs of saying and colons."""
        found = []
        for m in _SAYS.finditer(self.text):
            if ends_a_word(self.text, m.start(), len(m[0])):
                continue  # `回到家乡宣讲。`: the 讲 of 宣讲 says nothing
            clause = self._clause_to(m.start())
            if m[0] in "：:" and _VERB_AT_END.search(clause):
                continue  # `她告诉记者：`: the verb before the colon has its subject
            name = name_in(without_adverbials(clause) or clause)
            head = clause[: -len(name)] if name and clause.endswith(name) else None
            if name and _naxi(name) and (head is None or (head and not ends_with_role(head))):
                continue  # alone or after a title (`县长和建华`); after a noun 和 joins
            if (
                name is not None
                and m[0] in "：:"
                and not _WORDS_AFTER_COLON.match(self.text, m.end())
            ):
                head = clause[: -len(name)] if clause.endswith(name) else ""
                if head and not ends_with_role(head):
                    continue  # `记下当天的办件数：帮办23件`: a list follows a noun, not words
                if not head and re.search(re.escape(name) + _PLACE_SUFFIX, self.text):
                    continue  # `林芝：冬季农村公路…` where the text prints `林芝市`: a place
            if name is not None:
                found.append(name)
        return found

    def _titled(self) -> list[str]:
        found = []
        for m in ROLE.finditer(self.text):
            before = self.text[m.start() - 1 : m.start()]
            group = m[0] in _GROUP_ROLES
            if not one_persons_title(self.text, m.start(), m[0], group_too=True):
                continue
            titled = past_head(self.text, m.end())  # `厨师长陈军`: the head cook
            name = name_at(self.text, titled)
            if name is None or name_in(self.text[m.start() : titled] + name) != name:
                continue
            end = titled + len(name)
            alias = _ALIAS.match(self.text, end)
            if alias is not None:
                end = alias.end()
            elif group and not _INTRODUCED.match(self.text, end):
                continue
            # Before a stop, a title opens its words, or follows an organisation, a
            # major or another title (`…局局长格桑旺姆。`, `…专业学生索朗卓玛,`, `青年教师
            # 李晨阳。`), or the reporter meeting someone (`采访了村民扎西。`): not a
            # verb's object (`带着本地医生查房，`, `研学游游客明显增多，`).
            strong = STRONG_AT.match(self.text, end) is not None
            stop = not strong and self.text[end : end + 1] in BREAK + "、"
            if (
                stop
                and before
                and before not in OPENS
                and not self.text.endswith("专业", 0, m.start())
                and not ends_with_role(self.text[: m.start()])
                and not _MEETING.search(self.text, max(0, m.start() - 4), m.start())
                and not _IS_INTRO.search(self.text, max(0, m.start() - 9), m.start())
            ):
                continue
            if m[0] in MAN | WOMAN:
                self._sex[name] = "他" if m[0] in MAN else "她"
            found.append(name)
        return found

    def _described(self) -> list[str]:
        """The names after words that say where a person comes from (`毕业于…的次仁顿珠`)."""
        found = []
        for m in _DESCRIBED.finditer(self.text):
            at = m.end()
            role = _DESCRIBED_TITLE.match(self.text, at)  # `家住春堆社区的老人仓央`
            if role is not None:
                at = role.end()
            name = name_at(self.text, at)
            title = ROLE.match(self.text, at + len(name)) if name is not None else None
            if name is not None and title is not None and title[0] not in AFTER_NAME:
                # What runs into a title is the title's (`来自四川的高校毕业生周晓雯`,
                # `的采挖人员洛松江村`): the person is named after it, if at all (not the
                # `民宿` of `来自全市…的民宿业主、管家`).
                name = name_at(self.text, title.end())
            if name is not None and not self.in_speech(m.start()) and person_name(name):
                found.append(name)
        return found

    def _described_subjects(self) -> list[str]:
        """The names of Tibetan form that words before 的 describe, as the subject of what
        the person goes on to do or be, outside speech: `刚刚参加完电工培训的次仁多吉已经在
        县城…`, `今年62岁的边巴次仁已经跳了四十多年`; not a thing (`江孜卡垫在她们手中`)
        nor a place (`日喀则已是…`). A name of four whose halves end as names end is one
        whatever follows (`…20多年的尼玛次仁对此深有体会`: `described_tibetan_name`)."""
        found = []
        for m in re.finditer("的", self.text):
            halves = self.text[m.end() + 1 : m.end() + 2] in TIBETAN_ENDS
            if not (halves or may_go_on(self.text, m.end(), DESCRIBED_GOES_ON)):
                continue
            name = name_at(self.text, m.end())
            if (
                name is not None
                and (
                    (
                        person_goes_on(self.text, name, m.end(), DESCRIBED_GOES_ON)
                        and tibetan_name(name)
                    )
                    or described_tibetan_name(name)
                )
                and not self.in_speech(m.start())
            ):
                found.append(name)
        return found

    def _clause_to(self, at: int) -> str:
        """The words of the clause that ends at `at`: from the last break before it."""
        if self._breaks is None:
            self._breaks = [m.start() for m in _BREAK_AT.finditer(self.text)]
        k = bisect.bisect_left(self._breaks, at)
        begin = self._breaks[k - 1] + 1 if k else 0
        return self.text[begin:at].strip()

    def _aged_after(self) -> list[str]:
        """The names an age follows at once (`…的次仁欧珠今年刚满24岁`), outside speech."""
        found = []
        for m in _AGE_AFTER.finditer(self.text):
            if self.in_speech(m.start()):
                continue
            clause = self._clause_to(m.start())
            name = name_in(clause) if clause else None
            if name is not None and clause.endswith(name) and person_name(name):
                found.append(name)
        return found

    def _introduced(self) -> list[str]:
        """The names opening a sentence as the subject of `是`, who the words after it say
        holds a title or comes from a place (`旦增曲珍是村青年志愿服务队的队员，`, `罗布是土生
        土长的双湖人，`), outside speech; not a place or a thing (`吉汝村是…之一`)."""
        found = []
        for m in _SENTENCE_OPENS.finditer(self.text):
            name = name_at(self.text, m.end())
            if name is None or self.in_speech(m.end()):
                continue
            said = _IS_WHO.match(self.text, m.end() + len(name))
            if said is not None and (ends_with_role(said[1]) or said[1].endswith(("人", "一员"))):
                found.append(name)
        return found

    def _honored(self) -> list[str]:
        """A person named with an honorific (`honored.py`: `来自上海的摄影爱好者陈先生`,
        `居民次仁先生`), outside anyone's speech; 先生 is a man, 女士 a woman."""
        found = []
        for m in HONORED.finditer(self.text):
            honored = None if self.in_speech(m.start()) else honored_in(self.text, m.start())
            if honored is not None:
                self._sex.setdefault(honored, "他" if honored.endswith("先生") else "她")
                found.append(honored)
        return found

    def stands_for(self, pronoun: str, at: int, speaker: str = "") -> str | None:
        """The person a pronoun at `at` stands for: the one named last before it whose
        title says no other sex (`她` is not `丈夫扎西`); but when that one is the object
        of a preposition in a sentence that opens with another (`村民尼玛次仁对杨帆印象
        很深。他说`), the one it opens with, its subject."""
        opener = sentence_opener(self.text, at, self.names()) if pronoun in "他她" else None
        if opener is not None and self._sex.get(opener, pronoun) == pronoun:
            return (
                opener  # `织工白玛拉姆在厂里已经干了8年，她说：`: the one her sentence opens with
            )
        ends = self._last_mentions(at, speaker)
        named = sorted(ends, key=lambda n: (ends[n], len(n)))
        fits = [n for n in named if self._sex.get(n, pronoun) == pronoun or pronoun not in "他她"]
        if not fits:
            return None
        last = fits[-1]
        start = ends[last] - len(last)
        if not _AFTER_PREPOSITION.search(self.text, max(0, start - 12), start):
            return last
        begin = last_of(self.text, _SENTENCE_END, start) + 1
        subjects = [n for n in fits[:-1] if begin <= ends[n] - len(n) < start]
        return min(subjects, key=lambda n: ends[n]) if subjects else last

    def last_named(self, at: int, speaker: str = "") -> tuple[str, int] | None:
        """The person named last before `at` (as `before` reads them), and where that
        mention ends; None when the text names no one before it."""
        last = self._last_mentions(at, speaker)
        name = max(last, key=lambda n: (last[n], len(n)), default=None)
        return (name, last[name]) if name is not None else None

    def sex(self, name: str) -> str | None:
        """`他` or `她` when a title printed with the name says the person's sex (`丈夫扎西`,
        `徐女士`), else None."""
        self.names()
        return self._sex.get(name)

    def before(self, at: int, speaker: str = "") -> list[str]:
        """The people named before offset `at`, outside anyone's speech, in the order of
        their last mention; with `speaker`, that speaker too where the text names it as
        a person (after a title, or opening a clause). A person introduced by an age,
        whose name cannot be cut from the words after it, is given by those words
        (`26岁的次仁大学毕业后回到吉汝村`)."""
        last = self._last_mentions(at, speaker)
        return sorted(last, key=lambda n: (last[n], len(n)))

    def _last_mentions(self, at: int, speaker: str) -> dict[str, int]:
        """The people `before` names, each with where its last mention before `at` ends."""
        last: dict[str, int] = {}
        for name in self.names():
            found = self._last_outside_speech(name, at)
            if found is not None:
                last[name] = found
        if speaker and speaker not in last:
            mention = self._as_person(speaker, at)
            if mention is not None:
                last[speaker] = mention
        for aged in self._ages_before(at):
            if not self.in_speech(aged.start()):
                # Someone the name of whom the text holds, unknown: the words that name them.
                last.setdefault(aged_words(self.text, aged.start(), aged.end(), at), aged.end())
        return last

    def _ages_before(self, at: int) -> list[re.Match[str]]:
        """The ages the text prints before `at` (`_AGED.finditer(text, 0, at)`: the text
        scanned once, a match ending in `岁的` being the same cut short or not)."""
        if self._aged is None:
            self._aged = list(_AGED.finditer(self.text))
        return [aged for aged in self._aged if aged.end() <= at]

    def _last_outside_speech(self, name: str, at: int) -> int | None:
        """Where the last mention of `name` before `at` ends, outside speech. A name
        printed as part of a longer one the text names is no mention of its own: `卓玛`
        in `达瓦卓玛`."""
        longer = [(n, n.index(name)) for n in self.names() if name in n and n != name]
        found = self.text.rfind(name, 0, at)
        while found >= 0:
            part = any(self.text.startswith(n, found - k) for n, k in longer if found >= k)
            if not part and not self.in_speech(found):
                return found + len(name)
            found = self.text.rfind(name, 0, found)
        return None

    def _as_person(self, speaker: str, at: int) -> int | None:
        """Where `speaker`, named as a person, last ends before `at`."""
        found = self.text.rfind(speaker, 0, at)
        while found >= 0:
            before = self.text[max(0, found - 8) : found]
            as_person = (
                not before
                or before[-1] in BREAK + "的、"
                or ends_with_role(before)
                # after a title the vocabulary lacks, printed with it: `传人益西拉姆`
                or (before[-1] in TITLE_ENDS and name_in(before + speaker) == speaker)
            )
            if (
                as_person
                and not self.in_speech(found)
                and not self._runs_on(speaker, found)
                and not cut_short(self.text, found, speaker)
            ):
                return found + len(speaker)
            found = self.text.rfind(speaker, 0, found)
        return None

    def _runs_on(self, speaker: str, at: int) -> bool:
        """Does `speaker`, printed at `at`, run past the name printed there into the words
        after it: `格桑边学` of `村民格桑边学边记`, where the name is `格桑`? (Not a name with
        the title or honorific printed after it: `阿旺先生`.)"""
        printed = name_at(self.text, at)
        if printed is None or len(printed) >= len(speaker) or not speaker.startswith(printed):
            return False
        after = speaker[len(printed) :]
        return name_in(speaker) == speaker and not (
            after in AFTER_NAME or after in ("先生", "女士") or ends_with_role(speaker)
        )

    def in_speech(self, at: int) -> bool:
        """Does offset `at` stand inside someone's words: in a quotation, or after a verb
        of saying that opens reported words in its sentence (`格桑旺姆介绍，……`)?"""
        if self._quoted.quotation(at, at + 1) is not None:
            return True
        begin = last_of(self.text, _SENTENCE_END, at) + 1
        return _SAYING_OPENS.search(self.text, begin, at) is not None


def aged_words(text: str, start: int, after: int, stop: int) -> str:
    """The words naming someone an age introduces (`岁的` at `start`–`after`), before `stop`: to
    a title after the name (`79岁的次仁多布杰老人独自居住` → `…次仁多布杰老人`), else to a break or
    to what they do meanwhile (`68岁的次旦多吉一边纠正…`), a name not cut out left in them;
    a name after a title the vocabulary lacks, alone (`46岁的酿酒师傅尼玛次仁正在…` → `尼玛次仁`)."""
    end = after
    while end < stop and text[end] not in BREAK and text[end : end + 2] != "一边":
        end += 1
    for m in ROLE.finditer(text, after, end):
        if m.start() > after and name_in(text[start : m.end()]) is not None:
            return text[start : m.end()]
    if ROLE.search(text, after, end) is None:  # a title the vocabulary lacks: `酿酒师傅`
        return name_after_title(text[after:end], aged=True) or text[start:end]
    return text[start:end]


def _naxi(name: str) -> bool:  # the Naxi surname 和, also the conjunction: `和建华`
    return len(name) == 3 and name[0] == "和"


# A school year before a title is no count: `高三学生次仁卓玛`.
_GRADE = re.compile("[高初][一二三]$")


def one_persons_title(text: str, at: int, role: str, group_too: bool = False) -> bool:
    """Is `role`, printed at `at`, the title of one person: not a group's (`群众`,
    `党员`), nor counted (`一位老人`, `150名运动员`, `每名队员`), nor the start of a
    longer word of the language (`裁判` of `选派裁判员和工作人员`, whose 员和 is no name),
    nor the start of an organisation's name (`兽医` of `乡兽医站一干就是十余年`), nor a
    verb (`现场教授民宿经营户`: `verb_titles.py`)?"""
    word = common_word_at(text, at)
    return (
        (group_too or role not in _GROUP_ROLES)
        and text[at + len(role) : at + len(role) + 1] not in _ORGANISATION_ENDS
        and (
            text[at - 1 : at] not in _COUNTED or _GRADE.search(text, max(0, at - 2), at) is not None
        )
        and (word is None or len(word) <= len(role))
        and not teaches(text, at, role)  # `现场教授民宿经营户`: teaches, names no one
    )
