"""The ASGI shapes the edge passes around: plain callables and dicts, no framework types below Litestar."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]
"""Header fields as ASGI carries them: lower-case names, raw values."""
CacheKey = tuple[bytes, ...]
"""What a response varies by: (path, query, canonical Accept)."""
