"""Readers during a reload see the old data or the new data, never a mix."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection, Engine, func, select

from workreport_api.db.reading import latest_release, snapshot
from workreport_api.db.tables import Measure, SearchEntry, Target

from ...conftest import ENGINES
from .conftest import paused_load


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
    with paused_load(seeded_engine) as finish:
        with snapshot(seeded_engine) as connection:
            during = _view(connection)
            finish()
            still: Any = _view(connection)
        assert during == old
        assert still == old, "a snapshot changed under the reader"
    with snapshot(seeded_engine) as connection:
        new = _view(connection)
    assert new[0] == 100 and new[3] is not None and old[3] is not None and new[3] > old[3]
