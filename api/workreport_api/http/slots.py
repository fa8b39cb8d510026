"""A cap on whole-collection downloads computed at once, so a crowd of exports cannot exhaust memory.

A download waits for its slot on the event loop, never in a worker thread. Handlers and streams share the loop's
default executor (on a 2-core machine, 6 threads): when waiting downloads each held a thread (a blocking
semaphore in a sync handler), a crowd of them took every thread, the downloads holding a slot could not get one
to read their next chunk, and nothing moved until the waits ran out (32 connections on the CSV export of all
measures with the cache off: 2 requests/s, 4-second responses, nearly all 503).
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from dataclasses import dataclass

from litestar.exceptions import HTTPException

RETRY_AFTER_SECONDS = 2
QUEUE_SECONDS = 2.0
"""How long a download waits for a free slot before it is refused (absorbs a burst of identical first requests)."""


class Overloaded(HTTPException):
    """503: every download slot is taken (answered as the ``overloaded`` problem, with Retry-After)."""

    status_code = 503


@dataclass(eq=False)
class _Waiter:
    """A download waiting for a slot: woken on its own event loop when a slot is handed to it."""

    loop: asyncio.AbstractEventLoop
    woken: asyncio.Future[None]
    granted: bool = False


def _wake(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class DownloadSlots:
    """At most ``limit`` downloads at once in this worker; more wait their turn, in order, at most ``wait`` seconds.

    ``take`` is a coroutine: a waiting download holds no thread. ``give_back`` may be called from any thread (a
    stream ends in the worker thread that read its last chunk): it hands the slot straight to the first waiter, so
    a slot freed is never taken by a newcomer ahead of those already waiting.
    """

    def __init__(self, limit: int, wait: float = QUEUE_SECONDS) -> None:
        self.limit = limit
        self.wait = wait
        self._lock = threading.RLock()  # reentrant: a stream dropped unstarted gives its slot back from __del__
        self._taken = 0
        self._waiting: deque[_Waiter] = deque()

    @property
    def taken(self) -> int:
        """Slots held now."""
        return self._taken

    async def take(self) -> None:
        """A slot, at once when one is free and nobody waits, else after those ahead; Overloaded after ``wait``."""
        loop = asyncio.get_running_loop()
        waiter = _Waiter(loop, loop.create_future())
        with self._lock:
            if self._taken < self.limit and not self._waiting:
                self._taken += 1
                return
            self._waiting.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter.woken), self.wait)
        except TimeoutError:
            pass
        except BaseException:  # cancelled: a slot handed over meanwhile goes to the next in line
            if not self._leave(waiter):
                self.give_back()
            raise
        if self._leave(waiter):
            raise Overloaded(detail=f"{self.limit} downloads are already being prepared by this worker; retry shortly")

    def _leave(self, waiter: _Waiter) -> bool:
        """Leave the line; False when a slot was handed to the waiter already (it is then the waiter's to use)."""
        with self._lock:
            if waiter.granted:
                return False
            self._waiting.remove(waiter)
            return True

    def give_back(self) -> None:
        """Free a slot: to the first download waiting, if any."""
        while True:
            with self._lock:
                if not self._waiting:
                    if self._taken <= 0:
                        raise ValueError("a download slot was given back more often than taken")
                    self._taken -= 1
                    return
                waiter = self._waiting.popleft()
                waiter.granted = True
            try:
                waiter.loop.call_soon_threadsafe(_wake, waiter.woken)
                return
            except RuntimeError:  # its event loop is closed: nobody waits there any more, so the next in line
                continue
