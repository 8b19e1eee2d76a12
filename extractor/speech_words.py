"""The words of speech in the genre: verbs of saying, and the marks that end a clause.

Shared by `attribution.py` (who says some words) and `mentions.py` (who a
text names as a person), written as text, one word a space.

>>> "告诉记者" in VERBS, VERBS.index("告诉记者") < VERBS.index("告诉")
(True, True)
"""

from __future__ import annotations

import re

from extractor.alternation import alternation


def _words(text: str) -> list[str]:
    return text.split()


#: Verbs of saying, longest first (the regex alternation takes the first that
#: matches). Bare 道 is left out: it ends 知道, 渠道, 街道.
VERBS: tuple[str, ...] = tuple(
    sorted(
        set(
            _words(
                """
                说道 说 讲道 讲 表示 指出 强调 介绍说 介绍道 介绍 告诉记者 告诉笔者 告诉 坦言 直言
                认为 提出 要求 称 表态 说明 解释道 解释 透露 提到 谈到 谈及 回忆道 回忆说 回忆
                感慨道 感慨 感叹道 感叹 补充道 补充说 补充 答道 回答道 回答 答 问道 问 留言道 写道
                呼吁 建议 提醒说 提醒 提示 叮嘱 嘱咐 号召 寄语 宣布 分析 坦承 笑道 讲述 谈道 动情地说 希望
                通报 算了一笔账 算了一笔细账 算了笔账 算起了账 算起账来 算账 笑言 直呼 赞叹 称赞 夸赞 回应
                倡议 勉励 告诫 感言 坦陈 讲解道 讲解 喊道
                """
            )
        ),
        key=len,
        reverse=True,
    )
)
#: The alternation of the verbs, for regular expressions (a trie: `alternation.py`).
VERB = alternation(VERBS)
#: Whom words are said to, between a verb of saying and what is said:
#: `勉励大家，要……`, `叮嘱乡亲们：“……”`.
ADDRESSEES = (
    "(?:(?:广大)?(?:大家|我们|同学们|孩子们|学生们|村民们|乡亲们|家长们|队员们|游客们|群众|"
    "农牧民|牧民|农民|居民|市民|游客|家长|驾驶员|驾驶人|司机|消费者|经营者|商户|朋友们|"
    "(?:当地|基层|党员|村)?干部(?:们)?)+)"
)  # (`他提醒广大牧民群众，…`, `王振东叮嘱当地干部，…`)
#: What ends a clause: punctuation, quotation marks, brackets, a paragraph break.
BREAK = '，,。！？!?；;：:“”「」『』"\n（）()'
BREAK_CLASS = re.escape(BREAK)
#: What follows a name and is none of it: `村民旦增带记者…`, `局长扎西在会上…`,
#: `外卖骑手罗杰来拉萨送外卖`.
FOLLOWERS = "在对向把将给和与带从用是有也还都又就已曾刚正每今一笑满的来"
#: What opens the words after a name: what the person does (`村民平措站在地头`,
#: `医生次旦多吉接过话`, `住户王建华算了一笔账`, `见到村民普琼时`), their home
#: (`村民次仁卓嘎家种了15亩青稞`).
ACTIONS = "站坐蹲走跑拿捧端抱扛指握接看望翻忙算领时家"
#: When, between a name and what the person does: `局长扎西近日表示`.
WHEN = "近日|日前|今天|昨天|当天|近期|此前|上午|下午"
