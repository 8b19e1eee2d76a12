"""Articles too long for the model, asked about in parts; nothing is cut.

An article the endpoint refuses as longer than the model's context, or whose
reply is cut off at the model's output limit, is asked about in two halves,
split where a paragraph ends (else a sentence), nearest the middle and never
inside a quotation (`“…”` or `"…"`); a half that is still too long is halved again.
`--max-chars` splits before asking. Records found in the parts are checked
once more against the whole article, so their offsets are the article's. A
passage that cannot be split and is still too long fails the article, with
the reason.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from extractor.check import check_against, identity
from extractor.extract.mentions import headline_form_of, shorter_name_of
from extractor.models import (
    Accepted,
    Article,
    ArticleRecords,
    Campaign,
    CheckResult,
    Metric,
    Quote,
    Rejection,
)
from extractor.textindex import normalize

#: A part is not split below this many characters: a model that cannot read so
#: little is refusing for another reason.
MIN_PART = 400
#: A sentence's end outside any quotation: not a quotation's own end (`。”`), after
#: which its attribution (`占堆说。`) may follow.
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_OPENING, _CLOSING = "“「『", "”」』"


def halves(article: Article) -> tuple[Article, Article] | None:
    """The article as two parts (the same headline, half of the body each), or None
    when it is too short to split or has no paragraph or sentence end, outside a
    quotation, to split at."""
    text = article.text
    if len(text) < MIN_PART:
        return None
    outside = _outside_quotations(text)
    paragraphs = [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
    cut = _nearest(text, paragraphs, outside) or _nearest(text, sentences, outside)
    if cut is None:
        return None
    first, second = text[:cut].rstrip("\n"), text[cut:].lstrip("\n")
    return (
        article.model_copy(update={"text": first}),
        article.model_copy(update={"text": second}),
    )


def _outside_quotations(text: str) -> list[bool]:
    """For each offset, is a cut there outside every quotation? (A quotation cut in two
    would reach the model as two half-quotes.) Reckoned paragraph by paragraph; in a
    paragraph whose marks do not pair up (OCR drops one now and then) nowhere is
    known to be inside, so every offset counts as outside."""
    outside = [True]
    for paragraph in text.split("\n"):
        depth, lowest, straight, marks = 0, 0, False, []
        for ch in paragraph:
            if ch in _OPENING:
                depth += 1
            elif ch in _CLOSING:
                depth -= 1
                lowest = min(lowest, depth)
            elif ch == '"':
                straight = not straight
            marks.append(depth == 0 and not straight)
        paired = depth == 0 and lowest == 0 and not straight
        outside += marks if paired else [True] * len(paragraph)
        outside.append(True)  # the line break
    return outside[: len(text) + 1]


def _nearest(text: str, cuts: list[int], outside: list[bool]) -> int | None:
    """Of `cuts`, the one nearest the middle of `text` that is outside any quotation
    and leaves words on both sides."""
    first_word = len(text) - len(text.lstrip())
    after_last_word = len(text.rstrip())
    fair = [cut for cut in cuts if first_word < cut < after_last_word and outside[cut]]
    return min(fair, key=lambda cut: abs(2 * cut - len(text)), default=None)


def rejoin(article: Article, parts: list[CheckResult]) -> CheckResult:
    """One result for the whole article from the results of its parts.

    The records accepted in the parts are checked again against the whole
    article, so their offsets become the article's. A claim found in two parts
    is kept once: a quote or a campaign (each part may name it, and each is
    asked with the headline) by what it says, a metric by what it says and
    where it is printed. A quote refused in its part is checked again too: who
    said it may be named in the part before (`他表示，` opening a part). The
    parts' other rejections are all kept.
    """
    records: list[Metric | Quote | Campaign] = []
    for part in parts:
        found = [a.record for a in part.accepted if a.record not in records]
        records += [r for r in found if not _named_more_fully(r, records)]
    # A part the body's name is not in keeps the headline's: asked whole, the body's.
    headline = normalize(article.title, drop_quotes=True)
    records = [r for r in records if not _headline_form_in(r, records, headline)]
    refused: dict[tuple[str, str], Quote] = {}
    for part in parts:
        for rejection in part.rejected:
            quote = _quote_of(rejection)
            if quote is not None and quote not in records:
                refused.setdefault(identity(quote), quote)
    result = check_against(article, by_kind([*records, *refused.values()]))
    unique: dict[tuple[object, ...], Accepted] = {}
    for accepted in result.accepted:
        where = accepted.span if isinstance(accepted.record, Metric) else None
        key = (*identity(accepted.record), where and (where.start, where.end))
        unique.setdefault(key, accepted)
    result.accepted = list(unique.values())
    # Refused again: the part's rejection says why, with the model's rounds.
    result.rejected = [r for r in result.rejected if _identity_of(r) not in refused]
    accepted_now = {identity(a.record) for a in result.accepted}
    for part in parts:
        result.rejected += [r for r in part.rejected if _identity_of(r) not in accepted_now]
    return result


def _named_more_fully(
    record: Metric | Quote | Campaign, earlier: list[Metric | Quote | Campaign]
) -> bool:
    """A campaign a part names by a shorter form of a name another part found
    (‘四下基层’ of “四下基层”工作机制): asked whole, the article names it once, in full."""
    return isinstance(record, Campaign) and any(
        isinstance(other, Campaign) and shorter_name_of(record.name, other.name)
        for other in earlier
    )


def _headline_form_in(
    record: Metric | Quote | Campaign, others: list[Metric | Quote | Campaign], headline: str
) -> bool:
    """A campaign named as the headline names it, in a part, where another part found
    the body's fuller name of it (`全国…教育月活动` / `第8个全国…教育月系列活动`)."""
    return (
        isinstance(record, Campaign)
        and normalize(record.name, drop_quotes=True) in headline
        and any(
            isinstance(other, Campaign) and headline_form_of(record.name, other.name)
            for other in others
        )
    )


def _quote_of(rejection: Rejection) -> Quote | None:
    """The quote a rejection holds, if it holds a valid one."""
    if rejection.record_type != "quote":
        return None
    try:
        return Quote.model_validate(rejection.record)
    except ValidationError:
        return None


def _identity_of(rejection: Rejection) -> tuple[str, str] | None:
    quote = _quote_of(rejection)
    return identity(quote) if quote is not None else None


def by_kind(records: list[Metric | Quote | Campaign]) -> ArticleRecords:
    return ArticleRecords(
        metrics=[r for r in records if isinstance(r, Metric)],
        quotes=[r for r in records if isinstance(r, Quote)],
        campaigns=[r for r in records if isinstance(r, Campaign)],
    )
