"""The commands as a user runs them: output, exit status, and the database afterwards."""

from __future__ import annotations

import codecs
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.cells import cell_len

from extractor import pipeline
from extractor.check import check_article
from extractor.cli import main
from extractor.models import (
    Article,
    ArticleRecords,
    Campaign,
    GoldPage,
    Metric,
    Quote,
    json_schemas,
)
from extractor.store import Extractor, Store
from tests.conftest import GOLD, GOLD_FILES, ROOT, SEED_PAGES, SEEDS, load_gold, page_of, query

KINDS = ("metrics", "quotes", "campaigns", "titles")
SCORES = ("precision", "recall", "f1")


# --- helpers -----------------------------------------------------------------


def invoke(runner: CliRunner, *args: str) -> Result:
    """Run a command; a bug's traceback fails the test, a user's error does not."""
    result = runner.invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}\n{result.output}"
    )
    assert "Traceback" not in result.output
    return result


def articles_of(db: Path, page_name: str) -> list[dict[str, Any]]:
    rows = query(
        db,
        "select a.seq, a.title, a.kicker, a.subtitle, a.byline, a.dateline, a.text "
        "from articles a join pages p on p.id = a.page_id where p.name = ? order by a.seq",
        (page_name,),
    )
    assert rows, f"no articles stored for {page_name}"
    return rows


def metrics_of(db: Path, page_name: str) -> list[tuple[Any, ...]]:
    rows = query(
        db,
        "select a.seq, m.raw, m.value, m.unit, m.start, m.end from metrics m "
        "join articles a on a.id = m.article_id join pages p on p.id = a.page_id "
        "where p.name = ? order by a.seq, m.start",
        (page_name,),
    )
    return [tuple(row.values()) for row in rows]


def one_line(text: str) -> str:
    """The output with the console's line wrapping undone."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """The text without any whitespace: immune to line wrapping, even inside a long path."""
    return re.sub(r"\s", "", text)


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lower().startswith("error")]


def records_file(tmp_path: Path, data: object, name: str = "records.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def verify_report(
    runner: CliRunner, page: Path, records: Path, *, exit_code: int = 0
) -> list[dict[str, Any]]:
    result = invoke(runner, "verify", str(page), str(records))
    assert result.exit_code == exit_code, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"records"}
    rows: list[dict[str, Any]] = report["records"]
    return rows


def input_order(data: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(record_type, article, index) of every record, in the order the file lists them."""
    singular = {"metrics": "metric", "quotes": "quote", "campaigns": "campaign"}
    return [
        (singular[key], a, j)
        for a, article in enumerate(data["articles"])
        for key, items in article.items()
        if key in singular
        for j in range(len(items))
    ]


