"""A corpus of bad requests against every route: each gets a specific 4xx problem, never a 500, never a leak."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from litestar.testing import TestClient

from workreport_api.app import create_app, litestar_of
from workreport_api.settings import Settings

from ..conftest import SEED_DATASET

SEED: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
EXAMPLE_IDS = {
    "document_id": "shanghai-2012",
    "chapter_id": "shanghai-2012.c03",
    "paragraph_id": "shanghai-2012.c03.p01",
    "measure_id": "shanghai-2012.c03.p03.m03",
    "target_id": "shanghai-2012.c03.p03.m03.t1",
    "result_id": "example-2013.pt01.c01.p01.r1",
    "code": "affordable_housing",
    "outcome_id": "demo-2012.pt02.p01.m01.t1.vs.demo-2013.pt01.p01.r1",
    "unit_id": "m2",
    "body_id": "org.trade-unions",
    "name": "measure.schema.json",
    "file": "measures.csv",
    "slug": "not-found",
    "script": "zh-Hans",
}
_ROUTE_APP = litestar_of(create_app(Settings.from_env({}, database_url="sqlite:///:memory:")))


def _concrete(path: str) -> str:
    if path.startswith("/static/docs/"):
        return "/static/docs/docs.js"
    if path.startswith("/static/pages/"):
        return "/static/pages/explorer.js"
    if path == "/v1/search":
        return "/v1/search?q=" + quote("養老")
    for key, value in EXAMPLE_IDS.items():
        path = path.replace("{" + key + ":str}", value)
    return path


ROUTES = sorted(_concrete(route.path) for route in _ROUTE_APP.routes if not route.path.startswith("/_litestar"))
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
LEAKS = ("Traceback", "/work/", "site-packages", 'File "', "litestar", "uvicorn", "sqlalchemy", "psycopg", "Python/")


def _check_problem(response: Any, status: int) -> None:
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["type"].startswith("http://127.0.0.1:8000/problems/")
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["x-content-type-options"] == "nosniff"
    exposed = response.text + "".join(f"{k}:{v}" for k, v in response.headers.items())
    assert not any(leak in exposed for leak in LEAKS), exposed[:300]


@pytest.fixture
def hostile(shared_sqlite_client: TestClient[Any]) -> TestClient[Any]:
    """Every request here is a read: the session's read-only app over the seed serves the whole corpus."""
    return shared_sqlite_client


@pytest.fixture
def with_results(compared_client: TestClient[Any]) -> TestClient[Any]:
    """The seed is an excerpt of tasks with no results: result and outcome examples need whole reports beside it."""
    return compared_client


def test_the_corpus_covers_every_route() -> None:
    assert len(ROUTES) >= 29 and all("{" not in route for route in ROUTES), ROUTES


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_answers_its_example(hostile: TestClient[Any], with_results: TestClient[Any], route: str) -> None:
    client = with_results if route.startswith(("/v1/results/", "/v1/outcomes/")) else hostile
    assert client.get(route, headers={"accept": "*/*"}).status_code == 200, route


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    ("suffix", "status"),
    [
        ("?no_such_parameter=1", 400),
        ("?no_such_parameter=1&no_such_parameter=2", 400),
        ("?x=%zz", 400),
        ("?x=%C3%28", 400),
        ("?x=%FF%FE", 400),
        ("?x=" + "a" * 5000, 414),
        ("?x=%00", 400),
    ],
    ids=["unknown", "repeated-unknown", "bad-escape", "bad-utf8", "bad-utf8-2", "long-query", "nul"],
)
def test_bad_query_strings_on_every_route(hostile: TestClient[Any], route: str, suffix: str, status: int) -> None:
    _check_problem(hostile.get(route + ("&" + suffix[1:] if "?" in route else suffix)), status)


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_writes_are_405_with_allow(hostile: TestClient[Any], route: str, method: str) -> None:
    response = hostile.request(method, route, content=b"{}")
    _check_problem(response, 405)
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("route", ROUTES)
def test_unsupported_accept_is_406(hostile: TestClient[Any], route: str) -> None:
    _check_problem(hostile.get(route, headers={"accept": "image/png"}), 406)


