"""The collection registry (queries/listing.SPECS) is the one list of collections: a Dataset's collections are the
schema's entities, and the index, the exports and the Data Package derive theirs from it."""

from __future__ import annotations

from workreport_api.datapackage import descriptor
from workreport_api.db.export import COLLECTION_ORDER, DERIVED_COLLECTIONS
from workreport_api.queries.listing import SPECS
from workreport_api.resources.exports import FILES
from workreport_api.resources.index import COLLECTIONS
from workreport_api.tabular import COLUMNS
from workreport_schema import ENTITIES, Dataset


def test_a_datasets_collections_are_the_registrys_records() -> None:
    collections = [name for name in Dataset.model_fields if name not in ("schema_version", "release")]
    assert list(COLLECTION_ORDER) == collections  # the same collections, in the same order
    assert {SPECS[name].entity for name in COLLECTION_ORDER} <= set(ENTITIES)


def test_everything_else_derives_from_the_registry() -> None:
    assert set(DERIVED_COLLECTIONS) == {name for name, spec in SPECS.items() if spec.derived}
    assert tuple(name for name, spec in SPECS.items() if spec.listed) == COLLECTIONS
    assert {file.rpartition(".")[0] for file in FILES} == set(SPECS) == set(COLUMNS)
    assert [resource["name"] for resource in descriptor("1")["resources"]] == [*COLLECTION_ORDER, *DERIVED_COLLECTIONS]
