"""The offline backend: one article → candidate records, by rule.

It is the embedded default (no model, no key, no network), deterministic,
and the baseline an LLM has to beat. Metrics come from the number grammar
with the guidelines' exclusions; quotes from `extract.speech`; campaigns from
`extract.campaigns`. Its records go through the same checker as a model's.
"""

from __future__ import annotations

from extractor.check import sentence_at
from extractor.extract.campaigns import campaign_names
from extractor.extract.counted import counted_noun, counted_words, excluded, same_meaning
from extractor.extract.labels import metric_label
from extractor.extract.organizers import Sponsors
from extractor.extract.restated import Printing, printing, restated
from extractor.extract.speech import quotes_in
from extractor.models import Article, ArticleRecords, Campaign, Metric
from extractor.numbers import find_quantities
from extractor.reporters import reporters

BACKEND = "rules"
#: Bump when the rules change what they extract, so a re-run extracts again.
RULES_VERSION = "rules-21"


def metrics_in(article: Article) -> list[Metric]:
    """Every quantity of the article that the guidelines count as a metric; a number
    printed again with the same meaning (`counted.same_meaning`, `restated.restated`) is
    one metric. A number
    its title or subtitle prints and its body does not (`——新增床位70张`) is the
    article's too."""
    metrics = _metrics_of(article.text)
    body = {(m.value, m.value_max, m.unit, m.approx) for m in metrics}
    for line in (article.title, article.subtitle or ""):
        for metric in _metrics_of(line):
            if (metric.value, metric.value_max, metric.unit, metric.approx) not in body:
                metrics.append(metric)
    return metrics


def _metrics_of(text: str) -> list[Metric]:
    """The metrics one text prints, each number of one meaning once."""
    metrics: list[Metric] = []
    seen: dict[tuple[object, ...], list[Printing]] = {}
    found = find_quantities(text)
    for k, match in enumerate(found):
        if excluded(text, match):
            continue
        q = match.quantity
        label = metric_label(text, match, found[max(0, k - 8) : k])
        meaning = printing(
            text, match, label, counted_noun(text, match), counted_words(text, match)
        )
        printed = seen.setdefault((q.value, q.value_max, q.unit, q.approx), [])
        if any(
            same_meaning(before[:3], meaning[:3], q.unit) or restated(before, meaning)
            for before in printed
        ):
            continue
        printed.append(meaning)
        metrics.append(
            Metric(
                raw=match.raw,
                value=q.value,
                value_max=q.value_max,
                unit=q.unit,
                approx=q.approx,
                label=label,
                evidence=sentence_at(text, match.start, match.end),
            )
        )
    return metrics


def campaigns_in(article: Article) -> list[Campaign]:
    """The article's campaigns with who runs them and where, read where the body names them.

    A campaign named only in the headline (`“五措并举”`) is the article's too.
    """
    body_start = len(article.headline) + 1
    text = f"{article.headline}\n{article.text}"
    names = campaign_names(text, body_start)
    if not names:
        return []
    sponsors = Sponsors(article.headline, article.text, article.dateline)
    campaigns = []
    for named in names:
        at = named.at
        if at < body_start:
            in_body = text.find(named.name, body_start)
            at = in_body if in_body >= 0 else at
        sponsor = sponsors.of(at, named.name)
        campaigns.append(
            Campaign(name=named.name, organizer=sponsor.organizer, location=sponsor.location)
        )
    return campaigns


def extract(article: Article) -> ArticleRecords:
    """Candidate records of one article, by rule."""
    return ArticleRecords(
        metrics=metrics_in(article),
        quotes=quotes_in(
            article.text, article.headline, reporters(article.byline, article.dateline)
        ),
        campaigns=campaigns_in(article),
    )