@pytest.mark.parametrize("route", LISTS)
@pytest.mark.parametrize(
    "query",
    [
        "limit=1e400", "limit=99999999999999999999", "limit=-5", "limit=0", "limit=2.5", "limit=abc", "limit=", "limit=%20",
        "limit=1&limit=2", "cursor=!!", "cursor=" + "A" * 600, "cursor=WyJ4Il0", "cursor=bm90IGpzb24", "format=xml", "bom=maybe",
    ],
)  # fmt: skip
def test_bad_numbers_and_cursors_on_every_list(hostile: TestClient[Any], route: str, query: str) -> None:
    _check_problem(hostile.get(f"{route}?{query}"), 400)


@pytest.mark.parametrize(
    "url",
    [
        "/v1/targets?min_value=1e309", "/v1/targets?max_value=-1e309", "/v1/targets?min_value=nan", "/v1/targets?min_value=-inf",
        "/v1/targets?min_value=1,5", "/v1/documents?year=2012.5", "/v1/documents?year=-2012", "/v1/measures?has_targets=2",
        "/v1/search?q=a&limit=100000", "/v1/search?q=" + "字" * 101, "/v1/search", "/v1/measures?document=" + "a" * 201,
        "/v1/measures?chapter=..%2f..%2fetc", "/v1/measures?basis='%20OR%201=1",
        "/search?q=a&cursor=!!", "/search?q=a&cursor=WyIxIiwxMDAwMDAwMF0", "/indicators/gdp_growth?issuer=", "/indicators/Bad-Code",
    ],
)  # fmt: skip
def test_bad_values(hostile: TestClient[Any], url: str) -> None:
    _check_problem(hostile.get(url), 400)


@pytest.mark.parametrize(
    "url",
    [
        "/schemas/v1/..%2f..%2fpyproject.toml", "/schemas/v1/..%252f..%252fsettings.py", "/schemas/v1/%2e%2e%2fmeasure.schema.json",
        "/schemas/v1/measure.schema.json%2f..", "/v1/export/..%2fdataset.json", "/v1/export/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/v1/export/..%252f..%252fetc%252fpasswd", "/static/docs/..%2f..%2fsettings.py", "/static/docs/%2e%2e%2fapp.py",
        "/v1/measures/..%2f..%2fsecret", "/v1/documents/..%2fshanghai-2012/text", "/v1/../v1/measures/x", "/problems/..%2fnot-found",
    ],
)  # fmt: skip
def test_path_traversal_finds_nothing(hostile: TestClient[Any], url: str) -> None:
    response = hostile.get(url)
    assert response.status_code in (400, 404), (url, response.status_code)
    _check_problem(response, response.status_code)


@pytest.mark.parametrize("url", ["/v1/measures/%ff", "/v1/%C0%AF", "/v1/measures/" + "x" * 3000, "/" + "a/" * 1500])
def test_bad_paths(hostile: TestClient[Any], url: str) -> None:
    response = hostile.get(url)
    assert response.status_code in (400, 404, 414)
    _check_problem(response, response.status_code)


@pytest.mark.parametrize("metacharacter", ["'", "%", "_", "\\", '"', "%%", "' OR '1'='1", "; DROP TABLE measures; --", "*", "?", "[", "^"])
def test_search_metacharacters_are_plain_text(hostile: TestClient[Any], metacharacter: str) -> None:
    for url in (f"/v1/measures?limit=500&q={quote(metacharacter)}", f"/v1/search?limit=500&q={quote(metacharacter)}"):
        response = hostile.get(url)
        assert response.status_code == 200, (url, response.text[:200])
        for item in response.json()["data"]:
            record = item.get("measure") or item.get("target") or item
            text = record.get("text", record.get("indicator", {}))
            assert any(metacharacter in value for value in text.values()), (metacharacter, text)
    assert hostile.get("/v1/measures?limit=1").json()["meta"]["total"] == len(SEED["measures"])


def test_percent_finds_only_text_with_percent(hostile: TestClient[Any]) -> None:
    found = hostile.get("/v1/measures?q=%25&limit=500").json()["data"]
    expected = [m["id"] for m in SEED["measures"] if "%" in m["text"]["zh-Hant"]]
    assert [m["id"] for m in found] == expected and 0 < len(expected) < 10
