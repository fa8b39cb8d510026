"""Which representation to send: the format parameter, else the Accept header; 406 for what we do not serve."""

from __future__ import annotations

from functools import lru_cache

from litestar.exceptions import HTTPException

from ..edge.request_headers import parse_accept, ranked
from .requests import HttpRequest

MEDIA_TYPES = {"json": "application/json", "csv": "text/csv", "ndjson": "application/x-ndjson"}
_ACCEPTED = {
    "application/json": "json",
    "application/*": "json",
    "*/*": "json",
    "text/csv": "csv",
    "text/*": "csv",
    "application/x-ndjson": "ndjson",
    "application/ndjson": "ndjson",
    "application/jsonl": "ndjson",
}


class NotAcceptable(HTTPException):
    status_code = 406


def accept_header(request: HttpRequest) -> str | None:
    """The request's Accept, as ``request.headers.get("accept")`` reads it (the first field), without building
    Litestar's header container for a request that reads no other header (every record and page of the API)."""
    for name, value in request.scope["headers"]:
        if name.lower() == b"accept":
            accept: str = value.decode("latin-1")
            return accept
    return None


@lru_cache(maxsize=256)
def _ranked(accept: str) -> tuple[str, ...]:
    """Acceptable media ranges, most preferred first (the parse the edge's cache key uses too); clients send few
    distinct Accept values, so each is parsed once."""
    return tuple(item.media for item in ranked(parse_accept(accept)))


def representation(request: HttpRequest, fmt: str | None, offered: tuple[str, ...] = ("json", "csv", "ndjson")) -> str:
    """The format to answer in; raises NotAcceptable (406) when none of the client's types is offered."""
    if fmt is not None:
        return str(fmt)
    accept = accept_header(request)
    if not accept:
        return offered[0]
    for media in _ranked(accept):
        chosen = _ACCEPTED.get(media)
        if media == "application/problem+json":
            chosen = "json"
        if chosen in offered:
            return chosen
    served = ", ".join(MEDIA_TYPES[name].split(";")[0] for name in offered)
    raise NotAcceptable(detail=f"this resource is served as {served}; Accept asked for {accept[:100]}")


def require_acceptable(request: HttpRequest, *media_types: str) -> None:
    """406 unless Accept (when given) admits one of the media types this route serves."""
    accept = accept_header(request)
    if not accept:
        return
    for wanted in _ranked(accept):
        if wanted in ("*/*", "application/problem+json"):
            return
        for offered in media_types:
            kind = offered.split("/")[0]
            if wanted in (offered, f"{kind}/*"):
                return
    raise NotAcceptable(detail=f"this resource is served as {', '.join(media_types)}; Accept asked for {accept[:100]}")
