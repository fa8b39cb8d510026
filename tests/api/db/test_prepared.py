"""Prepared statements: compiled once per dialect and key, bound by name, run in the connection's transaction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, bindparam, column, func, select, table
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql

from workreport_api.db.engine import make_engine
from workreport_api.db.prepared import Statements, prepare, run

from ...conftest import ENGINES

PEOPLE = table("people", column("id"), column("name"), column("age"))
OLDER = select(PEOPLE.c.name).where(PEOPLE.c.age >= bindparam("age")).order_by(PEOPLE.c.name).limit(bindparam("limit"))


@pytest.fixture
def connection(database_url: str) -> Iterator[Connection]:
    engine = make_engine(database_url)
    with engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER NOT NULL)")
        connection.exec_driver_sql("INSERT INTO people VALUES (1, 'Ann', 40), (2, 'Bo', 20), (3, 'Cy', 60)")
        connection.commit()
        with connection.begin():
            yield connection
    engine.dispose()


@pytest.mark.parametrize("database_url", ENGINES, indirect=True)
def test_values_are_bound_by_name_in_any_order(connection: Connection) -> None:
    prepared = prepare(OLDER, connection.dialect)
    assert run(connection, prepared, {"limit": 5, "age": 30}) == [("Ann",), ("Cy",)]
    assert run(connection, prepared, {"age": 10, "limit": 2}) == [("Ann",), ("Bo",)]


def test_sqlite_binds_by_position_and_keeps_the_values_the_statement_holds() -> None:
    prepared = prepare(OLDER, make_engine("sqlite://").dialect)
    assert "?" in prepared.sql and prepared.positions is not None
    assert prepared.arguments({"age": 30, "limit": 5}) == [30, 5, *prepared.defaults.values()]  # SQLite's OFFSET -1


def test_postgresql_binds_by_name() -> None:
    prepared = prepare(OLDER, postgresql.psycopg.dialect())
    assert "%(age)s" in prepared.sql and prepared.positions is None
    assert prepared.arguments({"age": 30, "limit": 5}) == {"age": 30, "limit": 5}


def test_each_key_is_compiled_once_per_dialect() -> None:
    statements, built = Statements(), []

    def build() -> object:
        built.append(1)
        return OLDER

    sqlite = make_engine("sqlite://").dialect
    first = statements.get(sqlite, "older", build)  # type: ignore[arg-type]
    assert statements.get(sqlite, "older", build) is first  # type: ignore[arg-type]
    assert statements.get(postgresql.psycopg.dialect(), "older", build) is not first  # type: ignore[arg-type]
    assert len(built) == 2


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_driver_errors_become_sqlalchemys(connection: Connection) -> None:
    """So the API's handlers answer a database fault as they do for any statement (503, not 500)."""
    missing = prepare(select(func.count()).select_from(table("no_such_table")), connection.dialect)
    with pytest.raises(sa_exc.OperationalError, match="no_such_table"):
        run(connection, missing)
