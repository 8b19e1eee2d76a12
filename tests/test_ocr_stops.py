"""A `.` printed for a sentence's stop, and a short line that holds a comma under a line cut
at one: read as the page means them."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from extractor import clause_rests, ocr_stops
from extractor.check import Checker
from extractor.models import Quote
from extractor.page_lines import reflow


@pytest.mark.parametrize("module", [ocr_stops, clause_rests])
def test_the_examples_hold(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_a_stop_printed_as_a_dot_ends_the_sentence_of_its_speaker() -> None:
    text = (
        "畜牧站站长李国栋表示,今年全县将新培育牦牛养殖合作社5家.\n"
        "“过去牛都是自己放,年底还有分红.”牧民德吉说.她告诉记者,家里去年买了一辆小货车."
    )
    checker = Checker(text)
    said = "过去牛都是自己放,年底还有分红."
    assert checker.check_quote(Quote(speaker="德吉", text=said, kind="direct"))[1] == []
    refused = checker.check_quote(Quote(speaker="李国栋", text=said, kind="direct"))[1]
    assert any('credits these words to "牧民德吉"' in r for r in refused)


def test_a_line_holding_a_comma_under_a_line_cut_at_one_goes_on_it() -> None:
    page = (
        "罗布次仁要求,要深入开展森林草原防灭火“清源”专项整治,在重点林区设立检查卡点,\n\n"
        "同时,充分发挥全市3200余名生态护林员的作用,做到\n"
        "堆龙德庆区:“一网格一专员”工作法把矛盾纠纷化解在家门口\n"
        "拉萨融媒讯(记者王晨)今年以来,堆龙德庆区坚持和发展新时代“枫桥经验”。\n"
    )
    assert "检查卡点,同时,充分发挥" in reflow(page)
