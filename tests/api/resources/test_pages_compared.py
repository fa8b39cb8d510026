"""The pages over whole reports loaded beside the seed: indicators with their series, results marked, bodies."""

from __future__ import annotations

import html
import re
from typing import Any

from litestar.testing import TestClient

from ..conftest import all_pages


def _get(client: TestClient[Any], url: str) -> Any:
    return client.get(url, headers={"Accept": "text/html"})


def test_indicators_page_lists_the_codelist_with_counts(compared_client: TestClient[Any]) -> None:
    response = _get(compared_client, "/indicators")
    assert response.status_code == 200 and response.headers["link"] == '</v1/indicators>; rel="alternate"; type="application/json"'
    indicators = all_pages(compared_client, "/v1/indicators?limit=500")
    for indicator in indicators:
        assert f'href="/indicators/{indicator["id"]}"' in response.text
    gdp = next(i for i in indicators if i["id"] == "gdp_growth")
    row = response.text.split('href="/indicators/gdp_growth"', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'<td class="number">(\d+)</td>', row) == [
        str(gdp[key]) for key in ("target_count", "result_count", "document_count")
    ]


def test_indicator_page_charts_targets_and_results_with_outcomes(compared_client: TestClient[Any]) -> None:
    response = _get(compared_client, "/indicators/gdp_growth")
    assert response.status_code == 200
    assert response.headers["link"] == '</v1/indicators/gdp_growth/series>; rel="alternate"; type="application/json"'
    assert response.headers["etag"] and "unsafe-inline" not in response.headers["content-security-policy"]
    body = response.text
    assert "style=" not in body and "<script>" not in body
    series = all_pages(compared_client, "/v1/indicators/gdp_growth/series?limit=500")
    svg = body.split('<svg xmlns="http://www.w3.org/2000/svg" class="chart series"', 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert svg.count("<circle") == sum(1 for p in series if p["kind"] == "result")
    assert svg.count('class="pt-target') == sum(1 for p in series if p["kind"] == "target")
    assert 'class="glyph outcome-not_met"' in svg  # demo-2012's 8%左右 against 7.5%
    table = body.split('<table class="series"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr class=") == len(series)
    assert table.count('data-outcome="not_met"') == 1 and table.count('data-kind="result"') == 5
    for point in series:
        assert f'href="/documents/{point["document_id"]}#{point["id"]}"' in html.unescape(body)
    assert "outside the target" in body and 'href="/v1/outcomes/demo-2012.' in body


def test_a_series_in_two_units_gets_two_charts(compared_client: TestClient[Any]) -> None:
    body = _get(compared_client, "/indicators/affordable_housing").text
    assert body.count('class="chart series"') == 2
    assert "square metre (m2)" in body and 'data-outcome="not_comparable"' in body


def test_indicator_page_filters_by_issuer_and_keeps_the_api_errors(compared_client: TestClient[Any]) -> None:
    one = _get(compared_client, "/indicators/gdp_growth?issuer=demo-city.government")
    assert one.status_code == 200 and one.text.count("<tr class=") == 4  # 2011 result, 2012 target and result, 2013 target
    assert one.headers["link"].startswith("</v1/indicators/gdp_growth/series?issuer=demo-city.government>")
    missing = _get(compared_client, "/indicators/no_such_code")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html") and "not-found" in missing.text
    assert compared_client.get("/v1/indicators/no_such_code").status_code == 404
    for url in ("/indicators/Bad-Code!", "/indicators/gdp_growth?issuer=", "/indicators/gdp_growth?kind=x"):
        page, api = _get(compared_client, url), compared_client.get("/v1" + url.replace("gdp_growth", "gdp_growth/series"))
        assert page.status_code == api.status_code == 400, url
        assert "invalid-parameters" in page.text
    unused = _get(compared_client, "/indicators/" + str(all_pages(compared_client, "/v1/indicators?used=false&limit=1")[0]["id"]))
    assert unused.status_code == 200 and "No loaded target or result carries this indicator" in unused.text
