"""The HTTP edge: one ASGI layer in front of the Litestar app for what every response shares.

It owns, for cached and fresh responses alike: request-line checks (bad
percent-encoding, invalid UTF-8, overlong URLs), rate limiting, the read-only
method policy (405 with Allow), CORS, security headers, deprecation headers,
ETag / Last-Modified / 304 revalidation, Cache-Control, compression (brotli,
gzip), HEAD, and the per-release response cache. Handlers mark cacheable
responses with a typed ``CacheDirective`` left in the scope's state
(directives.py); nothing internal travels in headers.

A cached response is the exact bytes the app produced for the same request
under the same release; validators come from the release (id, content hash,
load time) and the request, so a revalidation needs neither the app nor the
database. Concurrent requests for the same uncached response wait briefly for
the first one instead of all computing it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import email.utils
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import lru_cache
from typing import Any
from urllib.parse import unquote_to_bytes

from ..db.reading import ReleaseInfo
from ..settings import Settings
from .cache import CachedResponse, ResponseCache
from .compression import SUFFIX, StreamCompressor, choose_encoding, compress, compressible
from .directives import STATE_KEY, directive_of
from .headers import MAX_CACHE_KEY_ACCEPT, HeaderError, combine
from .problems import PROBLEM_MEDIA_TYPE, problem_body
from .ratelimit import ClientAddress, RateLimiter
from .release_watch import ReleaseWatcher

logger = logging.getLogger("workreport.http")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

ALLOWED_METHODS = b"GET, HEAD, OPTIONS"
INTERNAL_PREFIX = b"/_litestar"
"""Litestar's own OpenAPI routes: never exposed (/openapi.json serves the finished document)."""
MAX_PATH = 2048
MAX_QUERY = 4096
MAX_BUFFER = 8 * 1024 * 1024
"""Largest body with a known length that is collected before sending (to hash it or cache it)."""
SEND_CHUNK = 256 * 1024
"""Large bodies go out in slices of this size, so a slow reader holds at most one slice and the socket buffer."""
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_OWNED = frozenset({b"etag", b"cache-control", b"last-modified", b"vary", b"content-length", b"content-encoding", b"server"})
EXPOSED = b"ETag, Link, Last-Modified, Retry-After, Deprecation, Sunset, Content-Disposition"
DEFAULT_CSP = b"default-src 'none'; frame-ancestors 'none'"


@lru_cache(maxsize=64)
def http_date(moment: datetime.datetime) -> bytes:
    return email.utils.format_datetime(moment.astimezone(datetime.UTC), usegmt=True).encode()


def _tags(header: bytes) -> set[str]:
    """Entity tags of an If-None-Match header, compared weakly (W/ and coding suffixes ignored)."""
    tags = set()
    for part in header.decode("latin-1").split(","):
        tag = part.strip().removeprefix("W/").strip('"')
        if tag:
            tags.add(tag.removesuffix("-br").removesuffix("-gz"))
    return tags


def parse_http_date(value: bytes) -> datetime.datetime | None:
    """An HTTP date, or None for anything unreadable (a year of twenty digits included)."""
    try:
        moment = email.utils.parsedate_to_datetime(value.decode("latin-1"))
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


class Request:
    """What the edge reads of a request, parsed once; the app sees the same reading (see headers.py)."""

    __slots__ = ("headers", "method", "path", "query", "scope")

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.method: str = scope["method"]
        raw: bytes = scope.get("raw_path") or scope["path"].encode()
        self.path = raw.split(b"?", 1)[0]  # some servers and test clients include the query in raw_path
        self.query: bytes = scope.get("query_string", b"")
        self.headers: dict[bytes, bytes] = {}

    def read_headers(self) -> None:
        """Combine repeated list fields, canonicalise Accept, and hand the app that reading (HeaderError if unsafe)."""
        self.headers, rewritten = combine(self.scope["headers"])
        if rewritten is not None:
            self.scope["headers"] = rewritten

    @property
    def key(self) -> tuple[bytes, bytes, bytes]:
        return (self.path, self.query, self.headers.get(b"accept", b""))

    @property
    def cacheable(self) -> bool:
        """Small keys only: a long Accept is answered but never fills the cache."""
        return len(self.headers.get(b"accept", b"")) <= MAX_CACHE_KEY_ACCEPT

    @property
    def instance(self) -> str:
        return (self.path.decode("latin-1") + (f"?{self.query.decode('latin-1')}" if self.query else ""))[:300]

    def fresh(self, etag: str, loaded_at: datetime.datetime | None, exists: bool = True) -> bool:
        """Whether the client's copy is current (If-None-Match, else If-Modified-Since).

        ``*`` matches only a representation known to exist (``exists``), never a path not yet answered.
        """
        inm = self.headers.get(b"if-none-match")
        if inm is not None:
            tags = _tags(inm)
            return etag in tags or (exists and "*" in tags)
        ims = self.headers.get(b"if-modified-since")
        if ims and loaded_at is not None:
            since = parse_http_date(ims)
            return since is not None and loaded_at.replace(microsecond=0) <= since
        return False


