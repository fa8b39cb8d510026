"""Document keys: numbers that sort like document ids, given once, renumbered only when a gap is used up."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select, update

from workreport_api.db import migrate
from workreport_api.db.document_keys import LIMIT, STEP, between
from workreport_api.db.engine import make_engine
from workreport_api.db.loader import load_dataset, remove_document
from workreport_api.db.tables import Document, SearchEntry, SearchGram
from workreport_api.settings import Settings

from ...conftest import ENGINES


def test_a_number_between_neighbours() -> None:
    assert between(None, None) == 0
    assert between(7, None) == 7 + STEP  # after the last: a step on, so loads in id order never run out
    assert between(None, 7) == 7 - STEP
    assert between(0, STEP) == STEP // 2
    assert between(4, 6) == 5
    assert between(4, 5) is None  # no number left between them
    assert between(LIMIT - STEP + 1, None) is None and between(None, -LIMIT + STEP - 1) is None


def _copy(number: int) -> dict[str, object]:
    """Copy ``number`` of the seed with its first 20 measures: the keys need documents, not their size."""
    from bench.synthetic import copy_of

    from .conftest import changed_seed

    return dict(copy_of(json.dumps(changed_seed(20), ensure_ascii=False), number))


def _keys(engine: Engine) -> list[tuple[str, int]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(select(Document.id, Document.search_key).order_by(Document.id))]  # type: ignore[misc]


def _grams_follow_their_documents(engine: Engine) -> bool:
    with engine.connect() as connection:
        stale = connection.execute(
            select(SearchGram.entry_id)
            .join(SearchEntry, SearchEntry.id == SearchGram.entry_id)
            .join(Document, Document.id == SearchEntry.document_id)
            .where(SearchGram.document_key != Document.search_key)
            .limit(1)
        ).all()
    return not stale


@pytest.mark.parametrize("database_url", ENGINES, indirect=True)
def test_keys_sort_like_ids_whatever_the_order_of_loading(database_url: str, settings: Settings) -> None:
    engine = make_engine(database_url)
    try:
        migrate.upgrade(engine, settings)
        for number in (3, 1, 2):  # after, before, between
            load_dataset(engine, _copy(number), validate=False)
        keys = _keys(engine)
        assert [key for _, key in keys] == sorted(key for _, key in keys) and len({key for _, key in keys}) == 3
        assert dict(keys) == {"shanghai-2012-x003": 0, "shanghai-2012-x001": -STEP, "shanghai-2012-x002": -STEP // 2}
        load_dataset(engine, _copy(2), validate=False)  # loaded again: a number between the same neighbours
        assert dict(_keys(engine))["shanghai-2012-x002"] == -STEP // 2
        # neighbours with adjacent numbers leave none between them: every document is numbered again, grams too
        with engine.begin() as connection:
            connection.execute(update(Document).where(Document.id == "shanghai-2012-x001").values(search_key=40))
            connection.execute(update(Document).where(Document.id == "shanghai-2012-x003").values(search_key=41))
        remove_document(engine, "shanghai-2012-x002")
        load_dataset(engine, _copy(2), validate=False)
        assert [key for _, key in _keys(engine)] == [0, STEP // 2, STEP]
        assert _grams_follow_their_documents(engine)
    finally:
        engine.dispose()


def test_the_step_leaves_room_for_every_append() -> None:
    """Documents loaded in id order (the usual case: a year after another) never need a renumbering."""
    assert LIMIT // STEP >= 1 << 29 and LIMIT + STEP < 1 << 63  # a signed 64-bit column holds every number given


def test_a_load_that_renumbers_and_a_reload_at_once_both_finish(settings: Settings) -> None:
    """On PostgreSQL writers run one at a time from their start: a reload paused after deleting its document's rows
    while a load that must renumber every document starts, then let go, both finish. With a lock taken only to
    choose the number, the renumbering waited for the reload's deleted rows while the reload waited for the lock:
    PostgreSQL aborted one of them ("deadlock detected")."""
    import threading

    from ...conftest import create_postgres_database, drop_postgres_database, require_postgres

    require_postgres()
    url = create_postgres_database()
    engine = make_engine(url)
    try:
        migrate.upgrade(engine, settings)
        for number in (0, 1, 3):  # the seed itself, then two copies
            load_dataset(engine, _copy(number), validate=False)
        with engine.begin() as connection:  # no number left between them, as after ~32 loads into that gap
            connection.execute(update(Document).where(Document.id == "shanghai-2012-x001").values(search_key=40))
            connection.execute(update(Document).where(Document.id == "shanghai-2012-x003").values(search_key=41))
        deleted, go_on, errors = threading.Event(), threading.Event(), list[BaseException]()

        def pause_after_deleting(stage: str) -> None:
            if stage == "deleted":
                deleted.set()
                go_on.wait(30)

        def write(number: int, checkpoint: Callable[[str], None] | None = None) -> None:
            try:
                load_dataset(engine, _copy(number), checkpoint, validate=False)
            except BaseException as error:  # reported below
                errors.append(error)

        reload = threading.Thread(target=write, args=(0, pause_after_deleting))  # away from the gap: it stays full
        reload.start()
        assert deleted.wait(30)
        renumbering = threading.Thread(target=write, args=(2,))
        renumbering.start()
        renumbering.join(1.0)  # it waits for the reload (with the old lock it got as far as the renumbering)
        go_on.set()
        reload.join(60)
        renumbering.join(60)
        assert not errors, errors
        assert [key for _, key in _keys(engine)] == [0, STEP, STEP + STEP // 2, 2 * STEP]  # renumbered, then x002 between
        assert _grams_follow_their_documents(engine)
    finally:
        engine.dispose()
        drop_postgres_database(url)
