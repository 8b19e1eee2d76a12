"""Warnings: records that pass every check but deserve a look.

A warning never rejects a record: the record is grounded, but something about
it is unlikely to be what a careful reader would have written. Each warning is
a sentence saying what to look at.

- A metric's label whose words are mostly not in its sentence, or that fits
  another sentence of the article better than its own (by a tenth of its pieces;
  not the clause of a sentence that prints the same raw, the number said twice): `130亿元`
  labelled `财政收入` where the sentence says `产值`. Words are compared as characters
  and as two-character pieces, leaving out the glue `的和及与等所在了之`;
  quotation marks and brackets are no part of a sentence's words (`“家门口”就业服务站`,
  `乡（镇）`).
- A metric's label naming a year its sentence does not, where the sentence gives its
  figures another (`今年…` for a sentence of `去年暑期，…`).
- A metric's label whose last word names a kind of quantity its unit does not
  count: money (`…收入`, `…投资`) not in 元, a rate (`…率`, `…增速`) not in %,
  a number of people (`…人数`) in 项, a length of time (`…为期`, `…时限`) in 名.
- A campaign name that is a generic phrase with no name of its own: the
  guidelines' exclusions (`安全生产工作`, `基层治理`, `长效机制`), that is a
  phrase of common words of the domain ending in a word such as 工作, 治理,
  机制, 体系, 管理, 建设, 服务, with no quotation marks, title marks or
  numbers that would make it a name.
"""

from __future__ import annotations

import bisect
import functools
import re

from extractor.models import Campaign, Metric, Quote
from extractor.roles import words
from extractor.textindex import normalize

_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]")
_GLUE = set("的和及与等所在了之")
# Marks that are no part of a sentence's words: quotation marks, and the brackets of a
# place printed with what else it may be (`乡（镇）` reads as the label `乡（镇）` does).
_MARKS = re.compile('[“”‘’「」『』"（）()]')
_SENTENCES = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
#: Less than this share of a label's characters, or of its pieces, in its sentence.
MOSTLY_NOT = 0.5
#: Another sentence holding this much more of the label than its own.
BETTER_ELSEWHERE = 0.1
#: Shares are ratios of small counts, compared in floating point: one piece more of ten
#: is 0.9 - 0.8 = 0.09999999999999998, which must count as the tenth it is.
_ROUNDING = 1e-9


@functools.lru_cache(maxsize=1024)
def _characters(label: str) -> list[str]:
    """The label's characters, the glue left out."""
    return [c for c in _NOT_CJK.sub("", label) if c not in _GLUE]


@functools.lru_cache(maxsize=1024)
def _pieces(label: str) -> list[str]:
    """The label's two-character pieces, the glue left out: `参与巡河的志愿者` →
    `参与`, `与巡`, `巡河`, `志愿`, `愿者`."""
    chars = _NOT_CJK.sub("", label)
    pieces = [
        chars[i : i + 2]
        for i in range(len(chars) - 1)
        if chars[i] not in _GLUE and chars[i + 1] not in _GLUE
    ]
    return pieces or ([chars] if chars else [])


def _share(items: list[str], sentence: str) -> float:
    return sum(map(sentence.__contains__, items)) / len(items) if items else 1.0


@functools.lru_cache(maxsize=256)
def _unmarked(text: str) -> str:
    """The text without quotation marks, as a label is read: `“家门口”就业服务站` holds
    the label `家门口就业服务站` whole."""
    return _MARKS.sub("", text)


def label_warning(label: str, sentence: str, text: str = "", raw: str = "") -> str | None:
    """A warning when `label` is mostly not in `sentence`, or fits another sentence of
    the article `text` better; None when it reads as its sentence.

    >>> label_warning("财政收入", "工业总产值130亿元。") is not None
    True
    """
    characters = _characters(label)
    if not characters:
        return None
    sentence, text = _unmarked(sentence), _unmarked(text)
    pieces = _pieces(label)
    own = _share(pieces, sentence)
    if _share(characters, sentence) < MOSTLY_NOT or own < MOSTLY_NOT:
        return (
            f'label "{label}": most of its words are not in its sentence; '
            "check that it says what is counted"
        )
    best = _better_sentence(pieces, sentence, text, raw) if own < 1 else None
    if best is not None and _share(pieces, best) - own >= BETTER_ELSEWHERE - _ROUNDING:
        return (
            f'label "{label}" fits another sentence of the article better than its own '
            f'("{_short(best)}"); check that it says what is counted'
        )
    return None


# The year a figure is of; in a sentence, not the year it is compared with (`由去年的7成
# 提高到100%`, `比去年`, `增长到去年的`), nor the 上年 of `上年级`. (What it may not follow is
# looked behind after the year's two characters, so that the scan skips to where one opens.)
_YEAR_OF = re.compile("(今年|去年|明年|前年|上年)(?<![由比较与同和从对到]..)(?!级)")


