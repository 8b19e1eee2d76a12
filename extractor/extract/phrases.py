"""The words of a clause that say what a number counts: where the clause starts, the
words that only open or close it, the noun a measure word counts, and whether a phrase
names anything at all.

Where a phrase starts and ends is decided by jieba's dictionary (`words.py`): a phrase
never starts or ends where a word of the dictionary runs on (`群众参` of `群众参与`,
`产检查…` of `安全生产检查…`). Whether a short phrase names a thing is asked of the
dictionary's parts of speech: `保持`, `其余` name nothing, `队员` does.
"""

from __future__ import annotations

import re

from extractor.common_words import LONGEST as LONGEST_WORD
from extractor.common_words import dictionary
from extractor.extract.words import is_boundary, is_han

_HAN = re.compile(r"[\u4e00-\u9fff]")
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")

_BREAKS = "，,。；;！？!?：:\n‘’「」《》"
CLAUSE_BREAK = re.compile(f"[{_BREAKS}]")
# The last break before where a search stops: one with no other after it.
_LAST_BREAK = re.compile(f"[{_BREAKS}](?=[^{_BREAKS}]*\\Z)")

DIGIT = re.compile(r"[\d０-９.．%％‰]")

# What may follow a number the grammar did not read (`21栋`, `2024年度`).
_UNIT_CHARS = frozenset(
    "个名家座所台辆条项支户栋套只头匹艘架处间张份册本件起批期种类场位株棵亩元万亿千百"
    "米吨公斤克瓦时度人次天年月日底末初小分钟秒倍余多"
)


def word_set(words: str, *, by: int = 0) -> dict[str, tuple[str, ...]]:
    """Words written apart by spaces, by their first character (or, with `by=-1`,
    their last), longest first: a longer word is tried first."""
    found: dict[str, list[str]] = {}
    for word in sorted(set(words.split()), key=len, reverse=True):
        found.setdefault(word[by], []).append(word)
    return {char: tuple(words) for char, words in found.items()}


# Words that open a clause and say nothing of what is counted.
_OPENING = word_set(
    "其中 共 共计 累计 总计 合计 目前 截至目前 今年 今年以来 去年 同时 此外 已 已经 还 并 再 约 近 "
    "达到 为 是 有 现有 全年 前三季度 上半年 下半年 近年来 以来 截至 分别 预计 为期 该校 该院 "
    "该村 该县 该区 该市 该所 他 她 我 我们 他们 一共 先后 均 都 也 又 的 、 和 及 与"
)

# Prepositions whose object holds the number: `对全县54个行政村`, `在海拔4500米以上`,
# and where the counted come from (`来自全县10个乡镇的460余名骑手`), which is no part
# of what is counted.
PREPOSITIONS = word_set("对 在 来自")
_PREPOSITION = re.compile(f"[{''.join(PREPOSITIONS)}]")

# Where the object of a preposition is, not what it is: `对全县|54个行政村`.
_SCOPE = word_set("全县 全市 全区 全地区 全镇 全乡 全村 辖区 城区 县内 区内 市内 其中 其余")

# Verbs that only organise what is counted: dropped first from a phrase too long.
_ORGANISING = word_set("开展 组织开展 组织 举办 开设 实施 完成 累计完成")

# Words that end a clause before its number and say nothing of what is counted.
_CLOSING = word_set(
    "的 从 由 在 为 达 到 了 是 有 约 近 达到 共 累计 已 已经 均 都 超过 突破 不到 不足 总计 共计 "
    "分别 同比 预计 实现 完成 过去 现在 以上 就 将 已达 高达 仅 只 每年 每天 每月 年均 至 比 较 不 可 "
    "、 和 及 与 等",
    by=-1,
)

# What ends a noun made of a verb: `整改率`, `销售额`, `参与者`.
_NOUN_ENDS = frozenset("率量数额值价费者员入资")

# Characters that open no name of a thing: `的村`, `能挣`, `这次`.
_FUNCTION_CHARS = frozenset("的了在把被将已都也还就才又再很最更这那其能会要可所每")

# Measure words: the noun after them is what they count.
MEASURE_WORDS = frozenset("个名家座所台辆条项支户栋套只头匹艘架处间张份册本件起批期种类场位株棵亩")

