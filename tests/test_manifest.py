"""Where each page came from: manifests and name patterns read, matched to pages, stored."""

from __future__ import annotations

import doctest
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from extractor import manifest, pagemeta
from extractor.cli import main
from extractor.errors import UserError
from extractor.manifest import label_pages, read_manifest
from extractor.pagemeta import NamePattern, PageMeta, read_date
from tests.conftest import SEED_PAGES, query
from tests.fakellm import rules_reply, serving

META_COLUMNS = "paper, date, month, edition, page, title, meta"


def invoke(runner: CliRunner, *args: str, env: dict[str, str] | None = None) -> Result:
    result = runner.invoke(main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    return result


def pages_of(db: Path) -> dict[str, dict[str, Any]]:
    """Each stored page's metadata, by file name."""
    rows = query(db, f"select name, {META_COLUMNS} from pages")
    return {row.pop("name"): row for row in rows}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Three seed pages filed as an archive names them: paper_date_page.txt."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for page, name in zip(
        SEED_PAGES,
        ["拉萨日报_2024-01-15_03.txt", "拉萨日报_20231130_02.txt", "西藏日报_2023-12-04_05.txt"],
        strict=False,
    ):
        shutil.copy(page, folder / name)
    return folder


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- dates and names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [("2024-01-15", "2024-01-15"), (" 2024-01-15 ", "2024-01-15"), ("20240115", "2024-01-15")],
)
def test_a_date_is_stored_iso(given: str, stored: str) -> None:
    assert read_date(given) == stored


@pytest.mark.parametrize(
    "given", ["2024-13-01", "2024-02-30", "2024/01/15", "15.01.2024", "2024年1月15日", "2024-1-5"]
)
def test_a_date_that_is_not_one_is_refused(given: str) -> None:
    with pytest.raises(ValueError, match="unreadable date"):
        read_date(given)


def test_a_name_pattern_reads_paper_date_and_page() -> None:
    pattern = NamePattern.compile("{paper}_{date}_{page}.txt")
    assert pattern.read("x/拉萨日报_2024-01-15_03.txt") == PageMeta(
        paper="拉萨日报", date="2024-01-15", page="03"
    )
    assert pattern.read("拉萨日报_20240115_03.txt") == PageMeta(
        paper="拉萨日报", date="2024-01-15", page="03"
    )
    assert pattern.read("000_68a2d2bd55ad5801.txt") is None


