"""The SQL of outcomes: the list filters, with named bind parameters (compiled once per shape), and the conditions
of one request."""

from __future__ import annotations

from sqlmodel import col

from ...db.collections import SPECS
from ...db.tables import Outcome as OutcomeRow
from ...queries.filters import Filters, Where

SPEC = SPECS["outcomes"]

FILTERS = Filters.equal(
    document=col(OutcomeRow.target_document_id),
    result_document=col(OutcomeRow.result_document_id),
    issuer=col(OutcomeRow.issuer_id),
    indicator=col(OutcomeRow.indicator_code),
    year=col(OutcomeRow.year),
    outcome=col(OutcomeRow.outcome),
    stated_outcome=col(OutcomeRow.stated_outcome),
    principal=col(OutcomeRow.principal),
)
"""The outcome filters: ``document`` is the report that set the targets, ``result_document`` the one that judged them."""


def outcome_where(**given: object) -> Where:
    """The conditions of an outcome list's request (each filter given, or None)."""
    return FILTERS.where(**given)
