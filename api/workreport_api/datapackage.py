"""The Frictionless Tabular Data Package of the CSV exports: one descriptor for the API, the zip and `workreport export`.

Resource paths are relative (``measures.csv``), so the descriptor works wherever
its files sit: beside them at ``/v1/export/``, inside ``datapackage.zip``, or in
the folder ``workreport export --format csv -o DIR`` writes — and a downloaded
package validates with no network.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO

from workreport_schema import ENTITIES, SCHEMA_VERSION, load_published_schema, schema_file_name

from .db.export import PACKAGE_COLLECTIONS, iter_collection
from .formats import csv_lines, write_zip
from .tabular import COLUMNS

DESCRIPTOR = "datapackage.json"
SCHEMAS_FOLDER = "schemas"
_REFERENCES = {
    "chapters": [("document_id", "documents")],
    "paragraphs": [("chapter_id", "chapters")],
    "measures": [("paragraph_id", "paragraphs")],
    "targets": [("measure_id", "measures"), ("unit", "units")],
    "results": [("paragraph_id", "paragraphs"), ("unit", "units")],
    "bodies": [("parent_id", "bodies")],
    "outcomes": [("target_id", "targets"), ("result_id", "results")],
}
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


def _table_schema(collection: str) -> dict[str, object]:
    fields = []
    for column in COLUMNS[collection]:
        field: dict[str, str] = {"name": column.name, "type": column.type, "description": column.description}
        if column.unit_column:
            field["unitField"] = column.unit_column
        fields.append(field)
    schema: dict[str, object] = {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}
    references = [
        {"fields": [name], "reference": {"resource": target, "fields": ["id"]}} for name, target in _REFERENCES.get(collection, [])
    ]
    if references:
        schema["foreignKeys"] = references
    return schema


def descriptor(version: str, homepage: str | None = None, bom: bool = False) -> dict[str, object]:
    """The package descriptor; every path in it is relative to the descriptor itself."""
    package: dict[str, object] = {
        "profile": "tabular-data-package",
        "name": "workreport",
        "title": "workreport: commitments of government work reports",
        "version": version,
        "licenses": [LICENCE],
        "x-workreport-schema-version": SCHEMA_VERSION,
        "x-workreport-json-schemas": f"{SCHEMAS_FOLDER}/ (in the zip and in `workreport export -o DIR`): the JSON Schema of every record",
        "resources": [
            {
                "name": collection,
                "path": f"{collection}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if bom else "utf-8",
                "schema": _table_schema(collection),
            }
            for collection in PACKAGE_COLLECTIONS
        ],
    }
    if homepage:
        package["homepage"] = homepage
        package["sources"] = [{"title": "Government work reports (official documents)", "path": f"{homepage}/documents"}]
    return package


def package_files(data: Mapping[str, object], version: str, homepage: str | None = None, bom: bool = False) -> Iterable[tuple[str, str]]:
    """(relative path, text) of every file of the package: the descriptor, one CSV per collection, the JSON Schemas.

    ``data`` is a Dataset with the derived collections (indicators, outcomes, series) merged in (``db.export.PackageJSON``).
    """
    yield DESCRIPTOR, json.dumps(descriptor(version, homepage, bom), ensure_ascii=False, indent=2) + "\n"
    for collection in PACKAGE_COLLECTIONS:
        yield f"{collection}.csv", "".join(csv_lines(collection, iter_collection(data, collection), bom))
    for entity in ENTITIES:
        yield f"{SCHEMAS_FOLDER}/{schema_file_name(entity)}", json.dumps(load_published_schema(entity), ensure_ascii=False, indent=2) + "\n"


def write_package_zip(out: IO[bytes], files: Iterable[tuple[str, str]]) -> None:
    """The package as a zip, every file under ``workreport/``."""
    write_zip(out, files, folder="workreport")


def write_folder(folder: Path, files: Iterable[tuple[str, str]], write: Callable[[Path, str], object]) -> None:
    """The package into a folder, each file written with ``write(path, text)`` (atomic in the CLI)."""
    for name, text in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write(path, text)
