"""Input files → page text: which paths to read, and how their bytes decode.

Pages arrive as UTF-8 (with or without a byte-order mark), now and then as
GB18030 or UTF-16. Anything that is not text (an empty file, a binary file,
bytes no encoding reads) is refused with a plain one-line reason, and the
other files go on.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import UserError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters a newspaper page is made of: letters and numbers of any script,
# punctuation, symbols and spaces. Control characters other than line breaks
# and tabs, unassigned and private-use code points are not.
_TEXT_CATEGORIES = ("L", "N", "P", "S", "Z", "M")
_MIN_TEXT_SHARE = 0.95
_NOT_IDEOGRAPH = re.compile("[^\u4e00-\u9fff]")
# Characters of a text category wherever they stand (ASCII, Latin, punctuation, letterlike
# and number forms, symbols, CJK and full-width punctuation): a sample holding only these
# and ideographs is all text.
_SURELY_TEXT = "".join(
    ch
    for low, high in (
        (0x20, 0x7E),
        (0xA0, 0x17F),
        (0x2010, 0x27BF),
        (0x3000, 0x303F),
        (0xFF01, 0xFFEF),
    )
    for ch in map(chr, range(low, high + 1))
    if unicodedata.category(ch)[0] in _TEXT_CATEGORIES
)
_MAYBE_NOT_TEXT = re.compile(f"[^\u4e00-\u9fff\n\r\t{re.escape(_SURELY_TEXT)}]")


@dataclass(frozen=True)
class PageSource:
    """A page file read and decoded."""

    path: str
    text: str
    encoding: str
    sha256: str


def _text_share(text: str) -> float:
    """The share of a text's first 20,000 characters that a newspaper page is made of."""
    sample = text[:20000]
    # Han ideographs (letters, `Lo`) are most of a page: only the others are looked up,
    # and only in a sample that holds one not surely text.
    bad = 0
    if _MAYBE_NOT_TEXT.search(sample):
        bad = sum(
            sample.count(ch)
            for ch in set(_NOT_IDEOGRAPH.findall(sample))
            if ch not in "\n\r\t" and unicodedata.category(ch)[0] not in _TEXT_CATEGORIES
        )
    good = len(sample) - bad
    return good / max(1, len(sample))


def decode_page(data: bytes) -> tuple[str, str]:
    """The text of a page file and the encoding it was read with.

    >>> decode_page("拉萨".encode("gb18030"))
    ('拉萨', 'gb18030')
    """
    if not data.strip():
        raise UserError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise UserError(
                    f"not valid {encoding} text despite its byte-order mark ({err.reason} at byte {err.start})"
                ) from None
    if b"\x00" in data:
        raise UserError("binary file (it contains NUL bytes), not a text page")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _text_share(text) >= _MIN_TEXT_SHARE:
            return text, encoding
    raise UserError("not a text page: the bytes read as neither UTF-8 nor GB18030 text")


def read_page(path: Path) -> PageSource:
    """Read and decode one page file; UserError with a plain reason if it cannot be."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError("no such file") from None
    except IsADirectoryError:
        raise UserError("is a directory") from None
    except OSError as err:
        raise UserError(f"cannot read: {err.strerror}") from None
    text, encoding = decode_page(data)
    if not text.strip():
        raise UserError("empty file")
    # Known by its text, not its bytes: the same page in another encoding, or with
    # other line ends, is the same page.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return PageSource(str(path), text, encoding, hashlib.sha256(text.encode()).hexdigest())


def expand_paths(paths: list[str]) -> Iterator[tuple[str, UserError | None]]:
    """Each page path to read, in order: directories are searched for `*.txt`, recursively
    (`.TXT` and `.Txt` too: pages copied from other systems keep their capitals).

    A path that does not exist comes back with its error instead of stopping the rest.
    """
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                found = sorted(
                    p for p in path.rglob("*") if p.suffix.lower() == ".txt" and p.is_file()
                )
                if not found:
                    yield given, UserError("directory holds no *.txt page")
                for page in found:
                    yield str(page), None
            elif path.exists():
                yield given, None
            else:
                yield given, UserError("no such file or directory")
        except OSError as err:  # a name too long, a folder that cannot be listed
            yield given, UserError(f"cannot read: {err.strerror or err}")
