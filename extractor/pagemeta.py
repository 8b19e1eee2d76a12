"""What is known of a page besides its text: paper, date, edition, page number, title.

`PageMeta` is what `pages` stores of it; `page_meta` reads it from the
values of a manifest row, `NamePattern` from a file's name
(`{paper}_{date}_{page}.txt`). Dates are ISO (`2024-01-15`); anything that is
not a real date is refused, so nothing is stored wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from extractor.errors import UserError

#: The columns of `pages` a manifest or a name pattern may fill; others go to `meta`.
FIELDS = ("paper", "date", "edition", "page", "title")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class PageMeta(BaseModel):
    """What is known of a page besides its text; None where nothing is known."""

    paper: str | None = None
    date: str | None = Field(default=None, description="ISO date, e.g. 2024-01-15.")
    edition: str | None = None
    page: str | None = None
    title: str | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    @property
    def month(self) -> str | None:
        """`2024-01` for `2024-01-15`: what the month facet counts by."""
        return self.date[:7] if self.date else None

    def merged(self, other: PageMeta) -> PageMeta:
        """This metadata with what `other` knows laid over it (its fields that are set win).

        >>> PageMeta(paper="拉萨日报", page="3").merged(PageMeta(page="4")).page
        '4'
        """
        fields = {name: getattr(other, name) or getattr(self, name) for name in FIELDS}
        return PageMeta(**fields, meta={**self.meta, **other.meta})

    def is_empty(self) -> bool:
        return not self.meta and all(getattr(self, name) is None for name in FIELDS)


def read_date(text: str) -> str:
    """An ISO date as stored; ValueError when it is not one (a month 13, a day 30 in February).

    `20240115`, as file names print it, reads as `2024-01-15`.

    >>> read_date("2024-01-15")
    '2024-01-15'
    """
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"unreadable date {text!r} (expected YYYY-MM-DD)")
    try:
        return Date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"unreadable date {text!r} (no such date)") from None


def page_meta(values: dict[str, Any]) -> PageMeta:
    """A row's metadata: known fields as text, the date read, the rest in `meta`.

    Empty values count as not given. ValueError for an unreadable date.
    """
    fields: dict[str, str] = {}
    meta: dict[str, Any] = {}
    for key, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        name = key.strip().lower()
        if not name:
            continue  # a column with no name (a trailing comma in the header)
        if name in FIELDS:
            text = value.strip() if isinstance(value, str) else json.dumps(value)
            fields[name] = read_date(text) if name == "date" else text
        else:
            meta[str(key).strip()] = value.strip() if isinstance(value, str) else value
    return PageMeta(**fields, meta=meta)


@dataclass(frozen=True)
class NamePattern:
    """A pattern of file names, `{paper}_{date}_{page}.txt`: each `{field}` is read from the name.

    With a `/` it reads the last folders too: `{paper}/{date}/{page}.txt`.
    A field not among FIELDS goes to `meta`.
    """

    pattern: str
    regex: re.Pattern[str]
    parts: int

    @classmethod
    def compile(cls, pattern: str) -> NamePattern:
        """UserError for a pattern with no field, an unclosed brace or a field named twice."""
        pieces = re.split(r"(\{[^{}]*\})", pattern)
        regex, seen = "", set()
        for piece in pieces:
            if piece.startswith("{") and piece.endswith("}"):
                name = piece[1:-1].strip()
                if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
                    raise UserError(f"--name-pattern {pattern!r}: {piece} is not a field name")
                if name in seen:
                    raise UserError(f"--name-pattern {pattern!r}: {piece} appears twice")
                seen.add(name)
                body = r"\d{4}-?\d{2}-?\d{2}" if name == "date" else r"[^/]+?"
                regex += f"(?P<{name}>{body})"
            elif "{" in piece or "}" in piece:
                raise UserError(f"--name-pattern {pattern!r}: a brace is not closed")
            else:
                regex += re.escape(piece)
        if not seen:
            raise UserError(
                f"--name-pattern {pattern!r}: no field in it (e.g. {{paper}}_{{date}}_{{page}}.txt)"
            )
        return cls(pattern, re.compile(regex), pattern.count("/") + 1)

    def read(self, path: str) -> PageMeta | None:
        """The metadata in `path`'s name, None when it does not fit; ValueError for a bad date.

        >>> NamePattern.compile("{paper}_{date}_{page}.txt").read("in/拉萨日报_2024-01-15_03.txt")
        PageMeta(paper='拉萨日报', date='2024-01-15', edition=None, page='03', title=None, meta={})
        """
        tail = "/".join(Path(path).parts[-self.parts :])
        match = self.regex.fullmatch(tail)
        return None if match is None else page_meta(match.groupdict())
