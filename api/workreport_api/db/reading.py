"""Consistent reads: every query of one request sees the same committed state."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.engine import Dialect
from sqlmodel import col

from .engine import is_sqlite
from .prepared import Statements, run
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


_LATEST = select(col(Release.id), col(Release.state_hash), col(Release.loaded_at)).order_by(col(Release.id).desc()).limit(1)
_STATEMENTS = Statements()


@lru_cache(maxsize=8)
def _read_loaded_at(dialect: Dialect) -> Callable[[Any], Any] | None:
    """How the dialect's driver value of ``loaded_at`` becomes a datetime (the column type's own result processor)."""
    column_type = Release.__table__.c.loaded_at.type  # type: ignore[attr-defined]
    return column_type.dialect_impl(dialect).result_processor(dialect, None)  # type: ignore[no-any-return]


@lru_cache(maxsize=64)
def _release(release_id: int, state_hash: str, loaded_at: datetime.datetime) -> ReleaseInfo:
    if loaded_at.tzinfo is None:
        loaded_at = loaded_at.replace(tzinfo=datetime.UTC)
    return ReleaseInfo(int(release_id), str(state_hash), loaded_at)


def latest_release(connection: Connection) -> ReleaseInfo | None:
    """The newest release (None before anything was loaded); a prepared statement, as every request reads it."""
    rows = run(connection, _STATEMENTS.get(connection.dialect, "latest release", lambda: _LATEST))
    if not rows:
        return None
    release_id, state_hash, loaded_at = rows[0]
    process = _read_loaded_at(connection.dialect)
    return _release(release_id, state_hash, process(loaded_at) if process is not None else loaded_at)