def year_warning(label: str, sentence: str) -> str | None:
    """A warning when the label names a year its sentence does not, and the sentence says
    its figures are of another: `今年暑期接待少年儿童读者目标` for `去年暑期,…接待少年儿童读者
    1.8万人次`.

    >>> year_warning("今年接待游客", "去年接待游客1.8万人次。") is not None
    True
    >>> year_warning("今年持证上岗率", "持证上岗率由去年的7成提高到100%。")
    """
    named = {m[1] for m in _YEAR_OF.finditer(_NOT_CJK.sub("", label))}
    printed = {m[1] for m in _YEAR_OF.finditer(sentence)}
    if not named or any(year in sentence for year in named) or not printed:
        return None
    return (
        f'label "{label}" names {"、".join(sorted(named))}, its sentence '
        f"{'、'.join(sorted(printed))}; check that it says what is counted"
    )


def _endings(words: str) -> tuple[str, ...]:
    """The words a label may end in, for `str.endswith`."""
    return tuple(words.split())


#: What a label's last word says is counted, and the units that can count it: a label
#: ending in 收入 names money, counted in 元 (or 块); one ending in 增速 or 率 a rate.
_KINDS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "an amount of money",
        _endings(
            "收入 投资 资金 产值 总额 金额 费用 经费 补贴 补助 奖励 奖金 销售额 营业额 利润"
            " 税收 成本 工资 分红 贷款 存款 预算 支出 罚款 资产 增加值 总值"
        ),
        re.compile("元|块"),
    ),
    (
        "a rate",
        _endings("率 增速 增幅 涨幅 降幅 比重 占比 比例"),
        re.compile("^(?:%|‰|个百分点|百分点|倍|成|)$"),
    ),
    (
        "a number of people",
        _endings("人数 人次"),
        re.compile("^(?:人|名|人次|位|户|家|个|%|‰|倍|成|个百分点)$"),
    ),
    (
        "a group of people",
        _endings(
            "群众 居民 村民 牧民 农牧民 游客 职工 员工 党员 干部 学生 人员 人口"
            " 老年人 老人 儿童 妇女 患者 病人 残疾人 农民工 劳动力 毕业生 员"
        ),
        re.compile(
            "^(?:万|亿)?(?:人|名|位|户|家|口|人次|户次|次|例|岁|个|%|‰|倍|成|个百分点"
            "|学生|群众|党员|干部|村民|居民|农牧民|游客|职工)$"
        ),
    ),
    ("an area", _endings("面积"), re.compile("亩|平方|公顷|%|倍|个百分点")),
    ("a length", _endings("长度 里程"), re.compile("米|公里|%|倍|个百分点")),
    (
        "a length of time",
        _endings("时长 会期 工期 用时 耗时 时间 年限 为期 历时 周期 期限 时限"),
        re.compile("天|年|月|小时|分钟|秒|周|日|星期|%|倍|个百分点"),
    ),
    ("a number of households", _endings("户数"), re.compile("^户|%|倍|个百分点")),
)


#: Words ending in 员 that name no one: a vehicle carrying too many (`查处超速超员`).
_NO_PEOPLE = _endings("超员")


def unit_warning(label: str, unit: str) -> str | None:
    """A warning when the label's last word names a kind of quantity its unit cannot
    count: `城镇居民人均可支配收入` (money) for `10%以上`, `报名人数` for `12项`.

    >>> unit_warning("农村居民人均可支配收入", "%") is not None, unit_warning("增速", "%")
    (True, None)
    >>> unit_warning("同行护边员", "公斤") is not None, unit_warning("查处超员", "起")
    (True, None)
    """
    key = _NOT_CJK.sub("", label)
    for kind, names, units in _KINDS:
        if key.endswith(names) and not key.endswith(_NO_PEOPLE) and not units.search(unit):
            return (
                f'label "{label}" names {kind}, which "{unit}" does not count; '
                "check that it says what is counted"
            )
    return None


def _better_sentence(pieces: list[str], sentence: str, text: str, raw: str = "") -> str | None:
    """The sentence of `text` that holds most of `pieces`, among those holding a piece
    `sentence` lacks (no other can hold more); of one printing `raw` too, only its other
    clauses (the article says the number twice, and the label may be written from either
    place); None if there is none."""
    starts, sentences = _sentences(text)
    candidates = set()
    for piece in pieces:
        if piece in sentence:
            continue
        at = text.find(piece)
        while at >= 0:
            candidates.add(bisect.bisect_right(starts, at) - 1)
            at = text.find(piece, at + 1)
    others = [
        other
        for k in sorted(candidates)
        if k >= 0 and sentences[k] not in sentence and sentence not in sentences[k]
        for other in _other_than_again(sentences[k], raw)
    ]
    return max(others, key=lambda other: _share(pieces, other), default=None)


