"""The send callable given to the app: it passes, buffers or streams the app's response.

- **pass**: no cache directive, or not a 200: forwarded as it comes, with the
  shared header fields and ``Cache-Control: no-store`` unless the app set one.
- **buffer**: a marked response with a known length small enough to keep: the
  whole body is collected, cached, then sent like any cache hit (so a fresh
  response and a cached one are the same bytes).
- **stream**: a marked response without a length, or too large to keep: the
  validators are known up front (from the release), so it is sent as it comes,
  compressed chunk by chunk; only the single-flight leader keeps a copy, and
  only what the cache can take.
"""

from __future__ import annotations

import asyncio

from ..db.reading import ReleaseInfo
from .compression import StreamCompressor, compressible
from .directives import directive_of
from .release_cache import CachedResponse
from .release_watch import ReleaseWatcher
from .request import Request
from .responses import Responder
from .types import CacheKey, Headers, Message, Send
from .validators import data_etag, fresh, static_etag

OWNED = frozenset({b"etag", b"cache-control", b"last-modified", b"vary", b"content-length", b"content-encoding", b"server"})
"""Header fields of a marked response that the edge sets itself (the app's are dropped)."""
MAX_BUFFER = 8 * 1024 * 1024
"""Largest static body with a known length that is collected before sending (to hash it or cache it)."""


class Relay:
    """One request's view of the app's response (see the module docstring)."""

    def __init__(
        self,
        responder: Responder,
        watcher: ReleaseWatcher,
        request: Request,
        send: Send,
        key: CacheKey,
        coding: str,
        filled: asyncio.Future[None] | None,
        store: bool,
    ) -> None:
        self.responder = responder
        self.watcher = watcher
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
        responder, request = self.responder, self.request
        shared = responder.shared
        headers = [(name.lower(), value) for name, value in message.get("headers", [])]
        directive = directive_of(request.scope)
        self.status = message["status"]
        content_type, length, kept = None, None, []  # one pass: this runs for every response the app sends
        for name, value in headers:
            if name not in OWNED:
                kept.append((name, value))
                if name == b"content-type" and content_type is None:
                    content_type = value
            elif name == b"content-length" and length is None:
                length = int(value)
        self.content_type = content_type or b""
        self.headers = kept
        if directive is None or self.status != 200:
            self.mode = "pass"
            passed = [(name, value) for name, value in headers if name != b"server"]
            if not any(name == b"cache-control" for name, _ in passed):
                passed.append((b"cache-control", b"no-store"))
            has_csp = any(name == b"content-security-policy" for name, _ in passed)
            await self.send({"type": "http.response.start", "status": self.status, "headers": [*passed, *shared.common(request, has_csp)]})
            return
        if directive.release is not None:
            self.release = directive.release
            self.etag = data_etag(self.release, self.key)
            self.watcher.observe(self.release)
        if self.etag is None:  # static: the validator is the body's hash, so the body is needed first
            if length is not None and length <= MAX_BUFFER:
                self.mode = "buffer"
                return
            self.mode = "pass"
            passed = [*self.headers, (b"cache-control", b"no-store"), *shared.common(request)]
            if length is not None:
                passed.append((b"content-length", str(length).encode()))
            await self.send({"type": "http.response.start", "status": 200, "headers": passed})
            return
        if length is not None and length <= responder.cache.max_entry_bytes:
            self.mode = "buffer"
            return
        self.mode = "stream"
        loaded_at = self.release.loaded_at if self.release else None
        if fresh(request, self.etag, loaded_at):
            self.mode = "done"
            await responder.not_modified(request, self.send, self.etag, self.coding, loaded_at, True)
            return
        used = self.coding if compressible(self.content_type, 10**9) else "identity"
        self.compressor = StreamCompressor(used) if used != "identity" else None
        out = [*self.headers, *responder.validators.headers(self.etag, used, loaded_at, True)]
        if used != "identity":
            out.append((b"content-encoding", used.encode()))
        elif length is not None:
            out.append((b"content-length", str(length).encode()))
        await self.send({"type": "http.response.start", "status": 200, "headers": [*out, *shared.common(request)]})

    async def _body(self, message: Message) -> None:
        responder, request = self.responder, self.request
        chunk: bytes = message.get("body", b"")
        more = bool(message.get("more_body", False))
        if self.mode == "done":
            return
        if self.mode == "pass":
            await self.send({"type": "http.response.body", "body": b"" if request.method == "HEAD" else chunk, "more_body": more})
            return
        cache = responder.cache if self.release is not None else responder.static_cache
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
        entry = CachedResponse(200, self.headers, body, self.etag or static_etag(body), self.content_type, self.release)
        if self.store:
            cache.put(self.key, entry)
        if self.filled is not None and not self.filled.done():
            self.filled.set_result(None)
        if self.mode == "buffer":
            await responder.entry(request, self.send, self.key, entry, self.coding)
