"""The pages under /: status, content, escaping, CSP, and marks at exactly their records' characters."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from litestar.testing import TestClient

from tests.api.conftest import all_pages

DOCUMENT = "shanghai-2012"


def _get(client: TestClient[Any], url: str) -> Any:
    return client.get(url, headers={"Accept": "text/html"})


def test_home_lists_documents_with_counts_and_links(shared_sqlite_client: TestClient[Any]) -> None:
    response = _get(shared_sqlite_client, "/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    body = response.text
    assert f'href="/documents/{DOCUMENT}"' in body
    for link in (
        'action="/search"',
        'href="/docs"',
        'href="/schemas/v1"',
        'href="/v1/export/dataset.json"',
        "<code>clients/python/README.md</code>",
    ):
        assert link in body
    assert "<td>434</td>" in body and "<td>65</td>" in body


def test_pages_have_a_strict_csp_and_only_our_assets(shared_sqlite_client: TestClient[Any]) -> None:
    for url in (
        "/",
        f"/documents/{DOCUMENT}",
        "/search?q=養老",
        "/indicators",
        "/indicators/affordable_housing",
        "/bodies",
        "/bodies/org.trade-unions",
    ):
        response = _get(shared_sqlite_client, url)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "style-src 'self';" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp
        assert "<script>" not in response.text and "style=" not in response.text and "http://" not in response.text.split("</header>")[1]
        for asset in re.findall(r'(?:src|href)="(/static/pages/[^"]+)"', response.text):
            assert shared_sqlite_client.get(html.unescape(asset)).status_code == 200


def test_pages_are_cacheable_with_etags(shared_sqlite_client: TestClient[Any]) -> None:
    first = _get(shared_sqlite_client, f"/documents/{DOCUMENT}")
    etag = first.headers["etag"]
    again = shared_sqlite_client.get(f"/documents/{DOCUMENT}", headers={"Accept": "text/html", "If-None-Match": etag})
    assert again.status_code == 304


def test_document_page_marks_every_record_at_its_characters(shared_sqlite_client: TestClient[Any]) -> None:
    body = _get(shared_sqlite_client, f"/documents/{DOCUMENT}").text
    measures = all_pages(shared_sqlite_client, f"/v1/measures?document={DOCUMENT}&limit=500")
    targets = all_pages(shared_sqlite_client, f"/v1/targets?document={DOCUMENT}&limit=500")
    for record in measures + targets:
        assert f'id="{record["id"]}"' in body
    # With tags removed, each article's text is exactly the document text.
    text = shared_sqlite_client.get(f"/v1/documents/{DOCUMENT}/text").text
    article = body.split('<div class="text"', 1)[1].split("</article>", 1)[0]
    plain = html.unescape(re.sub(r"<[^>]+>", "", article.split(">", 1)[1]))
    assert re.sub(r"\s", "", plain) == re.sub(r"\s", "", text)
    assert 'class="hl hl-target"' in body and 'class="hl hl-body"' in body
    assert "include_in_schema" not in body


def test_search_page_highlights_hits_across_scripts(shared_sqlite_client: TestClient[Any]) -> None:
    response = _get(shared_sqlite_client, "/search?q=养老")
    assert response.status_code == 200
    assert '<mark class="hit">養老</mark>' in response.text
    assert f'href="/documents/{DOCUMENT}#' in response.text
    one = _get(shared_sqlite_client, "/search?q=菜")
    assert '<mark class="hit">菜</mark>' in one.text
    empty = _get(shared_sqlite_client, "/search")
    assert empty.status_code == 200


def test_search_page_escapes_the_query(shared_sqlite_client: TestClient[Any]) -> None:
    response = _get(shared_sqlite_client, '/search?q=<script>alert("x")</script>')
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in response.text


def test_script_text_keeps_every_offset(shared_sqlite_client: TestClient[Any]) -> None:
    text = shared_sqlite_client.get(f"/v1/documents/{DOCUMENT}/text").text
    simplified = shared_sqlite_client.get(f"/documents/{DOCUMENT}/script/zh-Hans").text
    assert len(simplified) == len(text) and simplified != text
    assert "养老" in simplified
    assert shared_sqlite_client.get(f"/documents/{DOCUMENT}/script/xx").status_code == 404


def test_pages_are_not_in_the_openapi_document(shared_sqlite_client: TestClient[Any]) -> None:
    paths = shared_sqlite_client.get("/openapi.json").json()["paths"]
    assert not [path for path in paths if path == "/" or path.startswith(("/documents", "/search", "/static", "/indicators", "/bodies"))]


def test_page_errors_are_html_for_browsers_with_the_problem_details(shared_sqlite_client: TestClient[Any]) -> None:
    response = _get(shared_sqlite_client, "/documents/nope<script>")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "not-found" in response.text and "nope&lt;script&gt;" in response.text
    bad = _get(shared_sqlite_client, "/search?q=x&q=y")
    assert bad.status_code == 400 and "invalid-parameters" in bad.text
    machine = shared_sqlite_client.get("/documents/nope", headers={"Accept": "application/json"})
    assert machine.status_code in (404, 406) and machine.status_code != 500


def test_targets_page_lists_every_target_linked_to_the_text(shared_sqlite_client: TestClient[Any]) -> None:
    response = _get(shared_sqlite_client, "/targets")
    assert response.status_code == 200
    targets = all_pages(shared_sqlite_client, "/v1/targets?limit=500")
    for target in targets:
        assert f'href="/documents/{target["document_id"]}#{target["id"]}"' in response.text
    assert response.text.count("<tr data-id=") == len(targets)
    assert "<option>quantitative</option>" in response.text


def test_pages_link_their_json_twin_and_canonical_url(shared_sqlite_client: TestClient[Any]) -> None:
    for url, twin in (("/", "/v1"), (f"/documents/{DOCUMENT}", f"/v1/documents/{DOCUMENT}"), ("/targets", "/v1/targets")):
        response = _get(shared_sqlite_client, url)
        assert response.headers["link"] == f'<{twin}>; rel="alternate"; type="application/json"'
        assert '<link rel="canonical" href="http' in response.text
    search = _get(shared_sqlite_client, "/search?q=養老")
    assert search.headers["link"].startswith("</v1/search?q=%E9%A4%8A%E8%80%81&limit=20>")


def _hit_ids(body: str) -> list[str]:
    return re.findall(r'<span class="id">([^<]+)</span>', body)


def test_search_pages_follow_the_api_cursor(shared_sqlite_client: TestClient[Any]) -> None:
    api = shared_sqlite_client.get("/v1/search?q=%E5%BB%BA%E8%A8%AD&limit=20").json()  # 建設: more than two pages
    assert api["meta"]["total"] > 40
    first = _get(shared_sqlite_client, "/search?q=建設")
    assert _hit_ids(first.text) == [hit["id"] for hit in api["data"]]
    assert 'rel="prev"' not in first.text and "1–20 shown" in first.text
    following = re.search(r'<a rel="next" href="([^"]+)">', first.text)
    assert following is not None and html.unescape(following.group(1)).endswith("&cursor=" + api["meta"]["next_cursor"])
    second = _get(shared_sqlite_client, html.unescape(following.group(1)))
    api_second = shared_sqlite_client.get(api["links"]["next"].removeprefix("http://127.0.0.1:8000")).json()
    assert second.status_code == 200 and _hit_ids(second.text) == [hit["id"] for hit in api_second["data"]]
    assert '<ol class="hits" start="21">' in second.text and "21–40 shown" in second.text
    assert second.headers["link"].startswith(f"</v1/search?q=%E5%BB%BA%E8%A8%AD&limit=20&cursor={api['meta']['next_cursor']}>")
    back = re.search(r'<a rel="prev" href="([^"]+)">', second.text)
    assert back is not None and html.unescape(back.group(1)) == "/search?q=%E5%BB%BA%E8%A8%AD"
    third = _get(shared_sqlite_client, html.unescape(re.findall(r'<a rel="next" href="([^"]+)">', second.text)[0]))
    assert "&amp;cursor=" in re.findall(r'<a rel="prev" href="([^"]+)">', third.text)[0]
    assert '<mark class="hit">建設</mark>' in third.text


@pytest.mark.parametrize("cursor", ["!!", "A" * 600, "WyJ4Il0", "bm90IGpzb24", "WyIxIiwxMDAwMDAwMF0"])
def test_search_page_refuses_a_cursor_the_api_refuses(shared_sqlite_client: TestClient[Any], cursor: str) -> None:
    page = _get(shared_sqlite_client, f"/search?q=%E5%BB%BA&cursor={cursor}")
    api = shared_sqlite_client.get(f"/v1/search?q=%E5%BB%BA&cursor={cursor}")
    assert page.status_code == api.status_code == 400
    assert page.headers["content-type"].startswith("text/html") and "invalid-parameters" in page.text
