"""Search across measures and targets, ranked, with highlighted snippets."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

import msgspec
from litestar import Response, get
from litestar.exceptions import ValidationException
from litestar.params import Parameter, QueryParameter

from workreport_pipeline import fold

from ..db.reading import ReleaseInfo, latest_release, snapshot
from ..db.search import MAX_QUERY_LENGTH, fold_query, ranked_window
from ..http.cursor import CursorError, decode_cursor, encode_cursor
from ..http.negotiation import require_acceptable
from ..http.params import DEFAULT_LIMIT, SEARCH_PATTERN, Cursor, DocumentFilter, Limit
from ..http.requests import HttpRequest
from ..models import SearchResults
from ..state import Api, ApiState
from .responses import ERRORS, data_response, dumps, page_links

CONTEXT = 24
MAX_OFFSET = 100_000
Query = Annotated[
    str,
    Parameter(
        min_length=1,
        max_length=MAX_QUERY_LENGTH,
        pattern=SEARCH_PATTERN,
        description="Text to find, 1 to 100 characters, in either script; % and _ are plain text.",
    ),
]


class HitKind(StrEnum):
    """What a search hit is."""

    MEASURE = "measure"
    TARGET = "target"


HitType = Annotated[HitKind | None, QueryParameter(name="type", description="Only measures or only targets.")]


def snippet(display: str, needle: str, folded: str | None = None) -> tuple[str, list[dict[str, int]], int]:
    """Words around the first match and every match inside them; also the first match's offset in ``display``.

    ``folded`` is ``display`` folded (the search entry stores it); folded here when not given."""
    if folded is None:
        folded = fold(display)
    first = folded.find(needle)
    start = max(0, first - CONTEXT)
    end = min(len(display), first + len(needle) + CONTEXT)
    text = display[start:end]
    highlights = []
    position = folded.find(needle, start)
    while position != -1 and position + len(needle) <= end:
        highlights.append({"start": position - start, "end": position - start + len(needle)})
        position = folded.find(needle, position + len(needle))
    return text, highlights, first


class _Source(msgspec.Struct, frozen=True, gc=False):
    start: int


class _Labelled(msgspec.Struct, frozen=True, gc=False):
    """What a hit needs of its record: the labels searched and where a measure starts in the text."""

    text: dict[str, str] | None = None
    indicator: dict[str, str] | None = None
    source: _Source | None = None


_labelled = msgspec.json.Decoder(_Labelled)
_encode = msgspec.json.Encoder().encode
"""Compact JSON with UTF-8 text, as ``responses.dumps`` writes it (the same bytes), four times faster."""


@dataclass(frozen=True)
class Hit:
    """One hit: what /v1/search shows of it, and the stored record's JSON text (sent as it is stored)."""

    type: str
    id: str
    document_id: str
    occurrences: int
    snippet: dict[str, Any]
    match: dict[str, int] | None
    record: bytes
    """The stored record's JSON as UTF-8 bytes."""

    def to_json(self) -> bytes:
        """The hit as /v1/search sends it: the record spliced in as stored, never parsed and written again."""
        head = {"type": self.type, "id": self.id, "document_id": self.document_id, "occurrences": self.occurrences}
        head |= {"snippet": self.snippet, "match": self.match}
        if self.type == "measure":
            return _encode(head)[:-1] + b',"measure":' + self.record + b',"target":null}'
        return _encode(head)[:-1] + b',"measure":null,"target":' + self.record + b"}"


@dataclass(frozen=True)
class Hits:
    """A page of hits, the total (an estimate when ``estimated``), the release read and whether more follow."""

    hits: list[Hit]
    total: int
    estimated: bool
    release: ReleaseInfo | None
    more: bool


def find(api: ApiState, needle: str, hit_type: HitKind | None, document: str | None, offset: int, limit: int) -> Hits:
    """Hits for a folded needle: ranked, from offset, at most limit (see ``db.search.ranked_window``)."""
    dialect = api.engine.dialect.name
    kinds = (hit_type.value,) if hit_type else tuple(kind.value for kind in HitKind)  # result entries serve /v1/results?q= only
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        window = ranked_window(connection, dialect, needle, kinds, document or None, api.settings.search_candidates, offset, limit + 1)
    hits = []
    for row in window.rows[:limit]:
        labelled = _labelled.decode(row.record)
        labels = (labelled.text if row.kind == "measure" else labelled.indicator) or {}
        display = labels.get(row.language or "zh-Hant") or next(iter(labels.values()))
        text, highlights, first = snippet(display, needle, row.folded)
        match = None
        if row.kind == "measure" and first >= 0 and labelled.source is not None:
            start = labelled.source.start + first
            match = {"start": start, "end": start + len(needle)}
        snip = {"text": text, "highlights": highlights}
        hits.append(Hit(row.kind, row.record_id, row.document_id, int(row.occurrences), snip, match, row.record))
    return Hits(hits, window.total, window.estimated, release, len(window.rows) > limit)


@get("/v1/search", sync_to_thread=True, operation_id="search", summary="Search measures and targets", responses=ERRORS, tags=["search"])
def search(
    request: HttpRequest,
    api: Api,
    q: Query,
    hit_type: HitType = None,
    document: DocumentFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response[SearchResults]:
    """Measures (by text) and targets (by indicator) containing q, across scripts.

    Ranked by occurrences, then document order, then id, among the first
    ``WORKREPORT_SEARCH_CANDIDATES`` matches (200 by default) in index order;
    later matches follow in index order, and the total is then an estimate
    (``meta.total_estimated``). Each hit has its type,
    a snippet with highlights, for measures the span of the first match in the
    document text, and the record itself.
    """
    require_acceptable(request, "application/json")
    needle = fold_query(q)
    if not needle:
        raise ValidationException(detail="invalid parameters", extra=[{"key": "q", "message": "is blank", "source": "query"}])
    offset = 0
    if cursor is not None:
        try:
            (offset,) = decode_cursor(cursor, (int,))
        except CursorError as error:
            raise ValidationException(
                detail="invalid parameters", extra=[{"key": "cursor", "message": str(error), "source": "query"}]
            ) from None
        if not 0 <= offset <= MAX_OFFSET:
            raise ValidationException(
                detail="invalid parameters", extra=[{"key": "cursor", "message": "is out of range", "source": "query"}]
            )
    found = find(api, needle, hit_type, document, offset, limit)
    next_cursor = encode_cursor((offset + limit,)) if found.more else None
    links = page_links(request, api, cursor, next_cursor)
    meta: dict[str, Any] = {"total": found.total, "limit": limit, "next_cursor": next_cursor}
    if found.estimated:
        meta["total_estimated"] = True
    data = b",".join(hit.to_json() for hit in found.hits)
    body = b'{"data":[' + data + b'],"meta":' + dumps(meta) + b',"links":' + dumps(links) + b"}"
    return data_response(body, found.release, headers={"Link": f'<{links["next"]}>; rel="next"'} if links["next"] else None)


ROUTES = [search]
