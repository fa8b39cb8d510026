"""A cacheable response starts as Litestar's own response of the same bytes would, and leaves its directive."""

from __future__ import annotations

import asyncio
import datetime
from typing import Any

import pytest
from litestar import Response
from litestar.testing import RequestFactory

from workreport_api.db.reading import ReleaseInfo
from workreport_api.edge.directives import STATE_KEY, CacheDirective
from workreport_api.http.directives import CacheableResponse

RELEASE = ReleaseInfo(1, "sha256:x", datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))


async def _messages(app: Any) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    await app({"type": "http", "method": "GET"}, receive, send)
    return sent


@pytest.mark.parametrize(
    ("media_type", "headers"),
    [
        ("application/json", {}),
        ("application/json", {"Link": '<http://x/v1/measures?cursor=abc>; rel="next"'}),
        ("text/html", {"Content-Security-Policy": "default-src 'self'", "Link": "</v1/x>; rel=alternate"}),
        ("text/plain", {}),
        ("application/zip", {"Content-Disposition": 'attachment; filename="schemas.zip"'}),
    ],
)
def test_the_same_messages_as_litestars_response(media_type: str, headers: dict[str, str]) -> None:
    body = '{"養老":1}'.encode()
    request = RequestFactory().get("/v1/x")
    request.scope["state"] = {}  # type: ignore[typeddict-unknown-key]
    ours = CacheableResponse(body, media_type=media_type, headers=headers, directive=CacheDirective(RELEASE))
    theirs = Response(body, media_type=media_type, headers=headers)
    kwargs: dict[str, Any] = {"headers": {}, "cookies": [], "background": None, "media_type": "application/json", "status_code": 200}
    assert asyncio.run(_messages(ours.to_asgi_response(None, request, **kwargs))) == asyncio.run(
        _messages(theirs.to_asgi_response(None, request, **kwargs))
    )
    assert request.scope["state"][STATE_KEY] == CacheDirective(RELEASE)  # type: ignore[typeddict-item]
