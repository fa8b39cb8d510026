"""Database tables, one per entity of the canonical model, plus search and releases.

Each entity row keeps the published record as canonical JSON text (``record``)
beside typed columns for keys, joins, filters and order; the API serves the
stored text as it is, so a served record is exactly the published one.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Protocol

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, MetaData, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel, col

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def record_text(record: Mapping[str, object]) -> str:
    """A record as the ``record`` column stores it and the API serves it: compact JSON, characters as they are."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class RecordRow(Protocol):
    """A table whose rows keep a published record (SQLModel declares a column as its values' type: wrap it in
    ``col()`` to build SQL)."""

    id: str
    record: str


class DocumentRecordRow(RecordRow, Protocol):
    """A table of records in a document's order."""

    document_id: str
    seq: int


class CodedRow(DocumentRecordRow, Protocol):
    """A table of figures that may carry an indicator code (targets and results)."""

    indicator_code: str | None


class QuantityRow(CodedRow, Protocol):
    """A table of figures with a normalised value (targets and results)."""

    @property
    def value(self) -> float | None: ...


DOCUMENT_ORDER = ("document_id", "seq", "id")
"""The order of a list of a document's records (queries/listing.py)."""


def ordered_indexes(table: str, columns: tuple[str, ...], order: tuple[str, ...] = DOCUMENT_ORDER) -> tuple[Index, ...]:
    """One index per filter column whose matches grow with the corpus, followed by the list's order.

    An equality filter then reads its matches already in list order and stops at the end of the page (or, with a
    cursor, starts at it), however many records match: with an index on the column alone, every page of a unit's
    targets read and sorted all of them (300 at 100× the seed, a page's p99 3.8× its 1× figure)."""
    return tuple(Index(f"ix_{table}_{column}_order", column, *order) for column in columns)


metadata: MetaData = SQLModel.metadata
metadata.naming_convention = NAMING_CONVENTION


class Release(SQLModel, table=True):
    """One load or removal: the data release the API's ETags and Last-Modified come from."""

    __tablename__ = "releases"

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(max_length=10, description="load or remove")
    document_id: str = Field(max_length=200, index=True)
    document_version: str = Field(default="", max_length=100, description="release.version of the loaded dataset")
    document_hash: str = Field(default="", max_length=80, description="release.content_hash of the loaded dataset")
    state_hash: str = Field(max_length=80, description="sha256 over every loaded document's content hash")
    loaded_at: datetime.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class Unit(SQLModel, table=True):
    __tablename__ = "units"

    id: str = Field(primary_key=True, max_length=200)
    quantity_kind: str = Field(max_length=40, index=True)
    record: str = Field(sa_column=Column(Text, nullable=False))


class Body(SQLModel, table=True):
    __tablename__ = "bodies"

    id: str = Field(primary_key=True, max_length=200)
    classification: str = Field(max_length=60, index=True)
    parent_id: str | None = Field(default=None, foreign_key="bodies.id", max_length=200, index=True)
    name_zh_hant: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    record: str = Field(sa_column=Column(Text, nullable=False))


class Document(SQLModel, table=True):
    __tablename__ = "documents"

    id: str = Field(primary_key=True, max_length=200)
    year: int = Field(index=True)
    language: str = Field(max_length=10)
    issuer_id: str = Field(foreign_key="bodies.id", max_length=200, index=True)
    source_sha256: str = Field(max_length=64)
    text: str = Field(sa_column=Column(Text, nullable=False))
    record: str = Field(sa_column=Column(Text, nullable=False), description="published record without the text")
    release_record: str = Field(sa_column=Column(Text, nullable=False), description="release block of the loaded dataset")
    content_hash: str = Field(max_length=80)
    loaded_at: datetime.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    search_key: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, server_default="0"))
    """The document's place in id order as a number (``db/document_keys.py``): search grams carry it, so an index
    can keep a short query's matches in ranking order across documents."""


class Chapter(SQLModel, table=True):
    __tablename__ = "chapters"
    __table_args__ = (Index("ix_chapters_order", "document_id", "seq", "id"),)

    id: str = Field(primary_key=True, max_length=200)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200)
    ordinal: int
    seq: int = Field(description="position in document order")
    record: str = Field(sa_column=Column(Text, nullable=False))


class Paragraph(SQLModel, table=True):
    __tablename__ = "paragraphs"
    __table_args__ = (Index("ix_paragraphs_order", "document_id", "seq", "id"),)

    id: str = Field(primary_key=True, max_length=200)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200)
    chapter_id: str = Field(foreign_key="chapters.id", ondelete="CASCADE", max_length=200, index=True)
    ordinal: int
    seq: int
    record: str = Field(sa_column=Column(Text, nullable=False))


