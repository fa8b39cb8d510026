"""The OpenAPI 3.1 document: Litestar's operations, with the record schemas taken from the published JSON Schema.

The published files are normative. In the OpenAPI copy their conditional
rules (if/then) are left out and pattern-keyed maps become plain maps, which
client generators understand; validators should use /schemas/v1/.
"""

from __future__ import annotations

import copy
import json
from typing import cast

from litestar import Litestar

from workreport_schema import (
    ENTITIES,
    SCHEMA_VERSION,
    DatasetJSON,
    JSONObject,
    JSONValue,
    load_codelist,
    load_published_schema,
    schema_file_name,
)

from .db.comparisons import indicator_record
from .settings import BUNDLED

_FILE_TITLES = {schema_file_name(entity): load_published_schema(entity)["title"] for entity in ENTITIES}


def _object(node: JSONValue) -> JSONObject:
    """A node the document has as an object (Litestar's schema and the published files are made of them)."""
    if not isinstance(node, dict):
        raise TypeError(f"expected a JSON object, not {type(node).__name__}")
    return node


def _items(node: JSONValue) -> list[JSONValue]:
    """A node the document has as an array."""
    if not isinstance(node, list):
        raise TypeError(f"expected a JSON array, not {type(node).__name__}")
    return node


def _convert(node: JSONValue) -> JSONValue:
    if isinstance(node, dict):
        out: JSONObject = {}
        for key, value in node.items():
            if key in ("$schema", "$id", "$defs"):
                continue
            if key == "allOf" and all(isinstance(item, dict) and "if" in item for item in _items(value)):
                continue
            if key == "$ref" and isinstance(value, str):
                out[key] = "#/components/schemas/" + (
                    value.removeprefix("#/$defs/") if value.startswith("#/$defs/") else _FILE_TITLES[value]
                )
            elif key == "patternProperties":
                out["additionalProperties"] = _convert(next(iter(_object(value).values())))
            elif key == "additionalProperties" and "patternProperties" in node:
                continue
            else:
                out[key] = _convert(value)
        return out
    if isinstance(node, list):
        return [_convert(item) for item in node]
    return node


def record_components() -> JSONObject:
    """Component schemas for every published entity and its definitions."""
    components: JSONObject = {}
    for entity in ENTITIES:
        schema = load_published_schema(entity)
        for name, definition in schema.get("$defs", {}).items():
            components[name] = _convert(definition)
        components[schema["title"]] = _convert(schema)
    return components


def _examples() -> JSONObject:
    """Examples from the bundled seed's dataset, shipped in the package (never read from a checkout)."""
    data: DatasetJSON = json.loads((BUNDLED / "seeds" / "shanghai-2012" / "dataset.json").read_text(encoding="utf-8"))
    document = {k: v for k, v in data["documents"][0].items() if k != "text"}
    target = next(t for t in data["targets"] if t["type"] == "quantitative")
    coded = [t for t in data["targets"] if t.get("indicator_code")]
    code = coded[0]["indicator_code"]
    entry = next(row for row in load_codelist("indicator").rows if row["Code"] == code)
    examples = {
        "Document": document,
        "Chapter": data["chapters"][0],
        "Paragraph": data["paragraphs"][0],
        "Measure": next(m for m in data["measures"] if m["target_ids"]),
        "Target": target,
        "TargetWithOutcomes": target | {"outcome": None, "outcomes": []},
        "Indicator": indicator_record(entry, sum(t["indicator_code"] == code for t in coded), 0, 1),
        "Unit": data["units"][0],
        "ResponsibleBody": data["bodies"][0],
    }
    return cast("JSONObject", examples)  # records of the dataset file and an indicator: JSON as parsed


LINKS: dict[str, dict[str, tuple[str, str, str]]] = {
    # operation → {link name: (target operation, parameter, runtime expression)}
    "list_documents": {"GetDocument": ("get_document", "document_id", "$response.body#/data/0/id")},
    "get_document": {"GetDocumentText": ("get_document_text", "document_id", "$response.body#/id")},
    "list_chapters": {"GetChapter": ("get_chapter", "chapter_id", "$response.body#/data/0/id")},
    "get_chapter": {"ListChapterMeasures": ("list_chapter_measures", "chapter_id", "$response.body#/id")},
    "list_paragraphs": {"GetParagraph": ("get_paragraph", "paragraph_id", "$response.body#/data/0/id")},
    "list_measures": {"GetMeasure": ("get_measure", "measure_id", "$response.body#/data/0/id")},
    "get_measure": {
        "ListMeasureTargets": ("list_measure_targets", "measure_id", "$response.body#/id"),
        "GetParagraphOfMeasure": ("get_paragraph", "paragraph_id", "$response.body#/paragraph_id"),
        "GetLeadBody": ("get_body", "body_id", "$response.body#/bodies/0/body_id"),
    },
    "list_targets": {"GetTarget": ("get_target", "target_id", "$response.body#/data/0/id")},
    "get_target": {"GetMeasureOfTarget": ("get_measure", "measure_id", "$response.body#/measure_id")},
    "list_results": {"GetResult": ("get_result", "result_id", "$response.body#/data/0/id")},
    "get_result": {"GetParagraphOfResult": ("get_paragraph", "paragraph_id", "$response.body#/paragraph_id")},
    "list_units": {"GetUnit": ("get_unit", "unit_id", "$response.body#/data/0/id")},
    "list_bodies": {"GetBody": ("get_body", "body_id", "$response.body#/data/0/id")},
    "get_body": {"ListBodyMeasures": ("list_body_measures", "body_id", "$response.body#/id")},
}
"""OpenAPI links between operations: how a client (and stateful testing) walks from lists to items to related lists."""


