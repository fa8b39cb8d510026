"""The SQL of targets: the list filters, with named bind parameters (compiled once per shape), the conditions of
one request, and a target read with its outcomes."""

from __future__ import annotations

from ...db.collections import SPECS
from ...db.prepared import Reading
from ...db.reading import ReleaseInfo, latest_release
from ...db.tables import Target as TargetRow
from ...queries.filters import Where
from ...queries.listing import fetch_one, quantity_filters, quantity_where, target_outcomes

SPEC = SPECS["targets"]

FILTERS = quantity_filters(
    TargetRow,
    "target",
    {
        "document": "document_id",
        "chapter": "chapter_id",
        "paragraph": "paragraph_id",
        "measure": "measure_id",
        "unit": "unit_id",
        "indicator": "indicator_code",
        "quantity_kind": "quantity_kind",
        "comparator": "comparator",
        "commitment": "commitment",
        "type": "type",
        "direction": "direction",
        "headline": "headline",
    },
)
"""The target filters (shared by both target lists)."""


def target_where(dialect: str, q: str | None = None, **given: object) -> Where:
    """The conditions of a target list's request."""
    return quantity_where(FILTERS, dialect, TargetRow, "target", q, **given)


def read_target(target_id: str, connection: Reading) -> tuple[ReleaseInfo | None, bytes | None, list[bytes]]:
    """The release, a target's stored JSON (None when there is none) and its outcomes' JSON, in the snapshot of
    ``connection``."""
    release = latest_release(connection)
    record = fetch_one(connection, SPEC, target_id)
    return release, record, target_outcomes(connection, target_id) if record is not None else []
