"""The read-only method policy and CORS preflights (edge/methods.py)."""

from __future__ import annotations

import pytest

from workreport_api.edge.methods import ALLOWED_METHODS, PREFLIGHT_HEADERS, method_problem, options_headers
from workreport_api.edge.request import Request


def request(method: str, path: bytes = b"/v1", headers: dict[bytes, bytes] | None = None) -> Request:
    made = Request({"type": "http", "method": method, "path": "/", "raw_path": path, "query_string": b"", "headers": []})
    made.headers = headers or {}
    return made


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", b"/v1", None),
        ("HEAD", b"/v1/measures", None),
        ("OPTIONS", b"/v1", None),
        ("POST", b"/v1", ("method-not-allowed", 405)),
        ("DELETE", b"/v1/measures/x", ("method-not-allowed", 405)),
        ("PROPFIND", b"/", ("method-not-allowed", 405)),
        ("GET", b"/_litestar/openapi.json", ("not-found", 404)),
        ("OPTIONS", b"/_litestar", ("not-found", 404)),
        ("POST", b"/_litestar/x", ("not-found", 404)),
    ],
)
def test_method_problem(method: str, path: bytes, expected: tuple[str, int] | None) -> None:
    problem = method_problem(request(method, path))
    assert (problem[:2] if problem else None) == expected
    if problem and problem[1] == 405:
        assert problem[3] == [(b"allow", ALLOWED_METHODS)]
        assert method in problem[2]


def test_options_without_a_preflight_only_says_allow() -> None:
    assert options_headers(request("OPTIONS")) == [(b"allow", ALLOWED_METHODS)]


@pytest.mark.parametrize(("requested", "allowed"), [(None, PREFLIGHT_HEADERS), (b"x-custom, accept", b"x-custom, accept")])
def test_preflight_allows_what_was_asked(requested: bytes | None, allowed: bytes) -> None:
    headers = {b"access-control-request-method": b"GET"}
    if requested is not None:
        headers[b"access-control-request-headers"] = requested
    answer = dict(options_headers(request("OPTIONS", headers=headers)))
    assert answer[b"access-control-allow-methods"] == ALLOWED_METHODS
    assert answer[b"access-control-allow-headers"] == allowed
    assert answer[b"access-control-max-age"] == b"86400"
