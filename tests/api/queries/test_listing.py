"""The collection registry (queries/listing.SPECS) is the one list of collections: a Dataset's collections are the
schema's entities, and the index, the exports and the Data Package derive theirs from it."""

from __future__ import annotations

import pytest

from workreport_api.datapackage import descriptor
from workreport_api.db.collections import SPECS
from workreport_api.db.engine import make_engine
from workreport_api.db.export import COLLECTION_ORDER, DERIVED_COLLECTIONS
from workreport_api.db.prepared import prepare
from workreport_api.queries.listing import page_statement
from workreport_api.resources.exports import FILES
from workreport_api.resources.index.controller import COLLECTIONS
from workreport_api.resources.measures import queries as measure_queries
from workreport_api.resources.outcomes import queries as outcome_queries
from workreport_api.resources.results import queries as result_queries
from workreport_api.resources.targets import queries as target_queries
from workreport_api.tabular import COLUMNS
from workreport_schema import ENTITIES, Dataset

from ...conftest import ReadOnlyApps


def test_a_datasets_collections_are_the_registrys_records() -> None:
    collections = [name for name in Dataset.model_fields if name not in ("schema_version", "release")]
    assert list(COLLECTION_ORDER) == collections  # the same collections, in the same order
    assert {SPECS[name].entity for name in COLLECTION_ORDER} <= set(ENTITIES)


def test_everything_else_derives_from_the_registry() -> None:
    assert set(DERIVED_COLLECTIONS) == {name for name, spec in SPECS.items() if spec.derived}
    assert tuple(name for name, spec in SPECS.items() if spec.listed) == COLLECTIONS
    assert {file.rpartition(".")[0] for file in FILES} == set(SPECS) == set(COLUMNS)
    assert [resource["name"] for resource in descriptor("1")["resources"]] == [*COLLECTION_ORDER, *DERIVED_COLLECTIONS]


GROWING_FILTERS = {
    "targets": (
        target_queries.FILTERS,
        ["type", "unit", "quantity_kind", "comparator", "commitment", "direction", "headline", "indicator"],
    ),
    "results": (result_queries.FILTERS, ["unit", "quantity_kind", "comparator", "estimate", "direction", "indicator"]),
    "outcomes": (
        outcome_queries.FILTERS,
        ["result_document", "issuer", "indicator", "year", "outcome", "stated_outcome", "principal"],
    ),
    "measures": (measure_queries.FILTERS, ["body", "basis", "body_basis"]),
}
"""The equality filters whose matches grow with the number of documents loaded (a document's chapter or paragraph
does not); a measure's body and basis are read through its assignments."""
VALUES: dict[str, object] = {
    "headline": True,
    "estimate": True,
    "principal": True,
    "year": 2012,
    "body_basis": {"body": "x", "basis": "explicit"},
}


@pytest.mark.parametrize(("collection", "name"), [(c, name) for c, (_, names) in GROWING_FILTERS.items() for name in names])
@pytest.mark.parametrize("after", [False, True], ids=["first page", "with a cursor"])
def test_a_growing_filter_reads_its_page_in_list_order(read_only_apps: ReadOnlyApps, collection: str, name: str, after: bool) -> None:
    """On SQLite, the page's statement of each such filter walks one index in list order (no sort of every match),
    so a page costs the same at 100× the seed as at 1×."""
    filters, _ = GROWING_FILTERS[collection]
    spec = SPECS[collection]
    where = filters.where(**{name: VALUES.get(name, "x")})
    engine = make_engine(read_only_apps.url("sqlite"))
    prepared = prepare(page_statement(spec, where, "sqlite", after), engine.dialect)
    keys = {f"after_{index}": key_type() for index, key_type in enumerate(spec.key_types)} if after else {}
    try:
        with engine.connect() as connection:
            explained = connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + prepared.sql, tuple(prepared.arguments(where.values | {"page_limit": 51} | keys))
            )
            plan = [row[3] for row in explained]
    finally:
        engine.dispose()
    assert not any("TEMP B-TREE" in step for step in plan), plan
    table = "body_assignments" if collection == "measures" else collection
    assert any(f"INDEX ix_{table}_" in step and "_order (" in step for step in plan), plan
