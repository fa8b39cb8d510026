"""Loading loses nothing: replace or insert in one transaction, failures leave everything intact."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from workreport_api.db import migrate
from workreport_api.db.export import export_dataset
from workreport_api.db.loader import STAGES, LoadError, load_dataset, remove_document
from workreport_api.db.tables import Body, Document, Measure, Release, SearchEntry, SearchGram, Target, Unit
from workreport_api.settings import Settings

from ...conftest import ENGINES
from .conftest import changed_seed, seed_dataset


def _count(engine: Engine, table: Any) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


class Boom(Exception):
    pass


@pytest.mark.parametrize("database_url", ENGINES, indirect=True)
def test_load_then_replace(engine: Engine, settings: Settings) -> None:
    migrate.upgrade(engine, settings)
    (first,) = load_dataset(engine, seed_dataset())
    assert first.counts == {"chapters": 8, "paragraphs": 32, "measures": 434, "targets": 65, "results": 0}
    assert _count(engine, Measure) == 434
    (second,) = load_dataset(engine, changed_seed(100))
    assert second.release_id > first.release_id
    assert _count(engine, Measure) == 100
    assert _count(engine, SearchEntry) == 100 + _count(engine, Target)
    assert export_dataset(engine) == changed_seed(100)
    with engine.connect() as connection:
        used_units = set(connection.scalars(select(Target.unit_id).where(Target.unit_id.is_not(None))))
        assert set(connection.scalars(select(Unit.id))) == used_units


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_failure_at_any_stage_keeps_the_previous_version(seeded_engine: Engine, stage: str) -> None:
    before = export_dataset(seeded_engine)
    releases = _count(seeded_engine, Release)

    def fail_at(reached: str) -> None:
        if reached == stage:
            raise Boom(stage)

    with pytest.raises(Boom):
        load_dataset(seeded_engine, changed_seed(50), checkpoint=fail_at)
    assert export_dataset(seeded_engine) == before
    assert _count(seeded_engine, Release) == releases
    assert _count(seeded_engine, SearchGram) > 0
    (result,) = load_dataset(seeded_engine, changed_seed(50))
    assert result.counts["measures"] == 50


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_other_documents_survive_a_failed_load(seeded_engine: Engine) -> None:
    other = seed_dataset()
    other_id = "other-2012"
    _rename(other, other_id)
    load_dataset(seeded_engine, other)
    before = export_dataset(seeded_engine, ["shanghai-2012"])

    def fail(stage: str) -> None:
        if stage == "targets":
            raise Boom(stage)

    changed = changed_seed(10)
    _rename(changed, other_id)
    with pytest.raises(Boom):
        load_dataset(seeded_engine, changed, checkpoint=fail)
    assert export_dataset(seeded_engine, ["shanghai-2012"]) == before
    assert len(export_dataset(seeded_engine, [other_id])["measures"]) == 434


def _rename(data: dict[str, Any], new_id: str) -> None:
    """Give every record of a dataset another document id (a second, distinct document)."""
    import json

    from workreport_schema import content_hash

    text = json.dumps({k: v for k, v in data.items() if k not in ("units", "bodies", "release")}, ensure_ascii=False)
    text = text.replace('"shanghai-2012', f'"{new_id}')
    data.update(json.loads(text))
    data["release"]["content_hash"] = content_hash(data)


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_invalid_dataset_changes_nothing(seeded_engine: Engine) -> None:
    before = export_dataset(seeded_engine)
    broken = seed_dataset()
    next(t for t in broken["targets"] if "unit" in t)["unit"] = "no-such-unit"
    with pytest.raises(LoadError, match="reference-resolves"):
        load_dataset(seeded_engine, broken)
    assert export_dataset(seeded_engine) == before


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_remove_document_and_garbage(seeded_engine: Engine) -> None:
    release = remove_document(seeded_engine, "shanghai-2012")
    assert release > 1
    for table in (Document, Measure, Target, SearchEntry, SearchGram, Unit, Body):
        assert _count(seeded_engine, table) == 0, table.__tablename__
    with pytest.raises(LoadError, match="no document with id 'shanghai-2012'"):
        remove_document(seeded_engine, "shanghai-2012")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_load_leaves_nothing_in_the_trigram_index_pending_list(engine: Engine, settings: Settings) -> None:
    """Searches scan a GIN index's pending list in full: a load merges what it added."""
    from sqlalchemy import text

    from workreport_api.db.loader import TRIGRAM_INDEX

    migrate.upgrade(engine, settings)
    load_dataset(engine, seed_dataset())
    with engine.connect() as connection:
        # how many pending-list pages a merge moves now: none left by the load
        moved = connection.execute(text("SELECT gin_clean_pending_list(CAST(:index AS regclass))"), {"index": TRIGRAM_INDEX}).scalar_one()
    assert moved == 0
