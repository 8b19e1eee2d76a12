"""Quotes by rule: every passage someone may have said, and whom the article credits.

The rules do not read attribution themselves. They list the passages that
can be speech, and ask the checker's own reading (`extractor.attribution`)
who says each; so a quote the rules give is a quote the checker accepts.
The passages:
- every quotation in marks (`quotations.py` pairs the marks and follows a
  quotation over a paragraph break), unless it is a term, a slogan or a
  title standing inside a sentence (`严格落实“打早、打小、打了”要求`);
- every reported sentence, after a verb of saying and a comma or a colon
  (`占堆指出，……。`, `他要求，……。`, `据……负责人罗布旺久介绍，……。`), up to
  the end of the sentence or the quotation it ends with.

What the rules decide is what a quote is: the speaker as printed (the name,
or for someone the article names by office only, the office), the title
printed with them, and what to leave out: words credited to no one, to an
organisation or a group, to the reporter (`记者问`), a continuation sentence
with no verb of its own.

>>> [(q.speaker, q.kind, q.text) for q in quotes_in("局长次旺介绍，大棚让群众增收。他要求，各乡镇要抓好管护。")]
[('次旺', 'indirect', '大棚让群众增收'), ('次旺', 'indirect', '各乡镇要抓好管护')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.attribution import Credit, Speech
from extractor.extract.words import holds_common_word, is_boundary, opens_with_common_word
from extractor.models import Quote
from extractor.persons import (
    ROLES,
    name_in,
    not_a_person,
    office_named,
    opens_with,
    person_name,
    without_adverbials,
)
from extractor.quotations import CLOSING, OPENING, Quotation
from extractor.speech_words import BREAK, VERB

_MARKS = OPENING + '"'
_OPENING_MARK = re.compile(f"[{_MARKS}]")
# Short words in a pair of marks with no sentence in them: a term, most often.
_TERM = re.compile(r"“[^“”‘’\n，,。！？!?；;…]{0,13}”")
_CLOSING_MARK = re.compile(f"[{CLOSING}]")
_SENTENCE_END = "。！？!?…"
# A verb of saying, then the comma or colon that opens reported words: `占堆指出，`.
_SAYING = re.compile(rf"(?:{VERB})[，,：:]")
# Before a verb of saying, what makes it a noun: `的要求`, `3件建议`.
_NOUN_BEFORE = re.compile(r"(?:的|[\d一二两三四五六七八九十几多]+[项件条点个份])$")
# What may stand right before a quotation that is speech of its own, not a term in a
# sentence: a stop, a colon, the end of another quotation, or nothing.
_BEFORE_SPEECH = set("，,。！？!?；;：:…\n") | set(CLOSING)
# Punctuation that makes quoted words a sentence, not a term: `“……，技术留下”`.
_SENTENCE_MARKS = re.compile(r"[，,。！？!?；;…]")
# Quoted words this long are speech even with no punctuation of their own.
_LONG_WORDS = 14
# Reported words shorter than this say nothing (`他说，好。`).
_SHORTEST = 4
# A remark quoted as someone's is words of theirs, not a term (`关于“两山”的重要论述`).
_SHORTEST_REMARK = 6
# How `attribution` credits `习近平总书记“……”的重要论述`, `廉毅敏组长……提出的“……”要求`.
_REMARK = "a remark quoted as theirs"
_ROLE = re.compile("|".join(ROLES))
# A pronoun or a title: someone the words before a verb of saying may name.
_SOMEONE = re.compile("他|她|其|该|这位|此|" + "|".join(ROLES))
_SUBJECT_BREAKS = "，,。！？!?；;：:“”\n"
_ROLE_AT_END = re.compile(f"(?:{'|'.join(ROLES)})$")
# What follows a remark quoted as someone's: `“……”的重要论述`, `“……”要求`.
_REMARK_AFTER = re.compile(r"[”」』’]的?(?:重要|指示|要求|号召|嘱托|论述|讲话|批示|寄语|回信)")
# The officials of several units, a group: `各乡镇负责人`, `住建、交通等部门负责人`.
_SEVERAL = re.compile(r"^(?:各|多个|部分|有关|相关)|等|们")
# A title and the words after it, where a name may stand: `副院长周丽列席`.
_TITLED = re.compile(
    rf"(?=(?P<role>{'|'.join(r for r in ROLES if r != '记者')})(?P<words>[\u4e00-\u9fff]{{2,4}}))"
)
_TITLE_STOP = set(BREAK) - set("“”") | {"的"}
# The characters a title ends with (`女工`, `维修工`, `农机手`, `绣娘`), never the
# second or third character of a name of the genre.
_TITLE_ENDS = set("工员民师手生长匠农户官警医者士娘嫂姐哥叔婶")


@dataclass(frozen=True, slots=True)
class Passage:
    """Words that may be speech: text[start:end], whether they stand in marks, and
    whether they stand as speech of their own (a quotation set apart from the sentence
    around it), or only as a remark the article may quote as someone's."""

    start: int
    end: int
    direct: bool
    apart: bool = True


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as a quote prints it: the name (or the office) and its title."""

    name: str
    title: str | None


def quotes_in(text: str, headline: str = "") -> list[Quote]:
    """Every quote of an article's text, in order of appearance."""
    speech = Speech(text)
    over = Speech(headline) if headline else None
    found: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    for passage in sorted(_passages(speech), key=lambda p: p.start):
        words = _words(text[passage.start : passage.end], passage.direct)
        if passage.apart and len(words) < _SHORTEST:
            continue
        if not passage.apart and (
            len(words) < _SHORTEST_REMARK or not _REMARK_AFTER.match(text, passage.end)
        ):
            continue  # words in marks inside a sentence: a term, unless a remark
        credit = speech.credit(passage.start, passage.end, over)
        if credit is None or not (passage.apart or credit.how == _REMARK):
            continue
        speaker = _speaker(credit, speech, passage)
        if speaker is None or (speaker.name, words) in seen:
            continue
        seen.add((speaker.name, words))
        kind = "direct" if passage.direct else "indirect"
        found.append(
            Quote(speaker=speaker.name, speaker_title=speaker.title, text=words, kind=kind)
        )
    return found


