"""Errors are RFC 9457 problem+json with a type that resolves, never a stack trace, never a 500 for bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.app import create_app
from workreport_api.settings import Settings

on_seed = pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


@on_seed
@pytest.mark.parametrize(
    ("url", "headers", "status", "slug"),
    [
        ("/v1/measures?limit=0", {}, 400, "invalid-parameters"),
        ("/v1/measures/nope", {}, 404, "not-found"),
        ("/nowhere", {}, 404, "not-found"),
        ("/_litestar/openapi.json", {}, 404, "not-found"),
        ("/v1/measures", {"accept": "application/xml"}, 406, "not-acceptable"),
        ("/v1/measures/shanghai-2012.c03.p01.m01", {"accept": "text/csv"}, 406, "not-acceptable"),
    ],
)
def test_problem_shape(client: TestClient[Any], url: str, headers: dict[str, str], status: int, slug: str) -> None:
    response = client.get(url, headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) >= PROBLEM_KEYS
    assert body["status"] == status and body["type"] == f"http://127.0.0.1:8000/problems/{slug}"
    assert body["instance"].startswith(url.split("?")[0])
    kind = client.get(f"/problems/{slug}").json()
    assert kind["status"] == status and kind["title"] == body["title"]


@on_seed
def test_unknown_and_repeated_parameters(client: TestClient[Any]) -> None:
    body = client.get("/v1/measures?colour=red&limit=1&limit=2").json()
    reasons = {p["name"]: p["reason"] for p in body["invalid_params"]}
    assert reasons["colour"].startswith("unknown parameter (this route takes: basis, body, bom, chapter, cursor, document")
    assert reasons["limit"] == "given more than once"
    assert client.get("/v1/measures/shanghai-2012.c03.p01.m01?limit=5").status_code == 400


def test_database_unavailable_is_503_with_retry_after(tmp_path: Path) -> None:
    settings = Settings.from_env({}, database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}", release_check_seconds=0.0)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        for url in ("/v1/measures", "/v1/measures/x", "/readyz", "/v1/search?q=a", "/v1/export/dataset.json"):
            response = client.get(url)
            assert response.status_code == 503, url
            assert response.headers["retry-after"] == "5"
            assert response.json()["type"].endswith("/problems/unavailable")
        assert client.get("/healthz").status_code == 200


@on_seed
def test_no_stack_traces_paths_or_versions(client: TestClient[Any]) -> None:
    for url in ("/v1/measures?limit=x", "/v1/export/..%2f..%2fetc%2fpasswd", "/schemas/v1/..%252fsecret", "/v1/measures?cursor=bad"):
        response = client.get(url)
        text = response.text + " ".join(f"{k}: {v}" for k, v in response.headers.items())
        assert response.status_code < 500
        for leak in ("Traceback", "/work/", "site-packages", ".py", "litestar", "uvicorn", "sqlalchemy", "python"):
            assert leak not in text.lower() if leak.islower() else leak not in text, (url, leak)


@on_seed
def test_unexpected_errors_are_500_problems_without_details(client: TestClient[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from workreport_api.resources import responses

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secret internal detail /work/main/x.py")

    monkeypatch.setattr(responses, "fetch_page", broken)
    response = client.get("/v1/measures?limit=3")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/problems/internal-error")
    assert "secret" not in response.text and "Traceback" not in response.text
    assert response.headers["access-control-allow-origin"] == "*"
