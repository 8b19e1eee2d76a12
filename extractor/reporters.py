"""The names of an article's reporters and photographers, who are no speakers.

They are printed in the byline (`本报记者 刘斯宇 卢文静`) and the dateline
(`拉萨融媒讯(记者旦增拉珍、普珍)`), never as the one who says a quote's words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from extractor.persons import looks_like_name
from extractor.segment import segment_page

_CN = "\u4e00-\u9fff"
_REPORTER_WORDS = re.compile(
    rf"[{_CN}]{{0,10}}(?:融媒体中心|新闻中心)|本报|新华社|中新社|[{_CN}]{{0,4}}(?:融媒|日报|晚报|新闻网|广播电视台)|[{_CN}]{{2,4}}报(?=特约|见习|实习|记者|通讯员)|特约|见习|实习生|实习|记者|通讯员|摄影|摄|报道|[（(）)]"
    rf"|^[{_CN}]{{0,12}}?[讯电](?=[（(])"
)
# What brackets the names of a dateline (`拉萨融媒讯(记者旦增拉珍、普珍)`), what stands between names.
_BRACKETED = re.compile(r"[（(]([^（()）]*)[)）]")
_BETWEEN_NAMES = re.compile(r"[\s、，,/]+")


def reporters(byline: str | None, dateline: str | None) -> list[str]:
    """The names of an article's reporters and photographers.

    >>> reporters("本报记者 刘斯宇 卢文静 本报通讯员 果珍", "拉萨融媒讯(记者旦增拉珍、普珍)")
    ['刘斯宇', '卢文静', '果珍', '旦增拉珍', '普珍']
    >>> reporters(None, "（拉孜县融媒体中心）")
    []
    """
    return list(_reporters(byline, dateline))


@functools.lru_cache(maxsize=16)
def _reporters(byline: str | None, dateline: str | None) -> tuple[str, ...]:
    """`reporters`, read once for the rules and again for the checker: the last few
    articles' are kept."""
    found: list[str] = []
    for line in (byline, dateline):
        if not line:
            continue
        inside = _BRACKETED.search(line)
        words = _REPORTER_WORDS.sub(" ", inside[1] if inside else line)
        for word in _BETWEEN_NAMES.split(words):
            word = word.strip("·")
            if looks_like_name(word) and word not in found:
                found.append(word)
    return tuple(found)


def page_reporters(page: str, given: Iterable[tuple[object, object]] = ()) -> list[str]:
    """The reporters of a whole page: of the bylines and datelines the segmenter reads
    on it, and of the (byline, dateline) pairs `given` (what is not text is ignored)."""
    lines = [(a.byline, a.dateline) for a in segment_page(page)]
    lines += [
        (b if isinstance(b, str) else None, d if isinstance(d, str) else None) for b, d in given
    ]
    found: list[str] = []
    for byline, dateline in lines:
        found += [name for name in reporters(byline, dateline) if name not in found]
    return found
