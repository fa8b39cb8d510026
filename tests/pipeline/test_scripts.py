"""Derived labels take the right character where the Simplified form depends on the word.

The tables below were written from Chinese usage, not by running a converter:
for each Traditional word holding a character whose Simplified form depends on
context (著 → 着 or 著, 乾 → 干 or 乾, 於 → 于, 後 → 后, 發 → 发, 範 → 范,
裡 → 里, 麵 → 面, 準 → 准, 臺 → 台, 覆 → 覆 …), the word in Simplified.
``fixtures/seed-scripts-reviewed.toml`` lists every such word of the seed.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import opencc
import pytest

from workreport_pipeline.normalise import script_overrides, to_simplified, to_traditional

from .conftest import SEED

# Traditional characters whose Simplified form is chosen by the word they are in, or that a
# reviewer must look at because the Simplified character they become stands for several.
CONTEXT_CHARACTERS = "著乾幹於後發髮範裡裏麵準臺颱檯覆復複隻祇衹製鐘鍾餘藉瞭徵麼夥沈歷曆匯彙劃係繫並併盡儘"
# Simplified characters that stand for several Traditional ones (发: 發 or 髮; 干: 乾, 幹 or 干 …):
# checked wherever they stand in a zh-Hans label, whatever the zh-Hant label has there.
HANS_CONTEXT_CHARACTERS = "着著干于后发范里只制余面钟台准复历汇划系征尽并托志游采了占松回周表注向家才"

# Traditional word → the same word in Simplified, reviewed by hand.
REVIEWED: dict[str, str] = {
    # 著: 着 as a verb prefix (着力, 着眼, 着手, 着重) and as the aspect particle (随着, 承载着); 著 for notable or author.
    "著力": "着力",
    "著眼": "着眼",
    "著手": "着手",
    "著重": "着重",
    "隨著": "随着",
    "沿著": "沿着",
    "接著": "接着",
    "本著": "本着",
    "載著": "载着",
    "意味著": "意味着",
    "顯著": "显著",
    "著名": "著名",
    "著作": "著作",
    "土著": "土著",
    "卓著": "卓著",
    "專著": "专著",
    "論著": "论著",
    "譯著": "译著",
    "討論著": "讨论着",
    "理論著手": "理论着手",
    # 乾: 干 for dry and clean, 乾 in 乾坤 and the era name 乾隆; 幹 → 干 (cadre, trunk).
    "乾淨": "干净",
    "乾旱": "干旱",
    "乾坤": "乾坤",
    "乾隆": "乾隆",
    "幹部": "干部",
    # 於 → 于; 後 → 后; 發 → 发 (髮 → 发 too); 範 → 范; 裡/裏 → 里; 麵 → 面; 準 → 准; 臺 → 台; 覆 stays.
    "於是": "于是",
    "用於": "用于",
    "著眼於": "着眼于",
    "以後": "以后",
    "發展": "发展",
    "發揮": "发挥",
    "開發": "开发",
    "激發": "激发",
    "研發": "研发",
    "發行": "发行",
    "頭髮": "头发",
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
    "颱風": "台风",
    "覆蓋": "覆盖",
    "反覆": "反复",
    # 隻 → 只 (a classifier), 衹 → 只 (only), 祇 stays in 神祇; 製 → 制; 鐘/鍾 → 钟; 餘 → 余.
    "一隻": "一只",
    "衹有": "只有",
    "神祇": "神祇",
    "製造": "制造",
    "鐘錶": "钟表",
    "鍾情": "钟情",
    "其餘": "其余",
    "業餘": "业余",
    # 藉 → 借 (excuse, rely on) but 藉 in 慰藉; 瞭 → 了 (understand) but 瞭 in 瞭望; 徵 → 征; 麼 → 么.
    "藉口": "借口",
    "憑藉": "凭借",
    "慰藉": "慰藉",
    "瞭解": "了解",
    "瞭望": "瞭望",
    "特徵": "特征",
    "什麼": "什么",
    # 夥 → 伙; 沈 → 沉 (sink) but 沈 in the name 沈陽; 歷/曆 → 历; 匯/彙 → 汇; 劃 → 划; 係/繫 → 系; 並/併 → 并; 盡/儘 → 尽.
    "夥伴": "伙伴",
    "沈浸": "沉浸",
    "沈陽": "沈阳",
    "歷史": "历史",
    "日曆": "日历",
    "匯率": "汇率",
    "詞彙": "词汇",
    "規劃": "规划",
    "關係": "关系",
    "聯繫": "联系",
    "並且": "并且",
    "合併": "合并",
    "盡力": "尽力",
    "儘管": "尽管",
}


def _seed_words() -> dict[str, str]:
    path = Path(__file__).parent / "fixtures" / "seed-scripts-reviewed.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["reviewed"] is True
    words: dict[str, str] = data["words"]
    return words


SEED_WORDS = _seed_words()
ALL_REVIEWED = {**REVIEWED, **SEED_WORDS}


def _reviewed_at(hant: str, position: int) -> tuple[int, str, str] | None:
    """The longest reviewed word covering ``position`` of ``hant``: its start, the word and its Simplified form."""
    best: tuple[int, str, str] | None = None
    for word, hans in ALL_REVIEWED.items():
        for match in re.finditer(re.escape(word), hant):
            if match.start() <= position < match.end() and (best is None or len(word) > len(best[1])):
                best = (match.start(), word, hans)
    return best


def _problems(hant: str, hans: str) -> list[str]:
    if len(hant) != len(hans):
        return [f"{hant!r} → {hans!r}: lengths differ"]
    problems = []
    for position, (char, simplified) in enumerate(zip(hant, hans, strict=True)):
        if char not in CONTEXT_CHARACTERS and simplified not in HANS_CONTEXT_CHARACTERS:
            continue
        reviewed = _reviewed_at(hant, position)
        if reviewed is None:
            problems.append(f"{hant!r}: {char} → {simplified} at {position} is in no reviewed word (add one)")
            continue
        start, word, expected = reviewed
        if hans[start : start + len(word)] != expected:
            problems.append(f"{hant!r}: {word} became {hans[start : start + len(word)]}, expected {expected}")
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


def _derived_simplified_labels(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(zh-Hant, zh-Hans) of every label whose zh-Hans the pipeline derived (provenance ``derived``)."""
    for records in data.values():
        if not isinstance(records, list):
            continue
        for record in records:
            for field, value in record.items():
                if record.get("provenance", {}).get(f"{field}/zh-Hans") == "derived":
                    yield value["zh-Hant"], value["zh-Hans"]


