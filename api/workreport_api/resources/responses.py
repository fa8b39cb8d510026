"""Building responses: raw record bytes in envelopes, cache marks for the edge, streams, documented errors."""

from __future__ import annotations

import datetime
import json
import re
import threading
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, TypeAlias
from urllib.parse import parse_qsl, quote_plus

from litestar import Response
from litestar.background_tasks import BackgroundTask
from litestar.exceptions import NotFoundException, ValidationException
from litestar.openapi import ResponseSpec

from ..db.collections import CollectionSpec, Key
from ..db.prepared import Reading
from ..db.reading import ReleaseInfo, latest_release, snapshot
from ..edge.problems import PROBLEM_MEDIA_TYPE, Problem
from ..formats import BOM, csv_line
from ..http.cursor import CursorError, decode_cursor, encode_cursor
from ..http.directives import CacheableResponse, CacheableStream, CacheDirective
from ..http.negotiation import MEDIA_TYPES, representation, require_acceptable
from ..http.requests import HttpRequest
from ..queries.filters import Where
from ..queries.listing import Page, count_key, count_matching, exists, fetch_one, fetch_page, fetch_page_no_total
from ..state import ApiState
from ..tabular import COLUMNS, header

JSON = "application/json"
Check = Callable[[Reading], None]
"""A test run in the snapshot of a read before the read (``require``: 404 when a parent record does not exist)."""
STREAM_BATCH = 1000
"""Records per database round trip of a stream."""


def _problem(description: str) -> ResponseSpec:
    return ResponseSpec(data_container=Problem, description=description, media_type=PROBLEM_MEDIA_TYPE, generate_examples=False)


ERRORS: dict[int, ResponseSpec] = {
    400: _problem("Invalid parameters: unknown, repeated, malformed or out of bounds (see invalid_params)."),
    404: _problem("No such record or path."),
    406: _problem("None of the media types in Accept is served."),
    414: _problem("The path or the query string is too long."),
    429: _problem("Rate limit exceeded; retry after Retry-After seconds."),
    500: _problem("Unexpected server error."),
    503: _problem("Database unavailable, or too many downloads at once; retry after Retry-After seconds."),
}
"""Error responses documented on every operation (typed problem models keep generated clients' error types)."""


EMPTY_RELEASE = ReleaseInfo(0, "sha256:empty", datetime.datetime.fromtimestamp(0, tz=datetime.UTC))
"""The release of a database with nothing loaded yet."""


RenderedResponse: TypeAlias = "Response[Any]"
"""A response whose body is already bytes, returned by handlers that declare the model it holds (``Response[TargetList]``)
for the OpenAPI document: Response is invariant in its content type, so only Any matches every declaration."""


def data_directive(release: ReleaseInfo | None) -> CacheDirective:
    """Cacheable data computed from this release."""
    return CacheDirective(release or EMPTY_RELEASE)


def data_response(
    content: bytes, release: ReleaseInfo | None, media_type: str = JSON, headers: dict[str, str] | None = None
) -> RenderedResponse:
    """A response the edge may cache for this release and validate with ETag / Last-Modified."""
    return CacheableResponse(content=content, media_type=media_type, headers=headers or {}, directive=data_directive(release))


def static_response(content: bytes, media_type: str, headers: dict[str, str] | None = None) -> RenderedResponse:
    """A response that never changes while the server runs (schema files, docs assets)."""
    return CacheableResponse(content=content, media_type=media_type, headers=headers or {}, directive=CacheDirective(None))


def json_response(value: object) -> RenderedResponse:
    """A small JSON response that the edge must not cache (health probes)."""
    return Response(content=dumps(value), media_type=JSON)


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def page_links(request: HttpRequest, api: ApiState, cursor: str | None, next_cursor: str | None) -> dict[str, str | None]:
    """The ``self`` and ``next`` links of a page: this list's URL with each cursor, other parameters kept in the
    request's order.

    Read from the query string as Litestar parses it: ``query_params.multi_items()`` yields keys in set order,
    which changes with each process's hash seed (two workers gave two bodies for one URL and one ETag).
    """
    params = [(key, value) for key, value in _parse_query(request.url.query) if key != "cursor"]
    base = f"{api.base_url}{request.url.path}"
    kept = _encode_query(params)

    def url(cursor: str | None) -> str:
        query = "&".join(part for part in (kept, _encode_query([("cursor", cursor)]) if cursor is not None else "") if part)
        return base + (f"?{query}" if query else "")

    return {"self": url(cursor), "next": url(next_cursor) if next_cursor else None}


_SAFE = re.compile(r"[A-Za-z0-9_.~-]*")
"""What ``quote_plus`` leaves as it is (its always-safe characters)."""


