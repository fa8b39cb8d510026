"""Values the database cannot take — huge integers, lone surrogates, NUL — in cursors and filters: 400, never a 500.

Run on both engines: SQLite and PostgreSQL fail differently (Python int too
large / bigint out of range; NUL refused by PostgreSQL text), so each value is
checked against the column's range before any query.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import quote

import pytest
from litestar.testing import TestClient

from ..conftest import ENGINES, ReadOnlyApps
from .test_hostile_input import LISTS, _check_problem

DOCUMENT_ORDER = ["/v1/chapters", "/v1/paragraphs", "/v1/measures", "/v1/targets"]
BY_ID = ["/v1/documents", "/v1/units", "/v1/bodies"]


def edited_cursor(*key: Any) -> str:
    """A cursor as a client could forge it: base64url of JSON (ASCII escapes keep lone surrogates representable)."""
    raw = json.dumps(["1", *key]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.fixture(params=ENGINES)
def hostile(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """The session's read-only client of each engine (nothing here writes)."""
    return read_only_apps.client(request.param)


@pytest.mark.parametrize("route", DOCUMENT_ORDER)
@pytest.mark.parametrize(
    "key",
    [
        ("shanghai-2012", 99999999999999999999, "x"),
        ("shanghai-2012", 2**63, "x"),
        ("shanghai-2012", -1, "x"),
        ("shanghai-\ud800", 1, "x"),
        ("shanghai-2012", 1, "x\ud800"),
        ("shanghai\x002012", 1, "x"),
        ("shanghai-2012", 1, "x\x00"),
        ("shanghai-2012", 1, "a" * 201),
        ("shanghai-2012", 1, ""),
        ("shanghai-2012", 1.5, "x"),
        ("shanghai-2012", True, "x"),
    ],
    ids=["huge-int", "int64-overflow", "negative", "surrogate-document", "surrogate-id", "nul-document", "nul-id", "long-id", "empty-id", "float", "bool"],
)  # fmt: skip
def test_edited_document_order_cursors_are_400(hostile: TestClient[Any], route: str, key: tuple[Any, ...]) -> None:
    _check_problem(hostile.get(route, params={"cursor": edited_cursor(*key)}), 400)


@pytest.mark.parametrize("route", BY_ID)
@pytest.mark.parametrize("key", ["\ud800", "m2\x00", "a" * 201, "M2"], ids=["surrogate", "nul", "long", "not-an-id"])
def test_edited_id_cursors_are_400(hostile: TestClient[Any], route: str, key: str) -> None:
    _check_problem(hostile.get(route, params={"cursor": edited_cursor(key)}), 400)


@pytest.mark.parametrize("route", [route for route in LISTS if route not in DOCUMENT_ORDER + BY_ID])
@pytest.mark.parametrize("key", [("shanghai-2012", 99999999999999999999, "x"), ("shanghai-\ud800", 1, "x"), ("shanghai-2012", 1, "x\x00")])
def test_edited_cursors_on_sub_lists_are_400(hostile: TestClient[Any], route: str, key: tuple[Any, ...]) -> None:
    _check_problem(hostile.get(route, params={"cursor": edited_cursor(*key)}), 400)


@pytest.mark.parametrize("offset", [99999999999999999999, 2**63, -1])
def test_edited_search_cursors_are_400(hostile: TestClient[Any], offset: int) -> None:
    _check_problem(hostile.get("/v1/search", params={"q": "養老", "cursor": edited_cursor(offset)}), 400)


def test_a_cursor_at_the_largest_position_is_an_empty_page(hostile: TestClient[Any]) -> None:
    response = hostile.get("/v1/measures", params={"cursor": edited_cursor("shanghai-2012", 2**63 - 1, "x")})
    assert response.status_code == 200
    assert response.json()["data"] == [] and response.json()["meta"]["next_cursor"] is None


def test_issued_cursors_still_page(hostile: TestClient[Any]) -> None:
    first = hostile.get("/v1/measures", params={"limit": 2}).json()
    second = hostile.get("/v1/measures", params={"limit": 2, "cursor": first["meta"]["next_cursor"]})
    assert second.status_code == 200 and second.json()["data"][0]["id"] != first["data"][0]["id"]


FILTERS = [
    "/v1/chapters?document=", "/v1/paragraphs?chapter=", "/v1/measures?document=", "/v1/measures?chapter=",
    "/v1/measures?paragraph=", "/v1/measures?body=", "/v1/measures?q=", "/v1/targets?measure=", "/v1/targets?unit=",
    "/v1/targets?q=", "/v1/units?quantity_kind=", "/v1/bodies?parent=", "/v1/bodies?classification=",
    "/v1/search?q=", "/v1/search?q=a&document=",
]  # fmt: skip
NUMBERS = ["/v1/targets?min_value=", "/v1/targets?max_value=", "/v1/documents?year=", "/v1/search?q=a&limit="]


@pytest.mark.parametrize("url", FILTERS + NUMBERS)
@pytest.mark.parametrize(
    "value", ["%ED%A0%80", "%00", "a%00b", quote("養") + "%00"], ids=["surrogate", "nul", "inner-nul", "nul-after-cjk"]
)
def test_surrogates_and_nul_in_filters_are_400(hostile: TestClient[Any], url: str, value: str) -> None:
    _check_problem(hostile.get(url + value), 400)


@pytest.mark.parametrize("url", FILTERS)
def test_huge_integers_in_text_filters_are_plain_text(hostile: TestClient[Any], url: str) -> None:
    response = hostile.get(url + "99999999999999999999999")
    assert response.status_code in (200, 400), response.text[:300]
    if response.status_code == 400:
        _check_problem(response, 400)


@pytest.mark.parametrize("url", NUMBERS)
@pytest.mark.parametrize("value", ["99999999999999999999999", "9223372036854775808", "-9223372036854775809", "1e400"])
def test_huge_numbers_are_400(hostile: TestClient[Any], url: str, value: str) -> None:
    _check_problem(hostile.get(url + value), 400)


ITEMS = [
    "/v1/documents/", "/v1/chapters/", "/v1/paragraphs/", "/v1/measures/", "/v1/targets/", "/v1/units/", "/v1/bodies/",
    "/v1/documents/{}/text", "/v1/chapters/{}/measures", "/v1/measures/{}/targets", "/v1/bodies/{}/measures",
]  # fmt: skip


@pytest.mark.parametrize("path", ITEMS)
@pytest.mark.parametrize(
    ("value", "status"),
    [("%ED%A0%80", 400), ("a%00b", 400), ("99999999999999999999999", 404), ("a" * 300, 400)],
    ids=["surrogate", "nul", "huge-int", "long"],
)
def test_values_in_paths(hostile: TestClient[Any], path: str, value: str, status: int) -> None:
    url = path.format(value) if "{}" in path else path + value
    _check_problem(hostile.get(url), status)
