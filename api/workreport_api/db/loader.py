"""Load datasets: one transaction per document, replace or insert, nothing lost on failure.

A load deletes the document's rows (cascading to its records), inserts the new
ones, updates the shared units and bodies, drops units and bodies nothing
refers to any more and records a release, all in one transaction: a failure
at any point, an interrupt or a killed process leaves the previous version of
the document and every other document as they were. On SQLite the writer
takes the lock up front (BEGIN IMMEDIATE) and readers in WAL mode keep their
snapshot; on PostgreSQL a transaction-scoped advisory lock (``WRITERS_LOCK``)
makes loads and removals run one at a time, as SQLite's write lock does.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Protocol, TypeAlias

from sqlalchemy import Connection, Engine, delete, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel, col

from workreport_pipeline import fold
from workreport_schema import (
    BodyJSON,
    ChapterJSON,
    DatasetJSON,
    DocumentJSON,
    MeasureJSON,
    ParagraphJSON,
    RecordJSON,
    RecordSource,
    ReleaseJSON,
    ResultJSON,
    TargetJSON,
    validate_data,
)

from . import document_keys
from .comparisons import refresh_comparisons
from .engine import is_sqlite
from .migrate import friendly_errors
from .search import display_label, grams
from .tables import (
    Body,
    BodyAssignment,
    Chapter,
    Document,
    Measure,
    Paragraph,
    Release,
    Result,
    SearchEntry,
    SearchGram,
    Target,
    Unit,
    record_text,
)

PAUSE_ENV = "WORKREPORT_TEST_PAUSE_AT"
"""Test-only: ``stage:seconds`` makes a load sleep at that checkpoint (the fault tests kill it there)."""
PAUSE_FILE_ENV = "WORKREPORT_TEST_PAUSE_FILE"
"""Test-only: a file created when the load reaches the pause, so a test knows when to act."""

STAGES = ("deleted", "shared", "document", "measures", "targets", "search", "release")
"""Checkpoints of a document load, in order."""

Checkpoint = Callable[[str], None]


class LoadError(Exception):
    """The dataset cannot be loaded; the message is one line and nothing was changed."""


@dataclass(frozen=True)
class LoadResult:
    document_id: str
    release_id: int
    counts: dict[str, int]


def _pause_from_env(stage: str) -> None:
    setting = os.environ.get(PAUSE_ENV, "")
    if setting.partition(":")[0] == stage:
        marker = os.environ.get(PAUSE_FILE_ENV)
        if marker:
            with open(marker, "w") as file:
                file.write(stage)
        time.sleep(float(setting.partition(":")[2] or "30"))


WRITERS_LOCK = 0x77727772
"""PostgreSQL advisory lock a load or removal takes before anything else and holds to its commit. Writers share rows
(units, bodies, the comparisons, every document's search key when one renumbers them: ``document_keys``); two that
met halfway, each holding some of those rows and waiting for the other's, deadlocked, and two loads at once would
choose their document's search key from the same neighbours. Taken first, it leaves a waiting writer holding
nothing."""


def _one_writer_at_a_time(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITERS_LOCK})


def _upsert(connection: Connection, table: type[SQLModel], rows: list[dict[str, object]], columns: list[str]) -> None:
    if not rows:
        return
    dialect = sqlite if is_sqlite(connection.engine) else postgresql
    statement = dialect.insert(table).values(rows)
    connection.execute(
        statement.on_conflict_do_update(index_elements=["id"], set_={name: getattr(statement.excluded, name) for name in columns})
    )


def _depth(body: BodyJSON, by_id: dict[str, BodyJSON]) -> int:
    depth, parent = 0, body.get("parent_id")
    while parent is not None and parent in by_id and depth < 50:
        depth, parent = depth + 1, by_id[parent].get("parent_id")
    return depth


def state_hash(connection: Connection) -> str:
    """sha256 over every loaded document's id and content hash: changes whenever the data does."""
    rows = connection.execute(select(col(Document.id), col(Document.content_hash)).order_by(col(Document.id))).all()
    digest = hashlib.sha256("\n".join(f"{row.id}:{row.content_hash}" for row in rows).encode()).hexdigest()
    return f"sha256:{digest}"


def collect_garbage(connection: Connection) -> None:
    """Drop units and bodies that no remaining record refers to (directly or as a parent)."""
    used_units = select(col(Target.unit_id)).where(col(Target.unit_id).is_not(None)).union(select(col(Result.unit_id)))
    connection.execute(delete(Unit).where(col(Unit.id).not_in(used_units)))
    used = set(connection.scalars(select(col(BodyAssignment.body_id)).distinct())) | set(
        connection.scalars(select(col(Document.issuer_id)))
    )
    parents = dict(connection.execute(select(col(Body.id), col(Body.parent_id))).all())
    keep: set[str] = set()
    for used_id in used:
        current: str | None = used_id
        while current is not None and current not in keep:
            keep.add(current)
            current = parents.get(current)
    orphans = set(parents) - keep
    if orphans:
        connection.execute(delete(Body).where(col(Body.id).in_(sorted(orphans))))


def _record_release(connection: Connection, action: str, document_id: str, version: str = "", document_hash: str = "") -> int:
    release_id = connection.execute(
        insert(Release)
        .values(
            action=action,
            document_id=document_id,
            document_version=version,
            document_hash=document_hash,
            state_hash=state_hash(connection),
            loaded_at=datetime.datetime.now(tz=datetime.UTC),
        )
        .returning(col(Release.id))
    ).scalar_one()
    return int(release_id or 0)


_PER_DOCUMENT = ("chapters", "paragraphs", "measures", "targets", "results")
"""Collections whose records belong to one document (results are absent in data from before schema 1.2)."""


class DocumentRecords(RecordSource, Protocol):
    """One document's records as the loader reads them: from a dataset in memory or from a spool on disk.

    ``records`` may be called several times; each call starts from the first record.
    """

    @property
    def release(self) -> ReleaseJSON: ...

    @property
    def document(self) -> DocumentJSON: ...

    def count(self, collection: str) -> int: ...


@dataclass(frozen=True)
class _DocumentPart(RecordSource):
    """One document of a dataset held in memory (units and bodies are shared)."""

    release: ReleaseJSON
    document: DocumentJSON
    collections: dict[str, Sequence[RecordJSON]]

    def read(self, collection: str) -> Iterator[RecordJSON]:
        return iter(self.collections.get(collection, []))

    def count(self, collection: str) -> int:
        return len(self.collections.get(collection, []))


_DocumentRecordJSON: TypeAlias = "ChapterJSON | ParagraphJSON | MeasureJSON | TargetJSON | ResultJSON"


def _of_document(records: Sequence[_DocumentRecordJSON], doc_id: str) -> list[_DocumentRecordJSON]:
    return [r for r in records if r["document_id"] == doc_id]


def _split(data: DatasetJSON) -> Iterable[DocumentRecords]:
    """One part per document."""
    for document in data["documents"]:
        doc_id = document["id"]
        yield _DocumentPart(
            data["release"],
            document,
            {
                "chapters": _of_document(data["chapters"], doc_id),
                "paragraphs": _of_document(data["paragraphs"], doc_id),
                "measures": _of_document(data["measures"], doc_id),
                "targets": _of_document(data["targets"], doc_id),
                "results": _of_document(data.get("results", []), doc_id),
                "units": data["units"],
                "bodies": data["bodies"],
            },
        )


def load_dataset(engine: Engine, data: DatasetJSON, checkpoint: Checkpoint | None = None, validate: bool = True) -> list[LoadResult]:
    """Validate a dataset, then load each of its documents in its own transaction.

    ``validate=False`` is for data derived from an already validated dataset (the benchmark's synthetic copies).
    """
    _, problems = validate_data(data, "dataset") if validate else (None, [])
    if problems:
        first = problems[0]
        raise LoadError(f"the dataset is invalid ({len(problems)} problems; first: {first.path or '/'}: [{first.rule}] {first.message})")
    return [load_document(engine, part, checkpoint) for part in _split(data)]


def load_document(engine: Engine, part: DocumentRecords, checkpoint: Checkpoint | None = None) -> LoadResult:
    """Load one document's records, already validated (a pipeline spool), in one transaction.

    Reads each collection as it inserts it, so a spool's records are never all in memory.
    """

    def reached(stage: str) -> None:
        _pause_from_env(stage)
        if checkpoint is not None:
            checkpoint(stage)

    document = part.document
    doc_id = document["id"]
    now = datetime.datetime.now(tz=datetime.UTC)
    with friendly_errors(engine), engine.connect() as raw:
        connection = raw.execution_options(sqlite_begin="IMMEDIATE")
        with connection.begin():
            _one_writer_at_a_time(connection)
            previous_issuer = connection.execute(select(col(Document.issuer_id)).where(col(Document.id) == doc_id)).scalar_one_or_none()
            connection.execute(delete(Document).where(col(Document.id) == doc_id))
            reached("deleted")

            units = {u["id"]: u for u in part.records("units")}
            bodies = {b["id"]: b for b in part.records("bodies")}
            _upsert(
                connection,
                Unit,
                [{"id": u["id"], "quantity_kind": u["quantity_kind"], "record": record_text(u)} for u in units.values()],
                ["quantity_kind", "record"],
            )
            ordered = sorted(bodies.values(), key=lambda b: (_depth(b, bodies), b["id"]))
            _upsert(
                connection,
                Body,
                [
                    {
                        "id": b["id"],
                        "classification": b["classification"],
                        "parent_id": b.get("parent_id"),
                        "name_zh_hant": b["names"].get("zh-Hant", ""),
                        "record": record_text(b),
                    }
                    for b in ordered
                ],
                ["classification", "parent_id", "name_zh_hant", "record"],
            )
            reached("shared")

            record = {key: value for key, value in document.items() if key != "text"}
            search_key = document_keys.assign(connection, doc_id)
            connection.execute(
                insert(Document).values(
                    id=doc_id,
                    year=document["year"],
                    language=document["language"],
                    issuer_id=document["issuer"],
                    source_sha256=document["source_sha256"],
                    text=document.get("text", ""),
                    record=record_text(record),
                    release_record=record_text(part.release),
                    content_hash=part.release["content_hash"],
                    loaded_at=now,
                    search_key=search_key,
                )
            )
            _insert(
                connection,
                Chapter,
                (
                    {"id": c["id"], "document_id": doc_id, "ordinal": c["ordinal"], "seq": i, "record": record_text(c)}
                    for i, c in enumerate(part.records("chapters"))
                ),
            )
            _insert(
                connection,
                Paragraph,
                (
                    {
                        "id": p["id"],
                        "document_id": doc_id,
                        "chapter_id": p["chapter_id"],
                        "ordinal": p["ordinal"],
                        "seq": i,
                        "record": record_text(p),
                    }
                    for i, p in enumerate(part.records("paragraphs"))
                ),
            )
            reached("document")

            _insert(
                connection,
                Measure,
                (
                    {
                        "id": m["id"],
                        "document_id": doc_id,
                        "chapter_id": m["chapter_id"],
                        "paragraph_id": m["paragraph_id"],
                        "ordinal": m["ordinal"],
                        "seq": i,
                        "target_count": len(m["target_ids"]),
                        "record": record_text(m),
                    }
                    for i, m in enumerate(part.records("measures"))
                ),
            )
            _insert(
                connection,
                BodyAssignment,
                (
                    {
                        "measure_id": m["id"],
                        "document_id": doc_id,
                        "body_id": a["body_id"],
                        "role": a["role"],
                        "basis": a["basis"],
                        "position": position,
                        "seq": seq,
                    }
                    for seq, m in enumerate(part.records("measures"))
                    for position, a in enumerate(m["bodies"])
                ),
            )
            reached("measures")

            with_targets = {t["measure_id"] for t in part.records("targets")}
            placement = {m["id"]: (m["chapter_id"], m["paragraph_id"]) for m in part.records("measures") if m["id"] in with_targets}
            _insert(
                connection,
                Target,
                (
                    {
                        "id": t["id"],
                        "document_id": doc_id,
                        "chapter_id": placement[t["measure_id"]][0],
                        "paragraph_id": placement[t["measure_id"]][1],
                        "measure_id": t["measure_id"],
                        "ordinal": t["ordinal"],
                        "seq": i,
                        "type": t["type"],
                        "value": t.get("value"),
                        "value_max": t.get("value_max"),
                        "unit_id": t.get("unit"),
                        "quantity_kind": units[t["unit"]]["quantity_kind"] if t.get("unit") else None,
                        "comparator": t.get("comparator"),
                        "commitment": t["commitment"],
                        "direction": t.get("direction"),
                        "headline": t.get("headline", False),
                        "indicator_code": t.get("indicator_code"),
                        "record": record_text(t),
                    }
                    for i, t in enumerate(part.records("targets"))
                ),
            )
            _insert(
                connection,
                Result,
                [
                    {
                        "id": r["id"],
                        "document_id": doc_id,
                        "chapter_id": r["chapter_id"],
                        "paragraph_id": r["paragraph_id"],
                        "measure_id": r.get("measure_id"),
                        "ordinal": r["ordinal"],
                        "seq": i,
                        "value": r["value"],
                        "value_max": r.get("value_max"),
                        "unit_id": r["unit"],
                        "quantity_kind": units[r["unit"]]["quantity_kind"],
                        "comparator": r["comparator"],
                        "estimate": r["estimate"],
                        "direction": r.get("direction"),
                        "period_start": datetime.date.fromisoformat(r["period"]["start"]),
                        "indicator_code": r.get("indicator_code"),
                        "record": record_text(r),
                    }
                    for i, r in enumerate(part.records("results"))
                ],
            )
            reached("targets")

            language = document["language"]
            entries = chain(
                (
                    ("measure", m["id"], i, display_label(m["text"], language), m["source"]["start"] if m.get("source") else None)
                    for i, m in enumerate(part.records("measures"))
                ),
                (
                    (kind, r["id"], i, display_label(r["indicator"], language), None)
                    for kind, records in (("target", part.records("targets")), ("result", part.records("results")))
                    for i, r in enumerate(records)
                ),
            )
            _insert_search(connection, doc_id, search_key, entries)
            reached("search")

            collect_garbage(connection)
            refresh_comparisons(connection, {issuer for issuer in (document["issuer"], previous_issuer) if issuer is not None})
            release_id = _record_release(connection, "load", doc_id, part.release["version"], part.release["content_hash"])
            reached("release")
    refresh_statistics(engine)
    counts = {name: part.count(name) for name in _PER_DOCUMENT}
    return LoadResult(doc_id, release_id, counts)


def refresh_statistics(engine: Engine) -> None:
    """Let the query planner see the new row counts (PostgreSQL chose a full scan for search without them), and on
    PostgreSQL move the new entries of the trigram index out of its pending list (see ``flush_trigram_index``)."""
    with friendly_errors(engine), engine.connect() as connection:
        if is_sqlite(engine):
            connection.exec_driver_sql("PRAGMA optimize")
        else:
            connection.exec_driver_sql(
                "ANALYZE search_entries, search_grams, measures, targets, results, body_assignments, paragraphs, chapters"
            )
        connection.commit()
    if not is_sqlite(engine):
        flush_trigram_index(engine)


TRIGRAM_INDEX = "ix_search_entries_folded_trgm"
"""The pg_trgm GIN index of the search entries (migration 0002)."""


def flush_trigram_index(engine: Engine) -> None:
    """Merge the GIN index's pending list into the index (PostgreSQL).

    A GIN index takes new entries into an unsorted pending list that every search
    scans in full until VACUUM merges it; after loading 100 documents a three-character
    search spent 6 of its 7 ms there. Only the index's owner may merge it: for another
    role, autovacuum still does, later.
    """
    with engine.connect() as connection:
        try:
            connection.execute(text("SELECT gin_clean_pending_list(CAST(:index AS regclass))"), {"index": TRIGRAM_INDEX})
            connection.commit()
        except DBAPIError:
            connection.rollback()


INSERT_BATCH = 2000
"""Rows per INSERT round trip: rows are made as they are sent, so a load never holds every row of a table at once."""


def _insert(connection: Connection, table: type[SQLModel], rows: Iterable[dict[str, object]]) -> None:
    """Insert rows in batches of INSERT_BATCH, consuming a generator lazily."""
    iterator = iter(rows)
    while batch := list(islice(iterator, INSERT_BATCH)):
        connection.execute(insert(table), batch)


def _insert_search(
    connection: Connection, document_id: str, document_key: int, entries: Iterable[tuple[str, str, int, str, int | None]]
) -> None:
    """Search entries (kind, record id, seq, the label shown, a measure's source start) and their 1-, 2- and
    3-character grams (~50 rows per measure), a batch of entries at a time.

    Each gram row carries what ranks its entry (``SearchGram``): its occurrences, the document's ``document_key``
    and the entry's ``ordinal``, its place in the document's ranking order (seq, then kind: the order
    ``db/search.py`` ranks by after occurrences and document), which is why the document's entries are sorted
    first (they are small: a label and a few numbers each)."""
    ranked = sorted(entries, key=lambda entry: (entry[2], entry[0]))
    iterator = iter(enumerate(ranked))
    while batch := [
        (ordinal, kind, record_id, seq, fold(label), label, start)
        for ordinal, (kind, record_id, seq, label, start) in islice(iterator, INSERT_BATCH)
    ]:
        connection.execute(
            insert(SearchEntry),
            [
                {
                    "record_id": record_id,
                    "kind": kind,
                    "document_id": document_id,
                    "seq": seq,
                    "folded": folded,
                    "display": label,
                    "source_start": start,
                }
                for _, kind, record_id, seq, folded, label, start in batch
            ],
        )
        in_batch = select(col(SearchEntry.record_id), col(SearchEntry.id)).where(
            col(SearchEntry.document_id) == document_id, col(SearchEntry.record_id).in_([entry[2] for entry in batch])
        )
        ids: dict[str, int | None] = {record_id: entry_id for record_id, entry_id in connection.execute(in_batch)}
        _insert(
            connection,
            SearchGram,
            (
                {
                    "gram": gram,
                    "entry_id": ids[record_id],
                    "kind": kind,
                    "occurrences": occurrences,
                    "document_key": document_key,
                    "ordinal": ordinal,
                }
                for ordinal, kind, record_id, _, folded, _, _ in batch
                for gram, occurrences in sorted(grams(folded).items())
            ),
        )


def remove_document(engine: Engine, document_id: str) -> int:
    """Remove a document and everything in it, in one transaction; returns the release id."""
    with friendly_errors(engine), engine.connect() as raw:
        connection = raw.execution_options(sqlite_begin="IMMEDIATE")
        with connection.begin():
            _one_writer_at_a_time(connection)
            issuer = connection.execute(select(col(Document.issuer_id)).where(col(Document.id) == document_id)).scalar_one_or_none()
            if issuer is None:
                raise LoadError(f"no document with id {document_id!r}")
            connection.execute(delete(Document).where(col(Document.id) == document_id))
            collect_garbage(connection)
            refresh_comparisons(connection, {issuer})
            return _record_release(connection, "remove", document_id)


def document_hashes(engine: Engine) -> dict[str, str]:
    """Content hash of every loaded document (init uses it to skip unchanged seeds)."""
    with friendly_errors(engine), engine.connect() as connection:
        return dict(connection.execute(select(col(Document.id), col(Document.content_hash))).all())
