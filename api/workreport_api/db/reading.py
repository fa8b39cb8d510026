"""Consistent reads: every query of one request sees the same committed state."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select
from sqlmodel import col

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


@dataclass(frozen=True)
class ReleaseInfo:
    """The data release responses are computed from: ETags and Last-Modified derive from it."""

    id: int
    state_hash: str
    loaded_at: datetime.datetime


def latest_release(connection: Connection) -> ReleaseInfo | None:
    """The newest release (None before anything was loaded)."""
    row = connection.execute(
        select(col(Release.id), col(Release.state_hash), col(Release.loaded_at)).order_by(col(Release.id).desc()).limit(1)
    ).first()
    if row is None:
        return None
    loaded_at = row.loaded_at if row.loaded_at.tzinfo else row.loaded_at.replace(tzinfo=datetime.UTC)
    return ReleaseInfo(int(row.id), str(row.state_hash), loaded_at)
