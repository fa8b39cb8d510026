"""What handlers share: settings, the database engine and the release watcher."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from litestar.concurrency import sync_to_thread
from litestar.di import NamedDependency
from sqlalchemy import Engine

from .db.engine import is_sqlite
from .db.prepared import Reading
from .db.reading import DriverReader, snapshot
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

    driver: DriverReader | None = field(init=False)
    """The driver connection that light reads on the loop take their snapshots on (SQLite files); see ``read_in_snapshot``."""

    @property
    def dialect(self) -> str:
        """The database's dialect name (sqlite, postgresql): search conditions are written per dialect."""
        return self.engine.dialect.name

    def __post_init__(self) -> None:
        object.__setattr__(self, "downloads", DownloadSlots(self.settings.max_concurrent_exports))
        object.__setattr__(self, "reads_inline", is_sqlite(self.engine))
        object.__setattr__(self, "totals", ReleaseTotals())
        database = self.engine.url.database
        on_file = self.reads_inline and database not in (None, "", ":memory:")  # a memory database is one per pool connection
        object.__setattr__(self, "driver", DriverReader(self.engine) if on_file else None)

    async def read(self, call: Callable[[], T], *, heavy: bool = False) -> T:
        """Run a database read for a handler.

        On SQLite a light read (prepared statements over indexes, a page at most) takes tens of microseconds in
        the process: less than the hop to a worker thread and back, which also waits for the GIL while the event
        loop parses other requests. It runs on the loop (a search too: one prepared statement and a page of entries).
        A heavy read (a download, a list whose SQL is not prepared), and every read on PostgreSQL, which waits on the
        network, runs in a worker thread so the loop serves others meanwhile.
        """
        if self.reads_inline and not heavy:
            return call()
        return await sync_to_thread(call)

    async def read_in_snapshot(self, call: Callable[[Reading], T], *, heavy: bool = False) -> T:
        """``call(connection)`` in one snapshot, run as ``read`` runs it: a light read on SQLite on the event loop,
        on the driver's connection when the database is a file; anything else in a worker thread, in SQLAlchemy's
        ``snapshot``. A light read must use prepared statements only (db/prepared.py ``run``)."""
        if self.reads_inline and not heavy:
            if self.driver is not None:
                return self.driver.run(call)
            with snapshot(self.engine) as connection:
                return call(connection)
        return await sync_to_thread(self._in_snapshot, call)

    def _in_snapshot(self, call: Callable[[Reading], T]) -> T:
        with snapshot(self.engine) as connection:
            return call(connection)

    def close(self) -> None:
        """Close the database connections (at shutdown)."""
        if self.driver is not None:
            self.driver.close()
        self.engine.dispose()

    @property
    def base_url(self) -> str:
        return self.settings.public_base_url.rstrip("/")


Api = NamedDependency[ApiState]
"""How handlers ask for the shared state (the ``api`` dependency)."""
