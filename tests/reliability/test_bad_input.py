"""Bad input through the real command line: each file is extracted or refused on one line.

A directory of hostile page files (random bytes, UTF-8 cut inside a
character, GB18030, UTF-16 with either byte-order mark, a 20 MB page, a page
of numbers, one 100,000-character line, control characters, NUL, an empty
file, whitespace) is written by the test from a seeded generator, with a
seed page among them, and given to `extractor run` in one go, once with the
rules backend and once with a model (the fake endpoint answering as the
rules do). Whatever the neighbours, the run finishes, prints no traceback,
and accounts for every file: stored with its articles, or named on exactly
one error line.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

from extractor.segment import segment_page
from tests.conftest import SEED_PAGES, query
from tests.fakellm import rules_reply, serving

EXTRACTOR = str(Path(sys.executable).with_name("extractor"))
# A guard against a hang, not a measure of speed: the whole corpus takes well under it.
HANG = 900

Expect = Literal["articles", "refused", "either"]


@dataclass(frozen=True)
class Case:
    """One file of the corpus and what the run must make of it."""

    name: str
    data: bytes
    expect: Expect  # "either": stored with articles or refused, as long as it is one of them


def _seed(k: int) -> str:
    return SEED_PAGES[k].read_text(encoding="utf-8")


def _inside_a_character(data: bytes, at: int) -> int:
    """The first offset from `at` that falls inside a multi-byte UTF-8 character."""
    while data[at] & 0xC0 != 0x80:
        at += 1
    return at


def _between_characters(data: bytes, at: int) -> int:
    """The first offset from `at` where a UTF-8 character begins."""
    while data[at] & 0xC0 == 0x80:
        at += 1
    return at


def _numbers_page(rng: random.Random) -> str:
    """Lines of numbers and nothing else: integers, decimals, thousands, percentages, years."""
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    forms: list[Callable[[], str]] = [
        lambda: str(rng.randint(0, 10**6)),
        lambda: f"{rng.uniform(0, 1000):.2f}",
        lambda: f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}",
        lambda: f"{rng.randint(0, 100)}%",
        lambda: str(rng.randint(1950, 2030)).translate(full_width),
        lambda: str(rng.randint(0, 10**40)),
    ]
    lines = [" ".join(rng.choice(forms)() for _ in range(rng.randint(1, 12))) for _ in range(400)]
    return "\n".join(lines) + "\n"


def _one_long_line(length: int) -> str:
    """A page's text with its line breaks taken out, repeated to exactly `length` characters."""
    flat = "".join(_seed(0).split())
    return (flat * (length // len(flat) + 1))[:length]


_CONTROLS = [chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t"] + ["\x7f", "\u200b", "\ufeff"]


def _with_control_characters(text: str, rng: random.Random, share: float) -> str:
    """`text` with a control or invisible character after about `share` of its characters."""
    return "".join(ch + (rng.choice(_CONTROLS) if rng.random() < share else "") for ch in text)


def _huge_page(size: int) -> bytes:
    """A page of at least `size` bytes: one seed page's body paragraphs, headlines left out,
    over and over: one long article.

    Of the realistic forms this is the cheapest to extract: the seed pages concatenated
    whole make ten thousand articles, slower to segment and store, and each a call to
    the model. (Segmenting and the rules both take more than twice as long for twice
    the text, so a page this size takes tens of seconds, not one.)
    """
    body = "\n\n".join(a.text for a in segment_page(_seed(1))) + "\n\n"
    unit = body.encode("utf-8")
    return unit * (size // len(unit) + 1)


SEED_NAME = "07_seed_page.txt"
HUGE_NAME = "17_twenty_megabytes.txt"


def corpus(*, huge: bool) -> list[Case]:
    """The files of the corpus, generated afresh (and the same every time) from one seed.

    The seed page sorts in the middle: refused files come before it and after it.
    """
    rng = random.Random(20240617)
    seed0 = _seed(0).encode("utf-8")
    cut = _inside_a_character(seed0, len(seed0) // 2)
    seam = _between_characters(seed0, 1000)
    random_bytes = rng.randbytes(8192)
    cases = [
        Case("01_random_bytes.txt", random_bytes, "refused"),
        Case("02_random_bytes_without_nul.txt", random_bytes.replace(b"\x00", b""), "refused"),
        Case("03_utf8_cut_inside_a_character.txt", seed0[:cut], "either"),
        Case("04_utf8_bad_bytes_inside.txt", seed0[:cut] + b"\x80\xff\xfe" + seed0[cut:], "either"),
        Case("05_utf8_bom_then_bad_bytes.txt", codecs.BOM_UTF8 + seed0[:cut], "either"),
        Case("06_utf16_bom_then_random_bytes.txt", codecs.BOM_UTF16_LE + random_bytes, "either"),
        Case(SEED_NAME, seed0, "articles"),
        Case("08_gb18030.txt", _seed(1).encode("gb18030"), "articles"),
        Case("09_utf16_le_bom.txt", codecs.BOM_UTF16_LE + _seed(2).encode("utf-16-le"), "articles"),
        Case("10_utf16_be_bom.txt", codecs.BOM_UTF16_BE + _seed(3).encode("utf-16-be"), "articles"),
        Case("11_numbers_only.txt", _numbers_page(rng).encode("utf-8"), "articles"),
        Case("12_one_long_line.txt", _one_long_line(100_000).encode("utf-8"), "articles"),
        Case(
            "13_control_characters.txt",
            _with_control_characters(_seed(4), rng, 0.02).encode("utf-8"),
            "articles",
        ),
        Case("14_nul_inside.txt", seed0[:cut] + b"\x00" + seed0[cut:], "refused"),
        Case(
            "15_lone_surrogate.txt",
            seed0[:seam] + b"\xed\xa0\x80" + seed0[seam:],  # U+D800 as UTF-8 would write it
            "either",
        ),
        Case("16_empty.txt", b"", "refused"),
        Case("18_whitespace_only.txt", " \t\n\u3000\xa0\r\n  \n".encode(), "refused"),
    ]
    if huge:
        cases.append(Case(HUGE_NAME, _huge_page(20 * 2**20), "articles"))
    return sorted(cases, key=lambda case: case.name)


def write_corpus(root: Path, cases: list[Case]) -> None:
    root.mkdir(parents=True)
    for case in cases:
        (root / case.name).write_bytes(case.data)


# --- running the command -------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """A finished `extractor run`: its output, its database, and the files it was given."""

    backend: str
    root: Path
    db: Path
    cases: list[Case]
    returncode: int
    stdout: str
    stderr: str
    alone: Path  # a database holding a run of the seed page on its own

    def path(self, case: Case) -> str:
        return str(self.root / case.name)


def run_cli(
    paths: list[Path], db: Path, *options: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXTRACTOR, "run", *map(str, paths), "--db", str(db), *options],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=HANG,
        env={**os.environ, **(env or {})},
    )


def _run_both(
    tmp: Path, backend: str, cases: list[Case], *options: str, env: dict[str, str]
) -> Outcome:
    root = tmp / "pages"
    write_corpus(root, cases)
    alone = tmp / "alone"
    alone.mkdir()
    shutil.copy(root / SEED_NAME, alone / SEED_NAME)
    done = run_cli([root], tmp / "corpus.db", *options, env=env)
    alone_done = run_cli([alone], tmp / "alone.db", *options, env=env)
    assert alone_done.returncode == 0, alone_done.stdout + alone_done.stderr
    return Outcome(
        backend,
        root,
        tmp / "corpus.db",
        cases,
        done.returncode,
        done.stdout,
        done.stderr,
        tmp / "alone.db",
    )


@pytest.fixture(scope="module", params=["rules", "llm"])
def outcome(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Outcome]:
    """The corpus run through the command line with one backend.

    The model run leaves out the 20 MB page: it is one article, so one call, but the
    fake endpoint answers it by running the rules over all 20 MB, which doubles the
    time for a page the rules run already reads, segments, extracts and stores.
    """
    tmp = tmp_path_factory.mktemp(request.param)
    if request.param == "rules":
        yield _run_both(tmp, "rules", corpus(huge=True), env={})
        return
    with serving(rules_reply) as fake:
        yield _run_both(
            tmp,
            "llm",
            corpus(huge=False),
            "--model",
            "fake",
            "--base-url",
            fake.url,
            env={"OPENAI_API_KEY": "sk-bad-input-test"},
        )


# --- what the run says about each file -------------------------------------------


def stored_articles(db: Path) -> dict[str, int]:
    """Articles stored per page path."""
    rows = query(
        db,
        "select p.path, count(a.id) as n from pages p left join articles a on a.page_id = p.id "
        "group by p.id",
    )
    return {row["path"]: row["n"] for row in rows}


def lines_naming(text: str, prefix: str, path: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(prefix) and f"{path}:" in line]


def the_run(db: Path) -> dict[str, object]:
    runs = query(db, "select * from runs")
    assert len(runs) == 1, runs
    return runs[0]


def refused(outcome: Outcome) -> list[Case]:
    stored = stored_articles(outcome.db)
    return [case for case in outcome.cases if outcome.path(case) not in stored]


# --- the tests ----------------------------------------------------------------------


def test_the_run_finishes_and_exits_1_for_the_files_it_refused(outcome: Outcome) -> None:
    assert "Traceback" not in outcome.stdout
    assert "Traceback" not in outcome.stderr
    assert outcome.returncode == 1, outcome.stdout + outcome.stderr
    run = the_run(outcome.db)
    assert run["status"] == "finished"
    assert run["backend"] == outcome.backend
    assert run["pages"] == len(stored_articles(outcome.db))
    assert run["pages_failed"] == len(refused(outcome)) > 0
    assert run["articles_failed"] == 0


def test_every_file_is_stored_with_articles_or_named_on_one_error_line(outcome: Outcome) -> None:
    stored = stored_articles(outcome.db)
    run_errors = json.loads(str(the_run(outcome.db)["errors"]))
    assert len(stored) + len(refused(outcome)) == len(outcome.cases)
    for case in outcome.cases:
        path = outcome.path(case)
        named = (
            lines_naming(outcome.stderr, "error: ", path),
            lines_naming(outcome.stdout, "failed: ", path),
            [e for e in run_errors if e.startswith(f"{path}: ")],
        )
        if path in stored:
            assert stored[path] >= 1, case.name
            assert named == ([], [], []), case.name
        else:
            assert [len(lines) for lines in named] == [1, 1, 1], (case.name, named)


def test_each_error_is_one_line(outcome: Outcome) -> None:
    run_errors = json.loads(str(the_run(outcome.db)["errors"]))
    assert len(run_errors) == len(refused(outcome))
    for error in run_errors:
        assert "\n" not in error and "\r" not in error, error
    # Nothing else on stderr: no second line of a message, no warning.
    stderr = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert len(stderr) == len(run_errors), outcome.stderr
    assert all(line.startswith("error: ") for line in stderr), outcome.stderr


@pytest.mark.parametrize("expect", ["articles", "refused"])
def test_each_file_meets_its_expectation(outcome: Outcome, expect: Expect) -> None:
    """Text in any of the encodings pages come in yields articles; what is not text is refused."""
    stored = stored_articles(outcome.db)
    cases = [case for case in outcome.cases if case.expect == expect]
    assert cases
    for case in cases:
        assert (outcome.path(case) in stored) == (expect == "articles"), case.name


def test_each_page_is_read_with_its_encoding(outcome: Outcome) -> None:
    rows = query(outcome.db, "select name, encoding from pages")
    encodings = {row["name"]: row["encoding"] for row in rows}
    assert encodings["08_gb18030.txt"] == "gb18030"
    assert encodings["09_utf16_le_bom.txt"] == encodings["10_utf16_be_bom.txt"] == "utf-16"
    assert encodings[SEED_NAME] == "utf-8"


def test_every_stored_article_is_extracted(outcome: Outcome) -> None:
    rows = query(
        outcome.db,
        "select p.name, a.seq, e.status from articles a join pages p on p.id = a.page_id "
        "left join extractions e on e.article_id = a.id",
    )
    assert rows
    assert [row for row in rows if row["status"] != "done"] == []


RECORDS = {
    "metrics": "raw, value, value_max, unit, approx, start, [end]",
    "quotes": "speaker, text, kind, start, [end]",
    "campaigns": "name, start, [end]",
}


def seed_records(db: Path) -> Counter[tuple[object, ...]]:
    """The accepted records of the seed page (known by its file name), keyed by article and fields."""
    rows: Counter[tuple[object, ...]] = Counter()
    for table, columns in RECORDS.items():
        sql = (
            f"select '{table}' as t, a.seq, {', '.join('r.' + c for c in columns.split(', '))} "
            f"from {table} r join articles a on a.id = r.article_id "
            "join pages p on p.id = a.page_id where p.name = ?"
        )
        rows.update(tuple(row.values()) for row in query(db, sql, (SEED_NAME,)))
    return rows


def test_the_seed_page_is_extracted_as_if_it_were_alone(outcome: Outcome) -> None:
    """Refused files sorted before and after it change nothing in the seed page's records."""
    names = sorted(case.name for case in refused(outcome))
    assert names[0] < SEED_NAME < names[-1]
    alone = seed_records(outcome.alone)
    assert sum(alone.values()) > 20
    assert seed_records(outcome.db) == alone
    articles = query(
        outcome.db,
        "select count(*) as n from articles a join pages p on p.id = a.page_id where p.name = ?",
        (SEED_NAME,),
    )
    assert articles[0]["n"] == len(segment_page(_seed(0)))


def test_a_number_too_long_for_a_float_fails_no_article(tmp_path: Path) -> None:
    """OCR can print a run of hundreds of digits (a table or a barcode read as text).

    The run stays readable: any error is one line, and the article keeps its
    other records rather than failing whole.
    """
    page = tmp_path / "pages" / "long_number.txt"
    page.parent.mkdir()
    page.write_text(
        "全市开展安全生产宣传活动\n\n拉萨融媒讯(记者李从芳)日前，全市共有"
        + "1" * 400
        + "人参加活动，发放宣传资料500份。\n",
        encoding="utf-8",
    )
    db = tmp_path / "long_number.db"

    done = run_cli([page.parent], db)

    assert "Traceback" not in done.stdout + done.stderr
    for error in json.loads(str(the_run(db)["errors"])):
        assert "\n" not in error, error
    assert done.returncode == 0, done.stdout + done.stderr
    assert [row["status"] for row in query(db, "select status from extractions")] == ["done"]
    assert [row["raw"] for row in query(db, "select raw from metrics")] == ["500份"]
