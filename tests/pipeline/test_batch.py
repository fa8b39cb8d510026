"""Extraction of many documents: lazy, bounded work in flight, each failure its own."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from workreport_pipeline import RecordSpool
from workreport_pipeline.batch import extract_all
from workreport_pipeline.manifest import Entry


@pytest.mark.parametrize("jobs", [1, 2])
def test_work_in_flight_is_bounded(tmp_path: Path, jobs: int) -> None:
    """Entries are taken lazily: never more than 2 × jobs ahead of the consumer, so datasets never pile up."""
    pulled = 0

    def entries() -> Iterator[Entry]:
        nonlocal pulled
        for n in range(12):
            pulled += 1
            yield Entry(f"d{n}", tmp_path / f"missing-{n}.txt")

    consumed = 0
    ahead = []
    for extraction in extract_all(entries(), jobs):
        consumed += 1
        ahead.append(pulled - consumed)
        assert extraction.spool is None and extraction.error is not None and "no such file" in extraction.error
    assert consumed == 12
    assert max(ahead) <= (0 if jobs == 1 else 2 * jobs - 1)


@pytest.mark.slow
def test_a_dead_worker_fails_the_documents_in_flight_and_a_fresh_pool_takes_the_rest(tmp_path: Path) -> None:
    """A worker killed mid-document (here: blocked reading a FIFO, then SIGKILLed) costs only the documents in flight."""
    fifo = tmp_path / "blocks.txt"
    os.mkfifo(fifo)
    report = Path(__file__).parent / "fixtures" / "whole-zh-hans.txt"
    entries = [Entry("stuck-2013", fifo, title="t", year=2013, issuer="某市人民政府")]
    entries += [Entry(f"d{n}-2013", report, title="t", year=2013, issuer="某市人民政府") for n in range(9)]
    results = {}
    try:
        for extraction in extract_all(entries, 2):
            results[extraction.entry.document_id] = extraction
            if len(results) == 1:
                for child in multiprocessing.active_children():
                    os.kill(child.pid or 0, signal.SIGKILL)
    finally:
        with contextlib.suppress(OSError):  # if anything went wrong, unblock the reader so no worker hangs the session
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert sorted(results) == sorted(entry.document_id for entry in entries)
    assert results["stuck-2013"].error == "the extraction process stopped unexpectedly (killed or out of memory?)"
    lost = [doc_id for doc_id, extraction in results.items() if extraction.spool is None]
    assert len(lost) <= 4  # at most the window of 2 × jobs in flight when the worker died
    assert all(results[f"d{n}-2013"].spool is not None for n in range(5, 9))  # submitted after: a fresh pool extracted them


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_document_comes_back_as_a_spool_and_the_run_leaves_no_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Records travel on disk, never pickled; the run's temporary folder goes when the run ends."""
    spools = tmp_path / "tmp"
    spools.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spools))
    report = Path(__file__).parent / "fixtures" / "whole-zh-hans.txt"
    entries = [Entry(f"d{n}-2013", report, title="t", year=2013, issuer="某市人民政府") for n in range(3)]
    seen = {}
    for extraction in extract_all(entries, jobs):
        assert extraction.spool is not None and extraction.error is None
        with RecordSpool.attach(extraction.spool) as spool:
            seen[spool.document["id"]] = (spool.count("measures"), spool.count("results"), spool.release["content_hash"])
        assert not Path(extraction.spool.folder).exists(), "closing the attached spool deletes its files"
    assert sorted(seen) == ["d0-2013", "d1-2013", "d2-2013"]
    assert all(measures > 0 and results > 0 for measures, results, _ in seen.values())
    assert not any(spools.iterdir())
