"""The SQL of paragraphs: the list filters, with named bind parameters (compiled once per shape), and the
conditions of one request."""

from __future__ import annotations

from sqlmodel import col

from ...db.collections import SPECS
from ...db.tables import Paragraph as ParagraphRow
from ...queries.filters import Filters, Where

SPEC = SPECS["paragraphs"]

FILTERS = Filters.equal(document=col(ParagraphRow.document_id), chapter=col(ParagraphRow.chapter_id))
"""The paragraph filters."""


def paragraph_where(document: str | None = None, chapter: str | None = None) -> Where:
    """The conditions of a paragraph list's request (an empty value filters nothing)."""
    return FILTERS.where(document=document or None, chapter=chapter or None)
