"""Outcomes and series across documents, end to end: three reports written for the tests loaded through
`workreport ingest` beside the seed, served on SQLite and PostgreSQL.

`tests/api/fixtures/comparisons/`: demo-2012 (Simplified, full-width) sets targets for 2012; demo-2013
(Traditional, ASCII punctuation) reviews 2012 — some met, some missed, one in another unit — and sets
targets for 2013; sample-2013 is another issuer's report, never compared with the first.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.cli.main import main

from ...conftest import ENGINES, ReadOnlyApps
from ..conftest import all_pages

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "comparisons"
DOCUMENTS = ("demo-2012", "demo-2013", "sample-2013")

EXPECTED = {
    # indicator: (outcome, why)
    "gdp_growth": ("not_met", "增长8%左右 against 增長7.5%: below 7.6"),
    "budget_revenue_growth": ("met", "增长9% against 增長10.2%"),
    "cpi_increase": ("met", "控制在3.5%以内 against 上漲2.8%"),
    "new_jobs": ("met", "50万个以上 against 52萬個"),
    "urban_unemployment_rate": ("not_met", "控制在4.5%以内 against 4.6%"),
    "elderly_care_beds": ("not_met", "新增养老床位5000张 against 4800張"),
    "affordable_housing": ("not_comparable", "1000万平方米 against 12萬套: units differ"),
}


def ingest(url: str, *documents: str) -> None:
    assert main(["ingest", *(str(FIXTURES / document) for document in documents), "--database-url", url]) == 0


@pytest.fixture
def compared(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> TestClient[Any]:
    """The session's app over the seed plus the comparison fixtures, of the engine given by the test's parameter."""
    return read_only_apps.client(request.param, "outcomes", load=lambda url: ingest(url, *DOCUMENTS))


@pytest.mark.parametrize("compared", ENGINES, indirect=True)
def test_last_years_targets_with_their_outcomes_in_one_request(compared: TestClient[Any]) -> None:
    outcomes = all_pages(compared, "/v1/outcomes?document=demo-2012&limit=3")
    assert {o["indicator_code"]: o["outcome"] for o in outcomes} == {code: outcome for code, (outcome, _) in EXPECTED.items()}
    assert len(outcomes) == len(EXPECTED)
    for outcome in outcomes:
        assert (outcome["target_document_id"], outcome["result_document_id"]) == ("demo-2012", "demo-2013")
        assert (outcome["issuer_id"], outcome["year"], outcome["principal"]) == ("demo-city.government", 2012, True)
        assert outcome["id"] == f"{outcome['target_id']}.vs.{outcome['result_id']}"
        target = compared.get(f"/v1/targets/{outcome['target_id']}").json()
        result = compared.get(f"/v1/results/{outcome['result_id']}").json()
        assert target["indicator_code"] == result["indicator_code"] == outcome["indicator_code"]
        assert (outcome["target"]["value"], outcome["result"]["value"]) == (target["value"], result["value"])
    gdp = next(o for o in outcomes if o["indicator_code"] == "gdp_growth")
    assert gdp["method"]["tolerance"] == pytest.approx(0.4) and gdp["method"]["target_interval"][1] is None
    assert "7.5" in gdp["reason"] and "outside" in gdp["reason"]
    assert gdp["target"]["stated"] == "8%左右" and gdp["result"]["stated"] == "7.5%"
    housing = next(o for o in outcomes if o["indicator_code"] == "affordable_housing")
    assert (housing["target"]["unit"], housing["result"]["unit"]) == ("m2", "dwelling") and "units differ" in housing["reason"]
    assert compared.get(f"/v1/outcomes/{gdp['id']}").json() == gdp
    stated = {o["indicator_code"]: (o["stated_outcome"], (o["stated_outcome_source"] or {}).get("quote")) for o in outcomes}
    assert stated["budget_revenue_growth"] == ("exceeded", "超額完成年度目標")  # the report's words, beside the computed met
    assert stated["elderly_care_beds"] == ("not_met", "未完成年度計劃")
    assert stated["gdp_growth"] == (None, None)  # no words: only the computed outcome
    assert [o["indicator_code"] for o in all_pages(compared, "/v1/outcomes?stated_outcome=exceeded")] == ["budget_revenue_growth"]
    assert all_pages(compared, "/v1/outcomes?issuer=sample-city.government") == []  # another issuer is never compared
    assert [o["indicator_code"] for o in all_pages(compared, "/v1/outcomes?outcome=not_met")] == [
        "gdp_growth",
        "urban_unemployment_rate",
        "elderly_care_beds",
    ]
    assert all_pages(compared, "/v1/outcomes?year=2013") == []  # nothing reviews 2013 yet: nothing is invented
    missing = compared.get("/v1/outcomes/no-such-outcome")
    assert (missing.status_code, missing.headers["content-type"]) == (404, "application/problem+json")


@pytest.mark.parametrize("compared", ENGINES, indirect=True)
def test_a_target_carries_its_outcome_and_lists_filter_by_outcome(compared: TestClient[Any]) -> None:
    outcomes = {o["indicator_code"]: o for o in all_pages(compared, "/v1/outcomes?document=demo-2012")}
    gdp = outcomes["gdp_growth"]
    target = compared.get(f"/v1/targets/{gdp['target_id']}").json()
    assert (target["outcome"], target["outcomes"]) == ("not_met", [gdp])
    listed = next(t for t in all_pages(compared, "/v1/targets?document=demo-2012") if t["id"] == gdp["target_id"])
    assert {key: value for key, value in target.items() if key not in ("outcome", "outcomes")} == listed
    road = next(t for t in all_pages(compared, "/v1/targets?document=demo-2012") if "indicator_code" not in t)
    assert (compared.get(f"/v1/targets/{road['id']}").json()["outcome"], compared.get(f"/v1/targets/{road['id']}").json()["outcomes"]) == (
        None,
        [],
    )
    for code in ("met", "not_met", "not_comparable"):
        ids = [t["id"] for t in all_pages(compared, f"/v1/targets?document=demo-2012&outcome={code}")]
        assert ids == [o["target_id"] for o in outcomes.values() if o["outcome"] == code], code
        results = [r["id"] for r in all_pages(compared, f"/v1/results?outcome={code}")]
        assert results == [o["result_id"] for o in outcomes.values() if o["outcome"] == code], code
    unassessed = {t["id"] for t in all_pages(compared, "/v1/targets?document=demo-2012&outcome=unassessed&limit=100")}
    everything = {t["id"] for t in all_pages(compared, "/v1/targets?document=demo-2012&limit=100")}
    assert unassessed == everything - {o["target_id"] for o in outcomes.values()} and road["id"] in unassessed
    assert compared.get("/v1/targets?outcome=won").status_code == 400


@pytest.mark.parametrize("compared", ENGINES, indirect=True)
def test_an_indicator_series_across_documents_and_issuers(compared: TestClient[Any]) -> None:
    series = all_pages(compared, "/v1/indicators/gdp_growth/series?limit=2")
    keys = [(p["year"], p["issuer_id"], p["document_id"], p["kind"]) for p in series]
    assert keys == [
        (2011, "demo-city.government", "demo-2012", "result"),  # demo-2012's review of 2011
        (2012, "demo-city.government", "demo-2012", "target"),
        (2012, "demo-city.government", "demo-2013", "result"),
        (2012, "sample-city.government", "sample-2013", "result"),
        (2013, "demo-city.government", "demo-2013", "target"),
        (2013, "sample-city.government", "sample-2013", "target"),
    ]
    assert [p["value"] for p in series] == [8.9, 8, 7.5, 9.5, 7.5, 9]
    assert [p["outcome"] for p in series] == [None, "not_met", None, None, None, None]
    assert all(p["indicator_code"] == "gdp_growth" and p["unit"] == "percent" for p in series)
    only_demo = all_pages(compared, "/v1/indicators/gdp_growth/series?issuer=demo-city.government&kind=target")
    assert [(p["year"], p["document_id"]) for p in only_demo] == [(2012, "demo-2012"), (2013, "demo-2013")]
    response = compared.get("/v1/indicators/gdp_growth/series?format=csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(row["id"], row["year"], row["outcome"]) for row in rows] == [(p["id"], str(p["year"]), p["outcome"] or "") for p in series]
    assert compared.get("/v1/indicators/no_such_code/series").status_code == 404
    assert compared.get("/v1/indicators/Bad Code/series").status_code == 400


@pytest.mark.parametrize("compared", ENGINES, indirect=True)
def test_indicators_list_the_codelist_with_counts(compared: TestClient[Any]) -> None:
    indicators = all_pages(compared, "/v1/indicators?limit=100")
    assert [i["id"] for i in indicators] == sorted(i["id"] for i in indicators) and len(indicators) >= 18
    gdp = compared.get("/v1/indicators/gdp_growth").json()
    assert (gdp["target_count"], gdp["result_count"], gdp["document_count"]) == (3, 3, 3)
    assert gdp["title"]["en"] == "Regional GDP growth" and "地區生產總值增長" in gdp["words"]["zh-Hant"]
    series = all_pages(compared, "/v1/indicators/gdp_growth/series?limit=100")
    assert len(series) == gdp["target_count"] + gdp["result_count"]
    used = {i["id"] for i in all_pages(compared, "/v1/indicators?used=true&limit=100")}
    unused = {i["id"] for i in all_pages(compared, "/v1/indicators?used=false&limit=100")}
    assert used == {i["id"] for i in indicators if i["target_count"] + i["result_count"]} and used.isdisjoint(unused)
    assert used | unused == {i["id"] for i in indicators}
    assert compared.get("/v1/indicators/no_such_code").status_code == 404


@pytest.mark.parametrize("compared", ["sqlite"], indirect=True)
def test_exports_and_the_data_package_include_indicators_and_outcomes(compared: TestClient[Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(compared.get("/v1/export/outcomes.csv").text)))
    assert {row["indicator_code"]: row["outcome"] for row in rows if row["target_document_id"] == "demo-2012"} == {
        code: outcome for code, (outcome, _) in EXPECTED.items()
    }
    assert rows[0]["target.unit"] and rows[0]["result.value"]
    indicators = list(csv.DictReader(io.StringIO(compared.get("/v1/export/indicators.csv").text)))
    assert next(row for row in indicators if row["id"] == "gdp_growth")["target_count"] == "3"
    package = compared.get("/v1/export/datapackage.json").json()
    names = [resource["name"] for resource in package["resources"]]
    assert {"results", "indicators", "outcomes", "series"} <= set(names)
    outcome_schema = next(r for r in package["resources"] if r["name"] == "outcomes")["schema"]
    assert {"fields": ["result_id"], "reference": {"resource": "results", "fields": ["id"]}} in outcome_schema["foreignKeys"]
    links = compared.get("/v1").json()["links"]
    assert links["indicators"].endswith("/v1/indicators") and links["outcomes"].endswith("/v1/outcomes")
