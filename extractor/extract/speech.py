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
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from extractor.adverbials import without_adverbials
from extractor.alternation import alternation
from extractor.attribution import Credit, Speech, speech_of
from extractor.extract.speakers import credited, named_near
from extractor.models import Quote, Span
from extractor.persons import name_in
from extractor.quotations import CLOSING, OPENING, Quotation
from extractor.roles import ROLES
from extractor.speech_words import ADDRESSEES, VERBS
from extractor.stops import last_of, positions_of

_MARKS = OPENING + '"'
# Short words in a pair of marks with no sentence in them: a term, most often.
_TERM = re.compile(r"“[^“”‘’\n，,。！？!?；;…]{0,13}”")
_SENTENCE_END = "。！？!?…"
# A verb of saying, then the comma or colon that opens reported words: `占堆指出，`.
# A pronoun's 要求 directs with no comma too (`他要求全体指战员严格落实…`): a speaker's
# demand, where a name's (`洛桑次仁要求每个新学徒…`) is as often narration. (A branch for
# the verbs of each first character, and the pronoun looked behind after 要求: every branch
# opens with a character, and the scan tries only where one of them stands.)
_SAYING = re.compile(
    "|".join(
        rf"{alternation(w for w in VERBS if w[0] == initial)}{ADDRESSEES}?[，,：:]"
        for initial in dict.fromkeys(w[0] for w in VERBS)
    )  # (`他提醒广大牧民群众，`)
    + r"|要求(?<=[他她]要求)(?=[^，,：:“”\"的\s])"
)
# Before 说, what makes it no verb of saying: `来说`, `比如说`, `就是说`, `换句话说`,
# `一般来说`, `虽说`, `听说`, `据说`.
_NOT_SAYING = frozenset("来如是话般虽听据")
# A verb of reckoning (`算了一笔账：`, `算起了账，`): the figures after it are the
# article's account of the sum, not the person's words; a quotation after it is theirs.
_RECKONING = "账"
# A paragraph break inside a quotation, with the mark that reopens it.
_PARAGRAPH_BREAK = re.compile(rf"\s*\n\s*[{OPENING}]?")
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
# A pronoun or a title: someone the words before a verb of saying may name.
_SOMEONE = re.compile(alternation(["他", "她", "其", "该", "这位", "此", *ROLES]))
# The verbs with which a leader directs, whose voice goes on in the sentences after
# (`李建国强调，要……。要……。`); not 说, 介绍, 表示, after which a sentence with 要 is
# narration again (`每月要跑12个村`).
_DIRECTING = ("强调", "要求", "指出")
# A sentence that directs: 要 in its first or second clause, as a modal, not a word
# of its own (重要, 主要, 需要, 只要, 要素, 要是): `各县（区）要结合实际`,
# `对涉河违法问题，要坚持…`. Not the words of a meeting or the reporter (`据悉，`).
_DIRECTIVE = re.compile(
    r"(?!据|会上|会议)(?:[^，,；;。“”]{1,12}[，,])?[^，,；;。“”]{0,12}?"
    r"(?<![重主需只首必紧想])要(?![求素点件害闻是么])"
)
# A notice's label before its colon, opening the clause, after an item's number or none:
# `五、温馨提示：`, `友情提醒：`; never a person's adverb (`他特别提醒，`).
_NOTICE_LABEL = re.compile(
    r"\s*(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[）)])?"
    r"(?:温馨|友情|特别|重要|安全)"
)
_CLAUSE_STOPS = set("，,。！？!?；;：:…\n")
_SUBJECT_BREAKS = frozenset("，,。！？!?；;：:“”\n")
# What follows a remark quoted as someone's: `“……”的重要论述`, `“……”要求`.
_REMARK_AFTER = re.compile(r"[”」』’]的?(?:重要|指示|要求|号召|嘱托|论述|讲话|批示|寄语|回信)")


@dataclass(frozen=True, slots=True)
class Passage:
    """Words that may be speech: text[start:end], whether they stand in marks, and
    whether they stand as speech of their own (a quotation set apart from the sentence
    around it), or only as a remark the article may quote as someone's."""

    start: int
    end: int
    direct: bool
    apart: bool = True
    goes_on: bool = False  # a leader's directive going on with no verb of its own


def quotes_in(text: str, headline: str = "", reporters: Collection[str] = ()) -> list[Quote]:
    """Every quote of an article's text, in order of appearance; `reporters` are the
    names of the byline and dateline, who are no speakers."""
    speech = speech_of(text)
    over = speech_of(headline) if headline else None
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
        if not (passage.apart or (credit is not None and credit.how == _REMARK)):
            continue
        kind = "direct" if passage.direct else "indirect"
        speaker = (
            credited(credit, speech, passage.direct, goes_on=passage.goes_on)
            if credit is not None
            else None
        )
        if speaker is None and not passage.goes_on and _read_as_no_one(credit, passage.direct):
            quote = Quote(speaker="?", text=words, kind=kind)
            span = Span(start=passage.start, end=passage.end)
            speaker = named_near(speech, span, quote, over, reporters)
        if speaker is None or (speaker.name, words) in seen:
            continue
        seen.add((speaker.name, words))
        found.append(
            Quote(speaker=speaker.name, speaker_title=speaker.title, text=words, kind=kind)
        )
    return found


def _read_as_no_one(credit: Credit | None, direct: bool) -> bool:
    """Does the attribution read the words as no one's it can name: credited to no one,
    to a pronoun or a clause whose person it does not name? Not the reporter's words, an
    organisation's, or a reported sentence that only goes on in the voice before."""
    if credit is None:
        return True
    if credit.reporter or (not direct and "in the speech before" in credit.how):
        return False
    return credit.pronoun or credit.leading


