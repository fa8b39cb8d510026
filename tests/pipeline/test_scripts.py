"""Derived labels take the right character where the Simplified form depends on the word.

The table below was written from Chinese usage, not by running a converter:
for each Traditional word holding a character whose Simplified form depends on
context (著 → 着 or 著, 乾 → 干 or 乾, 於 → 于, 後 → 后, 發 → 发, 範 → 范,
裡 → 里, 麵 → 面, 準 → 准, 臺 → 台, 覆 → 覆 …), the word in Simplified.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from workreport_pipeline.normalise import script_overrides, to_simplified, to_traditional

from .conftest import SEED

# Characters whose Simplified form is chosen by the word they are in (or that a
# reviewer must look at because one Simplified character stands for several).
CONTEXT_CHARACTERS = "著乾於後發範裡裏麵準臺覆"

# Traditional word → the same word in Simplified, reviewed by hand.
REVIEWED: dict[str, str] = {
    # 著: 着 as a verb prefix (着力, 着眼, 着手, 着重) and as the aspect particle (随着, 承载着); 著 for notable or author.
    "著力": "着力",
    "著眼": "着眼",
    "著手": "着手",
    "著重": "着重",
    "隨著": "随着",
    "載著": "载着",
    "意味著": "意味着",
    "顯著": "显著",
    "著名": "著名",
    "著作": "著作",
    "土著": "土著",
    # 乾: 干 for dry and clean, 乾 in 乾坤 and the era name 乾隆.
    "乾淨": "干净",
    "乾旱": "干旱",
    "乾坤": "乾坤",
    "乾隆": "乾隆",
    # 於 → 于; 後 → 后; 發 → 发; 範 → 范; 裡/裏 → 里; 麵 → 面; 準 → 准; 臺 → 台; 覆 stays.
    "於是": "于是",
    "著眼於": "着眼于",
    "以後": "以后",
    "發展": "发展",
    "發揮": "发挥",
    "開發": "开发",
    "激發": "激发",
    "研發": "研发",
    "發行": "发行",
    "範圍": "范围",
    "示範": "示范",
    "這裡": "这里",
    "裏面": "里面",
    "麵粉": "面粉",
    "標準": "标准",
    "準入": "准入",
    "準確": "准确",
    "平臺": "平台",
    "澳臺": "澳台",
    "覆蓋": "覆盖",
}


def _reviewed_at(hant: str, position: int) -> tuple[int, str] | None:
    """The longest reviewed word covering ``position`` of ``hant``: its start and its Simplified form."""
    best: tuple[int, str, str] | None = None
    for word, hans in REVIEWED.items():
        for match in re.finditer(re.escape(word), hant):
            if match.start() <= position < match.end() and (best is None or len(word) > len(best[1])):
                best = (match.start(), word, hans)
    return None if best is None else (best[0], best[2])


def _problems(hant: str, hans: str) -> list[str]:
    if len(hant) != len(hans):
        return [f"{hant!r} → {hans!r}: lengths differ"]
    problems = []
    for position, char in enumerate(hant):
        if char not in CONTEXT_CHARACTERS:
            continue
        reviewed = _reviewed_at(hant, position)
        if reviewed is None:
            problems.append(f"{hant!r}: {char} at {position} is in no reviewed word (add one to REVIEWED)")
            continue
        start, expected = reviewed
        if hans[position] != expected[position - start]:
            problems.append(f"{hant!r}: {char} at {position} became {hans[position]}, expected {expected[position - start]}")
    return problems


def _labels(data: Any) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        if isinstance(data.get("zh-Hant"), str) and isinstance(data.get("zh-Hans"), str):
            yield data["zh-Hant"], data["zh-Hans"]
        for value in data.values():
            yield from _labels(value)
    elif isinstance(data, list):
        for value in data:
            yield from _labels(value)


def test_every_label_of_the_seed_takes_the_reviewed_form() -> None:
    labels = list(_labels(json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))))
    checked = [label for label in labels if any(char in CONTEXT_CHARACTERS for char in label[0])]
    assert checked, "the seed has labels with context characters"
    problems = [problem for hant, hans in labels for problem in _problems(hant, hans)]
    assert problems == []


@pytest.mark.parametrize(
    ("hant", "hans"),
    [
        ("著力改善民生", "着力改善民生"),
        ("著眼於長遠發展", "着眼于长远发展"),
        ("隨著城市發展，著重推進示範工作", "随着城市发展，着重推进示范工作"),
        ("取得顯著成效,建設著名品牌", "取得显著成效,建设著名品牌"),
        ("保持街道乾淨，應對乾旱", "保持街道干净，应对干旱"),
        ("擴大服務範圍；提高準確率", "扩大服务范围；提高准确率"),
        ("這裡以後建設平臺", "这里以后建设平台"),
        ("保護土著文化", "保护土著文化"),
    ],
)
def test_to_simplified_takes_the_reviewed_form(hant: str, hans: str) -> None:
    converted = to_simplified(hant)
    assert converted == hans
    assert _problems(hant, converted) == []


@pytest.mark.parametrize(
    ("hans", "hant"),
    [
        ("着力改善民生", "著力改善民生"),
        ("随着城市发展，着眼于长远", "隨著城市發展，著眼於長遠"),
        ("取得显著成效,建设著名品牌", "取得顯著成效,建設著名品牌"),
        ("保持街道干净；提高准确率", "保持街道乾淨；提高準確率"),
    ],
)
def test_to_traditional_takes_the_usual_form(hans: str, hant: str) -> None:
    assert to_traditional(hans) == hant


def test_reviewed_overrides_win_over_opencc() -> None:
    overrides = script_overrides("to_simplified")
    assert overrides["土著"] == "土著"
    for phrase, converted in overrides.items():
        assert to_simplified(f"保護{phrase}。") == f"保护{converted}。"
