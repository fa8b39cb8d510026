"""Extracting and loading a large source takes a bounded multiple of its size in memory.

The source is the seed's paragraphs repeated under new chapter headings. Before
the fix a load held every row of every table (and ~100 search grams per
measure) as dicts at once, on top of the records as pydantic models and as
dicts: about 400 times the source at its peak (traced by tracemalloc).
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import Engine

from workreport_api.db import migrate
from workreport_api.db.loader import load_dataset
from workreport_api.settings import Settings
from workreport_pipeline.numerals import parse_chinese_numeral
from workreport_pipeline.run import extract_files

from .conftest import seed_dataset

PEAK_PER_SOURCE_BYTE = 150
"""The bound. The loaded dataset's dicts alone are about 50 times the source; on
this 80 kB source the peak was about 400 times before the fix and is about 110
now (fixed costs weigh more on a small source: 4.8 MB peaks at about 65 times)."""

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


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_ingest_peak_memory_is_a_bounded_multiple_of_the_source(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    source, small = tmp_path / "large.txt", tmp_path / "small.txt"
    source.write_text(synthetic_source(60_000), encoding="utf-8")
    small.write_text(synthetic_source(2_000, chapters=2), encoding="utf-8")
    migrate.upgrade(engine, settings)
    extract_files(small, id="small-2012", title="合成", year=2012)  # warm up: lexicons, codelists, OpenCC, schema validators
    tracemalloc.start()
    try:
        data = extract_files(source, id="large-2012", title="合成", year=2012)
        (result,) = load_dataset(engine, data, validate=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.counts["chapters"] == 40 and result.counts["measures"] > 1000
    size = source.stat().st_size
    assert peak < PEAK_PER_SOURCE_BYTE * size, f"peak {peak / 1e6:.1f} MB for {size / 1e6:.2f} MB of text ({peak / size:.0f}x)"