# --- run: bad input ---------------------------------------------------------------


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> dict[str, Path]:
    """A directory of pages good and bad, with a subdirectory and files that are not pages."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    paths = {
        "utf8": root / "utf8.txt",
        "nested": root / "sub" / "nested.txt",
        "gb18030": root / "gb18030.txt",
        "bom": root / "bom.txt",
        "empty": root / "empty.txt",
        "binary": root / "sub" / "binary.txt",
        "not_txt": root / "notes.md",
    }
    shutil.copy(SEED_PAGES[0], paths["utf8"])
    shutil.copy(SEED_PAGES[1], paths["nested"])
    paths["gb18030"].write_bytes(SEED_PAGES[2].read_text(encoding="utf-8").encode("gb18030"))
    paths["bom"].write_bytes(codecs.BOM_UTF8 + SEED_PAGES[3].read_bytes())
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    # Not a *.txt file: a directory run must not read it, though it would fail if read.
    paths["not_txt"].write_bytes(b"\x00\x01\x02")
    return paths


def test_a_run_reports_each_bad_file_and_extracts_the_good_ones(
    runner: CliRunner, db_path: Path, mixed_inputs: dict[str, Path], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"

    root = mixed_inputs["utf8"].parent
    result = invoke(runner, "run", str(root), str(missing), "--db", str(db_path))

    assert result.exit_code != 0
    errors = squeezed(result.stderr)
    for bad, reason in [
        (missing, "nosuchfile"),
        (mixed_inputs["empty"], "empty"),
        (mixed_inputs["binary"], "binary"),
    ]:
        assert re.search(re.escape(f"{bad}:") + r"[^/]*" + reason, errors), (bad, errors)
    assert str(mixed_inputs["not_txt"]) not in result.output
    for good in ("utf8", "nested", "gb18030", "bom"):
        assert str(mixed_inputs[good]) not in errors
    stored = {row["name"] for row in query(db_path, "select name from pages")}
    assert stored == {"utf8.txt", "nested.txt", "gb18030.txt", "bom.txt"}
    assert "pages: 4 read, 3 failed" in one_line(result.stdout)
    run = query(db_path, "select * from runs")[0]
    assert (run["status"], run["pages"], run["pages_failed"]) == ("finished", 4, 3)
    assert len(json.loads(run["errors"])) == 3


def test_each_bad_file_is_reported_on_one_line(
    runner: CliRunner, db_path: Path, mixed_inputs: dict[str, Path]
) -> None:
    result = invoke(
        runner,
        "run",
        str(mixed_inputs["utf8"]),
        str(mixed_inputs["empty"]),
        str(mixed_inputs["binary"]),
        "--db",
        str(db_path),
    )

    assert result.exit_code != 0
    lines = error_lines(result.stderr)
    assert len(lines) == 2, result.stderr
    assert str(mixed_inputs["empty"]) in lines[0] and "empty" in lines[0]
    assert str(mixed_inputs["binary"]) in lines[1] and "binary" in lines[1]


def test_a_run_of_good_pages_exits_zero(runner: CliRunner, db_path: Path) -> None:
    result = invoke(runner, "run", str(SEED_PAGES[0]), "--db", str(db_path))

    assert result.exit_code == 0, result.output
    assert error_lines(result.stderr) == []


def test_a_directory_without_pages_is_an_error(
    runner: CliRunner, db_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "nothing_here"
    empty.mkdir()
    (empty / "readme.md").write_text("not a page", encoding="utf-8")

    result = invoke(runner, "run", str(empty), str(SEED_PAGES[0]), "--db", str(db_path))

    assert result.exit_code != 0
    assert squeezed(str(empty)) in squeezed(result.stderr)
    assert [row["name"] for row in query(db_path, "select name from pages")] == [SEED_PAGES[0].name]


def test_a_gb18030_page_reads_like_its_utf8_original(
    runner: CliRunner, tmp_path: Path, mixed_inputs: dict[str, Path]
) -> None:
    original = SEED_PAGES[2]
    utf8_db, gb_db = tmp_path / "utf8.db", tmp_path / "gb.db"
    assert invoke(runner, "run", str(original), "--db", str(utf8_db)).exit_code == 0
    result = invoke(runner, "run", str(mixed_inputs["gb18030"]), "--db", str(gb_db))

    assert result.exit_code == 0, result.output
    (gb_page,) = query(gb_db, "select * from pages")
    (utf8_page,) = query(utf8_db, "select * from pages")
    assert gb_page["encoding"] == "gb18030"
    assert gb_page["chars"] == utf8_page["chars"]
    assert articles_of(gb_db, "gb18030.txt") == articles_of(utf8_db, original.name)
    assert metrics_of(gb_db, "gb18030.txt") == metrics_of(utf8_db, original.name)


def test_a_page_with_a_byte_order_mark_loses_the_mark(
    runner: CliRunner, tmp_path: Path, mixed_inputs: dict[str, Path]
) -> None:
    original = SEED_PAGES[3]
    plain_db, bom_db = tmp_path / "plain.db", tmp_path / "bom.db"
    assert invoke(runner, "run", str(original), "--db", str(plain_db)).exit_code == 0
    result = invoke(runner, "run", str(mixed_inputs["bom"]), "--db", str(bom_db))

    assert result.exit_code == 0, result.output
    (bom_page,) = query(bom_db, "select * from pages")
    assert bom_page["encoding"] == "utf-8-sig"
    articles = articles_of(bom_db, "bom.txt")
    assert not any("\ufeff" in str(value) for row in articles for value in row.values())
    assert articles == articles_of(plain_db, original.name)


def test_the_same_page_in_another_encoding_is_stored_once(
    runner: CliRunner, db_path: Path, mixed_inputs: dict[str, Path]
) -> None:
    original = SEED_PAGES[2]
    result = invoke(
        runner, "run", str(original), str(mixed_inputs["gb18030"]), "--db", str(db_path)
    )

    assert result.exit_code == 0, result.output
    assert [row["name"] for row in query(db_path, "select name from pages")] == [original.name]
    (run,) = query(db_path, "select * from runs")
    assert run["articles_skipped"] == run["articles"] // 2 > 0


# --- segment -----------------------------------------------------------------------


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_segment_json_titles_match_the_gold(runner: CliRunner, gold_file: Path) -> None:
    gold = load_gold(gold_file)

    result = invoke(runner, "segment", str(page_of(gold)), "--json")

    assert result.exit_code == 0, result.output
    articles = [Article.model_validate(item) for item in json.loads(result.stdout)]
    assert [a.seq for a in articles] == list(range(len(articles)))
    assert [a.title for a in articles] == [a.title for a in gold.articles]


def test_segment_prints_each_article_readably(runner: CliRunner) -> None:
    gold = load_gold(GOLD_FILES[0])

    result = invoke(runner, "segment", str(page_of(gold)))

    assert result.exit_code == 0, result.output
    assert "\\u" not in result.stdout
    headers = re.findall(r"^\[(\d+)\] (.*)$", result.stdout, flags=re.MULTILINE)
    assert [int(seq) for seq, _ in headers] == list(range(len(gold.articles)))
    for (_, shown), article in zip(headers, gold.articles, strict=True):
        assert shown == (article.title or "(untitled photo)")
        if article.byline:
            assert article.byline in result.stdout


def test_segment_decodes_a_gb18030_page(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED_PAGES[0].read_text(encoding="utf-8").encode("gb18030"))

    converted = invoke(runner, "segment", str(page), "--json")
    original = invoke(runner, "segment", str(SEED_PAGES[0]), "--json")

    assert converted.exit_code == 0, converted.output
    assert json.loads(converted.stdout) == json.loads(original.stdout)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_bytes(b"\x00\x01binary\x00"), "binary"),
    ],
    ids=["missing", "empty", "binary"],
)
def test_segment_of_a_bad_page_is_a_one_line_error(
    runner: CliRunner, tmp_path: Path, make: Any, reason: str
) -> None:
    page = tmp_path / "page.txt"
    make(page)

    result = invoke(runner, "segment", str(page))

    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(page) in lines[0] and reason in lines[0]


# --- verify ------------------------------------------------------------------------


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_verify_accepts_every_gold_record_in_input_order(
    runner: CliRunner, gold_file: Path
) -> None:
    data = json.loads(gold_file.read_text(encoding="utf-8"))

    report = verify_report(runner, SEEDS / data["source"], gold_file)

    assert [(r["record_type"], r["article"], r["index"]) for r in report] == input_order(data)
    assert len(report) > 0
    for row in report:
        assert set(row) == {"record_type", "article", "index", "status", "reasons", "warnings"}
        assert (row["status"], row["reasons"]) == ("accepted", []), row
        assert isinstance(row["warnings"], list)


def _first(data: dict[str, Any], key: str) -> tuple[int, int]:
    """(article, index) of the first record under `key`."""
    for a, article in enumerate(data["articles"]):
        if article[key]:
            return a, 0
    raise AssertionError(f"no {key} record to modify")


def test_verify_rejects_altered_records_with_reasons(runner: CliRunner, tmp_path: Path) -> None:
    gold_file = GOLD_FILES[0]
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    page = SEEDS / data["source"]
    page_text = page.read_text(encoding="utf-8")
    articles = data["articles"]

    a, _ = _first(data, "metrics")
    metrics = articles[a]["metrics"]
    assert len(metrics) >= 2 and metrics[0]["value"]
    metrics[0]["value"] *= 10
    wrong_value = ("metric", a, 0)
    metrics[1]["approx"] = "maybe"
    malformed = ("metric", a, 1)

    invented_quote = "我们从来没有说过这句话，报纸上也没有印过。"
    assert invented_quote not in page_text
    a, j = _first(data, "quotes")
    articles[a]["quotes"][j]["text"] = invented_quote
    wrong_quote = ("quote", a, j)

    invented_campaign = "“月球种菜”专项行动"
    assert "月球种菜" not in page_text
    a, j = _first(data, "campaigns")
    articles[a]["campaigns"][j]["name"] = invented_campaign
    wrong_campaign = ("campaign", a, j)

    # Any record rejected: the report is printed all the same, and the command exits 1.
    report = verify_report(runner, page, records_file(tmp_path, data), exit_code=1)

    assert [(r["record_type"], r["article"], r["index"]) for r in report] == input_order(data)
    rejected = {(r["record_type"], r["article"], r["index"]): r for r in report if r["reasons"]}
    assert set(rejected) == {wrong_value, malformed, wrong_quote, wrong_campaign}
    for row in report:
        assert row["status"] == ("rejected" if row["reasons"] else "accepted")
    assert any("value" in reason for reason in rejected[wrong_value]["reasons"])
    assert any("approx" in reason for reason in rejected[malformed]["reasons"])
    assert any("not found" in reason for reason in rejected[wrong_quote]["reasons"])
    assert any("月球种菜" in reason for reason in rejected[wrong_campaign]["reasons"])


def test_verify_prints_the_warnings_of_records_that_deserve_a_look(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Warned records are accepted: the command exits 0 and says what to look at."""
    gold_file = GOLD_FILES[0]
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    page = SEEDS / data["source"]
    data["articles"][0]["metrics"][0]["label"] = "财政收入"  # 130亿元 is 产值 in the article
    data["articles"][0]["campaigns"].append({"name": "安全生产工作"})

    report = verify_report(runner, page, records_file(tmp_path, data))

    warned = {(r["record_type"], r["index"]): r["warnings"] for r in report if r["warnings"]}
    assert all(r["status"] == "accepted" for r in report)
    assert any("财政收入" in w for w in warned[("metric", 0)])
    last = len(data["articles"][0]["campaigns"]) - 1
    assert any("generic phrase" in w for w in warned[("campaign", last)])