# --- passages ---------------------------------------------------------------------


def _passages(speech: Speech) -> Iterator[Passage]:
    yield from _quotations(speech)
    yield from _reported(speech)


def _quotations(speech: Speech) -> Iterator[Passage]:
    """The outermost quotations that read as speech, each over the paragraphs it runs on."""
    text = speech.text
    covered = 0
    closings: set[int] = set()  # the closing marks of the quotations found
    for mark in _OPENING_MARK.finditer(text):
        at = mark.start()
        if at < covered:
            continue
        term = _TERM.match(text, at)
        if (
            term is not None
            and not _is_speech(text, at, at + 1, term.end() - 1)
            and not _REMARK_AFTER.match(text, term.end() - 1)
        ):
            covered = term.end()  # `“五措并举”`: a term, no one's words
            continue
        chain = speech.quotation(at + 1, at + 1)
        if not chain or chain[0].opening != at:
            continue  # a closing mark, a nested one, or one that pairs with nothing
        start, end = chain[0].start, _chain_end(speech, at, chain[0])
        covered = end
        closings.add(end)
        if len(text[start:end].strip()) >= 2:
            yield Passage(start, end, True, _is_speech(text, at, start, end))
    # Quotations whose opening mark the page lost: `……多了。”拉巴说。`
    for mark in _CLOSING_MARK.finditer(text, 1):
        at = mark.start()
        if at in closings:
            continue
        chain = speech.quotation(at - 1, at)
        if not chain or chain[-1].opening >= 0 or chain[-1].end != at:
            continue
        start = chain[-1].start
        while start < at and text[start].isspace():
            start += 1
        if start < at and _is_speech(text, start - 1, start, at):
            yield Passage(start, at, True, True)


