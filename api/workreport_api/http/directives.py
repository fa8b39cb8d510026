"""Litestar responses that carry a cache directive for the edge (the directive itself: ``edge/directives.py``)."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Response
from litestar.response import Stream
from litestar.response.base import ASGIResponse

from ..edge.directives import CacheDirective, leave
from .requests import HttpRequest

__all__ = ["CacheDirective", "CacheableResponse", "CacheableStream"]


class _Directed:
    """Mixin: leave the directive in the request's state when the response becomes an ASGI response."""

    def __init__(self, *args: Any, directive: CacheDirective, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.directive = directive

    def to_asgi_response(self, app: Litestar | None, request: HttpRequest, **kwargs: Any) -> ASGIResponse:
        leave(request.scope, self.directive)
        response: ASGIResponse = super().to_asgi_response(app, request, **kwargs)  # type: ignore[misc]
        return response


class CacheableResponse(_Directed, Response[bytes]):
    """A Response carrying a cache directive for the edge."""


class CacheableStream(_Directed, Stream):
    """A Stream carrying a cache directive for the edge."""