def test_verify_knows_the_reporters_of_the_page(runner: CliRunner, tmp_path: Path) -> None:
    """A quote credited to the reporter of a dateline is rejected, saying so."""
    data = json.loads(GOLD_FILES[0].read_text(encoding="utf-8"))
    page = SEEDS / data["source"]
    a, j = _first(data, "quotes")
    quote = data["articles"][a]["quotes"][j]
    assert "李从芳" in page.read_text(encoding="utf-8")  # 拉萨融媒讯(记者李从芳)
    quote["speaker"] = "李从芳"

    report = verify_report(runner, page, records_file(tmp_path, data), exit_code=1)

    (row,) = [r for r in report if r["reasons"]]
    assert (row["record_type"], row["article"], row["index"]) == ("quote", a, j)
    assert any("reporter" in reason for reason in row["reasons"]), row["reasons"]


@pytest.mark.parametrize(
    "content",
    ["this is not JSON {", '["a", "list"]', '{"no_articles": []}', '{"articles": 5}'],
    ids=["not-json", "a-list", "no-articles", "articles-not-a-list"],
)
def test_verify_refuses_a_file_that_is_not_records_on_one_line(
    runner: CliRunner, tmp_path: Path, content: str
) -> None:
    records = tmp_path / "records.json"
    records.write_text(content, encoding="utf-8")

    result = invoke(runner, "verify", str(SEED_PAGES[0]), str(records))

    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(records) in lines[0]


