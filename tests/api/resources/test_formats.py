"""CSV and NDJSON for every collection, by Accept or format=, streaming the whole filtered collection."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.tabular import COLUMNS

from ...conftest import SEED_DATASET
from ..conftest import all_pages

pytestmark = pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
SEED: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
LISTS = [
    "/v1/documents",
    "/v1/chapters",
    "/v1/paragraphs",
    "/v1/measures",
    "/v1/targets",
    "/v1/units",
    "/v1/bodies",
    "/v1/chapters/shanghai-2012.c03/measures",
    "/v1/measures/shanghai-2012.c03.p03.m03/targets",
    "/v1/bodies/org.trade-unions/measures",
]


def _collection(url: str) -> str:
    return url.rstrip("/").split("/")[-1]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("how", ["accept", "format"])
def test_csv(reader: TestClient[Any], url: str, how: str) -> None:
    response = reader.get(url + "?format=csv") if how == "format" else reader.get(url, headers={"accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["vary"].startswith("Accept")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0] == [column.name for column in COLUMNS[_collection(url)]]
    total = reader.get(url + "?limit=1").json()["meta"]["total"]
    assert len(rows) - 1 == total


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("accept", ["application/x-ndjson", "application/ndjson"])
def test_ndjson(reader: TestClient[Any], url: str, accept: str) -> None:
    response = reader.get(url, headers={"accept": accept})
    assert response.headers["content-type"] == "application/x-ndjson"
    records = [json.loads(line) for line in response.text.splitlines()]
    assert [r["id"] for r in records] == [r["id"] for r in all_pages(reader, url + "?limit=500")]
    assert reader.get(url + "?format=ndjson").content == response.content


def test_filters_apply_to_streams_and_limit_does_not(reader: TestClient[Any]) -> None:
    lines = reader.get("/v1/targets?format=ndjson&unit=har&limit=1").text.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["unit"] == "har" for line in lines)


def test_bom_for_spreadsheets(reader: TestClient[Any]) -> None:
    assert reader.get("/v1/units?format=csv&bom=true").content.startswith("\ufeffid,".encode())
    assert reader.get("/v1/units?format=csv").content.startswith(b"id,")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/json", "application/json"),
        ("*/*", "application/json"),
        ("text/csv;q=0.5, application/x-ndjson", "application/x-ndjson"),
        ("application/xml;q=1, text/csv;q=0.2", "text/csv; charset=utf-8"),
        ("text/*", "text/csv; charset=utf-8"),
    ],
)
def test_accept_negotiation(reader: TestClient[Any], accept: str, expected: str) -> None:
    assert reader.get("/v1/units", headers={"accept": accept}).headers["content-type"] == expected


def test_format_parameter_wins_over_accept(reader: TestClient[Any]) -> None:
    assert reader.get("/v1/units?format=json", headers={"accept": "text/csv"}).headers["content-type"] == "application/json"


@pytest.mark.parametrize("accept", ["application/xml", "text/html", "image/png", "application/json;q=0"])
def test_406_for_types_we_do_not_serve(reader: TestClient[Any], accept: str) -> None:
    response = reader.get("/v1/measures", headers={"accept": accept})
    assert response.status_code == 406 and response.headers["content-type"] == "application/problem+json"


def test_csv_values(reader: TestClient[Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(reader.get("/v1/targets?format=csv&unit=m2").text)))
    assert [(r["value"], r["stated.text"], r["unit"]) for r in rows] == [
        ("11000000", "1100萬平方米", "m2"),
        ("7700000", "770萬平方米", "m2"),
    ]
    measures = {r["id"]: r for r in csv.DictReader(io.StringIO(reader.get("/v1/measures?format=csv&body=org.trade-unions").text))}
    row = next(iter(measures.values()))
    assert row["body_bases"].split(";") == ["explicit", "explicit", "explicit", "issuer"]