# Words after a measure word that are not the noun it counts.
NOT_COUNTED = word_set(
    "的 和 与 及 等 共 达 为 是 在 到 了 着 就 都 将 已 以上 左右 其中 同比 比 较 占 人均 每 平均 "
    "提供 参加 参与 组成 开展 完成 实现 发展 增加 增长 下降 提高 获得 达到 超过 进行 接受 覆盖 "
    "惠及 受益 就业 同台 参赛 入驻 常驻 轮流 全部 均 已经 正 正在 可 能 要 也 还 又 分别 通过 "
    "实行 开设 建成 扩大 缩小 缩短 提升 上升 降低 减少"
)

# What joins the items of a list.
LIST_MARKS = frozenset("、和及与")

# Characters that are words of their own between two phrases: marks of a list, `的`.
_GLUE = frozenset("、和及与的了在对为把被将从向给")

# What follows a length of time and is still its words: `7年来`, `三个月以来`.
_SINCE = ("以来", "来")

# What completes a verb (`增加到`, `完成了`): the verb still ends there.
_COMPLEMENTS = frozenset("到了着过至")

LIMIT = 12  # characters: a label is a short phrase (two more if then whole)

_NOUN_LIMIT = 8  # characters of the noun after a measure word

# What else a place may be, printed after it: `乡（镇）`, `县（市、区）`, `村(居)`.
_ALTERNATIVES = re.compile(r"[（(][\u4e00-\u9fff、]{1,5}[）)]")

_REACH = 40  # characters before a number where its clause may start


def word_at(text: str, at: int, end: int, words: dict[str, tuple[str, ...]]) -> str | None:
    """The first of `words` printed at `at` (before `end`) as a word of its own."""
    if at >= end:
        return None
    for word in words.get(text[at], ()):
        stop = at + len(word)
        if stop <= end and text.startswith(word, at) and is_boundary(text, stop):
            return word
    return None


def _word_before(text: str, start: int, end: int, words: dict[str, tuple[str, ...]]) -> str | None:
    """The first of `words` (by their last character) printed right before `end`
    (after `start`) as a word of its own."""
    if end <= start:
        return None
    for word in words.get(text[end - 1], ()):
        at = end - len(word)
        if at >= start and text.startswith(word, at) and is_boundary(text, at):
            return word
    return None


def start_of_clause(text: str, at: int) -> int:
    """Where the clause holding `at` starts. A short quoted name is part of it
    (`建成“石榴籽家园”示范点18个`); quoted speech is not."""
    start = reach = max(0, at - _REACH)
    last = _LAST_BREAK.search(text, reach, at)
    start = last.end() if last else start
    while start == reach and start < at and not is_boundary(text, start):
        start = reach = start + 1  # a clause too long to reach the start of: a whole word
    opened, closed = text.rfind("“", start, at), text.rfind("”", start, at)
    if opened > closed:
        return opened + 1  # the number is inside the quotation
    if closed >= 0 and text.rfind("“", start, closed) < 0:
        return closed + 1  # a quotation that began before the clause ends in it
    return start


def _after_numbers(text: str, start: int, end: int) -> int:
    """Where the words start after the last number printed in text[start:end] and its
    unit, or after the unit of a number printed right before `start` (`10所|学校`,
    `7年|来穿坏了…`): after its `来` and never inside a word its unit runs into."""
    digits = list(DIGIT.finditer(text, start, end))
    if digits:
        at = number_end = digits[-1].end()
        while at < end and text[at] in _UNIT_CHARS and at - number_end < 4:
            at += 1
    elif text[start - 1 : start] in _UNIT_CHARS:
        at = start
    else:
        return start
    while at < end and not is_boundary(text, at):
        at += 1
    return _after_since(text, at, end)


def _after_since(text: str, at: int, end: int) -> int:
    """Where the words start after a number's own `来` or `以来` (`7年来|穿坏了…`,
    `3个月以来|…`); `at` when there is none (`5人|来自…`: `来自` is a word of its own)."""
    for since in _SINCE:
        stop = at + len(since)
        if text.startswith(since, at) and stop < end and is_boundary(text, stop):
            return stop
    return at


