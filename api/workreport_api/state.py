"""What handlers share: settings, the database engine and the release watcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from litestar.concurrency import sync_to_thread
from litestar.di import NamedDependency
from sqlalchemy import Engine

from .db.engine import is_sqlite
from .edge.release_watch import ReleaseWatcher
from .http.slots import DownloadSlots
from .queries.counts import ReleaseTotals
from .settings import Settings

T = TypeVar("T")


@dataclass(frozen=True)
class ApiState:
    settings: Settings
    engine: Engine
    watcher: ReleaseWatcher
    downloads: DownloadSlots = field(init=False)
    """Whole-collection downloads in progress (bounded by ``max_concurrent_exports``)."""

    reads_inline: bool = field(init=False)
    """Whether light reads run on the event loop (SQLite) rather than in a worker thread (PostgreSQL); see ``read``."""

    totals: ReleaseTotals = field(init=False)
    """Total rows of each whole collection, counted once per release (unfiltered lists)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "downloads", DownloadSlots(self.settings.max_concurrent_exports))
        object.__setattr__(self, "reads_inline", is_sqlite(self.engine))
        object.__setattr__(self, "totals", ReleaseTotals())

    async def read(self, call: Callable[[], T], *, heavy: bool = False) -> T:
        """Run a database read for a handler.

        On SQLite a light read (prepared statements over indexes, a page at most) takes tens of microseconds in
        the process: less than the hop to a worker thread and back, which also waits for the GIL while the event
        loop parses other requests. It runs on the loop. A heavy read (a search, a download), and every read on
        PostgreSQL, which waits on the network, runs in a worker thread so the loop serves others meanwhile.
        """
        if self.reads_inline and not heavy:
            return call()
        return await sync_to_thread(call)

    @property
    def base_url(self) -> str:
        return self.settings.public_base_url.rstrip("/")


Api = NamedDependency[ApiState]
"""How handlers ask for the shared state (the ``api`` dependency)."""
