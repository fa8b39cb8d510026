"""What the edge reads of a request, parsed once; the app is handed the same reading (see request_headers.py)."""

from __future__ import annotations

from .request_headers import MAX_CACHE_KEY_ACCEPT, combine
from .types import CacheKey, Scope


class Request:
    """The request line and the header fields the edge uses, each read once."""

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
    def key(self) -> CacheKey:
        return (self.path, self.query, self.headers.get(b"accept", b""))

    @property
    def cacheable(self) -> bool:
        """Small keys only: a long Accept is answered but never fills the cache."""
        return len(self.headers.get(b"accept", b"")) <= MAX_CACHE_KEY_ACCEPT

    @property
    def instance(self) -> str:
        """The problem's ``instance``: path and query, bounded."""
        return (self.path.decode("latin-1") + (f"?{self.query.decode('latin-1')}" if self.query else ""))[:300]
