"""Extract many documents in a process pool and load each, one at a time, in the parent as results arrive.

Extraction is CPU-bound Python, so it runs in ``jobs`` processes; loading
stays in the parent, one transaction per document (the loader's own rule), so
the database sees one writer. At most ``2 × jobs`` documents are in flight
(submitted and not yet loaded): memory stays a small multiple of the largest
source however long the corpus. A document that fails — unreadable, no
heading, invalid, a database error, even a bug in the pipeline — is recorded
with its one-line reason and never stops the others.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Engine

from workreport_pipeline.run import PIPELINE_ERRORS, extract_files

from ..db.engine import DatabaseError
from ..db.loader import LoadError, document_hashes, load_dataset
from .manifest import Entry

Status = Literal["loaded", "unchanged", "failed"]
COUNTED = ("chapters", "paragraphs", "measures", "targets")


@dataclass(frozen=True)
class Extraction:
    """What a worker sends back: the dataset, or the one-line reason it could not be made."""

    entry: Entry
    dataset: dict[str, Any] | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """One row of the closing table."""

    entry: Entry
    status: Status
    counts: dict[str, int] = field(default_factory=dict)
    reason: str = ""
    warnings: tuple[str, ...] = ()


def extract_entry(entry: Entry) -> Extraction:
    """Run the pipeline on one entry (in a worker process); never raises for a bad document."""
    warnings: list[str] = []
    try:
        data = extract_files(
            entry.source,
            entry.document,
            entry.curation,
            warn=warnings.append,
            id=entry.document_id,
            title=entry.title,
            year=entry.year,
            language=entry.language,
            issuer=entry.issuer,
        )
    except PIPELINE_ERRORS as error:
        return Extraction(entry, None, _one_line(str(error)), tuple(warnings))
    except Exception as error:  # a bug in the pipeline fails this document, not the corpus
        return Extraction(entry, None, _one_line(f"internal error: {type(error).__name__}: {error}"), tuple(warnings))
    return Extraction(entry, data, None, tuple(warnings))


def _one_line(message: str) -> str:
    return " ".join(message.split())


def extract_all(entries: Iterable[Entry], jobs: int) -> Iterator[Extraction]:
    """Extractions in the order they complete: in this process for one job, else in a pool of ``jobs`` processes.

    Work is submitted lazily, at most ``2 × jobs`` entries ahead of the consumer,
    so a slow consumer (the loader) bounds how many datasets exist at once.
    A worker that dies (killed, out of memory) fails the documents in flight
    with that reason; a fresh pool takes the rest.
    """
    if jobs <= 1:
        yield from map(extract_entry, entries)
        return
    queue = iter(entries)
    window = 2 * jobs
    pending: dict[Future[Extraction], Entry] = {}
    # spawn: workers inherit no database connection, thread or lock from the parent, and see its current environment.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    finished = False
    try:
        while True:
            for entry in queue:
                pending[pool.submit(extract_entry, entry)] = entry
                if len(pending) >= window:
                    break
            if not pending:
                finished = True
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                entry = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    yield Extraction(entry, None, "the extraction process stopped unexpectedly (killed or out of memory?)")
            if broken:
                for entry in pending.values():
                    yield Extraction(entry, None, "the extraction process stopped unexpectedly (killed or out of memory?)")
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    finally:
        # After an interrupt, or when the consumer stops early, do not wait for documents nobody will load.
        pool.shutdown(wait=finished, cancel_futures=True)


def ingest(engine: Engine, entries: list[Entry], jobs: int = 1, on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Extract and load every entry; returns the outcomes in the entries' order.

    A document whose content hash equals the loaded one's is ``unchanged`` and
    not written (as ``workreport init`` skips unchanged seeds). ``on_outcome``
    sees each outcome as it happens (the progress display).
    """
    loaded = document_hashes(engine)
    order = {entry.document_id: index for index, entry in enumerate(entries)}
    outcomes: list[Outcome] = []
    for extraction in extract_all(entries, jobs):
        outcome = _load(engine, extraction, loaded)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return sorted(outcomes, key=lambda outcome: order[outcome.entry.document_id])


def _load(engine: Engine, extraction: Extraction, loaded: dict[str, str]) -> Outcome:
    entry, data = extraction.entry, extraction.dataset
    if data is None:
        return Outcome(entry, "failed", reason=extraction.error or "", warnings=extraction.warnings)
    counts = {name: len(data[name]) for name in COUNTED}
    content_hash = data["release"]["content_hash"]
    ids = [document["id"] for document in data["documents"]]
    if all(loaded.get(doc_id) == content_hash for doc_id in ids):
        return Outcome(entry, "unchanged", counts, warnings=extraction.warnings)
    try:
        # The worker's pipeline validated this very dataset (extract raises ValidationFailed otherwise):
        # validating it again here would double the serial parent's work, the bottleneck at several jobs.
        load_dataset(engine, data, validate=False)
    except (LoadError, DatabaseError) as error:
        return Outcome(entry, "failed", reason=_one_line(str(error)), warnings=extraction.warnings)
    loaded.update(dict.fromkeys(ids, content_hash))
    return Outcome(entry, "loaded", counts, warnings=extraction.warnings)
