"""The HTTP/1.1 connection below the edge: limits a hostile client meets before any request is parsed.

uvicorn's httptools protocol, with what it lacks for a public server:

- a cap on the header section's bytes and field count, counted as bytes arrive
  (one 64 MB header otherwise takes seconds to parse while other requests wait);
- a header timeout from the moment a connection opens or finishes a response
  (slowloris connections and idle sockets are closed);
- a cap on open connections per worker;
- every connection already waiting admitted at once, where uvloop's libuv admits one per turn of the loop
  (edge/accepting.py);
- every error the server itself produces (unparsable request, raw non-ASCII
  request line, too-large headers, timeout, too many connections) as RFC 9457
  problem+json with CORS and nosniff, like the API's own errors.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from typing import Any

import httptools
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from ..settings import Settings
from .accepting import admit_waiting_at
from .problems import PROBLEM_MEDIA_TYPE, problem_body

BAD_REQUEST_DETAIL = (
    "the request cannot be parsed as HTTP/1.1; characters outside ASCII in the path or query must be "
    "percent-encoded (curl -G --data-urlencode 'q=...')"
)


@lru_cache(maxsize=1)
def _settings() -> Settings:
    return Settings.from_env()


def problem_response(settings: Settings, slug: str, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> bytes:
    """A whole HTTP/1.1 response carrying a problem, closing the connection."""
    body = problem_body(settings.public_base_url, slug, detail, "")
    headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"access-control-allow-origin", b"*"),
        (b"x-content-type-options", b"nosniff"),
        (b"connection", b"close"),
        *(extra or []),
    ]
    return STATUS_LINE[status] + b"".join(name + b": " + value + b"\r\n" for name, value in headers) + b"\r\n" + body


class _TooLarge(Exception):
    """Raised inside a parser callback to stop parsing an oversized header section."""


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with header limits, a header timeout, a connection cap and problem+json errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # uvicorn's arguments, passed on as they come
        super().__init__(*args, **kwargs)
        self.limits = _settings()
        self._header_bytes = 0
        self._header_count = 0
        self._in_headers = True
        self._header_timer: asyncio.TimerHandle | None = None
        self._closed = False

    # -- connection ----------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections:
            detail = f"this worker has {self.limits.max_connections} connections open; retry later"
            self._refuse("overloaded", 503, detail, [(b"retry-after", b"1")])
            return
        self._arm_header_timer()
        self._admit_waiting()

    def _admit_waiting(self) -> None:
        """Accept the other connections already waiting, which libuv would admit one per turn of the loop
        (edge/accepting.py)."""
        if self.config.ssl is not None:
            return
        room = self.limits.max_connections - len(self.connections)  # beyond the cap, left for another worker
        admit_waiting_at(self.loop, self._sibling, self.transport.get_extra_info("sockname"), room)

    def _sibling(self) -> GuardedHttpToolsProtocol:
        """A protocol for another connection of this worker, as uvicorn makes one."""
        return type(self)(config=self.config, server_state=self.server_state, app_state=self.app_state, _loop=self.loop)

    def connection_lost(self, exc: Exception | None) -> None:
        self._closed = True
        self._disarm_header_timer()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self.limits.header_timeout_seconds, self._header_timeout)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _header_timeout(self) -> None:
        self._header_timer = None
        if self._closed or not self._in_headers:
            return
        if self.cycle is not None and not self.cycle.response_complete:
            self._arm_header_timer()  # a (pipelined) request is still being answered
            return
        if self._header_bytes == 0:
            self.transport.close()  # an idle connection: nothing to answer
            return
        self._refuse("request-timeout", 408, f"the request header section did not arrive within {self.limits.header_timeout_seconds:g} s")

    def _refuse(self, slug: str, status: int, detail: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
        if self._closed or self.transport.is_closing():
            return
        self.transport.write(problem_response(self.limits, slug, status, detail, extra))
        self.transport.close()
        self._closed = True

    # -- parsing ---------------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        if self._closed:
            return
        if self._in_headers:
            self._header_bytes += len(data)
            if self._header_bytes > self.limits.max_header_bytes + 4:  # + the blank line ending the section
                self._refuse("headers-too-large", 431, f"the request header section may have {self.limits.max_header_bytes} bytes")
                return
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            pass  # no protocol upgrades: the request was answered as plain HTTP
        except httptools.HttpParserError:
            if self._header_count > self.limits.max_header_count:
                self._refuse("headers-too-large", 431, f"a request may have at most {self.limits.max_header_count} header fields")
            else:
                self._refuse("bad-request", 400, BAD_REQUEST_DETAIL)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_headers = True
        self._header_count = 0

    def on_header(self, name: bytes, value: bytes) -> None:
        self._header_count += 1
        if self._header_count > self.limits.max_header_count:
            raise _TooLarge
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_headers = False
        self._disarm_header_timer()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self._closed and not self.transport.is_closing():
            self._in_headers = True
            self._header_bytes = 0
            self._arm_header_timer()

    def send_400_response(self, msg: str) -> None:
        self._refuse("bad-request", 400, BAD_REQUEST_DETAIL)