def header_size_problem(headers: list[tuple[bytes, bytes]], max_bytes: int, max_count: int) -> str | None:
    """Why the request's header section is too large, or None (also enforced by the server before parsing)."""
    if len(headers) > max_count:
        return f"at most {max_count} header fields are accepted, not {len(headers)}"
    size = sum(len(name) + len(value) + 4 for name, value in headers)
    if size > max_bytes:
        return f"the header fields may have {max_bytes} bytes in all, not {size}"
    return None


class Edge:
    """ASGI middleware around the Litestar app (see the module docstring)."""

    def __init__(self, app: ASGIApp, settings: Settings, watcher: ReleaseWatcher) -> None:
        self.app = app
        self.settings = settings
        self.watcher = watcher
        self.cache = ResponseCache(settings.cache_max_bytes)
        self.static_cache = ResponseCache(min(settings.cache_max_bytes, 16 * 1024 * 1024))
        per_worker = worker_share(settings.rate_limit_per_minute, settings.workers)
        self.limiter = RateLimiter(per_worker) if settings.rate_limit_per_minute > 0 else None
        self.client_address = ClientAddress(settings.trusted_proxies)
        self.origins = {origin.strip() for origin in settings.cors_allow_origins.split(",") if origin.strip()}
        self.any_origin = "*" in self.origins
        self._inflight: dict[tuple[bytes, ...], asyncio.Future[None]] = {}
        self._common_cache: dict[tuple[bytes | None, bool], Headers] = {}
        self._extra = self._deprecation_headers(settings)
        self._data_cache_control = f"public, max-age={settings.cache_max_age}".encode()

    @staticmethod
    def _deprecation_headers(settings: Settings) -> Headers:
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

    # -- headers every response carries -------------------------------------------------

    def _origin(self, request: Request) -> bytes | None:
        """The origin to allow, for a list of origins (None with * or when the origin is not allowed)."""
        if self.any_origin:
            return None
        origin = request.headers.get(b"origin")
        return origin if origin is not None and origin.decode("latin-1") in self.origins else None

    def _common(self, request: Request, has_csp: bool = False) -> Headers:
        key = (self._origin(request), has_csp)
        headers = self._common_cache.get(key)
        if headers is None:
            headers = []
            if self.any_origin:
                headers.append((b"access-control-allow-origin", b"*"))
            elif key[0] is not None:
                headers.append((b"access-control-allow-origin", key[0]))
            headers += [
                (b"access-control-expose-headers", EXPOSED),
                (b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"no-referrer"),
                (b"cross-origin-resource-policy", b"cross-origin"),
            ]
            if not has_csp:
                headers.append((b"content-security-policy", DEFAULT_CSP))
            headers += self._extra
            if len(self._common_cache) < 256:
                self._common_cache[key] = headers
        return headers

    def _vary(self, *names: bytes) -> tuple[bytes, bytes]:
        return (b"vary", b", ".join([*names, *([] if self.any_origin else [b"Origin"])]))

    def _validators(self, etag: str, coding: str, loaded_at: datetime.datetime | None, data: bool) -> Headers:
        headers = [(b"etag", f'"{etag}{SUFFIX.get(coding, "")}"'.encode())]
        if data:
            headers += [(b"cache-control", self._data_cache_control), self._vary(b"Accept", b"Accept-Encoding")]
        else:
            headers += [(b"cache-control", b"public, max-age=3600"), self._vary(b"Accept-Encoding")]
        if loaded_at is not None:
            headers.append((b"last-modified", http_date(loaded_at)))
        return headers

    async def _problem(self, request: Request, send: Send, slug: str, status: int, detail: str, extra: Headers | None = None) -> None:
        body = problem_body(self.settings.public_base_url, slug, detail, request.instance)
        headers = [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"cache-control", b"no-store"), *(extra or [])]
        await self._send(request, send, status, [*headers, *self._common(request)], body)

    @staticmethod
    async def _send(request: Request, send: Send, status: int, headers: Headers, body: bytes) -> None:
        await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        await Edge._send_body(request, send, body)

    @staticmethod
    async def _send_body(request: Request, send: Send, body: bytes) -> None:
        """The body in slices: each send waits for the socket to drain, so a slow reader holds one slice, not a copy."""
        if request.method == "HEAD" or len(body) <= SEND_CHUNK:
            await send({"type": "http.response.body", "body": b"" if request.method == "HEAD" else body})
            return
        view = memoryview(body)
        for offset in range(0, len(body), SEND_CHUNK):
            end = offset + SEND_CHUNK
            await send({"type": "http.response.body", "body": bytes(view[offset:end]), "more_body": end < len(body)})

    # -- the request ----------------------------------------------------------------------

    @staticmethod
    def _request_line_problem(request: Request) -> tuple[str, int, str] | None:
        if len(request.path) > MAX_PATH or len(request.query) > MAX_QUERY:
            return "uri-too-long", 414, f"the path may have {MAX_PATH} bytes and the query string {MAX_QUERY}"
        for part, what in ((request.path, "path"), (request.query, "query string")):
            if b"%" not in part and part.isascii():
                continue
            if _BAD_ESCAPE.search(part):
                return "bad-request", 400, f"the {what} has a malformed percent-escape"
            try:
                decoded = unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError:
                return "bad-request", 400, f"the {what} is not valid UTF-8 once percent-decoded"
            if "\x00" in decoded:
                return "bad-request", 400, f"the {what} contains a NUL character"
        return None

    def _header_problem(self, request: Request) -> tuple[str, int, str] | None:
        too_large = header_size_problem(request.scope["headers"], self.settings.max_header_bytes, self.settings.max_header_count)
        if too_large:
            return "headers-too-large", 431, too_large
        try:
            request.read_headers()
        except HeaderError as error:
            return "bad-request", 400, str(error)
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self._handle(request, receive, tracked)
        except Exception:
            logger.exception("unexpected error in the HTTP edge for %s", request.instance)
            if not started:
                await self._problem(request, send, "internal-error", 500, "unexpected server error")

    async def _handle(self, request: Request, receive: Receive, send: Send) -> None:
        problem = self._request_line_problem(request) or self._header_problem(request)
        if problem:
            await self._problem(request, send, *problem)
            return
        if self.limiter is not None:
            peer = (request.scope.get("client") or ("unknown", 0))[0]
            wait = self.limiter.check(self.client_address(peer, request.headers.get(b"x-forwarded-for")))
            if wait:
                await self._problem(request, send, "rate-limited", 429, "rate limit exceeded", [(b"retry-after", str(int(wait)).encode())])
                return
        if request.path.startswith(INTERNAL_PREFIX):
            await self._problem(request, send, "not-found", 404, "nothing here")
            return
        if request.method == "OPTIONS":
            await self._options(request, send)
            return
        if request.method not in ("GET", "HEAD"):
            detail = f"{request.method} is not allowed: the API is read-only"
            await self._problem(request, send, "method-not-allowed", 405, detail, [(b"allow", ALLOWED_METHODS)])
            return
        key = request.key
        coding = choose_encoding(request.headers.get(b"accept-encoding", b""))
        if not self.cache.enabled or not request.cacheable:
            await self._forward(request, receive, send, key, coding, None)
            return
        static = self.static_cache.get(key, None)
        if static is not None:
            await self._send_entry(request, send, key, static, coding)
            return
        release = await self.watcher.current()
        if release is None:
            await self._forward(request, receive, send, key, coding, None)
            return
        if await self._from_cache(request, send, key, coding, release):
            return
        leader = self._inflight.get(key)
        if leader is not None:
            # Wait a little for the first request to fill the cache, never for its slow client.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(leader), self.settings.single_flight_wait_seconds)
            if await self._from_cache(request, send, key, coding, release):
                return
            await self._forward(request, receive, send, key, coding, None)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            await self._forward(request, receive, send, key, coding, future)
        finally:
            if self._inflight.get(key) is future:
                del self._inflight[key]
            if not future.done():
                future.set_result(None)

    async def _from_cache(self, request: Request, send: Send, key: tuple[bytes, ...], coding: str, release: ReleaseInfo) -> bool:
        entry = self.cache.get(key, release)
        if entry is not None:
            await self._send_entry(request, send, key, entry, coding)
            return True
        etag = data_etag(release, key)
        if b"if-none-match" in request.headers and request.fresh(etag, release.loaded_at, exists=False):
            await self._not_modified(request, send, etag, coding, release.loaded_at, data=True)
            return True
        return False

    async def _options(self, request: Request, send: Send) -> None:
        headers = [(b"allow", ALLOWED_METHODS)]
        if b"access-control-request-method" in request.headers:
            requested = request.headers.get(b"access-control-request-headers")
            headers += [
                (b"access-control-allow-methods", ALLOWED_METHODS),
                (b"access-control-allow-headers", requested or b"Accept, Accept-Encoding, If-None-Match, If-Modified-Since"),
                (b"access-control-max-age", b"86400"),
            ]
        await send({"type": "http.response.start", "status": 204, "headers": [*headers, *self._common(request)]})
        await send({"type": "http.response.body", "body": b""})

    async def _not_modified(
        self, request: Request, send: Send, etag: str, coding: str, loaded_at: datetime.datetime | None, data: bool
    ) -> None:
        headers = [*self._validators(etag, coding, loaded_at, data), *self._common(request)]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _send_entry(self, request: Request, send: Send, key: tuple[bytes, ...], entry: CachedResponse, coding: str) -> None:
        data = entry.release is not None
        cache = self.cache if data else self.static_cache
        loaded = entry.release.loaded_at if entry.release is not None else None
        used = coding if coding != "identity" and compressible(entry.content_type, len(entry.body)) else "identity"
        origin = self._origin(request)
        if request.fresh(entry.etag, loaded):
            prepared = entry.prepared.get(("304", used, origin))
            if prepared is None:
                prepared = ([*self._validators(entry.etag, used, loaded, data), *self._common(request)], b"")
                cache.attach(key, entry, ("304", used, origin), prepared)
            await send({"type": "http.response.start", "status": 304, "headers": prepared[0]})
            await send({"type": "http.response.body", "body": b""})
            return
        prepared = entry.prepared.get(("200", used, origin))
        if prepared is None:
            body = entry.body
            if used != "identity":
                body = compress(entry.body, used)
            headers = [*entry.headers, *self._validators(entry.etag, used, loaded, data)]
            if used != "identity":
                headers.append((b"content-encoding", used.encode()))
            has_csp = any(name == b"content-security-policy" for name, _ in entry.headers)
            headers += [*self._common(request, has_csp), (b"content-length", str(len(body)).encode())]
            prepared = (headers, body)
            cache.attach(key, entry, ("200", used, origin), prepared)
        await send({"type": "http.response.start", "status": entry.status, "headers": prepared[0]})
        await self._send_body(request, send, prepared[1])

    # -- forwarding to the app -------------------------------------------------------------

    async def _forward(
        self, request: Request, receive: Receive, send: Send, key: tuple[bytes, ...], coding: str, filled: asyncio.Future[None] | None
    ) -> None:
        """Run the app; ``filled`` (the single-flight leader's) is set as soon as the response is cached."""
        scope = request.scope
        state = scope.get("state")
        scope["state"] = state = dict(state) if isinstance(state, dict) else {}  # this request's own: the directive lands here
        state.pop(STATE_KEY, None)
        inner_scope = dict(scope, method="GET") if request.method == "HEAD" else scope
        relay = _Relay(self, request, send, key, coding, filled, store=self.cache.enabled and request.cacheable)
        await self.app(inner_scope, receive, relay)