SEED_DATASET = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))


def test_every_label_of_the_seed_takes_the_reviewed_form() -> None:
    labels = list(_labels(SEED_DATASET))
    derived = list(_derived_simplified_labels(SEED_DATASET))
    assert len(derived) > 500, "the measure texts, indicators, chapter titles and body names are derived"
    assert set(derived) <= set(labels)
    occurrences = sum(
        a in CONTEXT_CHARACTERS or b in HANS_CONTEXT_CHARACTERS for hant, hans in derived for a, b in zip(hant, hans, strict=True)
    )
    assert occurrences > 300, "the seed's derived labels hold context characters"
    problems = [problem for hant, hans in labels for problem in _problems(hant, hans)]
    assert problems == []


def test_every_reviewed_seed_word_is_in_the_seed() -> None:
    """The fixture lists words of the seed's labels: one no label holds any more is stale."""
    labels = list(_labels(SEED_DATASET))
    missing = [word for word in SEED_WORDS if not any(word in hant for hant, _ in labels)]
    assert missing == []


def test_the_reviewed_tables_agree() -> None:
    assert all(len(word) == len(hans) for word, hans in ALL_REVIEWED.items())
    assert {word: REVIEWED[word] for word in SEED_WORDS if word in REVIEWED} == {
        word: SEED_WORDS[word] for word in SEED_WORDS if word in REVIEWED
    }


@pytest.mark.parametrize(("hant", "hans"), sorted(ALL_REVIEWED.items()))
def test_every_reviewed_word_converts(hant: str, hans: str) -> None:
    assert to_simplified(hant) == hans


@pytest.mark.parametrize(
    ("hant", "hans"),
    [
        # 著 as 着: a verb prefix or the aspect particle.
        ("著力改善民生", "着力改善民生"),
        ("著眼於長遠發展", "着眼于长远发展"),
        ("著手研究", "着手研究"),
        ("隨著城市發展，著重推進示範工作", "随着城市发展，着重推进示范工作"),
        ("沿著黃浦江", "沿着黄浦江"),
        ("接著推進", "接着推进"),
        ("本著節約的原則", "本着节约的原则"),
        # 著 stays: notable, famous, a written work.
        ("取得顯著成效,建設著名品牌", "取得显著成效,建设著名品牌"),
        ("成效卓著", "成效卓著"),
        ("出版學術專著、論著和譯著", "出版学术专著、论著和译著"),
        ("保護土著文化", "保护土著文化"),
        # a reviewed phrase that is not the word where it stands: 本土 + 著力, 討論 + 著.
        ("立足本土著力培育", "立足本土着力培育"),
        ("培育本土著名品牌", "培育本土著名品牌"),
        ("正在討論著", "正在讨论着"),
        ("從理論著手", "从理论着手"),
        # 乾: 干 for dry and clean, 乾 in a name.
        ("保持街道乾淨，應對乾旱", "保持街道干净，应对干旱"),
        ("乾隆年間", "乾隆年间"),
        # 範, 準, 裡, 後, 臺, 發 …
        ("擴大服務範圍；提高準確率", "扩大服务范围；提高准确率"),
        ("這裡以後建設平臺", "这里以后建设平台"),
        ("發展製造業，一隻手抓發展", "发展制造业，一只手抓发展"),
        ("其餘資金衹有用於鐘錶和麵粉", "其余资金只有用于钟表和面粉"),
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
    tw2s = opencc.OpenCC("tw2s")
    for phrase, converted in overrides.items():
        assert to_simplified(f"保護{phrase}。") == f"保护{converted}。"
        assert tw2s.convert(phrase) != converted, f"{phrase}: OpenCC already converts it; the entry is not needed"
