"""The nearest stop before or after an offset, read a character at a time, is the one
the text's `rfind` and `find` of each stop give."""

from __future__ import annotations

import doctest

from hypothesis import given
from hypothesis import strategies as st

from extractor import stops
from extractor.stops import first_of, last_of

_STOPS = "，。！?\n"
_TEXT = st.text(st.sampled_from(list("一二好的ab，。！?\n")), max_size=24)


@given(_TEXT, st.integers(min_value=0, max_value=30))
def test_last_of_is_the_last_rfind(text: str, end: int) -> None:
    assert last_of(text, frozenset(_STOPS), end) == max(text.rfind(c, 0, end) for c in _STOPS)


@given(_TEXT, st.integers(min_value=0, max_value=30))
def test_first_of_is_the_first_find(text: str, start: int) -> None:
    found = [at for at in (text.find(c, start) for c in _STOPS) if at >= 0]
    assert first_of(text, frozenset(_STOPS), start) == min(found, default=len(text))


def test_the_examples_hold() -> None:
    result = doctest.testmod(stops)
    assert result.attempted > 0 and result.failed == 0