def worker_share(per_minute: int, workers: int) -> int:
    """Each worker's part of a rate limit, so the total across workers never exceeds the configured one."""
    return max(1, per_minute // max(1, workers))


def data_etag(release: ReleaseInfo, key: tuple[bytes, ...]) -> str:
    """A strong validator from everything that varies a data response: the release (id, content, time) and the request key."""
    seed = f"{release.id}\n{release.state_hash}\n{release.loaded_at.timestamp()}\n".encode()
    return hashlib.sha256(seed + b"\n".join(key)).hexdigest()[:32]


class _Relay:
    """The send callable given to the app: passes, buffers or streams its response (see Edge._forward)."""

    def __init__(
        self,
        edge: Edge,
        request: Request,
        send: Send,
        key: tuple[bytes, ...],
        coding: str,
        filled: asyncio.Future[None] | None,
        store: bool,
    ) -> None:
        self.edge = edge
        self.store = store
        self.request = request
        self.send = send
        self.key = key
        self.coding = coding
        self.filled = filled
        self.mode = "pass"
        self.status = 200
        self.content_type = b""
        self.headers: Headers = []
        self.release: ReleaseInfo | None = None
        self.etag: str | None = None
        self.chunks: list[bytes] | None = []
        self.size = 0
        self.compressor: StreamCompressor | None = None

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            await self._start(message)
        elif message["type"] == "http.response.body":
            await self._body(message)
        else:  # pragma: no cover - trailers and other extensions pass through
            await self.send(message)

    async def _start(self, message: Message) -> None:
        edge, request = self.edge, self.request
        headers = [(name.lower(), value) for name, value in message.get("headers", [])]
        directive = directive_of(request.scope)
        self.status = message["status"]
        self.content_type = next((value for name, value in headers if name == b"content-type"), b"")
        self.headers = [(name, value) for name, value in headers if name not in _OWNED]
        length = next((int(value) for name, value in headers if name == b"content-length"), None)
        if directive is None or self.status != 200:
            self.mode = "pass"
            passed = [(name, value) for name, value in headers if name != b"server"]
            if not any(name == b"cache-control" for name, _ in passed):
                passed.append((b"cache-control", b"no-store"))
            has_csp = any(name == b"content-security-policy" for name, _ in passed)
            await self.send({"type": "http.response.start", "status": self.status, "headers": [*passed, *edge._common(request, has_csp)]})
            return
        if directive.release is not None:
            self.release = directive.release
            self.etag = data_etag(self.release, self.key)
            edge.watcher.observe(self.release)
        if self.etag is None:  # static: the validator is the body's hash, so the body is needed first
            if length is not None and length <= MAX_BUFFER:
                self.mode = "buffer"
                return
            self.mode = "pass"
            passed = [*self.headers, (b"cache-control", b"no-store"), *edge._common(request)]
            if length is not None:
                passed.append((b"content-length", str(length).encode()))
            await self.send({"type": "http.response.start", "status": 200, "headers": passed})
            return
        if length is not None and length <= edge.cache.max_entry_bytes:
            self.mode = "buffer"
            return
        # A stream, or a body too large to keep: validators are known up front; the body is compressed as it goes.
        self.mode = "stream"
        if request.fresh(self.etag, self.release.loaded_at if self.release else None):
            self.mode = "done"
            loaded = self.release.loaded_at if self.release else None
            await edge._not_modified(request, self.send, self.etag, self.coding, loaded, True)
            return
        used = self.coding if compressible(self.content_type, 10**9) else "identity"
        self.compressor = StreamCompressor(used) if used != "identity" else None
        loaded_at = self.release.loaded_at if self.release else None
        out = [*self.headers, *edge._validators(self.etag, used, loaded_at, True)]
        if used != "identity":
            out.append((b"content-encoding", used.encode()))
        elif length is not None:
            out.append((b"content-length", str(length).encode()))
        await self.send({"type": "http.response.start", "status": 200, "headers": [*out, *edge._common(request)]})

    async def _body(self, message: Message) -> None:
        edge, request = self.edge, self.request
        chunk: bytes = message.get("body", b"")
        more = bool(message.get("more_body", False))
        if self.mode == "done":
            return
        if self.mode == "pass":
            await self.send({"type": "http.response.body", "body": b"" if request.method == "HEAD" else chunk, "more_body": more})
            return
        cache = edge.cache if self.release is not None else edge.static_cache
        self.size += len(chunk)
        if self.chunks is not None:
            if self.mode == "stream" and (self.size > cache.max_entry_bytes or self.filled is None or not cache.enabled):
                self.chunks = None  # only the single-flight leader keeps a copy, and only what the cache can take
            else:
                self.chunks.append(chunk)
        if self.mode == "stream":
            out = self.compressor.feed(chunk) if self.compressor else chunk
            if not more and self.compressor:
                out += self.compressor.finish()
            if request.method == "HEAD":
                out = b""
            if out or not more:
                await self.send({"type": "http.response.body", "body": out, "more_body": more})
        if more:
            return
        if self.chunks is None:
            return
        body = b"".join(self.chunks)
        self.chunks = None
        entry = CachedResponse(200, self.headers, body, self.etag or hashlib.sha256(body).hexdigest()[:32], self.content_type, self.release)
        if self.store:
            cache.put(self.key, entry)
        if self.filled is not None and not self.filled.done():
            self.filled.set_result(None)
        if self.mode == "buffer":
            await edge._send_entry(request, self.send, self.key, entry, self.coding)
