"""Search: cross-script, 1- and 2-character queries, metacharacters as plain text, on both engines."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, select

from workreport_api.db.search import fold_query, grams, matching_record_ids
from workreport_api.db.tables import Measure, Target

from ...conftest import ENGINES

on_both_engines = pytest.mark.parametrize("shared_engine", ENGINES, indirect=True)


def _texts(engine: Engine, query: str, kind: str = "measure") -> list[str]:
    table, field = (Measure, "text") if kind == "measure" else (Target, "indicator")
    with engine.connect() as connection:
        ids = matching_record_ids(engine.dialect.name, fold_query(query), kind)
        records = connection.scalars(select(table.record).where(table.id.in_(ids)).order_by(table.id))
        return [json.loads(record)[field]["zh-Hant"] for record in records]


@on_both_engines
@pytest.mark.parametrize(
    ("query", "must_contain"),
    [("菜", "菜"), ("养老", "養老"), ("養老", "養老"), ("養老床", "養老床"), ("养老床位", "養老床位"), ("１１００", "1100"), ("%", "%")],
)
def test_queries_of_every_length_and_script(shared_engine: Engine, query: str, must_contain: str) -> None:
    found = _texts(shared_engine, query)
    assert found, query
    assert all(must_contain in text for text in found)


@on_both_engines
def test_every_measure_containing_the_word_is_found(shared_engine: Engine) -> None:
    with shared_engine.connect() as connection:
        everything = [json.loads(r)["text"]["zh-Hant"] for r in connection.scalars(select(Measure.record))]
    for word in ("菜", "養老", "就業崗位"):
        assert sorted(_texts(shared_engine, word)) == sorted(t for t in everything if word in t)


@on_both_engines
@pytest.mark.parametrize("query", ["_", "\\", "'", '"', "%%", "' OR 1=1 --", "養老%", "%_"])
def test_metacharacters_are_plain_text(shared_engine: Engine, query: str) -> None:
    assert _texts(shared_engine, query) == []


@on_both_engines
def test_targets_by_indicator(shared_engine: Engine) -> None:
    assert _texts(shared_engine, "床位", "target") == ["新增養老床位"]
    assert _texts(shared_engine, "幼儿园", "target") == ["新增幼兒園"]


def test_grams_are_one_and_two_characters() -> None:
    assert grams("养老 床") == {"养", "老", "床", "养老", "老 ", " 床"}
