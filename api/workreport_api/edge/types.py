"""The ASGI shapes the edge passes around: plain callables and dicts, no framework types below Litestar."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Required, TypedDict

Headers = list[tuple[bytes, bytes]]
"""Header fields as ASGI carries them: lower-case names, raw values."""
CacheKey = tuple[bytes, ...]
"""What a response varies by: (path, query, canonical Accept)."""


class Scope(TypedDict, total=False):
    """An ASGI connection scope, with the keys of an HTTP one that the edge reads or sets (a lifespan or websocket
    scope only has its ``type`` read, and is passed on as it came; a server may add keys the edge never reads)."""

    type: Required[str]
    asgi: dict[str, str]
    http_version: str
    method: str
    scheme: str
    path: str
    raw_path: bytes | None
    query_string: bytes
    root_path: str
    headers: Headers
    client: tuple[str, int] | None
    server: tuple[str, int | None] | None
    state: dict[str, object]


class Message(TypedDict, total=False):
    """An ASGI message, with the keys of the HTTP messages the edge sends, relays or reads."""

    type: Required[str]
    status: int
    headers: Headers
    trailers: bool
    body: bytes
    more_body: bool


Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
