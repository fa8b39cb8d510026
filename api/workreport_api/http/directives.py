"""Litestar responses that carry a cache directive for the edge (the directive itself: ``edge/directives.py``)."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Response
from litestar.response import Stream
from litestar.response.base import ASGIResponse
from litestar.types import Receive, Scope, Send

from ..edge.directives import CacheDirective, leave
from .requests import HttpRequest

__all__ = ["CacheDirective", "CacheableResponse", "CacheableStream"]


class _Directed:
    """Mixin: leave the directive in the request's state when the response becomes an ASGI response."""

    def __init__(self, *args: Any, directive: CacheDirective, **kwargs: Any) -> None:  # Litestar's arguments, passed on
        super().__init__(*args, **kwargs)
        self.directive = directive

    def to_asgi_response(self, app: Litestar | None, request: HttpRequest, **kwargs: Any) -> ASGIResponse:  # Litestar's keywords
        leave(request.scope, self.directive)
        response: ASGIResponse = super().to_asgi_response(app, request, **kwargs)  # type: ignore[misc]
        return response


class BytesResponse:
    """The ASGI response of a body already in bytes: a status, the header list and the body, sent as they are."""

    __slots__ = ("body", "headers", "status")

    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": self.status, "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body, "more_body": False})


class CacheableResponse(Response[bytes]):
    """A response of bytes carrying a cache directive for the edge.

    Every data and static response of the API is one, on cold paths too, so it is lean: Litestar's ``Response``
    keeps cookies, encoders and a header dict, and ``to_asgi_response`` renders the content and builds an
    ``ASGIResponse`` with its header container; here the content is already the body, so the start message's
    header list is built directly, with the fields and in the order Litestar would send them (the handler's
    fields, then ``content-type``, with a charset for ``text/*``, and ``content-length``).
    """

    __slots__ = ("_content_type", "directive")

    def __init__(self, content: bytes, *, media_type: str, headers: dict[str, str], directive: CacheDirective) -> None:
        self.content = content
        self.media_type = media_type
        self.headers = headers
        self.directive = directive
        self.status_code = 200
        self._content_type = f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type
        self.background = None
        self.cookies = []
        self.encoding = "utf-8"
        self.response_type_encoders = {}

    # Any: Litestar's keywords, and a BytesResponse where the override must promise its ASGIResponse (Litestar only calls it)
    def to_asgi_response(self, app: Litestar | None, request: HttpRequest, **kwargs: Any) -> Any:
        leave(request.scope, self.directive)
        if kwargs.get("cookies") or kwargs.get("background"):  # none of our layers sets any; Litestar's own path if one does
            plain = Response(self.content, media_type=self.media_type, headers=self.headers, status_code=self.status_code)
            return plain.to_asgi_response(app, request, **kwargs)
        headers = {**kwargs["headers"], **self.headers} if kwargs.get("headers") else self.headers
        fields = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
        fields.append((b"content-type", self._content_type.encode("latin-1")))
        fields.append((b"content-length", str(len(self.content)).encode()))
        return BytesResponse(200, fields, self.content)


class CacheableStream(_Directed, Stream):
    """A Stream carrying a cache directive for the edge."""
