"""Readers during a reload see the old data or the new data, never a mix."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, func, select

from workreport_api.db.loader import load_dataset
from workreport_api.db.reading import latest_release, snapshot
from workreport_api.db.tables import Measure, SearchEntry, Target

from ...conftest import ENGINES
from .conftest import changed_seed


def _view(connection: Connection) -> tuple[int, int, int, int | None]:
    measures = connection.execute(select(func.count()).select_from(Measure)).scalar_one()
    targets = connection.execute(select(func.count()).select_from(Target)).scalar_one()
    entries = connection.execute(select(func.count()).select_from(SearchEntry)).scalar_one()
    release = latest_release(connection)
    return measures, targets, entries, release.id if release else None


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_reader_sees_old_then_new_never_a_mix(seeded_engine: Engine) -> None:
    with snapshot(seeded_engine) as connection:
        old = _view(connection)
    assert old[:2] == (434, 65)
    paused, resume = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def hold(stage: str) -> None:
        if stage == "search":
            paused.set()
            resume.wait(30)

    def writer() -> None:
        try:
            load_dataset(seeded_engine, changed_seed(100), checkpoint=hold)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert paused.wait(30), "the load never reached its pause"
        with snapshot(seeded_engine) as connection:
            during = _view(connection)
            resume.set()
            thread.join(30)
            still: Any = _view(connection)
        assert during == old
        assert still == old, "a snapshot changed under the reader"
    finally:
        resume.set()
        thread.join(30)
    assert not errors
    with snapshot(seeded_engine) as connection:
        new = _view(connection)
    assert new[0] == 100 and new[3] is not None and old[3] is not None and new[3] > old[3]