def _parse_query(query: str) -> list[tuple[str, str]]:
    """``parse_qsl(query)``: a query with nothing escaped (no ``%``, no ``+``) is split without unquoting anything."""
    if "%" in query or "+" in query:
        return parse_qsl(query, separator="&")
    pairs = []
    for part in query.split("&"):
        name, equals, value = part.partition("=")
        if equals and value:  # parse_qsl drops blank values and fields without "="
            pairs.append((name, value))
    return pairs


def _encode_query(params: list[tuple[str, str]]) -> str:
    """``urlencode(params)``, without quoting what needs no quoting (ids, numbers, cursors)."""
    return "&".join(
        f"{key if _SAFE.fullmatch(key) else quote_plus(key)}={value if _SAFE.fullmatch(value) else quote_plus(value)}"
        for key, value in params
    )


def _json_string(text: str) -> str:
    """``json.dumps(text, ensure_ascii=False)``: printable ASCII without quotes or backslashes needs no escaping."""
    if text.isascii() and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return json.dumps(text, ensure_ascii=False)


def _page_tail(total: int, limit: int, next_cursor: str | None, links: dict[str, str | None], estimated: bool = False) -> bytes:
    """``,"meta":…,"links":…}`` as ``dumps`` writes them (the keys in this order), without an encoder per call;
    ``"total_estimated":true`` ends the meta when the total is an estimate, as /v1/search writes it."""
    after = _json_string(next_cursor) if next_cursor is not None else "null"
    following = _json_string(links["next"]) if links["next"] is not None else "null"
    self_link = _json_string(links["self"] or "")
    flag = ',"total_estimated":true' if estimated else ""
    meta = f'"meta":{{"total":{int(total)},"limit":{int(limit)},"next_cursor":{after}{flag}}}'
    return f',{meta},"links":{{"self":{self_link},"next":{following}}}}}'.encode()


def decode(cursor: str | None, spec: CollectionSpec) -> Key | None:
    if cursor is None:
        return None
    try:
        return decode_cursor(cursor, spec.key_types)
    except CursorError as error:
        raise ValidationException(
            detail="invalid parameters", extra=[{"key": "cursor", "message": str(error), "source": "query"}]
        ) from None


async def collection(
    spec: CollectionSpec,
    where: Where,
    check: Check | None = None,
    *,
    request: HttpRequest,
    api: ApiState,
    limit: int,
    cursor: str | None,
    fmt: str | None,
    bom: bool | None,
) -> RenderedResponse:
    """A list in the negotiated format: a JSON page, or the whole filtered collection as CSV or NDJSON (the keyword
    arguments: a list handler's shared ``**listing``, see listing.py).

    The reads go through ``api.read_in_snapshot`` (a page) and ``api.read`` (a download's first read): a page with
    prepared SQL runs on the event loop on SQLite; a search, a download's first read and every read on PostgreSQL in
    a worker thread."""
    form = representation(request, fmt)
    after = decode(cursor, spec)
    if form != "json":
        return await stream(api, spec, where, form, bool(bom), check)
    release, page = await api.read_in_snapshot(partial(read_page, api, spec, where, limit, after, check), heavy=not where.light)
    next_cursor = encode_cursor(page.next_key) if page.next_key is not None else None
    links = page_links(request, api, cursor, next_cursor)
    body = b'{"data":[' + b",".join(page.records) + b"]" + _page_tail(page.total, limit, next_cursor, links, page.estimated)
    headers = {"Link": f'<{links["next"]}>; rel="next"'} if links["next"] else {}
    return data_response(body, release, headers=headers)


def read_page(
    api: ApiState, spec: CollectionSpec, where: Where, limit: int, after: Key | None, check: Check | None, connection: Reading
) -> tuple[ReleaseInfo | None, Page]:
    """The release and one page, read in the snapshot of ``connection`` (after the parent check, when given)."""
    if check is not None:
        check(connection)
    release = latest_release(connection)
    if where.search is not None:  # counted exactly up to a bound, then estimated (queries/searched.py)
        return release, fetch_page(connection, spec, where, limit, after, exact_up_to=api.settings.search_list_exact)
    if where.unfiltered:
        whole: int | None = api.totals.total(connection, release, spec)  # counted once per release
    elif (key := count_key(spec, where)) is not None:
        whole = api.totals.filtered(release, key, partial(count_matching, connection, spec, where))
    else:
        whole = None
    return release, fetch_page(connection, spec, where, limit, after, whole)


