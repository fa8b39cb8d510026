"""Extract many documents: in this process for one job, else in a pool of processes, results as they complete.

Extraction is CPU-bound Python, so it runs in ``jobs`` processes. Each
worker leaves its records on disk (a spool, handed to the consumer by its
folder), so no dataset is ever held in memory or pickled between processes.
Work is taken lazily, at most ``2 × jobs`` documents ahead of the consumer,
so however long the corpus only a few spools exist at once; they live in one
temporary folder per run, deleted when the run ends, whatever happens. A document that fails —
unreadable, no heading, invalid, even a bug in the pipeline or a worker that
dies — comes back with its one-line reason and never stops the others.

Workers are forked on Linux: they start at once with everything the parent
has imported (a spawned worker re-imports the pipeline and the command's main
module, about 2.5 CPU seconds each) and are forked before the pool starts any
thread. Elsewhere they are spawned, as Python does by default there.
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.context import BaseContext

from .manifest import Entry
from .run import PIPELINE_ERRORS, spool_files
from .spool import SpoolHandle

DIED = "the extraction process stopped unexpectedly (killed or out of memory?)"


@dataclass(frozen=True)
class Extraction:
    """What a worker sends back: its spool (open it with ``RecordSpool.attach``), or the one-line reason it could not be made."""

    entry: Entry
    spool: SpoolHandle | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def extract_entry(entry: Entry, folder: str | None = None) -> Extraction:
    """Run the pipeline on one entry (in a worker process), its records spooled in ``folder``; never raises for a bad document."""
    warnings: list[str] = []
    try:
        spool = spool_files(
            entry.source,
            entry.document,
            entry.curation,
            warn=warnings.append,
            max_source_bytes=entry.max_source_bytes,
            id=entry.document_id,
            title=entry.title,
            year=entry.year,
            language=entry.language,
            issuer=entry.issuer,
            spool_folder=folder,
        )
    except PIPELINE_ERRORS as error:
        return Extraction(entry, None, one_line(str(error)), tuple(warnings))
    except Exception as error:  # a bug in the pipeline fails this document, not the corpus
        return Extraction(entry, None, one_line(f"internal error: {type(error).__name__}: {error}"), tuple(warnings))
    return Extraction(entry, spool.detach(), None, tuple(warnings))


def one_line(message: str) -> str:
    """A message on one line: a table cell or a log line never breaks."""
    return " ".join(message.split())


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle (it stops and reports); workers finish their document and exit without a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool(jobs: int, context: BaseContext) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupts)


def extract_all(entries: Iterable[Entry], jobs: int) -> Iterator[Extraction]:
    """Extractions in the order they complete: in this process for one job, else in a pool of ``jobs`` processes.

    Work is submitted lazily, at most ``2 × jobs`` entries ahead of the consumer,
    so a slow consumer (the loader) bounds how many datasets exist at once.
    A worker that dies (killed, out of memory) fails the documents in flight
    with that reason; a fresh pool takes the rest. Open each extraction's spool
    (``RecordSpool.attach``) before the iteration ends: the run's temporary
    folder, and any spool still in it, is deleted then.
    """
    with tempfile.TemporaryDirectory(prefix="workreport-batch-") as folder:
        yield from _extract_all(entries, jobs, folder)


def _extract_all(entries: Iterable[Entry], jobs: int, folder: str) -> Iterator[Extraction]:
    if jobs <= 1:
        yield from (extract_entry(entry, folder) for entry in entries)
        return
    queue = iter(entries)
    window = 2 * jobs
    pending: dict[Future[Extraction], Entry] = {}
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = _pool(jobs, context)
    finished = False
    try:
        while True:
            broken = False
            for entry in queue:
                try:
                    pending[pool.submit(extract_entry, entry, folder)] = entry
                except BrokenProcessPool:  # a worker died since the last wait: this entry goes to the next pool
                    queue = itertools.chain([entry], queue)
                    broken = True
                    break
                if len(pending) >= window:
                    break
            if not pending and not broken:
                finished = True
                return
            # After a break every pending future ends soon (with its result or the break): take them all.
            done = wait(pending, return_when=ALL_COMPLETED if broken else FIRST_COMPLETED).done
            for future in done:
                entry = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    yield Extraction(entry, None, DIED)
            if broken:
                for entry in pending.values():
                    yield Extraction(entry, None, DIED)
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)  # its threads end before the next fork
                pool = _pool(jobs, context)
    finally:
        # After an interrupt, or when the consumer stops early, do not wait for documents nobody will load.
        pool.shutdown(wait=finished, cancel_futures=True)
