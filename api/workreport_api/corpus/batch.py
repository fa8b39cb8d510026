"""Load many documents: extraction in a process pool (``workreport_pipeline.batch``), loads here, one at a time.

Loading stays in the parent, one transaction per document (the loader's own
rule), as extractions arrive, so the database sees one writer. A document that
fails — in extraction or in its load — is recorded with its one-line reason
and never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Engine

from workreport_pipeline import Entry, Extraction, RecordSpool, extract_all, one_line

from ..db.engine import DatabaseError
from ..db.loader import LoadError, document_hashes, load_document

Status = Literal["loaded", "unchanged", "failed"]
COUNTED = ("chapters", "paragraphs", "measures", "targets")


@dataclass(frozen=True)
class Outcome:
    """One row of the closing table."""

    entry: Entry
    status: Status
    counts: dict[str, int] = field(default_factory=dict)
    reason: str = ""
    warnings: tuple[str, ...] = ()


def ingest(engine: Engine, entries: list[Entry], jobs: int = 1, on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Extract and load every entry; returns the outcomes in the entries' order.

    A document whose content hash equals the loaded one's is ``unchanged`` and
    not written (as ``workreport init`` skips unchanged seeds). ``on_outcome``
    sees each outcome as it happens (the progress display).
    """
    loaded = document_hashes(engine)
    order = {entry.document_id: index for index, entry in enumerate(entries)}
    outcomes: list[Outcome] = []
    for extraction in extract_all(entries, min(jobs, len(entries))):
        outcome = _load(engine, extraction, loaded)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return sorted(outcomes, key=lambda outcome: order[outcome.entry.document_id])


def _load(engine: Engine, extraction: Extraction, loaded: dict[str, str]) -> Outcome:
    entry = extraction.entry
    if extraction.spool is None:
        return Outcome(entry, "failed", reason=extraction.error or "", warnings=extraction.warnings)
    with RecordSpool.attach(extraction.spool) as spool:
        counts = {name: spool.count(name) for name in COUNTED}
        content_hash = spool.release["content_hash"]
        document_id = spool.document["id"]
        if loaded.get(document_id) == content_hash:
            return Outcome(entry, "unchanged", counts, warnings=extraction.warnings)
        try:
            # The worker's pipeline checked every record as it spooled it (ValidationFailed otherwise):
            # validating again here would double the serial parent's work, the bottleneck at several jobs.
            load_document(engine, spool)
        except (LoadError, DatabaseError) as error:
            return Outcome(entry, "failed", reason=one_line(str(error)), warnings=extraction.warnings)
    loaded[document_id] = content_hash
    return Outcome(entry, "loaded", counts, warnings=extraction.warnings)
