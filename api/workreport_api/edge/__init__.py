"""The HTTP edge: the ASGI layer below Litestar, one concept per module (asgi.py composes them).

Only what must see every request and every byte lives here: the per-release
response cache, validators and 304s, single flight, request-line checks, and
the concerns a cache hit needs without entering Litestar (rate limit, CORS and
the other shared header fields, compression). Litestar-level helpers
(parameters, problems, errors, negotiation, cursors) stay in ``http/``.
"""

from .asgi import Edge
from .directives import CacheDirective
from .release_watch import ReleaseWatcher
from .types import ASGIApp

__all__ = ["ASGIApp", "CacheDirective", "Edge", "ReleaseWatcher"]
