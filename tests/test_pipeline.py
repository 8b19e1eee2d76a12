"""The run as a whole: worker processes change nothing but speed; one bad article stops nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor.extract import rules
from extractor.models import Article, ArticleRecords
from extractor.pipeline import default_jobs, extract_article, run
from extractor.segment import segment_page
from extractor.sources import read_page
from extractor.store import Store
from tests.conftest import SEED_PAGES

SEEDS_DIR = str(SEED_PAGES[0].parent)


def records(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored record, without ids and run ids, in a stable order."""
    store = Store.open(db)
    try:
        return {
            "articles": store.db.execute(
                "select p.name, a.seq, a.title, a.text from articles a "
                "join pages p on p.id = a.page_id order by 1, 2"
            ).fetchall(),
            "metrics": store.db.execute(
                "select a.seq, p.name, m.raw, m.value, m.unit, m.approx, m.start, m.[end] "
                "from metrics m join articles a on a.id = m.article_id "
                "join pages p on p.id = a.page_id order by 2, 1, 7, 3"
            ).fetchall(),
            "quotes": store.db.execute(
                "select a.seq, p.name, q.speaker, q.text from quotes q "
                "join articles a on a.id = q.article_id "
                "join pages p on p.id = a.page_id order by 2, 1, 3, 4"
            ).fetchall(),
            "campaigns": store.db.execute(
                "select a.seq, p.name, c.name from campaigns c "
                "join articles a on a.id = c.article_id "
                "join pages p on p.id = a.page_id order by 2, 1, 3"
            ).fetchall(),
        }
    finally:
        store.close()


def test_worker_processes_store_what_one_process_stores(tmp_path: Path) -> None:
    alone, pooled = tmp_path / "alone.db", tmp_path / "pooled.db"
    one = run([SEEDS_DIR], Store.open(alone), jobs=1)
    two = run([SEEDS_DIR], Store.open(pooled), jobs=2)
    assert one.counts() == two.counts()
    assert one.articles > 0 and one.accepted["metric"] > 0
    assert records(alone) == records(pooled)


def extract_failing_on_second(article: Article) -> ArticleRecords:
    if article.seq == 1:
        raise ValueError("the model returned nothing")
    return rules.extract(article)


def test_a_failing_article_is_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = Store.open(db)
    summary = run([SEEDS_DIR], store, extract=extract_failing_on_second, jobs=1)
    assert summary.articles_failed == len(SEED_PAGES)
    assert summary.pages == len(SEED_PAGES) and summary.pages_failed == 0
    assert any("article 1: ValueError: the model returned nothing" in e for e in summary.errors)
    failed = store.db.execute(
        "select count(*) from extractions where status = 'failed' and error like 'ValueError%'"
    ).fetchone()[0]
    assert failed == len(SEED_PAGES)
    # A later run retries exactly the failed articles and completes the database.
    again = run([SEEDS_DIR], store, jobs=1)
    assert again.articles_skipped == again.articles - len(SEED_PAGES)
    assert again.articles_failed == 0
    store.close()
    fresh = tmp_path / "fresh.db"
    run([SEEDS_DIR], Store.open(fresh), jobs=1)
    assert records(db) == records(fresh)


def test_workers_are_used_only_when_they_pay_off() -> None:
    assert default_jobs(5) == 1
    assert 1 <= default_jobs(1000) <= 4


def test_a_page_stored_by_an_older_segmentation_is_extracted_from_its_stored_articles(
    tmp_path: Path,
) -> None:
    page = SEED_PAGES[0]
    source = read_page(page)
    fresh = segment_page(source.text)
    # An older version cut the page differently: its first two articles as one.
    older = [
        fresh[0].model_copy(update={"text": fresh[0].text + "\n" + fresh[1].text}),
        *(a.model_copy(update={"seq": a.seq - 1}) for a in fresh[2:]),
    ]
    store = Store.open(tmp_path / "x.db")
    store.add_page(str(page), source.sha256, len(source.text), source.encoding, older)
    summary = run([str(page), *map(str, SEED_PAGES[1:])], store, jobs=2)
    assert summary.articles_failed == 0 and summary.accepted["metric"] > 0
    rows = store.db.execute(
        "select m.raw, m.start, m.[end], a.text from metrics m "
        "join articles a on a.id = m.article_id where m.located_in = 'text'"
    ).fetchall()
    assert rows and all(text[start:end] == raw for raw, start, end, text in rows)
    store.close()


def test_an_error_nobody_foresaw_fails_its_article_with_a_one_line_reason() -> None:
    def broken(article: Article) -> ArticleRecords:
        raise ValueError("1 validation error for Metric\nvalue\n  " + "x" * 500)

    reason = extract_article(Article(seq=0, title="标题", text="正文。"), broken)
    assert isinstance(reason, str)
    assert reason.startswith("ValueError: 1 validation error for Metric value x")
    assert "\n" not in reason and len(reason) == 300 and reason.endswith("…")