#: What a sentence's clauses are cut at: its commas and colons.
_CLAUSE = re.compile("[，,：:]")


def _other_than_again(sentence: str, raw: str) -> list[str]:
    """The sentence, or, when it says the number `raw` again, each of its clauses that
    does not: the label may be written from where the number is said again, not from a
    clause counting another number (`总床位达到120张` of `新增床位80张，总床位达到120张`).

    >>> _other_than_again("医院将新增床位80张，总床位达到120张。", "80张")
    ['总床位达到120张。']
    """
    if not (raw and _says_again(raw, sentence)):
        return [sentence]
    return [clause for clause in _CLAUSE.split(sentence) if not _says_again(raw, clause)]


#: What a number follows when it is not the same number said again: a digit or numeral
#: (`2个` of `12个`), or the 第 of an ordinal (`三届` of `第三届`, the third of them).
_NOT_AFTER = "第0-9０-９〇零一二三四五六七八九十百千万亿两.．"


def _says_again(raw: str, sentence: str) -> bool:
    """Does `sentence` print the number `raw`, not inside a longer number or an ordinal?

    >>> _says_again("三届", "连续举办三届。"), _says_again("三届", "第三届为期4天。")
    (True, False)
    """
    return re.search(f"(?<![{_NOT_AFTER}]){re.escape(raw)}", sentence) is not None


def label_fit(label: str, sentence: str) -> float:
    """How much of `label` the sentence holds, as a share of the label's pieces."""
    return _share(_pieces(label), _unmarked(sentence))


@functools.lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[list[int], list[str]]:
    """Where each sentence of the text starts, and the sentences."""
    found = list(_SENTENCES.finditer(text))
    return [m.start() for m in found], [m[0].strip() for m in found]


# --- campaigns ---------------------------------------------------------------------

#: What a generic phrase ends with: 工作, 治理, 机制…
_GENERIC_HEADS = words(
    "工作机制 长效机制 工作体系 治理体系 工作 治理 机制 体系 管理 建设 服务 发展 改革 保障 监管 防控"
    " 宣传 培训"
)
#: The domain's common words, which name no campaign by themselves.
_COMMON_WORDS = words(
    """
    安全生产 安全隐患 安全 生产 基层 社会 乡村 城乡 城市 农村 社区 环境 宣传 消防 信访 党建 民生
    日常 长效 常态化 网格化 规范化 精细化 综合 专项 重点 各项 相关 全面 有效 工作 矛盾纠纷 疫情
    防汛 森林 草原 防火 食品 交通 道路 治安 思想 政治 理论 学习 组织 队伍 干部 人才 产业 经济
    文化 旅游 生态 环保 卫生 健康 医疗 教育 就业 扶贫 脱贫 帮扶 防范 应急 救援 执法 法治 普法
    禁毒 监督 督查 监测 预警 巡查 排查 整改 落实 推进 服务 志愿 志愿服务 行业 领域 市场 质量
    民族团结 意识形态 作风 纪律 廉政 党风 党风廉政 能力 水平 现代化 治理 管理 防控 发展 建设
    """
)
_NAMED = re.compile(r"[“”「」『』‘’\"《》0-9０-９]|第[一二三四五六七八九十\d]")


@functools.cache
def _common(words: str) -> bool:
    """Is `words` nothing but the domain's common words, one after another?"""
    return not words or any(
        words.startswith(word) and _common(words[len(word) :]) for word in _COMMON_WORDS
    )


def campaign_warning(name: str) -> str | None:
    """A warning when a campaign's name is a generic phrase with no name of its own.

    >>> campaign_warning("安全生产工作") is not None, campaign_warning("雪亮工程")
    (True, None)
    """
    if _NAMED.search(name):
        return None
    key = normalize(name, drop_quotes=True)
    head = next((h for h in _GENERIC_HEADS if key.endswith(h)), None)
    if head is None or not _common(key[: -len(head)]):
        return None
    return (
        f'campaign "{name}" is a generic phrase with no name of its own '
        "(the guidelines leave out such phrases as 安全生产工作, 基层治理)"
    )


def warnings_of(record: Metric | Quote | Campaign, sentence: str, text: str) -> list[str]:
    """The warnings of an accepted record: a metric's label against `sentence`, the one
    holding its raw, and the other sentences of `text`; a campaign's name."""
    found = None
    if isinstance(record, Metric) and record.label.strip():
        label = record.label.strip()
        found = (
            label_warning(label, sentence, text, record.raw.strip())
            or year_warning(label, sentence)
            or unit_warning(label, record.unit.strip())
        )
    elif isinstance(record, Campaign):
        found = campaign_warning(record.name.strip())
    return [found] if found else []


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
