"""The HTTP edge: one ASGI layer in front of the Litestar app for what every response shares.

It owns, for cached and fresh responses alike: request-line checks (bad
percent-encoding, invalid UTF-8, overlong URLs), rate limiting, the read-only
method policy (405 with Allow), CORS, security headers, deprecation headers,
ETag / Last-Modified / 304 revalidation, Cache-Control, compression (brotli,
gzip), HEAD, and the per-release response cache. Handlers mark cacheable
responses with an internal ``x-wr-cache`` header, which never leaves the server.

A cached response is the exact bytes the app produced for the same request
under the same release; validators come from the release's content hash and
the request, so a revalidation needs neither the app nor the database.
Concurrent requests for the same uncached response wait for the first one
instead of all computing it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import email.utils
import hashlib
import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import lru_cache
from typing import Any
from urllib.parse import unquote_to_bytes

from ..db.reading import ReleaseInfo
from ..settings import Settings
from .cache import CachedResponse, ResponseCache
from .compression import SUFFIX, StreamCompressor, choose_encoding, compress, compressible
from .problems import PROBLEM_MEDIA_TYPE, problem_body
from .ratelimit import ClientAddress, RateLimiter
from .release_watch import ReleaseWatcher

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

CACHE_MARK = b"x-wr-cache"
"""Internal response header: ``data;<release id>;<state hash>;<loaded-at epoch>`` or ``static``."""

ALLOWED_METHODS = b"GET, HEAD, OPTIONS"
INTERNAL_PREFIX = b"/_litestar"
"""Litestar's own OpenAPI routes: never exposed (/openapi.json serves the finished document)."""
MAX_PATH = 2048
MAX_QUERY = 4096
SINGLE_FLIGHT_WAIT = 30.0
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_WANTED = frozenset(
    {
        b"accept",
        b"accept-encoding",
        b"if-none-match",
        b"if-modified-since",
        b"origin",
        b"x-forwarded-for",
        b"access-control-request-method",
        b"access-control-request-headers",
    }
)
_OWNED = frozenset({b"etag", b"cache-control", b"last-modified", b"vary", b"content-length", b"content-encoding", CACHE_MARK, b"server"})
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


class Request:
    """What the edge reads of a request, parsed once."""

    __slots__ = ("headers", "method", "path", "query", "scope")

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.method: str = scope["method"]
        raw: bytes = scope.get("raw_path") or scope["path"].encode()
        self.path = raw.split(b"?", 1)[0]  # some servers and test clients include the query in raw_path
        self.query: bytes = scope.get("query_string", b"")
        self.headers = {key: value for key, value in scope["headers"] if key in _WANTED}

    @property
    def key(self) -> tuple[bytes, bytes, bytes]:
        return (self.path, self.query, self.headers.get(b"accept", b""))

    @property
    def instance(self) -> str:
        return (self.path.decode("latin-1") + (f"?{self.query.decode('latin-1')}" if self.query else ""))[:300]

    def fresh(self, etag: str, loaded_at: datetime.datetime | None) -> bool:
        """Whether the client's copy is current (If-None-Match, else If-Modified-Since)."""
        inm = self.headers.get(b"if-none-match")
        if inm is not None:
            tags = _tags(inm)
            return etag in tags or "*" in tags
        ims = self.headers.get(b"if-modified-since")
        if ims and loaded_at is not None:
            try:
                since = email.utils.parsedate_to_datetime(ims.decode("latin-1"))
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=datetime.UTC)
            return loaded_at.replace(microsecond=0) <= since
        return False


