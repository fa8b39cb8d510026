"""The seed dataset: exact source, structure, every span, the targets that matter, and no drift."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from workreport_pipeline import extract_files
from workreport_schema import render_dataset, validate_data

from .conftest import SEED

SOURCE_SHA256 = "d8de0972178417e16542205223eb8034f962ada79f4c08506c3467ceea4dd6ea"
TITLES = {
    3: "更加努力保障和改善民生,確保市民安居樂業",
    4: "常備不懈抓安全,全面提升城市管理科學化水平",
    5: "積極推進智慧城市建設,使信息化更好地惠及市民服務發展",
    6: "深化文化體制改革,推動文化大發展大繁榮",
    7: "抓住重點領域和關鍵環節,有序推進社會事業改革發展",
    8: "牢固樹立群眾觀點,加強和創新社會管理",
    9: "進一步把建設重心向郊區轉移,加大力度推進城鄉一體化發展",
    10: "高舉浦東開發開放旗幟,深化重點領域改革開放",
}


def _extract() -> dict[str, Any]:
    return extract_files(SEED / "source.txt", SEED / "document.toml", SEED / "curation")


@pytest.fixture(scope="module")
def first_run() -> str:
    """The seed through the pipeline once for the module, rendered."""
    return render_dataset(_extract())


@pytest.fixture(scope="module")
def dataset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEED / "dataset.json").read_text(encoding="utf-8"))
    return data


def test_source_is_the_seed_byte_for_byte() -> None:
    assert hashlib.sha256((SEED / "source.txt").read_bytes()).hexdigest() == SOURCE_SHA256


def test_committed_dataset_is_what_the_pipeline_makes(first_run: str) -> None:
    committed = (SEED / "dataset.json").read_text(encoding="utf-8")
    assert first_run == committed, "seeds/shanghai-2012/dataset.json is stale; run `make dataset` and commit it"


def test_two_runs_are_byte_identical(first_run: str) -> None:
    assert render_dataset(_extract()) == first_run


def test_dataset_passes_the_validator(dataset: dict[str, Any]) -> None:
    assert validate_data(dataset, "dataset") == ("dataset", [])


def test_chapters_and_paragraphs(dataset: dict[str, Any]) -> None:
    assert {c["ordinal"]: c["title"]["zh-Hant"] for c in dataset["chapters"]} == TITLES
    assert [c["id"] for c in dataset["chapters"]] == [f"shanghai-2012.c{n:02d}" for n in range(3, 11)]
    assert len(dataset["paragraphs"]) == 32
    assert all(c["title"]["en"] for c in dataset["chapters"])


def _spans(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        if {"start", "end", "quote"} <= node.keys():
            return [node]
        return [span for value in node.values() for span in _spans(value)]
    if isinstance(node, list):
        return [span for item in node for span in _spans(item)]
    return []


def test_every_span_quotes_the_exact_text(dataset: dict[str, Any]) -> None:
    text = (SEED / "source.txt").read_text(encoding="utf-8")
    spans = _spans({key: value for key, value in dataset.items() if key != "documents"})
    assert len(spans) > 600
    wrong = [span for span in spans if text[span["start"] : span["end"]] != span["quote"]]
    assert wrong == []


def _target(dataset: dict[str, Any], stated: str) -> dict[str, Any]:
    (found,) = [t for t in dataset["targets"] if t.get("stated", {}).get("text") == stated]
    return found


@pytest.mark.parametrize(
    ("stated", "value", "unit", "comparator", "commitment"),
    [
        ("1100萬平方米", 11000000, "m2", "eq", "firm"),
        ("17.08萬套(間)", 170800, "dwelling", "eq", "firm"),
        ("770萬平方米", 7700000, "m2", "eq", "firm"),
        ("11.4萬套(間)", 114000, "dwelling", "eq", "firm"),
        ("50萬個以上", 500000, "job", "gte", "firm"),
        ("1萬人", 10000, "person", "eq", "aspirational"),
        ("15%", 15, "percent", "eq", "firm"),
        ("5000張", 5000, "bed", "eq", "firm"),
        ("27萬", 270000, "person", "eq", "firm"),
        ("45項", 45, "task", "eq", "firm"),
        ("50條", 50, "road", "eq", "firm"),
        ("達到90%", 90, "percent", "gte", "firm"),
        ("200萬戶", 2000000, "household", "eq", "firm"),
        ("5000處", 5000, "hotspot", "eq", "firm"),
        ("200場以上", 200, "performance", "gte", "firm"),
        ("達到15%", 15, "percent", "gte", "firm"),
        ("30所", 30, "school", "eq", "firm"),
        ("40所", 40, "kindergarten", "eq", "firm"),
        ("一所", 1, "university", "eq", "firm"),
        ("4家", 4, "hospital", "eq", "firm"),
        ("1000公頃", 1000, "har", "eq", "firm"),
        ("533公頃", 533, "har", "eq", "firm"),
        ("45個", 45, "farm", "eq", "firm"),
        ("35個", 35, "garden", "eq", "firm"),
        ("10%", 10, "percent", "eq", "firm"),
        ("9000公頃", 9000, "har", "eq", "firm"),
        ("300公里", 300, "km", "eq", "firm"),
        ("4萬戶", 40000, "household", "eq", "firm"),
        ("100個", 100, "village", "eq", "firm"),
        ("10萬個", 100000, "job", "eq", "firm"),
    ],
)
def test_every_committed_quantity_is_a_target(
    dataset: dict[str, Any], stated: str, value: int, unit: str, comparator: str, commitment: str
) -> None:
    target = _target(dataset, stated)
    assert (target["value"], target["unit"], target["comparator"], target["commitment"]) == (value, unit, comparator, commitment)


def test_the_quantitative_targets_are_exactly_those(dataset: dict[str, Any]) -> None:
    assert sum(t["type"] == "quantitative" for t in dataset["targets"]) == 30


def test_qualitative_targets(dataset: dict[str, Any]) -> None:
    found = {(t["indicator"]["zh-Hant"], t["direction"]) for t in dataset["targets"] if t["type"] == "qualitative"}
    assert ("全年新建住房價格", "decrease") in found
    assert ("物價總水平", "maintain") in found
    assert ("適齡兒童接受學前教育和看護服務", "achieve") in found
    assert ("城鎮化地區", "achieve") in found


def test_no_road_metro_or_year_number_is_a_target(dataset: dict[str, Any]) -> None:
    stated = [t["stated"]["text"] for t in dataset["targets"] if "stated" in t]
    sources = [t["source"]["quote"] for t in dataset["targets"]]
    for name in ("S5", "S26", "S6", "號線", "2012年", "一期", "二期", "三級"):
        assert not any(name in s for s in stated), name
    assert not any("號線" in s or "2012年" in s for s in sources)


def test_context_statements_are_not_measures(dataset: dict[str, Any]) -> None:
    texts = [m["text"]["zh-Hant"] for m in dataset["measures"]]
    for framing in ("住房問題是重大民生問題", "就業是民生之本", "文化是城市生存發展", "郊區是上海創新驅動"):
        assert not any(framing in t for t in texts), framing


def test_every_measure_has_a_body_and_bases_are_honest(dataset: dict[str, Any]) -> None:
    for measure in dataset["measures"]:
        assert measure["bodies"]
        for assignment in measure["bodies"]:
            if assignment["basis"] == "explicit":
                assert assignment["source"]["quote"] in measure["text"]["zh-Hant"]
            if assignment["basis"] == "curated":
                assert assignment["rationale"]
    explicit = {a["body_id"] for m in dataset["measures"] for a in m["bodies"] if a["basis"] == "explicit"}
    assert {"cn.chinese-academy-of-sciences", "org.trade-unions", "org.communist-youth-league", "org.womens-federation"} <= explicit
    assert {"org.residents-committees", "org.villagers-committees"} <= explicit


def test_curation_files_are_marked_curated() -> None:
    for path in sorted(Path(SEED / "curation").glob("*.toml")):
        assert "curated = true" in path.read_text(encoding="utf-8"), path.name
