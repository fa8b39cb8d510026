"""The current data release, looked up at most once per interval and shared by all requests."""

from __future__ import annotations

import asyncio
import time

import anyio.to_thread
from sqlalchemy import Engine

from ..db.reading import ReleaseInfo, latest_release


class ReleaseWatcher:
    """Knows the newest release, so cached responses and 304s need no database round trip.

    After a load, every worker serves the new release within ``interval``
    seconds; a handler that sees a newer release reports it at once.
    """

    def __init__(self, engine: Engine, interval: float) -> None:
        self.engine = engine
        self.interval = interval
        self._release: ReleaseInfo | None = None
        self._checked = -1e9
        self._ok = False
        self._lock = asyncio.Lock()

    def _fetch(self) -> ReleaseInfo | None:
        with self.engine.connect() as connection:
            release = latest_release(connection)
            connection.rollback()
            return release

    async def current(self) -> ReleaseInfo | None:
        """The newest release, or None when there is none or the database cannot be reached."""
        if time.monotonic() - self._checked < self.interval:
            return self._release if self._ok else None
        async with self._lock:
            if time.monotonic() - self._checked >= self.interval:
                try:
                    release = await anyio.to_thread.run_sync(self._fetch)
                except Exception:  # the database is down: bypass the cache, handlers answer 503
                    self._ok = False
                else:
                    self._release = release  # what the database says now, even if it went backwards (a rebuilt database)
                    self._ok = True
                self._checked = time.monotonic()
        return self._release if self._ok else None

    def observe(self, release: ReleaseInfo | None) -> None:
        """Take a release a handler read, if it was loaded later than the one known (ids restart when a database is rebuilt)."""
        if release is not None and (self._release is None or (release.loaded_at, release.id) > (self._release.loaded_at, self._release.id)):
            self._release = release
