"""Content coding: brotli or gzip when the client accepts it and the body is worth it.

Ours rather than Litestar's CompressionConfig: a cached entry is compressed
once per release and coding and the bytes are kept with it, where the
middleware compresses every response again (8% of the edge's rate on the page
of 50 with brotli, bench/README.md "Edge layer"); and gzip here has no
timestamp, so equal bodies give equal bytes under one strong ETag.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

import brotli

MIN_SIZE = 512
"""Bodies smaller than this are sent as they are."""

COMPRESSIBLE = (
    b"application/json",
    b"application/problem+json",
    b"application/schema+json",
    b"application/ld+json",
    b"application/x-ndjson",
    b"text/",
    b"application/javascript",
    b"image/svg+xml",
)
SUFFIX = {"br": "-br", "gzip": "-gz"}


def choose_encoding(accept_encoding: bytes) -> str:
    """br, gzip or identity, from an Accept-Encoding header (q=0 excludes a coding); clients send few distinct
    values, so each short one is read once."""
    if len(accept_encoding) <= 256:
        return _choose_short(accept_encoding)
    return _choose(accept_encoding)


def _choose(accept_encoding: bytes) -> str:
    offered: dict[str, float] = {}
    for part in accept_encoding.decode("latin-1").lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name:
            offered[name] = quality
    for coding in ("br", "gzip"):
        if offered.get(coding, offered.get("*", 0.0)) > 0:
            return coding
    return "identity"


_choose_short = lru_cache(maxsize=256)(_choose)


def compressible(content_type: bytes, size: int) -> bool:
    return size >= MIN_SIZE and content_type.startswith(COMPRESSIBLE)


def compress(body: bytes, coding: str) -> bytes:
    """Deterministic compression (gzip without a timestamp), so equal bodies give equal bytes."""
    if coding == "br":
        return bytes(brotli.compress(body, quality=5))
    return gzip.compress(body, compresslevel=6, mtime=0)


class StreamCompressor:
    """Compress a streamed body chunk by chunk."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        if coding == "br":
            self._brotli = brotli.Compressor(quality=4)
        else:
            import zlib

            self._zlib = zlib.compressobj(6, zlib.DEFLATED, 31)

    def feed(self, chunk: bytes) -> bytes:
        if self.coding == "br":
            return bytes(self._brotli.process(chunk))
        return self._zlib.compress(chunk)

    def finish(self) -> bytes:
        if self.coding == "br":
            return bytes(self._brotli.finish())
        return self._zlib.flush()
