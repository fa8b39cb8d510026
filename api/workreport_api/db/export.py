"""Read the database back as a Dataset (and as records per collection for NDJSON and CSV)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TypedDict, cast

from sqlalchemy import Connection, Engine, select
from sqlmodel import col

from workreport_schema import SCHEMA_VERSION, BodyJSON, DatasetJSON, DocumentJSON, JSONObject, LicenceJSON, ReleaseJSON, content_hash
from workreport_schema import Document as DocumentModel

from ..records import IndicatorJSON, OutcomeJSON, SeriesPointJSON
from .collections import SPECS
from .migrate import friendly_errors
from .reading import snapshot
from .tables import (
    Body,
    BodyAssignment,
    Chapter,
    Document,
    DocumentRecordRow,
    Indicator,
    Measure,
    Outcome,
    Paragraph,
    Release,
    Result,
    SeriesPoint,
    Target,
    Unit,
)

COLLECTION_ORDER = tuple(name for name, spec in SPECS.items() if not spec.derived)
"""The collections of a Dataset (what `workreport-schema validate` checks), in the registry's order."""
DERIVED_COLLECTIONS = tuple(name for name, spec in SPECS.items() if spec.derived)
"""Collections the API derives across documents (see db/comparisons.py): in the CSV exports and the Data Package, never in a Dataset."""
PACKAGE_COLLECTIONS = COLLECTION_ORDER + DERIVED_COLLECTIONS

_DOCUMENT_FIELDS = [field.alias or name for name, field in DocumentModel.model_fields.items()]


class ExportError(Exception):
    """Nothing to export (for example an unknown document id); one line for the user."""


class DerivedJSON(TypedDict):
    """The collections the API derives across documents, as the exports add them to a Dataset."""

    indicators: list[IndicatorJSON]
    outcomes: list[OutcomeJSON]
    series: list[SeriesPointJSON]


class PackageJSON(DatasetJSON, DerivedJSON):
    """A Dataset with the derived collections: every table of the CSV exports and the Data Package."""


def with_text(record: DocumentJSON, text: str) -> DocumentJSON:
    """A document record with its text put back where the model has it."""
    merged: dict[str, object] = {**record, "text": text}
    return cast("DocumentJSON", {key: merged[key] for key in _DOCUMENT_FIELDS if key in merged})  # the same fields, in the model's order


def _stored(connection: Connection, table: type[DocumentRecordRow], document_ids: list[str]) -> Iterable[str]:
    """The stored records of these documents in document order, as JSON text (each caller parses it as its record type)."""
    return connection.scalars(
        select(col(table.record))
        .where(col(table.document_id).in_(document_ids))
        .order_by(col(table.document_id), col(table.seq), col(table.id))
    )


def _bodies(connection: Connection, document_ids: list[str], issuers: list[str]) -> list[BodyJSON]:
    wanted = set(connection.scalars(select(col(BodyAssignment.body_id)).where(col(BodyAssignment.document_id).in_(document_ids)))) | set(
        issuers
    )
    parents = dict(connection.execute(select(col(Body.id), col(Body.parent_id))).all())
    closure: set[str] = set()
    for body_id in wanted:
        current: str | None = body_id
        while current is not None and current not in closure:
            closure.add(current)
            current = parents.get(current)
    rows = connection.scalars(select(col(Body.record)).where(col(Body.id).in_(sorted(closure))).order_by(col(Body.id)))
    return [json.loads(row) for row in rows]


def export_dataset(engine: Engine, document_ids: list[str] | None = None) -> DatasetJSON:
    """The loaded data as a Dataset; one document exports exactly as it was loaded."""
    with friendly_errors(engine), snapshot(engine) as connection:
        return dataset_from(connection, document_ids)


