"""Consistent reads: every query of one request sees the same committed state."""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from threading import Lock
from typing import TypeVar, cast

from sqlalchemy import Connection, Engine, select
from sqlalchemy.engine import Dialect
from sqlmodel import col

from .engine import is_sqlite
from .prepared import DriverConnection, Reading, Row, Statements, dbapi_error, run
from .tables import Release

T = TypeVar("T")


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction with one snapshot: the old data or the new, never a mix.

    SQLite in WAL mode keeps the snapshot taken by the first read of the
    transaction; PostgreSQL does so under REPEATABLE READ.
    """
    with engine.connect() as connection:
        if not is_sqlite(engine):
            connection = connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with connection.begin():
            yield connection


class DriverReader:
    """Snapshots on one SQLite connection of the driver's, for the light reads that run on the event loop.

    A light read (prepared statements over indexes: one record, a page) took about 15 µs of CPU in SQLAlchemy's
    pool check-out and check-in, its ``Connection`` and transaction objects and their events, against 1 µs for the
    ``BEGIN`` and ``COMMIT`` themselves (bench/README.md, "Cold path"). Reads on the loop never overlap (each runs
    to its end without yielding), so one connection serves them all: taken once from the engine's pool (so it
    gets the engine's connect settings: WAL, foreign keys, busy timeout) and kept apart from it. A snapshot here
    is the same transaction as ``snapshot``'s, ``BEGIN`` … ``COMMIT``; driver errors become SQLAlchemy's classes,
    as from a statement, and the connection is then closed and replaced at the next read. A snapshot asked for
    while one is open (from another thread, or nested) comes from ``snapshot`` instead.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._dbapi: sqlite3.Connection | None = None
        self._held = Lock()
        """Held while a snapshot is open: taken without waiting, so a second reader (another thread, or a nested
        read) gets SQLAlchemy's snapshot instead of sharing the connection."""

    def _connect(self) -> sqlite3.Connection:
        proxied = self.engine.raw_connection()
        proxied.detach()  # ours from now on: the pool neither counts it nor resets it
        # the API makes a DriverReader only for an SQLite file (state.py), and a checked-out connection has one
        self._dbapi = cast("sqlite3.Connection", proxied.dbapi_connection)
        return self._dbapi

    @property
    def busy(self) -> bool:
        """A snapshot is open on the connection."""
        return self._held.locked()

    def run(self, call: Callable[[Reading], T]) -> T:
        """``call(connection)`` in one snapshot (``snapshot()`` without a generator's cost, for every light read)."""
        if not self._held.acquire(blocking=False):
            with snapshot(self.engine) as connection:
                return call(connection)
        driver = self._begin()
        try:
            result = call(driver)
        except BaseException:
            self._end(driver.dbapi_connection, "ROLLBACK")
            raise
        self._end(driver.dbapi_connection, "COMMIT")
        return result

    @contextmanager
    def snapshot(self) -> Iterator[Reading]:
        if not self._held.acquire(blocking=False):
            with snapshot(self.engine) as connection:
                yield connection
            return
        driver = self._begin()
        try:
            yield driver
        except BaseException:
            self._end(driver.dbapi_connection, "ROLLBACK")
            raise
        self._end(driver.dbapi_connection, "COMMIT")

    def _begin(self) -> DriverConnection:
        """BEGIN on the connection (opened if need be); called with ``_held`` taken, which an error gives back."""
        dialect = self.engine.dialect
        try:
            dbapi = self._dbapi if self._dbapi is not None else self._connect()
            dbapi.execute("BEGIN")
        except dialect.loaded_dbapi.Error as error:
            self.close()
            self._held.release()
            raise dbapi_error(dialect, "BEGIN", (), error) from error
        except BaseException:
            self._held.release()
            raise
        return DriverConnection(dialect, dbapi)

    def _end(self, dbapi: sqlite3.Connection, statement: str) -> None:
        """COMMIT or ROLLBACK, then ``_held`` given back."""
        try:
            dbapi.execute(statement)
        except self.engine.dialect.loaded_dbapi.Error as error:
            self.close()
            if statement == "COMMIT":
                raise dbapi_error(self.engine.dialect, statement, (), error) from error
        finally:
            self._held.release()

    def close(self) -> None:
        dbapi, self._dbapi = self._dbapi, None
        if dbapi is not None:
            dbapi.close()


@dataclass(frozen=True)
class ReleaseInfo:
    """The data release responses are computed from: ETags and Last-Modified derive from it."""

    id: int
    state_hash: str
    loaded_at: datetime.datetime


_LATEST = select(col(Release.id), col(Release.state_hash), col(Release.loaded_at)).order_by(col(Release.id).desc()).limit(1)
_STATEMENTS = Statements()


@lru_cache(maxsize=8)
def _read_loaded_at(dialect: Dialect) -> Callable[[object], datetime.datetime] | None:
    """How the dialect's driver value of ``loaded_at`` becomes a datetime (the column type's own result processor)."""
    column_type = Release.__table__.c.loaded_at.type  # type: ignore[attr-defined]
    return column_type.dialect_impl(dialect).result_processor(dialect, None)  # type: ignore[no-any-return]


@lru_cache(maxsize=64)
def _release(release_id: int, state_hash: str, loaded_at: datetime.datetime) -> ReleaseInfo:
    if loaded_at.tzinfo is None:
        loaded_at = loaded_at.replace(tzinfo=datetime.UTC)
    return ReleaseInfo(int(release_id), str(state_hash), loaded_at)


def latest_release(connection: Reading) -> ReleaseInfo | None:
    """The newest release (None before anything was loaded); a prepared statement, as every request reads it."""
    rows = run(connection, _STATEMENTS.get(connection.dialect, "latest release", lambda: _LATEST))
    if not rows:
        return None
    return _release_of_row(connection.dialect, tuple(rows[0]))


@lru_cache(maxsize=64)
def _release_of_row(dialect: Dialect, row: Row) -> ReleaseInfo:
    """The release of the driver's row (kept per row: every request reads the same one, and parsing the load time
    was most of the cost)."""
    release_id, state_hash, loaded_at = row
    process = _read_loaded_at(dialect)
    return _release(release_id, state_hash, process(loaded_at) if process is not None else loaded_at)