def test_verify_of_a_missing_records_file_is_a_one_line_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    records = tmp_path / "absent.json"

    result = invoke(runner, "verify", str(SEED_PAGES[0]), str(records))

    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(records) in lines[0], result.stderr


# --- eval ----------------------------------------------------------------------------


def eval_json(runner: CliRunner, db: Path, gold: Path = GOLD) -> dict[str, Any]:
    result = invoke(runner, "eval", "--db", str(db), "--gold", str(gold), "--json")
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def assert_scores_are_consistent(scores: dict[str, Any]) -> None:
    for kind in KINDS:
        score = scores[kind]
        for name in SCORES:
            assert 0.0 <= score[name] <= 1.0, (kind, score)
        assert 0 <= score["correct"] <= score["predicted"]
        assert 0 <= score["found"] <= score["gold"]
        if score["predicted"]:
            assert score["precision"] == pytest.approx(
                score["correct"] / score["predicted"], abs=1e-4
            )
        if score["gold"]:
            assert score["recall"] == pytest.approx(score["found"] / score["gold"], abs=1e-4)
        p, r = score["precision"], score["recall"]
        assert score["f1"] == pytest.approx(2 * p * r / (p + r) if p + r else 0.0, abs=1e-3)


def test_eval_scores_a_run_per_type_and_per_page(
    runner: CliRunner, db_path: Path, tmp_path: Path
) -> None:
    assert invoke(runner, "run", str(SEEDS), "--db", str(db_path)).exit_code == 0

    report = eval_json(runner, db_path)

    golds = [load_gold(path) for path in GOLD_FILES]
    assert set(report["pages"]) == {gold.source for gold in golds}
    assert report["missing_pages"] == []
    assert report["extractor"]["backend"] == "rules"
    assert_scores_are_consistent(report["total"])
    for scores in report["pages"].values():
        assert_scores_are_consistent(scores)
    for kind in ("metrics", "quotes", "campaigns"):
        stored = query(db_path, f"select count(*) as n from {kind}")[0]["n"]
        assert report["total"][kind]["predicted"] == stored > 0
        assert sum(s[kind]["predicted"] for s in report["pages"].values()) == stored
        required = sum(
            not record.optional
            for gold in golds
            for article in gold.articles
            for record in getattr(article, kind)
        )
        assert report["total"][kind]["gold"] == required


