"""The SQL of documents: the list filter, with a named bind parameter (compiled once per shape), and the read of a
document's exact source text."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from ...db.collections import SPECS
from ...db.reading import ReleaseInfo, latest_release, snapshot
from ...db.tables import Document as DocumentRow
from ...queries.filters import Filters, Where
from ...state import ApiState

SPEC = SPECS["documents"]

FILTERS = Filters.equal(year=col(DocumentRow.year))
"""The document filters."""


def document_where(year: int | None = None) -> Where:
    """The conditions of a document list's request."""
    return FILTERS.where(year=year)


def read_text(api: ApiState, document_id: str) -> tuple[ReleaseInfo | None, str | None]:
    """The release and a document's exact source text (None when there is no such document), in one snapshot."""
    with snapshot(api.engine) as connection:
        release = latest_release(connection)
        text = connection.execute(select(col(DocumentRow.text)).where(col(DocumentRow.id) == document_id)).scalar_one_or_none()
        return release, text
