"""The SQL of the pages: each function one read on the request's snapshot connection, returning plain records (the
published JSON, parsed) or rows; a missing record is None, for the handler to answer 404."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TypedDict

import msgspec
from sqlalchemy import ColumnElement, Connection, func, select
from sqlmodel import col

from workreport_schema import BodyJSON, ChapterJSON, DocumentJSON, LanguageMapJSON, MeasureJSON, ResultJSON, TargetJSON, UnitJSON

from ...db.tables import (
    Body,
    BodyAssignment,
    Chapter,
    Document,
    DocumentRecordRow,
    Indicator,
    Measure,
    Outcome,
    RecordRow,
    Result,
    SeriesPoint,
    Target,
    Unit,
)
from ...records import IndicatorJSON, OutcomeJSON, SeriesPointJSON


def documents(connection: Connection) -> list[DocumentJSON]:
    """Every document's record, by id."""
    return [json.loads(record) for record in connection.execute(select(col(Document.record)).order_by(col(Document.id))).scalars()]


def counts_per_document(connection: Connection) -> dict[str, dict[str, int]]:
    """How many chapters, measures and targets each document has (a document without any has no key)."""
    counts: dict[str, dict[str, int]] = {}
    for name, table in (("chapters", Chapter), ("measures", Measure), ("targets", Target)):
        for document_id, count in connection.execute(select(col(table.document_id), func.count()).group_by(col(table.document_id))):
            counts.setdefault(document_id, {})[name] = int(count)
    return counts


def document(connection: Connection, document_id: str) -> tuple[str, DocumentJSON] | None:
    """A document's text and record."""
    row = connection.execute(select(col(Document.text), col(Document.record)).where(col(Document.id) == document_id)).one_or_none()
    if row is None:
        return None
    return row.text, json.loads(row.record)


def _of_document(connection: Connection, table: type[DocumentRecordRow], document_id: str) -> Iterable[str]:
    """A document's stored records of one table in order, as JSON text (each caller parses it as its record type)."""
    return connection.execute(select(col(table.record)).where(col(table.document_id) == document_id).order_by(col(table.seq))).scalars()


def chapters(connection: Connection, document_id: str) -> list[ChapterJSON]:
    """A document's chapters in order."""
    return [json.loads(record) for record in _of_document(connection, Chapter, document_id)]


def targets(connection: Connection, document_id: str) -> list[TargetJSON]:
    """A document's targets in order."""
    return [json.loads(record) for record in _of_document(connection, Target, document_id)]


def results(connection: Connection, document_id: str) -> list[ResultJSON]:
    """A document's results in order."""
    return [json.loads(record) for record in _of_document(connection, Result, document_id)]


class Span(msgspec.Struct, frozen=True, gc=False):
    start: int
    end: int


class Assignment(msgspec.Struct, frozen=True, gc=False):
    body_id: str
    role: str
    basis: str
    source: Span | None = None


class MeasureSpans(msgspec.Struct, frozen=True, gc=False):
    """What the document page shows of a measure: its span and the bodies it names (the rest of the record is skipped)."""

    id: str
    source: Span
    bodies: tuple[Assignment, ...] = ()


_measure_spans = msgspec.json.Decoder(MeasureSpans)


def measure_spans(connection: Connection, document_id: str) -> list[MeasureSpans]:
    """The document's measures in order, decoding only the fields the page marks (most of a record is its text)."""
    query = select(col(Measure.record)).where(col(Measure.document_id) == document_id).order_by(col(Measure.seq))
    return [_measure_spans.decode(record) for record in connection.execute(query).scalars()]


class TargetFacts(TypedDict):
    """What the row of a target knows and its record does not."""

    chapter_id: str
    quantity_kind: str | None


def target_facts(connection: Connection, document_id: str) -> dict[str, TargetFacts]:
    """The chapter and quantity kind of each of a document's targets (columns of the row, not fields of the record)."""
    query = select(col(Target.id), col(Target.chapter_id), col(Target.quantity_kind)).where(col(Target.document_id) == document_id)
    return {row.id: {"chapter_id": row.chapter_id, "quantity_kind": row.quantity_kind} for row in connection.execute(query)}


def _records(connection: Connection, table: type[RecordRow]) -> Iterable[tuple[str, str]]:
    """Every stored record of a table with its id, as JSON text (each caller parses it as its record type)."""
    return connection.execute(select(col(table.id), col(table.record)))


def units(connection: Connection) -> dict[str, UnitJSON]:
    """Every unit's record."""
    return {record_id: json.loads(record) for record_id, record in _records(connection, Unit)}


def _body_names(connection: Connection, where: ColumnElement[bool] | None = None) -> dict[str, LanguageMapJSON]:
    query = select(col(Body.id), col(Body.record))
    if where is not None:
        query = query.where(where)
    return {row.id: json.loads(row.record)["names"] for row in connection.execute(query)}


