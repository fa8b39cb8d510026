"""Consistent reads: every query of one request sees the same committed state."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, select

from .engine import is_sqlite
from .tables import Release


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


def latest_release(connection: Connection) -> Release | None:
    """The newest release row (None before anything was loaded)."""
    row = connection.execute(select(Release).order_by(Release.id.desc()).limit(1)).first()
    return None if row is None else row[0]