def test_eval_lists_gold_pages_missing_from_the_database(runner: CliRunner, db_path: Path) -> None:
    assert invoke(runner, "run", str(SEED_PAGES[0]), "--db", str(db_path)).exit_code == 0

    report = eval_json(runner, db_path)

    assert sorted(report["missing_pages"]) == [p.name for p in SEED_PAGES[1:]]
    assert report["pages"][SEED_PAGES[0].name]["metrics"]["predicted"] > 0
    for page in SEED_PAGES[1:]:
        assert all(report["pages"][page.name][kind]["predicted"] == 0 for kind in KINDS)


def test_eval_reads_at_80_columns(runner: CliRunner, db_path: Path) -> None:
    assert invoke(runner, "run", str(SEEDS), "--db", str(db_path)).exit_code == 0
    report = eval_json(runner, db_path)

    result = runner.invoke(
        main, ["eval", "--db", str(db_path), "--gold", str(GOLD)], env={"COLUMNS": "80"}
    )

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= 80
    # One line per record type, then one per page, with every figure whole.
    for kind in KINDS:
        total = report["total"][kind]
        figures = [f"{total[s]:.2f}" for s in ("precision", "recall", "f1")]
        figures += [str(total["predicted"]), str(total["gold"])]
        row = next(line for line in lines if line.startswith(f"│ {kind} "))
        assert [cell.strip() for cell in row.split("│")[1:-1]] == [kind, *figures]
    for page in SEED_PAGES:
        row = next(line for line in lines if page.name in line)
        cells = [cell.strip() for cell in row.split("│")[1:-1]]
        assert cells == [page.name, *(f"{report['pages'][page.name][k]['f1']:.2f}" for k in KINDS)]


