"""A marked response whose body comes in several messages reaches the client whole, with a Content-Length that
matches it, whatever the cache size, the kind of response, the coding and the method (issue: a three-message body
was once cut to its first message)."""

from __future__ import annotations

import asyncio
import datetime
import gzip
from pathlib import Path
from typing import Any

import pytest

from workreport_api.db.reading import ReleaseInfo
from workreport_api.edge.asgi import Edge
from workreport_api.edge.directives import STATE_KEY, CacheDirective
from workreport_api.edge.release_watch import ReleaseWatcher
from workreport_api.settings import Settings

RELEASE = ReleaseInfo(1, "sha256:x", datetime.datetime(2026, 11, 29, tzinfo=datetime.UTC))
PIECES = [b"a,b\n" * 250, b"c,d\n" * 250, b"e,f\n" * 250]
BODY = b"".join(PIECES)


class Watcher(ReleaseWatcher):
    async def current(self) -> ReleaseInfo | None:
        return RELEASE


def _app(directive: CacheDirective, content_type: bytes) -> Any:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        scope["state"][STATE_KEY] = directive
        headers = [(b"content-type", content_type), (b"content-length", str(len(BODY)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        for position, piece in enumerate(PIECES):
            await send({"type": "http.response.body", "body": piece, "more_body": position < len(PIECES) - 1})

    return app


async def _request(edge: Edge, method: str, coding: str) -> list[Any]:
    scope = {
        "type": "http",
        "method": method,
        "path": "/v1/x",
        "raw_path": b"/v1/x",
        "query_string": b"",
        "headers": [(b"host", b"127.0.0.1"), (b"accept-encoding", coding.encode())],
        "client": ("127.0.0.1", 1),
    }
    sent: list[Any] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        sent.append(message)

    await edge(scope, receive, send)
    return sent


@pytest.mark.parametrize("cache_bytes", [0, len(BODY) // 2, 10**6], ids=["cache off", "entry too large", "cached"])
@pytest.mark.parametrize("release", [RELEASE, None], ids=["data", "static"])
@pytest.mark.parametrize("content_type", [b"text/csv", b"application/octet-stream"], ids=["compressible", "not compressible"])
@pytest.mark.parametrize("coding", ["identity", "gzip"])
def test_a_body_in_several_messages_arrives_whole(
    tmp_path: Path, cache_bytes: int, release: ReleaseInfo | None, content_type: bytes, coding: str
) -> None:
    settings = Settings.from_env({}, database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}", cache_max_bytes=cache_bytes)
    edge = Edge(_app(CacheDirective(release), content_type), settings, Watcher(None, 1.0))  # type: ignore[arg-type]
    for attempt in range(2):  # the second request may come from the cache
        sent = asyncio.run(_request(edge, "GET", coding))
        start, bodies = sent[0], sent[1:]
        assert start["status"] == 200, attempt
        headers = dict(start["headers"])
        received = b"".join(message["body"] for message in bodies)
        assert [message.get("more_body", False) for message in bodies][-1] is False
        if headers.get(b"content-encoding") == b"gzip":
            received = gzip.decompress(received)
        else:
            assert headers.get(b"content-length", str(len(received)).encode()) == str(len(received)).encode(), attempt
        assert received == BODY, (attempt, len(received))
        head = asyncio.run(_request(edge, "HEAD", coding))
        assert b"".join(message.get("body", b"") for message in head[1:]) == b""