class Edge:
    """ASGI middleware around the Litestar app (see the module docstring)."""

    def __init__(self, app: ASGIApp, settings: Settings, watcher: ReleaseWatcher) -> None:
        self.app = app
        self.settings = settings
        self.watcher = watcher
        self.cache = ResponseCache(settings.cache_max_bytes)
        self.static_cache = ResponseCache(min(settings.cache_max_bytes, 16 * 1024 * 1024))
        self.limiter = RateLimiter(settings.rate_limit_per_minute) if settings.rate_limit_per_minute > 0 else None
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
        await send({"type": "http.response.body", "body": b"" if request.method == "HEAD" else body})

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

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        problem = self._request_line_problem(request)
        if problem:
            await self._problem(request, send, *problem)
            return
        if self.limiter is not None:
            peer = (scope.get("client") or ("unknown", 0))[0]
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
        if not self.cache.enabled:
            await self._forward(request, receive, send, key, coding)
            return
        static = self.static_cache.get(key, -1)
        if static is not None:
            await self._send_entry(request, send, key, static, coding, None)
            return
        release = await self.watcher.current()
        if release is None:
            await self._forward(request, receive, send, key, coding)
            return
        if await self._from_cache(request, send, key, coding, release):
            return
        leader = self._inflight.get(key)
        if leader is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(leader), SINGLE_FLIGHT_WAIT)
            if await self._from_cache(request, send, key, coding, release):
                return
            await self._forward(request, receive, send, key, coding)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            await self._forward(request, receive, send, key, coding)
        finally:
            self._inflight.pop(key, None)
            future.set_result(None)

    async def _from_cache(self, request: Request, send: Send, key: tuple[bytes, ...], coding: str, release: ReleaseInfo) -> bool:
        entry = self.cache.get(key, release.id)
        if entry is not None:
            await self._send_entry(request, send, key, entry, coding, release.loaded_at)
            return True
        etag = self._data_etag(release.state_hash, key)
        if b"if-none-match" in request.headers and request.fresh(etag, release.loaded_at):
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

    @staticmethod
    def _data_etag(state_hash: str, key: tuple[bytes, ...]) -> str:
        return hashlib.sha256(state_hash.encode() + b"\n" + b"\n".join(key)).hexdigest()[:32]

    async def _not_modified(
        self, request: Request, send: Send, etag: str, coding: str, loaded_at: datetime.datetime | None, data: bool
    ) -> None:
        headers = [*self._validators(etag, coding, loaded_at, data), *self._common(request)]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    async def _send_entry(
        self, request: Request, send: Send, key: tuple[bytes, ...], entry: CachedResponse, coding: str, loaded_at: datetime.datetime | None
    ) -> None:
        data = entry.release_id >= 0
        cache = self.cache if data else self.static_cache
        loaded = loaded_at if data else None
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
        await send({"type": "http.response.body", "body": b"" if request.method == "HEAD" else prepared[1]})

    # -- forwarding to the app -------------------------------------------------------------

    async def _forward(self, request: Request, receive: Receive, send: Send, key: tuple[bytes, ...], coding: str) -> None:
        scope = request.scope
        inner_scope = dict(scope, method="GET") if request.method == "HEAD" else scope
        state: dict[str, Any] = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                await self._start(request, send, message, state, key, coding)
            elif message["type"] == "http.response.body":
                await self._body(request, send, message, state, key, coding)
            else:  # pragma: no cover - trailers and other extensions pass through
                await send(message)

        await self.app(inner_scope, receive, capture)

    async def _start(
        self, request: Request, send: Send, message: Message, state: dict[str, Any], key: tuple[bytes, ...], coding: str
    ) -> None:
        headers = [(name.lower(), value) for name, value in message.get("headers", [])]
        mark = next((value for name, value in headers if name == CACHE_MARK), None)
        state.update(
            status=message["status"],
            content_type=next((value for name, value in headers if name == b"content-type"), b""),
            headers=[(name, value) for name, value in headers if name not in _OWNED],
            length=next((int(value) for name, value in headers if name == b"content-length"), None),
            chunks=[],
            size=0,
        )
        if mark is None or message["status"] != 200:
            state["mode"] = "pass"
            passed = [(name, value) for name, value in headers if name not in (CACHE_MARK, b"server")]
            if not any(name == b"cache-control" for name, _ in passed):
                passed.append((b"cache-control", b"no-store"))
            has_csp = any(name == b"content-security-policy" for name, _ in passed)
            await send({"type": "http.response.start", "status": message["status"], "headers": [*passed, *self._common(request, has_csp)]})
            return
        parts = mark.decode().split(";")
        if parts[0] == "data":
            release = ReleaseInfo(int(parts[1]), parts[2], datetime.datetime.fromtimestamp(float(parts[3]), tz=datetime.UTC))
            state.update(etag=self._data_etag(release.state_hash, key), release_id=release.id, loaded_at=release.loaded_at, data=True)
            self.watcher.observe(release)
        else:
            state.update(etag=None, release_id=-1, loaded_at=None, data=False)
        if state["length"] is not None or state["etag"] is None:
            state["mode"] = "buffer"
            return
        # A stream: validators are known up front; the body is compressed as it goes.
        state["mode"] = "stream"
        if request.fresh(state["etag"], state["loaded_at"]):
            state["mode"] = "done"
            await self._not_modified(request, send, state["etag"], coding, state["loaded_at"], True)
            return
        used = coding if compressible(state["content_type"], 10**9) else "identity"
        state["compressor"] = StreamCompressor(used) if used != "identity" else None
        out = [*state["headers"], *self._validators(state["etag"], used, state["loaded_at"], True)]
        if used != "identity":
            out.append((b"content-encoding", used.encode()))
        await send({"type": "http.response.start", "status": 200, "headers": [*out, *self._common(request)]})

    async def _body(
        self, request: Request, send: Send, message: Message, state: dict[str, Any], key: tuple[bytes, ...], coding: str
    ) -> None:
        chunk: bytes = message.get("body", b"")
        more = bool(message.get("more_body", False))
        mode = state["mode"]
        if mode == "done":
            return
        if mode == "pass":
            await send({"type": "http.response.body", "body": b"" if request.method == "HEAD" else chunk, "more_body": more})
            return
        if state["size"] <= self.cache.max_entry_bytes:
            state["chunks"].append(chunk)
        state["size"] += len(chunk)
        if mode == "stream":
            compressor: StreamCompressor | None = state["compressor"]
            out = compressor.feed(chunk) if compressor else chunk
            if not more and compressor:
                out += compressor.finish()
            if request.method == "HEAD":
                out = b""
            if out or not more:
                await send({"type": "http.response.body", "body": out, "more_body": more})
        if more:
            return
        body = b"".join(state["chunks"])
        entry = CachedResponse(
            200, state["headers"], body, state["etag"] or hashlib.sha256(body).hexdigest()[:32], state["content_type"], state["release_id"]
        )
        if state["size"] <= self.cache.max_entry_bytes:
            (self.cache if state["data"] else self.static_cache).put(key, entry)
        if mode == "buffer":
            await self._send_entry(request, send, key, entry, coding, state["loaded_at"])