def test_a_name_pattern_reads_folders_and_keeps_other_fields_in_meta() -> None:
    pattern = NamePattern.compile("{paper}/{date}/{edition}-{page}_{scan}.txt")
    found = pattern.read("/data/西藏日报/2023-12-04/A-05_0042.txt")
    assert found == PageMeta(
        paper="西藏日报", date="2023-12-04", edition="A", page="05", meta={"scan": "0042"}
    )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("page.txt", "no field"),
        ("{paper}_{paper}.txt", "appears twice"),
        ("{paper_{date}.txt", "brace"),
        ("{报纸}_{date}.txt", "not a field name"),
    ],
)
def test_a_pattern_that_cannot_be_used_is_a_user_error(pattern: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        NamePattern.compile(pattern)


def test_a_bad_date_in_a_name_is_reported() -> None:
    pattern = NamePattern.compile("{paper}_{date}_{page}.txt")
    labels = label_pages(["in/拉萨日报_2024-02-30_03.txt"], pattern=pattern)
    assert labels.meta == {}
    assert labels.problems == [
        "in/拉萨日报_2024-02-30_03.txt: unreadable date '2024-02-30' (no such date) in its name"
    ]


# --- manifests -------------------------------------------------------------------------


def test_a_csv_manifest_keeps_extra_columns_in_meta(tmp_path: Path) -> None:
    file = write(
        tmp_path / "m.csv",
        "path,Paper,date,edition,page,title,scan_id,note\na.txt,拉萨日报,2024-01-15,A,3,要闻,42,\n",
    )
    found = read_manifest(file)
    assert found.problems == []
    [row] = found.rows
    assert (row.line, row.path) == (2, "a.txt")
    assert row.meta == PageMeta(
        paper="拉萨日报",
        date="2024-01-15",
        edition="A",
        page="3",
        title="要闻",
        meta={"scan_id": "42"},
    )


def test_a_json_lines_manifest(tmp_path: Path) -> None:
    file = write(
        tmp_path / "m.jsonl",
        '{"path": "a.txt", "paper": "拉萨日报", "date": "2024-01-15", "page": 3, "tags": ["x"]}\n'
        "\n"
        "[1, 2]\n"
        '{"paper": "拉萨日报"}\n',
    )
    found = read_manifest(file)
    assert [(r.path, r.meta) for r in found.rows] == [
        ("a.txt", PageMeta(paper="拉萨日报", date="2024-01-15", page="3", meta={"tags": ["x"]}))
    ]
    assert found.problems == [f"{file} line 3: not a JSON object", f"{file} line 4: no path"]


def test_a_manifest_without_a_path_column_cannot_be_used(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no 'path' column"):
        read_manifest(write(tmp_path / "m.csv", "file,paper\na.txt,拉萨日报\n"))
    with pytest.raises(UserError, match="no such file"):
        read_manifest(tmp_path / "absent.csv")


def test_a_row_names_a_page_by_path_or_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "in" / "b").mkdir(parents=True)
    pages = [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "b" / "b.txt")]
    file = write(
        tmp_path / "m.csv",
        "path,paper\na.txt,拉萨日报\nin/b/b.txt,西藏日报\n",
    )
    labels = label_pages(pages, read_manifest(file), base=tmp_path)
    assert labels.problems == [] and labels.missing == []
    assert labels.meta == {
        pages[0]: PageMeta(paper="拉萨日报"),
        pages[1]: PageMeta(paper="西藏日报"),
    }


def test_two_pages_with_one_file_name_need_their_paths(tmp_path: Path) -> None:
    pages = ["x/a.txt", "y/a.txt"]
    file = write(tmp_path / "m.csv", "path,paper\na.txt,拉萨日报\n")
    labels = label_pages(pages, read_manifest(file))
    assert labels.meta == {}
    assert labels.problems == [
        f"{file} line 2: a.txt: 2 pages of this run have that name; give its path"
    ]


def test_bad_rows_get_one_line_each_and_are_not_used(tmp_path: Path) -> None:
    pages = ["in/a.txt", "in/b.txt", "in/c.txt", "in/d.txt"]
    file = write(
        tmp_path / "m.csv",
        "path,paper,date\n"
        "a.txt,拉萨日报,2024-01-15\n"
        "b.txt,拉萨日报,2024-13-01\n"
        "c.txt,拉萨日报,2024-01-16\n"
        "c.txt,西藏日报,2024-01-16\n"
        "e.txt,拉萨日报,2024-01-17\n"
        ",拉萨日报,2024-01-18\n",
    )
    labels = label_pages(pages, read_manifest(file))
    assert labels.meta == {"in/a.txt": PageMeta(paper="拉萨日报", date="2024-01-15")}
    assert labels.problems == [
        f"{file} line 3: b.txt: unreadable date '2024-13-01' (no such date)",
        f"{file} line 7: no path",
        f"{file} line 5: c.txt: duplicate path (also on line 4); neither row is used",
        f"{file} line 6: e.txt: unknown path, no such page",
    ]
    # b.txt and c.txt are in the manifest (their rows could not be used); d.txt is not.
    assert labels.missing == ["in/d.txt"]
    assert labels.report()[-1] == (
        "1 page not in the manifest (stored without its metadata): in/d.txt"
    )


def test_the_manifest_lays_its_values_over_the_name_pattern(tmp_path: Path) -> None:
    file = write(tmp_path / "m.csv", "path,title,page\n拉萨日报_2024-01-15_03.txt,要闻,4\n")
    labels = label_pages(
        ["拉萨日报_2024-01-15_03.txt"],
        read_manifest(file),
        NamePattern.compile("{paper}_{date}_{page}.txt"),
    )
    assert labels.meta["拉萨日报_2024-01-15_03.txt"] == PageMeta(
        paper="拉萨日报", date="2024-01-15", page="4", title="要闻"
    )


