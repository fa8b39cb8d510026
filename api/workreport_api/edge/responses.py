"""The responses the edge sends itself: problems, 304s and cached entries.

A cached entry keeps, per (status, coding, origin), its header list and body
ready to send, so a hit compresses nothing and builds nothing the second time.
"""

from __future__ import annotations

import datetime

from .compression import compress, compressible
from .problems import PROBLEM_MEDIA_TYPE, problem_body
from .release_cache import CachedResponse, ResponseCache
from .request import Request
from .response_headers import SharedHeaders
from .sending import send_body, send_empty, send_whole
from .types import CacheKey, Headers, Send
from .validators import Validators, fresh

PROBLEM_HEADERS = [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"cache-control", b"no-store")]


class Responder:
    """Sends problems, 304s and cache entries with the shared header fields and validators."""

    def __init__(
        self, base_url: str, shared: SharedHeaders, validators: Validators, cache: ResponseCache, static_cache: ResponseCache
    ) -> None:
        self.base_url = base_url
        self.shared = shared
        self.validators = validators
        self.cache = cache
        self.static_cache = static_cache

    async def problem(self, request: Request, send: Send, slug: str, status: int, detail: str, extra: Headers | None = None) -> None:
        """An RFC 9457 problem, never cached."""
        body = problem_body(self.base_url, slug, detail, request.instance)
        headers = [*PROBLEM_HEADERS, *(extra or []), *self.shared.common(request)]
        await send_whole(request.method, send, status, headers, body)

    async def not_modified(
        self, request: Request, send: Send, etag: str, coding: str, loaded_at: datetime.datetime | None, data: bool
    ) -> None:
        headers = [*self.validators.headers(etag, coding, loaded_at, data), *self.shared.common(request)]
        await send_empty(send, 304, headers)

    async def entry(self, request: Request, send: Send, key: CacheKey, entry: CachedResponse, coding: str) -> None:
        """A cached response: 304 when the client's copy is current, else the body in the chosen coding."""
        data = entry.release is not None
        cache = self.cache if data else self.static_cache
        loaded = entry.release.loaded_at if entry.release is not None else None
        used = coding if coding != "identity" and compressible(entry.content_type, len(entry.body)) else "identity"
        origin = self.shared.origin(request)
        if fresh(request, entry.etag, loaded):
            prepared = entry.prepared.get(("304", used, origin))
            if prepared is None:
                prepared = ([*self.validators.headers(entry.etag, used, loaded, data), *self.shared.common(request)], b"")
                cache.attach(key, entry, ("304", used, origin), prepared)
            await send_empty(send, 304, prepared[0])
            return
        prepared = entry.prepared.get(("200", used, origin))
        if prepared is None:
            body = entry.body
            if used != "identity":
                body = compress(entry.body, used)
            headers = [*entry.headers, *self.validators.headers(entry.etag, used, loaded, data)]
            if used != "identity":
                headers.append((b"content-encoding", used.encode()))
            has_csp = any(name == b"content-security-policy" for name, _ in entry.headers)
            headers += [*self.shared.common(request, has_csp), (b"content-length", str(len(body)).encode())]
            prepared = (headers, body)
            cache.attach(key, entry, ("200", used, origin), prepared)
        await send({"type": "http.response.start", "status": entry.status, "headers": prepared[0]})
        await send_body(request.method, send, prepared[1])
