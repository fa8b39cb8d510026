"""Responses computed once per data release and reused, bounded by a memory budget.

Data change only when a release is loaded, so a response for a release can be
reused until the next one: an entry stores the identity body and, lazily, its
brotli and gzip forms. The budget counts everything an entry holds: bodies,
prepared headers and its key. Entries of an older release are dropped when the
release changes; least recently used entries go when the budget is full.

Static responses (schema files, docs and page assets, marked by their
handlers) live in a second, smaller cache with a content-hash ETag; Litestar's
static files router would read the file on every request, compress nothing and
validate by mtime (18% of the edge's rate on the docs CSS, bench/README.md
"Edge layer").
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from ..db.reading import ReleaseInfo


@dataclass
class CachedResponse:
    status: int
    headers: list[tuple[bytes, bytes]]
    """Headers without content-length, content-encoding and etag (the edge adds those)."""
    body: bytes
    etag: str
    """Base validator (without quotes or coding suffix)."""
    content_type: bytes
    release: ReleaseInfo | None
    """The data release the response was computed from; None for static responses."""
    key_size: int = 0
    """Bytes of the cache key, counted in the budget."""
    prepared: dict[tuple[str, str, bytes | None], tuple[list[tuple[bytes, bytes]], bytes]] = field(default_factory=dict)
    """Ready-to-send header lists and bodies by (status, coding, origin): a cache hit builds nothing."""

    @property
    def size(self) -> int:
        """Bytes held: the body and every compressed form prepared from it."""
        prepared = sum(
            len(body) + sum(len(name) + len(value) for name, value in headers)
            for headers, body in self.prepared.values()
            if body is not self.body
        )
        return len(self.body) + prepared + self.key_size + 256


class ResponseCache:
    def __init__(self, max_bytes: int, max_entry_bytes: int = 8 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._entries: OrderedDict[tuple[bytes, ...], CachedResponse] = OrderedDict()
        self._release: ReleaseInfo | None = None
        self.bytes = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def _switch(self, release: ReleaseInfo | None) -> None:
        """Any other release (newer, or a database rebuilt from scratch with lower ids) empties the cache."""
        if release != self._release:
            self._entries.clear()
            self.bytes = 0
            self._release = release

    def get(self, key: tuple[bytes, ...], release: ReleaseInfo | None) -> CachedResponse | None:
        self._switch(release)
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: tuple[bytes, ...], entry: CachedResponse) -> None:
        if not self.enabled or len(entry.body) > self.max_entry_bytes:
            return
        self._switch(entry.release)
        entry.key_size = sum(len(part) for part in key)
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[key] = entry
        self.bytes += entry.size
        self._shrink()

    def attach(
        self,
        key: tuple[bytes, ...],
        entry: CachedResponse,
        slot: tuple[str, str, bytes | None],
        prepared: tuple[list[tuple[bytes, bytes]], bytes],
    ) -> None:
        """Keep a ready-to-send form on an entry, counting its bytes while the entry is cached."""
        cached = self._entries.get(key) is entry
        if cached:
            self.bytes -= entry.size
        entry.prepared[slot] = prepared
        if cached:
            self.bytes += entry.size
            self._shrink()

    def _shrink(self) -> None:
        while self.bytes > self.max_bytes and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self.bytes -= dropped.size

    def __len__(self) -> int:
        return len(self._entries)
