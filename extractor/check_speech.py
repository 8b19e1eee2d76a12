"""A quote's claims about speech: its kind, and who said it.

The checker has found the quote's words in the article; here it asks the
article (`attribution.py`) what it says of them:
- `kind` is `direct` exactly when the words stand inside quotation marks;
- the article gives the words to the quote's `speaker`: it names them there
  as the one who says them, or a pronoun stands there for them;
- the speaker is a person as printed (`persons.py`), not a pronoun, a title,
  a group or a fragment of a sentence, nor the reporter of the byline.

Each reason says why and, where it can, whom the article credits:
`the article credits these words to "次仁卓嘎", not "扎西"`.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from extractor.attribution import Credit, Speech
from extractor.book_titles import book_title_holding
from extractor.models import Quote, Span
from extractor.name_ends import name_at
from extractor.offices import office_from_place, office_standing
from extractor.persons import name_in, names, not_a_person, office_named, opens_with
from extractor.saying import twice_said_in
from extractor.stops import starts_of
from extractor.subjects import LEADING_REACH, opening
from extractor.textindex import normalize
from extractor.word_cuts import cut_from_words, known_past_cut

# A closing mark, an attribution, an opening mark: the seam between two quotations.
# Or a closing mark, a speaker and a verb of saying, then a stop or the end of the
# words (`”扎西表示，`): not a term in marks inside the words (`“五措并举”，让群众知道`,
# `畅通“家门口”的维权渠道。`: a 道 that ends a word says nothing).
_DAO = r"(?<![渠知街轨通赛频味管隧国步报难车航水古栈大称公厚地霸一])道"
_ATTRIBUTION_INSIDE = re.compile(
    rf"[”」][^“”「」\n]{{0,40}}?(?:说|表示|指出|强调|介绍|告诉|问|答|{_DAO})[^“”「」]*[“「]"
    rf"|[”」][^“”「」\n，,。；;！？!?]{{0,15}}?"
    rf"(?:说道|说|表示|指出|强调|介绍|告诉记者|告诉|问道|问|答道|答|{_DAO})(?:[，,：:。]|$)"
)
# A reporter's title before a name, in the same clause (`拉萨融媒讯(记者格桑卓玛)`,
# `本报记者 扎西 通讯员 次仁`).
_AS_REPORTER = re.compile(r"(?:记者|通讯员|实习生|摄影)[^，,。；;！？!?\n“”]*$")
# How far before a name its reporter's title is looked for, outside a dateline's bracket;
# and how long a dateline's bracket runs (`本报讯（记者 扎西顿珠 次仁央宗 格桑卓玛 达娃）`).
_TITLE_REACH = 12
_BRACKET_REACH = 60
# A paragraph break not followed by an opening mark: words outside any quotation
# (a quotation that goes on in a new paragraph opens it with a mark).
_PARAGRAPH_OUTSIDE = re.compile(r"\n(?![“「])")


def crossings(passage: str, kind: str) -> list[str]:
    """Why a quote's passage runs past one person's words, if it does.

    Matching ignores quotation marks, so the words of two quotations and the
    attribution between them (`……。”索朗拉姆说。“……`) would match as one.
    """
    if kind == "indirect" and "\n" in passage:
        return ["indirect quote text runs across paragraphs"]
    if kind == "direct" and _ATTRIBUTION_INSIDE.search(passage):
        return ["quote text runs past the end of a quotation into words around it"]
    if kind == "direct" and _PARAGRAPH_OUTSIDE.search(passage.strip()):
        return ["direct quote text runs into a paragraph outside the quotation"]
    return []


def kind_reasons(speech: Speech, span: Span, kind: str) -> list[str]:
    """Why `kind` is not what the words at `span` are, if it is not."""
    held = speech.quotation(span.start, span.end) is not None
    if kind == "direct" and not held:
        if speech.quotation(span.start, span.start + 1) is None:
            return [
                'kind "direct", but these words do not stand inside quotation marks in the '
                'article (reported speech is "indirect")'
            ]
        reasons = ["direct quote text runs past the end of its quotation"]
        # Reported words that open with a name or term in marks (`“沙棘林杯”全民健身
        # 系列赛今年……`): their kind is wrong too, not only where they end.
        quoted = speech.quoted(span.start, span.end)
        if 2 * sum(hi - lo for lo, hi in quoted) < span.end - span.start:
            marked = "、".join(f'"{speech.text[lo:hi]}"' for lo, hi in quoted)
            reasons.append(
                'kind "direct", but most of these words do not stand inside quotation marks '
                f'in the article, only {marked} (reported speech is "indirect")'
            )
        return reasons
    if kind == "indirect" and held:
        return [
            'kind "indirect", but these words stand inside quotation marks in the article '
            '(a quotation is "direct")'
        ]
    return []


def speaker_reasons(
    quote: Quote,
    speech: Speech,
    span: Span,
    *,
    headline: Speech | None = None,
    reporters: Collection[str] = (),
) -> list[str]:
    """Why the article does not give the words at `span` to `quote.speaker`, if it does not."""
    speaker = quote.speaker.strip()
    title = book_title_holding(speech.text, speaker)
    if title is not None:  # `制工作考` of `《曲水县河湖长制工作考核办法》`
        return [
            f'speaker "{speaker}" is a piece of the title {title}, the name of a document, '
            "a law or a book, not a person"
        ]
    credit = speech.credit(span.start, span.end, headline, speaker)
    reasons: list[str] = []
    if credit is not None and office_named(credit.who, speaker):
        office = office_from_place(speaker, speech.text)
        if office != speaker:  # `…可支配收聂荣县委书记`: another sentence's words run into it
            return [
                f'speaker "{speaker}" is a fragment of a sentence, not a person: the office '
                f'the article names is "{office}"'
            ]
        return reasons  # `市长在调研中强调`: the office is all the article prints of them
    if office_standing(credit, speaker, speech.text):
        return reasons  # `该负责人表示，……`, the official printed next to it: `市发改委有关负责人`
    twice = twice_said_in(speaker, speech.text)
    if twice is not None:
        return [
            f'speaker "{speaker}" is a fragment of a sentence, not a person: it runs into '
            f'"{twice}", a verb said twice, which asks the words of no one'
        ]
    cut = _cut_where_credited(credit, speaker, speech.text) or _title_clipped(credit, speaker)
    if cut is not None:
        return [cut]
    problem = not_a_person(speaker)
    if problem is not None:
        reasons.append(problem)
    if _credits(credit, speaker, speech) and not _reporter_by_reference(
        credit, speaker, reporters, speech.text
    ):
        return reasons
    if (
        problem is not None
        and credit is not None
        and credit.pronoun
        and credit.refers_to == speaker
    ):
        return reasons  # a pronoun read as standing for the fragment: it stands for no one else
    if _is_reporter(speaker, reporters):
        reasons.append(
            f'speaker "{speaker}" is the reporter of the byline or dateline, who does not '
            "say these words"
        )
    reasons.append(_whom(credit, speaker))
    return reasons


def _credits(credit: Credit | None, speaker: str, speech: Speech) -> bool:
    """Does `credit` give the words to `speaker`? The people the text names are read
    only for a clause whose subject spoke."""
    if credit is None or credit.reporter:
        return False
    if credit.pronoun:
        return credit.refers_to is not None and names(credit.refers_to, speaker)
    if credit.leading:  # a clause whose subject spoke: the speaker opens it
        return _opens_clause(credit.who, speaker, speech.known())
    known = known_past_cut(credit, speech)
    if known is not None:  # `语比` of `边巴次仁用手语比`: a clause whose subject spoke
        return _opens_clause(credit.who, speaker, known)
    return names(credit.who, speaker)


def _cut_where_credited(credit: Credit | None, speaker: str, text: str) -> str | None:
    """Why the speaker, printed in the words that credit it, is cut from the words around
    it (`word_cuts.py`), if it is."""
    if credit is None or credit.pronoun or credit.reporter or credit.leading:
        return None
    at = text.rfind(speaker, credit.start, credit.end)
    if at < 0 or text[credit.start : credit.end] != credit.who:
        return None
    cut = cut_from_words(text, at, at + len(speaker), speaker)
    if cut is None or _printed_clear_somewhere(text, speaker):
        return None
    return cut


def _title_clipped(credit: Credit | None, speaker: str) -> str | None:
    """Why the speaker, the name the words are credited to with one character before it,
    is no one: that character is cut from the title (`长陈军` of `厨师长陈军`, the head
    cook 陈军; a title is two characters or more)."""
    if credit is None or credit.pronoun or credit.reporter:
        return None
    name = name_in(credit.who)
    key = normalize(speaker)
    if name is None or len(key) != len(name) + 1 or not key.endswith(name) or key not in credit.who:
        return None
    return (
        f'speaker "{speaker}" is a fragment of a sentence, not a person: "{key[0]}" is cut '
        f'from the title before "{name}"'
    )


def _printed_clear_somewhere(text: str, speaker: str) -> bool:
    """Does the article print the speaker as words of their own anywhere: a name whose
    edges run into a word once (`郭明说` as 郭|明说) is printed clear of them elsewhere
    (`副主任郭明介绍`)."""
    return any(
        cut_from_words(text, at, at + len(speaker), speaker) is None
        for at in starts_of(text, speaker)
    )


def _opens_clause(clause: str, speaker: str, known: list[str]) -> bool:
    """Is the speaker the one a clause opens with? When the clause opens with a person
    it reads (`subjects.opening`), the words up to that person's name must name the
    speaker, as a reference does: not the place or the shop of the title before it
    (`八廓街` of `八廓街“雪域人家”茶馆店主卓嘎一边添茶`), nor part of the name, which
    runs as far as it is printed there."""
    person = opening(clause, known)
    at = clause.find(person) if person is not None else -1
    if person is not None and at >= 0:
        printed = name_at(clause, at) or ""  # a known `次仁` printed as `次仁曲珍`
        end = at + max(len(person), len(printed) if printed.startswith(person) else 0)
        return names(clause[:end], speaker)
    return opens_with(clause, speaker, LEADING_REACH) and not_a_person(speaker) is None


def _is_reporter(speaker: str, reporters: Collection[str]) -> bool:
    """Is the speaker a reporter, by name (`次仁`, `记者次仁`)? Not a person whose name
    holds the reporter's (`次仁央宗`, when the reporter is 次仁)."""
    key = normalize(speaker)
    name = name_in(key) or key
    return any(normalize(r) in (key, name) for r in reporters if normalize(r))


