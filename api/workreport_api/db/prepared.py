"""Statements compiled once per dialect and run on the driver's cursor.

The read path runs a handful of statement shapes over and over. SQLAlchemy
builds, keys and compiles a statement on every call and wraps every row; at a
page of 50 that was most of a cold request (bench/README.md, "Cold path").
Here a statement is compiled to the dialect's SQL text once per shape, and
each call binds the values and runs it on the DBAPI cursor of the connection
the request already holds, inside the same transaction, so a snapshot's
guarantees are unchanged.

Only plain values are bound (str, int, float, bool, None): those need no bind
processing on SQLite or psycopg. Columns whose values need result processing
(dates) are processed by the caller with the type's own processor
(``result_processor``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from threading import Lock
from typing import Any, Protocol, TypeAlias, cast

from sqlalchemy import ColumnElement, Connection, Select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

Row = tuple[Any, ...]
"""A row as the driver gives it. Any, not object: its values have the types of the statement's columns, which
neither the DBAPI nor mypy knows, and each reader converts the ones it uses (``int()``, ``Match._make``)."""

Statement: TypeAlias = "Select[*tuple[object, ...]]"
"""A SELECT of any columns, its rows read by position (``Row``)."""

AnyColumn: TypeAlias = "Mapped[Any] | ColumnElement[Any]"
"""A column among columns of other types (a list's order, a ranking): ColumnElement is invariant in its type, so
only Any lets one sequence hold them all, as SQLAlchemy's own column collections (``.c``) are typed."""

Arguments = Sequence[object] | Mapping[str, object]
"""Values bound to a statement's placeholders: in their order (qmark, numeric) or by name (pyformat)."""


class DBAPICursor(Protocol):
    """What a prepared statement uses of a PEP 249 cursor."""

    def execute(self, operation: str, parameters: Arguments = ..., /) -> object: ...

    def fetchall(self) -> Sequence[Row]: ...

    def close(self) -> None: ...


class PsycopgCursor(Protocol):
    """psycopg's cursor, whose ``execute`` can be told not to prepare the statement on the server (``run``)."""

    def execute(self, operation: str, parameters: Arguments = ..., /, *, prepare: bool | None = None) -> object: ...


class DBAPIConnection(Protocol):
    """What a prepared statement uses of a PEP 249 connection (sqlite3's, psycopg's)."""

    def cursor(self) -> DBAPICursor: ...


@dataclass(frozen=True)
class Prepared:
    """One statement as the dialect's SQL text, with how to order its bound values."""

    sql: str
    positions: tuple[str, ...] | None
    """Bind names in the order of the placeholders (qmark, numeric), or None for named styles (pyformat)."""
    defaults: Mapping[str, object]
    """Values the statement carries itself (SQLite's ``OFFSET -1`` after a bound LIMIT, for example)."""

    def arguments(self, values: Mapping[str, object]) -> Arguments:
        bound = {**self.defaults, **values} if self.defaults else values
        if self.positions is None:
            return bound
        return [bound[name] for name in self.positions]


def prepare(statement: ClauseElement, dialect: Dialect) -> Prepared:
    """Compile a statement for a dialect, keeping the values it holds as defaults."""
    compiled = statement.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler), "only SQL statements are prepared"
    defaults = {name: value for name, value in compiled.params.items() if value is not None}
    positions = tuple(compiled.positiontup) if compiled.positiontup is not None else None
    return Prepared(str(compiled), positions, defaults)


class Statements:
    """Prepared statements by dialect and key, each compiled on first use (thread-safe, bounded by the keys used)."""

    MAX_ENTRIES = 4096
    """Keys are shapes (which filters apply), never values; the bound only guards against a bug that keys by value."""

    def __init__(self) -> None:
        self._prepared: dict[tuple[str, str, Hashable], Prepared] = {}
        self._lock = Lock()

    def get(self, dialect: Dialect, key: Hashable, build: Callable[[], ClauseElement]) -> Prepared:
        full = (dialect.name, dialect.driver, key)
        prepared = self._prepared.get(full)
        if prepared is None:
            prepared = prepare(build(), dialect)
            with self._lock:
                if len(self._prepared) >= self.MAX_ENTRIES:
                    self._prepared.clear()
                self._prepared[full] = prepared
        return prepared


@dataclass(frozen=True, slots=True)
class DriverConnection:
    """A DBAPI connection inside a read transaction, and its dialect: all a prepared statement needs.

    Light reads on SQLite run in one of these rather than in SQLAlchemy's ``Connection`` (db/reading.py,
    ``DriverReader``): the pool check-out, the connection and transaction objects and their events cost more than
    the statements they wrapped.
    """

    dialect: Dialect
    dbapi_connection: sqlite3.Connection


Reading = Connection | DriverConnection
"""What a read inside one snapshot runs on: SQLAlchemy's connection, or the driver's for prepared statements only."""


def dbapi_connection(connection: Reading) -> DBAPIConnection:
    if isinstance(connection, DriverConnection):
        return connection.dbapi_connection
    return cast("DBAPIConnection", connection.connection.dbapi_connection)  # an open Connection's is never None


def dbapi_error(dialect: Dialect, statement: str, arguments: Arguments, error: Exception) -> sa_exc.StatementError:
    """The driver's error as SQLAlchemy's class of it (OperationalError, ...), which the API's error handlers answer."""
    return sa_exc.DBAPIError.instance(statement, arguments, error, dialect.loaded_dbapi.Error, dialect=dialect)


def run(connection: Reading, prepared: Prepared, values: Mapping[str, object] | None = None, *, plan_each: bool = False) -> list[Row]:
    """All rows of a prepared statement, run on the connection's DBAPI cursor within its transaction.

    ``plan_each``: on PostgreSQL, never as a server-side prepared statement (psycopg prepares a statement run five
    times, and PostgreSQL may then plan it once for any values): each run is planned with its values, as a search's
    must be (a rare query and a common one need different plans). SQLite plans every statement with its values."""
    dbapi_error_class = connection.dialect.loaded_dbapi.Error
    arguments = prepared.arguments(values or {})
    cursor = dbapi_connection(connection).cursor()
    try:
        if plan_each and connection.dialect.name == "postgresql":
            cast("PsycopgCursor", cursor).execute(prepared.sql, arguments, prepare=False)
        else:
            cursor.execute(prepared.sql, arguments)
        rows: list[Row] = list(cursor.fetchall())
    except dbapi_error_class as error:
        # SQLAlchemy's own classes (OperationalError, ...), so the API's error handlers answer as for any statement
        raise dbapi_error(connection.dialect, prepared.sql, arguments, error) from error
    finally:
        cursor.close()
    return rows
