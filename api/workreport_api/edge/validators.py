"""Validators and revalidation: strong ETags from the release, Last-Modified, Cache-Control, 304s.

Litestar sets an ETag but never answers 304, and it could only do so after
running the handler. Here a data response's ETag is computed from the release
(id, content hash, load time) and the request key alone, so a revalidation is
answered without the app or the database, even for a response not cached.
"""

from __future__ import annotations

import datetime
import email.utils
import hashlib
from functools import lru_cache

from ..db.reading import ReleaseInfo
from .compression import SUFFIX
from .request import Request
from .types import CacheKey, Headers

STATIC_CACHE_CONTROL = b"public, max-age=3600"


@lru_cache(maxsize=64)
def http_date(moment: datetime.datetime) -> bytes:
    return email.utils.format_datetime(moment.astimezone(datetime.UTC), usegmt=True).encode()


def parse_http_date(value: bytes) -> datetime.datetime | None:
    """An HTTP date, or None for anything unreadable (a year of twenty digits included)."""
    try:
        moment = email.utils.parsedate_to_datetime(value.decode("latin-1"))
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def _tags(header: bytes) -> set[str]:
    """Entity tags of an If-None-Match header, compared weakly (W/ and coding suffixes ignored)."""
    tags = set()
    for part in header.decode("latin-1").split(","):
        tag = part.strip().removeprefix("W/").strip('"')
        if tag:
            tags.add(tag.removesuffix("-br").removesuffix("-gz"))
    return tags


def fresh(request: Request, etag: str, loaded_at: datetime.datetime | None, exists: bool = True) -> bool:
    """Whether the client's copy is current (If-None-Match, else If-Modified-Since).

    ``*`` matches only a representation known to exist (``exists``), never a path not yet answered.
    """
    inm = request.headers.get(b"if-none-match")
    if inm is not None:
        tags = _tags(inm)
        return etag in tags or (exists and "*" in tags)
    ims = request.headers.get(b"if-modified-since")
    if ims and loaded_at is not None:
        since = parse_http_date(ims)
        return since is not None and loaded_at.replace(microsecond=0) <= since
    return False


@lru_cache(maxsize=64)
def _release_seed(release: ReleaseInfo) -> bytes:
    return f"{release.id}\n{release.state_hash}\n{release.loaded_at.timestamp()}\n".encode()


def data_etag(release: ReleaseInfo, key: CacheKey) -> str:
    """A strong validator from everything that varies a data response: the release (id, content, time) and the request key."""
    return hashlib.sha256(_release_seed(release) + b"\n".join(key)).hexdigest()[:32]


def static_etag(body: bytes) -> str:
    """A static response's validator: the hash of its body."""
    return hashlib.sha256(body).hexdigest()[:32]


class Validators:
    """The validator and caching header fields of a 200 or 304: ETag (with the coding's suffix), Cache-Control, Vary,
    Last-Modified."""

    def __init__(self, max_age: int, vary_origin: bool) -> None:
        self.data_cache_control = f"public, max-age={max_age}".encode()
        origin = [b"Origin"] if vary_origin else []
        self.data_vary = (b"vary", b", ".join([b"Accept", b"Accept-Encoding", *origin]))
        self.static_vary = (b"vary", b", ".join([b"Accept-Encoding", *origin]))

    def headers(self, etag: str, coding: str, loaded_at: datetime.datetime | None, data: bool) -> Headers:
        headers = [(b"etag", f'"{etag}{SUFFIX.get(coding, "")}"'.encode())]
        if data:
            headers += [(b"cache-control", self.data_cache_control), self.data_vary]
        else:
            headers += [(b"cache-control", STATIC_CACHE_CONTROL), self.static_vary]
        if loaded_at is not None:
            headers.append((b"last-modified", http_date(loaded_at)))
        return headers
