"""Migrations: round trip, no drift from the models, and the state checks commands rely on."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from workreport_api.db import migrate
from workreport_api.db.engine import DatabaseError
from workreport_api.db.loader import load_dataset
from workreport_api.settings import Settings

from ...conftest import ENGINES, SEED_DATASET

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


def test_0006_gives_loaded_assignments_their_measures_order(engine: Engine, settings: Settings) -> None:
    """Upgrading a loaded database fills each assignment's ``seq`` from its measure, as a load writes it."""
    migrate.upgrade(engine, settings)
    load_dataset(engine, json.loads(SEED_DATASET.read_text(encoding="utf-8")))
    loaded = _assignment_order(engine)
    migrate.downgrade(engine, settings, "0005")
    assert "seq" not in {column["name"] for column in inspect(engine).get_columns("body_assignments")}
    migrate.upgrade(engine, settings)
    assert _assignment_order(engine) == loaded
    assert {seq for _, seq, measure_seq in loaded if seq != measure_seq} == set() and len(loaded) > 400


def _assignment_order(engine: Engine) -> list[tuple[int, int, int]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT body_assignments.id, body_assignments.seq, measures.seq FROM body_assignments "
                "JOIN measures ON measures.id = body_assignments.measure_id ORDER BY body_assignments.id"
            )
        )
        return [(int(a), int(b), int(c)) for a, b, c in rows]


def test_search_display_is_filled_from_the_records_loaded(engine: Engine, settings: Settings) -> None:
    """Migration 0007 fills each search entry's display text and source start from the records already loaded,
    as the loader writes them; its downgrade keeps the trigram index working (SQLite's triggers on the table)."""
    migrate.upgrade(engine, settings)
    load_dataset(engine, json.loads(SEED_DATASET.read_text(encoding="utf-8")), validate=False)
    query = text("SELECT id, display, source_start FROM search_entries ORDER BY id")
    with engine.connect() as connection:
        loaded = connection.execute(query).all()
    migrate.downgrade(engine, settings, "0006")
    with engine.begin() as connection:
        assert "display" not in {column["name"] for column in inspect(connection).get_columns("search_entries")}
        connection.execute(text("UPDATE search_entries SET folded = folded"))  # the trigram triggers still run
    migrate.upgrade(engine, settings)
    with engine.connect() as connection:
        assert connection.execute(query).all() == loaded
    assert any(start is not None for _, _, start in loaded) and all(display for _, display, _ in loaded)


def test_0008_ranks_the_grams_loaded_as_the_loader_ranks_them(engine: Engine, settings: Settings) -> None:
    """Migration 0008 numbers the documents in id order and rebuilds the search grams (3-character pieces too, with
    their occurrences and each entry's place in the ranking) exactly as a load writes them; its downgrade gives
    back the 1- and 2-character grams the earlier search reads."""
    from bench.synthetic import copy_of

    migrate.upgrade(engine, settings)
    seed_text = SEED_DATASET.read_text(encoding="utf-8")
    for dataset in (json.loads(seed_text), copy_of(seed_text, 1)):  # loaded in id order: the numbers a renumbering gives
        load_dataset(engine, dataset, validate=False)
    grams = text("SELECT gram, entry_id, kind, occurrences, document_key, ordinal FROM search_grams ORDER BY gram, entry_id")
    keys = text("SELECT id, search_key FROM documents ORDER BY id")
    with engine.connect() as connection:
        loaded, loaded_keys = connection.execute(grams).all(), connection.execute(keys).all()
    migrate.downgrade(engine, settings, "0007")
    with engine.connect() as connection:
        earlier = {tuple(row) for row in connection.execute(text("SELECT gram, entry_id FROM search_grams"))}
    assert earlier == {(gram, entry_id) for gram, entry_id, *_ in loaded if len(gram) <= 2}
    migrate.upgrade(engine, settings)
    with engine.connect() as connection:
        assert connection.execute(keys).all() == loaded_keys
        assert connection.execute(grams).all() == loaded
    assert {len(gram) for gram, *_ in loaded} == {1, 2, 3} and max(row[3] for row in loaded) > 1
    assert [key for _, key in loaded_keys] == [0, 1 << 32]
