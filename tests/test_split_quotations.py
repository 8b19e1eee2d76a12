"""A quotation left open whose closing part OCR printed as a paragraph apart."""

from __future__ import annotations

import pytest

from extractor.attribution import attribute

_CLOSING = "5%的年收益分红，日子越过越有盼头。”普琼说。"
_OPEN = "53岁的村民普琼家是受益者。“现在儿子每个月能挣3500元，我们家每年还能拿到入股资金"
_WORDS = "现在儿子每个月能挣3500元，我们家每年还能拿到入股资金"


def test_the_closing_part_printed_apart_credits_the_open_part() -> None:
    said = attribute(
        f"{_CLOSING}\n初夏时节，走进岗嘎镇。\n{_OPEN}\n下一步，镇里将继续努力。", _WORDS
    )
    assert said is not None and said.direct
    assert said.credit is not None and said.credit.who == "普琼"


@pytest.mark.parametrize(
    "text",
    [
        # the open part's paragraph names no one the closing part credits
        f"{_CLOSING}\n{_OPEN.replace('普琼', '次仁')}",
        # two closing parts: which one closes it is no one's guess
        f"{_CLOSING}\n还有工资。”普琼说。\n{_OPEN}",
        # two quotations left open
        f"{_CLOSING}\n{_OPEN}\n村民普琼说：“我们很高兴",
        # the closing part credits a pronoun, which stands for no one at the top
        f"{_CLOSING.replace('普琼', '他')}\n{_OPEN}",
    ],
)
def test_no_closing_part_credits_it_unless_the_pairing_is_plain(text: str) -> None:
    said = attribute(text, _WORDS)
    assert said is not None and said.credit is None