def _operations(document: JSONObject) -> list[JSONObject]:
    """Every operation of the document's paths (a path item's other members, such as its parameters, are not)."""
    return [
        operation
        for path_item in _object(document.get("paths", {})).values()
        for operation in _object(path_item).values()
        if isinstance(operation, dict)
    ]


def _ok(operation: JSONObject) -> JSONObject:
    """The 200 response of an operation."""
    return _object(_object(operation["responses"])["200"])


def _add_formats(document: JSONObject) -> None:
    """Lists also answer in CSV and NDJSON; the export of one collection only in those; the schema archive is binary."""
    text: JSONObject = {"text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}}
    for operation in _operations(document):
        names = {_object(parameter)["name"] for parameter in _items(operation.get("parameters", []))}
        if operation.get("operationId") == "export_collection":
            _ok(operation)["content"] = dict(text)
        elif operation.get("operationId") == "export_dataset":
            _object(_object(_ok(operation)["content"])["application/json"])["schema"] = {"$ref": "#/components/schemas/Dataset"}
        elif operation.get("operationId") == "download_schemas":
            _ok(operation)["content"] = {"application/zip": {"schema": {"type": "string", "format": "binary"}}}
        elif "format" in names:
            _object(_ok(operation)["content"]).update(text)


def _add_links(document: JSONObject) -> None:
    for operation in _operations(document):
        operation_id = operation.get("operationId", "")
        links = LINKS.get(operation_id) if isinstance(operation_id, str) else None
        if links:
            _ok(operation)["links"] = {
                name: {"operationId": target, "parameters": {parameter: expression}}
                for name, (target, parameter, expression) in links.items()
            }


def build_openapi(app: Litestar, base_url: str) -> JSONObject:
    """The document served at /openapi.json (and committed as clients/openapi.json)."""
    document: JSONObject = copy.deepcopy(app.openapi_schema.to_schema())
    document["servers"] = [{"url": base_url.rstrip("/"), "description": "This server"}]
    schemas = _object(_object(document.setdefault("components", {})).setdefault("schemas", {}))
    schemas.update(record_components())
    examples = _examples()
    for operation in _operations(document):
        content = _object(_object(_object(operation.get("responses", {})).get("200", {})).get("content", {}))
        for media_value in content.values():
            media = _object(media_value)
            ref = str(_object(media.get("schema", {})).get("$ref", "")).removeprefix("#/components/schemas/")
            if ref in examples:
                media["example"] = examples[ref]
            elif ref.endswith("List") and ref.removesuffix("List") in examples | {"Body": examples.get("ResponsibleBody")}:
                name = ref.removesuffix("List")
                record = examples.get(name) or examples.get("ResponsibleBody")
                media["example"] = {
                    "data": [record],
                    "meta": {"total": 1, "limit": 50, "next_cursor": None},
                    "links": {"self": f"{base_url.rstrip('/')}/v1/{name.lower()}s", "next": None},
                }
    _extend_target(schemas)
    _add_links(document)
    _add_formats(document)
    _object(document["info"])["x-schema-version"] = SCHEMA_VERSION
    return _sorted(document)


def _extend_target(schemas: JSONObject) -> None:
    """A target with its outcomes is the published Target (closed: additionalProperties false) with two more keys:
    its definition is the published one, copied and extended, so the two never drift apart."""
    generated = schemas.get("TargetWithOutcomes")
    if generated is None:
        return
    generated_properties = _object(_object(generated)["properties"])
    extended = copy.deepcopy(_object(schemas["Target"]))
    extended["title"] = "TargetWithOutcomes"
    extended["description"] = "A target (see Target) with how later reports judged it: only on GET /v1/targets/{target_id}."
    extended.pop("$id", None)
    _object(extended["properties"]).update({name: generated_properties[name] for name in ("outcome", "outcomes")})
    extended["required"] = [*_items(extended.get("required", [])), "outcome", "outcomes"]
    schemas["TargetWithOutcomes"] = extended


def _sorted(document: JSONObject) -> JSONObject:
    components = _object(document["components"])
    components["schemas"] = dict(sorted(_object(components["schemas"]).items()))
    document["paths"] = dict(sorted(_object(document["paths"]).items()))
    return document


def render_openapi(document: JSONObject) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
