"""Results and headline targets over the API: both whole-report fixtures loaded beside the seed, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.db.engine import make_engine
from workreport_api.db.loader import load_dataset
from workreport_pipeline.run import extract_files
from workreport_schema import validate_data
from workreport_schema.validate import schema_problems

from ...conftest import ENGINES, ReadOnlyApps
from ..conftest import all_pages

FIXTURES = Path(__file__).resolve().parents[2] / "pipeline" / "fixtures"
DOCUMENTS = {"example-hans-2013": ("whole-zh-hans.txt", "zh-Hans"), "example-hant-2013": ("whole-zh-hant-ascii.txt", "zh-Hant")}


def _extract(document: str) -> dict[str, Any]:
    name, language = DOCUMENTS[document]
    flags = {"id": document, "title": "某市政府工作報告", "year": 2013, "language": language, "issuer": "某市人民政府"}
    return extract_files(FIXTURES / name, **flags)


@functools.cache
def extracted() -> dict[str, dict[str, Any]]:
    """Both fixtures through the pipeline, once per session (never at import)."""
    return {document: _extract(document) for document in DOCUMENTS}


def all_results() -> list[dict[str, Any]]:
    return [r for document in sorted(DOCUMENTS) for r in extracted()[document]["results"]]


def units() -> dict[str, dict[str, Any]]:
    return {u["id"]: u for data in extracted().values() for u in data["units"]}


HANS = "example-hans-2013"

RESULT_FILTERS: list[tuple[str, Callable[[dict[str, Any]], bool]]] = [
    ("", lambda r: True),
    (f"document={HANS}", lambda r: r["document_id"] == HANS),
    (f"chapter={HANS}.pt01.c01", lambda r: r["chapter_id"] == f"{HANS}.pt01.c01"),
    (f"paragraph={HANS}.pt01.p01", lambda r: r["paragraph_id"] == f"{HANS}.pt01.p01"),
    ("unit=percent", lambda r: r["unit"] == "percent"),
    ("quantity_kind=count", lambda r: units()[r["unit"]]["quantity_kind"] == "count"),
    ("comparator=gte", lambda r: r["comparator"] == "gte"),
    ("comparator=eq", lambda r: r["comparator"] == "eq"),
    ("direction=increase", lambda r: r.get("direction") == "increase"),
    ("estimate=true", lambda r: r["estimate"]),
    ("estimate=false", lambda r: not r["estimate"]),
    ("min_value=100000", lambda r: r["value"] >= 100000),
    ("min_value=5&max_value=9", lambda r: 5 <= r["value"] <= 9),
    ("q=生产总值", lambda r: "生產總值" in r["indicator"]["zh-Hant"]),
    ("q=產值", lambda r: "产值" in r["indicator"]["zh-Hans"]),
    ("q=就", lambda r: "就" in r["indicator"]["zh-Hans"]),
    ("q=%25", lambda r: False),
    (f"document={HANS}&estimate=true&unit=percent", lambda r: r["document_id"] == HANS and r["estimate"] and r["unit"] == "percent"),
]


def _load(url: str) -> None:
    engine = make_engine(url)
    try:
        for data in extracted().values():
            load_dataset(engine, data)
    finally:
        engine.dispose()


@pytest.fixture
def loaded(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """The session's app over the seed plus both whole-report fixtures (under their own document ids), of the engine given by the test's parameter."""
    return read_only_apps.client(request.param, "results", load=_load)


def _ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


def test_the_fixtures_have_results_in_both_documents() -> None:
    assert {r["document_id"] for r in all_results()} == set(DOCUMENTS)
    assert {r["estimate"] for r in all_results()} == {True, False}


@pytest.mark.parametrize("loaded", ENGINES, indirect=True)
def test_results_are_served_filtered_and_valid(loaded: TestClient[Any]) -> None:
    served = all_pages(loaded, "/v1/results?limit=500")
    assert served == all_results()
    for record in served:
        assert schema_problems(record, "result") == [], record["id"]
    for query, keep in RESULT_FILTERS:
        found = _ids(all_pages(loaded, f"/v1/results?limit=2&{query}"))
        assert found == [r["id"] for r in all_results() if keep(r)], query
    first = all_results()[0]
    assert loaded.get(f"/v1/results/{first['id']}").json() == first
    missing = loaded.get("/v1/results/no-such-id")
    assert (missing.status_code, missing.headers["content-type"]) == (404, "application/problem+json")
    assert missing.json()["detail"] == "no result with id 'no-such-id'"


@pytest.mark.parametrize("loaded", ENGINES, indirect=True)
def test_headline_filter_gives_the_headline_targets_of_every_document(loaded: TestClient[Any]) -> None:
    targets = [t for document in sorted(DOCUMENTS) for t in extracted()[document]["targets"]]
    headline = all_pages(loaded, "/v1/targets?limit=500&headline=true")
    assert _ids(headline) == [t["id"] for t in targets if t.get("headline")]
    assert {t["document_id"] for t in headline} == set(DOCUMENTS)
    assert [t["indicator"]["zh-Hans"] for t in headline if t["document_id"] == HANS] == [
        "地区生产总值",
        "居民消费价格涨幅",
        "新增就业岗位",
        "城镇登记失业率",
    ]
    others = _ids(all_pages(loaded, "/v1/targets?limit=500&headline=false"))
    everything = _ids(all_pages(loaded, "/v1/targets?limit=500"))
    assert len(others) + len(headline) == len(everything) and not set(others) & set(_ids(headline))
    assert _ids(all_pages(loaded, f"/v1/targets?limit=500&headline=true&document={HANS}&comparator=approx")) == [
        f"{HANS}.pt02.p02.m01.t1",
        f"{HANS}.pt02.p02.m02.t1",
    ]
    result_ids = {r["id"] for r in all_results()}
    assert not result_ids & set(everything)  # results never appear among targets
    hits = loaded.get("/v1/search?q=" + "地區生產總值" + "&limit=100").json()["data"]
    assert hits and all(hit["type"] in ("measure", "target") for hit in hits)  # search lists measures and targets only


@pytest.mark.parametrize("loaded", ["sqlite"], indirect=True)
def test_results_as_csv_ndjson_exports_and_dataset(loaded: TestClient[Any]) -> None:
    response = loaded.get(f"/v1/results?document={HANS}&format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["id"] for row in rows] == [r["id"] for r in all_results() if r["document_id"] == HANS]
    assert {row["estimate"] for row in rows} == {"true", "false"}
    lines = loaded.get("/v1/export/results.ndjson").text.splitlines()
    assert [json.loads(line) for line in lines] == all_results()
    exported = list(csv.DictReader(io.StringIO(loaded.get("/v1/export/results.csv").text)))
    assert len(exported) == len(all_results())
    package = loaded.get("/v1/export/datapackage.json").json()
    assert "results" in [resource["name"] for resource in package["resources"]]
    assert "results" in loaded.get("/v1").json()["links"]
    dataset = loaded.get("/v1/export/dataset.json").json()
    assert dataset["results"] == all_results()
    assert validate_data(dataset, "dataset") == ("dataset", [])


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/v1/results?estimate=maybe", "estimate"),
        ("/v1/results?comparator=more", "comparator"),
        ("/v1/results?quantity_kind=volume", "quantity_kind"),
        ("/v1/results?min_value=1e16", "min_value"),
        ("/v1/results?min_value=nan", "min_value"),
        ("/v1/results?chapter=Bad%20Id", "chapter"),
        ("/v1/results?headline=true", "headline"),
        ("/v1/targets?headline=yes please", "headline"),
    ],
)
def test_bad_result_and_headline_filters_are_400(reader: TestClient[Any], url: str, parameter: str) -> None:
    response = reader.get(url)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert parameter in response.text


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
def test_the_seed_has_no_results(reader: TestClient[Any]) -> None:
    assert reader.get("/v1/results").json()["meta"]["total"] == 0
    assert reader.get("/v1/targets?headline=true").json()["meta"]["total"] == 0
    assert reader.get("/v1/targets?headline=false").json()["meta"]["total"] == 65


@pytest.mark.parametrize("loaded", ENGINES, indirect=True)
def test_indicator_filter_lines_up_targets_and_results_across_documents(loaded: TestClient[Any]) -> None:
    targets = [t for document in sorted(DOCUMENTS) for t in extracted()[document]["targets"]]
    for code in ("gdp_growth", "new_jobs", "cpi_increase", "urban_unemployment_rate"):
        results = _ids(all_pages(loaded, f"/v1/results?limit=3&indicator={code}"))
        assert results == [r["id"] for r in all_results() if r.get("indicator_code") == code], code
        coded = _ids(all_pages(loaded, f"/v1/targets?limit=3&indicator={code}"))
        assert set(coded) >= {t["id"] for t in targets if t.get("indicator_code") == code}, code
    gdp = all_pages(loaded, "/v1/targets?limit=100&indicator=gdp_growth&headline=true")
    assert {t["document_id"] for t in gdp} == set(DOCUMENTS)  # this year's growth target of each report
    assert {r["document_id"] for r in all_pages(loaded, "/v1/results?limit=100&indicator=gdp_growth")} == set(DOCUMENTS)
    housing = _ids(all_pages(loaded, "/v1/targets?limit=100&indicator=affordable_housing&document=shanghai-2012"))
    assert len(housing) == 4  # floor area and dwellings, both coded
    for bad in ("GDP", "gdp-growth", "x"):
        response = loaded.get(f"/v1/targets?indicator={bad}")
        assert (response.status_code, response.headers["content-type"]) == (400, "application/problem+json"), bad
