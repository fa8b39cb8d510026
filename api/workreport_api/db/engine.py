"""Engines for SQLite (default) and PostgreSQL, with the connection settings each needs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry

POOL_SIZE = 10
POOL_OVERFLOW = 20
POOL_TIMEOUT = 10
"""Connections kept per process, extra ones allowed under load, and seconds a request waits for one (then 503)."""


class DatabaseError(Exception):
    """The database cannot be used (unreachable, unknown URL, corrupt, not migrated); one line for the user."""


def normalise_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use the psycopg 3 driver for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<invalid URL>"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # SQLAlchemy, not pysqlite, decides when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # Foreign keys are off by default in SQLite; WAL lets readers keep a consistent snapshot during a load.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # Writers ask for BEGIN IMMEDIATE (execution option sqlite_begin) so two loads queue instead of deadlocking.
    # On the driver's connection: this runs for every request's snapshot, and SQLAlchemy's statement machinery
    # (events, result set-up) cost more than the BEGIN itself.
    mode = connection.get_execution_options().get("sqlite_begin", "")
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None  # a connection that begins is checked out: its driver connection is there
    dbapi.execute(f"BEGIN {mode}".strip())


def make_engine(url: str, *, create_sqlite_dir: bool = True) -> Engine:
    """An engine for the URL; the SQLite file's folder is created on demand."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"not a database URL: {url!r} (use sqlite:///path or postgresql+psycopg://user@host/db)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and create_sqlite_dir:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        pool: dict[str, int] = {}
        if database not in ("", ":memory:"):
            pool = {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW, "pool_timeout": POOL_TIMEOUT}
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10}, **pool)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        try:
            return create_engine(
                url,
                pool_pre_ping=True,
                connect_args={"connect_timeout": 5},
                pool_size=POOL_SIZE,
                max_overflow=POOL_OVERFLOW,
                pool_timeout=POOL_TIMEOUT,
            )
        except ModuleNotFoundError as error:
            raise DatabaseError(f"the PostgreSQL driver is missing ({error.name}); install psycopg") from None
    raise DatabaseError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")
