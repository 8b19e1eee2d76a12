"""How the lines around a story's text read: its dateline, a byline, a writer's signature, a
photographer's credit, a photo's caption and a subtitle's dash. `page_lines.py` reads each line of the page
by them, `segment.py` and `displaced.py` find where a story opens:

>>> bool(DATELINE.match("本报讯（记者 扎西）近日，…")), bool(BYLINE.match("本报记者 普琼"))
(True, True)
"""

from __future__ import annotations

import re
from typing import Literal

DATELINE = re.compile(
    r"^(?P<dateline>[^，。,\n]{0,24}?[讯电]\s*[（(][^）)]{0,30}(?:记者|通讯员|报道|融媒体中心|新闻中心)[^）)]{0,30}[）)]"
    # A paper's or agency's own dateline with no reporter named: `本报讯 近日，…`,
    # `本报拉萨电 …`, `拉萨融媒讯 …`, `新华社拉萨10月16日电 …`, or one on a line of its own.
    r"|(?:本报|新华社|[\u4e00-\u9fff]{2,6}(?:融媒|日报|晚报|新闻网|广播电视台))"
    r"[\u4e00-\u9fff0-9]{0,10}?[讯电](?=[ \u3000:：]|$)"
    # or set in brackets: `【本报讯】`; or a county's media centre in brackets opening the
    # body: `（安多县融媒体中心）7月以来，…`.
    r"|【[^】\n]{0,16}[讯电]】"
    r"|[（(][\u4e00-\u9fff]{2,10}(?:融媒体中心|新闻中心)[）)](?=[^\n]))"
)
# One or more `记者 name` groups; written without nested repetition, which made
# a long line take seconds to reject.
# Who wrote and who took the photos may stand before or after: `文/图 本报记者 …`.
BYLINE = re.compile(
    r"^(?:[文图]\s*[/／]\s*[文图]\s*)?"
    r"(?:本报|新华社|中新社|[\u4e00-\u9fff]{2,4}(?:融媒|日报|晚报|报|新闻网|广播电视台))?"
    r"(?:特约|见习|实习)?(?:记者|通讯员|实习生)\s*[\u4e00-\u9fff·]\s?[\u4e00-\u9fff·][\u4e00-\u9fff·\s]*"
    r"(?:[文图]\s*[/／]\s*[文图])?$"
)
# A writer's name set after a box or a dot, as commentaries are signed: `□ 晓 岚`; or the
# paper's commentator, named or not, who signs its comments: `本报评论员`.
SIGNATURE = re.compile(
    r"^[□■◎●]\s*[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,5}$"
    r"|^(?:本报|本刊)?(?:特约)?评论员(?:\s+[\u4e00-\u9fff·]{2,4})?$"
)
CREDIT = re.compile(r"^[\u4e00-\u9fff·\s]{2,40}?(?:记者)?[\u4e00-\u9fff·\s]{0,20}摄(?:影)?$")
# A caption opens on `图为`, or under a label set in brackets that marks where its text begins:
# `[图片说明]`, `【图片说明】`.
CAPTION = re.compile(r"^(?:（|\()?图[为：:]|^[\[【［]图片说明[\]】］]$")
# The paper's or agency's own dateline, which no headline's last word runs into: `本报拉萨讯`;
# or a city's media centre's, named by the city: `拉萨融媒讯`, `日喀则融媒讯`.
_OWN_DATELINE = re.compile(
    r"(?:本报|新华社)[\u4e00-\u9fff]{0,6}[讯电]|(?:拉萨|山南|林芝|那曲|昌都|日喀则|阿里)融媒讯"
)

# A space in a line, after which a dateline may open (found by the regex engine, not by a loop
# over the line's characters in Python: every body line of the page is so read).
_SPACE = re.compile(" ")


def dateline_within(line: str) -> int | None:
    """Where a dateline opens inside a line OCR ran on from a headline: after a space, or
    at the paper's own or a city media centre's dateline set right after the headline's
    last word.

    >>> dateline_within("尼木县藏香文化节开幕本报拉萨讯（记者 格桑旺姆）2月18日，…")
    10
    >>> dateline_within("曲水县植树活动启动拉萨融媒讯（记者 李晓娟）4月15日，…")
    9
    """
    if "讯" not in line and "电" not in line and "中心" not in line:
        return None  # every form of DATELINE and _OWN_DATELINE holds one of these
    spaces = [m.end() for m in _SPACE.finditer(line)]
    own = [m.start() for m in _OWN_DATELINE.finditer(line, 1) if line[m.start() - 1] != " "]
    return next((k for k in sorted(spaces + own) if DATELINE.match(line[k:])), None)


# A line that only names, in brackets, the source of the item above it.
_SOURCE_CREDITED = re.compile(
    r"^[（(][^（）()]{0,10}(?:融媒|记者|通讯员|供稿|新华社|日报)[^（）()]{0,10}[）)]$"
)
# A subtitle's dash as printed (`——`, `--`) or as OCR reads it: `—一`, two of 一 (`一一`), or a
# hyphen before the subtitle's first word (`-林周县深化家庭医生签约服务见闻`). The last three
# are read so only on a line that holds no comma or stop (see `subtitle_dash`).
_SUBTITLE_DASH = re.compile(r"^(?:(?P<read>—一|一一|-(?=[\u4e00-\u9fff]))|—+|-{2,})\s*")
# A comma or a sentence's stop, anywhere in a line or at its end.
_CLAUSE = re.compile(r"[，,。！？!?；;]|[….]$")


def subtitle_dash(line: str) -> str | None:
    """The dash a subtitle line opens on, or None. 一一 is also a word (`一一解答`: one by
    one), so `一一`, `—一` and a hyphen open a subtitle only on a line that holds no comma or
    stop, as the subtitles printed so do; `——` opens one whatever follows.

    >>> subtitle_dash("一一林周县家庭医生签约服务见闻"), subtitle_dash("一一解答健康问题，发放资料300余份。")
    ('一一', None)
    >>> subtitle_dash("——记扎囊县扎其乡，一位驻村干部")
    '——'
    """
    m = _SUBTITLE_DASH.match(line)
    if m is None or (m["read"] and _CLAUSE.search(line)):
        return None
    return m.group()


def undashed(subtitle: str) -> str:
    """A subtitle line without the dash it opens on.

    >>> undashed("—一林周县家庭医生签约服务见闻"), undashed("—— 记一位驻村干部")
    ('林周县家庭医生签约服务见闻', '记一位驻村干部')
    """
    return _SUBTITLE_DASH.sub("", subtitle, count=1).strip()


def line_form(line: str) -> Literal["caption", "credit", "subtitle", "byline"] | None:
    """The kind of a stripped line its form alone tells: a photo's caption, a credit, a
    subtitle or a byline; None for a headline's or body's line.

    >>> line_form("-林周县深化家庭医生签约服务见闻"), line_form("(市融媒)"), line_form("-5℃以下")
    ('subtitle', 'credit', None)
    >>> line_form("一一解答健康问题，发放宣传资料300余份。")
    """
    if CAPTION.match(line):
        return "caption"
    if len(line) <= 40 and CREDIT.match(line) and ("记者" in line or " " in line):
        return "credit"
    if _SOURCE_CREDITED.match(line):
        return "credit"  # `(市融媒)`: the source an item ends with, no headline
    if subtitle_dash(line) is not None and len(line) <= 60:
        return "subtitle"
    if len(line) <= 40 and (BYLINE.match(line) or SIGNATURE.match(line)):
        return "byline"
    return None
