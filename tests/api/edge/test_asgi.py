"""What every response shares: CORS, security headers, compression, HEAD, methods, request-line checks."""

from __future__ import annotations

import gzip
from typing import Any

import brotli
import pytest
from litestar.testing import TestClient

from ...conftest import ReadOnlyApps

ON_SQLITE = pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
SAMPLES = ["/v1/measures", "/v1/measures/nope", "/v1/measures?limit=0", "/nope", "/docs", "/healthz"]


@ON_SQLITE
@pytest.mark.parametrize("url", SAMPLES)
def test_cors_and_security_headers_on_every_response(reader: TestClient[Any], url: str) -> None:
    response = reader.get(url, headers={"origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    exposed = response.headers["access-control-expose-headers"]
    assert "ETag" in exposed and "Link" in exposed
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "content-security-policy" in response.headers
    assert "server" not in response.headers
    assert "x-wr-cache" not in response.headers


@ON_SQLITE
def test_docs_page_csp_allows_only_our_assets(reader: TestClient[Any]) -> None:
    csp = reader.get("/docs").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "http" not in csp


@ON_SQLITE
def test_preflight(reader: TestClient[Any]) -> None:
    response = reader.options(
        "/v1/measures",
        headers={"origin": "https://x.test", "access-control-request-method": "GET", "access-control-request-headers": "If-None-Match"},
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS"
    assert response.headers["access-control-allow-headers"] == "If-None-Match"
    assert reader.options("/v1/measures").headers["allow"] == "GET, HEAD, OPTIONS"


def test_specific_origins(read_only_apps: ReadOnlyApps) -> None:
    client = read_only_apps.client("sqlite", cors_allow_origins="https://a.test, https://b.test")
    allowed = client.get("/v1", headers={"origin": "https://a.test"})
    assert allowed.headers["access-control-allow-origin"] == "https://a.test"
    assert "Origin" in allowed.headers["vary"]
    assert "access-control-allow-origin" not in client.get("/v1", headers={"origin": "https://evil.test"}).headers


@ON_SQLITE
@pytest.mark.parametrize(("coding", "decode"), [("gzip", gzip.decompress), ("br", brotli.decompress)])
@pytest.mark.parametrize("url", ["/v1/measures?limit=50", "/v1/export/measures.csv", "/schemas/v1/measure.schema.json"])
def test_compression(reader: TestClient[Any], url: str, coding: str, decode: Any) -> None:
    plain = reader.get(url, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    with reader.stream("GET", url, headers={"accept-encoding": coding}) as response:
        assert response.headers["content-encoding"] == coding
        raw = b"".join(response.iter_raw())
    assert decode(raw) == plain.content
    assert len(raw) < len(plain.content)


@ON_SQLITE
def test_small_bodies_and_q0_stay_identity(reader: TestClient[Any]) -> None:
    assert "content-encoding" not in reader.get("/healthz", headers={"accept-encoding": "gzip"}).headers
    assert "content-encoding" not in reader.get("/v1/measures", headers={"accept-encoding": "gzip;q=0, br;q=0"}).headers


@ON_SQLITE
@pytest.mark.parametrize("url", ["/v1/measures?limit=3", "/v1/export/measures.csv", "/v1/measures/nope"])
def test_head_has_headers_and_no_body(reader: TestClient[Any], url: str) -> None:
    get = reader.get(url, headers={"accept-encoding": "identity"})
    head = reader.head(url, headers={"accept-encoding": "identity"})
    assert head.status_code == get.status_code
    assert head.content == b""
    assert head.headers.get("etag") == get.headers.get("etag")
    assert head.headers["content-type"] == get.headers["content-type"]


@ON_SQLITE
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT"])
@pytest.mark.parametrize("url", ["/v1/measures", "/v1/measures/x", "/nope"])
def test_other_methods_are_405_with_allow(reader: TestClient[Any], method: str, url: str) -> None:
    response = reader.request(method, url)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["type"].endswith("/problems/method-not-allowed")


@ON_SQLITE
@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("/v1/measures?q=%zz", 400),
        ("/v1/measures?q=%E9%A4", 400),
        ("/v1/measures/%ff%fe", 400),
        ("/v1/%", 400),
        ("/v1/measures?" + "q=" + "a" * 5000, 414),
        ("/v1/" + "a" * 3000, 414),
    ],
)
def test_request_line_checks(reader: TestClient[Any], raw: str, status: int) -> None:
    response = reader.get(raw)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"


def test_deprecation_headers(read_only_apps: ReadOnlyApps) -> None:
    client = read_only_apps.client("sqlite", deprecated_since="2027-01-01", sunset="2027-12-31")
    response = client.get("/v1/measures")
    assert response.headers["deprecation"] == "@1798761600"
    assert response.headers["sunset"] == "Fri, 31 Dec 2027 00:00:00 GMT"
    assert 'rel="deprecation"' in response.headers["link"]
    assert "deprecation" not in read_only_apps.client("sqlite").get("/v1/measures").headers
