"""The response cache counts every byte it holds — compressed forms, prepared headers and keys — so its budget holds."""

from __future__ import annotations

import datetime

from workreport_api.db.reading import ReleaseInfo
from workreport_api.edge.release_cache import CachedResponse, ResponseCache

MOMENT = datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC)
RELEASE = ReleaseInfo(1, "sha256:a", MOMENT)


def test_cache_accounting_matches_what_it_holds() -> None:
    cache = ResponseCache(max_bytes=10_000)
    entries = [CachedResponse(200, [], b"x" * 1000, f"e{i}", b"application/json", RELEASE) for i in range(12)]
    for i, entry in enumerate(entries):
        key = (f"/k{i}".encode(),)
        cache.put(key, entry)
        cache.attach(key, entry, ("200", "gzip", None), ([(b"etag", b'"e-gz"')], b"z" * 300))
        cache.attach(key, entry, ("200", "identity", None), ([], entry.body))
        assert cache.bytes == sum(e.size for e in cache._entries.values()) <= 10_000
    assert entries[-1].size == 1000 + 300 + len(b"etag") + len(b'"e-gz"') + len(b"/k11") + 256
    assert cache.get((b"/k0",), RELEASE) is None and cache.get((b"/k11",), RELEASE) is entries[-1]
    evicted = entries[0]
    cache.attach((b"/k0",), evicted, ("200", "br", None), ([], b"b" * 500))
    assert cache.bytes == sum(e.size for e in cache._entries.values())


def test_keys_count_in_the_budget() -> None:
    """Large keys fill the budget like bodies do: 300 entries with 1 MB keys cannot hold 300 MB."""
    cache = ResponseCache(max_bytes=4 * 1024 * 1024)
    for i in range(300):
        key = (b"/v1/units/bed", b"", str(i).encode() * (1024 * 1024 // len(str(i))))
        cache.put(key, CachedResponse(200, [], b"{}", f"e{i}", b"application/json", RELEASE))
    assert cache.bytes <= 4 * 1024 * 1024
    assert len(cache) <= 4


def test_any_other_release_empties_the_cache_even_an_older_id() -> None:
    """A database rebuilt from scratch restarts release ids: the cache must not keep the old pages."""
    cache = ResponseCache(max_bytes=10_000)
    cache.put((b"/v1",), CachedResponse(200, [], b"old", "e", b"application/json", ReleaseInfo(7, "sha256:old", MOMENT)))
    rebuilt = ReleaseInfo(1, "sha256:new", MOMENT + datetime.timedelta(seconds=5))
    assert cache.get((b"/v1",), rebuilt) is None
    assert len(cache) == 0 and cache.bytes == 0
