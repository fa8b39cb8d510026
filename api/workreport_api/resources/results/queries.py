"""The SQL of results: the list filters, with named bind parameters (compiled once per shape), and the conditions
of one request."""

from __future__ import annotations

from ...db.collections import SPECS
from ...db.tables import Result as ResultRow
from ...queries.filters import Where
from ...queries.listing import quantity_filters, quantity_where

SPEC = SPECS["results"]

FILTERS = quantity_filters(
    ResultRow,
    "result",
    {
        "document": "document_id",
        "chapter": "chapter_id",
        "paragraph": "paragraph_id",
        "unit": "unit_id",
        "indicator": "indicator_code",
        "quantity_kind": "quantity_kind",
        "comparator": "comparator",
        "direction": "direction",
        "estimate": "estimate",
    },
)
"""The result filters."""


def result_where(dialect: str, q: str | None = None, **given: object) -> Where:
    """The conditions of a result list's request."""
    return quantity_where(FILTERS, dialect, ResultRow, "result", q, **given)
