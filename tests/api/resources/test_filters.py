"""Typed filters: each one narrows as documented, and bad values are 400."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from litestar.testing import TestClient

from ...conftest import ENGINES, SEED_DATASET
from ..conftest import all_pages

SEED: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
M, T = SEED["measures"], SEED["targets"]
UNITS = {u["id"]: u for u in SEED["units"]}


def _ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


def _where(records: list[dict[str, Any]], keep: Callable[[dict[str, Any]], bool]) -> list[str]:
    return [r["id"] for r in records if keep(r)]


MEASURE_FILTERS = [
    ("document=shanghai-2012", lambda m: True),
    ("chapter=shanghai-2012.c07", lambda m: m["chapter_id"] == "shanghai-2012.c07"),
    ("paragraph=shanghai-2012.c03.p02", lambda m: m["paragraph_id"] == "shanghai-2012.c03.p02"),
    ("body=shanghai.civil-affairs-bureau", lambda m: any(a["body_id"] == "shanghai.civil-affairs-bureau" for a in m["bodies"])),
    ("basis=explicit", lambda m: any(a["basis"] == "explicit" for a in m["bodies"])),
    ("basis=issuer", lambda m: any(a["basis"] == "issuer" for a in m["bodies"])),
    (
        "body=org.trade-unions&basis=explicit",
        lambda m: any(a["body_id"] == "org.trade-unions" and a["basis"] == "explicit" for a in m["bodies"]),
    ),
    (
        "body=shanghai.civil-affairs-bureau&document=shanghai-2012",
        lambda m: any(a["body_id"] == "shanghai.civil-affairs-bureau" for a in m["bodies"]),
    ),
    (
        "body=shanghai.civil-affairs-bureau&chapter=shanghai-2012.c07",
        lambda m: m["chapter_id"] == "shanghai-2012.c07" and any(a["body_id"] == "shanghai.civil-affairs-bureau" for a in m["bodies"]),
    ),
    (
        "basis=explicit&has_targets=true",
        lambda m: bool(m["target_ids"]) and any(a["basis"] == "explicit" for a in m["bodies"]),
    ),
    (
        "body=shanghai.civil-affairs-bureau&q=養老",
        lambda m: "養老" in m["text"]["zh-Hant"] and any(a["body_id"] == "shanghai.civil-affairs-bureau" for a in m["bodies"]),
    ),
    ("has_targets=true", lambda m: bool(m["target_ids"])),
    ("has_targets=false", lambda m: not m["target_ids"]),
    ("q=養老", lambda m: "養老" in m["text"]["zh-Hant"]),
    ("q=养老", lambda m: "養老" in m["text"]["zh-Hant"]),
    ("q=菜", lambda m: "菜" in m["text"]["zh-Hant"]),
    ("q=新增養老床位", lambda m: "新增養老床位" in m["text"]["zh-Hant"]),
    ("q=%25", lambda m: "%" in m["text"]["zh-Hant"]),
    ("q=_", lambda m: False),
    (
        "chapter=shanghai-2012.c03&has_targets=true&q=住房",
        lambda m: m["chapter_id"] == "shanghai-2012.c03" and bool(m["target_ids"]) and "住房" in m["text"]["zh-Hant"],
    ),
]

TARGET_FILTERS = [
    ("unit=m2", lambda t: t.get("unit") == "m2"),
    ("quantity_kind=count", lambda t: "unit" in t and UNITS[t["unit"]]["quantity_kind"] == "count"),
    ("comparator=gte", lambda t: t.get("comparator") == "gte"),
    ("commitment=aspirational", lambda t: t["commitment"] == "aspirational"),
    ("type=qualitative", lambda t: t["type"] == "qualitative"),
    ("direction=increase", lambda t: t.get("direction") == "increase"),
    ("min_value=100000", lambda t: t.get("value") is not None and t["value"] >= 100000),
    ("max_value=50", lambda t: t.get("value") is not None and t["value"] <= 50),
    ("min_value=40&max_value=5000", lambda t: t.get("value") is not None and 40 <= t["value"] <= 5000),
    ("min_value=10&max_value=1", lambda t: False),
    ("chapter=shanghai-2012.c09", lambda t: t["id"].startswith("shanghai-2012.c09")),
    ("paragraph=shanghai-2012.c03.p03", lambda t: t["id"].startswith("shanghai-2012.c03.p03")),
    ("measure=shanghai-2012.c03.p03.m03", lambda t: t["measure_id"] == "shanghai-2012.c03.p03.m03"),
    ("q=床位", lambda t: "床位" in t["indicator"]["zh-Hant"]),
    ("document=shanghai-2012&unit=har&comparator=eq", lambda t: t.get("unit") == "har" and t.get("comparator") == "eq"),
]


@pytest.mark.parametrize("reader", ENGINES, indirect=True)
@pytest.mark.parametrize(("query", "keep"), MEASURE_FILTERS, ids=[q for q, _ in MEASURE_FILTERS])
def test_measure_filters(reader: TestClient[Any], query: str, keep: Callable[[dict[str, Any]], bool]) -> None:
    assert _ids(all_pages(reader, f"/v1/measures?limit=500&{query}")) == _where(M, keep)


@pytest.mark.parametrize("reader", ENGINES, indirect=True)
@pytest.mark.parametrize("query", ["body=shanghai.civil-affairs-bureau", "basis=explicit", "body=org.trade-unions&basis=explicit"])
def test_a_body_or_basis_walks_in_small_pages_as_in_one(reader: TestClient[Any], query: str) -> None:
    """Read through the assignments, cursor walks of 3 per page give the one page's measures, in order, once each."""
    whole = _ids(all_pages(reader, f"/v1/measures?limit=500&{query}"))
    assert _ids(all_pages(reader, f"/v1/measures?limit=3&{query}")) == whole and len(whole) == len(set(whole)) > 0