class Measure(SQLModel, table=True):
    __tablename__ = "measures"
    __table_args__ = (Index("ix_measures_order", "document_id", "seq", "id"),)

    id: str = Field(primary_key=True, max_length=200)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200)
    chapter_id: str = Field(foreign_key="chapters.id", ondelete="CASCADE", max_length=200, index=True)
    paragraph_id: str = Field(foreign_key="paragraphs.id", ondelete="CASCADE", max_length=200, index=True)
    ordinal: int
    seq: int
    target_count: int = Field(index=True)
    record: str = Field(sa_column=Column(Text, nullable=False))


ASSIGNMENT_ORDER = ("document_id", "seq", "measure_id")
"""The order of a body's assignments: their measures' document order (a measure list filtered by body reads them)."""


class BodyAssignment(SQLModel, table=True):
    __tablename__ = "body_assignments"
    __table_args__ = (
        UniqueConstraint("measure_id", "position"),
        *ordered_indexes("body_assignments", ("body_id", "basis"), ASSIGNMENT_ORDER),
        Index("ix_body_assignments_body_id_basis_order", "body_id", "basis", *ASSIGNMENT_ORDER),
    )

    id: int | None = Field(default=None, primary_key=True)
    measure_id: str = Field(foreign_key="measures.id", ondelete="CASCADE", max_length=200, index=True)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200, index=True)
    body_id: str = Field(foreign_key="bodies.id", max_length=200)
    role: str = Field(max_length=20)
    basis: str = Field(max_length=20)
    position: int
    seq: int = Field(description="the measure's position in document order: a body's measures are read in list order")


class Target(SQLModel, table=True):
    __tablename__ = "targets"
    __table_args__ = (
        Index("ix_targets_order", *DOCUMENT_ORDER),
        *ordered_indexes(
            "targets", ("type", "unit_id", "quantity_kind", "comparator", "commitment", "direction", "headline", "indicator_code")
        ),
    )

    id: str = Field(primary_key=True, max_length=200)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200)
    chapter_id: str = Field(foreign_key="chapters.id", ondelete="CASCADE", max_length=200, index=True)
    paragraph_id: str = Field(foreign_key="paragraphs.id", ondelete="CASCADE", max_length=200, index=True)
    measure_id: str = Field(foreign_key="measures.id", ondelete="CASCADE", max_length=200, index=True)
    ordinal: int
    seq: int
    type: str = Field(max_length=20)
    value: float | None = Field(default=None, index=True)
    value_max: float | None = None
    unit_id: str | None = Field(default=None, foreign_key="units.id", max_length=200)
    quantity_kind: str | None = Field(default=None, max_length=40)
    comparator: str | None = Field(default=None, max_length=20)
    commitment: str = Field(max_length=20)
    direction: str | None = Field(default=None, max_length=20)
    headline: bool = Field(
        default=False,
        sa_column=Column(Boolean, nullable=False, server_default=false()),
        description="in the report's headline list of expected targets",
    )
    indicator_code: str | None = Field(default=None, max_length=64)
    record: str = Field(sa_column=Column(Text, nullable=False))


class Result(SQLModel, table=True):
    """A figure reported as achieved (a review of last year); never a target."""

    __tablename__ = "results"
    __table_args__ = (
        Index("ix_results_order", *DOCUMENT_ORDER),
        *ordered_indexes("results", ("unit_id", "quantity_kind", "comparator", "estimate", "direction", "indicator_code")),
    )

    id: str = Field(primary_key=True, max_length=200)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200)
    chapter_id: str = Field(foreign_key="chapters.id", ondelete="CASCADE", max_length=200, index=True)
    paragraph_id: str = Field(foreign_key="paragraphs.id", ondelete="CASCADE", max_length=200, index=True)
    measure_id: str | None = Field(default=None, foreign_key="measures.id", ondelete="CASCADE", max_length=200, index=True)
    ordinal: int
    seq: int
    value: float = Field(index=True)
    value_max: float | None = None
    unit_id: str = Field(foreign_key="units.id", max_length=200)
    quantity_kind: str = Field(max_length=40)
    comparator: str = Field(max_length=20)
    estimate: bool
    direction: str | None = Field(default=None, max_length=20)
    period_start: datetime.date = Field(index=True)
    indicator_code: str | None = Field(default=None, max_length=64)
    record: str = Field(sa_column=Column(Text, nullable=False))