def _chain_end(speech: Speech, opening: int, first: Quotation) -> int:
    """Where a quotation opened at `opening` closes, over the paragraphs it goes on in."""
    text = speech.text
    end, closed = first.end, first.closed
    while not closed and end < len(text):
        nxt = end + 1  # the paragraph after: it goes on when it opens with a mark
        if nxt >= len(text) or text[nxt] not in OPENING:
            break
        chain = speech.quotation(opening + 1, nxt + 2)
        if not chain:
            break
        end, closed = chain[-1].end, chain[-1].closed
    return end


def _is_speech(text: str, opening: int, start: int, end: int) -> bool:
    """Do the quoted words stand as speech: set apart from the sentence around them
    (`……，“……”。`, `说：“……”`, `“……”扎西说`), and a sentence, not a term
    (`“零容忍”`, `“一车一档、一企一策”`)?"""
    words = text[start:end]
    before = text[opening - 1] if opening > 0 else "\n"
    after = text[end + 1] if end + 1 < len(text) else "\n"
    # Words that end someone's sentence after a comma: `……，“家里又多了一份收入”。`
    ends_speech = before in "，,：:" and after in _SENTENCE_END + "\n"
    sentence = bool(_SENTENCE_MARKS.search(words)) or len(words) >= _LONG_WORDS or ends_speech
    return sentence and before in _BEFORE_SPEECH and after != "的"


def _reported(speech: Speech) -> Iterator[Passage]:
    """Reported sentences: after `……指出，` to the end of the sentence (or to a
    quotation that ends it, which is a passage of its own)."""
    text = speech.text
    covered = 0
    for m in _SAYING.finditer(text):
        if m.start() < covered or speech.quotation(m.start(), m.start() + 1) is not None:
            continue  # a verb inside reported or quoted words
        if _NOUN_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # `提交了3件建议，`, `按照……的要求，`: a noun, not a verb of saying
        if not _may_name_someone(text, m.start()):
            continue  # `会议指出，`, `据了解，`: no one to ask the attribution about
        start = m.end()
        while start < len(text) and text[start] in " \u3000":
            start += 1
        if start >= len(text) or text[start] in _MARKS or text[start] == "\n":
            continue  # `说：“……”`: the quotation is the passage
        if text.startswith(("一边", "边"), start):
            continue  # `一边给记者介绍，一边记录着…`: what they do while they speak
        end = _sentence_end(speech, start)
        while end > start and text[end - 1] in "，,：:；; ":
            end -= 1
        if end > start:
            covered = end
            yield Passage(start, end, False)


def _may_name_someone(text: str, verb_at: int) -> bool:
    """Does the clause before a verb of saying hold anyone who may be its subject: a
    pronoun, a title or a name (`格桑旺姆介绍`, `他强调`)? When it holds only what
    the speaker does meanwhile (`牧民扎西一边添草料，一边说`), the clause before it.
    Not `会议指出`, `据介绍`, `市气象台建议`: a quick look that only spares the
    attribution a question whose answer is no one."""
    end = verb_at
    for _ in range(2):
        begin = max(text.rfind(c, 0, end) for c in _SUBJECT_BREAKS) + 1
        clause = text[begin:end].strip()
        bare = without_adverbials(clause)
        if _SOMEONE.search(clause) or (bare and name_in(bare) is not None):
            return True
        if bare and not clause.startswith(("一边", "边")):
            return False
        end = begin - 1
        if end <= 0 or text[end] not in "，,":
            return False
    return False


def _sentence_end(speech: Speech, start: int) -> int:
    """The end of the reported sentence opening at `start`: a stop, the paragraph's end,
    or a quotation set apart after a comma (`他打算……，“……”。`)."""
    text = speech.text
    at = start
    while at < len(text):
        ch = text[at]
        if ch in _SENTENCE_END or ch == "\n":
            return at
        if ch in _MARKS and at > start:
            chain = speech.quotation(at + 1, at + 1)
            if chain and chain[0].opening == at:
                if text[at - 1] in "，,：:":
                    return at
                at = chain[-1].end + 1  # a term in marks: the sentence goes on
                continue
        at += 1
    return at


