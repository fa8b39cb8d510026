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
"""

from __future__ import annotations

import datetime
import email.utils
import hashlib
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import unquote_to_bytes

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

CACHE_MARK = b"x-wr-cache"
"""Internal response header: ``data;<release id>;<state hash>;<loaded-at epoch>`` or ``static``."""

ALLOWED_METHODS = b"GET, HEAD, OPTIONS"
INTERNAL_PREFIX = b"/_litestar"
"""Litestar's own OpenAPI routes: never exposed (/openapi.json serves the finished document)."""
MAX_PATH = 2048
MAX_QUERY = 4096
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_OWNED = {b"etag", b"cache-control", b"last-modified", b"vary", b"content-length", b"content-encoding", CACHE_MARK, b"server"}
EXPOSED = b"ETag, Link, Last-Modified, Retry-After, Deprecation, Sunset, Content-Disposition"
DEFAULT_CSP = b"default-src 'none'; frame-ancestors 'none'"


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


def _http_date(moment: datetime.datetime) -> bytes:
    return email.utils.format_datetime(moment.astimezone(datetime.UTC), usegmt=True).encode()


def _tags(header: bytes) -> set[str]:
    """Entity tags of an If-None-Match header, compared weakly (W/ ignored)."""
    tags = set()
    for part in header.decode("latin-1").split(","):
        tag = part.strip().removeprefix("W/")
        if tag:
            tags.add(tag)
    return tags


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
        self.extra_headers = self._deprecation_headers(settings)

    @staticmethod
    def _deprecation_headers(settings: Settings) -> list[tuple[bytes, bytes]]:
        headers: list[tuple[bytes, bytes]] = []
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
            headers.append((b"sunset", _http_date(moment)))
        return headers

    # -- headers every response carries -------------------------------------------------

    def _common(self, scope: Scope, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        names = {name for name, _ in headers}
        out = list(headers)
        if "*" in self.origins:
            out.append((b"access-control-allow-origin", b"*"))
        else:
            origin = _header(scope, b"origin")
            if origin and origin.decode("latin-1") in self.origins:
                out.append((b"access-control-allow-origin", origin))
        out.append((b"access-control-expose-headers", EXPOSED))
        out.append((b"x-content-type-options", b"nosniff"))
        out.append((b"referrer-policy", b"no-referrer"))
        out.append((b"cross-origin-resource-policy", b"cross-origin"))
        if b"content-security-policy" not in names:
            out.append((b"content-security-policy", DEFAULT_CSP))
        out.extend(self.extra_headers)
        return out

    def _vary(self, *names: bytes) -> tuple[bytes, bytes]:
        values = list(names)
        if "*" not in self.origins:
            values.append(b"Origin")
        return (b"vary", b", ".join(values))

    async def _problem(
        self, scope: Scope, send: Send, slug: str, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None
    ) -> None:
        query = scope.get("query_string", b"").decode("latin-1")
        instance = self._raw_path(scope).decode("latin-1") + (f"?{query}" if query else "")
        body = problem_body(self.settings.public_base_url, slug, detail, instance[:300])
        headers = [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"cache-control", b"no-store"), *(extra or [])]
        await self._send(scope, send, status, self._common(scope, headers), body)

    async def _send(self, scope: Scope, send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        headers = [*headers, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    # -- request checks -----------------------------------------------------------------

    @staticmethod
    def _raw_path(scope: Scope) -> bytes:
        """The path as sent, without the query (some servers and test clients include it in raw_path)."""
        raw: bytes = scope.get("raw_path") or scope["path"].encode()
        return raw.split(b"?", 1)[0]

    def _request_line_problem(self, scope: Scope) -> tuple[str, int, str] | None:
        raw_path = self._raw_path(scope)
        query: bytes = scope.get("query_string", b"")
        if len(raw_path) > MAX_PATH or len(query) > MAX_QUERY:
            return "uri-too-long", 414, f"the path may have {MAX_PATH} bytes and the query string {MAX_QUERY}"
        for part, what in ((raw_path, "path"), (query, "query string")):
            if _BAD_ESCAPE.search(part):
                return "bad-request", 400, f"the {what} has a malformed percent-escape"
            try:
                unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError:
                return "bad-request", 400, f"the {what} is not valid UTF-8 once percent-decoded"
        return None

    # -- the request ----------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._request_line_problem(scope)
        if problem:
            await self._problem(scope, send, *problem)
            return
        if self.limiter is not None:
            peer = (scope.get("client") or ("unknown", 0))[0]
            wait = self.limiter.check(self.client_address(peer, _header(scope, b"x-forwarded-for")))
            if wait:
                await self._problem(scope, send, "rate-limited", 429, "rate limit exceeded", [(b"retry-after", str(int(wait)).encode())])
                return
        if self._raw_path(scope).startswith(INTERNAL_PREFIX):
            await self._problem(scope, send, "not-found", 404, "nothing here")
            return
        method = scope["method"]
        if method == "OPTIONS":
            await self._options(scope, send)
            return
        if method not in ("GET", "HEAD"):
            await self._problem(
                scope, send, "method-not-allowed", 405, f"{method} is not allowed: the API is read-only", [(b"allow", ALLOWED_METHODS)]
            )
            return
        key = (self._raw_path(scope), scope.get("query_string", b""), _header(scope, b"accept") or b"")
        coding = choose_encoding(_header(scope, b"accept-encoding") or b"")
        if self.static_cache.enabled:
            static = self.static_cache.get(key, -1)
            if static is not None:
                await self._send_entry(scope, send, static, coding, None)
                return
        release = await self.watcher.current() if self.cache.enabled else None
        if release is not None:
            entry = self.cache.get(key, release.id)
            if entry is not None:
                await self._send_entry(scope, send, entry, coding, release.loaded_at)
                return
            inm = _header(scope, b"if-none-match")
            if inm and self._data_etag(release.state_hash, key) in {
                t.strip('"').removesuffix("-br").removesuffix("-gz") for t in _tags(inm)
            }:
                await self._not_modified(scope, send, self._data_etag(release.state_hash, key), coding, release.loaded_at, data=True)
                return
        await self._forward(scope, receive, send, key, coding)

    async def _options(self, scope: Scope, send: Send) -> None:
        headers = [(b"allow", ALLOWED_METHODS)]
        if _header(scope, b"access-control-request-method"):
            headers.append((b"access-control-allow-methods", ALLOWED_METHODS))
            requested = _header(scope, b"access-control-request-headers")
            headers.append((b"access-control-allow-headers", requested or b"Accept, Accept-Encoding, If-None-Match, If-Modified-Since"))
            headers.append((b"access-control-max-age", b"86400"))
        await send({"type": "http.response.start", "status": 204, "headers": self._common(scope, headers)})
        await send({"type": "http.response.body", "body": b""})

    @staticmethod
    def _data_etag(state_hash: str, key: tuple[bytes, ...]) -> str:
        digest = hashlib.sha256(state_hash.encode() + b"\n" + b"\n".join(key)).hexdigest()
        return digest[:32]

    def _validator_headers(self, etag: str, coding: str, loaded_at: datetime.datetime | None, data: bool) -> list[tuple[bytes, bytes]]:
        tag = f'"{etag}{SUFFIX.get(coding, "")}"'.encode()
        headers = [(b"etag", tag)]
        if data:
            headers.append((b"cache-control", f"public, max-age={self.settings.cache_max_age}".encode()))
            headers.append(self._vary(b"Accept", b"Accept-Encoding"))
        else:
            headers.append((b"cache-control", b"public, max-age=3600"))
            headers.append(self._vary(b"Accept-Encoding"))
        if loaded_at is not None:
            headers.append((b"last-modified", _http_date(loaded_at)))
        return headers

    async def _not_modified(
        self, scope: Scope, send: Send, etag: str, coding: str, loaded_at: datetime.datetime | None, data: bool
    ) -> None:
        headers = self._common(scope, self._validator_headers(etag, coding, loaded_at, data))
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})

    def _fresh(self, scope: Scope, etag: str, loaded_at: datetime.datetime | None) -> bool:
        """Whether the client's copy is current (If-None-Match, else If-Modified-Since)."""
        inm = _header(scope, b"if-none-match")
        if inm is not None:
            tags = {t.strip('"').removesuffix("-br").removesuffix("-gz") for t in _tags(inm)}
            return etag in tags or "*" in tags
        ims = _header(scope, b"if-modified-since")
        if ims and loaded_at is not None:
            try:
                since = email.utils.parsedate_to_datetime(ims.decode("latin-1"))
            except (TypeError, ValueError):
                return False
            if since.tzinfo is None:
                since = since.replace(tzinfo=datetime.UTC)
            return loaded_at.replace(microsecond=0) <= since
        return False

    async def _send_entry(self, scope: Scope, send: Send, entry: CachedResponse, coding: str, loaded_at: datetime.datetime | None) -> None:
        data = entry.release_id >= 0
        loaded = loaded_at if data else None
        if self._fresh(scope, entry.etag, loaded):
            await self._not_modified(
                scope, send, entry.etag, coding if compressible(entry.content_type, len(entry.body)) else "identity", loaded, data
            )
            return
        body = entry.body
        used = "identity"
        if coding != "identity" and compressible(entry.content_type, len(entry.body)):
            body = entry.encoded.get(coding) or b""
            if not body:
                body = compress(entry.body, coding)
                entry.encoded[coding] = body
                (self.cache if entry.release_id >= 0 else self.static_cache).grew(len(body))
            used = coding
        headers = [*entry.headers, *self._validator_headers(entry.etag, used, loaded, data)]
        if used != "identity":
            headers.append((b"content-encoding", used.encode()))
        await self._send(scope, send, entry.status, self._common(scope, headers), body)

    async def _forward(self, scope: Scope, receive: Receive, send: Send, key: tuple[bytes, ...], coding: str) -> None:
        inner_scope = dict(scope)
        if scope["method"] == "HEAD":
            inner_scope["method"] = "GET"
        state: dict[str, Any] = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                await self._start(scope, send, message, state, key, coding)
            elif message["type"] == "http.response.body":
                await self._body(scope, send, message, state, key)
            else:  # pragma: no cover - trailers and other extensions pass through
                await send(message)

        await self.app(inner_scope, receive, capture)

    async def _start(self, scope: Scope, send: Send, message: Message, state: dict[str, Any], key: tuple[bytes, ...], coding: str) -> None:
        headers = [(k.lower(), v) for k, v in message.get("headers", [])]
        mark = next((v for k, v in headers if k == CACHE_MARK), None)
        state["status"] = message["status"]
        state["content_type"] = next((v for k, v in headers if k == b"content-type"), b"")
        state["headers"] = [(k, v) for k, v in headers if k not in _OWNED]
        state["length"] = next((int(v) for k, v in headers if k == b"content-length"), None)
        state["chunks"] = []
        state["size"] = 0
        if mark is None or message["status"] != 200:
            state["mode"] = "pass"
            pass_headers = [(k, v) for k, v in headers if k not in (CACHE_MARK, b"server")]
            if not any(k == b"cache-control" for k, _ in pass_headers):
                pass_headers.append((b"cache-control", b"no-store"))
            await send({"type": "http.response.start", "status": message["status"], "headers": self._common(scope, pass_headers)})
            return
        parts = mark.decode().split(";")
        if parts[0] == "data":
            release_id, state_hash, epoch = int(parts[1]), parts[2], float(parts[3])
            loaded_at = datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC)
            state.update(etag=self._data_etag(state_hash, key), release_id=release_id, loaded_at=loaded_at, data=True)
            from ..db.reading import ReleaseInfo

            self.watcher.observe(ReleaseInfo(release_id, state_hash, loaded_at))
        else:
            state.update(etag=None, release_id=-1, loaded_at=None, data=False)
        if state["length"] is not None or state["etag"] is None:
            state["mode"] = "buffer"
            return
        # A stream: validators are known up front, the body is compressed as it goes.
        state["mode"] = "stream"
        if self._fresh(scope, state["etag"], state["loaded_at"]):
            state["mode"] = "done"
            await self._not_modified(scope, send, state["etag"], coding, state["loaded_at"], True)
            return
        used = coding if compressible(state["content_type"], 10**9) else "identity"
        state["compressor"] = StreamCompressor(used) if used != "identity" else None
        out = [*state["headers"], *self._validator_headers(state["etag"], used, state["loaded_at"], True)]
        if used != "identity":
            out.append((b"content-encoding", used.encode()))
        await send({"type": "http.response.start", "status": 200, "headers": self._common(scope, out)})

    async def _body(self, scope: Scope, send: Send, message: Message, state: dict[str, Any], key: tuple[bytes, ...]) -> None:
        chunk: bytes = message.get("body", b"")
        more = bool(message.get("more_body", False))
        mode = state["mode"]
        if mode == "done":
            return
        if mode == "pass":
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else chunk, "more_body": more})
            return
        if state["size"] <= self.cache.max_entry_bytes:
            state["chunks"].append(chunk)
        state["size"] += len(chunk)
        if mode == "stream":
            compressor: StreamCompressor | None = state["compressor"]
            out = compressor.feed(chunk) if compressor else chunk
            if not more and compressor:
                out += compressor.finish()
            if scope["method"] != "HEAD" and (out or not more):
                await send({"type": "http.response.body", "body": out, "more_body": more})
            elif not more:
                await send({"type": "http.response.body", "body": b"", "more_body": False})
        if more:
            return
        body = b"".join(state["chunks"])
        etag = state["etag"] or hashlib.sha256(body).hexdigest()[:32]
        entry = CachedResponse(200, state["headers"], body, etag, state["content_type"], state["release_id"])
        if state["size"] <= self.cache.max_entry_bytes:
            (self.cache if state["data"] else self.static_cache).put(key, entry)
        if mode == "buffer":
            coding = choose_encoding(_header(scope, b"accept-encoding") or b"")
            await self._send_entry(scope, send, entry, coding, state["loaded_at"])
