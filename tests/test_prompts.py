"""The prompt teaches nothing the checker refuses: its example records pass the checker
against its example article, as the records of any model would."""

from __future__ import annotations

import json
import re

from extractor.check import check_article
from extractor.extract.prompting import Prompts
from extractor.extract.replies import ModelRecords
from extractor.models import ArticleRecords


def example() -> tuple[str, str, ArticleRecords]:
    """The system prompt's example: its headline, its body and its records."""
    system = Prompts(ModelRecords).system
    found = re.search(
        r"## Example\nArticle:\n(?P<article>.*?)\nRecords:\n(?P<records>.*?)\n\n##", system, re.S
    )
    assert found is not None, "the system prompt has no example article and records"
    title_line, *body = found["article"].strip().split("\n")
    headline = title_line.removeprefix("标题：")
    records = ArticleRecords.model_validate(json.loads(found["records"]))
    return headline, "\n".join(body), records


def test_the_example_records_of_the_prompt_pass_the_checker() -> None:
    headline, text, records = example()
    result = check_article(text, records, headline)

    assert [(r.record_type, r.reasons) for r in result.rejected] == []
    proposed = len(records.metrics) + len(records.quotes) + len(records.campaigns)
    assert len(result.accepted) == proposed
    assert [(a.record_type, a.warnings) for a in result.accepted if a.warnings] == []


def test_the_example_shows_the_rules_a_model_gets_wrong() -> None:
    """At-least wording, a pronoun standing for the speaker, both kinds of quote."""
    _, _, records = example()
    assert any(m.raw.startswith("不少于") and m.approx == "more" for m in records.metrics)
    assert {q.kind for q in records.quotes} == {"direct", "indirect"}
    assert len({q.speaker for q in records.quotes}) < len(records.quotes)  # 他要求
