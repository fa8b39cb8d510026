"""How a handler tells the edge that its response may be cached: a typed object in the ASGI scope's state.

The edge puts a state dict in every request's scope before calling the app; a
cacheable response stores its ``CacheDirective`` there as it is turned into an
ASGI response, and the edge reads it when the response starts. No header is
added and parsed back, so nothing internal can leak to a client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request, Response
from litestar.response import Stream
from litestar.response.base import ASGIResponse

from ..db.reading import ReleaseInfo

STATE_KEY = "workreport.cache"


@dataclass(frozen=True)
class CacheDirective:
    """``release`` set: data computed from that release (cached until the next one, validated by ETag and
    Last-Modified). ``release`` None: a static response that never changes while the server runs."""

    release: ReleaseInfo | None


def directive_of(scope: Any) -> CacheDirective | None:
    """The directive a handler left for this request, if any."""
    state = scope.get("state")
    value = state.get(STATE_KEY) if isinstance(state, dict) else None
    return value if isinstance(value, CacheDirective) else None


def _leave(request: Request[Any, Any, Any], directive: CacheDirective) -> None:
    state = request.scope.get("state")
    if isinstance(state, dict):
        state[STATE_KEY] = directive


class _Directed:
    """Mixin: leave the directive in the request's state when the response becomes an ASGI response."""

    def __init__(self, *args: Any, directive: CacheDirective, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.directive = directive

    def to_asgi_response(self, app: Any, request: Request[Any, Any, Any], **kwargs: Any) -> ASGIResponse:
        _leave(request, self.directive)
        response: ASGIResponse = super().to_asgi_response(app, request, **kwargs)  # type: ignore[misc]
        return response


class CacheableResponse(_Directed, Response[Any]):
    """A Response carrying a cache directive for the edge."""


class CacheableStream(_Directed, Stream):
    """A Stream carrying a cache directive for the edge."""
