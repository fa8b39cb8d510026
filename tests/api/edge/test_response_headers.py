"""CORS, security and deprecation fields on every response (edge/response_headers.py)."""

from __future__ import annotations

import pytest

from workreport_api.edge.request import Request
from workreport_api.edge.response_headers import DEFAULT_CSP, EXPOSED, SharedHeaders, deprecation_headers
from workreport_api.settings import Settings


def request(origin: str | None = None) -> Request:
    made = Request({"type": "http", "method": "GET", "path": "/", "raw_path": b"/", "query_string": b"", "headers": []})
    made.headers = {} if origin is None else {b"origin": origin.encode()}
    return made


@pytest.mark.parametrize(
    ("allowed", "origin", "expected"),
    [
        ("*", None, b"*"),
        ("*", "https://a.test", b"*"),
        ("https://a.test, https://b.test", "https://b.test", b"https://b.test"),
        ("https://a.test, https://b.test", "https://c.test", None),
        ("https://a.test", None, None),
    ],
)
def test_allowed_origin(allowed: str, origin: str | None, expected: bytes | None) -> None:
    fields = dict(SharedHeaders(Settings.from_env({}, cors_allow_origins=allowed)).common(request(origin)))
    assert fields.get(b"access-control-allow-origin") == expected
    assert fields[b"access-control-expose-headers"] == EXPOSED
    assert fields[b"x-content-type-options"] == b"nosniff"


def test_a_response_with_its_own_policy_keeps_it() -> None:
    shared = SharedHeaders(Settings.from_env({}))
    assert (b"content-security-policy", DEFAULT_CSP) in shared.common(request())
    assert all(name != b"content-security-policy" for name, _ in shared.common(request(), has_csp=True))


def test_the_lists_are_built_once() -> None:
    shared = SharedHeaders(Settings.from_env({}))
    assert shared.common(request()) is shared.common(request("https://a.test"))


def test_deprecation_and_sunset() -> None:
    settings = Settings.from_env({}, deprecated_since="2026-12-01", sunset="2027-06-01T00:00:00+00:00", public_base_url="http://h.test/")
    assert deprecation_headers(settings) == [
        (b"deprecation", b"@1796083200"),
        (b"link", b'<http://h.test/docs>; rel="deprecation"'),
        (b"sunset", b"Tue, 01 Jun 2027 00:00:00 GMT"),
    ]
    assert deprecation_headers(Settings.from_env({})) == []