class SearchEntry(SQLModel, table=True):
    """Folded text of a measure or target (one script, ASCII width, lower case) for cross-script search."""

    __tablename__ = "search_entries"
    __table_args__ = (Index("ix_search_entries_kind_order", "kind", "document_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    record_id: str = Field(max_length=200, unique=True)
    kind: str = Field(max_length=10)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200, index=True)
    seq: int
    folded: str = Field(sa_column=Column(Text, nullable=False))
    display: str = Field(sa_column=Column(Text, nullable=False, server_default=""))
    """The text as shown in a hit (the label in its document's language, which ``folded`` is folded from, character for
    character): a hit's snippet is cut from it without reading the record."""
    source_start: int | None = None
    """Where a measure's source span starts in its document's text (None for targets and results): a hit's match is
    offset from it."""


class SearchGram(SQLModel, table=True):
    """Every distinct 1-, 2- and 3-character piece of an entry, with how often it occurs there and the entry's place in
    the ranking order: a query of up to 3 characters is found, ranked and counted from ``ix_search_grams_ranking``
    alone, however many entries match (``db/search.py``)."""

    __tablename__ = "search_grams"
    __table_args__ = {"sqlite_with_rowid": False}
    """On SQLite the table is its primary key's index (no rowid table beside it): 2.5 million rows at 100× the seed."""

    gram: str = Field(primary_key=True, max_length=3)
    entry_id: int = Field(primary_key=True, foreign_key="search_entries.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=10)
    """The entry's kind (a copy of ``SearchEntry.kind``, so the ranking index filters by it)."""
    occurrences: int
    """How many times the gram occurs in the entry's folded text, not overlapping (as ``search.occurrences`` counts)."""
    document_key: int = Field(sa_type=BigInteger)
    """The entry's document's ``Document.search_key``: document order."""
    ordinal: int
    """The entry's place in its document's ranking order (by seq, kind, record id)."""


Index(
    "ix_search_grams_ranking",
    col(SearchGram.gram),
    col(SearchGram.occurrences).desc(),
    col(SearchGram.document_key),
    col(SearchGram.ordinal),
    col(SearchGram.kind),
    col(SearchGram.entry_id),
)
"""A gram's entries in ranking order (more occurrences first, then document order), carrying what a page and a
count need: ``WHERE gram = ? ORDER BY ... LIMIT`` reads the page's rows and no more."""


class Indicator(SQLModel, table=True):
    """An entry of the reviewed indicator codelist with how many loaded targets and results carry its code.

    Rewritten whole by every load and removal (the codelist is small): the
    counts are always those of the loaded documents.
    """

    __tablename__ = "indicators"

    id: str = Field(primary_key=True, max_length=64)
    target_count: int
    result_count: int
    record: str = Field(sa_column=Column(Text, nullable=False))


OUTCOME_ORDER = ("target_document_id", "target_seq", "id")
"""The order of outcomes: their targets' document order."""


class Outcome(SQLModel, table=True):
    """A target of one report judged by a result of a later report of the same issuer (same indicator, same year)."""

    __tablename__ = "outcomes"
    __table_args__ = (
        Index("ix_outcomes_order", *OUTCOME_ORDER),
        *ordered_indexes(
            "outcomes",
            ("result_document_id", "issuer_id", "indicator_code", "year", "outcome", "stated_outcome", "principal"),
            OUTCOME_ORDER,
        ),
    )

    id: str = Field(primary_key=True, max_length=420)
    target_id: str = Field(foreign_key="targets.id", ondelete="CASCADE", max_length=200, index=True)
    result_id: str = Field(foreign_key="results.id", ondelete="CASCADE", max_length=200, index=True)
    target_document_id: str = Field(max_length=200)
    target_seq: int
    result_document_id: str = Field(max_length=200)
    issuer_id: str = Field(max_length=200)
    indicator_code: str = Field(max_length=64)
    year: int
    outcome: str = Field(max_length=20)
    stated_outcome: str | None = Field(default=None, max_length=20)
    principal: bool = Field(description="the outcome that stands for the target (its first later report, figures before estimates)")
    record: str = Field(sa_column=Column(Text, nullable=False))


class SeriesPoint(SQLModel, table=True):
    """A coded target or result as one point of its indicator's series across documents."""

    __tablename__ = "series_points"
    __table_args__ = (Index("ix_series_points_order", "indicator_code", "year", "issuer_id", "document_id", "seq", "id"),)

    id: str = Field(primary_key=True, max_length=200, description="the target's or result's id")
    kind: str = Field(max_length=10, index=True)
    indicator_code: str = Field(max_length=64)
    year: int
    issuer_id: str = Field(max_length=200, index=True)
    document_id: str = Field(foreign_key="documents.id", ondelete="CASCADE", max_length=200, index=True)
    seq: int
    record: str = Field(sa_column=Column(Text, nullable=False))
