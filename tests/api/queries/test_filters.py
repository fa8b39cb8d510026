"""A list's filters: which apply (the shape), their values, and the same rows through prepared SQL as through SQLAlchemy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, true, update
from sqlmodel import col

from workreport_api.db.collections import SPECS
from workreport_api.db.engine import make_engine
from workreport_api.db.reading import snapshot
from workreport_api.db.tables import BodyAssignment
from workreport_api.queries.filters import EVERYTHING, Filters
from workreport_api.queries.listing import fetch_one, fetch_page
from workreport_api.resources.measures.queries import measure_where
from workreport_api.resources.targets.queries import target_where
from workreport_schema import AssignmentBasis, Commitment

from ...conftest import ENGINES, SEED_DATASET

FILTERS = Filters.equal(a=SPECS["measures"].table.document_id, b=SPECS["measures"].table.chapter_id).extend(
    flag=SPECS["measures"].table.target_count > 0
)


def test_the_shape_is_the_filters_given_in_declaration_order() -> None:
    where = FILTERS.where(flag=True, b="c", a=None)
    assert where.shape == ("b", "flag") and where.prepared
    assert FILTERS.where(b="c", flag=True).shape == FILTERS.where(flag=True, b="c").shape


def test_values_bind_enums_by_value_and_mappings_by_name() -> None:
    assert FILTERS.where(a=Commitment.FIRM).values == {"a": "firm"}
    assert FILTERS.where(a={"x": AssignmentBasis.CURATED, "y": 1}).values == {"x": "curated", "y": 1}
    assert FILTERS.where(a="").shape == ("a",)  # only None leaves a filter out


def test_unknown_filters_are_a_programming_error() -> None:
    with pytest.raises(KeyError, match="nope"):
        FILTERS.where(nope=1)


def test_conditions_with_their_own_values_are_not_prepared() -> None:
    assert not FILTERS.where(a="x").plus(true()).prepared
    assert EVERYTHING.prepared and EVERYTHING.conditions() == [] and EVERYTHING.unfiltered
    assert not FILTERS.where(a="x").unfiltered and not EVERYTHING.plus(true()).unfiltered


def test_a_search_is_prepared_and_light_alone_or_within_one_document() -> None:
    """A q list's statements are compiled once (the query is bound); it reads on the event loop unless a filter across
    documents may make it read every record that filter selects (queries/searched.py)."""
    searched = measure_where("sqlite", q="養老")
    assert searched.search is not None and searched.search.folded == "养老" and searched.search.short
    assert searched.prepared and searched.light and not searched.unfiltered and searched.conditions() == []
    assert measure_where("sqlite", q="養老", chapter="shanghai-2012.c05").light
    assert not measure_where("sqlite", q="養老", body="shanghai.civil-affairs-bureau").light
    assert not target_where("sqlite", q="新增", unit="har").light and target_where("sqlite", q="新增", measure="m").light
    assert EVERYTHING.light and FILTERS.where(a="x").light and not FILTERS.where(a="x").plus(true()).light


@pytest.fixture
def connection(seeded_url: str) -> Iterator[Connection]:
    engine = make_engine(seeded_url)
    with snapshot(engine) as connection:
        yield connection
    engine.dispose()


CASES: list[tuple[str, Any]] = [
    ("measures", measure_where("sqlite")),
    ("measures", measure_where("sqlite", chapter="shanghai-2012.c05")),
    ("measures", measure_where("sqlite", document="shanghai-2012", has_targets=True)),
    ("measures", measure_where("sqlite", has_targets=False)),
    ("measures", measure_where("sqlite", body="shanghai.agriculture-commission", basis=AssignmentBasis.POLICY_AREA)),
    ("measures", measure_where("sqlite", basis=AssignmentBasis.EXPLICIT)),
    ("targets", target_where("sqlite", unit="har")),
    ("targets", target_where("sqlite", headline=False, commitment=Commitment.FIRM, min_value=1.0, max_value=1e9)),
    ("targets", target_where("sqlite", outcome="unassessed")),
]


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
@pytest.mark.parametrize(("collection", "where"), CASES)
def test_prepared_pages_are_sqlalchemys_pages(connection: Connection, collection: str, where: Any) -> None:
    """Every page of a walk, prepared, equals the same page run through SQLAlchemy (forced by a condition with a value)."""
    spec, after, walked = SPECS[collection], None, 0
    while True:
        prepared = fetch_page(connection, spec, where, 7, after)
        assert prepared == fetch_page(connection, spec, where.plus(true()), 7, after)
        assert all(isinstance(record, bytes) for record in prepared.records)
        walked += len(prepared.records)
        if prepared.next_key is None:
            break
        after = prepared.next_key
    assert walked == prepared.total > 0


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_one_record_is_its_stored_text_as_bytes(connection: Connection) -> None:
    page = fetch_page(connection, SPECS["measures"], EVERYTHING, 1, None)
    record = fetch_one(connection, SPECS["measures"], "shanghai-2012.c03.p02.m18")
    assert record is not None and record.startswith(b'{"id":"shanghai-2012.c03.p02.m18"')
    assert page.records and fetch_one(connection, SPECS["measures"], "no-such-id") is None


BIG_BODY = "shanghai.civil-affairs-bureau"


def _walk(connection: Connection, where: Any, limit: int) -> tuple[list[str], int]:
    """Every measure id of a cursor walk of ``limit`` per page, and the total the first page gave."""
    ids: list[str] = []
    after, total = None, None
    while True:
        page = fetch_page(connection, SPECS["measures"], where, limit, after)
        total = page.total if total is None else total
        ids += [json.loads(record)["id"] for record in page.records]
        if page.next_key is None:
            return ids, total
        after = page.next_key


@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_a_body_or_basis_is_read_through_its_assignments_and_a_measure_listed_once(seeded_url: str) -> None:
    """A measure assigned the same body twice (or two bodies on the same basis) is one measure of that body (basis),
    read through the assignments in list order as through a chapter's measures checked one by one."""
    seed = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
    order = [m["id"] for m in seed["measures"]]
    twice = next(m for m in seed["measures"] if len(m["bodies"]) >= 2 and m["bodies"][0]["body_id"] != BIG_BODY)
    engine = make_engine(seeded_url)
    with engine.begin() as writing:  # the measure's second body becomes its first one again
        writing.execute(
            update(BodyAssignment)
            .where(col(BodyAssignment.measure_id) == twice["id"], col(BodyAssignment.position) == 1)
            .values(body_id=twice["bodies"][0]["body_id"], basis=twice["bodies"][0]["basis"])
        )
    try:
        with snapshot(engine) as connection:
            _check_read_through(connection, seed, order, twice)
    finally:
        engine.dispose()


