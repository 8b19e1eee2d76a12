"""Names after a job's title the vocabulary lacks, whose person the words after go on
to tell of: `卡孜乡护鹤员扎西平措已经干了12年巡护工作。` A title in 员 (`护鹤员`,
`看护员`, `放映员`) names the one person printed after it, when that one goes on to
do or be something (`已经`, `正在`, `今年`, `是`); not the 员 of a longer word
(`青年员工拉姆卓玛`).

>>> names_after_job_titles("卡孜乡护鹤员扎西平措已经干了12年巡护工作。")
[('扎西平措', 6)]
"""

from __future__ import annotations

import re

from extractor.common_words import common_word_at
from extractor.name_ends import name_at
from extractor.persons import NAME_DOTS, name_in, person_name

# What a person named goes on to do or be, right after the name: `…员扎西平措已经干了12年`.
_GOES_ON = re.compile("已经|正在|今年|是")


def person_goes_on(text: str, name: str, at: int) -> bool:
    """Is `name`, printed at `at`, a person's whole name, whom the words right after it go
    on to tell of (`已经`, `正在`, `今年`, `是`)?

    >>> person_goes_on("护鹤员扎西平措已经干了12年", "扎西平措", 3)
    True
    >>> person_goes_on("护鹤员扎西平措介绍", "扎西平措", 3)
    False
    """
    return (
        name_in(name) == name
        and person_name(name)
        and _GOES_ON.match(text, at + len(name)) is not None
    )


def may_go_on(text: str, at: int) -> bool:
    """Could a name printed at `at` be one the words right after go on to tell of? A look
    before reading the name, which costs more: a name of two to six characters leaves what
    goes on within eight of `at`, unless its parts are joined by a dot (`阿旺·次仁`).

    >>> may_go_on("护鹤员扎西平措已经干了12年", 3), may_go_on("护鹤员扎西平措介绍说", 3)
    (True, False)
    """
    near = text[at : at + 10]
    return _GOES_ON.search(text, at + 2, at + 8) is not None or any(d in near for d in NAME_DOTS)


def names_after_job_titles(text: str) -> list[tuple[str, int]]:
    """The names printed right after a title in 员, and where each starts."""
    found = []
    for m in re.finditer("员", text):
        if not may_go_on(text, m.end()) or common_word_at(text, m.start()) is not None:
            continue  # `员工`: the 员 opens a word, no title ends there
        name = name_at(text, m.end())
        if name is not None and person_goes_on(text, name, m.end()):
            found.append((name, m.end()))
    return found
