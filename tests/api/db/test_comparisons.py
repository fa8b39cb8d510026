"""Cross-document records (db/comparisons.py) follow every load and removal, in any order, and the migration that
adds them fills them from rows already loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from workreport_api.db import migrate
from workreport_api.db.export import export_derived
from workreport_api.db.loader import load_dataset, remove_document
from workreport_api.db.tables import Outcome
from workreport_api.settings import Settings
from workreport_pipeline.run import extract_files

from ...conftest import ENGINES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "comparisons"


def extracted(document: str) -> dict[str, Any]:
    folder = FIXTURES / document
    return extract_files(folder / "source.txt", document=folder / "document.toml")


def snapshot(engine: Engine) -> dict[str, Any]:
    derived = export_derived(engine)
    return {
        "outcomes": {o["id"]: (o["outcome"], o["principal"]) for o in derived["outcomes"]},
        "series": [p["id"] for p in derived["series"]],
        "counts": {i["id"]: (i["target_count"], i["result_count"], i["document_count"]) for i in derived["indicators"]},
    }


@pytest.mark.parametrize("database_url", ENGINES, indirect=True)
def test_outcomes_follow_loads_in_either_order_and_removals(engine: Engine, settings: Settings) -> None:
    migrate.upgrade(engine, settings)
    earlier, later = extracted("demo-2012"), extracted("demo-2013")
    load_dataset(engine, earlier)
    alone = snapshot(engine)
    assert alone["outcomes"] == {}  # no later report yet: every target unassessed
    load_dataset(engine, later)
    both = snapshot(engine)
    assert len(both["outcomes"]) == 7 and all(principal for _, principal in both["outcomes"].values())
    remove_document(engine, "demo-2013")
    assert snapshot(engine) == alone
    remove_document(engine, "demo-2012")
    load_dataset(engine, later)  # the later report first: its results wait for the targets
    assert snapshot(engine)["outcomes"] == {}
    load_dataset(engine, earlier)
    assert snapshot(engine) == both
    load_dataset(engine, later)  # loading a document again changes nothing
    assert snapshot(engine) == both
    remove_document(engine, "demo-2012")
    remove_document(engine, "demo-2013")
    assert snapshot(engine)["series"] == [] and not any(sum(counts) for counts in snapshot(engine)["counts"].values())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_migration_fills_outcomes_from_rows_already_loaded(engine: Engine, settings: Settings) -> None:
    migrate.upgrade(engine, settings)
    load_dataset(engine, extracted("demo-2012"))
    load_dataset(engine, extracted("demo-2013"))
    before = snapshot(engine)
    migrate.downgrade(engine, settings, "0004")
    migrate.upgrade(engine, settings)
    assert snapshot(engine) == before
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Outcome)).scalar_one() == 7
