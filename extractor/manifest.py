"""Where each page came from: paper, date, edition, page number and title, from a manifest
file or from the file's name.

A manifest is a CSV (or TSV) file with a header, or a JSON Lines file, one
page a row: a `path` column, as given to `extractor run` or just the file's
name, and any of `paper`, `date` (ISO, `2024-01-15`), `edition`, `page`,
`title`; other columns are kept in `meta`. A name pattern such as
`{paper}_{date}_{page}.txt` reads the same fields from file names.

Nothing here stores anything: `label_pages` gives each page of a run its
metadata, and lists, one line each, what it could not use (a row whose path
is no page of the run, an unreadable date, a path given twice) and the pages
left without metadata. A row with a problem is not used at all, so nothing
is stored wrong.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.errors import UserError
from extractor.pagemeta import NamePattern, PageMeta, page_meta
from extractor.sources import expand_paths


@dataclass(frozen=True)
class ManifestRow:
    """One row of a manifest: its line, the path it names, what it says of that page.

    `meta` is None for a row that cannot be used (its problem is reported): its
    page is in the manifest, but gets nothing from it.
    """

    line: int
    path: str
    meta: PageMeta | None


@dataclass
class Manifest:
    """A manifest file read: its usable rows and a line for each row it could not use."""

    source: str
    rows: list[ManifestRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_manifest(path: Path) -> Manifest:
    """Read a CSV, TSV or JSON Lines manifest (by its suffix: .jsonl, .ndjson, .json, .tsv).

    UserError when the file as a whole cannot be used (missing, not text, no
    `path` column); a bad row is a problem of the manifest and the others go on.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError(f"--manifest {path}: no such file") from None
    except UnicodeDecodeError:
        raise UserError(f"--manifest {path}: not UTF-8 text") from None
    except OSError as error:
        raise UserError(f"--manifest {path}: cannot read: {error.strerror or error}") from None
    manifest = Manifest(str(path))
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        rows = _json_lines(text, manifest)
    else:
        rows = _csv_rows(text, manifest, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    for line, values in rows:
        given = values.pop("path", None)
        if not isinstance(given, str) or not given.strip():
            manifest.problems.append(f"{manifest.source} line {line}: no path")
            continue
        try:
            meta = page_meta(values)
        except ValueError as error:
            manifest.problems.append(f"{manifest.source} line {line}: {given.strip()}: {error}")
            manifest.rows.append(ManifestRow(line, given.strip(), None))
            continue
        manifest.rows.append(ManifestRow(line, given.strip(), meta))
    return manifest


def _csv_rows(
    text: str, manifest: Manifest, delimiter: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    header = next(reader, None)
    names = [name.strip().lower() for name in header or []]
    if "path" not in names:
        raise UserError(f"--manifest {manifest.source}: no 'path' column in its header")
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            manifest.problems.append(f"{manifest.source} line {reader.line_num}: {error}")
            continue
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(cells) > len(names):
            manifest.problems.append(
                f"{manifest.source} line {reader.line_num}: {len(cells)} fields for "
                f"{len(names)} columns"
            )
            continue
        header_names = header or []
        values = {
            ("path" if name == "path" else header_names[i].strip()): cell
            for i, (name, cell) in enumerate(zip(names, cells, strict=False))
        }
        yield reader.line_num, values


def _json_lines(text: str, manifest: Manifest) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            values = json.loads(line)
        except ValueError:
            values = None
        if not isinstance(values, dict):
            manifest.problems.append(f"{manifest.source} line {number}: not a JSON object")
            continue
        yield number, {("path" if k.lower() == "path" else k): v for k, v in values.items()}


# --- a run's pages ----------------------------------------------------------------------


@dataclass
class PageLabels:
    """The metadata for a run's pages (by path as the run reads it), and what to report."""

    meta: dict[str, PageMeta] = field(default_factory=dict)
    #: One line each: rows not used, names that do not fit the pattern.
    problems: list[str] = field(default_factory=list)
    #: Pages the manifest does not list (stored without its metadata).
    missing: list[str] = field(default_factory=list)
    #: Manifest rows for page files that exist but are not part of this run (not used).
    elsewhere: int = 0

    def report(self) -> list[str]:
        """What to tell the user: each problem, and the missing pages once, in one line."""
        lines = list(self.problems)
        if self.missing:
            shown = ", ".join(self.missing[:10])
            more = f" and {len(self.missing) - 10} more" if len(self.missing) > 10 else ""
            count = f"{len(self.missing)} page{'s' if len(self.missing) > 1 else ''}"
            lines.append(
                f"{count} not in the manifest (stored without its metadata): {shown}{more}"
            )
        return lines

    def summary(self) -> str:
        """How many pages were described, and the manifest rows left for other runs."""
        line = f"{len(self.meta)} pages described"
        if self.elsewhere:
            line += f"; {self.elsewhere} manifest rows are for pages not in this run"
        return line


def label_pages(
    pages: Iterable[str],
    manifest: Manifest | None = None,
    pattern: NamePattern | None = None,
    *,
    base: Path | None = None,
) -> PageLabels:
    """Give each page path its metadata: the name pattern's, with the manifest's laid over.

    A manifest row names a page by its path as given to the run, by a path
    relative to the current folder or to the manifest's own folder (`base`),
    or, when it has no folder in it, by the file's name. A row that names no
    page of the run, or a page another row named, is reported and not used
    (neither row, when two disagree on one page: which is right is unknown).
    """
    pages = list(dict.fromkeys(pages))
    labels = PageLabels()
    if pattern is not None:
        unfit: list[str] = []
        for path in pages:
            try:
                found = pattern.read(path)
            except ValueError as error:
                labels.problems.append(f"{path}: {error} in its name")
                continue
            if found is None:
                unfit.append(Path(path).name)
            elif not found.is_empty():
                labels.meta[path] = found
        if unfit:
            shown = ", ".join(unfit[:10]) + (
                f" and {len(unfit) - 10} more" if len(unfit) > 10 else ""
            )
            labels.problems.append(
                f"{len(unfit)} file name{'s' if len(unfit) > 1 else ''} do not fit "
                f"--name-pattern {pattern.pattern}: {shown}"
            )
    if manifest is None:
        return labels
    labels.problems[:0] = manifest.problems
    rows = _rows_by_page(pages, manifest, base, labels)
    for path in pages:
        row = rows.get(path)
        if row is None:
            labels.missing.append(path)
        elif row.meta is not None:
            labels.meta[path] = labels.meta.get(path, PageMeta()).merged(row.meta)
    return labels


_DUPLICATE = ManifestRow(0, "", None)


def _rows_by_page(
    pages: list[str], manifest: Manifest, base: Path | None, labels: PageLabels
) -> dict[str, ManifestRow]:
    """Each page's manifest row (`_DUPLICATE` when two rows name it); reports rows unused.

    A row for a file that exists but is not part of this run (one manifest for
    a whole archive, a run over part of it) is no problem; a row whose path
    names no file at all (a typo) is. A file is looked for beside the run's
    pages, in the current folder, and beside the manifest.
    """
    problems = labels.problems
    # Where a file of the manifest may be: beside the run's pages, here, beside the manifest.
    folders = {Path(path).parent for path in pages} | {Path.cwd()} | ({base} if base else set())
    by_name: dict[str, list[str]] = {}
    by_file: dict[str, str] = {}
    for path in pages:
        by_name.setdefault(Path(path).name, []).append(path)
        by_file[_normal(Path(path))] = path
    rows: dict[str, ManifestRow] = {}
    for row in manifest.rows:
        where = f"{manifest.source} line {row.line}: {row.path}"
        page = _find(row.path, pages, by_name, by_file, base)
        if isinstance(page, int):
            problems.append(f"{where}: {page} pages of this run have that name; give its path")
            continue
        if page is None:
            if any((folder / row.path).is_file() for folder in folders):
                labels.elsewhere += 1
            else:
                problems.append(f"{where}: unknown path, no such page")
            continue
        first = rows.get(page)
        if first is not None:
            line = "a row above" if first is _DUPLICATE else f"line {first.line}"
            problems.append(f"{where}: duplicate path (also on {line}); neither row is used")
            rows[page] = _DUPLICATE
            continue
        rows[page] = row
    return rows


def _find(
    given: str,
    pages: list[str],
    by_name: dict[str, list[str]],
    by_file: dict[str, str],
    base: Path | None,
) -> str | int | None:
    """The page a row's path names, None for none, or how many pages share its file name."""
    if given in pages:
        return given
    if "/" not in given and os.sep not in given:
        named = by_name.get(given, [])
        return named[0] if len(named) == 1 else (len(named) or None)
    for folder in (Path.cwd(), base):
        if folder is not None and (page := by_file.get(_normal(folder / given))):
            return page
    return None


def _normal(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def labels_for_run(
    paths: Iterable[str], manifest_file: str | None, name_pattern: str | None
) -> PageLabels:
    """`label_pages` for the pages `extractor run PATHS` reads, from its options
    (nothing to label without either).

    UserError for a manifest or a pattern that cannot be used at all.
    """
    if not manifest_file and not name_pattern:
        return PageLabels()
    pattern = NamePattern.compile(name_pattern) if name_pattern else None
    manifest = read_manifest(Path(manifest_file)) if manifest_file else None
    pages = [path for path, problem in expand_paths(list(paths)) if problem is None]
    base = Path(manifest_file).parent if manifest_file else None
    return label_pages(pages, manifest, pattern, base=base)
