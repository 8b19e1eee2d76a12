"""What a metric counts, by rule: a phrase of its own sentence, in whole words.

The genre says what a number counts in a few places, looked at in this order:
- the noun after a measure word: `25名县级干部` → `县级干部`;
- the words of its clause before it, after any other number of the clause:
  `累计排查农村自建房1.36万栋` → `排查农村自建房`; a list is read as its kind
  (`检查电梯、锅炉、气瓶等特种设备` → `检查特种设备`);
- for figures after `分别`, the n-th figure goes with the n-th subject, listed in
  the clause (`平均身高、体重较五年前分别增加2.8厘米和1.9公斤` → `…平均体重增加`)
  or reported by the clauses before (`接待游客186万人次，实现旅游收入7.3亿元，分别
  增长35.4%和31.2%` → `接待游客增长`, `旅游收入增长`);
- for a change (`增长5.2%`, `比上年增长9.2%`, `由8张增加到20张`), what changed: the
  noun reported before it in the clause, before its `由`, or in the clause before
  that prints a number (`第一产业增加值14.86亿元，增长5.2%` → `第一产业增加值增长`);
- a time is how long what is said after it lasts or takes: `实行24小时在线监测` →
  `实行在线监测`;
- a label that names nothing (`保持`, `能挣`, `的村`) is given a noun of the same
  clause, or the object the clause before counts in the same unit (`排查隐患点位148处，
  整改131处` → `整改隐患点位`).

Where a label starts and ends is decided by jieba's dictionary (`phrases.py`,
`words.py`): a label never starts or ends where a word of the dictionary runs on.
Asking the dictionary about the few positions that matter costs microseconds a
number, where cutting every sentence with `jieba.cut` would cost milliseconds a
page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from extractor.caveats import unit_warning
from extractor.extract.counted import force_of
from extractor.extract.earnings import earnings_label
from extractor.extract.family import family_size_label
from extractor.extract.phrases import (
    CLAUSE_BREAK,
    DIGIT,
    LIMIT,
    LIST_MARKS,
    MEASURE_WORDS,
    NOT_COUNTED,
    PREPOSITIONS,
    holds_noun,
    is_scope,
    last_words,
    leading_words,
    measured_noun,
    names_something,
    phrase,
    start_of_clause,
    word_at,
    word_set,
    words_after,
)
from extractor.extract.words import is_boundary
from extractor.numbers import QuantityMatch

# A change reported by the number: what changed is named before it.
_VERBS = "增长|下降|提高|增加|减少|降低|上升|增幅|降幅|提升|回落|扩大|缩小|缩短|压缩|延长|上涨|下跌"

_CHANGE = re.compile(rf"(?:同比)?(?:{_VERBS})(?:了|到|至)?$")

_COMPLETED_CHANGE = re.compile(rf"(?<={_VERBS.replace('|增幅|降幅', '')})[了到至]+$")

# A change alone, after what it is compared with: `比上年同期增长`, `较五年前分别增加`.
_ONLY_CHANGE = re.compile(rf"(?:同比|环比|[比较].{{0,6}}?)?(?:分别)?(?P<verb>{_VERBS})")

# The words after the first number of `由8张增加到20张`: the change to the second.
_CHANGE_TO = re.compile(rf"[^，,。；;]{{0,4}}?(?:{_VERBS})?了?[到至]")

_VERB = re.compile(_VERBS)

# The head of the second number of `由8张增加到20张`: the change to it.
_CHANGE_TO_HEAD = re.compile(rf"(?P<verb>{_VERBS})了?[到至]|[到至]$")

# What a list of subjects is compared with, after them: `较五年前`, `同比`.
_COMPARED = re.compile(r"同比|环比|较|比")

# A figure printed after another: `和31.2%`.
_FIGURE = re.compile(r"[\d０-９]+(?:[.．][\d０-９]+)?")

# What follows a figure that says when, not how much: `2023年`, `7月`.
_DATE_UNITS = frozenset("年月日时")

# Verbs that only report the subject of a change: `实现地区生产总值` → `地区生产总值`.
_REPORTING = word_set("实现 完成 累计完成 累计实现")

# Words saying only that there are so many (`目前已有531人…`), by their last character.
_EXISTENTIAL = word_set("有 已有 共有 还有 只有 现有 仍有 尚有 均有 都有 就有 也有 已经有", by=-1)

# Characters of what lasts for the duration after `为期…的`, at most.
_LASTING_LIMIT = 8

# Characters of the last item of a list printed before a number.
_ITEM_LIMIT = 8

# The end of a place's alternatives (`县（市、区）`): its `、` joins no list.
_ALTERNATIVES_END = re.compile(r"[）)]")

# Units of a time something lasts or takes.
_DURATIONS = frozenset(
    ("天", "日", "年", "周", "星期", "个星期", "个月", "小时", "个小时", "分钟", "秒", "个工作日")
)

# Units of a ratio: what it is a ratio of is reported before it.
_RATIOS = frozenset(("%", "％", "‰", "倍", "成", "个百分点"))
# Adverbs a clause puts between what it counts and the number or its verb (`也`, `还`,
# `全部`); `人均`, `日均` are nouns.
_TRAILING_ADVERBS = re.compile(r"(?:也|还|已|都|分别|正在|全部|全面)+$")


def _reported_before(text: str, clause_start: int, *, passing: bool = False) -> str:
    """What the clause before reports: `第一产业增加值` of `第一产业增加值14.86亿元，`.
    With `passing` (for a change), a clause that prints no number (`按不变价格计算，`)
    is passed over."""
    if passing:
        subjects = _subjects_before(text, clause_start, 1)
        return subjects[0] if subjects else ""
    if clause_start <= 0:
        return ""
    start = start_of_clause(text, clause_start - 1)
    number = DIGIT.search(text, start, clause_start - 1)
    return _reported(text, start, number.start() if number else clause_start - 1)


def _subjects_before(text: str, clause_start: int, count: int) -> list[str]:
    """What each of the `count` clauses of the sentence before reports, in their order,
    passing over clauses that print no number; fewer when there are fewer."""
    found: list[str] = []
    end = clause_start - 1
    passed = 0
    while end > 0 and len(found) < count and passed <= count + 1:
        if text[end] not in "，,":
            break  # not beyond the sentence, nor a list of its own
        start = start_of_clause(text, end)
        number = _last_number(text, start, end)
        if number is not None:
            reported = _reported(text, start, number)
            if not names_something(reported) or _CHANGE_TO_HEAD.match(reported):
                first = _FIGURE.search(text, start, end)  # `产量由186公斤提高到238公斤`
                reported = _reported(
                    text, start, _from(text, start, first.start() if first else end)
                )
            found.insert(0, reported)
        passed += 1
        end = start - 1
    return found


def _last_number(text: str, start: int, end: int) -> int | None:
    """Where the last figure printed in text[start:end] that is no date starts
    (`28630` of `2023年吉汝村人均可支配收入达到28630元`), else the first."""
    figures = list(_FIGURE.finditer(text, start, end))
    counts = [f for f in figures if text[f.end() : f.end() + 1] not in _DATE_UNITS]
    found = counts[-1] if counts else figures[0] if figures else None
    return found.start() if found else None


def _reported(text: str, start: int, end: int) -> str:
    """The subject of a clause whose number is at `end`: `地区生产总值` of
    `全年实现地区生产总值291.36亿元`; nothing when the clause reports a change."""
    reported = phrase(text, start, end, 10)
    if _CHANGE.search(reported):
        return ""
    verb = next((w for w in _REPORTING.get(reported[:1], ()) if reported.startswith(w)), "")
    return reported[len(verb) :] or reported


def _distributed(
    text: str, clause_start: int, match: QuantityMatch, before: Sequence[QuantityMatch]
) -> str | None:
    """The subject of one of the figures after `分别`: the n-th figure goes with the
    n-th subject, listed before it in the clause (`身高、体重较五年前分别增加2.8厘米和
    1.9公斤`) or reported by the clauses before (`接待游客186万人次，实现旅游收入7.3亿元，
    分别增长35.4%和31.2%`); None when they do not pair up."""
    split = text.find("分别", clause_start, match.start)
    if split < 0:
        return None
    after = [q for q in before if split < q.start < match.start]
    changed = _VERB.search(text, split, after[0].start if after else match.start)
    verb = changed[0] if changed else ""
    later = _FIGURE.findall(text, match.end, _clause_end(text, match.end))
    figures = len(after) + 1 + len(later)
    listed = _listed(text, clause_start, split)
    if len(listed) >= 2:
        return listed[len(after)] + verb if len(listed) == figures else None
    if not verb:
        return None
    subjects = _subjects_before(text, clause_start, figures)
    return subjects[len(after)] + verb if len(subjects) == figures and all(subjects) else None


def _listed(text: str, start: int, end: int) -> list[str]:
    """The subjects a clause lists before what they are compared with: `平均身高`,
    `体重` of `全县中小学生平均身高、体重较五年前`."""
    compared = _COMPARED.search(text, start, end)
    end = compared.start() if compared else end
    if DIGIT.search(text, start, end):
        return []
    items, at = [], start
    for k in range(start, end):
        if text[k] in LIST_MARKS and is_boundary(text, k) and is_boundary(text, k + 1):
            items.append(phrase(text, at, k, 10))
            at = k + 1
    items.append(phrase(text, at, end, 10))
    return _shared(items) if all(items) else []


def _shared(items: list[str]) -> list[str]:
    """List items with the words they share: `广播和电视综合人口覆盖率` → `广播综合人口
    覆盖率`, `电视综合人口覆盖率`; `平均身高、体重` → `平均身高`, `平均体重`."""
    first, last = items[0], items[-1]
    if len(last) > len(first) + 2:  # the last item's words after its own
        cut = _boundary_near(last, len(first))
        return [item + last[cut:] for item in items[:-1]] + [last]
    if len(first) > len(last) + 2:  # the first item's words before its own
        cut = _boundary_near(first, len(first) - len(last))
        return [first] + [first[:cut] + item for item in items[1:]]
    return items


def _boundary_near(words: str, at: int) -> int:
    """The word boundary of `words` nearest `at`, not at either end."""
    for step in range(len(words)):
        for k in (at - step, at + step):
            if 0 < k < len(words) and is_boundary(words, k):
                return k
    return at


def metric_label(text: str, match: QuantityMatch, before: Sequence[QuantityMatch] = ()) -> str:
    """A short phrase of `text` saying what `match` counts, in whole words.

    `before` are the quantities printed earlier in the text (the words between
    two of them belong to the later one).

    >>> from extractor.numbers import find_quantities
    >>> text = "带动6.2万名群众参与产业发展。"
    >>> metric_label(text, find_quantities(text)[0])
    '带动群众'
    """
    force = force_of(text, match)
    if force:
        # `伴有5至6级偏西风`, `刮起八级以上的大风`, `发生5.8级地震`: what is measured is the
        # wind's force or the earthquake's magnitude, named after the number, whatever the
        # clause says before it.
        return force
    clause_start = start_of_clause(text, match.start)
    earlier = [q for q in before if clause_start < q.end <= match.start]
    family = family_size_label(text, match, earlier)
    if family:
        return family  # `措姆一家五口` → `措姆一家人口`
    label = _label(text, match, clause_start, earlier)
    if not names_something(label):
        label = _with_a_noun(text, match, before, label) or label
    if match.quantity.unit in ("元", "块"):  # `每个月能挣6000多元` → `每个月收入`
        label = earnings_label(label, text[clause_start : match.start]) or label
    return _without_adverbs(_with_what_lasts(text, match, label))


def _without_adverbs(label: str) -> str:
    """The label without the adverbs its clause put last (`10个乡镇全面开展` → `乡镇`,
    `帐篷里的温度也` → `帐篷里的温度`), when the rest still names something."""
    bare = _TRAILING_ADVERBS.sub("", label)
    return bare if bare != label and names_something(bare) else label


def _with_what_lasts(text: str, match: QuantityMatch, label: str) -> str:
    """A time is how long what is said after it lasts or takes (`实行24小时|在线监测`,
    `群众网购的商品3天左右|就能送到村里`): its words after it join the label, unless the
    label holds them, the time is what a change starts from (`由40分钟|缩短到…`) or the
    words name what a time does not count.

    >>> from extractor.numbers import find_quantities
    >>> text = "对库存粮食实行24小时在线监测。"
    >>> _with_what_lasts(text, find_quantities(text)[0], "对库存粮食实行")
    '对库存粮食实行在线监测'
    """
    if match.quantity.unit not in _DURATIONS or text[match.end : match.end + 1] == "的":
        return label
    said = _said_after(text, match.end)
    if said.endswith(("到", "至")):
        return label  # `由40分钟|缩短到|10分钟以内`: the change to the next number
    if not names_something(said) or said[:2] in label or label in said:
        return label  # `做了20年松茸生意的收购商`: the label holds them already
    # Not what a time cannot count: `三年内|力争使全县草原鼠害发生面积|减少…` sets a target.
    joined = label + said
    return joined if unit_warning(joined, match.quantity.unit) is None else label


def _label(
    text: str, match: QuantityMatch, clause_start: int, earlier: Sequence[QuantityMatch]
) -> str:
    """The label of `match` from its clause, or the clause before for a change."""
    start = clause_start
    if earlier:
        # The words after the quantity before are its noun, not this one's words:
        # `8座非煤矿山、17座尾矿库`.
        last = earlier[-1]
        start = last.end
        if last.quantity.unit[-1:] not in MEASURE_WORDS:
            start = _word_start(text, last.start, start)  # `一次性创业补贴`
        else:
            noun_end = last.end + len(measured_noun(text, last.end))
            if text[noun_end : noun_end + 1] in LIST_MARKS:
                start = noun_end
    end = match.start
    if _CHANGE_TO.match(text, match.end):
        end = _from(text, start, end)  # `平均结算时间由过去的3天缩短至…`
    head = phrase(text, start, end)
    if not head and earlier:
        # `惠及群众1520户6130人`: the words before the first quantity of the run,
        # unless they list what the first counts (`应急、消防等18个部门`)
        first = min(q.start for q in earlier)
        if not _lists_its_kind(text, clause_start, first):
            head = phrase(text, clause_start, first)
    head = _COMPLETED_CHANGE.sub("", head)  # `增加到20张`: the change is `增加`
    if head.endswith("为期") and text[match.end : match.end + 1] == "的":
        # `开展为期两个月的专项整治`: the duration of what is named after it, the phrase
        # as printed (`专项整治`), not its words put after `为期` (`专项整治为期`)
        lasting = phrase(text, match.end + 1, _clause_end(text, match.end), _LASTING_LIMIT)
        if names_something(lasting):
            return lasting
    if not head and not earlier:
        # `其中720人取得职业技能等级证书`: a number opening its clause counts what the
        # words after it say, not what the clause before reports
        said = _said_after(text, match.end)
        if names_something(said):
            return said
    there = _existence(head)
    if there and text[match.end : match.end + 1] != "、":  # `41条、总里程…`: another count
        # `目前已有531人与用人单位签订就业协议`: `已有` says only how many there are;
        # what they are is said after the number
        said = _said_after(text, match.end)
        if names_something(said):
            whose = head[: -len(there)]
            fits = names_something(whose) and len(whose) + len(said) <= LIMIT + 2
            return whose + said if fits else said
    measured = match.quantity.unit[-1:] in MEASURE_WORDS
    noun = measured_noun(text, match.end) if measured else ""
    if not noun:
        shared = _distributed(text, clause_start, match, earlier)
        if shared is not None:
            return shared
        changed = _changed(text, match, clause_start, earlier, head)
        if changed is not None:
            return changed
    if _only_where(text, head, match.start):
        # `对全县54个行政村实行…` → `行政村`, `对其中9处隐患点实施…` → `隐患点实施`
        return noun or words_after(text, match.end) or head
    if noun:
        if len(noun) > 1 and _lists_its_kind(text, start, match.start):
            return noun  # `涵盖内科、外科、妇产科等8个科室` → `科室`
        return head + noun if head and len(head) + len(noun) <= LIMIT + 2 else noun
    return head or words_after(text, match.end)


def _existence(head: str) -> str:
    """The word saying there are so many that ends the head (`已有`, `共有`), if any."""
    for word in _EXISTENTIAL.get(head[-1:], ()):
        if head.endswith(word) and is_boundary(head, len(head) - len(word)):
            return word
    return ""


def _said_after(text: str, at: int) -> str:
    """The first whole words after a number at `at`, up to the end of its clause or the
    next number: `目前已有531人|与用人单位签订就业协议`."""
    end = _clause_end(text, at)
    number = DIGIT.search(text, at, end)
    return leading_words(text, at, number.start() if number else end)


def _clause_end(text: str, at: int) -> int:
    """Where the clause holding `at` ends."""
    stop = CLAUSE_BREAK.search(text, at)
    return stop.start() if stop else len(text)


def _only_where(text: str, head: str, number: int) -> bool:
    """Is the head only where the object of a preposition is (`全县` of `对全县54个行政村`)?"""
    at = text.rfind(head, max(0, number - LIMIT * 3), number) if is_scope(head) else -1
    return at > 0 and any(text.endswith(p, 0, at) for ps in PREPOSITIONS.values() for p in ps)


def _lists_its_kind(text: str, start: int, number: int) -> bool:
    """Do the words before the number end in a list of what the noun after its measure
    word names (`选料、粗坯、阴干、打磨、上漆等20多道工序`)? The genre lists the items
    of a count and then says their kind: the kind is what is counted, the items are
    not."""
    end = number - 1 if text[number - 1 : number] == "等" else number
    mark = text.rfind("、", start, end)
    last = text[mark + 1 : end]
    return (
        mark > start  # an item before the mark: `、17座尾矿库` lists nothing
        and 0 < len(last) <= _ITEM_LIMIT
        and not DIGIT.search(last)
        and not _ALTERNATIVES_END.search(last)  # `县（市、区）` is one place
    )


def _word_start(text: str, number: int, at: int) -> int:
    """Where the word holding `at` starts, when a number that is no count ends inside
    it (`一次|性`, `5年|前`): not before the `number`, else the next boundary."""
    back = at
    while back > max(number, at - 2) and not is_boundary(text, back):
        back -= 1
    if is_boundary(text, back):
        return back
    while at < len(text) and not is_boundary(text, at):
        at += 1
    return at


def _from(text: str, start: int, end: int) -> int:
    """Where what changes ends in text[start:end], before the `由` of where the change
    starts from (`平均结算时间由过去的`); `end` when there is none."""
    by = text.rfind("由", start, end)
    return by if by >= 0 and is_boundary(text, by) and is_boundary(text, by + 1) else end


def _changed(
    text: str, match: QuantityMatch, clause_start: int, earlier: Sequence[QuantityMatch], head: str
) -> str | None:
    """For a change printed alone (`比上年增长9.2%`, `增加到20张`), what changed and the
    change; None when the head names what changed itself, or nothing is found."""
    change = _ONLY_CHANGE.fullmatch(head)
    to = _CHANGE_TO_HEAD.match(head) if earlier else None
    if head and change is None and to is None:
        return None
    verb = head.replace("分别", "") if change else (to["verb"] or "") if to else ""
    subject = ""
    if earlier:
        # `床位由8张增加到20张`: what changed is named before the first quantity
        subject = phrase(text, clause_start, _from(text, clause_start, earlier[0].start), 10)
    if not subject:
        subject = _reported_before(text, clause_start, passing=bool(verb))
    return subject + verb if subject else None


def _with_a_noun(
    text: str, match: QuantityMatch, before: Sequence[QuantityMatch], head: str
) -> str:
    """A label naming what is counted, for a number whose words before it name nothing
    (`保持`, `能采`): its words with the words after it (`能采40多斤鲜叶` → `能采鲜叶`),
    the words before the numbers printed with it in its clause, its words with the
    object counted in the same unit by the clause before (`排查隐患点位148处，整改131处`
    → `整改隐患点位`), or, for a ratio, what the clause before reports and its words
    (`税收收入102.6亿元，占比66.7%` → `税收收入占比`). Not one whose last word names
    what its unit cannot count (`…收入` of `1216个`); nothing when none is left."""
    unit = match.quantity.unit
    found = _nouns_near(text, match, before, head)
    return next((label for label in found if unit_warning(label, unit) is None), "")


def _nouns_near(
    text: str, match: QuantityMatch, before: Sequence[QuantityMatch], head: str
) -> Iterator[str]:
    """The labels `_with_a_noun` tries, in order."""
    after = words_after(text, match.end)
    if after != head and names_something(after) and not word_at(after, 0, len(after), NOT_COUNTED):
        # the noun after the measure word alone (`104名选手|同台竞技`) is no label to
        # print twice: the words after hold it
        yield after if after.startswith(head) else head + after
    clause_start = start_of_clause(text, match.start)
    earlier = [q for q in before if clause_start < q.end <= match.start]
    if earlier:
        words = phrase(text, clause_start, earlier[0].start)
        if holds_noun(words):
            yield words
    if clause_start <= 0:
        return
    unit = match.quantity.unit
    prior_start = start_of_clause(text, clause_start - 1)
    prior = [q for q in before if prior_start <= q.start < clause_start]
    if prior and prior[-1].quantity.unit == unit and unit[-1:] in MEASURE_WORDS:
        counted = last_words(phrase(text, prior_start, prior[-1].start), 4)
        if holds_noun(counted):
            yield head + counted
    elif unit in _RATIOS:
        reported = _reported_before(text, clause_start)
        if holds_noun(reported):
            yield reported + head
