"""Serialisations shared by the export command and the API: NDJSON lines and CSV rows, streamed; deterministic zips."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO

from workreport_schema import JSONObject

from .tabular import header, rows

BOM = "\ufeff"


def ndjson_lines(records: Iterable[JSONObject]) -> Iterator[str]:
    """One compact JSON object per line."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_line(values: Iterable[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow("" if value is None else value for value in values)
    return buffer.getvalue()


def csv_lines(collection: str, records: Iterable[JSONObject], bom: bool = False) -> Iterator[str]:
    """RFC 4180 CSV: a header row, then one row per record; an optional BOM for spreadsheet programs."""
    yield (BOM if bom else "") + csv_line(header(collection))
    for row in rows(collection, records):
        yield csv_line(row)


ZIP_TIME = (2026, 1, 1, 0, 0, 0)
"""Every member's timestamp: equal files give equal archive bytes (and ETags)."""


def write_zip(out: IO[bytes], files: Iterable[tuple[str, str]], folder: str = "") -> None:
    """(name, text) pairs as a deflated zip with fixed timestamps, each name under ``folder`` when given."""
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in files:
            member = zipfile.ZipInfo(f"{folder}/{name}" if folder else name, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, text.encode("utf-8"))
