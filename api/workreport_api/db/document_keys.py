"""Document order as numbers, so an index can rank rows across documents.

Search ranks a short query's matches by occurrences, then document order (the
order of document ids as the database sorts them), from one index
(``ix_search_grams_ranking``). An index can keep that order only if each row
carries a number that sorts like its document's id: ``Document.search_key``.
A document takes its number when it is loaded and keeps it while it stays, so
loading one never rewrites another's rows: a number ``STEP`` past the last
document's (or before the first's), or half-way between its neighbours'. Only
when its neighbours' numbers are adjacent (about 32 loads into the same gap,
each halving it) is every document numbered again (``renumber``), rewriting
the search grams' copies. Two loads never choose at once: the loader runs one
writer at a time (SQLite's write lock, PostgreSQL's ``loader.WRITERS_LOCK``).
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select, update
from sqlmodel import col

from .tables import Document, SearchEntry, SearchGram

STEP = 1 << 32
"""The distance between documents loaded in id order, and after a renumbering."""
LIMIT = 1 << 62
"""Numbers stay within ±LIMIT (a signed 64-bit column)."""


def between(before: int | None, after: int | None) -> int | None:
    """A number after ``before`` and before ``after`` (None: no document on that side), or None when none is left."""
    if before is None and after is None:
        return 0
    if after is None:
        assert before is not None
        return before + STEP if before + STEP <= LIMIT else None
    if before is None:
        return after - STEP if after - STEP >= -LIMIT else None
    return (before + after) // 2 if after - before >= 2 else None


def _neighbours(connection: Connection, document_id: str) -> tuple[int | None, int | None]:
    """The numbers of the documents just before and just after ``document_id`` in the database's order of ids (the
    order the ranking uses, compared by the database: its collation, not Python's)."""
    before = connection.execute(select(func.max(col(Document.search_key))).where(col(Document.id) < document_id)).scalar_one()
    after = connection.execute(select(func.min(col(Document.search_key))).where(col(Document.id) > document_id)).scalar_one()
    return before, after


def assign(connection: Connection, document_id: str) -> int:
    """The number for a document about to be inserted (not in the table yet), renumbering the others if need be;
    the caller is the only writer (``loader.WRITERS_LOCK``)."""
    key = between(*_neighbours(connection, document_id))
    if key is None:
        renumber(connection)
        key = between(*_neighbours(connection, document_id))
        assert key is not None, "a renumbering leaves STEP between neighbours"
    return key


def renumber(connection: Connection) -> None:
    """Number every document ``STEP`` apart in id order, and give their search grams the new numbers."""
    ids = connection.execute(select(col(Document.id)).order_by(col(Document.id))).scalars().all()
    for position, document_id in enumerate(ids):
        connection.execute(update(Document).where(col(Document.id) == document_id).values(search_key=position * STEP))
    key_of_entry = (
        select(col(Document.search_key))
        .join(SearchEntry, col(SearchEntry.document_id) == col(Document.id))
        .where(col(SearchEntry.id) == col(SearchGram.entry_id))
        .scalar_subquery()
    )
    connection.execute(update(SearchGram).values(document_key=key_of_entry))
