"""A cap on whole-collection downloads computed at once, so a crowd of exports cannot exhaust memory."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from litestar.exceptions import HTTPException

RETRY_AFTER_SECONDS = 2
QUEUE_SECONDS = 2.0
"""How long a download waits for a free slot before it is refused (absorbs a burst of identical first requests)."""


class Overloaded(HTTPException):
    """503: every download slot is taken (answered as the ``overloaded`` problem, with Retry-After)."""

    status_code = 503


class DownloadSlots:
    """At most ``limit`` downloads at once in this worker; one more waits briefly, then is refused.

    Handlers run in worker threads, so the short wait blocks no event loop.
    """

    def __init__(self, limit: int, wait: float = QUEUE_SECONDS) -> None:
        self.limit = limit
        self.wait = wait
        self._free = threading.BoundedSemaphore(limit)

    def take(self) -> None:
        if not self._free.acquire(timeout=self.wait):
            raise Overloaded(detail=f"{self.limit} downloads are already being prepared by this worker; retry shortly")

    def give_back(self) -> None:
        self._free.release()

    @contextmanager
    def held(self) -> Iterator[None]:
        self.take()
        try:
            yield
        finally:
            self.give_back()
