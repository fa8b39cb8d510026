"""The SQL of the measure lists: their filters, with named bind parameters (compiled once per shape), and the
conditions of one request."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, join
from sqlalchemy.orm import aliased
from sqlmodel import col

from workreport_schema import AssignmentBasis

from ...db.search import fold_query
from ...db.tables import BodyAssignment
from ...db.tables import Measure as MeasureRow
from ...queries.filters import Driver, Filters, Where, equal

_EARLIER = aliased(BodyAssignment, name="earlier")
_ANY = aliased(BodyAssignment, name="assigned")


def first_assignment(*same: str) -> ColumnElement[bool]:
    """The assignment is its measure's first with the same values of ``same`` (a measure is listed once, however
    many of its assignments match)."""
    earlier = [getattr(_EARLIER, name) == getattr(BodyAssignment, name) for name in same]
    return ~exists().where(
        col(_EARLIER.measure_id) == col(BodyAssignment.measure_id), col(_EARLIER.position) < col(BodyAssignment.position), *earlier
    )


def assigned(**values: str) -> ColumnElement[bool]:
    """The measure has an assignment with these values (column → bind parameter)."""
    return exists().where(col(_ANY.measure_id) == col(MeasureRow.id), *(equal(getattr(_ANY, name), bind) for name, bind in values.items()))


BY_ASSIGNMENT = Driver(
    join(BodyAssignment, MeasureRow, col(MeasureRow.id) == col(BodyAssignment.measure_id)),
    (col(BodyAssignment.document_id), col(BodyAssignment.seq), col(BodyAssignment.measure_id)),
    leads={
        "body": and_(equal(col(BodyAssignment.body_id), "body"), first_assignment("body_id")),
        "basis": and_(equal(col(BodyAssignment.basis), "basis"), first_assignment("basis")),
        "body_basis": and_(
            equal(col(BodyAssignment.body_id), "body"), equal(col(BodyAssignment.basis), "basis"), first_assignment("body_id", "basis")
        ),
    },
    follows={"document": equal(col(BodyAssignment.document_id), "document")},
    scoping=frozenset({"chapter", "paragraph"}),
)
"""A body's or a basis's measures, read through their assignments in list order (db/tables.py ``ASSIGNMENT_ORDER``);
within a chapter or a paragraph the measures are read and each is checked for the assignment."""

FILTERS = (
    Filters.equal(document=col(MeasureRow.document_id), chapter=col(MeasureRow.chapter_id), paragraph=col(MeasureRow.paragraph_id))
    .extend(
        body=assigned(body_id="body"),
        basis=assigned(basis="basis"),
        body_basis=assigned(body_id="body", basis="basis"),
        with_targets=col(MeasureRow.target_count) > 0,
        without_targets=col(MeasureRow.target_count) == 0,
    )
    .through(BY_ASSIGNMENT)
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
    return where.searching("measure", fold_query(q)) if q is not None else where
