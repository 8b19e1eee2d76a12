"""Quotes by rule: who said what, directly or reported.

The genre's ways of attributing speech:
- after the words: `“……，”柳梧街道办事处人大专干索朗拉姆说。`
- before them: `普赤告诉记者：“……”`, `杨春说：“……”`
- reported: `占堆指出，城乡环境综合大整治行动是……。`, `据……负责人罗布旺久介绍，……。`
- a remark quoted as someone's instruction: `习近平总书记“……”重要论述`.

A speaker must resolve to a person: a name after a role (`局长次仁卓嘎`), a
surname with an honorific (`游客徐女士`), or a short name already seen after
a role in the article (`占堆`). Meetings, reports, departments and groups
(`会议指出`, `交警部门提示`, `干部职工纷纷表示`) never do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractor.models import Quote

_VERBS = "告诉记者|留言道|说道|写道|表示|指出|强调|介绍|坦言|说"
_INDIRECT_VERBS = "表示|指出|强调|介绍|说"
_CN = r"\u4e00-\u9fff"

# “words”, then who said them: `“……”次仁卓嘎说。`
_AFTER = re.compile(
    rf"“(?P<text>[^“”]{{6,}}?)”(?P<who>[^“”。！？\n]{{2,40}}?)(?:{_VERBS})(?=[。，,！!；;\n]|$)"
)
# The three patterns below open with who spoke: up to 60 characters of the same
# sentence before the verb. They are written as the part after the speaker and
# matched by `_after_speaker`, which takes the speaker from the text before the
# match: a leading lazy group would be tried at every character of the article.
_WHO_STOP = "“”。！？\n"
# who, a verb and a colon, then the words: `普赤告诉记者：“……”`
_BEFORE = re.compile(rf"(?:{_VERBS})[：:]\s*“(?P<text>[^“”]{{6,}}?)”")
# who and a verb, then reported words to the end of the sentence
_REPORTED = re.compile(rf"(?:{_INDIRECT_VERBS})[，,](?P<text>[^。！？\n]{{6,}})")
# a remark quoted as someone's instruction: `习近平总书记“……”的重要论述`
_REMARK = re.compile(r"“(?P<text>[^“”]{8,}?)”的?(?:重要论述|重要讲话|重要指示|指示精神|要求|指示)")


def _after_speaker(
    pattern: re.Pattern[str], text: str, longest: int = 60
) -> Iterator[tuple[str, re.Match[str]]]:
    """Matches of `pattern` preceded by 2 to `longest` characters of the same sentence.

    Yields (who, match), `who` being the words before the match back to the
    sentence's start, the previous match or `longest` characters: what a
    leading `[^“”。！？\n]{2,longest}?` group would capture.
    """
    done = 0  # the end of the previous match: a speaker never starts before it
    at = 0
    while m := pattern.search(text, at):
        start = max(done, m.start() - longest)
        start = max([start] + [text.rfind(c, start, m.start()) + 1 for c in _WHO_STOP])
        if m.start() - start < 2:
            at = m.start() + 1
            continue
        yield text[start : m.start()], m
        done = at = m.end()


ROLES = tuple(
    sorted(
        [
            "书记",
            "副书记",
            "主任",
            "副主任",
            "局长",
            "副局长",
            "处长",
            "副处长",
            "科长",
            "所长",
            "站长",
            "队长",
            "大队长",
            "副大队长",
            "中队长",
            "支队长",
            "院长",
            "校长",
            "园长",
            "县长",
            "区长",
            "市长",
            "镇长",
            "乡长",
            "村长",
            "主席",
            "副主席",
            "委员",
            "常委",
            "组长",
            "副组长",
            "经理",
            "总经理",
            "副总经理",
            "董事长",
            "总监",
            "厂长",
            "部长",
            "负责人",
            "调研员",
            "专干",
            "讲师",
            "教师",
            "老师",
            "医生",
            "民警",
            "警官",
            "干部",
            "职工",
            "工人",
            "农民工",
            "村民",
            "居民",
            "牧民",
            "农牧民",
            "市民",
            "群众",
            "游客",
            "学生",
            "大学生",
            "运动员",
            "志愿者",
            "导演",
            "总导演",
            "化妆师",
            "演员",
            "网格员",
            "网格长",
            "队员",
            "党员",
            "代表",
            "专家",
            "护士",
            "驾驶员",
            "司机",
            "店主",
            "老板",
            "员工",
            "宣讲员",
            "讲解员",
            "辅导员",
            "护林员",
            "工作人员",
            "成员",
            "社长",
            "理事长",
            "会长",
            "秘书长",
            "检察官",
            "法官",
            "专员",
            "馆长",
            "技术员",
            "安全员",
            "主任医师",
            "副市长",
            "副县长",
            "副区长",
            "总书记",
            "政委",
            "教练",
        ],
        key=len,
        reverse=True,
    )
)
# Said after the name: `西增拉姆小朋友`, `徐女士`.
_AFTER_NAME = ("小朋友", "同学", "同志", "老人", "大爷", "阿姨", "奶奶", "爷爷")
_HONORIFIC = re.compile(rf"^(?P<title>.*?)(?P<name>[{_CN}](?:女士|先生))$")
# Adverbials between a speaker and the verb: `平措兴奋地告诉记者`, `徐女士在便签留言道`.
_TRAILING = re.compile(
    rf"(?:[{_CN}]{{2}}地|(?:语重心长|意味深长|深有感触|满怀深情)地|也|还|都|则|又|再次|笑着|向记者|对记者|在[{_CN}]{{1,8}}(?:上|中|里)?|在便签)$"
)
_NOT_PERSON = re.compile(
    r"(?:会议|会上|报告|报告中|文件|通知|意见|方案|部门|局|委|台|站|办|中心|政府|公司|集团|"
    r"大家|他们|她们|我们|记者|群众|纷纷|人员|干部职工|负责人|一致|普遍|可以|也就是|就是|还|也)$"
)
_NAME = re.compile(rf"^[{_CN}·]{{2,6}}$")
# Words that look like a short name but are not one.
_NOT_NAME = re.compile(
    r"(?:市|县|区|乡|镇|村|省|州|社区|街道|所|院|校|队|组|会|处|科|室|厅|团|网|社|报|人|家|方)$"
    r"|^(?:同时|此外|另外|随后|最后|首先|其次|因此|对此|目前|其中|今年|去年|当天|当时|他|她|我|你|这|那|有人|大家|各)"
)
_NAME_STOP = set("的了在是和与等们及或对把被将为从向以于着")


@dataclass(frozen=True)
class Speaker:
    name: str
    title: str | None


def _last_clause(who: str) -> str:
    """The words right before the verb: after the last comma, colon or closing mark."""
    who = re.split(r"[，,：:；;”’」）)]", who)[-1].strip()
    return who.removeprefix("据").strip()


def resolve_speaker(who: str, known: set[str], *, bare_name: bool = False) -> Speaker | None:
    """Split `柳梧街道办事处人大专干索朗拉姆` into title and name; None if no person.

    With `bare_name`, words that are nothing but a name (`杨春`, `格桑赤列`) are
    a speaker too: used for quoted words, where the quotation marks already say
    someone spoke, and never for reported speech, where `同时指出` would pass.
    """
    who = _last_clause(who)
    while True:
        trimmed = _TRAILING.sub("", who)
        if trimmed == who or len(trimmed) < 2:
            break
        who = trimmed
    m = _HONORIFIC.match(who)
    if m and m["title"] != who:
        return Speaker(m["name"], m["title"] or None)
    for word in _AFTER_NAME:
        if who.endswith(word) and len(who) > len(word) + 1:
            who = who[: -len(word)].removesuffix("的")
            break
    best: Speaker | None = None
    for role in ROLES:
        at = who.rfind(role)
        while at >= 0:
            name = who[at + len(role) :]
            if _is_name(name) and (best is None or len(name) < len(best.name)):
                best = Speaker(name, who[: at + len(role)].strip("的") or None)
            at = who.rfind(role, 0, at)
    if best is not None:
        return best
    # `木如社区的西增拉姆`: a place, 的, then the name.
    head, of, name = who.rpartition("的")
    if of and _is_name(name) and not _NOT_PERSON.search(head + of + name):
        return Speaker(name, head or None)
    if who in known or (bare_name and _is_bare_name(who)):
        return Speaker(who, None)
    return None


def _is_bare_name(who: str) -> bool:
    """`杨春`, `普赤`, `格桑赤列`: two to four characters, no role, place or connective."""
    return (
        2 <= len(who) <= 4
        and _is_name(who)
        and not any(role in who for role in ROLES)
        and not _NOT_NAME.search(who)
    )


def resolve_named_before_role(who: str) -> Speaker | None:
    """`习近平总书记“……”`, `指导组廉毅敏组长……提出的“……”`: the name stands before its role."""
    roles = "|".join(ROLES)
    matches = list(re.finditer(rf"([{_CN}]{{2,3}}?)({roles})", who))
    for m in reversed(matches):
        start = m.start(2)
        for size in (3, 2):
            name = who[start - size : start]
            if len(name) == size and _is_name(name):
                return Speaker(name, m[2])
    return None


def _is_name(name: str) -> bool:
    return bool(_NAME.match(name)) and not (_NAME_STOP & set(name)) and not _NOT_PERSON.search(name)


def _known_names(text: str) -> set[str]:
    """Names printed after a role anywhere in the article (`专班组长占堆出席会议`)."""
    known = set()
    roles = "|".join(ROLES)
    for m in re.finditer(
        rf"(?:{roles})([{_CN}]{{2,4}}?)(?=出席|说|表示|指出|强调|介绍|主持|讲话|参加|告诉|[，,、。])",
        text,
    ):
        if _is_name(m[1]):
            known.add(m[1])
    return known


def _clean(text: str) -> str:
    return text.strip().rstrip("，,。！？!?；;").strip()


def quotes_in(text: str) -> list[Quote]:
    """Every attributed quote in an article's text, in order of appearance."""
    known = _known_names(text)
    found: list[tuple[int, Quote]] = []
    taken: set[tuple[str, str]] = set()

    def add(at: int, who: str, words: str, kind: str, *, name_first: bool = False) -> None:
        if name_first:
            speaker = resolve_named_before_role(who)
        else:
            speaker = resolve_speaker(who, known, bare_name=kind == "direct")
        words = _clean(words)
        if speaker is None or len(words) < 4:
            return
        key = (speaker.name, words)
        if key in taken:
            return
        taken.add(key)
        known.add(speaker.name)
        found.append(
            (at, Quote(speaker=speaker.name, speaker_title=speaker.title, text=words, kind=kind))
        )

    for who, m in _after_speaker(_BEFORE, text):
        add(m.start("text"), who, m["text"], "direct")
    for m in _AFTER.finditer(text):
        add(m.start("text"), m["who"], m["text"], "direct")
    for who, m in _after_speaker(_REMARK, text):
        add(m.start("text"), who, m["text"], "direct", name_first=True)
    for who, m in _after_speaker(_REPORTED, text):
        add(m.start("text"), who, m["text"], "indirect")
    return [quote for _, quote in sorted(found, key=lambda pair: pair[0])]
