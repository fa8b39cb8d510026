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


@on_both_engines
def test_an_estimate_carries_the_density_seen_over_every_entry(shared_engine: Engine) -> None:
    from sqlalchemy import func

    from workreport_api.db.search import estimate
    from workreport_api.db.tables import SearchEntry

    with shared_engine.connect() as connection:
        first, last = connection.execute(select(func.min(SearchEntry.id), func.max(SearchEntry.id))).one()
        entries = last - first + 1
        assert estimate(connection, 10, first + 99) == round(10 * entries / 100)  # 10 in the first 100 entries
        assert estimate(connection, 7, last) == 7  # everything read: what was seen
        assert estimate(connection, 3, first) == 3 * entries


@on_both_engines
def test_a_ranked_window_reads_its_records_and_counts_within_a_document(shared_engine: Engine) -> None:
    from workreport_api.db.search import ranked_window

    kinds = ("measure", "target")
    with shared_engine.connect() as connection:
        everything = ranked_window(connection, shared_engine.dialect.name, "养老", kinds, None, 200, 0, 100)
        bounded = ranked_window(connection, shared_engine.dialect.name, "养老", kinds, None, 3, 0, 2)
        in_document = ranked_window(connection, shared_engine.dialect.name, "养老", kinds, "shanghai-2012", 3, 0, 2)
    assert (everything.total, everything.estimated, len(everything.rows)) == (10, False, 10)
    assert all(json.loads(row.record)["id"] == row.record_id and row.language == "zh-Hant" for row in everything.rows)
    assert bounded.estimated and bounded.total >= 4 and len(bounded.rows) == 2
    assert (in_document.total, in_document.estimated) == (10, False)
