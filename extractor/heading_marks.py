"""Marks the genre prints around a headline on its own line, and who attended a meeting.

A headline may stand after a bullet (`■城关区开展夏季消防演练`), framed in brackets
(`【堆龙德庆区“网格+积分”激活基层治理一池春水】`), or after its column's label and a bar
(`民生焦点｜“暖心食堂”开到家门口 老人吃饭不再愁`, `民生焦点：隆子县三所新建幼儿园投入使用`): the
headline is the words alone.

>>> bare_heading("民生焦点｜“暖心食堂”开到家门口 老人吃饭不再愁")
'“暖心食堂”开到家门口 老人吃饭不再愁'
>>> bare_heading("民生焦点：隆子县三所新建幼儿园投入使用"), bare_heading("林周县：冬春农田水利建设正当时")
('隆子县三所新建幼儿园投入使用', '林周县：冬春农田水利建设正当时')
>>> bare_heading("【应急广播】"), bare_heading("■城关区开展夏季消防演练")
('应急广播', '城关区开展夏季消防演练')
"""

from __future__ import annotations

import re

BULLETS = "■□●◆▲△◎★☆▶►"
# A line wholly in square brackets, none inside: `【应急广播】` over its headline, a kicker.
_FRAMED = re.compile(r"^【([^【】]+)】$")
# A column's label and a bar before the headline on its line: `民生焦点｜…`.
_LABEL_BAR = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[｜|]\s*(?=\S{6})")
# A column's label and a colon before it: a field and the word a column is named by
# (`民生焦点：…`, `教育视窗：…`). The part before a headline's colon is otherwise the place or
# body it tells of (`帕里边境派出所：“流动警务室”开进冬季牧场`), part of the title: of the 248
# headline lines of the seeds and development pages so printed, the one after a label so
# named is titled without it in the gold, the 247 others whole, none of them after such a label.
# The labels alone on their line (`民生焦点` 66 times, `社区之窗` 29, `民生关注` 4) are never a
# title's words or a kicker there.
_LABEL_COLON = re.compile(
    r"^[\u4e00-\u9fff]{2,4}(?:焦点|聚焦|关注|快讯|简讯|速递|之窗|视窗)\s*[：:]\s*(?=\S{6})"
)
# Who attended or chaired, on the line under a meeting's headline: `格桑次仁 李卫东出席`,
# `罗布顿珠出席并讲话`, `嘎玛旺堆主持并讲话`, `次旺多吉出席并讲话 张海涛主持`,
# `格桑次仁主持 罗布扎西 陈晓东等出席`; the gold writes the two lines as one title, a space
# between. The development pages print 10 such lines on their own, all one title so in the gold.
_NAMES = r"[\u4e00-\u9fff·]{2,10}(?:\s*[\u4e00-\u9fff·]{2,10}){0,3}"
_PART = _NAMES + r"等?(?:出席|主持)(?:并讲话|并致辞)?"
ATTENDED = re.compile(rf"^{_PART}(?:\s+{_PART})?$")

# A comment's label, alone on its line over the comment's heading (`短评`, `那曲时评`), and a
# reporter's note's (`记者手记`): the 8 lines of the seeds and development pages under
# `记者手记` are all the note's title in the gold.
COMMENT_LABEL = re.compile(r"^(?:[\u4e00-\u9fff]{2})?(?:短评|时评|快评|微评|锐评|评论)$|^记者手记$")

# A notice box's heading, alone on its line over the notice (`温馨提示` / `…期间，禁止…`), after
# whoever issues it or not (`曲水县医疗保障局温馨提示`), or an official notice's (`关于公布…电话的公告`
# / `为方便…，现将…公告如下：`), or a short one ending in 公告, 通告 or 启事 (`停水公告`): a box of its
# own, titled so in the gold. The seeds and development pages print 11 heading lines so, all
# titles: 9 `温馨提示` alone, one after its office, one `关于…的公告`.
NOTICE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,16})?(?:温馨|友情|特别)(?:提示|提醒)$"
    r"|^关于[^，。；！？,;!?\s]{4,30}的(?:公告|通告|通知)$"
    r"|^[\u4e00-\u9fff]{2,6}(?:公告|通告|启事)$"
)

# Who a notice is addressed to, on its own line under its heading (`各供暖用户：`, `尊敬的广大用户：`):
# the notice's first paragraph, never a heading line of it. The 2 such lines of the seeds and
# development pages head a notice whose heading alone opens it (`关于缴纳冬季供暖费的通知`, `停水公告`);
# no title or kicker of the gold ends on a colon.
ADDRESSEE = re.compile(r"^(?:各|全体|广大|尊敬的|亲爱的)[\u4e00-\u9fff]{1,14}[:：]$")

# The date a notice is signed with, under whoever issued it (`拉萨市供热服务中心` / `2024年11月12日`),
# its year at times left out (`国网林芝供电公司` / `6月8日`): the 5 lines of the seeds and development
# pages holding a date alone, all under the names of who issued a notice; no title, kicker or subtitle
# of the gold opens on a month and day. A date alone is no headline line wherever it stands.
SIGNED_DATE = re.compile(r"^(?:\d{4} ?年 ?)?\d{1,2} ?月 ?\d{1,2} ?日$")

# A notice's number to call, on its own line over whoever issued it (`咨询电话：95598` /
# `国网林芝供电公司` / `6月8日`): part of its signing. The 4 such lines of the seeds and development
# pages all stand there (one run into its signatory by the OCR); no title or kicker of the gold
# holds `电话：`.
CONTACT = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:电话|热线)[:：] ?[\d\-－—、 ]+$")


def bare_heading(line: str) -> str:
    """The words of a heading line without the bullet, brackets or column's label around it."""
    if line[:1] in BULLETS:
        line = line[1:].strip()
    framed = _FRAMED.match(line)
    if framed:
        line = framed[1].strip()
    return _LABEL_COLON.sub("", _LABEL_BAR.sub("", line))
