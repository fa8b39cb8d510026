"""The SQL of the measure lists: their filters, with named bind parameters (compiled once per shape), and the
conditions of one request."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from workreport_schema import AssignmentBasis

from ...db.tables import BodyAssignment
from ...db.tables import Measure as MeasureRow
from ...queries.filters import Filters, Where, equal
from ...queries.listing import search_condition

FILTERS = Filters.equal(
    document=col(MeasureRow.document_id), chapter=col(MeasureRow.chapter_id), paragraph=col(MeasureRow.paragraph_id)
).extend(
    body=col(MeasureRow.id).in_(select(col(BodyAssignment.measure_id)).where(equal(col(BodyAssignment.body_id), "body"))),
    basis=col(MeasureRow.id).in_(select(col(BodyAssignment.measure_id)).where(equal(col(BodyAssignment.basis), "basis"))),
    body_basis=col(MeasureRow.id).in_(
        select(col(BodyAssignment.measure_id)).where(equal(col(BodyAssignment.body_id), "body"), equal(col(BodyAssignment.basis), "basis"))
    ),
    with_targets=col(MeasureRow.target_count) > 0,
    without_targets=col(MeasureRow.target_count) == 0,
)
"""The measure filters, shared by every measure list (a body and a basis together: one assignment with both)."""


def measure_where(
    dialect: str,
    document: str | None = None,
    chapter: str | None = None,
    paragraph: str | None = None,
    body: str | None = None,
    basis: AssignmentBasis | None = None,
    has_targets: bool | None = None,
    q: str | None = None,
) -> Where:
    """The conditions of a measure list's request."""
    where = FILTERS.where(
        document=document or None,
        chapter=chapter or None,
        paragraph=paragraph or None,
        body=body if body and not basis else None,
        basis=basis if basis and not body else None,
        body_basis={"body": body, "basis": basis} if body and basis else None,
        with_targets=True if has_targets is True else None,
        without_targets=True if has_targets is False else None,
    )
    return where.plus(search_condition(dialect, MeasureRow, q, "measure")) if q is not None else where