def phrase(text: str, start: int, end: int, limit: int = LIMIT) -> str:
    """The words of text[start:end] that say what is counted, at most `limit` characters."""
    start = _after_numbers(text, start, end)
    since = text.find("以来", start, min(end, start + 12))
    if since >= 0 and is_boundary(text, since + 2):  # `行动开展以来，…`
        start = since + 2
    while (word := word_at(text, start, end, _OPENING)) is not None:
        start += len(word)
    start = _after_preposition(text, start, end)
    while (word := _word_before(text, start, end, _CLOSING)) is not None:
        end -= len(word)
    lead, start = _kind_of_list(text, start, end)
    if not lead and end - start > limit + 2:
        # `开展安全生产检查和政策法规宣讲`: the verb that only organises goes first
        verb = word_at(text, start, end, _ORGANISING)
        start += len(verb or "")
    if len(lead) + end - start > limit + 2:  # the last whole words that fit
        lead = ""
        cut = max(start, end - limit)
        while cut < end and not _words_open(text, cut):
            cut += 1
        # A cut inside a list starts at an item, not at the mark before it:
        # `…孕产妇、老年人、慢性病患者建立健康档案` → `慢性病患者建立健康档案`.
        while cut < end and text[cut] in LIST_MARKS and is_boundary(text, cut + 1):
            cut += 1
        start = cut if cut < end else start
    return lead + text[start:end]


def _after_preposition(text: str, start: int, end: int) -> int:
    """Where the words start after a preposition whose object holds the number
    (`对|全县54个行政村实行…`, `县里在|海拔4500米以上的…`): its words before the number
    say where (`全县`) or name what is measured; else `start`."""
    for found in _PREPOSITION.finditer(text, start, end - 1):
        at = found.start()
        preposition = word_at(text, at, end, PREPOSITIONS) if is_boundary(text, at) else None
        if preposition is None:
            continue
        object_at = at + len(preposition)
        if preposition == "来自" and (of := text.rfind("的", object_at, end)) >= 0:
            return of + 1  # `来自全县及周边县区的|14支救援队伍`: where they come from
        scope = word_at(text, object_at, end, _SCOPE)
        if scope is not None:
            # `全县` alone is kept: the label is then the noun after the number
            after = object_at + len(scope)
            return after if after < end else object_at
        if _is_noun(text[object_at:end]):
            return object_at
    return start


def is_scope(words: str) -> bool:
    """Do the words say only which part of a place (`全县`, `其中`), not what is there?"""
    return words in _SCOPE.get(words[:1], ())


def _kind_of_list(text: str, start: int, end: int) -> tuple[str, int]:
    """A list read as its kind: `检查电梯、锅炉、气瓶等特种设备` → `检查` and where
    `特种设备` starts; else nothing and `start`."""
    etc = text.rfind("等", start, end)
    first = text.find("、", start, etc) if etc >= 0 else -1
    if first < 0 or not (is_boundary(text, etc) and is_boundary(text, etc + 1)):
        return "", start
    item = first - 2  # the first item of the list: at least two characters
    while item > start and not is_boundary(text, item):
        item -= 1
    return text[start : max(item, start)], etc + 1


def measured_noun(text: str, end: int) -> str:
    """The noun right after a measure word: `25名县级干部包保…` → `县级干部`."""
    at = end
    stop = min(len(text), end + _NOUN_LIMIT + 1)
    if at < len(text) and text[at] in _UNIT_CHARS and is_boundary(text, at + 1):
        return ""  # the rest of a unit the grammar left: `56批次`, `3860辆次`
    while at < stop:
        alternatives = _ALTERNATIVES.match(text, at) if text[at] in "（(" and at > end else None
        if alternatives is not None and alternatives.end() - end <= _NOUN_LIMIT:
            at = alternatives.end()  # `乡（镇）`: one noun, printed with what else it may be
            continue
        if not is_han(text[at]):
            break
        if text[at] in NOT_COUNTED and is_boundary(text, at) and _stop_word_at(text, at, stop):
            break
        at += 1
    while at > end and not is_boundary(text, at):
        at -= 1
    return text[end:at] if at - end <= _NOUN_LIMIT else ""


def _stop_word_at(text: str, at: int, end: int) -> bool:
    """Does a word that is not what is counted start at `at`? `参与` in `群众参与产业`,
    `增加` in `增加到`, but not in `参与者`."""
    for word in NOT_COUNTED.get(text[at], ()):
        stop = at + len(word)
        if (
            stop <= end
            and text.startswith(word, at)
            and (is_boundary(text, stop) or text[stop : stop + 1] in _COMPLEMENTS)
        ):
            return True
    return False


def last_words(words: str, limit: int) -> str:
    """The last whole words of `words` that fit in `limit` characters."""
    cut = max(0, len(words) - limit)
    while cut < len(words) and not is_boundary(words, cut):
        cut += 1
    return words[cut:]


