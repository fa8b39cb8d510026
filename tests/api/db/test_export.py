"""dataset.json → database → export gives back the same records, on both engines."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import Engine

from workreport_api.db.export import ExportError, export_dataset, iter_collection
from workreport_api.db.loader import load_dataset
from workreport_api.formats import csv_lines, ndjson_lines
from workreport_api.tabular import COLUMNS
from workreport_schema import render_dataset, validate_data

from ...conftest import ENGINES, SEED_DATASET
from .conftest import seed_dataset
from .test_loader import _rename

on_both_engines = pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
shared_on_both_engines = pytest.mark.parametrize("shared_engine", ENGINES, indirect=True)


@shared_on_both_engines
def test_round_trip_is_byte_identical(shared_engine: Engine) -> None:
    assert render_dataset(export_dataset(shared_engine)) == SEED_DATASET.read_text(encoding="utf-8")


@on_both_engines
def test_two_documents_export_as_one_valid_dataset(seeded_engine: Engine) -> None:
    other = seed_dataset()
    _rename(other, "other-2012")
    load_dataset(seeded_engine, other)
    both = export_dataset(seeded_engine)
    assert [d["id"] for d in both["documents"]] == ["other-2012", "shanghai-2012"]
    assert both["release"]["version"].startswith("db-")
    assert validate_data(both, "dataset") == ("dataset", [])
    assert export_dataset(seeded_engine, ["shanghai-2012"]) == seed_dataset()
    with pytest.raises(ExportError, match="no document with id 'nope'"):
        export_dataset(seeded_engine, ["nope"])


@shared_on_both_engines
def test_ndjson_and_csv(shared_engine: Engine) -> None:
    data = export_dataset(shared_engine)
    lines = list(ndjson_lines(iter_collection(data, "targets")))
    assert len(lines) == 65 and all(line.endswith("\n") and "\n" not in line[:-1] for line in lines)
    text = "".join(csv_lines("targets", iter_collection(data, "targets"), bom=True))
    assert text.startswith("\ufeffid,document_id,")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == [column.name for column in COLUMNS["targets"]]
    assert len(rows) == 66
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert by_id["shanghai-2012.c03.p03.m03.t1"]["value"] == "11000000"
    assert by_id["shanghai-2012.c03.p03.m03.t1"]["stated.unit"] == "萬平方米"
    documents = list(iter_collection(data, "documents"))
    assert "text" not in documents[0]
