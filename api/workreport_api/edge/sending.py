"""Writing a body to the ASGI send: empty for HEAD, and large bodies in slices.

Each send waits for the socket to drain, so a slow reader holds one slice and
the socket buffer, not another copy of the body.
"""

from __future__ import annotations

from .types import Headers, Send

SEND_CHUNK = 256 * 1024
"""Large bodies go out in slices of this size."""


async def send_body(method: str, send: Send, body: bytes) -> None:
    """The body (nothing for HEAD) in slices of at most SEND_CHUNK bytes."""
    if method == "HEAD" or len(body) <= SEND_CHUNK:
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})
        return
    view = memoryview(body)
    for offset in range(0, len(body), SEND_CHUNK):
        end = offset + SEND_CHUNK
        await send({"type": "http.response.body", "body": bytes(view[offset:end]), "more_body": end < len(body)})


async def send_whole(method: str, send: Send, status: int, headers: Headers, body: bytes) -> None:
    """A whole response, with its Content-Length."""
    await send({"type": "http.response.start", "status": status, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
    await send_body(method, send, body)


async def send_empty(send: Send, status: int, headers: Headers) -> None:
    """A response without a body (204, 304)."""
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