@pytest.mark.parametrize("reader", ENGINES, indirect=True)
@pytest.mark.parametrize(("query", "keep"), TARGET_FILTERS, ids=[q for q, _ in TARGET_FILTERS])
def test_target_filters(reader: TestClient[Any], query: str, keep: Callable[[dict[str, Any]], bool]) -> None:
    assert _ids(all_pages(reader, f"/v1/targets?limit=500&{query}")) == _where(T, keep)


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/v1/chapters?document=shanghai-2012", 8),
        ("/v1/chapters?document=other", 0),
        ("/v1/paragraphs?chapter=shanghai-2012.c06", 6),
        ("/v1/units?quantity_kind=area", 2),
        ("/v1/bodies?classification=people_organisation", 4),
        ("/v1/bodies?parent=shanghai.municipal-government", None),
        ("/v1/documents?year=2012", 1),
        ("/v1/documents?year=2013", 0),
    ],
)
def test_other_filters(reader: TestClient[Any], url: str, expected: int | None) -> None:
    body = reader.get(url).json()
    if expected is None:
        assert body["meta"]["total"] > 10 and all(b["parent_id"] == "shanghai.municipal-government" for b in body["data"])
    else:
        assert body["meta"]["total"] == expected


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/v1/measures?limit=0", "limit"),
        ("/v1/measures?limit=501", "limit"),
        ("/v1/measures?limit=-1", "limit"),
        ("/v1/measures?limit=1.5", "limit"),
        ("/v1/measures?limit=abc", "limit"),
        ("/v1/measures?limit=99999999999999999999999", "limit"),
        ("/v1/measures?basis=guess", "basis"),
        ("/v1/measures?has_targets=maybe", "has_targets"),
        ("/v1/measures?chapter=" + "c" * 201, "chapter"),
        ("/v1/measures?chapter=Bad%20Id", "chapter"),
        ("/v1/measures?q=", "q"),
        ("/v1/measures?q=" + "字" * 101, "q"),
        ("/v1/targets?comparator=more", "comparator"),
        ("/v1/targets?min_value=abc", "min_value"),
        ("/v1/targets?min_value=1e16", "min_value"),
        ("/v1/targets?max_value=-1e16", "max_value"),
        ("/v1/targets?min_value=nan", "min_value"),
        ("/v1/targets?min_value=inf", "min_value"),
        ("/v1/targets?min_value=1&max_value=-inf", "max_value"),
        ("/v1/results?max_value=nan", "max_value"),
        ("/v1/targets?type=both", "type"),
        ("/v1/units?quantity_kind=volume", "quantity_kind"),
        ("/v1/documents?year=1800", "year"),
        ("/v1/measures?cursor=!!!", "cursor"),
        ("/v1/measures?cursor=abc", "cursor"),
        ("/v1/measures?cursor=" + "a" * 600, "cursor"),
        ("/v1/measures?format=xml", "format"),
        ("/v1/measures?colour=red", "colour"),
        ("/v1/measures?limit=1&limit=2", "limit"),
    ],
)
def test_bad_values_are_400_with_the_parameter_named(reader: TestClient[Any], url: str, parameter: str) -> None:
    response = reader.get(url)
    assert response.status_code == 400, response.text
    body = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert parameter in [p["name"] for p in body["invalid_params"]], body


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
@pytest.mark.parametrize("collection", ["targets", "results"])
def test_both_value_bounds_are_named_when_both_are_not_finite(reader: TestClient[Any], collection: str) -> None:
    response = reader.get(f"/v1/{collection}?min_value=nan&max_value=inf")
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalid_params"]] == ["min_value", "max_value"]


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
def test_cursor_of_another_list_is_refused(reader: TestClient[Any]) -> None:
    cursor = reader.get("/v1/units?limit=1").json()["meta"]["next_cursor"]
    response = reader.get(f"/v1/measures?cursor={cursor}")
    assert response.status_code == 400 and response.json()["invalid_params"][0]["name"] == "cursor"
