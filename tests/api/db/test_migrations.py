"""Migrations: round trip, no drift from the models, and the state checks commands rely on."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from workreport_api.db import migrate
from workreport_api.db.engine import DatabaseError
from workreport_api.settings import Settings

from ...conftest import ENGINES

pytestmark = pytest.mark.parametrize("database_url", ENGINES, indirect=True)


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_downgrade_upgrade_round_trip(engine: Engine, settings: Settings) -> None:
    assert migrate.migration_state(engine, settings).status == "empty"
    migrate.upgrade(engine, settings)
    assert {"documents", "measures", "targets", "search_entries", "search_grams", "releases"} <= _tables(engine)
    migrate.downgrade(engine, settings, "base")
    assert _tables(engine) <= {"alembic_version"}
    migrate.upgrade(engine, settings)
    assert migrate.migration_state(engine, settings).status == "current"


def test_models_and_migrations_agree(engine: Engine, settings: Settings) -> None:
    migrate.upgrade(engine, settings)
    config = migrate.alembic_config(settings)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.check(config)  # raises when autogenerate would find a difference


def test_states_behind_and_unknown(engine: Engine, settings: Settings) -> None:
    migrate.upgrade(engine, settings, "0001")
    assert migrate.migration_state(engine, settings).status == "behind"
    with pytest.raises(DatabaseError, match="older than"):
        migrate.require_current(engine, settings)
    migrate.upgrade(engine, settings)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    assert migrate.migration_state(engine, settings).status == "unknown"
    with pytest.raises(DatabaseError, match="does not know"):
        migrate.require_current(engine, settings)
    with pytest.raises(DatabaseError, match="does not know"):
        migrate.upgrade(engine, settings)


def test_empty_database_is_refused(engine: Engine, settings: Settings) -> None:
    with pytest.raises(DatabaseError, match="workreport init"):
        migrate.require_current(engine, settings)
