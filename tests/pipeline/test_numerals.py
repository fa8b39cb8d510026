"""Chinese numerals, table-driven."""

from __future__ import annotations

import pytest

from workreport_pipeline.numerals import parse_chinese_numeral, split_multiplier


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("二十", 20),
        ("十二", 12),
        ("三千", 3000),
        ("五十万", 500000),
        ("一万五千", 15000),
        ("一百零五", 105),
        ("两", 2),
        ("三亿五千万", 350000000),
        ("二〇一二", 2012),
        ("一九九八", 1998),
        ("一一", None),
        ("六五", None),
        ("万", None),
        ("十百", None),
        ("", None),
        ("abc", None),
    ],
)
def test_parse(word: str, value: int | None) -> None:
    assert parse_chinese_numeral(word) == value


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("五十万", ("五十", "万")),
        ("三千", ("三千", "")),
        ("一万五千", ("一万五千", "")),
        ("三亿五千万", ("三亿五千万", "")),
        ("十亿", ("十", "亿")),
    ],
)
def test_split_multiplier(word: str, parts: tuple[str, str]) -> None:
    assert split_multiplier(word) == parts
