"""One parsed view of a request's headers, shared by the response cache's key and the app.

A cache that keys on one reading of a header while the app answers another can
be poisoned (two ``Accept`` headers: the cache keyed on the last, the app
answered the first). So the edge reads the headers once, here, and rewrites the
request the app sees to exactly that reading:

- list-valued fields sent more than once are combined in order, as RFC 9110
  section 5.3 allows, and empty members are dropped;
- singleton fields sent more than once are refused (400), since no reading of
  them is safe;
- ``Accept`` is rewritten in a canonical form (lower-case media ranges with
  their weights, nothing else); parsing the canonical form gives the same
  ranking, so the app and the cache key cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LIST_FIELDS = frozenset({b"accept", b"accept-encoding", b"if-none-match", b"x-forwarded-for", b"access-control-request-headers"})
"""Fields whose value is a comma-separated list: repeats are combined."""
SINGLETON_FIELDS = frozenset({b"host", b"if-modified-since", b"origin", b"access-control-request-method", b"content-length"})
"""Fields that may appear once: repeats are refused."""
WANTED = LIST_FIELDS | SINGLETON_FIELDS
"""Fields the edge reads."""

MAX_CACHE_KEY_ACCEPT = 512
"""A canonical Accept longer than this is served but never cached, so keys stay small."""

_QUALITY = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")


class HeaderError(ValueError):
    """The headers cannot be read safely; the message is the problem's detail."""


@dataclass(frozen=True)
class MediaRange:
    media: str
    """Lower-case media range (``text/csv``, ``text/*``, ``*/*``)."""
    quality: int
    """Weight in thousandths (RFC 9110 allows three decimals): 1000 is q=1, 0 means not acceptable."""


def parse_accept(header: str) -> list[MediaRange]:
    """Media ranges in the order sent, with weights; a malformed weight counts as q=0 (not acceptable).

    Linear in the header's length; parameters other than q are ignored (we serve no media type that has any).
    """
    ranges = []
    for part in header.split(","):
        media, *params = part.split(";")
        media = media.strip().lower()
        if not media:
            continue
        quality = 1000
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                value = value.strip()
                quality = round(float(value) * 1000) if _QUALITY.match(value) else 0
        ranges.append(MediaRange(media, quality))
    return ranges


def format_accept(ranges: list[MediaRange]) -> str:
    """The canonical form: ``parse_accept(format_accept(r)) == r``."""
    return ", ".join(r.media if r.quality == 1000 else f"{r.media};q={r.quality / 1000:g}" for r in ranges)


def ranked(ranges: list[MediaRange]) -> list[MediaRange]:
    """Acceptable ranges, most preferred first; equal weights keep the client's order."""
    order = sorted(range(len(ranges)), key=lambda index: (-ranges[index].quality, index))
    return [ranges[index] for index in order if ranges[index].quality > 0]


def canonical_accept(value: bytes) -> bytes:
    """The canonical form of an Accept value; the few values real clients send are remembered (hot path)."""
    if len(value) <= MAX_CACHE_KEY_ACCEPT:
        return _canonical_short(value)
    return _canonical(value)


def _canonical(value: bytes) -> bytes:
    return format_accept(parse_accept(value.decode("latin-1"))).encode("latin-1")


_canonical_short = lru_cache(maxsize=256)(_canonical)


def combine(headers: list[tuple[bytes, bytes]]) -> tuple[dict[bytes, bytes], list[tuple[bytes, bytes]] | None]:
    """The fields the edge reads, one value each, and the header list the app should see (None: unchanged).

    Raises HeaderError for a repeated singleton field.
    """
    seen: dict[bytes, list[bytes]] = {}
    for name, value in headers:
        if name in WANTED:
            seen.setdefault(name, []).append(value)
    fields: dict[bytes, bytes] = {}
    rewritten = False
    for name, values in seen.items():
        if len(values) > 1:
            if name in SINGLETON_FIELDS:
                raise HeaderError(f"the {name.decode('latin-1')} header may be sent once, not {len(values)} times")
            members = [member.strip() for value in values for member in value.split(b",")]
            fields[name] = b", ".join(member for member in members if member)
            rewritten = True
        else:
            fields[name] = values[0].strip()
        if name == b"accept":
            canonical = canonical_accept(fields[name])
            rewritten = rewritten or canonical != values[0]
            fields[name] = canonical
    if not rewritten:
        return fields, None
    others = [(name, value) for name, value in headers if name not in seen or name not in (b"accept", *_repeated(seen))]
    replaced = [(name, fields[name]) for name in seen if name == b"accept" or len(seen[name]) > 1]
    return fields, others + replaced


def _repeated(seen: dict[bytes, list[bytes]]) -> list[bytes]:
    return [name for name, values in seen.items() if len(values) > 1]
