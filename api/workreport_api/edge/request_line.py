"""Refusals before any routing: a request line or header section no handler should see.

uvicorn hands the app percent-escapes it never checked; Litestar would decode
them into str paths and parameters. A malformed escape, a path that is not
UTF-8 once decoded, a NUL, an overlong URL or an oversized or ambiguous header
section is answered here as a problem, so handlers only ever see text.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from ..settings import Settings
from .request import Request
from .request_headers import HeaderError
from .types import Headers

MAX_PATH = 2048
MAX_QUERY = 4096
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")

Refusal = tuple[str, int, str]
"""A problem's slug, status and detail."""


def request_line_problem(request: Request) -> Refusal | None:
    """Why the path or query cannot be read as text, or None."""
    if len(request.path) > MAX_PATH or len(request.query) > MAX_QUERY:
        return "uri-too-long", 414, f"the path may have {MAX_PATH} bytes and the query string {MAX_QUERY}"
    for part, what in ((request.path, "path"), (request.query, "query string")):
        if b"%" not in part and part.isascii():
            continue
        if _BAD_ESCAPE.search(part):
            return "bad-request", 400, f"the {what} has a malformed percent-escape"
        try:
            decoded = unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return "bad-request", 400, f"the {what} is not valid UTF-8 once percent-decoded"
        if "\x00" in decoded:
            return "bad-request", 400, f"the {what} contains a NUL character"
    return None


def header_size_problem(headers: Headers, max_bytes: int, max_count: int) -> str | None:
    """Why the request's header section is too large, or None (also enforced by the server before parsing)."""
    if len(headers) > max_count:
        return f"at most {max_count} header fields are accepted, not {len(headers)}"
    size = sum(len(name) + len(value) + 4 for name, value in headers)
    if size > max_bytes:
        return f"the header fields may have {max_bytes} bytes in all, not {size}"
    return None


def header_problem(request: Request, settings: Settings) -> Refusal | None:
    """Why the header section is refused, or None after reading it into ``request.headers``."""
    too_large = header_size_problem(request.scope["headers"], settings.max_header_bytes, settings.max_header_count)
    if too_large:
        return "headers-too-large", 431, too_large
    try:
        request.read_headers()
    except HeaderError as error:
        return "bad-request", 400, str(error)
    return None
