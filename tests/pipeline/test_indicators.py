"""Indicators readable alone: a verb-only clause takes its object, a list item its verb, from the sentence."""

from __future__ import annotations

from typing import Any

import pytest

from workreport_pipeline.assemble import extract
from workreport_pipeline.curation import Curation
from workreport_pipeline.normalise import fold
from workreport_pipeline.spans import Span
from workreport_pipeline.stages.indicators import leading_verbs
from workreport_schema import Language, validate_data

from .conftest import made_up_document

# Made-up sentences: Traditional with ASCII punctuation, Simplified with full-width punctuation, and each
# target's indicator with the words it takes from elsewhere (written in Traditional; compared folded).
CASES: list[tuple[str, str, list[tuple[str, list[str]]]]] = [
    (
        "建成公共租賃住房3萬套,供應2萬套。",
        "建成公共租赁住房3万套，供应2万套。",
        [("建成公共租賃住房", []), ("公共租賃住房供應", ["公共租賃住房"])],
    ),
    (
        "新開工建設和籌措保障性住房500萬平方米、5萬套,供應300萬平方米、3萬套。",
        "新开工建设和筹措保障性住房500万平方米、5万套，供应300万平方米、3万套。",
        [
            ("新開工建設和籌措保障性住房", []),
            ("新開工建設和籌措保障性住房", []),
            ("保障性住房供應", ["保障性住房"]),
            ("保障性住房供應", ["保障性住房"]),
        ],
    ),
    (
        "建成綠道50公里、景觀河道20公里。",
        "建成绿道50公里、景观河道20公里。",
        [("建成綠道", []), ("建成景觀河道", ["建成"])],
    ),
    (
        "新建公園綠地300公頃、防護林帶200公頃及濕地100公頃。",
        "新建公园绿地300公顷、防护林带200公顷及湿地100公顷。",
        [("新建公園綠地", []), ("新建防護林帶", ["新建"]), ("新建濕地", ["新建"])],
    ),
    # An item with a verb of its own keeps it; a verb-only clause with nothing before it stays as it is.
    (
        "新建道路30公里、改造橋梁10公里。",
        "新建道路30公里、改造桥梁10公里。",
        [("新建道路", []), ("改造橋梁", [])],
    ),
    ("供應2萬套。", "供应2万套。", [("供應", [])]),
    # Another sentence is not looked at.
    ("建成公共租賃住房3萬套。供應2萬套。", "建成公共租赁住房3万套。供应2万套。", [("建成公共租賃住房", []), ("供應", [])]),
]


# Qualitative targets by shape: an object that is only a head word (補貼水平) takes whose it is from the target before it.
QUALITATIVE_CASES: list[tuple[str, str, list[tuple[str, list[str]]]]] = [
    (
        "建立殘疾人生活補貼制度,提高補貼水平。",
        "建立残疾人生活补贴制度，提高补贴水平。",
        [("殘疾人生活補貼制度", []), ("殘疾人生活補貼水平", ["殘疾人生活"])],
    ),
    (
        "新增養老床位5000張,提高床位補貼標準。",
        "新增养老床位5000张，提高床位补贴标准。",
        [("床位補貼標準", [])],
    ),
    # Nothing before it names the head: it stays as written; another sentence is not looked at.
    ("提高補貼水平。", "提高补贴水平。", [("補貼水平", [])]),
    ("建立殘疾人生活補貼制度。提高補貼水平。", "建立残疾人生活补贴制度。提高补贴水平。", [("殘疾人生活補貼制度", []), ("補貼水平", [])]),
]


def _read(text: str, language: Language, kind: str = "quantitative") -> list[tuple[str, list[str]]]:
    data: dict[str, Any] = extract(text, made_up_document(language), Curation())
    assert validate_data(data) == ("dataset", [])
    key = language.value
    return [
        (fold(t["indicator"][key]), [fold(span["quote"]) for span in t.get("indicator_source", [])])
        for t in data["targets"]
        if t["type"] == kind
    ]


@pytest.mark.parametrize(("hant", "hans", "expected"), CASES, ids=[case[0][:12] for case in CASES])
@pytest.mark.parametrize("script", [0, 1], ids=["hant-ascii", "hans-fullwidth"])
def test_indicators_take_what_the_sentence_leaves_out(script: int, hant: str, hans: str, expected: list[tuple[str, list[str]]]) -> None:
    heading = ("(一)城市建設\n", "（一）城市建设\n")[script]
    language = (Language.ZH_HANT, Language.ZH_HANS)[script]
    got = _read(heading + (hant, hans)[script], language)
    assert got == [(fold(indicator), [fold(word) for word in words]) for indicator, words in expected]


@pytest.mark.parametrize(("hant", "hans", "expected"), QUALITATIVE_CASES, ids=[case[0][:12] for case in QUALITATIVE_CASES])
@pytest.mark.parametrize("script", [0, 1], ids=["hant-ascii", "hans-fullwidth"])
def test_a_bare_head_takes_whose_it_is_from_the_sentence(script: int, hant: str, hans: str, expected: list[tuple[str, list[str]]]) -> None:
    heading = ("(一)保障民生\n", "（一）保障民生\n")[script]
    language = (Language.ZH_HANT, Language.ZH_HANS)[script]
    got = _read(heading + (hant, hans)[script], language, "qualitative")
    assert got == [(fold(indicator), [fold(word) for word in words]) for indicator, words in expected]


@pytest.mark.parametrize(
    ("words", "verbs"),
    [
        ("新開工建設和籌措保障性住房", "新開工建設和籌措"),
        ("新建設施菜田", "新建"),
        ("保障性住房", None),
        ("建成和改造", "建成和改造"),
        ("供應", "供應"),
        ("公共租賃住房", None),
    ],
)
def test_leading_verbs(words: str, verbs: str | None) -> None:
    for text in (words, fold(words)):
        span = leading_verbs(fold(text), Span(0, len(text)))
        assert (span.slice(text) if span else None) == (verbs if text == words else verbs and fold(verbs))