def test_the_examples_in_the_docstrings() -> None:
    assert doctest.testmod(manifest).failed == 0
    assert doctest.testmod(pagemeta).attempted > 0 and doctest.testmod(pagemeta).failed == 0


# --- extractor run --manifest / --name-pattern -------------------------------------------


def test_run_with_a_manifest_with_bad_rows_stores_only_what_is_right(
    runner: CliRunner, archive: Path, tmp_path: Path, db_path: Path
) -> None:
    names = sorted(p.name for p in archive.iterdir())
    file = write(
        tmp_path / "pages.csv",
        "path,paper,date,page,scan\n"
        f"{names[0]},拉萨日报,2024-01-15,3,s1\n"
        f"{names[1]},拉萨日报,2023-11-31,2,s2\n"
        f"{names[2]},西藏日报,2023-12-04,5,\n"
        f"{names[2]},西藏日报,2023-12-05,5,\n"
        "no_such_page.txt,西藏日报,2023-12-06,1,\n",
    )

    result = invoke(runner, "run", str(archive), "--db", str(db_path), "--manifest", str(file))

    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        f"warning: {file} line 3: {names[1]}: unreadable date '2023-11-31' (no such date)",
        f"warning: {file} line 5: {names[2]}: duplicate path (also on line 4); neither row is used",
        f"warning: {file} line 6: no_such_page.txt: unknown path, no such page",
    ]
    assert "metadata: 1 pages described" in result.stdout
    stored = pages_of(db_path)
    assert stored[names[0]] == {
        "paper": "拉萨日报", "date": "2024-01-15", "month": "2024-01", "edition": None,
        "page": "3", "title": None, "meta": '{"scan": "s1"}',
    }  # fmt: skip
    for name in names[1:]:
        assert set(stored[name].values()) == {None}, name
    # The pages are stored and extracted all the same.
    assert len(stored) == 3
    assert query(db_path, "select count(*) as n from extractions")[0]["n"] > 0


def test_run_reports_pages_missing_from_the_manifest_once_and_succeeds(
    runner: CliRunner, archive: Path, tmp_path: Path, db_path: Path
) -> None:
    first = sorted(archive.iterdir())[0]
    file = write(tmp_path / "pages.jsonl", json.dumps({"path": first.name, "paper": "拉萨日报"}))

    result = invoke(runner, "run", str(archive), "--db", str(db_path), "--manifest", str(file))

    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "not in the manifest" in line]
    assert len(lines) == 1 and lines[0].startswith("warning: 2 pages not in the manifest")
    assert pages_of(db_path)[first.name]["paper"] == "拉萨日报"


def test_run_with_a_name_pattern(runner: CliRunner, archive: Path, db_path: Path) -> None:
    (archive / "unfiled.txt").write_bytes(SEED_PAGES[3].read_bytes())

    result = invoke(
        runner,
        "run",
        str(archive),
        "--db",
        str(db_path),
        "--name-pattern",
        "{paper}_{date}_{page}.txt",
    )

    assert result.exit_code == 1
    assert "do not fit --name-pattern {paper}_{date}_{page}.txt: unfiled.txt" in result.stderr
    stored = pages_of(db_path)
    assert {name: (m["paper"], m["date"], m["month"], m["page"]) for name, m in stored.items()} == {
        "拉萨日报_2024-01-15_03.txt": ("拉萨日报", "2024-01-15", "2024-01", "03"),
        "拉萨日报_20231130_02.txt": ("拉萨日报", "2023-11-30", "2023-11", "02"),
        "西藏日报_2023-12-04_05.txt": ("西藏日报", "2023-12-04", "2023-12", "05"),
        "unfiled.txt": (None, None, None, None),
    }