def _check_read_through(connection: Connection, seed: dict[str, Any], order: list[str], twice: dict[str, Any]) -> None:
    body, basis = twice["bodies"][0]["body_id"], AssignmentBasis(twice["bodies"][0]["basis"])
    expected = [m for m in order if any(a["body_id"] == body for a in next(x for x in seed["measures"] if x["id"] == m)["bodies"])]
    for where in (measure_where("sqlite", body=body), measure_where("sqlite", body=body, basis=basis)):
        assert where.driver is not None
        for limit in (1, 2, 500):
            ids, total = _walk(connection, where, limit)
            assert twice["id"] in ids and len(ids) == len(set(ids)) == total
            assert ids == [m for m in order if m in set(ids)]  # list order
    assert _walk(connection, measure_where("sqlite", body=body), 3)[0] == expected
    by_basis = [m["id"] for m in seed["measures"] if any(a["basis"] == basis.value for a in m["bodies"])]
    assert _walk(connection, measure_where("sqlite", basis=basis), 4)[0] == by_basis
    chapter = twice["chapter_id"]
    scoped = measure_where("sqlite", chapter=chapter, body=body)
    assert scoped.driver is None  # a chapter's few measures are read, each checked for the body
    in_chapter = [m for m in expected if next(x for x in seed["measures"] if x["id"] == m)["chapter_id"] == chapter]
    assert _walk(connection, scoped, 2) == (in_chapter, len(in_chapter))
