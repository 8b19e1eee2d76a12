"""A trie of words matches what the words joined by `|` match, where and as they match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.alternation import Vocabulary, alternation
from extractor.roles import ROLES
from extractor.speech_words import VERBS

_LETTERS = st.sampled_from(list("书记员长局副.*"))
_WORDS = st.lists(st.text(_LETTERS, min_size=1, max_size=4), min_size=1, max_size=12, unique=True)
# What follows the words in a pattern: a longer word may have to give way to a shorter.
_AFTER = st.sampled_from(["", "$", "员", "(?:长|员)", "[^长]", "记?员"])


@given(_WORDS, st.text(_LETTERS, max_size=16), _AFTER)
def test_trie_matches_as_the_words_joined(words: list[str], text: str, after: str) -> None:
    words.sort(key=len, reverse=True)
    joined = re.compile(f"(?:{'|'.join(re.escape(w) for w in words)}){after}")
    trie = re.compile(alternation(words) + after)
    assert [m.span() for m in joined.finditer(text)] == [m.span() for m in trie.finditer(text)]
    for at in range(len(text) + 1):
        one, other = joined.match(text, at), trie.match(text, at)
        assert (one and one.span()) == (other and other.span())


def test_the_vocabularies_are_listed_longest_first() -> None:
    """The titles and the verbs of saying make tries that match as they did."""
    for words in (ROLES, VERBS):
        pattern = re.compile(alternation(words))
        assert all(pattern.fullmatch(word) for word in words)


def test_a_shorter_word_listed_first_is_refused() -> None:
    with pytest.raises(ValueError, match="shorter word"):
        alternation(["书记", "书记员"])


@given(_WORDS, st.text(_LETTERS, max_size=16))
def test_a_vocabulary_finds_what_scanning_its_words_finds(words: list[str], text: str) -> None:
    """The longest word a text ends or opens with, and where the last word in it ends."""
    vocabulary = Vocabulary(words)
    by_length = sorted(words, key=len, reverse=True)
    assert vocabulary.ending(text) == next((w for w in by_length if text.endswith(w)), None)
    assert vocabulary.opening(text) == next((w for w in by_length if text.startswith(w)), None)
    ends = [text.rfind(w) + len(w) for w in words if w in text]
    assert vocabulary.last_end(text) == (max(ends) if ends else None)
    assert all(word in vocabulary for word in words)
