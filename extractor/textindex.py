"""The form records are matched in, and a text indexed in it.

Records are matched against an article after NFKC normalization with
whitespace dropped (and, for quotes and names, quotation marks): OCR spaces,
full-width digits and the style of quotation marks do not decide whether a
record is printed. `TextIndex` remembers where each matched character came
from, so a match maps back to offsets in the text as printed.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import overload

from extractor.models import Span
from extractor.stops import positions_of

QUOTE_MARKS = "“”‘’「」『』\"'"
_NOT_IDEOGRAPH = re.compile("[^\u4e00-\u9fff]")
# What NFKC may change in a sentence: neither an ideograph, nor ASCII, nor the marks of
# Chinese text that NFKC keeps (only which characters `_nfkc` looks at, not its result).
_MAY_CHANGE = re.compile("[^\u4e00-\u9fff\x00-\x7f“”‘’。、《》]")


@functools.cache
def _kept(ch: str, drop_quotes: bool) -> str:
    """What one character of a text becomes in the matching form."""
    return "".join(
        c
        for c in unicodedata.normalize("NFKC", ch)
        if not (c.isspace() or (drop_quotes and c in QUOTE_MARKS))
    )


@functools.lru_cache(maxsize=4)
def _not_ideographs(text: str) -> frozenset[str]:
    """The characters of `text` other than CJK ideographs, which are NFKC-stable and never
    dropped: only these can change. Kept for the last few texts, which are indexed with
    quotation marks and without."""
    return frozenset(_NOT_IDEOGRAPH.findall(text))


class _Skipping(Sequence[int]):
    """Where the k-th kept character came from, when some characters were dropped.

    Stores only the dropped positions, not one offset per character.
    """

    def __init__(self, dropped: list[int], length: int) -> None:
        self._dropped = dropped
        # kept_before[j]: how many characters were kept before the j-th dropped one
        self._kept_before = [d - j for j, d in enumerate(dropped)]
        self._length = length

    def kept_before(self, offset: int) -> int:
        """How many kept characters come from before `offset` of the text: where `offset`
        falls in the normalized text (`bisect_left` over the origins, without walking them)."""
        return max(0, min(self._length, offset - bisect.bisect_left(self._dropped, offset)))

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, k: int) -> int: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[int]: ...
    def __getitem__(self, k: int | slice) -> int | Sequence[int]:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(self._length))]
        if not 0 <= k < self._length:
            raise IndexError(k)
        return k + bisect.bisect_right(self._kept_before, k)


class TextIndex:
    """A text made searchable the way records are matched against it.

    Each character is NFKC-normalized and whitespace is dropped (and, with
    `drop_quotes`, quotation marks), remembering where each kept character came
    from, so a match in the normalized text maps back to offsets in the
    original.
    """

    def __init__(self, text: str, *, drop_quotes: bool = False) -> None:
        self.text = text
        self.drop_quotes = drop_quotes
        self._form = _unquoted_form if drop_quotes else _exact_form
        self._origin: Sequence[int]
        changes = {
            ch: kept for ch in _not_ideographs(text) if (kept := _kept(ch, drop_quotes)) != ch
        }
        if all(len(kept) <= 1 for kept in changes.values()):
            # The common case: characters are kept, replaced one for one, or
            # dropped; a few passes of `str.replace` do it in C.
            normalized = text
            for ch, kept in changes.items():
                normalized = normalized.replace(ch, kept)
            self.normalized = normalized
            dropped = "".join(ch for ch, kept in changes.items() if not kept)
            self._origin = _Skipping(positions_of(text, dropped), len(self.normalized))
            return
        # Some character becomes several (`…` is `...`): the text is read from one
        # changed character to the next, the runs between them kept as they are.
        pieces: list[str] = []
        origin: list[int] = []
        kept_from = 0
        for at in positions_of(text, "".join(changes)):
            kept = changes[text[at]]
            pieces += (text[kept_from:at], kept)
            origin += range(kept_from, at)
            origin += [at] * len(kept)
            kept_from = at + 1
        pieces.append(text[kept_from:])
        origin += range(kept_from, len(text))
        self.normalized = "".join(pieces)
        self._origin = origin

    def normalize(self, needle: str) -> str:
        return self._form(needle)

    def find(self, needle: str, within: Span | None = None) -> Span | None:
        """Offsets in the original text of the first match of `needle`, or None."""
        return next(self.find_all(needle, within), None)

    def find_all(self, needle: str, within: Span | None = None) -> Iterator[Span]:
        """Offsets in the original text of every match of `needle`, left to right."""
        key = self._form(needle)
        if not key:
            return
        lo, hi = 0, len(self.normalized)
        if within is not None:
            lo, hi = self._position(within.start), self._position(within.end)
        at = self.normalized.find(key, lo, hi)
        while at >= 0:
            end = at + len(key)
            # Not a match that starts or ends inside one character NFKC expanded
            # (`0人` in `⑩人`, where ⑩ is `10`); a text mapped one for one has none.
            if isinstance(self._origin, _Skipping) or not (
                (at > 0 and self._origin[at - 1] == self._origin[at])
                or (end < len(self.normalized) and self._origin[end] == self._origin[end - 1])
            ):
                yield Span(start=self._origin[at], end=self._origin[end - 1] + 1)
            at = self.normalized.find(key, at + 1, hi)

    def _position(self, offset: int) -> int:
        """Where offset `offset` of the text falls in the normalized text: the number of
        normalized characters that come from before it."""
        if isinstance(self._origin, _Skipping):
            return self._origin.kept_before(offset)
        return bisect.bisect_left(self._origin, offset)

    def closest(self, needle: str) -> tuple[int, str]:
        """The longest passage the needle shares with the text: its length and the passage."""
        key = self.normalize(needle)
        matcher = SequenceMatcher(None, self.normalized, key, autojunk=False)
        block = matcher.find_longest_match(0, len(self.normalized), 0, len(key))
        if not block.size:
            return 0, ""
        return block.size, self.text[
            self._origin[block.a] : self._origin[block.a + block.size - 1] + 1
        ]


def normalize(text: str, *, drop_quotes: bool = False) -> str:
    """NFKC, whitespace removed (and quotation marks, if asked): the form records match in."""
    return _unquoted_form(text) if drop_quotes else _exact_form(text)


@functools.lru_cache(maxsize=4096)
def _exact_form(text: str) -> str:
    """NFKC, whitespace removed: `str.split` drops what `\\s` matches, in one pass in C."""
    return "".join(_nfkc(text).split())


@functools.lru_cache(maxsize=4096)
def _unquoted_form(text: str) -> str:
    """`_exact_form` without quotation marks (each removed by `str.replace`: `str.translate`
    looks every character of a Chinese text up, and fails, one at a time)."""
    form = _exact_form(text)
    for mark in QUOTE_MARKS:
        if mark in form:
            form = form.replace(mark, "")
    return form


def _nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, faster on the genre's text.

    A sentence with a full-width comma is no NFKC text, and NFKC reads all of it
    again. Each character that may change replaced by its decomposition
    (`，` by `,`), the text decomposes as it did; when that is already NFKC (a quick
    check), it is the text's NFKC. Otherwise NFKC is made the plain way."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    decomposed = text
    for ch in set(_MAY_CHANGE.findall(text)):
        decomposed = decomposed.replace(ch, _decomposition(ch))
    if unicodedata.is_normalized("NFKC", decomposed):
        return decomposed
    return unicodedata.normalize("NFKC", text)


@functools.cache
def _decomposition(ch: str) -> str:
    return unicodedata.normalize("NFKD", ch)