def test_an_unusable_manifest_stops_before_anything_is_stored(
    runner: CliRunner, archive: Path, tmp_path: Path, db_path: Path
) -> None:
    file = write(tmp_path / "pages.csv", "file,paper\na.txt,拉萨日报\n")
    result = invoke(runner, "run", str(archive), "--db", str(db_path), "--manifest", str(file))
    assert result.exit_code != 0
    assert result.stderr.strip().splitlines() == [
        f"Error: --manifest {file}: no 'path' column in its header"
    ]
    assert not db_path.exists()


def counts(db: Path) -> dict[str, int]:
    tables = ("pages", "articles", "extractions", "metrics", "quotes", "campaigns")
    return {t: query(db, f"select count(*) as n from {t}")[0]["n"] for t in tables}


def test_a_page_run_again_with_a_manifest_is_described_not_doubled(
    runner: CliRunner, archive: Path, tmp_path: Path, db_path: Path
) -> None:
    assert invoke(runner, "run", str(archive), "--db", str(db_path)).exit_code == 0
    before = counts(db_path)
    assert all(set(m.values()) == {None} for m in pages_of(db_path).values())
    name = sorted(p.name for p in archive.iterdir())[0]
    file = write(tmp_path / "pages.csv", f"path,paper,date,scan\n{name},拉萨日报,2024-01-15,s1\n")

    result = invoke(runner, "run", str(archive), "--db", str(db_path), "--manifest", str(file))
    assert result.exit_code == 0, result.output
    assert counts(db_path) == before
    assert pages_of(db_path)[name]["paper"] == "拉萨日报"

    # A later manifest corrects one field and adds another; what it leaves out stays.
    file = write(tmp_path / "pages.csv", f"path,date,page,box\n{name},2024-01-16,3,7\n")
    result = invoke(runner, "run", str(archive), "--db", str(db_path), "--manifest", str(file))
    assert result.exit_code == 0, result.output
    assert counts(db_path) == before
    assert pages_of(db_path)[name] == {
        "paper": "拉萨日报", "date": "2024-01-16", "month": "2024-01", "edition": None,
        "page": "3", "title": None, "meta": '{"box": "7", "scan": "s1"}',
    }  # fmt: skip


def test_the_model_backend_stores_the_manifest_too(
    runner: CliRunner, archive: Path, tmp_path: Path, db_path: Path
) -> None:
    name = sorted(p.name for p in archive.iterdir())[2]
    file = write(tmp_path / "pages.csv", f"path,paper,date\n{name},西藏日报,2023-12-04\n")
    with serving(rules_reply) as fake:
        result = invoke(
            runner,
            "run",
            str(archive / name),
            "--db",
            str(db_path),
            "--manifest",
            str(file),
            "--model",
            "fake",
            "--base-url",
            fake.url,
            env={"OPENAI_API_KEY": "sk-test"},
        )
    assert result.exit_code == 0, result.output
    assert pages_of(db_path)[name]["paper"] == "西藏日报"
    assert query(db_path, "select backend from runs") == [{"backend": "llm"}]


def test_one_manifest_for_an_archive_serves_a_run_over_part_of_it(
    runner: CliRunner, archive: Path, db_path: Path
) -> None:
    names = sorted(p.name for p in archive.iterdir())
    file = write(
        archive / "pages.csv",
        "path,paper\n" + "".join(f"{name},拉萨日报\n" for name in names) + "typo.txt,拉萨日报\n",
    )

    result = invoke(
        runner, "run", str(archive / names[0]), "--db", str(db_path), "--manifest", str(file)
    )

    assert result.exit_code == 1  # for the typo, and only for it
    assert [line for line in result.stderr.splitlines() if line.startswith("warning")] == [
        f"warning: {file} line 5: typo.txt: unknown path, no such page"
    ]
    assert "metadata: 1 pages described; 2 manifest rows are for pages not in this run" in (
        result.stdout
    )
    assert pages_of(db_path)[names[0]]["paper"] == "拉萨日报"
