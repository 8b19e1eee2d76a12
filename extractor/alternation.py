"""Many words at once: a regular expression matching any of them, written as a trie,
and a `Vocabulary` looked up by length.

`re` tries the branches of `a|b|c|…` one after the other at every position:
with the 337 titles of `persons.ROLES`, that is most of the time some scans
take. The same words as a trie (`副(?:书记|局长|…)`) are tried a character at a
time. Both match the same words, and in the same order of preference when no
word is listed before a longer one it begins (`书记员` before `书记`): the
longer first, which is what a trie's greedy `?` prefers.

>>> import re
>>> alternation(["书记员", "书记", "局长"])
'(?:书记员?|局长)'
>>> re.findall(alternation(["书记员", "书记", "局长"]), "书记员和局长、书记")
['书记员', '局长', '书记']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]
_END = ""


def alternation(words: Iterable[str]) -> str:
    """A pattern matching exactly `words`, preferring the longer of two that begin alike,
    as `"|".join(words)` does when each word comes before the shorter ones it begins;
    a `ValueError` when one does not (the two would differ)."""
    listed = list(words)
    if not listed or _END in listed:
        raise ValueError("no words, or an empty one")
    place = {word: k for k, word in reversed(list(enumerate(listed)))}
    for k, word in enumerate(listed):
        if any(place.get(word[:size], k) < k for size in range(1, len(word))):
            raise ValueError(f"{word!r} is listed after a shorter word it begins")
    trie: _Trie = {}
    for word in listed:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return f"(?:{_branches(trie)})"


def _branches(node: _Trie) -> str:
    """The words below `node`, as a pattern: its branches, one after the other."""
    return "|".join(re.escape(ch) + _below(child) for ch, child in node.items() if ch != _END)


def _below(node: _Trie) -> str:
    """What may follow the characters that lead to `node`: nothing when a word ends
    there (and no longer one goes on), else its branches, optional when a word ends."""
    body = _branches(node)
    if not body:
        return ""
    several = sum(ch != _END for ch in node) > 1
    single = len(body) == 1 or (len(body) == 2 and body[0] == "\\")
    grouped = body if single or (not several and _END not in node) else f"(?:{body})"
    return f"{grouped}?" if _END in node else grouped


class Vocabulary:
    """Many words looked up by their length in a set, not one after the other: which
    word a text ends or opens with, where the last one in it ends."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(words)
        self._sizes = tuple(sorted({len(word) for word in self._words}, reverse=True))

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def ending(self, text: str) -> str | None:
        """The longest word `text` ends with (of one length, one word at most can)."""
        return next((text[-size:] for size in self._sizes if text[-size:] in self._words), None)

    def opening(self, text: str) -> str | None:
        """The longest word `text` opens with."""
        return next((text[:size] for size in self._sizes if text[:size] in self._words), None)

    def last_end(self, text: str) -> int | None:
        """Where the word of `text` that ends last ends, or None when it holds none."""
        for end in range(len(text), 0, -1):
            if any(text[end - size : end] in self._words for size in self._sizes if size <= end):
                return end
        return None
