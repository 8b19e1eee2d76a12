"""A half-width full stop the OCR printed for a sentence's `。`, read as the stop it is.

Some pages print `.` where the paper has `。`: `牧民德吉说.她…`, `…在外务工.林周县农业农村局
畜牧站站长李国栋表示…`, `…讲解毒品的危害.这是…`. After a Han character or a closing mark
or bracket, and before a Han character, an opening or closing mark or bracket, a space or
the line's end, such a `.` ends a sentence (`…后头.”`, `他说. www`); in a number
(`1.5万元`), a Latin word or an address it is no stop, and it is left as it is. The text
keeps its length, so offsets into it are offsets into the page.

>>> read_stops("牧民德吉说.她在合作社当饲养员，月薪1.37万元.")
'牧民德吉说。她在合作社当饲养员，月薪1.37万元。'
>>> read_stops("“好日子还在后头.”他说. www.gov.cn")
'“好日子还在后头。”他说。 www.gov.cn'
"""

from __future__ import annotations

import re

_HAN = "\u4e00-\u9fff"
# After a Han character or a closing mark; before a Han character, an opening or closing
# mark, a space or the line's end.
_OCR_STOP = re.compile(rf"(?<=[{_HAN}”’」』）)》])\.(?=[{_HAN}“”‘’「」『』（(《]|\s|$)", re.M)


def read_stops(text: str) -> str:
    """`text` with each `.` that ends a sentence printed as `。` (same length)."""
    if "." not in text:
        return text
    return _OCR_STOP.sub("。", text)
