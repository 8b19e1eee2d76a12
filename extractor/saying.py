"""How the genre gives words to someone, as patterns of its text: a verb of saying after a
quotation (`“……，”柳梧街道办事处人大专干索朗拉姆说。`) or before it (`普赤告诉记者：“……”`),
a remark quoted as someone's (`习近平总书记“……”的重要论述`), a signature after a dash
(`“……。”——村民 次仁央宗`), a view (`在他看来，`). `attribution.py` reads who they name.

>>> AFTER.match("，”县长扎西说。", 2)["who"], LEAD.search("普赤告诉记者：")["verb"]
('县长扎西', '告诉记者')
"""

from __future__ import annotations

import re

from extractor.quotations import CLOSING, OPENING
from extractor.speech_words import ADDRESSEES, BREAK_CLASS, VERB
from extractor.stops import starts_of

# A name in marks opening a title: `”“格桑花”志愿服务队队长卓玛说。`.
_NAME_IN_MARKS = rf"[{OPENING}][^{BREAK_CLASS}…]{{1,12}}[{CLOSING}](?=[^{BREAK_CLASS}])"
#: A name in marks, before the words it opens (`白纳村“雪域人家”民宿老板`).
MARKED_NAME = re.compile(_NAME_IN_MARKS)
#: A short term in marks, with no break inside: words of the sentence, not another
# quotation (`……。”在隆子县人民医院“待产之家”，来自斗玉乡的孕妇德吉央宗说。`).
MARKED_TERM = re.compile(rf"[{OPENING}][^{BREAK_CLASS}…]{{1,12}}[{CLOSING}]")
#: Who and a verb after a quotation's closing mark: `”该公司党支部书记、董事长卓嘎说。`
#: The title may hold a term in marks and run long: `”第九批“组团式”援藏医疗队队长、
#: 山南市人民医院党委副书记、院长周建华表示`, and a name in marks may open it.
AFTER = re.compile(
    rf"[，,]?\s*(?P<who>(?:[^{BREAK_CLASS}]|{_NAME_IN_MARKS})"
    rf"(?:[^{BREAK_CLASS}]|“[^“”\n]{{1,12}}”){{0,59}}?)"
    # What the speaker does meanwhile: `…次旦多吉一边纠正学徒的姿势，一边对记者说`.
    rf"(?:一?边[^{BREAK_CLASS}]{{1,24}}[，,]\s*一?边(?:对|向|跟)?(?:记者|大家)?)?"
    rf"(?P<verb>{VERB})(?=[{BREAK_CLASS}…]|$)"
)
#: Talks given, whose 讲 reports no words; visits and advisers, whose 问 asks nothing
#: (`送去过冬物资和节日慰问，确保…`).
TALKS = ("宣讲", "演讲", "主讲", "开讲", "听讲", "慰问", "访问", "顾问", "学问", "疑问")
# A verb said twice with 一 between (`问一问`, `说一说`): a step to take, said of no one.
_TWICE = re.compile(r"([\u4e00-\u9fff])一\1")


# A clause that opens with `按照`, `对照`, `根据`…: what follows is what the clause goes by,
# a noun (`对照《…办法》明确的巡查要求，`, `按照上级要求，`), not someone's words.
_GOES_BY = re.compile(rf"(?:按照|对照|根据|依照|依据|遵照|遵循)[^{BREAK_CLASS}]*$")


def says_nothing(text: str, verb_at: int) -> bool:
    """Does the verb at `verb_at` report no words: a talk's or a visit's end (`宣讲`, `慰问`),
    a verb said twice (`更要问一问：群众想学什么？`), whose words are asked of no one, or
    the rule a clause goes by (`按照上级要求，`, `对照…明确的巡查要求，`)?

    >>> says_nothing("更要问一问：", 4), says_nothing("扎西问：", 2)
    (True, False)
    >>> says_nothing("按照县里的工作要求，", 7)
    True
    """
    if text[verb_at - 1 : verb_at + 1] in TALKS or _TWICE.match(text, max(0, verb_at - 2)):
        return True
    clause = text[max(0, verb_at - 60) : verb_at]
    return text.startswith("要求", verb_at) and _GOES_BY.search(clause) is not None


def twice_said_in(speaker: str, text: str) -> str | None:
    """The verb said twice that the speaker, wherever the text prints it, runs into or holds
    (`问一问` of `更要问一`, printed in `更要问一问：`), if it does: no one says it.

    >>> twice_said_in("更要问一", "农牧民技能培训，更要问一问：群众想学什么？")
    '问一问'
    """
    found = None
    for at in starts_of(text, speaker):
        end = at + len(speaker)
        twice = next((t for t in _TWICE.finditer(text, at, end + 2) if t.start() < end), None)
        if twice is None:
            return None
        found = twice[0]
    return found


#: Who signs a quotation after a dash, as a column of voices prints it: `“……。”——村民 次仁央宗`.
SIGNED = re.compile(rf"\s*——\s*(?P<who>[^{BREAK_CLASS}“”—]{{2,40}})$")
#: A remark quoted as a titled person's (`习近平总书记“……”的重要论述`, `组长…提出的“……”要求`).
REMARK = re.compile(
    r"的?(?:重要论述|重要讲话|重要指示|重要批示|重要要求|重要思想|指示精神|讲话精神|指示|要求|号召"
    r"|嘱托|论述|讲话|批示|寄语|回信)"
)
# A verb of saying with a measure of words before a quotation: `叮嘱几句“……”`.
_WORDS_MEASURE = "(?:了)?(?:几句|一句|两句|一声)?"
#: The end of what comes before some words: a verb of saying, then a colon or a
#: comma (or nothing); or a colon alone (`徐海：“……”`).
LEAD = re.compile(
    rf"(?:(?P<verb>{VERB}){ADDRESSEES}?{_WORDS_MEASURE}[：:，,]?|(?P<colon>[：:]))\s*$"
)
#: How far before a quotation its verb of saying and colon are looked for, in characters.
LEAD_REACH = 12
#: A verb of saying inside a sentence's opening words: `占堆指出，`, `据……介绍，`.
LEAD_VERB = re.compile(rf"(?P<verb>{VERB}){ADDRESSEES}?(?:[：:，,]|$)")
#: `在他看来，`, `在扎西看来，`: what follows is that person's view.
VIEW = re.compile(rf"在(?P<who>[^{BREAK_CLASS}]{{1,30}}?)看来[，,]")
