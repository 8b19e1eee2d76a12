"""The offline backend: one article → candidate records, by rule.

It is the embedded default (no model, no key, no network), deterministic,
and the baseline an LLM has to beat. Metrics come from the number grammar
with the guidelines' exclusions; quotes from `extract.speech`; campaigns from
`extract.campaigns`. Its records go through the same checker as a model's.
"""

from __future__ import annotations

import re

from extractor.check import sentence_around
from extractor.extract.campaigns import campaign_names
from extractor.extract.labels import metric_label
from extractor.extract.organizers import Sponsors
from extractor.extract.speech import quotes_in
from extractor.models import Article, ArticleRecords, Campaign, Metric, Span
from extractor.numbers import CN_DIGITS, QuantityMatch, find_quantities, is_calendar_date

BACKEND = "rules"
#: Bump when the rules change what they extract, so a re-run extracts again.
RULES_VERSION = "rules-3"

# What can stand before a number and make it a count after all: the article
# `一` (`一名党员`) is no quantity, but `为期一个月` is.
_COUNTING_ONE = ("为期", "仅", "只有", "只", "共", "累计", "达")
# `七次全会` is the seventh plenary session, not seven sessions.
_SESSION = re.compile(r"^(?:全会|全体会议|会议|党代会|代表大会)")
# `三年行动`, `五年规划`: a number inside a programme's name.
_PROGRAMME = re.compile(r"^(?:行动|计划|规划|攻坚)")
_UNIT_WORDS = ("轮车", "部分")
_IDIOM_AFTER = re.compile(r"^(?:一体|一心|一线)")
_NAME_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"'}
_CLAUSE_END = "，,。；;！？!?：:、（）()“”‘’「」《》\n"
_LAST_CLAUSE_END = re.compile(rf"(?s:.*)[{re.escape(_CLAUSE_END)}]")
_CLAUSE_END_RE = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_NUMBER_START = re.compile(rf"[\d{CN_DIGITS}十]")
_TRAILING_VERB = re.compile(
    r"(?:预计|同比|分别|累计|共计|总计|共|已|达到|达|实现|完成|超过|约|近|为|是|有)+$"
)
_LABEL_STOP = re.compile(r"[的和与及等共达为是在到了着就都将已]")
_LEADING_FILLER = re.compile(
    r"^(?:共计|累计|总计|其中|共|达|约|近|为|已|已经|还|并|再|每年|每天|目前)+"
)


#: How far from a number its enclosing marks may be (a book title in 《》 is the longest).
_NAME_REACH = 80


def _inside_name(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside quotation marks that enclose a name, not speech?

    A name in marks is short and has no sentence punctuation (`“九项行动”`,
    `“24小时信息系统服务专线”`); speech in marks is longer and punctuated, and
    its numbers are metrics like any other.
    """
    for opener, closer in _NAME_QUOTES.items():
        # Marks further away than a name is long are not around one: looking no
        # further keeps a long page linear.
        left = text.rfind(opener, max(0, start - _NAME_REACH), start)
        if left < 0:
            continue
        if opener != closer and text.rfind(closer, left + 1, start) >= 0:
            continue
        right = text.find(closer, end, end + _NAME_REACH)
        if right < 0:
            continue
        inner = text[left + 1 : right]
        if opener == "《" or (len(inner) <= 16 and not any(c in inner for c in "，,。！？；;")):
            return True
    return False


def _excluded(text: str, match: QuantityMatch) -> bool:
    """The guidelines' exclusions: dates, ordinals, names, the article 一, ages."""
    quantity = match.quantity
    before = text[max(0, match.number_start - 2) : match.number_start]
    after = text[match.end : match.end + 4]
    numeral = text[match.number_start : match.end - len(quantity.unit)]
    if is_calendar_date(match.raw, quantity) or quantity.unit == "岁":
        return True
    # `四级调研员`, `三星级以上酒店`, `县、乡两级`: ranks and tiers, not counts.
    if quantity.unit in ("级", "星级"):
        return True
    if before.endswith("第"):
        return True
    # `二次核查`, `二次创业`: a count says 两次; 二次 is "a second".
    if match.chinese and numeral == "二" and quantity.unit == "次":
        return True
    # The unit is the first half of a word: `三轮车` (tricycles), `两部分` (two parts).
    if quantity.unit + after[:1] in _UNIT_WORDS:
        return True
    if quantity.unit == "次" and _SESSION.match(after):
        return True
    if quantity.unit == "年" and match.chinese and _PROGRAMME.match(after):
        return True
    if match.chinese and _IDIOM_AFTER.match(after):
        return True
    if match.chinese and numeral == "一" and not before.endswith(_COUNTING_ONE):
        return True
    # `四面八方`, `三方协议`, `一家三口之家`: words, not measures of 面 (banners), 方 (m³)
    # or 口 (wells), which the papers print with Arabic digits (`20面`, `3万方`, `5口`).
    if match.chinese and quantity.unit in ("面", "方", "平方", "口"):
        return True
    if quantity.unit == "口" and after.startswith("之"):
        return True
    # `忙了半天`, `每半年`: a half alone is a count only when something says so
    # (`为期半个月`, `不到半天`).
    if numeral.startswith("半") and not match.before and not before.endswith(_COUNTING_ONE):
        return True
    return _inside_name(text, match.start, match.end)


def metrics_in(article: Article) -> list[Metric]:
    """Every quantity of the article that the guidelines count as a metric."""
    text = article.text
    metrics: list[Metric] = []
    seen: set[tuple[object, ...]] = set()
    found = find_quantities(text)
    for k, match in enumerate(found):
        if _excluded(text, match):
            continue
        q = match.quantity
        label = metric_label(text, match, found[max(0, k - 8) : k])
        key = (q.value, q.value_max, q.unit, q.approx, label)
        if key in seen:  # the same number with the same meaning is one metric
            continue
        seen.add(key)
        metrics.append(
            Metric(
                raw=match.raw,
                value=q.value,
                value_max=q.value_max,
                unit=q.unit,
                approx=q.approx,
                label=label,
                evidence=sentence_around(text, Span(start=match.start, end=match.end)),
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
        quotes=quotes_in(article.text, article.headline),
        campaigns=campaigns_in(article),
    )