def dataset_from(connection: Connection, document_ids: list[str] | None = None) -> DatasetJSON:
    """The Dataset as seen by an open (snapshot) connection."""
    query = select(Document).order_by(col(Document.id))
    if document_ids is not None:
        query = query.where(col(Document.id).in_(document_ids))
    documents = list(connection.execute(query).all())
    if document_ids is not None:
        missing = sorted(set(document_ids) - {row.id for row in documents})
        if missing:
            raise ExportError(f"no document with id {missing[0]!r}")
    ids = [row.id for row in documents]
    release: ReleaseJSON
    if len(documents) == 1:
        release = json.loads(documents[0].release_record)
    else:
        latest = connection.execute(select(Release).order_by(col(Release.id).desc()).limit(1)).first()
        licence: LicenceJSON = (
            json.loads(documents[0].release_record)["licence"]
            if documents
            else {"id": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International"}
        )
        loaded_at = latest.loaded_at if latest else datetime.datetime.now(tz=datetime.UTC)
        if loaded_at.tzinfo is None:
            loaded_at = loaded_at.replace(tzinfo=datetime.UTC)
        release = {
            "version": f"db-{latest.id if latest else 0}",
            "content_hash": "",
            "generated_at": loaded_at.isoformat().replace("+00:00", "Z"),
            "licence": licence,
        }
    targets = [json.loads(row) for row in _stored(connection, Target, ids)]
    results = [json.loads(row) for row in _stored(connection, Result, ids)]
    units_used = sorted({t["unit"] for t in targets if "unit" in t} | {r["unit"] for r in results})
    data: DatasetJSON = {
        "schema_version": SCHEMA_VERSION,
        "release": release,
        "documents": [with_text(json.loads(row.record), row.text) for row in documents],
        "chapters": [json.loads(row) for row in _stored(connection, Chapter, ids)],
        "paragraphs": [json.loads(row) for row in _stored(connection, Paragraph, ids)],
        "measures": [json.loads(row) for row in _stored(connection, Measure, ids)],
        "targets": targets,
        "results": results,
        "units": [
            json.loads(r) for r in connection.scalars(select(col(Unit.record)).where(col(Unit.id).in_(units_used)).order_by(col(Unit.id)))
        ],
        "bodies": _bodies(connection, ids, [row.issuer_id for row in documents]),
    }
    if not results:
        del data["results"]  # omitted when empty, as the pipeline does: a dataset exports as loaded
    release["content_hash"] = content_hash(data)
    return data


def derived_from(connection: Connection, document_ids: list[str] | None = None) -> DerivedJSON:
    """The derived collections as seen by an open connection: every indicator (its counts are over every loaded
    document), and the outcomes and series points that involve the documents asked for (all by default)."""
    outcomes = select(col(Outcome.record)).order_by(col(Outcome.target_document_id), col(Outcome.target_seq), col(Outcome.id))
    series = select(col(SeriesPoint.record)).order_by(
        col(SeriesPoint.indicator_code),
        col(SeriesPoint.year),
        col(SeriesPoint.issuer_id),
        col(SeriesPoint.document_id),
        col(SeriesPoint.seq),
    )
    if document_ids is not None:
        outcomes = outcomes.where(col(Outcome.target_document_id).in_(document_ids) | col(Outcome.result_document_id).in_(document_ids))
        series = series.where(col(SeriesPoint.document_id).in_(document_ids))
    return {
        "indicators": [json.loads(row) for row in connection.scalars(select(col(Indicator.record)).order_by(col(Indicator.id)))],
        "outcomes": [json.loads(row) for row in connection.scalars(outcomes)],
        "series": [json.loads(row) for row in connection.scalars(series)],
    }


def export_derived(engine: Engine, document_ids: list[str] | None = None) -> DerivedJSON:
    with friendly_errors(engine), snapshot(engine) as connection:
        return derived_from(connection, document_ids)


def iter_collection(data: Mapping[str, object], collection: str) -> Iterator[JSONObject]:
    """Records of one collection of an exported dataset (documents without their text)."""
    records = cast("list[JSONObject]", data.get(collection, []))  # each collection of a dataset is a list of records
    for record in records:
        yield {key: value for key, value in record.items() if key != "text"} if collection == "documents" else record
