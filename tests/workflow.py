"""A database as a researcher comparing extractors has one: the seed pages described by the
documentation's manifest, extracted by the rules backend and by a (fake) model.

The model finds what the rules find, except money (metrics in 元): so the two
extractors disagree on exactly those, which tests can count in the database.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main
from extractor.extract import rules
from extractor.models import Article
from tests.conftest import ROOT, SEED_PAGES, SEEDS
from tests.fakellm import (
    Reply,
    Request,
    article_body,
    article_title,
    records_reply,
    round_of,
    serving,
)

MANIFEST = ROOT / "docs" / "seeds-manifest.csv"
#: The pages the model is run on (the rules run on every seed page).
MODEL_PAGES = SEED_PAGES[:2]


def model_without_money(request: Request, n: int = 0) -> Reply:
    """A model that returns the rules' records of the article asked about, but no metric in 元."""
    if round_of(request) > 0:
        return records_reply(request, {"metrics": [], "quotes": [], "campaigns": []})
    article = Article(seq=0, title=article_title(request), text=article_body(request))
    records = rules.extract(article)
    records.metrics = [m for m in records.metrics if m.unit != "元"]
    return records_reply(request, records.model_dump())


def run_model(db: Path, *pages: Path, model: str = "fake-model") -> None:
    """`extractor run PAGES --model MODEL` against the fake endpoint."""
    with serving(model_without_money) as fake:
        result = CliRunner().invoke(
            main,
            [
                "run",
                *map(str, pages),
                "--db",
                str(db),
                "--model",
                model,
                "--base-url",
                fake.url,
                "--manifest",
                str(MANIFEST),
            ],
            env={"OPENAI_API_KEY": "sk-test"},
        )
    assert result.exit_code == 0, result.output


def two_extractor_database(db: Path) -> Path:
    """Extractor 1: the rules on every seed page; extractor 2: the model on MODEL_PAGES."""
    result = CliRunner().invoke(
        main, ["run", str(SEEDS), "--db", str(db), "--manifest", str(MANIFEST)]
    )
    assert result.exit_code == 0, result.output
    run_model(db, *MODEL_PAGES)
    return db
