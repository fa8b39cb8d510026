"""Serialisations shared by the export command and the API: NDJSON lines and CSV rows, streamed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from .tabular import header, rows

BOM = "\ufeff"


def ndjson_lines(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One compact JSON object per line."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow("" if value is None else value for value in values)
    return buffer.getvalue()


def csv_lines(collection: str, records: Iterable[dict[str, Any]], bom: bool = False) -> Iterator[str]:
    """RFC 4180 CSV: a header row, then one row per record; an optional BOM for spreadsheet programs."""
    yield (BOM if bom else "") + csv_line(header(collection))
    for row in rows(collection, records):
        yield csv_line(row)