def test_eval_against_a_database_with_none_of_the_gold_pages_is_an_error(
    runner: CliRunner, db_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(SEED_PAGES[0].read_text(encoding="utf-8") + "\n另一页\n", encoding="utf-8")
    assert invoke(runner, "run", str(other), "--db", str(db_path)).exit_code == 0

    result = invoke(runner, "eval", "--db", str(db_path), "--gold", str(GOLD))

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"Error: none of the {len(GOLD_FILES)} pages of the gold files in {GOLD} is in "
        f"{db_path}: extract them first (a gold file names its page by file name, as its source)"
    ]
    assert result.stdout == ""


Pending = list[tuple[str, Metric | Quote | Campaign, bool]]


def _gold_backend(gold: GoldPage) -> tuple[pipeline.ExtractFn, Pending]:
    """An extractor that returns the gold records, each for the first article that grounds it.

    Also returns the records no article took, with whether each is optional.
    """
    left: Pending = [
        (kind, model.model_validate(record.model_dump()), record.optional)
        for article in gold.articles
        for kind, model, records in (
            ("metrics", Metric, article.metrics),
            ("quotes", Quote, article.quotes),
            ("campaigns", Campaign, article.campaigns),
        )
        for record in records
    ]

    def extract(article: Article) -> ArticleRecords:
        found = ArticleRecords()
        for pending in list(left):
            kind, record, _ = pending
            one = ArticleRecords.model_validate({kind: [record]})
            if check_article(article.text, one, article.title).accepted:
                getattr(found, kind).append(record)
                left.remove(pending)
        return found

    return extract, left


def test_eval_gives_full_marks_to_the_gold_records_themselves(
    runner: CliRunner, db_path: Path
) -> None:
    store = Store.open(db_path)
    unplaced: dict[str, Pending] = {}
    try:
        for gold_file in GOLD_FILES:
            gold = load_gold(gold_file)
            extract, left = _gold_backend(gold)
            pipeline.run(
                [str(page_of(gold))],
                store,
                extract=extract,
                extractor=Extractor("gold", "gold", "gold-1"),
            )
            unplaced[gold.source] = left
    finally:
        store.close()

    report = eval_json(runner, db_path)

    assert report["extractor"] == {"backend": "gold", "model": "gold", "prompt_version": "gold-1"}
    for page, scores in report["pages"].items():
        for kind in KINDS:
            assert scores[kind]["precision"] == 1.0, (page, kind)
            assert scores[kind]["correct"] == scores[kind]["predicted"], (page, kind)
        for kind in ("metrics", "quotes", "campaigns"):
            # A gold record no single article grounds cannot be stored, so cannot be found.
            lost = sum(not optional for k, _, optional in unplaced[page] if k == kind)
            assert scores[kind]["found"] == scores[kind]["gold"] - lost, (page, kind)
    assert report["total"]["titles"]["recall"] == 1.0


