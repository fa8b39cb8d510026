"""``workreport ingest`` takes a whole report (preamble, parts, sections under parts) as it is published."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from workreport_api.cli import main
from workreport_schema import validate_data

FIXTURE = Path(__file__).resolve().parents[2] / "pipeline" / "fixtures" / "whole-zh-hant-ascii.txt"


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_ingest_a_whole_report(seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["ingest", str(FIXTURE), "--document-id", "example-2013", "--title", "某市政府工作報告", "--year", "2013"]
    argv += ["--language", "zh-Hant", "--issuer", "某市人民政府", "--database-url", seeded_url]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "loaded example-2013" in captured.out

    output = tmp_path / "whole.json"
    assert main(["export", "--document", "example-2013", "-o", str(output), "--database-url", seeded_url]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert validate_data(data, "dataset") == ("dataset", [])
    assert data["documents"][0]["preamble"]["quote"].startswith("各位代表:")
    parts = {c["id"]: c["role"] for c in data["chapters"] if c["level"] == "part"}
    assert parts == {"example-2013.pt01": "review", "example-2013.pt02": "tasks", "example-2013.pt03": "self_building"}
    sections = [(c["id"], c["parent_id"]) for c in data["chapters"] if c["level"] == "section"]
    assert ("example-2013.pt01.c01", "example-2013.pt01") in sections
    assert ("example-2013.pt02.c01", "example-2013.pt02") in sections
    capsys.readouterr()

    argv = ["export", "--format", "csv", "--collection", "chapters", "--document", "example-2013", "--database-url", seeded_url]
    assert main(argv) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["id"]: (row["level"], row["parent_id"], row["role"]) for row in rows}["example-2013.pt02.c03"] == (
        "section",
        "example-2013.pt02",
        "",
    )


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_export_gives_the_results_of_a_whole_report(seeded_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["ingest", str(FIXTURE), "--document-id", "example-2013", "--title", "某市政府工作報告", "--year", "2013"]
    argv += ["--language", "zh-Hant", "--issuer", "某市人民政府", "--database-url", seeded_url]
    assert main(argv) == 0
    assert "8 results" in capsys.readouterr().out

    output = tmp_path / "whole.json"
    assert main(["export", "--document", "example-2013", "-o", str(output), "--database-url", seeded_url]) == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    assert [r["id"] for r in data["results"]][:2] == ["example-2013.pt01.p02.r1", "example-2013.pt01.p02.r2"]
    assert {"person", "job", "bed", "school", "percent"} <= {u["id"] for u in data["units"]}
    capsys.readouterr()

    argv = ["export", "--format", "csv", "--collection", "results", "--document", "example-2013", "--database-url", seeded_url]
    assert main(argv) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["id"], row["value"], row["unit"], row["estimate"]) for row in rows][:3] == [
        ("example-2013.pt01.p02.r1", "9.1", "percent", "false"),
        ("example-2013.pt01.p02.r2", "320000", "person", "false"),
        ("example-2013.pt01.p02.r3", "9", "percent", "true"),
    ]
    assert len(rows) == len(data["results"]) == 8

    argv = ["export", "--format", "ndjson", "--collection", "targets", "--document", "example-2013", "--database-url", seeded_url]
    assert main(argv) == 0
    targets = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [t["id"] for t in targets if t.get("headline")] == [f"example-2013.pt02.p02.m0{n}.t1" for n in (1, 2, 3)]