def _reporter_by_reference(
    credit: Credit | None, speaker: str, reporters: Collection[str], text: str
) -> bool:
    """Is the speaker a reporter whom only a pronoun or a clause's subject credits, and
    whom the text names nowhere but as a reporter? Such a reference never stands for the
    reporter of a dateline, read as a person after the title printed tight with the name
    (`拉萨融媒讯(记者格桑卓玛)走进…`, then `”她笑着说`); a person of the same name as the
    reporter, named in the body (`村民扎西顿珠`), may be what it stands for.

    >>> text = "拉萨融媒讯(记者格桑卓玛)走进村里。“好。”她笑着说。"
    >>> _reporter_by_reference(None, "格桑卓玛", ["格桑卓玛"], text)
    True
    >>> _reporter_by_reference(None, "格桑卓玛", ["格桑卓玛"], text + "村民格桑卓玛说。")
    False
    """
    by_name = credit is not None and not (credit.pronoun or credit.leading)
    if by_name or not _is_reporter(speaker, reporters):
        return False
    return all(_as_reporter(text, at) for at in starts_of(text, speaker))


def _as_reporter(text: str, at: int) -> bool:
    """Is the name at `at` printed after a reporter's title, in its clause: a few characters
    before it, or anywhere inside the dateline's bracket it stands in, however many
    reporters come before it there?

    >>> _as_reporter("本报讯（记者 扎西顿珠 次仁央宗 格桑卓玛 达娃）近日，", 22)
    True
    >>> _as_reporter("记者来到村里，村民达娃说", 9)
    False
    """
    start = max(0, at - _TITLE_REACH)
    bracket = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    closed = any(c in text[bracket:at] for c in "）)")
    if 0 <= bracket < start and at - bracket <= _BRACKET_REACH and not closed:
        start = bracket
    return _AS_REPORTER.search(text, start, at) is not None


def _whom(credit: Credit | None, speaker: str) -> str:
    """Whom the article credits instead, in words."""
    if credit is None:
        return (
            f'the article does not give these words to "{speaker}" or to anyone: no one is '
            "named with a verb of saying or a colon, and no pronoun stands, where they are printed"
        )
    if credit.reporter:
        return f'these are the reporter\'s words ("{credit.who}"), not a quote of "{speaker}"'
    if credit.pronoun:
        if credit.refers_to is None:
            return (
                f'the article gives these words to "{credit.who}", and names no one before it '
                "whom it can stand for"
            )
        return (
            f'the article credits these words to "{credit.refers_to}" ("{credit.who}" '
            f'{credit.how}), not "{speaker}"'
        )
    if not credit.leading and name_in(credit.who) is None:
        return f'the article gives these words to "{credit.who}", not to a person'
    return f'the article credits these words to "{credit.who}" ({credit.how}), not "{speaker}"'
