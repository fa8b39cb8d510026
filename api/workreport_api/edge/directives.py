"""How a handler tells the edge that its response may be cached: a typed object in the ASGI scope's state.

The edge puts a state dict in every request's scope before calling the app; a
cacheable response stores its ``CacheDirective`` there as it is turned into an
ASGI response (``http/directives.py`` holds the Litestar responses that do),
and the edge reads it when the response starts. No header is added and parsed
back, so nothing internal can leak to a client.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..db.reading import ReleaseInfo

STATE_KEY = "workreport.cache"


@dataclass(frozen=True)
class CacheDirective:
    """``release`` set: data computed from that release (cached until the next one, validated by ETag and
    Last-Modified). ``release`` None: a static response that never changes while the server runs."""

    release: ReleaseInfo | None


def directive_of(scope: Mapping[str, object]) -> CacheDirective | None:
    """The directive a handler left for this request, if any."""
    state = scope.get("state")
    value = state.get(STATE_KEY) if isinstance(state, dict) else None
    return value if isinstance(value, CacheDirective) else None


def leave(scope: Mapping[str, object], directive: CacheDirective) -> None:
    """Leave ``directive`` for the edge in this request's state (a no-op without the edge's state dict)."""
    state = scope.get("state")
    if isinstance(state, dict):
        state[STATE_KEY] = directive
