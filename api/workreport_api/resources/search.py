"""Search across measures and targets, ranked, with highlighted snippets."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Annotated, TypedDict

import msgspec
from litestar import Response, get
from litestar.exceptions import ValidationException
from litestar.params import Parameter, QueryParameter

from workreport_pipeline import fold
from workreport_schema import JSONValue

from ..db.prepared import Reading
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


class Span(TypedDict):
    """Offsets of a match: in a snippet, or in the document's text."""

    start: int
    end: int


class Snippet(TypedDict):
    """Words around a hit's first match, with every match inside them."""

    text: str
    highlights: list[Span]


def snippet(display: str, needle: str, folded: str | None = None) -> tuple[str, list[Span], int]:
    """Words around the first match and every match inside them; also the first match's offset in ``display``.

    ``folded`` is ``display`` folded (the search entry stores it); folded here when not given."""
    if folded is None:
        folded = fold(display)
    first = folded.find(needle)
    size = len(needle)
    start = first - CONTEXT if first > CONTEXT else 0
    end = first + size + CONTEXT
    position = first
    highlights: list[Span] = []
    while position != -1 and position + size <= end:
        highlights.append({"start": position - start, "end": position - start + size})
        position = folded.find(needle, position + size)
    return display[start:end], highlights, first


_encode = msgspec.json.Encoder().encode
"""Compact JSON with UTF-8 text, as ``responses.dumps`` writes it (the same bytes), four times faster."""
_NULL = msgspec.Raw(b"null")


class Hit(msgspec.Struct, frozen=True, gc=False):
    """One hit as /v1/search sends it, its fields in the order sent; the record is the stored JSON, spliced in as
    it is (``msgspec.Raw``), never parsed and written again."""

    type: str
    id: str
    document_id: str
    occurrences: int
    snippet: Snippet
    match: Span | None
    measure: msgspec.Raw
    target: msgspec.Raw


@dataclass(frozen=True)
class Hits:
    """A page of hits, the total (an estimate when ``estimated``), the release read and whether more follow."""

    hits: list[Hit]
    total: int
    estimated: bool
    release: ReleaseInfo | None
    more: bool

    def data_json(self) -> bytes:
        """The hits as the JSON array /v1/search sends: one encoding of the whole page."""
        return _encode(self.hits)


def find(api: ApiState, needle: str, hit_type: HitKind | None, document: str | None, offset: int, limit: int) -> Hits:
    """Hits for a folded needle: ranked, from offset, at most limit (see ``db.search.ranked_window``), read in a
    snapshot of SQLAlchemy's (for callers in a worker thread, such as the search page)."""
    with snapshot(api.engine) as connection:
        return find_in(connection, api, needle, hit_type, document, offset, limit)


def find_in(
    connection: Reading, api: ApiState, needle: str, hit_type: HitKind | None, document: str | None, offset: int, limit: int
) -> Hits:
    """``find`` within the caller's snapshot (on SQLite, possibly the driver's connection: prepared statements only).

    Each hit's snippet is cut from its entry's display text and its match offset from the entry's source start,
    so no record is parsed (the records are spliced into the response as stored)."""
    kinds = (hit_type.value,) if hit_type else tuple(kind.value for kind in HitKind)  # result entries serve /v1/results?q= only
    release = latest_release(connection)
    candidates = api.settings.search_candidates

    def remember(key: Hashable, count: Callable[[], int]) -> int:
        return api.totals.filtered(release, key, count)

    window = ranked_window(connection, api.dialect, needle, kinds, document or None, candidates, offset, limit + 1, remember)
    hits = []
    size = len(needle)
    for _, kind, record_id, document_id, occurrences, folded, display, source_start, record in window.rows[:limit]:
        text, highlights, first = snippet(display, needle, folded)
        match: Span | None = None
        if kind == "measure":
            if first >= 0 and source_start is not None:
                match = {"start": source_start + first, "end": source_start + first + size}
            measure, target = msgspec.Raw(record), _NULL
        else:
            measure, target = _NULL, msgspec.Raw(record)
        snip: Snippet = {"text": text, "highlights": highlights}
        hits.append(Hit(kind, record_id, document_id, int(occurrences), snip, match, measure, target))
    return Hits(hits, window.total, window.estimated, release, len(window.rows) > limit)


def search_offset(cursor: str | None) -> int:
    """Where a page of hits starts: a search cursor is an offset into the ranking (a 400 naming ``cursor`` otherwise);
    the API and the search page both read it."""
    if cursor is None:
        return 0
    try:
        (offset,) = decode_cursor(cursor, (int,))
    except CursorError as error:
        raise ValidationException(
            detail="invalid parameters", extra=[{"key": "cursor", "message": str(error), "source": "query"}]
        ) from None
    if not 0 <= offset <= MAX_OFFSET:
        raise ValidationException(detail="invalid parameters", extra=[{"key": "cursor", "message": "is out of range", "source": "query"}])
    return int(offset)


@get("/v1/search", operation_id="search", summary="Search measures and targets", responses=ERRORS, tags=["search"])
async def search(
    request: HttpRequest,
    api: Api,
    q: Query,
    hit_type: HitType = None,
    document: DocumentFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response[SearchResults]:
    """Measures (by text) and targets (by indicator) containing q, across scripts.

    Ranked by occurrences, then document order, then id. A q of up to 3
    characters without document= is ranked among all its matches, with an
    exact total. A longer q, or any q with document=, is ranked among the first
    ``WORKREPORT_SEARCH_CANDIDATES`` matches (200 by default) in index order;
    later matches follow in index order, and the total is then an estimate
    (``meta.total_estimated``) unless document= is given. Each hit has its type,
    a snippet with highlights, for measures the span of the first match in the
    document text, and the record itself.
    """
    require_acceptable(request, "application/json")
    needle = fold_query(q)
    if not needle:
        raise ValidationException(detail="invalid parameters", extra=[{"key": "q", "message": "is blank", "source": "query"}])
    offset = search_offset(cursor)
    # On SQLite a page within the candidates is a light read on the event loop, like a page of a list: it reads at
    # most twice the candidates and a page. A page past them skips ``offset`` entries (up to MAX_OFFSET), in a thread.
    read = partial(find_in, api=api, needle=needle, hit_type=hit_type, document=document, offset=offset, limit=limit)
    found = await api.read_in_snapshot(read, heavy=offset >= api.settings.search_candidates)
    next_cursor = encode_cursor((offset + limit,)) if found.more else None
    links = page_links(request, api, cursor, next_cursor)
    meta: dict[str, JSONValue] = {"total": found.total, "limit": limit, "next_cursor": next_cursor}
    if found.estimated:
        meta["total_estimated"] = True
    body = b'{"data":' + found.data_json() + b',"meta":' + dumps(meta) + b',"links":' + dumps(links) + b"}"
    return data_response(body, found.release, headers={"Link": f'<{links["next"]}>; rel="next"'} if links["next"] else None)


ROUTES = [search]
