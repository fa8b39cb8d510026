"""The read-only method policy: GET and HEAD are served, OPTIONS answers CORS preflights, the rest get 405.

Decided before routing, so a cached URL and an unknown one answer the same way
and Litestar's internal routes (its own OpenAPI paths) are never reachable.
"""

from __future__ import annotations

from .request import Request
from .types import Headers

ALLOWED_METHODS = b"GET, HEAD, OPTIONS"
INTERNAL_PREFIX = b"/_litestar"
"""Litestar's own OpenAPI routes: never exposed (/openapi.json serves the finished document)."""
PREFLIGHT_HEADERS = b"Accept, Accept-Encoding, If-None-Match, If-Modified-Since"

Refusal = tuple[str, int, str, Headers]
"""A problem's slug, status, detail and extra header fields."""


def method_problem(request: Request) -> Refusal | None:
    """Why a request that is not OPTIONS is refused before routing, or None to serve it."""
    if request.path.startswith(INTERNAL_PREFIX):
        return "not-found", 404, "nothing here", []
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        detail = f"{request.method} is not allowed: the API is read-only"
        return "method-not-allowed", 405, detail, [(b"allow", ALLOWED_METHODS)]
    return None


def options_headers(request: Request) -> Headers:
    """The 204 answer to OPTIONS: Allow, and the CORS preflight fields when the client asks for them."""
    headers = [(b"allow", ALLOWED_METHODS)]
    if b"access-control-request-method" in request.headers:
        requested = request.headers.get(b"access-control-request-headers")
        headers += [
            (b"access-control-allow-methods", ALLOWED_METHODS),
            (b"access-control-allow-headers", requested or PREFLIGHT_HEADERS),
            (b"access-control-max-age", b"86400"),
        ]
    return headers
