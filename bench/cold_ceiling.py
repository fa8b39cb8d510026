"""The cold ceiling: a minimal Litestar app over sqlite3 returning our cold responses' bytes, read from the same file.

No cache, no edge, no validators, no release lookup: for each cold scenario of
the bench (a page of 50 measures, one measure by id, the measures of a chapter,
targets by unit) it runs the one indexed query and the count, and joins the
stored record text into our envelope (the same cursor and links), so its body
is byte for byte ours (bench/run.py checks that before loading it). It is what
the framework, the server and SQLite can do on this machine with the cache
off; our cold path is compared against it.

    CEILING_DATABASE=workreport.sqlite3 CEILING_BASE_URL=http://127.0.0.1:8901 uvicorn bench.cold_ceiling:app
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
from typing import Any
from urllib.parse import parse_qsl, urlencode

from litestar import Litestar, Request, Response, get

DATABASE = os.environ.get("CEILING_DATABASE", ":memory:")
BASE_URL = os.environ.get("CEILING_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
_connection = sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)


def _cursor(key: tuple[Any, ...]) -> str:
    raw = json.dumps(["1", *key], ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _url(request: Request[Any, Any, Any], cursor: str | None) -> str:
    query_string = request.scope["query_string"].decode("latin-1")
    params = [(key, value) for key, value in parse_qsl(query_string, keep_blank_values=True) if key != "cursor"]
    if cursor is not None:
        params.append(("cursor", cursor))
    query = urlencode(params)
    return f"{BASE_URL}{request.url.path}" + (f"?{query}" if query else "")


def _page(request: Request[Any, Any, Any], table: str, where: str, values: tuple[Any, ...], limit: int) -> Response[bytes]:
    total = _connection.execute(f"SELECT count(*) FROM {table}{where}", values).fetchone()[0]
    rows = _connection.execute(
        f"SELECT CAST(record AS BLOB), document_id, seq, id FROM {table}{where} ORDER BY document_id, seq, id LIMIT ?",
        (*values, limit + 1),
    ).fetchall()
    next_cursor = _cursor(tuple(rows[limit - 1][1:])) if len(rows) > limit else None
    links = {"self": _url(request, None), "next": _url(request, next_cursor) if next_cursor else None}
    meta = {"total": total, "limit": limit, "next_cursor": next_cursor}
    dumps = json.dumps
    body = (
        b'{"data":['
        + b",".join(row[0] for row in rows[:limit])
        + b'],"meta":'
        + dumps(meta, separators=(",", ":")).encode()
        + b',"links":'
        + dumps(links, ensure_ascii=False, separators=(",", ":")).encode()
        + b"}"
    )
    return Response(body, media_type="application/json")


@get("/v1/measures", sync_to_thread=False)
def measures(request: Request[Any, Any, Any], chapter: str | None = None, limit: int = 50) -> Response[bytes]:
    if chapter is None:
        return _page(request, "measures", "", (), limit)
    return _page(request, "measures", " WHERE chapter_id = ?", (chapter,), limit)


@get("/v1/measures/{measure_id:str}", sync_to_thread=False)
def measure(measure_id: str) -> Response[bytes]:
    row = _connection.execute("SELECT CAST(record AS BLOB) FROM measures WHERE id = ?", (measure_id,)).fetchone()
    return Response(row[0], media_type="application/json") if row else Response(b"{}", status_code=404)


@get("/v1/targets", sync_to_thread=False)
def targets(request: Request[Any, Any, Any], unit: str, limit: int = 50) -> Response[bytes]:
    return _page(request, "targets", " WHERE unit_id = ?", (unit,), limit)


app = Litestar([measures, measure, targets], openapi_config=None, debug=False)
