"""The bare-ASGI ceiling: precomputed bytes of our page-of-50 response, nothing else.

Served by the same uvicorn stack as our API, it measures what Python can do on
this machine; our cached paths are compared against it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

BODY = Path(os.environ.get("CEILING_BODY", "/dev/null")).read_bytes()
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
