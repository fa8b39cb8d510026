"""Semantic rules: what JSON Schema cannot express.

Each rule has an id, printed with its problems and listed in ``RULES`` (the
schema README documents them). They run on data that already passed the
JSON Schema, so shapes can be trusted here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from .entities import COLLECTIONS
from .hashing import content_hash
from .problems import Problem, pointer

RULES: dict[str, str] = {
    "unique-ids": "Ids are unique within each collection.",
    "reference-resolves": (
        "Every reference to another record (document, chapter, parent chapter, paragraph, measure, target, unit, body) resolves, "
        "results' included."
    ),
    "reference-consistent": (
        "References agree both ways: a target's measure lists the target; a measure's paragraph is in its chapter; "
        "a chapter's parent is a part of the same document; a result's paragraph is in its chapter."
    ),
    "span-length": "A span's quote is exactly end - start characters long.",
    "span-quote": "When the document text is included, every span's quote equals text[start:end].",
    "range-order": "For a range, value_max is greater than value (normalised and as stated).",
    "period-order": "A period starts on or before its end.",
    "source-hash": "When the document text is included, its SHA-256 equals source_sha256.",
    "content-hash": "The release content hash equals the hash of the records.",
}

_REFERENCES: dict[str, list[tuple[str, str]]] = {
    "chapters": [("document_id", "documents"), ("parent_id", "chapters")],
    "paragraphs": [("document_id", "documents"), ("chapter_id", "chapters")],
    "measures": [("document_id", "documents"), ("chapter_id", "chapters"), ("paragraph_id", "paragraphs")],
    "targets": [("document_id", "documents"), ("measure_id", "measures"), ("unit", "units")],
    "results": [
        ("document_id", "documents"),
        ("chapter_id", "chapters"),
        ("paragraph_id", "paragraphs"),
        ("measure_id", "measures"),
        ("unit", "units"),
    ],
    "documents": [("issuer", "bodies")],
    "bodies": [("parent_id", "bodies")],
}


def _spans(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every source span inside a record (its own and its body assignments')."""
    if isinstance(node, dict):
        if {"start", "end", "quote"} <= node.keys() and isinstance(node.get("quote"), str):
            yield path, node
            return
        for key, value in node.items():
            yield from _spans(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _spans(item, (*path, index))


def check_record_spans(record: dict[str, Any], path: tuple[str | int, ...] = ()) -> Iterator[Problem]:
    """Rule span-length on one record; usable on single-entity files."""
    for span_path, span in _spans(record, path):
        if span["end"] - span["start"] != len(span["quote"]):
            yield Problem(
                pointer(span_path),
                "span-length",
                f"quote has {len(span['quote'])} characters but end - start is {span['end'] - span['start']}",
            )


def check_record_ranges(record: dict[str, Any], path: tuple[str | int, ...] = ()) -> Iterator[Problem]:
    """Rules range-order and period-order on one record."""
    if "value_max" in record and "value" in record and not record["value_max"] > record["value"]:
        yield Problem(
            pointer((*path, "value_max")), "range-order", f"value_max {record['value_max']} is not greater than value {record['value']}"
        )
    stated = record.get("stated")
    if isinstance(stated, dict) and "value_max" in stated and not stated["value_max"] > stated["value"]:
        yield Problem(
            pointer((*path, "stated", "value_max")),
            "range-order",
            f"stated value_max {stated['value_max']} is not greater than stated value {stated['value']}",
        )
    period = record.get("period")
    if isinstance(period, dict) and period["start"] > period["end"]:
        yield Problem(pointer((*path, "period")), "period-order", f"period starts {period['start']}, after its end {period['end']}")


def check_record(record: dict[str, Any], path: tuple[str | int, ...] = ()) -> list[Problem]:
    """The rules that apply to a single record on its own."""
    return [*check_record_spans(record, path), *check_record_ranges(record, path)]


def check_dataset(dataset: dict[str, Any]) -> list[Problem]:
    """Every semantic rule on a whole dataset."""
    problems: list[Problem] = []
    ids: dict[str, dict[str, int]] = {}
    for collection in COLLECTIONS:
        seen: dict[str, int] = {}
        for index, record in enumerate(dataset.get(collection, [])):
            if record["id"] in seen:
                problems.append(
                    Problem(
                        pointer((collection, index, "id")),
                        "unique-ids",
                        f"id {record['id']!r} is already used at /{collection}/{seen[record['id']]}",
                    )
                )
            else:
                seen[record["id"]] = index
            problems.extend(check_record(record, (collection, index)))
        ids[collection] = seen

    def resolve(value: Any, target: str, path: tuple[str | int, ...]) -> None:
        if value is not None and value not in ids[target]:
            problems.append(Problem(pointer(path), "reference-resolves", f"{value!r} is not an id in {target}"))

    for collection, fields in _REFERENCES.items():
        for index, record in enumerate(dataset.get(collection, [])):
            for field, target in fields:
                resolve(record.get(field), target, (collection, index, field))
    for index, chapter in enumerate(dataset.get("chapters", [])):
        for position, paragraph_id in enumerate(chapter["paragraph_ids"]):
            resolve(paragraph_id, "paragraphs", ("chapters", index, "paragraph_ids", position))
    for index, measure in enumerate(dataset.get("measures", [])):
        for position, target_id in enumerate(measure["target_ids"]):
            resolve(target_id, "targets", ("measures", index, "target_ids", position))
        for position, assignment in enumerate(measure["bodies"]):
            resolve(assignment["body_id"], "bodies", ("measures", index, "bodies", position, "body_id"))
    problems.extend(_check_consistency(dataset, ids))
    problems.extend(_check_texts(dataset))
    expected = content_hash(dataset)
    if dataset["release"]["content_hash"] != expected:
        problems.append(
            Problem(
                "/release/content_hash",
                "content-hash",
                f"content hash is {dataset['release']['content_hash']} but the records hash to {expected}",
            )
        )
    return problems


def _check_consistency(dataset: dict[str, Any], ids: dict[str, dict[str, int]]) -> Iterator[Problem]:
    chapters = dataset.get("chapters", [])
    for index, chapter in enumerate(chapters):
        position = ids["chapters"].get(chapter.get("parent_id"))
        if position is None:
            continue
        parent = chapters[position]
        if parent.get("level") != "part" or parent["document_id"] != chapter["document_id"]:
            yield Problem(
                pointer(("chapters", index, "parent_id")),
                "reference-consistent",
                f"chapter {parent['id']!r} is not a part of document {chapter['document_id']!r}",
            )
    measures = dataset.get("measures", [])
    paragraphs = dataset.get("paragraphs", [])
    for index, target in enumerate(dataset.get("targets", [])):
        position = ids["measures"].get(target["measure_id"])
        if position is not None and target["id"] not in measures[position]["target_ids"]:
            yield Problem(
                pointer(("targets", index, "measure_id")),
                "reference-consistent",
                f"measure {target['measure_id']!r} does not list target {target['id']!r}",
            )
    for collection in ("measures", "results"):
        for index, record in enumerate(dataset.get(collection, [])):
            position = ids["paragraphs"].get(record["paragraph_id"])
            if position is not None and paragraphs[position]["chapter_id"] != record["chapter_id"]:
                yield Problem(
                    pointer((collection, index, "chapter_id")),
                    "reference-consistent",
                    f"paragraph {record['paragraph_id']!r} is not in chapter {record['chapter_id']!r}",
                )
    for index, measure in enumerate(measures):
        for position_in_list, target_id in enumerate(measure["target_ids"]):
            target_position = ids["targets"].get(target_id)
            if target_position is not None and dataset["targets"][target_position]["measure_id"] != measure["id"]:
                yield Problem(
                    pointer(("measures", index, "target_ids", position_in_list)),
                    "reference-consistent",
                    f"target {target_id!r} belongs to another measure",
                )


def _check_texts(dataset: dict[str, Any]) -> Iterator[Problem]:
    texts = {}
    for index, document in enumerate(dataset.get("documents", [])):
        text = document.get("text")
        if text is None:
            continue
        texts[document["id"]] = text
        preamble = document.get("preamble")
        if preamble is not None and text[preamble["start"] : preamble["end"]] != preamble["quote"]:
            yield Problem(
                pointer(("documents", index, "preamble")),
                "span-quote",
                f"quote {preamble['quote'][:20]!r} is not the text at {preamble['start']}:{preamble['end']}",
            )
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != document["source_sha256"]:
            yield Problem(
                pointer(("documents", index, "source_sha256")),
                "source-hash",
                f"the text hashes to {digest}, not {document['source_sha256']}",
            )
    for collection in ("chapters", "paragraphs", "measures", "targets", "results"):
        for index, record in enumerate(dataset.get(collection, [])):
            text = texts.get(record["document_id"])
            if text is None:
                continue
            for span_path, span in _spans(record, (collection, index)):
                actual = text[span["start"] : span["end"]]
                if actual != span["quote"]:
                    where = f"{span['start']}:{span['end']}"
                    yield Problem(
                        pointer(span_path), "span-quote", f"quote {span['quote'][:20]!r} is not the text at {where} ({actual[:20]!r})"
                    )
