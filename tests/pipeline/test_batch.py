"""Extraction of many documents: lazy, bounded work in flight, each failure its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

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
        assert extraction.dataset is None and extraction.error is not None and "no such file" in extraction.error
    assert consumed == 12
    assert max(ahead) <= (0 if jobs == 1 else 2 * jobs - 1)
