"""A list's filters: which apply (the shape), their values, and the same rows through prepared SQL as through SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, true

from workreport_api.db.engine import make_engine
from workreport_api.db.reading import snapshot
from workreport_api.queries.filters import EVERYTHING, Filters
from workreport_api.queries.listing import SPECS, fetch_one, fetch_page
from workreport_api.resources.measures.queries import measure_where
from workreport_api.resources.targets.queries import target_where
from workreport_schema import AssignmentBasis, Commitment

from ...conftest import ENGINES

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
    assert EVERYTHING.prepared and EVERYTHING.conditions() == []


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