def names_something(label: str) -> bool:
    """Does the label name what is counted: three characters or more, a noun of jieba's
    dictionary (`队员`, `旅游`), a word ending as a noun does (`税率`), or two characters
    the dictionary does not know (`藏餐`)? `保持`, `其余` (words of other kinds), `能挣`,
    `的村` (no word) and `/` name nothing."""
    han = _NOT_HAN.sub("", label)
    if len(han) != 2:
        return len(han) > 2
    if _is_noun(han) or han[-1] in _NOUN_ENDS:
        return True
    return han not in dictionary() and han[0] not in _FUNCTION_CHARS


def holds_noun(words: str) -> bool:
    """Does `words` hold a noun of jieba's dictionary, or end in a character that makes
    a noun of what it ends (`整改率`, `销售额`)?"""
    return len(words) >= 2 and (
        words[-1] in _NOUN_ENDS
        or any(
            _is_noun(words[at : at + size])
            for at in range(len(words))
            for size in range(2, LONGEST_WORD + 1)
        )
    )


def _is_noun(word: str) -> bool:
    """Does jieba's dictionary tag `word` as a noun, or as a verb or adjective used as a
    noun (`旅游`, `工资`)?"""
    listed = dictionary().get(word)
    return listed is not None and (listed[1][:1] == "n" or listed[1] in ("vn", "an"))


def leading_words(text: str, start: int, end: int, limit: int = LIMIT) -> str:
    """The first whole words of text[start:end], at most `limit` characters, without
    the words that only open a clause: `的适龄妇女参加了…` → `适龄妇女参加了…`.
    After a number, they start after its `来` (`7年来|穿坏了…`)."""
    start = _after_since(text, start, end)
    while (word := word_at(text, start, end, _OPENING)) is not None:
        start += len(word)
    stop = min(end, start + limit)
    while stop > start and not is_boundary(text, stop):
        stop -= 1
    if stop < end:
        # Cut to the limit: stop earlier, where whole words meet, rather than inside
        # a word the lookup does not count (`养老护理|员`, `临水临|崖路段`)
        while stop > start and not _words_meet(text, stop):
            stop -= 1
    while (word := _word_before(text, start, stop, _CLOSING)) is not None:
        stop -= len(word)  # `全市乡镇、…`, `企业的…`: what follows is another phrase
    return text[start:stop]


def _words_meet(text: str, at: int) -> bool:
    """Does a whole word end at `at`: a word boundary after a word of the dictionary
    (or a mark, or glue such as `和`, `的`), not right before what ends a noun made of
    the word (`护理|员`, `参与|者`)? A boundary the lookup finds after characters it
    knows no word of (`临水临|崖`, `结对全|覆盖`) may be inside a rare word or a name."""
    if not is_boundary(text, at):
        return False
    ends_word = not is_han(text[at - 1]) or text[at - 1] in _GLUE or _word_ends(text, at)
    return ends_word and (text[at : at + 1] not in _NOUN_ENDS or _word_starts(text, at))


def _words_open(text: str, at: int) -> bool:
    """Do words start at `at`: a word boundary with a word of the dictionary (or a mark,
    or glue) on one side at least? Cut to the limit, a phrase starts there, not between
    characters the lookup knows no word of (`堆龙|德庆区`, inside a place's name)."""
    if not is_boundary(text, at):
        return False
    if not is_han(text[at - 1]) or not is_han(text[at]) or {text[at - 1], text[at]} & _GLUE:
        return True
    return _word_ends(text, at) or _word_starts(text, at)


def _word_ends(text: str, at: int) -> bool:
    """Does a word of the dictionary end at `at`?"""
    words = dictionary()
    return any(text[at - size : at] in words for size in range(2, min(at, LONGEST_WORD) + 1))


def _word_starts(text: str, at: int) -> bool:
    """Does a word of the dictionary start at `at`?"""
    words = dictionary()
    return any(text[at : at + size] in words for size in range(2, LONGEST_WORD + 1))


def words_after(text: str, end: int) -> str:
    """Failing all else, the words after a number: `不到20人报名参加` → `报名参加`."""
    stop = end
    while stop < min(len(text), end + _NOUN_LIMIT) and is_han(text[stop]):
        stop += 1
    while stop > end and not is_boundary(text, stop):
        stop -= 1
    return text[end:stop]
