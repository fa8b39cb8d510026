"""A cap on whole-collection downloads computed at once, so a crowd of exports cannot exhaust memory."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from litestar.exceptions import HTTPException

RETRY_AFTER_SECONDS = 2


class Overloaded(HTTPException):
    """503: every download slot is taken (answered as the ``overloaded`` problem, with Retry-After)."""

    status_code = 503


class DownloadSlots:
    """At most ``limit`` downloads at once in this worker; one more is refused at once, never queued."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._free = threading.BoundedSemaphore(limit)

    def take(self) -> None:
        if not self._free.acquire(blocking=False):
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
