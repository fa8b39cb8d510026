"""The edge: one ASGI layer in front of the Litestar app, composing what must see every request and every byte.

In order: request-line and header checks (request_line.py), the rate limit
(rate_limit.py), the method policy and CORS preflights (methods.py); then, for
GET and HEAD, the per-release response cache (release_cache.py) with its
validators and 304s (validators.py) and single flight (single_flight.py), or
the app through a relay (relay.py) that adds validators, compression
(compression.py) and the shared header fields (response_headers.py). Handlers
mark cacheable responses with a typed ``CacheDirective`` in the scope's state
(directives.py); nothing internal travels in headers.

Why these are not Litestar middleware: a cache hit or a 304 never enters
Litestar, and it must still be rate limited, carry CORS and be compressed;
bench/README.md ("Edge layer") has the figures.
"""

from __future__ import annotations

import asyncio
import logging

from ..db.reading import ReleaseInfo
from ..settings import Settings
from .compression import choose_encoding
from .directives import STATE_KEY
from .methods import method_problem, options_headers
from .rate_limit import RequestLimiter
from .relay import Relay
from .release_cache import ResponseCache
from .release_watch import ReleaseWatcher
from .request import Request
from .request_line import header_problem, request_line_problem
from .response_headers import SharedHeaders
from .responses import Responder
from .sending import send_empty
from .single_flight import SingleFlight
from .types import ASGIApp, CacheKey, Message, Receive, Scope, Send
from .validators import Validators, data_etag, fresh

logger = logging.getLogger("workreport.http")

STATIC_CACHE_MAX_BYTES = 16 * 1024 * 1024


class Edge:
    """ASGI middleware around the Litestar app (see the module docstring)."""

    def __init__(self, app: ASGIApp, settings: Settings, watcher: ReleaseWatcher) -> None:
        self.app = app
        self.settings = settings
        self.watcher = watcher
        self.cache = ResponseCache(settings.cache_max_bytes)
        self.static_cache = ResponseCache(min(settings.cache_max_bytes, STATIC_CACHE_MAX_BYTES))
        self.limiter = RequestLimiter(settings) if settings.rate_limit_per_minute > 0 else None
        self.flights = SingleFlight(settings.single_flight_wait_seconds)
        shared = SharedHeaders(settings)
        validators = Validators(settings.cache_max_age, vary_origin=not shared.any_origin)
        self.respond = Responder(settings.public_base_url, shared, validators, self.cache, self.static_cache)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            await self._handle(request, receive, tracked)
        except Exception:
            logger.exception("unexpected error in the HTTP edge for %s", request.instance)
            if not started:
                await self.respond.problem(request, send, "internal-error", 500, "unexpected server error")

    async def _handle(self, request: Request, receive: Receive, send: Send) -> None:
        problem = request_line_problem(request) or header_problem(request, self.settings)
        if problem:
            await self.respond.problem(request, send, *problem)
            return
        if self.limiter is not None:
            wait = self.limiter.wait(request)
            if wait:
                retry = [(b"retry-after", str(int(wait)).encode())]
                await self.respond.problem(request, send, "rate-limited", 429, "rate limit exceeded", retry)
                return
        refused = method_problem(request)
        if refused:
            await self.respond.problem(request, send, *refused)
            return
        if request.method == "OPTIONS":
            await send_empty(send, 204, [*options_headers(request), *self.respond.shared.common(request)])
            return
        key = request.key
        coding = choose_encoding(request.headers.get(b"accept-encoding", b""))
        if not self.cache.enabled or not request.cacheable:
            await self._forward(request, receive, send, key, coding, None)
            return
        static = self.static_cache.get(key, None)
        if static is not None:
            await self.respond.entry(request, send, key, static, coding)
            return
        release = await self.watcher.current()
        if release is None:
            await self._forward(request, receive, send, key, coding, None)
            return
        if await self._from_cache(request, send, key, coding, release):
            return
        leader = self.flights.leader(key)
        if leader is not None:
            await self.flights.follow(leader)  # a little, for the first request to fill the cache
            if not await self._from_cache(request, send, key, coding, release):
                await self._forward(request, receive, send, key, coding, None)
            return
        with self.flights.lead(key) as filled:
            await self._forward(request, receive, send, key, coding, filled)

    async def _from_cache(self, request: Request, send: Send, key: CacheKey, coding: str, release: ReleaseInfo) -> bool:
        """Answer from the cache, or with a 304 from the release alone; False when the app must answer."""
        entry = self.cache.get(key, release)
        if entry is not None:
            await self.respond.entry(request, send, key, entry, coding)
            return True
        etag = data_etag(release, key)
        if b"if-none-match" in request.headers and fresh(request, etag, release.loaded_at, exists=False):
            await self.respond.not_modified(request, send, etag, coding, release.loaded_at, data=True)
            return True
        return False

    async def _forward(
        self, request: Request, receive: Receive, send: Send, key: CacheKey, coding: str, filled: asyncio.Future[None] | None
    ) -> None:
        """Run the app; ``filled`` (the single-flight leader's) is set as soon as the response is cached."""
        scope = request.scope
        state = scope.get("state")
        scope["state"] = state = dict(state) if isinstance(state, dict) else {}  # this request's own: the directive lands here
        state.pop(STATE_KEY, None)
        inner_scope: Scope = {**scope, "method": "GET"} if request.method == "HEAD" else scope
        relay = Relay(self.respond, self.watcher, request, send, key, coding, filled, store=self.cache.enabled and request.cacheable)
        await self.app(inner_scope, receive, relay)