def body_names(connection: Connection) -> dict[str, LanguageMapJSON]:
    """Every body's names by language."""
    return _body_names(connection)


def body_names_among(connection: Connection, body_ids: set[str]) -> dict[str, LanguageMapJSON]:
    """These bodies' names by language."""
    return _body_names(connection, col(Body.id).in_(body_ids))


def kin_names(connection: Connection, body_id: str, parent_id: str | None) -> dict[str, LanguageMapJSON]:
    """The names of a body's parent and children."""
    return _body_names(connection, (col(Body.id) == parent_id) | (col(Body.parent_id) == body_id))


def languages(connection: Connection) -> dict[str, str]:
    """Each document's language."""
    return dict(connection.execute(select(col(Document.id), col(Document.language))).all())


def all_chapters(connection: Connection) -> dict[str, ChapterJSON]:
    """Every chapter's record."""
    return {record_id: json.loads(record) for record_id, record in _records(connection, Chapter)}


def principal_outcome_codes(connection: Connection) -> dict[str, str]:
    """The principal outcome (its code) of each target that has one."""
    return dict(connection.execute(select(col(Outcome.target_id), col(Outcome.outcome)).where(col(Outcome.principal))).all())


def all_targets(connection: Connection) -> list[tuple[str, str | None, TargetJSON]]:
    """Every target in document order: its chapter id, quantity kind and record."""
    query = select(col(Target.chapter_id), col(Target.quantity_kind), col(Target.record)).order_by(col(Target.document_id), col(Target.seq))
    return [(chapter_id, quantity_kind, json.loads(record)) for chapter_id, quantity_kind, record in connection.execute(query)]


def _record(connection: Connection, table: type[RecordRow], record_id: str) -> str | None:
    """A stored record as JSON text, or None (the caller parses it as its record type)."""
    return connection.execute(select(col(table.record)).where(col(table.id) == record_id)).scalar_one_or_none()


def bodies(connection: Connection) -> list[BodyJSON]:
    """Every body's record, by id."""
    return [json.loads(record) for record in connection.execute(select(col(Body.record)).order_by(col(Body.id))).scalars()]


def role_counts(connection: Connection) -> dict[str, dict[str, int]]:
    """How many measures each body is on, by role."""
    counts: dict[str, dict[str, int]] = {}
    query = select(col(BodyAssignment.body_id), col(BodyAssignment.role), func.count()).group_by(
        col(BodyAssignment.body_id), col(BodyAssignment.role)
    )
    for body_id, role, count in connection.execute(query):
        counts.setdefault(body_id, {})[role] = int(count)
    return counts


def body(connection: Connection, body_id: str) -> BodyJSON | None:
    """A body's record."""
    record = _record(connection, Body, body_id)
    return None if record is None else json.loads(record)


def measures_of_body(connection: Connection, body_id: str) -> list[MeasureJSON]:
    """The records of the measures a body is on, in document order."""
    on = select(col(BodyAssignment.measure_id)).where(col(BodyAssignment.body_id) == body_id)
    query = select(col(Measure.record)).where(col(Measure.id).in_(on)).order_by(col(Measure.document_id), col(Measure.seq))
    return [json.loads(row) for row in connection.execute(query).scalars()]


def indicators(connection: Connection) -> list[IndicatorJSON]:
    """Every indicator's record, by code."""
    return [json.loads(record) for record in connection.execute(select(col(Indicator.record)).order_by(col(Indicator.id))).scalars()]


def indicator(connection: Connection, code: str) -> IndicatorJSON | None:
    """An indicator's record."""
    record = _record(connection, Indicator, code)
    return None if record is None else json.loads(record)


def series(connection: Connection, code: str, issuer: str | None) -> list[SeriesPointJSON]:
    """An indicator's series points (of one issuer if given), by year, issuer and place in the text."""
    query = select(col(SeriesPoint.record)).where(col(SeriesPoint.indicator_code) == code)
    if issuer is not None:
        query = query.where(col(SeriesPoint.issuer_id) == issuer)
    order = (col(SeriesPoint.year), col(SeriesPoint.issuer_id), col(SeriesPoint.document_id), col(SeriesPoint.seq), col(SeriesPoint.id))
    return [json.loads(row) for row in connection.execute(query.order_by(*order)).scalars()]


def principal_outcomes(connection: Connection, code: str) -> dict[str, OutcomeJSON]:
    """The principal outcome record of each of an indicator's targets, by target id."""
    query = select(col(Outcome.target_id), col(Outcome.record)).where(col(Outcome.indicator_code) == code, col(Outcome.principal).is_(True))
    return {row.target_id: json.loads(row.record) for row in connection.execute(query)}
