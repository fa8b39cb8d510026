"""The Accept a handler reads is the one Litestar's header container gives, read without building the container."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Request

from workreport_api.http.negotiation import accept_header


def _request(headers: list[tuple[bytes, bytes]]) -> Request[Any, Any, Any]:
    scope: Any = {"type": "http", "method": "GET", "path": "/v1/x", "query_string": b"", "headers": headers, "state": {}}
    return Request(scope)


@pytest.mark.parametrize(
    "headers",
    [
        [],
        [(b"accept", b"*/*")],
        [(b"host", b"x"), (b"accept", b"text/csv, application/json;q=0.5")],
        [(b"accept", b"text/csv"), (b"accept", b"application/json")],
        [(b"Accept", b"application/json")],
        [(b"accept-encoding", b"br"), (b"accept", b"text/html\xe9")],
        [(b"accept", b"")],
    ],
)
def test_accept_header_is_litestars_reading(headers: list[tuple[bytes, bytes]]) -> None:
    assert accept_header(_request(headers)) == _request(headers).headers.get("accept")