class SlotHolding:
    """An iterator that gives its download slot back once: at its end, on an error, or when closed.

    ``close`` may come from the event loop while a worker thread reads the next chunk (a client that went away): the
    slot goes back at once, and the inner iterator is closed too unless that thread is in it (it is then dropped with
    the response). Dropped unstarted, the garbage collector closes it, a last resort.
    """

    def __init__(self, inner: Iterator[bytes], give_back: Callable[[], None]) -> None:
        self.inner = inner
        self._give_back: Callable[[], None] | None = give_back
        self._closing = threading.Lock()

    def __iter__(self) -> SlotHolding:
        return self

    def __next__(self) -> bytes:
        try:
            return next(self.inner)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        with self._closing:
            give_back, self._give_back = self._give_back, None
        if give_back is None:
            return
        try:
            close = getattr(self.inner, "close", None)
            if close is not None:
                close()  # a generator's ``finally`` / ``with``: a spooled file, records in memory
        except ValueError:  # "generator already executing": a worker thread is reading its next chunk
            pass
        finally:
            give_back()

    def __del__(self) -> None:
        self.close()


def download_stream(
    chunks: Iterator[bytes], api: ApiState, release: ReleaseInfo | None, media_type: str, headers: dict[str, str] | None = None
) -> RenderedResponse:
    """A cacheable stream holding the caller's download slot (taken already) until the response is over.

    The slot goes back when the last chunk is read, when reading fails, or, as Litestar's background task after
    the response, when the client went away mid-stream: Litestar then cancels the stream and leaves the iterator
    unfinished, and in a running server nothing freed it for minutes (two clients cutting a download short left
    every later download to wait 2 s and get 503).
    """
    holding = SlotHolding(chunks, api.downloads.give_back)

    async def over() -> None:
        holding.close()

    return CacheableStream(
        holding, media_type=media_type, headers=headers or {}, directive=data_directive(release), background=BackgroundTask(over)
    )


def checked_release(api: ApiState, check: Check | None = None) -> ReleaseInfo | None:
    """The release a download starts from, after the parent check (when given), in one snapshot."""
    with snapshot(api.engine) as connection:
        if check is not None:
            check(connection)
        return latest_release(connection)


class ReleaseChanged(Exception):
    """A new release was loaded while a stream was being sent: the stream stops rather than mix two releases."""


async def stream(api: ApiState, spec: CollectionSpec, where: Where, form: str, bom: bool, check: Check | None = None) -> RenderedResponse:
    """The whole filtered collection as CSV or NDJSON, fetched in batches.

    The parent check (404) and the release are read first, in a worker thread; then the stream waits for a
    download slot on the event loop, holding no thread (``http/slots.py``). No database connection is held while
    bytes go to the client: each batch is read in its own short snapshot, and every batch checks that the release
    is still the one the stream started with. If a load happened meanwhile the stream breaks off (the client sees
    an incomplete response), so it never mixes two releases.
    """
    release = await api.read(partial(checked_release, api, check), heavy=True)
    await api.downloads.take()  # given back when the stream ends, however it ends
    release_id = release.id if release else None

    def batches() -> Iterator[list[bytes]]:
        after: Key | None = None
        while True:
            with snapshot(api.engine) as connection:
                current = latest_release(connection)
                if (current.id if current else None) != release_id:
                    raise ReleaseChanged(f"release {release_id} was replaced while streaming {spec.name}")
                records, after = fetch_page_no_total(connection, spec, where, STREAM_BATCH, after)
            yield records
            if after is None:
                return

    def rows() -> Iterator[bytes]:
        if form == "csv":
            yield ((BOM if bom else "") + csv_line(header(spec.name))).encode()
            columns = COLUMNS[spec.name]
            for batch in batches():
                yield "".join(csv_line([column.get(data) for column in columns]) for data in map(json.loads, batch)).encode()
        else:
            for batch in batches():
                yield b"".join(record + b"\n" for record in batch)

    return download_stream(rows(), api, release, MEDIA_TYPES[form])


async def item(request: HttpRequest, api: ApiState, spec: CollectionSpec, record_id: str) -> RenderedResponse:
    """One record by id (JSON only: 406 otherwise), or 404."""
    require_acceptable(request, JSON)
    release, record = await api.read_in_snapshot(partial(read_one, spec, record_id))
    if record is None:
        raise NotFoundException(detail=f"no {spec.entity} with id {record_id[:200]!r}")
    return data_response(record, release)


def read_one(spec: CollectionSpec, record_id: str, connection: Reading) -> tuple[ReleaseInfo | None, bytes | None]:
    """The release and one record's stored JSON (None when there is no such record), read in the snapshot of
    ``connection``."""
    return latest_release(connection), fetch_one(connection, spec, record_id)


def require(spec: CollectionSpec, record_id: str) -> Check:
    """A check for related lists: 404 when the parent record does not exist."""

    def check(connection: Reading) -> None:
        if not exists(connection, spec, record_id):
            raise NotFoundException(detail=f"no {spec.entity} with id {record_id[:200]!r}")

    return check
