"""Search across measures and targets, ranked, with highlighted snippets."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

from litestar import Request, Response, get
from litestar.exceptions import ValidationException
from litestar.params import Parameter, QueryParameter
from sqlalchemy import ColumnElement, func, select
from sqlmodel import col

from workreport_pipeline import fold

from ..db.reading import ReleaseInfo, latest_release, snapshot
from ..db.search import MAX_QUERY_LENGTH, fold_query, matching, occurrences
from ..db.tables import Document, Measure, SearchEntry, Target
from ..http.cursor import CursorError, decode_cursor, encode_cursor
from ..http.negotiation import require_acceptable
from ..http.params import DEFAULT_LIMIT, SEARCH_PATTERN, Cursor, DocumentFilter, Limit
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


def snippet(display: str, needle: str) -> tuple[str, list[dict[str, int]], int]:
    """Words around the first match and every match inside them; also the first match's offset in ``display``."""
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


def find(
    api: ApiState, needle: str, hit_type: HitKind | None, document: str | None, offset: int, limit: int
) -> tuple[list[dict[str, Any]], int, ReleaseInfo | None, bool]:
    """Hits for a folded needle: ranked, from offset, at most limit; with the total, the release and whether more follow."""
    dialect = api.engine.dialect.name
    kinds = [hit_type.value] if hit_type else [kind.value for kind in HitKind]  # result entries serve /v1/results?q= only
    conditions: list[ColumnElement[bool]] = [col(SearchEntry.kind).in_(kinds)]
    if document:
        conditions.append(col(SearchEntry.document_id) == document)
    rank = occurrences(needle).label("occurrences")
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        # One pass over the matches: the window count gives the total beside the top of the ranking.
        rows = connection.execute(
            matching(
                dialect,
                needle,
                col(SearchEntry.kind),
                col(SearchEntry.record_id),
                col(SearchEntry.document_id),
                rank,
                func.count().over().label("total"),
            )
            .where(*conditions)
            .order_by(rank.desc(), col(SearchEntry.document_id), col(SearchEntry.seq), col(SearchEntry.kind), col(SearchEntry.record_id))
            .offset(offset)
            .limit(limit + 1)
        ).all()
        if rows:
            total = rows[0].total
        else:
            total = connection.execute(matching(dialect, needle, func.count()).where(*conditions)).scalar_one() if offset else 0
        page = rows[:limit]
        measure_ids = [row.record_id for row in page if row.kind == "measure"]
        target_ids = [row.record_id for row in page if row.kind == "target"]
        records = dict(connection.execute(select(col(Measure.id), col(Measure.record)).where(col(Measure.id).in_(measure_ids))).all())
        records |= dict(connection.execute(select(col(Target.id), col(Target.record)).where(col(Target.id).in_(target_ids))).all())
        languages = dict(connection.execute(select(col(Document.id), col(Document.language))).all())
    hits = []
    for row in page:
        record = json.loads(records[row.record_id])
        field = "text" if row.kind == "measure" else "indicator"
        labels = record[field]
        display = labels.get(languages.get(row.document_id, "zh-Hant")) or next(iter(labels.values()))
        text, highlights, first = snippet(display, needle)
        match = None
        if row.kind == "measure" and first >= 0:
            start = record["source"]["start"] + first
            match = {"start": start, "end": start + len(needle)}
        hits.append(
            {
                "type": row.kind,
                "id": row.record_id,
                "document_id": row.document_id,
                "occurrences": int(row.occurrences),
                "snippet": {"text": text, "highlights": highlights},
                "match": match,
                "measure": record if row.kind == "measure" else None,
                "target": record if row.kind == "target" else None,
            }
        )
    return hits, int(total), release, len(rows) > limit


@get("/v1/search", sync_to_thread=True, operation_id="search", summary="Search measures and targets", responses=ERRORS, tags=["search"])
def search(
    request: Request[Any, Any, Any],
    api: Api,
    q: Query,
    hit_type: HitType = None,
    document: DocumentFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response[SearchResults]:
    """Measures (by text) and targets (by indicator) containing q, across scripts.

    Ranked by occurrences, then document order, then id. Each hit has its type,
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
    hits, total, release, more = find(api, needle, hit_type, document, offset, limit)
    next_cursor = encode_cursor((offset + limit,)) if more else None
    links = page_links(request, api, cursor, next_cursor)
    body = dumps({"data": hits, "meta": {"total": int(total), "limit": limit, "next_cursor": next_cursor}, "links": links})
    return data_response(body, release, headers={"Link": f'<{links["next"]}>; rel="next"'} if links["next"] else None)


ROUTES = [search]
