"""Snapshots on the driver's connection (light reads on the event loop): the same guarantees as SQLAlchemy's."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy import exc as sa_exc

from workreport_api.db.collections import SPECS
from workreport_api.db.prepared import DriverConnection, Reading, prepare, run
from workreport_api.db.reading import DriverReader, latest_release
from workreport_api.db.tables import Measure
from workreport_api.queries.listing import fetch_one

from ...conftest import SEED_DATASET
from .conftest import paused_load

SEED_MEASURES = len(json.loads(SEED_DATASET.read_text(encoding="utf-8"))["measures"])
"""The seed's measures, as every snapshot of the seeded database counts them."""

COUNT = select(func.count()).select_from(Measure)


def _count(connection: Reading) -> int:
    return int(run(connection, prepare(COUNT, connection.dialect))[0][0])


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_a_snapshot_sees_the_old_data_or_the_new_never_a_mix(seeded_engine: Engine) -> None:
    reader = DriverReader(seeded_engine)
    with reader.snapshot() as connection:
        assert isinstance(connection, DriverConnection)
        old_release = latest_release(connection)
        assert _count(connection) == SEED_MEASURES
    try:
        with paused_load(seeded_engine) as finish, reader.snapshot() as connection:
            assert _count(connection) == SEED_MEASURES
            finish()
            assert _count(connection) == SEED_MEASURES, "a snapshot changed under the reader"
            assert latest_release(connection) == old_release
    finally:
        reader.close()
    with reader.snapshot() as connection:  # a new connection after close, and the new release
        assert _count(connection) == 100
        release = latest_release(connection)
        assert release is not None and old_release is not None and release.id > old_release.id


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_the_connection_has_the_engines_settings_and_reads_records(seeded_engine: Engine) -> None:
    reader = DriverReader(seeded_engine)
    try:
        with reader.snapshot() as connection:
            assert isinstance(connection, DriverConnection)
            assert connection.dbapi_connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
            assert connection.dbapi_connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            record = fetch_one(connection, SPECS["measures"], "shanghai-2012.c03.p02.m18")
            assert record is not None and record.startswith(b'{"id":"shanghai-2012.c03.p02.m18"')
        assert connection.dbapi_connection.in_transaction is False  # committed
    finally:
        reader.close()


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_a_driver_error_is_sqlalchemys_and_the_transaction_ends(seeded_engine: Engine) -> None:
    """So the API answers it as any database fault (503, not 500), and the next read starts clean."""
    reader = DriverReader(seeded_engine)
    missing = prepare(select(func.count()).select_from(SPECS["measures"].table).where(func.no_such_function()), seeded_engine.dialect)
    try:
        with pytest.raises(sa_exc.OperationalError, match="no_such_function"), reader.snapshot() as connection:
            run(connection, missing)
        assert isinstance(connection, DriverConnection) and connection.dbapi_connection.in_transaction is False
        with reader.snapshot() as connection:
            assert _count(connection) == SEED_MEASURES
    finally:
        reader.close()


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_a_snapshot_asked_for_inside_one_comes_from_sqlalchemy(seeded_engine: Engine) -> None:
    reader = DriverReader(seeded_engine)
    try:
        with reader.snapshot() as outer, reader.snapshot() as inner:
            assert isinstance(outer, DriverConnection) and not isinstance(inner, DriverConnection)
            assert _count(inner) == _count(outer) == SEED_MEASURES
        with reader.snapshot() as again:
            assert isinstance(again, DriverConnection)
    finally:
        reader.close()


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_a_reader_in_another_thread_never_shares_the_connection(seeded_engine: Engine) -> None:
    reader = DriverReader(seeded_engine)
    seen: list[bool] = []
    try:
        with reader.snapshot() as outer:
            assert isinstance(outer, DriverConnection)
            thread = threading.Thread(target=lambda: seen.append(reader.run(lambda inner: isinstance(inner, DriverConnection))))
            thread.start()
            thread.join(30)
        assert seen == [False]
        assert reader.run(lambda connection: isinstance(connection, DriverConnection) and _count(connection) == SEED_MEASURES)
    finally:
        reader.close()