# --- passages ---------------------------------------------------------------------


def _passages(speech: Speech) -> Iterator[Passage]:
    yield from _quotations(speech)
    yield from _reported(speech)


def _quotations(speech: Speech) -> Iterator[Passage]:
    """The outermost quotations that read as speech, each over the paragraphs it runs on."""
    text = speech.text
    covered = 0
    closings: set[int] = set()  # the closing marks of the quotations found
    for at in positions_of(text, _MARKS):
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
    for at in positions_of(text, CLOSING, 1):
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
    # Words closed by a stop of their own (`“……了。”`) are a sentence apart, whatever the
    # page prints before the mark: a subheading the page ran into the paragraph
    # (`生态底色更亮“……。”`), a reporter's note (`（记者 旦增）“……。”`).
    closed = words.rstrip()[-1:] in _SENTENCE_END and not words.rstrip().endswith("…")
    return sentence and (before in _BEFORE_SPEECH or closed) and after != "的"


def _reported(speech: Speech) -> Iterator[Passage]:
    """Reported sentences: after `……指出，` to the end of the sentence (or to a
    quotation that ends it, which is a passage of its own)."""
    text = speech.text
    covered = 0
    for m in _SAYING.finditer(text):
        if m.start() < covered or speech.quotation(m.start(), m.start() + 1) is not None:
            continue  # a verb inside reported or quoted words
        if m[0][0] == "说" and text[m.start() - 1 : m.start()] in _NOT_SAYING:
            continue  # `对他们一家来说，`, `比如说，`, `也就是说，`: no one speaks
        if _RECKONING in m[0]:
            continue  # `边巴次仁算了一笔账：基地的温室大棚有120座，…`: a sum, not words
        if _NOUN_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # `提交了3件建议，`, `按照……的要求，`: a noun, not a verb of saying
        if not _may_name_someone(text, m.start()):
            continue  # `会议指出，`, `据了解，`: no one to ask the attribution about
        clause_at = last_of(text, _SUBJECT_BREAKS, m.start()) + 1
        if _NOTICE_LABEL.fullmatch(text, clause_at, m.start()):
            continue  # `五、温馨提示：请广大用户…`: a notice's item, no one's words
        start = m.end()
        while start < len(text) and text[start] in " \u3000":
            start += 1
        if start >= len(text) or text[start] == "\n":
            continue
        if text[start] in _MARKS and not _opens_with_term(text, start):
            continue  # `说：“……”`: the quotation is the passage
        if _does_meanwhile(text, m.start(), start):
            continue  # `一边给记者介绍，一边记录着…`: what they do while they speak
        end = _sentence_end(speech, start)
        while end > start and text[end - 1] in "，,：:；; ":
            end -= 1
        if end > start:
            covered = end
            yield Passage(start, end, False)
            if m[0].startswith(_DIRECTING):
                for going_on in _directives_after(speech, end):
                    covered = going_on.end
                    yield going_on


def _does_meanwhile(text: str, verb_at: int, start: int) -> bool:
    """Do the words after a verb of saying tell what the speaker does meanwhile
    (`一边给记者介绍，一边记录着…`, `边说，边比划着…`), not what they say? A lone 边
    opens that only after a clause that opens with 边 too: the papers of the border
    counties open reported words with 边境, 边坝, 边民 (`王海涛强调，边境地区是…`)."""
    if text.startswith("一边", start):
        return True
    clause = text[last_of(text, _SUBJECT_BREAKS, verb_at) + 1 : verb_at].strip()
    return text.startswith("边", start) and clause.startswith(("边", "一边"))


def _directives_after(speech: Speech, end: int) -> Iterator[Passage]:
    """The sentences of the paragraph after a leader's reported directive (`李建国强调，
    要……。`) that go on directing with 要 and no verb of their own (`要全面推进……。`,
    `同时，要依托……。`, `各县（区）要结合实际，……。`): the guidelines give each such
    sentence a quote of its own, credited to the voice before."""
    text = speech.text
    while end < len(text) and text[end] in _SENTENCE_END:
        start = end + 1
        if start >= len(text) or text[start] in _MARKS or text[start] == "\n":
            return
        end = _sentence_end(speech, start)
        sentence = text[start:end]
        if _SAYING.search(sentence) or not _DIRECTIVE.match(sentence):
            return
        stop = end
        while stop > start and text[stop - 1] in "，,：:；; ":
            stop -= 1
        yield Passage(start, stop, False, goes_on=True)


def _opens_with_term(text: str, at: int) -> bool:
    """Do the words at `at` open with a term in marks that the sentence goes on after
    (`据……介绍，“青春护河”志愿服务活动今年已开展8次`)?"""
    term = _TERM.match(text, at)
    return term is not None and text[term.end() : term.end() + 1] not in _CLAUSE_STOPS


def _may_name_someone(text: str, verb_at: int) -> bool:
    """Does the clause before a verb of saying hold anyone who may be its subject: a
    pronoun, a title or a name (`格桑旺姆介绍`, `他强调`)? When it holds only what
    the speaker does meanwhile (`牧民扎西一边添草料，一边说`), the clause before it.
    Not `会议指出`, `据介绍`, `市气象台建议`: a quick look that only spares the
    attribution a question whose answer is no one."""
    end = verb_at
    for _ in range(2):
        begin = last_of(text, _SUBJECT_BREAKS, end) + 1
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
        printed = _PARAGRAPH_BREAK.sub("", printed)
    return printed.strip().rstrip("，,；;：:").strip()
