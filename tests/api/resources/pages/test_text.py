"""The pages' text in the other script: code point for code point, so every offset still holds."""

from __future__ import annotations

import pytest

from workreport_api.resources.pages.text import convert


@pytest.mark.parametrize(
    ("text", "script"),
    [("養老金增長15%", "zh-Hans"), ("养老金增长", "zh-Hant"), ("乾隆皇帝的頭髮", "zh-Hans"), ("", "zh-Hans")],
)
def test_convert_keeps_the_length(text: str, script: str) -> None:
    assert len(convert(text, script)) == len(text)
