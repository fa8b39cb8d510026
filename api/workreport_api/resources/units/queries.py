"""The SQL of units: the list filter, with a named bind parameter (compiled once per shape), and the conditions of
one request."""

from __future__ import annotations

from sqlmodel import col

from workreport_schema import QuantityKind

from ...db.collections import SPECS
from ...db.tables import Unit as UnitRow
from ...queries.filters import Filters, Where

SPEC = SPECS["units"]

FILTERS = Filters.equal(quantity_kind=col(UnitRow.quantity_kind))
"""The unit filters."""


def unit_where(quantity_kind: QuantityKind | None = None) -> Where:
    """The conditions of a unit list's request."""
    return FILTERS.where(quantity_kind=quantity_kind or None)
