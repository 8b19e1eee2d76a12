"""The record types every stage speaks: articles, metrics, quotes, campaigns.

The field descriptions are written for the reader who fills the record in,
human or model; they restate the annotation guidelines in short. The JSON
Schemas in `schemas/` are exported from these classes (`extractor schemas`).
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Approx = Literal["exact", "more", "about", "less"]
QuoteKind = Literal["direct", "indirect"]
RecordType = Literal["metric", "quote", "campaign"]


class Metric(BaseModel):
    """A reported quantity: a number with the unit or measure word that says what it counts."""

    model_config = ConfigDict(title="Metric")

    raw: str = Field(
        description=(
            "The number and its unit exactly as printed in the article, with the qualifiers "
            "printed next to it, e.g. '1.5万余人次', '130亿元', '约4000人次', '不少于5000人', "
            "'20到30个'. Never cut from a longer number or from the words that qualify it."
        )
    )
    value: float = Field(
        description=(
            "The number fully expanded: 万, 亿, 千, 百 folded in and Chinese numerals read. "
            "'1.5万余人次' -> 15000; '130亿元' -> 13000000000; '两名' -> 2; '98.24%' -> 98.24; "
            "'近千人' -> 1000; '两个半月' -> 2.5. For a range, the lower end."
        )
    )
    value_max: float | None = Field(
        default=None, description="The upper end of a range ('20到30个' -> 30), else null."
    )
    unit: str = Field(
        description=(
            "The unit or measure word without any magnitude character: '130亿元' -> '元', "
            "'1.5万余人次' -> '人次', '6个标段' -> '个', '13%' -> '%', '2.1倍' -> '倍'. A unit "
            "whose prefix is part of its name keeps it: '450万千瓦' -> '千瓦', '8千米' -> '千米'; "
            "compound measure words as printed: '56批次' -> '批次'."
        )
    )
    approx: Approx = Field(
        default="exact",
        description=(
            "'exact'; 'more' for 余/多/以上/超过/突破 and at-least wording (不少于/不低于/至少); "
            "'about' for 约/左右/近/大概; 'less' for 不到/以下/不足 and at-most wording "
            "(不超过/不高于/最多)."
        ),
    )
    label: str = Field(
        default="", description="A short Chinese phrase saying what is counted, e.g. '工业总产值'."
    )
    evidence: str = Field(
        default="", description="The whole sentence of the article that holds raw, as printed."
    )


class Quote(BaseModel):
    """Speech attributed to a person named or identified in the article, direct or indirect."""

    model_config = ConfigDict(title="Quote")

    speaker: str = Field(
        description=(
            "The person's name as printed, e.g. '占堆'; for an unnamed person the printed "
            "reference, e.g. '徐女士'. The one the article names as saying these words (a verb "
            "of saying, a colon before the quotation, or a pronoun for the person named before). "
            "Never an organisation, a meeting, a document, a pronoun or the reporter."
        )
    )
    speaker_title: str | None = Field(
        default=None,
        description=(
            "The speaker's role and organisation as printed before the name, "
            "e.g. '柳梧街道办事处人大专干', or null."
        ),
    )
    text: str = Field(
        description=(
            "The words as printed, without the outer quotation marks. Direct: the words inside "
            "the marks. Indirect: what follows 表示/指出/强调/说/介绍, to the end of that sentence."
        )
    )
    kind: QuoteKind = Field(
        description=(
            "'direct' exactly when the words stand inside quotation marks, 'indirect' for "
            "reported speech."
        )
    )


class Campaign(BaseModel):
    """A named, organised initiative: campaign, themed activity, programme, event series, method."""

    model_config = ConfigDict(title="Campaign")

    name: str = Field(
        description=(
            "The name as printed, quotation marks kept where they are part of it, e.g. "
            "'“全民消防我体验”宣传活动', '城乡环境综合大整治行动', '雪亮工程'."
        )
    )
    organizer: str | None = Field(default=None, description="Who runs it, as printed, or null.")
    location: str | None = Field(default=None, description="Where it takes place, or null.")
    evidence: str = Field(
        default="", description="A sentence of the article that names it, as printed."
    )


class ArticleRecords(BaseModel):
    """Everything extracted from one article."""

    model_config = ConfigDict(title="ArticleRecords")

    metrics: list[Metric] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    campaigns: list[Campaign] = Field(default_factory=list)


class Article(BaseModel):
    """One headline with its body, cut from a page by the segmenter."""

    seq: int = Field(description="0-based order of the article on its page.")
    title: str = Field(default="", description="The main headline; empty for an untitled photo.")
    kicker: str | None = Field(default=None, description="The line printed above the headline.")
    subtitle: str | None = Field(default=None, description="The line after the headline (——…).")
    byline: str | None = Field(default=None, description="The reporter or photographer line.")
    dateline: str | None = Field(
        default=None,
        description="The dateline opening the first paragraph, e.g. '拉萨融媒讯(记者李从芳)'.",
    )
    text: str = Field(description="The reflowed body: paragraphs joined by newlines.")

    @property
    def headline(self) -> str:
        """Kicker, title and subtitle, one per line: where a record may be named too."""
        return "\n".join(part for part in (self.kicker, self.title, self.subtitle) if part)


class Span(BaseModel):
    """Where a record sits in its article: character offsets into `Article.text`."""

    start: int
    end: int


class Accepted(BaseModel):
    """A record the checker grounded, with its location in the article body.

    `span` is None when the record is named only in the headline.
    """

    record_type: RecordType
    record: Metric | Quote | Campaign
    span: Span | None
    warnings: list[str] = Field(
        default_factory=list, description="What deserves a look, though every check passed."
    )


class Rejection(BaseModel):
    """A record the checker refused, kept for review with every reason."""

    record_type: RecordType
    record: dict[str, object]
    reasons: list[str]


class CheckResult(BaseModel):
    accepted: list[Accepted] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)


class LLMCall(BaseModel):
    """One HTTP call to a model, as the `llm_calls` table keeps it.

    The request is what was sent (messages, schema, model); the API key travels
    in a header and is never part of it.
    """

    run_id: int
    article_id: int
    model: str
    request_key: str
    request: str
    response: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    duration_ms: int
    error: str | None
    status_code: int | None
    started_at: str


# Gold files (format in docs/annotation.md) add `optional` to each record
# and a few article fields; they are read with these models.


class GoldMetric(Metric):
    optional: bool = False


class GoldQuote(Quote):
    optional: bool = False


class GoldCampaign(Campaign):
    optional: bool = False


class GoldArticle(BaseModel):
    title: str = ""
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    metrics: list[GoldMetric] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    campaigns: list[GoldCampaign] = Field(default_factory=list)


class GoldPage(BaseModel):
    source: str
    articles: list[GoldArticle]


#: The record types whose JSON Schemas are exported to `schemas/`.
EXPORTED_SCHEMAS: dict[str, type[BaseModel]] = {
    "metric": Metric,
    "quote": Quote,
    "campaign": Campaign,
    "article_records": ArticleRecords,
    "article": Article,
}


def json_schemas() -> dict[str, str]:
    """Each exported record type's JSON Schema, as the text kept in `schemas/`."""
    return {
        name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
        for name, model in EXPORTED_SCHEMAS.items()
    }
