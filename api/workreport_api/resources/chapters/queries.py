"""The SQL of chapters: the list filters, with named bind parameters (compiled once per shape), and the conditions
of one request."""

from __future__ import annotations

from sqlmodel import col

from ...db.collections import SPECS
from ...db.tables import Chapter as ChapterRow
from ...queries.filters import Filters, Where

SPEC = SPECS["chapters"]

FILTERS = Filters.equal(document=col(ChapterRow.document_id))
"""The chapter filters."""


def chapter_where(document: str | None = None) -> Where:
    """The conditions of a chapter list's request (an empty value filters nothing)."""
    return FILTERS.where(document=document or None)