def _words(printed: str, direct: bool) -> str:
    """A passage as a quote's text: its paragraphs joined (a quotation over a paragraph
    break reopens with a mark), without the stops that end it."""
    if direct:
        printed = re.sub(rf"\s*\n\s*[{OPENING}]?", "", printed)
    return printed.strip().rstrip("，,；;：:").strip()


# --- speakers ---------------------------------------------------------------------


def _speaker(credit: Credit, speech: Speech, passage: Passage) -> Speaker | None:
    """The person a credit names, as a quote prints them; None for no one (an
    organisation, a group, the reporter, a pronoun that stands for no one)."""
    if credit.reporter:
        return None
    if not passage.direct and "in the speech before" in credit.how:
        return None  # a reported sentence with no verb of its own: no quote of its own
    if credit.pronoun:
        name = credit.person
        if name is None or credit.refers_to is None or not _is_name(credit.refers_to, name):
            return None
        if _someone_else_named(speech, credit.start, name):
            return None
        return Speaker(name, _title_in_text(speech.text, name))
    if credit.leading:
        return _leading(credit.who, speech)
    name = credit.person
    if name is None:
        if office_named(credit.who, credit.who) and not _SEVERAL.search(credit.who):
            return Speaker(credit.who, None)  # `市住建局相关负责人表示`
        return None
    titled = _split_title(name)
    if titled is not None and not_a_person(titled.name) is None:
        return titled
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


def _is_name(reference: str, name: str) -> bool:
    """Is `name`, read from `reference`, a name: it opens with no common word and,
    unless a title stands right before it, no word runs into it from the words
    before? Not `做法` (`介绍了…的做法：“……”`), `讲解竹编` (`向游客讲解竹编的工序`),
    `作报告中` (`政府工作报告中指出`). After a title a word may run across
    (`店主次仁多吉`: 主次)."""
    at = max(reference.rfind(name), 0)
    after = reference[at + len(name) :]
    titled = bool(_ROLE_AT_END.search(reference, 0, at) or _ROLE.match(after))
    if not person_name(name) or opens_with_common_word(name):
        return False  # `他叮嘱道`, `讲解竹编`
    # A word across the start (`农机手边巴次仁`: 手边) is no harm when the name holds no
    # common word, as `作报告中` (报告) does.
    return titled or is_boundary(reference, at) or not holds_common_word(name)


def _someone_else_named(speech: Speech, at: int, name: str) -> bool:
    """Does the sentence of a pronoun at `at`, or the one before, name with a title
    someone other than the person it is read to stand for, and not them? Then the
    pronoun may stand for that other one (`……副院长周丽列席会议。她说，`): no quote
    is better than a quote credited to the wrong person."""
    text = speech.text
    begin = at
    for _ in range(2):  # back to the start of the sentence before
        begin = max(text.rfind(c, 0, max(begin - 1, 0)) for c in "。！？!?\n") + 1
    window = text[begin:at]
    if name in window:
        return False
    for m in _TITLED.finditer(window):
        words = m["words"]
        if speech.mentions.in_speech(begin + m.start()) or opens_with_common_word(words):
            continue
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
    after = _ROLE.match(reference, at + len(name))
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
        if title and name_in(title + name) == name and _ROLE.search(title):
            return title
        at = text.find(name, at + len(name))
    return None


def _clean_title(words: str) -> str | None:
    """A title without the marks of a quotation before it or a list's comma around it."""
    words = words.lstrip("”」’").rstrip("“「‘").strip("、 ")
    if words.count("“") != words.count("”"):
        words = words[words.rfind("”") + 1 :] if "”" in words else words.replace("“", "")
    return words or None
