"""Bulk exports: the Dataset, every collection file, and the Data Package that describes them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from workreport_api.tabular import COLUMNS
from workreport_schema import ENTITIES, load_codelist, validate_data

from ...conftest import ENGINES, SEED_DATASET, ClientFactory
from ...offline import run_offline

SEED_TEXT = SEED_DATASET.read_text(encoding="utf-8")


@pytest.mark.parametrize("reader", ENGINES, indirect=True)
def test_dataset_export_is_the_seed_and_valid(reader: TestClient[Any]) -> None:
    response = reader.get("/v1/export/dataset.json")
    assert response.status_code == 200
    assert response.text == SEED_TEXT
    assert validate_data(response.json(), "dataset") == ("dataset", [])
    assert "attachment" in response.headers["content-disposition"]


SEED_RECORDS: dict[str, list[dict[str, Any]]] = json.loads(SEED_TEXT) | {
    # derived across documents: every codelist entry, a point per coded target, and no outcome (no later report)
    "indicators": [{"id": row["Code"]} for row in load_codelist("indicator").rows],
    "series": [t for t in json.loads(SEED_TEXT)["targets"] if t.get("indicator_code")],
    "outcomes": [],
}


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
@pytest.mark.parametrize("collection", list(COLUMNS))
def test_collection_files(reader: TestClient[Any], collection: str) -> None:
    seed = SEED_RECORDS.get(collection, [])  # the seed has no results: an empty collection is omitted
    rows = list(csv.reader(io.StringIO(reader.get(f"/v1/export/{collection}.csv").text)))
    assert rows[0] == [c.name for c in COLUMNS[collection]] and len(rows) == len(seed) + 1
    lines = reader.get(f"/v1/export/{collection}.ndjson").text.splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(r["id"] for r in seed)
    assert reader.get(f"/v1/export/{collection}.csv?bom=true").content.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
def test_datapackage_describes_the_csv_files(reader: TestClient[Any]) -> None:
    package = reader.get("/v1/export/datapackage.json").json()
    assert package["profile"] == "tabular-data-package"
    names = [r["name"] for r in package["resources"]]
    assert names == list(COLUMNS)
    targets = next(r for r in package["resources"] if r["name"] == "targets")
    fields = {f["name"]: f for f in targets["schema"]["fields"]}
    assert fields["value"]["type"] == "number" and fields["value"]["unitField"] == "unit"
    assert fields["period.start"]["type"] == "date"
    assert {"fields": ["unit"], "reference": {"resource": "units", "fields": ["id"]}} in targets["schema"]["foreignKeys"]
    for resource in package["resources"]:
        assert resource["path"] == f"{resource['name']}.csv"  # relative: the descriptor travels with its files
        header = reader.get(f"/v1/export/{resource['path']}").text.splitlines()[0].split(",")
        assert header == [f["name"] for f in resource["schema"]["fields"]]


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "name", ["measures.xml", "secrets.csv", "..%2fmeasures.csv", "..%252f..%252fetc%252fpasswd", "%2e%2e%2fmeasures.csv", "measures"]
)
def test_unknown_or_traversing_names_are_404(reader: TestClient[Any], name: str) -> None:
    response = reader.get(f"/v1/export/{name}")
    assert response.status_code == 404, name


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_dataset_export_streams_the_same_bytes_without_the_cache(make_client: ClientFactory) -> None:
    """With the cache off the Dataset is streamed in pieces (no whole copy per download): same bytes, same ETag rules."""
    from workreport_api.resources.exports import RENDER_CHUNK, rendered
    from workreport_schema import render_dataset

    client = make_client(cache_max_bytes=0)
    response = client.get("/v1/export/dataset.json")
    assert response.text == SEED_TEXT
    assert client.get("/v1/export/dataset.json", headers={"if-none-match": response.headers["etag"]}).status_code == 304
    data = json.loads(SEED_TEXT)
    pieces = list(rendered(data))
    assert len(pieces) > 1 and all(len(piece) < 4 * RENDER_CHUNK for piece in pieces)
    assert b"".join(pieces).decode() == render_dataset(data)


def frictionless_offline(descriptor: Path) -> subprocess.CompletedProcess[str]:
    """`frictionless validate` with no network at all (a network namespace without interfaces; CI runs as root)."""
    return run_offline([str(Path(sys.executable).parent / "frictionless"), "validate", "--json", descriptor.name], descriptor.parent)


def assert_valid_package(folder: Path) -> None:
    result = frictionless_offline(folder / "datapackage.json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], json.dumps(report)[:2000]
    assert {task["name"] for task in report["tasks"]} == set(COLUMNS)
    assert sorted(p.name for p in (folder / "schemas").iterdir()) == sorted(f"{e}.schema.json" for e in ENTITIES)


@pytest.mark.parametrize("reader", ["sqlite"], indirect=True)
def test_the_package_zip_validates_offline_and_holds_the_same_csv(reader: TestClient[Any], tmp_path: Path) -> None:
    response = reader.get("/v1/export/datapackage.zip")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert all(member.compress_type == zipfile.ZIP_DEFLATED for member in archive.infolist())
        archive.extractall(tmp_path)
    folder = tmp_path / "workreport"
    assert_valid_package(folder)
    for collection in COLUMNS:
        assert (folder / f"{collection}.csv").read_bytes() == reader.get(f"/v1/export/{collection}.csv").content
    assert reader.get("/v1/export/datapackage.zip").content == response.content  # deterministic


@pytest.mark.parametrize("seeded_url", ["sqlite"], indirect=True)
def test_workreport_export_writes_the_same_package(client: TestClient[Any], seeded_url: str, tmp_path: Path) -> None:
    from workreport_api.cli import main

    assert main(["export", "--format", "csv", "-o", str(tmp_path / "package"), "--database-url", seeded_url]) == 0
    assert_valid_package(tmp_path / "package")
    written = json.loads((tmp_path / "package" / "datapackage.json").read_text(encoding="utf-8"))
    served = client.get("/v1/export/datapackage.json").json()
    assert written["resources"] == served["resources"]
