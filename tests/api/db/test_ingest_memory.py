"""Extracting and loading a large source takes a small multiple of its size in memory.

The source is the seed's paragraphs repeated under new chapter headings. Before
issue 17 a load held every row of every table (and ~100 search grams per
measure) as dicts at once, on top of the records as pydantic models and as
dicts: about 400 times the source at its peak (traced by tracemalloc). Then
the records alone, held as dicts, were about 45 times the source; now
``workreport ingest`` spools them to disk as they are checked, and the loader
reads them back one at a time.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import Engine

from workreport_api.db import migrate
from workreport_api.db.loader import load_document
from workreport_api.settings import Settings
from workreport_pipeline import spool_files
from workreport_pipeline.numerals import parse_chinese_numeral

from .conftest import seed_dataset

PEAK_PER_SOURCE_BYTE = 15
"""The bound on what each further byte of source adds to the traced peak of extract and load.

Measured between two sources (so fixed costs — caches, validators, SQLAlchemy —
cancel out): about 8 bytes per byte of source with the records spooled, where
holding the records as dicts alone took about 45.
"""

_DIGITS = "一二三四五六七八九"


def numeral(number: int) -> str:
    """1..99 in Chinese numerals (十, 十一, 二十三...)."""
    tens, ones = divmod(number, 10)
    return ("" if tens == 0 else "十" if tens == 1 else _DIGITS[tens - 1] + "十") + ("" if ones == 0 else _DIGITS[ones - 1])


def synthetic_source(size: int, chapters: int = 40) -> str:
    """About ``size`` bytes: the seed's paragraphs, cycled, under headings (一)…"""
    paragraphs = [p["source"]["quote"] for p in seed_dataset()["paragraphs"]]
    parts, index = [], 0
    for number in range(1, chapters + 1):
        parts.append(f"({numeral(number)})第{number}章\n")
        written = 0
        while written < size // chapters:
            paragraph = paragraphs[index % len(paragraphs)]
            parts.append(paragraph + "\n")
            written += len(paragraph.encode())
            index += 1
    return "".join(parts)


@pytest.mark.parametrize("number", [1, 9, 10, 11, 20, 23, 40, 99])
def test_numerals(number: int) -> None:
    assert parse_chinese_numeral(numeral(number)) == number


def _traced_peak(engine: Engine, source: Path, document_id: str) -> tuple[int, dict[str, int]]:
    """The traced peak of ``workreport ingest``'s path: extract to a spool, then load it."""
    tracemalloc.start()
    try:
        with spool_files(source, id=document_id, title="合成", year=2012) as spool:
            result = load_document(engine, spool)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, result.counts


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_ingest_memory_grows_by_a_small_multiple_of_the_source(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    small, large, warm = tmp_path / "small.txt", tmp_path / "large.txt", tmp_path / "warm.txt"
    small.write_text(synthetic_source(20_000), encoding="utf-8")
    large.write_text(synthetic_source(80_000), encoding="utf-8")
    warm.write_text(synthetic_source(2_000, chapters=2), encoding="utf-8")
    migrate.upgrade(engine, settings)
    _traced_peak(engine, warm, "warm-2012")  # lexicons, codelists, OpenCC, schema validators, statements
    small_peak, _ = _traced_peak(engine, small, "small-2012")
    large_peak, counts = _traced_peak(engine, large, "large-2012")
    assert counts["chapters"] == 40 and counts["measures"] > 1000
    added = large.stat().st_size - small.stat().st_size
    per_byte = (large_peak - small_peak) / added
    assert per_byte < PEAK_PER_SOURCE_BYTE, f"each byte of source added {per_byte:.1f} bytes to the peak"
