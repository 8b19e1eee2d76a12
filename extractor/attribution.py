"""Who an article says spoke some words, and how it says so.

Given an article's text and where some words stand in it, `Speech.credit` reads the genre's
ways of giving words to someone:
- a verb of saying after a quotation: `“……，”柳梧街道办事处人大专干索朗拉姆说。`;
- a verb of saying or a colon before it: `普赤告诉记者：“……”`, `徐海：“……”`;
- a remark quoted as someone's: `习近平总书记“……”的重要论述`;
- reported speech after a verb of saying: `占堆指出，……。`, `据拉萨市篮球协会负责人罗布旺久介绍，……。`;
  the next sentence of the paragraph goes on in the same voice (`……。下一步，……。`);
- a quotation continued over a paragraph break (the new paragraph opens with a mark) is
  credited where the quotation opened or closed; one left open whose closing part OCR
  printed apart, where that part closes (`split_quotations.py`);
- a pronoun (`他说`, `她强调`, `该负责人介绍`) stands for the person the sentences before it
  name (or, with none, the headline).

Whether words stand inside quotation marks (`quotation`, which decides a quote's kind) is
`quotations.py`'s business, what counts as a person `persons.py`'s, who a text names as a
person (whom a pronoun stands for) `mentions.py`'s, and whom a clause opens with, as the one
who speaks (`村民白玛次仁站在…告诉记者`), `subjects.py`'s. Pure and fast: a text is read once,
lazily, a paragraph at a time; nothing here knows about records.

To ask who says a passage of an article, `attribute`:

>>> said = attribute("“路修好了。”正在帮厨的村民央拉说。", "路修好了。")
>>> said.direct, said.credit.who, said.credit.how, said.credit.person
(True, '正在帮厨的村民央拉', '说 after the quotation', '央拉')
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from extractor.anaphors import opening_noun, refers_to, stands_in
from extractor.mentions import Mentions
from extractor.ocr_stops import read_stops
from extractor.persons import ORGANISATION, name_in
from extractor.quotations import CLOSING, OPENING, Quotation, QuotedText
from extractor.saying import (
    AFTER,
    LEAD,
    LEAD_REACH,
    LEAD_VERB,
    MARKED_NAME,
    MARKED_TERM,
    REMARK,
    SIGNED,
    VIEW,
    says_nothing,
)
from extractor.shown_saying import shown_saying
from extractor.speech_words import BREAK, BREAK_CLASS
from extractor.split_quotations import credited_apart
from extractor.subjects import (
    PRONOUN_SUBJECT,
    REPORTER,
    opening,
    opens_with_whole,
    pronoun_first,
    reference_name,
    said_at_end,
    spoken_by_opener,
    titled_person_in,
    trimmed,
)
from extractor.textindex import TextIndex
from extractor.unit_aliases import alias_at_end

_SENTENCE_END = "。！？!?；;…"
_CLAUSEBREAK = re.compile(f"[{BREAK_CLASS}]")
_CLAUSES = re.compile("[，,；;：:]")  # what ends a clause of a sentence
_CLAUSEBREAKS = frozenset(BREAK)


@dataclass(frozen=True, slots=True)
class Credit:
    """Whom an article gives some words to, and how.

    `who` is the reference as printed (`柳梧街道办事处人大专干索朗拉姆`, `他`,
    `市气象台`), at `start`–`end` of the text it was read in. For a pronoun,
    `refers_to` is the person it stands for, as printed, when the text names one.
    With `leading`, `who` is a whole clause whose subject (its first words) spoke
    (`次仁一边整理货物，一边说`).
    """

    who: str
    start: int
    end: int
    how: str
    refers_to: str | None = None
    pronoun: bool = False
    reporter: bool = False
    leading: bool = False

    @property
    def person(self) -> str | None:
        """The name of the person credited (for a pronoun, of the one it stands for), or
        None when the credit is no one's name: the reporter, an organisation, a
        clause whose subject spoke (`who`), a pronoun the text names no one for."""
        if self.reporter:
            return None
        if self.pronoun:
            return name_in(self.refers_to) if self.refers_to else None
        return None if self.leading else name_in(self.who)


@dataclass(frozen=True, slots=True)
class Said:
    """A passage of an article, where it stands, and who says it.

    `start`–`end` are offsets of the passage in the article's text; `direct` is
    True when it stands inside one quotation (a quote's kind); `credit` is whom
    the article gives it to, and how, or None when it gives it to no one.
    """

    start: int
    end: int
    direct: bool
    credit: Credit | None


def attribute(text: str, passage: str, headline: str = "") -> Said | None:
    """Who the article `text` says spoke `passage`, and how; None when the passage is
    not printed there (it is matched ignoring whitespace and the style of quotation
    marks). A pronoun is read for the person it stands for in the body, else in
    `headline` (`次仁多吉：……` over `“……”他说。`).

    This is the checker's own reading (`check_speech.py` judges a quote's speaker and
    kind by it), for a backend to extract quotes with.
    """
    span = TextIndex(text, drop_quotes=True).find(passage.strip())
    if span is None:
        return None
    speech = speech_of(text)
    credit = speech.credit(span.start, span.end, speech_of(headline) if headline else None)
    direct = speech.quotation(span.start, span.end) is not None
    return Said(span.start, span.end, direct, credit)


@functools.lru_cache(maxsize=4)
def speech_of(text: str) -> Speech:
    """The speech of `text`, shared by whoever asks about the same text: the rules and the
    checker read an article's speech once. A `Speech` only ever learns what its text
    says, on demand, so sharing it changes no answer."""
    return Speech(text)


class Speech(QuotedText):
    """The speech of one text (an article's body, or its headline), read on demand; a `.`
    printed for a sentence's stop is read as one (`ocr_stops.py`)."""

    def __init__(self, text: str) -> None:
        super().__init__(read_stops(text))
        self.mentions = Mentions(self.text, self)

    # --- credit ---------------------------------------------------------------

    def credit(
        self, start: int, end: int, headline: Speech | None = None, speaker: str = ""
    ) -> Credit | None:
        """Whom the text gives the words at start–end to, or None if no one. A pronoun
        is resolved to the person named last before it: a person the text names with a
        title or gives words to elsewhere, or `speaker` where it stands as a person."""
        chain = self.quotation(start, end)
        found = (
            self._quotation_credit(chain, speaker)
            if chain is not None
            else self._reported_credit(start)
        )
        if found is None and chain is not None:  # its closing part printed apart
            found = credited_apart(self, chain[-1], self._after)
        if found is not None and found.pronoun:
            return self._resolved(found, headline, speaker)
        return found

    def _quotation_credit(self, chain: list[Quotation], speaker: str) -> Credit | None:
        first, last = chain[0], chain[-1]
        # Continued quotations: look back to the paragraph the quotation opened in,
        # and on to the one it closes in.
        k = self._index(first.start)
        while self._continues(k) and first.opening == self._bounds[k][0]:
            opened = self._paragraph(k - 1).quotations[-1]
            first, k = opened, k - 1
        k = self._index(last.start)
        while not last.closed and k + 1 < len(self._bounds) and self._continues(k + 1):
            k += 1
            last = self._paragraph(k).quotations[0]
        before = self._before(first) if first.opening >= 0 else None
        if before is not None and _no_one(before) and self.text[first.opening - 1] in "，,":
            # `X说，…，上门宣讲，“……”`: a verb in X's reported words, its clause no one, goes on them
            inside = self._sentence_voice(first.opening)
            before = inside if inside is not None and not _no_one(inside) else before
        if before is not None:
            return before
        if last.closed:
            after = self._after(last, speaker)
            if after is not None:
                return after
        # No attribution of its own: the speaker whose reported words it ends
        # (`学员旺堆说，他打算……，“……”。`), the voice of the speech before it in the
        # paragraph, or the person its sentence names (`“……！”说起变化，村民卓玛满脸笑容。`).
        opening = first.opening if first.opening >= 0 else first.start
        inside = self._sentence_voice(opening)
        if inside is not None:
            return inside
        voice = self._previous_voice(opening)
        if voice is None and last.closed:
            voice = self._named_after(last, speaker)
        if voice is None and first.opening >= 0:  # `村民拉姆…介绍着自家的糌粑。“……”`
            return self._named_before(first.opening, speaker) or shown_saying(self, first.opening)
        return voice

    def _named_after(self, quotation: Quotation, speaker: str) -> Credit | None:
        """The rest of the quotation's sentence, when it opens a clause with a person (a
        name with its title, or `speaker` as a person reference names it)."""
        k = self._index(quotation.end)
        para_end = self._bounds[k][1]
        end = quotation.end + 1
        while end < para_end and self.text[end] not in _SENTENCE_END:
            if self.text[end] in OPENING:
                named = MARKED_NAME.match(self.text, end, para_end) or MARKED_TERM.match(
                    self.text, end, para_end
                )  # `白纳村“雪域人家”民宿老板`, `在…“待产之家”，`
                if named is None:
                    break
                end = named.end()
                continue
            end += 1
        rest = self.text[quotation.end + 1 : end]
        offset = quotation.end + 1
        said = said_at_end(rest)  # `“……”11月的日喀则，…，外卖骑手边巴次仁捧着一杯热水说。`
        if said is not None and (self._leads(said[0]) or self._opens_with(said[0], speaker)):
            at = offset + said[1]
            return Credit(said[0], at, at + len(said[0]), said[2], leading=True)
        for clause in _CLAUSES.split(rest):
            words, at = trimmed(clause, offset)
            how = "named after the quotation"
            if PRONOUN_SUBJECT.match(words):  # `……时，她正在院子里接水`
                return Credit(words[0], at, at + 1, how, pronoun=True)
            if words and (self._leads(words) or self._opens_with(words, speaker)):
                return Credit(words, at, at + len(words), how, leading=True)
            noun = opening_noun(words)  # `“……”说到这里，这个五十多岁的汉子红了眼眶。`
            if noun is not None:
                return Credit(noun, at, at + len(noun), how, pronoun=True)
            offset += len(clause) + 1
        return None

    def _named_before(self, opening: int, speaker: str) -> Credit | None:
        """The person the quotation's sentence opens with, the quotation after a comma in
        the same sentence (`村民次仁拉姆熟练地将藏香装箱封口，“……”`)."""
        k = self._index(opening)
        begin = self._sentence_start(k, opening)
        if begin >= opening or self.text[opening - 1 : opening] not in "，,":
            return None
        clause, at = trimmed(_CLAUSES.split(self.text[begin:opening])[0], begin)
        if clause and (self._leads(clause) or self._opens_with(clause, speaker)):
            return Credit(clause, at, at + len(clause), "named before the quotation", leading=True)
        return None

    def _before(self, quotation: Quotation) -> Credit | None:
        """`普赤告诉记者：“`, `徐海：“`, or a remark: `习近平总书记“……”的重要论述`."""
        k = self._index(quotation.opening)
        para_start = self._bounds[k][0]
        # Only the last words before the mark can be a verb of saying and a colon.
        lead = self.text[max(para_start, quotation.opening - LEAD_REACH) : quotation.opening]
        m = LEAD.search(lead)
        if m is not None:
            at = (
                quotation.opening - len(lead) + (m.start("verb") if m["verb"] else m.start("colon"))
            )
            how = (
                "a colon before the quotation"
                if m["colon"]
                else f"{m['verb']} before the quotation"
            )
            return self._who_before(at, para_start, how)
        closing = quotation.end
        if closing < len(self.text) and REMARK.match(self.text, closing + 1):
            clause = self._clause_before(quotation.opening, para_start)
            # never a noun's, what a rule concerns (`严格落实校园安保“三个100%”要求`)
            person = titled_person_in(*clause) if clause is not None else None
            if person is not None:
                who, at = person
                return Credit(who, at, at + len(who), "a remark quoted as theirs")
        return None

    def _after(self, quotation: Quotation, speaker: str = "") -> Credit | None:
        """`……，”柳梧街道办事处人大专干索朗拉姆说。`, `……。”——村民 次仁央宗`"""
        k = self._index(quotation.end)
        para_end = self._bounds[k][1]
        signed = SIGNED.match(self.text, quotation.end + 1, para_end)
        if signed is not None:
            who, at = trimmed(signed["who"], signed.start("who"))
            return self._credit(who, at, "signed after the quotation")
        m = AFTER.match(self.text, quotation.end + 1, para_end)
        if m is None:
            return None
        who, at = pronoun_first(*trimmed(m["who"], m.start("who")))  # `他用…汉语说`: 他
        leading = spoken_by_opener(who, speaker, self.known)
        return self._credit(who, at, f"{m['verb']} after the quotation", leading=leading)

    def _who_before(self, verb_at: int, para_start: int, how: str) -> Credit | None:
        """The one who speaks before `verb_at`: the clause's subject, or, when the
        clause has none (`一边说`), the subject of the clause before it."""
        if says_nothing(self.text, verb_at):
            return None  # the 讲 of `组织干部双语宣讲，`, the 问 of `问一问：`: no verb of saying
        clause = self._clause_before(verb_at, para_start)
        credit = None
        if clause is not None:
            who, at = clause
            if who.startswith("据"):
                who, at = who[1:], at + 1
                how = "据…" + how.split(" ")[0]
            credit = self._subject(who, at, how)
            if credit is not None and (credit.pronoun or credit.reporter or credit.leading):
                return credit
            if credit is not None and name_in(who):
                return credit
        # `牧民扎西一边给牦牛添草料，一边说`, `村民平措站在地头，高兴地对记者说`: the
        # subject stands in the clause before.
        start = self._clause_start(verb_at, para_start)
        if start > para_start and self.text[start - 1] in "，,":
            previous = self._clause_before(start - 1, para_start)
            if previous is not None:
                found = self._subject(*previous, how)
                if found is not None and (found.pronoun or found.leading or name_in(found.who)):
                    return found
        if credit is not None and _no_one(credit):
            return self._over_a_term(start, verb_at, para_start, how) or credit
        return credit

    def _over_a_term(self, start: int, verb_at: int, para_start: int, how: str) -> Credit | None:
        """The subject of a clause a term in marks cuts, which opens before the term
        (`旦增曲扎在“百日攻坚”行动动员会上强调，`: not `行动动员会上`), when it opens
        with a person."""
        term = max(self.text.rfind(mark, para_start, start) for mark in OPENING)
        if term < 0 or MARKED_TERM.fullmatch(self.text, term, start) is None:
            return None
        begin = self._clause_start(term, para_start)
        words = self.text[begin:verb_at].strip()
        at = self.text.find(words, begin)
        found = self._subject(words, at, how) if words else None
        return found if found is not None and (found.leading or found.pronoun) else None

    def _subject(self, who: str, at: int, how: str) -> Credit | None:
        """The credit of a clause as the subject of a verb of saying: a pronoun that
        opens it (`她算了一笔账`), the reporter, a person reference (`游客徐女士`), or a
        clause that opens with a person and goes on with what they do
        (`村民白玛次仁站在自家院子里的水龙头前`, `项目工程师李海涛在现场向记者介绍了…`)."""
        credit = self._credit(who, at, how)
        if credit is None or credit.pronoun or credit.reporter:
            return credit
        if PRONOUN_SUBJECT.match(who):
            return Credit(who[0], at, at + 1, how, pronoun=True)
        if reference_name(who) is None and self._leads(who):
            return Credit(who, at, at + len(who), how, leading=True)
        return credit

    def _leads(self, clause: str) -> bool:
        """Does the clause open with a person (`牧民扎西…`, `游客徐女士…`)?"""
        return opening(clause, self.known()) is not None

    def _opens_with(self, clause: str, speaker: str) -> bool:
        return opens_with_whole(clause, speaker, self.known())

    def _clause_start(self, at: int, para_start: int) -> int:
        begin = at
        while begin > para_start and self.text[begin - 1] not in _CLAUSEBREAKS:
            begin -= 1
        alias = alias_at_end(self.text[para_start:begin], ORGANISATION)  # `市文化局（体育局）`
        return begin if alias is None else self._clause_start(para_start + alias, para_start)

    def _clause_before(self, at: int, para_start: int) -> tuple[str, int] | None:
        """The words of the clause ending at `at`, trimmed, and where they start."""
        begin = self._clause_start(at, para_start)
        words, start = trimmed(self.text[begin:at], begin)
        return (words, start) if words else None

    def _credit(self, who: str, at: int, how: str, *, leading: bool = False) -> Credit | None:
        if not who:
            return None
        if stands_in(who):  # `他`, `该负责人`, `这位老人`, `老人` (`anaphors.py`)
            return Credit(who, at, at + len(who), how, pronoun=True)
        reporter = bool(REPORTER.match(who))
        return Credit(who, at, at + len(who), how, reporter=reporter, leading=leading)

    def _reported_credit(self, start: int) -> Credit | None:
        """Reported words: the verb of saying that opens their sentence, or the voice
        of the sentence before, when this one goes on with it."""
        k = self._index(start)
        para_start = self._bounds[k][0]
        begin = self._sentence_start(k, start)
        lead = self.text[begin:start]
        view = VIEW.search(lead)
        if view is not None and not lead[view.end() :].strip():  # `在他看来，……`
            return self._credit(view["who"], begin + view.start("who"), "看来 before the words")
        for m in LEAD_VERB.finditer(lead):
            credit = self._who_before(
                begin + m.start("verb"), begin, f"{m['verb']} before the words"
            )
            if credit is not None:
                return credit
        colon = re.match(r"^\s*([^，,。；;：:“”]{1,30})[：:]\s*“?$", lead)  # `扎西：“十四五”…`
        if colon:
            return self._credit(*trimmed(colon[1], begin), "a colon before the words")
        if begin > para_start and not _CLAUSEBREAK.sub("", lead).strip():
            return self._previous_voice(begin, reported=True)
        return None

    def _sentence_voice(self, at: int) -> Credit | None:
        """The speaker of the reported words that `at` stands in: a verb of saying that
        opens its sentence before it (`学员旺堆说，他打算……，`)."""
        k = self._index(at)
        begin = self._sentence_start(k, at)
        for m in LEAD_VERB.finditer(self.text, begin, at):
            credit = self._who_before(m.start("verb"), begin, f"{m['verb']} before the words")
            if credit is not None:
                return credit
        return None

    def _sentence_start(self, k: int, at: int) -> int:
        """Where the sentence holding `at` starts: after the last sentence end outside a
        quotation, or after a quotation that ends one (`……。”`)."""
        para_start = self._bounds[k][0]
        quotations = self._paragraph(k).quotations
        closed_at = {q.end for q in quotations}
        begin = at
        while begin > para_start:
            ch = self.text[begin - 1]
            inside = next((q for q in quotations if q.start <= begin - 1 < q.end), None)
            if inside is not None:
                begin = inside.opening if inside.opening >= 0 else inside.start
                continue
            if ch in _SENTENCE_END:
                break
            closes = ch in CLOSING or begin - 1 in closed_at
            if closes and self.text[begin - 2 : begin - 1] in _SENTENCE_END:
                break  # (a straight mark closes a quotation too: `……听。"县委…介绍，`)
            begin -= 1
        return begin

    def _previous_voice(self, at: int, *, reported: bool = False) -> Credit | None:
        """The credit of the speech right before `at` in its paragraph: a quotation, or
        the reported sentence before, which this one goes on (for reported words, a
        chain of them)."""
        k = self._index(at)
        para_start = self._bounds[k][0]
        before = self._sentence_start(k, at - 1) if at > para_start else para_start
        if at <= para_start:
            return None
        quotations = [q for q in self._paragraph(k).quotations if q.end < at and q.start >= before]
        for quotation in reversed(quotations):
            found = self._before(quotation) if quotation.opening >= 0 else None
            found = found or (self._after(quotation) if quotation.closed else None)
            if found is not None:
                return _continued(found)
        lead = self.text[before:at]
        for m in LEAD_VERB.finditer(lead):
            found = self._who_before(
                before + m.start("verb"), before, f"{m['verb']} before the words"
            )
            if found is not None:
                return _continued(found)
        # A quotation goes on the reported words of the sentence right before it
        # (`德吉央宗说，……。“……”`), and further back only past other speech, or when it
        # ends, after a comma, a sentence that names no one (`张伟说，……。乡里……，“……”。`,
        # not `村民拉姆熟练地……，“……”`).
        after_comma = self.text[at - 1 : at] in "，," and self._named_before(at, "") is None
        if (reported or quotations or after_comma) and before > para_start:
            found = self._previous_voice(before, reported=True)
            return found
        return None

    # --- pronouns ---------------------------------------------------------------

    def _resolved(self, credit: Credit, headline: Speech | None, speaker: str) -> Credit:
        """A pronoun or a noun (`这位老人`) with the person it stands for (`anaphors.py`)."""
        over = headline.mentions if headline is not None else None
        named = refers_to(self.mentions, credit.who, credit.start, speaker, over)
        if named is None:
            return credit
        return Credit(credit.who, credit.start, credit.end, credit.how, named, pronoun=True)

    def persons_before(self, at: int, speaker: str = "") -> list[str]:
        """The people named before offset `at` (`mentions.py`), the last named last."""
        return self.mentions.before(at, speaker)

    def known(self) -> list[str]:
        """The names of the people the text names with a title or gives words to."""
        return self.mentions.names()


def _no_one(c: Credit) -> bool:  # the words of a clause (`上门宣`), an organisation
    return not (c.pronoun or c.reporter or c.leading) and name_in(c.who) is None


def _continued(credit: Credit) -> Credit:
    return replace(credit, how=f"{credit.how}, in the speech before")
