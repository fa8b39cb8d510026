"""Single flight: concurrent requests for one uncached response wait briefly for the first instead of all computing it.

A burst on a new URL (a crawler, a link shared widely, the first requests after
a release) would otherwise run the same query once per request. The wait is
bounded (``single_flight_wait_seconds``): followers never wait for the
leader's slow client, only for the cache to be filled.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

from .types import CacheKey


class SingleFlight:
    """The response computations in progress in this worker, by cache key."""

    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        self._inflight: dict[CacheKey, asyncio.Future[None]] = {}

    def leader(self, key: CacheKey) -> asyncio.Future[None] | None:
        """The future of a computation of ``key`` already running, if any."""
        return self._inflight.get(key)

    async def follow(self, leader: asyncio.Future[None]) -> None:
        """Wait for the leader to fill the cache, at most ``wait_seconds``."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(leader), self.wait_seconds)

    @contextlib.contextmanager
    def lead(self, key: CacheKey) -> Iterator[asyncio.Future[None]]:
        """Register this request as the one computing ``key``; the future is set when the cache is filled, or at the end."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            yield future
        finally:
            if self._inflight.get(key) is future:
                del self._inflight[key]
            if not future.done():
                future.set_result(None)
