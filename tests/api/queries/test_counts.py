"""Whole-collection totals are counted once per data release, and again when a load makes a new one."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import func, select

from workreport_api.db.collections import SPECS
from workreport_api.db.engine import make_engine
from workreport_api.db.loader import load_dataset
from workreport_api.db.prepared import Prepared, Reading
from workreport_api.db.reading import ReleaseInfo, latest_release
from workreport_api.db.tables import Measure
from workreport_api.queries import counts
from workreport_api.queries.counts import ReleaseTotals

from ...conftest import ENGINES, SEED_DATASET, ClientFactory
from ..db.conftest import changed_seed

SEED_MEASURES = len(json.loads(SEED_DATASET.read_text(encoding="utf-8"))["measures"])


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_a_total_is_counted_once_per_release(seeded_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = make_engine(seeded_url)
    counted: list[str] = []
    totals = ReleaseTotals()
    real_run = counts.run

    def counting(connection: Reading, prepared: Prepared, *args: Any, **kwargs: Any) -> Any:
        if "count(" in prepared.sql.lower():
            counted.append(prepared.sql)
        return real_run(connection, prepared, *args, **kwargs)

    try:
        with engine.connect() as connection:
            release = latest_release(connection)
            monkeypatch.setattr(counts, "run", counting)
            assert totals.total(connection, release, SPECS["measures"]) == SEED_MEASURES
            assert totals.total(connection, release, SPECS["measures"]) == SEED_MEASURES
            assert len(counted) == 1
            assert totals.total(connection, release, SPECS["targets"]) == 65
            assert len(counted) == 2
            monkeypatch.undo()
        load_dataset(engine, changed_seed(100))
        with engine.connect() as connection:
            release = latest_release(connection)
            assert totals.total(connection, release, SPECS["measures"]) == 100
            assert connection.execute(select(func.count()).select_from(Measure)).scalar_one() == 100
    finally:
        engine.dispose()


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_an_unfiltered_list_shows_the_new_total_after_a_load(make_client: ClientFactory, seeded_url: str) -> None:
    client: TestClient[Any] = make_client(cache_max_bytes=0)
    assert client.get("/v1/measures?limit=1").json()["meta"]["total"] == SEED_MEASURES
    assert client.get("/v1/measures?limit=1&document=shanghai-2012").json()["meta"]["total"] == SEED_MEASURES
    engine = make_engine(seeded_url)
    try:
        load_dataset(engine, changed_seed(100))
    finally:
        engine.dispose()
    assert client.get("/v1/measures?limit=1").json()["meta"]["total"] == 100
    assert client.get("/v1/measures?limit=1&document=shanghai-2012").json()["meta"]["total"] == 100


def test_a_filtered_total_is_counted_once_per_release_and_values_and_kept_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(counts, "FILTERED_KEPT", 2)
    totals = ReleaseTotals()
    counted: list[str] = []

    def count(value: str, total: int) -> Any:
        def run() -> int:
            counted.append(value)
            return total

        return run

    loaded = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    first = ReleaseInfo(1, "a", loaded)
    assert totals.filtered(first, ("targets", "m2"), count("m2", 7)) == 7
    assert totals.filtered(first, ("targets", "m2"), count("m2", 99)) == 7  # kept: not counted again
    assert totals.filtered(first, ("targets", "km"), count("km", 3)) == 3
    assert totals.filtered(first, ("targets", "t"), count("t", 5)) == 5  # a third key forgets the least recent (m2)
    assert totals.filtered(first, ("targets", "m2"), count("m2", 8)) == 8
    assert counted == ["m2", "km", "t", "m2"]
    assert totals.filtered(ReleaseInfo(2, "b", loaded), ("targets", "t"), count("t", 6)) == 6  # a new release counts again
    assert totals.filtered(None, ("targets", "t"), count("t", 4)) == 4  # no release: nothing to key on


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_a_filtered_list_shows_the_new_total_after_a_load(make_client: ClientFactory, seeded_url: str) -> None:
    client: TestClient[Any] = make_client(cache_max_bytes=0)
    chapter = "shanghai-2012.c10"  # the last chapter: the changed seed keeps only the first 100 measures
    before = client.get("/v1/measures", params={"chapter": chapter, "limit": 1}).json()["meta"]["total"]
    assert before == client.get("/v1/measures", params={"chapter": chapter, "limit": 2}).json()["meta"]["total"] > 0
    engine = make_engine(seeded_url)
    try:
        load_dataset(engine, changed_seed(100))
    finally:
        engine.dispose()
    after = client.get("/v1/measures", params={"chapter": chapter, "limit": 1}).json()["meta"]["total"]
    assert after != before
