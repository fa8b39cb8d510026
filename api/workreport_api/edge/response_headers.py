"""The header fields every response carries, whoever produced it: CORS, security and deprecation.

They are added here, below Litestar, because most responses never reach
Litestar: cache hits, 304s and the edge's own refusals (400, 405, 414, 429,
431) must carry ``Access-Control-Allow-Origin`` and ``nosniff`` as much as a
handler's 200. Litestar's CORSConfig would also add the origin only to
requests that send ``Origin``, and with every hit entering Litestar it halves
the cached path (50% of the edge's rate; ``response_headers`` for the security
fields: 57%; bench/README.md, "Edge layer"). The lists are built once per
(origin, CSP) and reused, so a cache hit adds them without building anything.
"""

from __future__ import annotations

import datetime

from ..settings import Settings
from .request import Request
from .types import Headers
from .validators import http_date

EXPOSED = b"ETag, Link, Last-Modified, Retry-After, Deprecation, Sunset, Content-Disposition"
DEFAULT_CSP = b"default-src 'none'; frame-ancestors 'none'"
"""For responses that set no policy of their own (pages set theirs)."""
SECURITY = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"cross-origin"),
]


def deprecation_headers(settings: Settings) -> Headers:
    """Deprecation (RFC 9745) with a link to the docs, and Sunset (RFC 8594), when configured."""
    headers: Headers = []
    if settings.deprecated_since:
        since = datetime.datetime.fromisoformat(settings.deprecated_since)
        if since.tzinfo is None:
            since = since.replace(tzinfo=datetime.UTC)
        headers.append((b"deprecation", f"@{int(since.timestamp())}".encode()))
        headers.append((b"link", f'<{settings.public_base_url.rstrip("/")}/docs>; rel="deprecation"'.encode()))
    if settings.sunset:
        moment = datetime.datetime.fromisoformat(settings.sunset)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        headers.append((b"sunset", http_date(moment)))
    return headers


class SharedHeaders:
    """CORS (``*`` or a list of origins), the security fields and the deprecation fields, ready to append."""

    def __init__(self, settings: Settings) -> None:
        self.origins = {origin.strip() for origin in settings.cors_allow_origins.split(",") if origin.strip()}
        self.any_origin = "*" in self.origins
        self._extra = deprecation_headers(settings)
        self._built: dict[tuple[bytes | None, bool], Headers] = {}

    def origin(self, request: Request) -> bytes | None:
        """The origin to allow, for a list of origins (None with * or when the origin is not allowed)."""
        if self.any_origin:
            return None
        origin = request.headers.get(b"origin")
        return origin if origin is not None and origin.decode("latin-1") in self.origins else None

    def common(self, request: Request, has_csp: bool = False) -> Headers:
        """The fields for this request's origin; ``has_csp``: the response sets its own Content-Security-Policy."""
        key = (self.origin(request), has_csp)
        headers = self._built.get(key)
        if headers is None:
            headers = []
            if self.any_origin:
                headers.append((b"access-control-allow-origin", b"*"))
            elif key[0] is not None:
                headers.append((b"access-control-allow-origin", key[0]))
            headers += [(b"access-control-expose-headers", EXPOSED), *SECURITY]
            if not has_csp:
                headers.append((b"content-security-policy", DEFAULT_CSP))
            headers += self._extra
            if len(self._built) < 256:
                self._built[key] = headers
        return headers
