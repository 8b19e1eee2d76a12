"""A quotation cut in two by a paragraph printed out of order: where its closing part is.

OCR'd pages print paragraphs out of order. A quotation left open at the end of a paragraph
(`……入股资金` of `“现在儿子每个月能挣3500元，我们家每年还能拿到入股资金`) may have its closing
part printed elsewhere in the article, as a paragraph that opens with no mark and runs to a
closing mark and a credit (`5%的年收益分红，日子越过越有盼头。”普琼说。`). The two are read as
one quotation only when the pairing is unambiguous: the text leaves exactly one quotation
open (the paragraph after it does not go on with it) and holds exactly one such closing part.
The credit after the closing part goes on the open part when it names a person the open
part's paragraph names before the quotation (`53岁的村民普琼家是……。“现在儿子……`).

>>> text = QuotedText("村民普琼说起收入。“现在每月能挣3500元\\n其他段落。\\n还有分红。”普琼说。")
>>> open_part = text.left_open()
>>> text.text[open_part.start : open_part.end]
'现在每月能挣3500元'
>>> closing = closing_apart(text, open_part)
>>> text.text[closing.start : closing.end]
'还有分红。'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from extractor.quotations import Quotation, QuotedText

if TYPE_CHECKING:
    from extractor.attribution import Credit


def credited_apart(
    text: QuotedText, quotation: Quotation, after: Callable[[Quotation], Credit | None]
) -> Credit | None:
    """The credit of a quotation left open, read `after` its closing part printed apart
    (`closing_apart`): a person, named in the open part's paragraph before its opening
    mark. None when there is no such part, or its credit is no one the paragraph names.

    >>> from extractor.attribution import Credit
    >>> text = QuotedText("村民普琼说起收入。“每月能挣3500元\\n其他段落。\\n还有分红。”普琼说。")
    >>> def after(q: Quotation) -> Credit:
    ...     return Credit("普琼", q.end + 1, q.end + 3, "named after the quotation")
    >>> credited_apart(text, text.left_open(), after).how
    'named after the quotation, its closing part printed apart'
    """
    closing = closing_apart(text, quotation)
    credit = after(closing) if closing is not None else None
    name = credit.person if credit is not None else None
    if credit is None or name is None or quotation.opening < 0:
        return None
    paragraph = text.text.rfind("\n", 0, quotation.opening) + 1
    if name not in text.text[paragraph : quotation.opening]:
        return None
    return replace(credit, how=f"{credit.how}, its closing part printed apart")


def closing_apart(text: QuotedText, quotation: Quotation) -> Quotation | None:
    """The closing part of `quotation`, printed as a paragraph of its own elsewhere in the
    text, when `quotation` is the one quotation the text leaves open and that paragraph
    the one closing part with no opening (None otherwise)."""
    if quotation.closed or text.left_open() != quotation:
        return None
    closings = [
        q for k in range(text.paragraph_count()) if (q := _closing_part(text, k)) is not None
    ]
    return closings[0] if len(closings) == 1 else None


def _closing_part(text: QuotedText, k: int) -> Quotation | None:
    """The quotation that paragraph k opens inside, its opening mark not printed there
    (`5%的年收益分红，……。”普琼说。`), when it closes in the paragraph; a paragraph
    that goes on with the one before it is no part printed apart."""
    start = text.paragraph_start(k)
    quotations = text.quotations_in(k)
    if not quotations:
        return None
    first = quotations[0]
    if first.opening >= 0 or first.start != start or first.end <= start or not first.closed:
        return None
    return first
