"""The pages over whole reports loaded beside the seed: indicators with their series, results marked, bodies."""

from __future__ import annotations

import html
import re
from typing import Any

from litestar.testing import TestClient

from workreport_schema import load_codelist

from ...conftest import all_pages


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
    svg = body.split('<svg class="chart series"', 1)[1].split("</svg>", 1)[0]
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


def test_document_page_marks_every_result_apart_from_targets(compared_client: TestClient[Any]) -> None:
    body = _get(compared_client, "/documents/example-2013").text
    results = all_pages(compared_client, "/v1/results?document=example-2013&limit=500")
    assert results
    for result in results:
        mark = re.search(rf'<mark class="hl hl-result" data-kind="result" data-record="{re.escape(result["id"])}" '
                         rf'data-api="/v1/results/{re.escape(result["id"])}"[^>]*>(.*?)</mark>', body)  # fmt: skip
        assert mark is not None, result["id"]
        assert html.unescape(re.sub(r"<[^>]+>", "", mark.group(1))) == result["source"]["quote"]
    assert '<dt><mark class="hl hl-result">result</mark></dt>' in body
    assert f"{len(results)} results" in body


def test_document_page_charts_targets_per_chapter_and_quantities_by_unit(shared_sqlite_client: TestClient[Any]) -> None:
    body = _get(shared_sqlite_client, "/documents/shanghai-2012").text
    targets = all_pages(shared_sqlite_client, "/v1/targets?document=shanghai-2012&limit=500")
    chapters = body.split('class="chart stacked"', 1)[1].split("</svg>", 1)[0]
    assert "<title id=" in chapters and "<desc id=" in chapters and 'role="img"' in chapters
    qualitative = sum(1 for t in targets if t["type"] == "qualitative")
    assert chapters.count('class="part-qualitative"') <= qualitative and f"{qualitative} qualitative in all" in chapters
    charts = body.count('class="chart bars"')
    units = {t["unit"] for t in targets if t.get("value") is not None}
    assert charts == len(units)  # one chart per unit: never two units on one axis
    kinds = re.findall(r"<h3>(\w+)</h3>", body.split('id="charts"', 1)[1].split("</details>", 1)[0])
    assert kinds[:3] == ["area", "count", "ratio"] and len(kinds) == len(set(kinds))
    table = body.split('<table class="chart-data">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr><td>") == sum(1 for t in targets if t.get("value") is not None)
    assert "11,000,000" in table


def test_bodies_page_lists_bodies_with_their_measures_by_role(compared_client: TestClient[Any]) -> None:
    response = _get(compared_client, "/bodies")
    assert response.status_code == 200 and response.headers["link"] == '</v1/bodies>; rel="alternate"; type="application/json"'
    for body in all_pages(compared_client, "/v1/bodies?limit=500"):
        assert f'href="/bodies/{body["id"]}"' in response.text


def test_body_page_groups_measures_by_role_and_basis(compared_client: TestClient[Any]) -> None:
    response = _get(compared_client, "/bodies/org.trade-unions")
    assert response.status_code == 200
    assert response.headers["link"] == '</v1/bodies/org.trade-unions>; rel="alternate"; type="application/json"'
    measures = all_pages(compared_client, "/v1/bodies/org.trade-unions/measures?limit=500")
    groups = re.findall(r'<section class="role-group" data-role="(\w+)" data-basis="(\w+)">', response.text)
    expected = {(a["role"], a["basis"]) for m in measures for a in m["bodies"] if a["body_id"] == "org.trade-unions"}
    assert set(groups) == expected and len(groups) == len(expected)
    for measure in measures:
        assert f'href="/documents/{measure["document_id"]}#{measure["id"]}"' in response.text
    assert "named as <q" in response.text
    price = all_pages(compared_client, "/v1/bodies/shanghai.price-bureau/measures?limit=500")
    reasoned = {a["basis"] for m in price for a in m["bodies"] if a["body_id"] == "shanghai.price-bureau" and a.get("rationale")}
    assert reasoned  # a lexicon or a reviewer put the price bureau on some measure, and says why
    page = _get(compared_client, "/bodies/shanghai.price-bureau").text
    assert all(f'data-basis="{basis}"' in page for basis in reasoned) and "why: " in page
    several = _get(compared_client, "/bodies/shanghai.municipal-government").text
    order = re.findall(r'data-role="(\w+)" data-basis="(\w+)"', several)
    bases = [row["Code"] for row in load_codelist("assignment_basis").rows]
    assert order == sorted(order, key=lambda g: (["lead", "partner", "participant"].index(g[0]), bases.index(g[1])))


def test_body_pages_keep_the_api_errors_and_the_document_links_to_them(compared_client: TestClient[Any]) -> None:
    missing = _get(compared_client, "/bodies/nope<x>")
    assert missing.status_code == 404 and "nope&lt;x&gt;" in missing.text and missing.headers["content-type"].startswith("text/html")
    assert _get(compared_client, "/bodies?x=1").status_code == 400
    document = _get(compared_client, "/documents/shanghai-2012").text
    assert 'data-page="/bodies/org.trade-unions"' in document and '<a href="/bodies/org.trade-unions"' in document


def test_the_new_pages_share_the_edge(compared_client: TestClient[Any]) -> None:
    """ETag and 304, compression, Cache-Control and a canonical URL, like every page and the API."""
    for url in (
        "/indicators",
        "/indicators/gdp_growth?issuer=demo-city.government",
        "/bodies",
        "/bodies/org.trade-unions",
        "/search?q=建設&cursor=WyIxIiwyMF0",
    ):
        first = compared_client.get(url, headers={"Accept": "text/html", "Accept-Encoding": "gzip"})
        assert first.status_code == 200 and first.headers["content-encoding"] == "gzip", url
        assert first.headers["cache-control"] and first.headers["last-modified"]
        again = compared_client.get(url, headers={"Accept": "text/html", "Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]})
        assert again.status_code == 304, url
        assert '<link rel="canonical" href="http' in first.text and '<html lang="en">' in first.text


def test_targets_table_shows_headline_indicator_code_and_outcome(compared_client: TestClient[Any]) -> None:
    page = _get(compared_client, "/targets").text
    for header in ("headline", "indicator code", "outcome"):
        assert f">{header}</button>" in page
    outcomes = {o["target_id"]: o["outcome"] for o in all_pages(compared_client, "/v1/outcomes?principal=true&limit=500")}
    assert outcomes  # the comparison fixtures judge some targets
    rows = dict(re.findall(r'<tr data-id="([^"]+)"[^>]*?data-outcome="([^"]*)"', page))
    assert {target: outcome for target, outcome in rows.items() if outcome} == outcomes
    coded = next(t for t in all_pages(compared_client, "/v1/targets?indicator=gdp_growth&headline=true") if t["id"] in outcomes)
    assert '<a href="/indicators/gdp_growth">gdp_growth</a>' in page and f'data-id="{coded["id"]}"' in page
    for choice in ("headline", "indicator_code", "outcome"):
        assert f'<select name="{choice}"' in page