def test_eval_of_a_missing_database_is_an_error_and_creates_nothing(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "absent.db"

    result = invoke(runner, "eval", "--db", str(db), "--gold", str(GOLD))

    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(db) in lines[0], result.stderr
    assert not db.exists()


def test_eval_with_no_gold_files_is_an_error(
    runner: CliRunner, db_path: Path, tmp_path: Path
) -> None:
    assert invoke(runner, "run", str(SEED_PAGES[0]), "--db", str(db_path)).exit_code == 0
    empty = tmp_path / "gold"
    empty.mkdir()
    (empty / "README.md").write_text("no gold yet", encoding="utf-8")

    result = invoke(runner, "eval", "--db", str(db_path), "--gold", str(empty), "--json")

    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(empty) in lines[0], result.stderr


def test_eval_with_a_broken_gold_file_names_it(
    runner: CliRunner, db_path: Path, tmp_path: Path
) -> None:
    assert invoke(runner, "run", str(SEED_PAGES[0]), "--db", str(db_path)).exit_code == 0
    gold = tmp_path / "gold"
    gold.mkdir()
    broken = gold / SEED_PAGES[0].with_suffix(".json").name
    broken.write_text('{"source": "x.txt", "articles": [{"metrics": "none"}]}', encoding="utf-8")

    result = invoke(runner, "eval", "--db", str(db_path), "--gold", str(gold))

    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(broken) in lines[0], result.stderr


# --- the database option ---------------------------------------------------------


@pytest.mark.parametrize("command", ["run", "eval"])
def test_a_db_that_is_not_a_database_is_a_one_line_error(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    args = [str(SEED_PAGES[0])] if command == "run" else ["--gold", str(GOLD)]

    result = invoke(runner, command, *args, "--db", str(db))

    assert result.exit_code != 0
    assert squeezed(str(db)) in squeezed(result.stderr)
    assert db.read_text(encoding="utf-8").startswith("these are my notes")


def test_a_db_in_a_missing_directory_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "dir" / "x.db"

    result = invoke(runner, "run", str(SEED_PAGES[0]), "--db", str(db))

    assert result.exit_code == 1
    assert squeezed(result.stderr) == squeezed(
        f"Error: {db}: cannot create the database: the folder {db.parent} does not exist"
    )
    assert not (tmp_path / "no").exists()


# --- schemas -------------------------------------------------------------------------


def test_schemas_exports_the_committed_files(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "schemas"

    result = invoke(runner, "schemas", "--out", str(out))

    assert result.exit_code == 0, result.output
    committed = ROOT / "schemas"
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(p.name for p in committed.glob("*.schema.json"))
    for name in written:
        assert (out / name).read_text(encoding="utf-8") == (committed / name).read_text(
            encoding="utf-8"
        ), f"schemas/{name} is out of date: run `extractor schemas`"
        json.loads((out / name).read_text(encoding="utf-8"))


def test_the_committed_schemas_are_the_models_schemas() -> None:
    committed = {
        p.name.removesuffix(".schema.json"): p.read_text(encoding="utf-8")
        for p in (ROOT / "schemas").glob("*.schema.json")
    }
    assert json_schemas() == committed


# --- odd names and files -------------------------------------------------------


def test_a_name_that_looks_like_markup_is_printed_as_it_is(
    runner: CliRunner, tmp_path: Path, db_path: Path
) -> None:
    odd = tmp_path / "notes [final] [red].txt"
    odd.write_bytes(b"")
    result = invoke(runner, "run", str(odd), str(SEED_PAGES[0]), "--db", str(db_path))
    assert result.exit_code == 1
    assert f"{odd}: empty file" in result.output
    assert query(db_path, "select status from runs")[0]["status"] == "finished"


def test_a_path_too_long_is_a_one_line_error(runner: CliRunner, db_path: Path) -> None:
    result = invoke(runner, "run", "x" * 300 + ".txt", str(SEED_PAGES[0]), "--db", str(db_path))
    assert result.exit_code == 1
    assert "cannot read" in result.output or "no such file" in result.output
    assert len(query(db_path, "select id from pages")) == 1


@pytest.mark.parametrize("db", ["", ":memory:"])
def test_a_database_that_is_no_file_is_refused(runner: CliRunner, db: str) -> None:
    result = invoke(runner, "run", str(SEED_PAGES[0]), "--db", db)
    assert result.exit_code == 1
    assert "give the path of a database file" in result.output


def test_a_page_with_other_line_ends_is_the_same_page(
    runner: CliRunner, tmp_path: Path, db_path: Path
) -> None:
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(SEED_PAGES[0].read_bytes().replace(b"\n", b"\r\n"))
    result = invoke(runner, "run", str(SEED_PAGES[0]), str(crlf), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert [row["name"] for row in query(db_path, "select name from pages")] == [SEED_PAGES[0].name]


def test_verify_reads_a_records_file_with_a_byte_order_mark(
    runner: CliRunner, tmp_path: Path
) -> None:
    gold = GOLD_FILES[0]
    records = tmp_path / "bom.json"
    records.write_bytes(b"\xef\xbb\xbf" + gold.read_bytes())
    result = invoke(runner, "verify", str(page_of(load_gold(gold))), str(records))
    assert result.exit_code == 0, result.output
    assert all(r["status"] == "accepted" for r in json.loads(result.stdout)["records"])


@pytest.mark.parametrize(
    "content",
    ['{"articles": [{"metrics": [{"raw": "\\ud800"}]}]}', "[" * 100000 + "]" * 100000],
    ids=["lone surrogate", "deep nesting"],
)
def test_verify_refuses_a_records_file_it_cannot_read(
    runner: CliRunner, tmp_path: Path, content: str
) -> None:
    records = tmp_path / "odd.json"
    records.write_text(content, encoding="utf-8")
    result = invoke(runner, "verify", str(SEED_PAGES[0]), str(records))
    assert result.exit_code == 1
    assert "not a records file in the gold format" in result.output


def test_eval_skips_a_folder_named_like_a_gold_file(
    runner: CliRunner, tmp_path: Path, db_path: Path
) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "x.json").mkdir()
    (gold_dir / GOLD_FILES[0].name).write_bytes(GOLD_FILES[0].read_bytes())
    invoke(runner, "run", str(SEED_PAGES[0]), "--db", str(db_path))
    result = invoke(runner, "eval", "--db", str(db_path), "--gold", str(gold_dir), "--json")
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)["pages"]) == [SEED_PAGES[0].name]


def test_eval_warns_when_two_pages_share_a_gold_file_name(
    runner: CliRunner, tmp_path: Path, db_path: Path
) -> None:
    other = tmp_path / "elsewhere" / SEED_PAGES[0].name
    other.parent.mkdir()
    other.write_text(SEED_PAGES[1].read_text(encoding="utf-8"), encoding="utf-8")
    invoke(runner, "run", str(SEED_PAGES[0]), str(other), "--db", str(db_path))
    result = invoke(runner, "eval", "--db", str(db_path), "--gold", str(GOLD_FILES[0].parent))
    assert result.exit_code == 0
    assert f"more than one page in {db_path} is named {SEED_PAGES[0].name}" in result.output


def test_verify_names_a_misspelled_record_list(runner: CliRunner, tmp_path: Path) -> None:
    records = tmp_path / "typo.json"
    records.write_text('{"articles": [{"title": "", "metric": []}]}', encoding="utf-8")
    result = invoke(runner, "verify", str(SEED_PAGES[0]), str(records))
    assert result.exit_code == 1
    assert "unknown article field(s): metric" in result.output


def test_a_model_without_a_key_or_base_url_is_a_one_line_error_before_anything_is_read(
    runner: CliRunner, db_path: Path
) -> None:
    result = runner.invoke(
        main,
        ["run", str(SEEDS), "--db", str(db_path), "--model", "gpt-4o-mini"],
        env={"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None, "EXTRACTOR_MODEL": None},
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: no API key: set $OPENAI_API_KEY (or name another variable with --api-key-env), "
        "or give --base-url for a local server that needs none"
    ]
    assert query(db_path, "select count(*) as n from pages") == [{"n": 0}]


@pytest.mark.parametrize("model", ["", "  "])
def test_an_empty_model_name_is_refused(runner: CliRunner, db_path: Path, model: str) -> None:
    result = invoke(runner, "run", str(SEED_PAGES[0]), "--db", str(db_path), "--model", model)
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"Error: --model {model!r}: give a model's name, or leave --model out to use the "
        "rules backend"
    ]
    assert not db_path.exists()


def test_pages_are_found_whatever_the_case_of_their_extension(
    runner: CliRunner, db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for page, suffix in zip(SEED_PAGES[:3], (".TXT", ".Txt", ".txt"), strict=True):
        (folder / f"{page.stem}{suffix}").write_bytes(page.read_bytes())
    (folder / "notes.md").write_text("not a page", encoding="utf-8")

    result = invoke(runner, "run", str(folder), "--db", str(db_path))

    assert result.exit_code == 0, result.output
    names = [row["name"] for row in query(db_path, "select name from pages order by id")]
    assert names == [f"{SEED_PAGES[0].stem}.TXT", f"{SEED_PAGES[1].stem}.Txt", SEED_PAGES[2].name]
