"""The response cache counts every byte it holds, compressed forms included, so its budget holds."""

from __future__ import annotations


def test_cache_accounting_matches_what_it_holds() -> None:
    from workreport_api.http.cache import CachedResponse, ResponseCache

    cache = ResponseCache(max_bytes=10_000)
    entries = [CachedResponse(200, [], b"x" * 1000, f"e{i}", b"application/json", 1) for i in range(12)]
    for i, entry in enumerate(entries):
        key = (f"/k{i}".encode(),)
        cache.put(key, entry)
        cache.attach(key, entry, ("200", "gzip", None), ([], b"z" * 300))
        cache.attach(key, entry, ("200", "identity", None), ([], entry.body))
        assert cache.bytes == sum(e.size for e in cache._entries.values()) <= 10_000
    assert entries[-1].size == 1000 + 300 + 256
    assert cache.get((b"/k0",), 1) is None and cache.get((b"/k11",), 1) is entries[-1]
    evicted = entries[0]
    cache.attach((b"/k0",), evicted, ("200", "br", None), ([], b"b" * 500))
    assert cache.bytes == sum(e.size for e in cache._entries.values())
