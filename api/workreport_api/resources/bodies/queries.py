"""The SQL of responsible bodies: the list filters, with named bind parameters (compiled once per shape), and the
conditions of one request."""

from __future__ import annotations

from sqlmodel import col

from ...db.collections import SPECS
from ...db.tables import Body as BodyRow
from ...queries.filters import Filters, Where

SPEC = SPECS["bodies"]

FILTERS = Filters.equal(classification=col(BodyRow.classification), parent=col(BodyRow.parent_id))
"""The body filters."""


def body_where(classification: str | None = None, parent: str | None = None) -> Where:
    """The conditions of a body list's request (an empty value filters nothing)."""
    return FILTERS.where(classification=classification or None, parent=parent or None)
