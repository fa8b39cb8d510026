"""Helpers for storage tests: engines, settings and the seed dataset."""

from __future__ import annotations

import contextlib
import copy
import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from workreport_api.db.engine import make_engine
from workreport_api.db.loader import load_dataset
from workreport_api.settings import Settings
from workreport_schema import content_hash

from ...conftest import SEED_DATASET, ReadOnlyApps


def seed_dataset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
    return data


def changed_seed(keep_measures: int = 100) -> dict[str, Any]:
    """The seed with fewer measures (and their targets): a different, valid version of the document."""
    data = copy.deepcopy(seed_dataset())
    kept = data["measures"][:keep_measures]
    kept_ids = {m["id"] for m in kept}
    data["measures"] = kept
    data["targets"] = [t for t in data["targets"] if t["measure_id"] in kept_ids]
    used_units = {t["unit"] for t in data["targets"] if "unit" in t}
    data["units"] = [u for u in data["units"] if u["id"] in used_units]
    parents = {b["id"]: b.get("parent_id") for b in data["bodies"]}
    wanted = {a["body_id"] for m in kept for a in m["bodies"]} | {d["issuer"] for d in data["documents"]}
    closure: set[str] = set()
    for body_id in wanted:
        current: str | None = body_id
        while current is not None and current not in closure:
            closure.add(current)
            current = parents.get(current)
    data["bodies"] = [b for b in data["bodies"] if b["id"] in closure]
    data["release"]["version"] = "changed"
    data["release"]["content_hash"] = content_hash(data)
    return data


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def seeded_engine(seeded_url: str) -> Iterator[Engine]:
    engine = make_engine(seeded_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def shared_engine(request: pytest.FixtureRequest, read_only_apps: ReadOnlyApps) -> Engine:
    """The session's engine over the seed, of the engine given by the test's parameter; never write through it."""
    return read_only_apps.engine(request.param)


@pytest.fixture
def settings() -> Settings:
    return Settings.from_env({})


@contextlib.contextmanager
def paused_load(engine: Engine, keep_measures: int = 100) -> Iterator[Callable[[], None]]:
    """A load of ``changed_seed(keep_measures)`` in a thread, paused at its search stage: the body reads while the load
    is half done, and calls the yielded function to let it finish. The load has ended, without error, on exit."""
    paused, resume = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def hold(stage: str) -> None:
        if stage == "search":
            paused.set()
            resume.wait(30)

    def writer() -> None:
        try:
            load_dataset(engine, changed_seed(keep_measures), checkpoint=hold)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    thread = threading.Thread(target=writer)
    thread.start()

    def finish() -> None:
        resume.set()
        thread.join(30)

    try:
        assert paused.wait(30), "the load never reached its pause"
        yield finish
    finally:
        finish()
    assert not errors
