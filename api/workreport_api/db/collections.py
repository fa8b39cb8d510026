"""The one registry of collections: each one's table, its list order and cursor key types, and where it appears.

The lists and items (queries/listing.py), the index's links, the exports, the Data Package and ``workreport
export`` all read it; a Dataset's collections are the schema package's (``workreport_schema.COLLECTIONS``), in its
order, each with its entity name from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from workreport_schema import COLLECTIONS

from .prepared import AnyColumn
from .tables import (
    DOCUMENT_ORDER,
    OUTCOME_ORDER,
    Body,
    Chapter,
    Document,
    Indicator,
    Measure,
    Outcome,
    Paragraph,
    RecordRow,
    Result,
    SeriesPoint,
    Target,
    Unit,
)


@dataclass(frozen=True)
class CollectionSpec:
    """One collection: its table, its order and cursor key types, and where it appears."""

    name: str
    entity: str
    table: type[RecordRow]
    order: tuple[str, ...]
    key_types: tuple[type[str | int], ...]
    derived: bool = False
    """Derived by the API across documents (db/comparisons.py): exported as CSV and in the Data Package, never in a Dataset."""
    listed: bool = True
    """Has its own list at /v1/{name} (and a link in the index)."""

    def columns(self) -> list[AnyColumn]:
        return [getattr(self.table, name) for name in self.order]


Key = tuple[str | int, ...]
"""A record's place in its list: its values of the list's order (what a cursor carries)."""

KEYED_BY_ID = (("id",), (str,))
IN_DOCUMENT_ORDER = (DOCUMENT_ORDER, (str, int, str))


def _of_dataset(name: str, table: type[RecordRow], order: tuple[tuple[str, ...], tuple[type[str | int], ...]]) -> CollectionSpec:
    """A collection of a Dataset: named, with its entity, by the schema package."""
    return CollectionSpec(name, COLLECTIONS[name], table, *order)


SPECS: dict[str, CollectionSpec] = {
    "documents": _of_dataset("documents", Document, KEYED_BY_ID),
    "chapters": _of_dataset("chapters", Chapter, IN_DOCUMENT_ORDER),
    "paragraphs": _of_dataset("paragraphs", Paragraph, IN_DOCUMENT_ORDER),
    "measures": _of_dataset("measures", Measure, IN_DOCUMENT_ORDER),
    "targets": _of_dataset("targets", Target, IN_DOCUMENT_ORDER),
    "results": _of_dataset("results", Result, IN_DOCUMENT_ORDER),
    "indicators": CollectionSpec("indicators", "indicator", Indicator, *KEYED_BY_ID, derived=True),
    "outcomes": CollectionSpec("outcomes", "outcome", Outcome, OUTCOME_ORDER, (str, int, str), derived=True),
    "units": _of_dataset("units", Unit, KEYED_BY_ID),
    "bodies": _of_dataset("bodies", Body, KEYED_BY_ID),
    "series": CollectionSpec(
        "series",
        "series point",
        SeriesPoint,
        ("indicator_code", "year", "issuer_id", "document_id", "seq", "id"),
        (str, int, str, str, int, str),
        derived=True,
        listed=False,
    ),
}
"""The one registry of collections, in the order of the index's links and the exports."""
if [name for name, spec in SPECS.items() if not spec.derived] != list(COLLECTIONS):
    raise RuntimeError("the registry's Dataset collections are not the schema package's, in its order")
