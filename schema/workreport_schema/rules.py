"""Semantic rules: what JSON Schema cannot express.

Each rule has an id, printed with its problems and listed in ``RULES`` (the
schema README documents them). They run on data that already passed the
JSON Schema, so shapes can be trusted here.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from collections.abc import Callable, Iterator
from typing import Any

from .entities import COLLECTIONS
from .hashing import content_hash
from .problems import Problem, pointer

RULES: dict[str, str] = {
    "unique-ids": "Ids are unique within each collection.",
    "reference-resolves": (
        "Every reference to another record (document, chapter, parent chapter, paragraph, measure, a measure's frames, target, "
        "unit, body) resolves, "
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
    checker = DatasetChecker()
    for collection in COLLECTIONS:
        for record in dataset.get(collection, []):
            checker.add(collection, record)
    problems = checker.finish()
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


_RANK = {collection: rank for rank, collection in enumerate(COLLECTIONS)}
_REFERENCE_COLLECTIONS = tuple(_REFERENCES)
_REFERENCE_RANK = {collection: rank for rank, collection in enumerate(_REFERENCE_COLLECTIONS)}
_TEXT_COLLECTIONS = ("chapters", "paragraphs", "measures", "targets", "results")

_SortKey = tuple[int, ...]


def _pack(key: _SortKey) -> int:
    """A reference's sort key as one 64-bit integer: kind (4 bits), sub (4), index (32), position (24).

    Keys are (1, rank, index, field), (2, index, position) and (3, index, list, position).
    """
    match key:
        case (1, sub, index, position) | (3, index, sub, position):
            return key[0] << 60 | sub << 56 | index << 24 | position
        case (2, index, position):
            return 2 << 60 | index << 24 | position
    raise ValueError(f"not a reference key: {key}")


def _unpack(packed: int) -> _SortKey:
    kind, sub, index, position = packed >> 60, (packed >> 56) & 0xF, (packed >> 24) & 0xFFFFFFFF, packed & 0xFFFFFF
    if kind == 2:
        return (kind, index, position)
    return (kind, index, sub, position) if kind == 3 else (kind, sub, index, position)


def _reference(key: _SortKey) -> tuple[str, tuple[str | int, ...]]:
    """The collection a reference points into and the reference's path, from its sort key (kept instead of both)."""
    match key:
        case (1, rank, index, position):
            collection = _REFERENCE_COLLECTIONS[rank]
            field, target = _REFERENCES[collection][position]
            return target, (collection, index, field)
        case (2, index, position):
            return "paragraphs", ("chapters", index, "paragraph_ids", position)
        case (3, index, 0, position):
            return "targets", ("measures", index, "target_ids", position)
        case (3, index, 1, position):
            return "bodies", ("measures", index, "bodies", position, "body_id")
        case (3, index, 2, position):
            return "measures", ("measures", index, "frames", position, "measure_id")
    raise ValueError(f"not a reference key: {key}")


class DatasetChecker:
    """The semantic rules (all but content-hash), fed one record at a time in any order.

    Why: a large source's records are spooled to disk rather than held in
    memory, so the rules cannot look at whole collections. The checker keeps
    only ids and the few fields the cross-record rules compare; a reference to
    a record not seen yet is checked at ``finish``. Problems come out in the
    order of a whole-dataset pass (collections in schema order, records by
    position), whatever the order the records came in.
    """

    def __init__(self, schema: Callable[[Any, str], list[Problem]] | None = None) -> None:
        """``schema`` (``workreport_schema.schema_problems``) checks each record against its entity's JSON Schema first;
        a record that fails it is reported and left out of the other rules."""
        self._schema = schema
        self._problems: list[tuple[_SortKey, Problem]] = []
        self._ids: dict[str, dict[str, int]] = {collection: {} for collection in COLLECTIONS}
        self._pending_keys = array("q")  # packed sort keys of references still to resolve, 8 bytes each
        self._pending_values: list[str] = []  # their values, interned: a pointer each
        self._texts: dict[str, str] = {}
        self._unplaced_spans: list[tuple[str, str, int, list[tuple[tuple[str | int, ...], dict[str, Any]]]]] = []
        self._chapters: dict[str, tuple[str, str]] = {}
        self._chapter_parents: list[tuple[int, str, str]] = []
        self._paragraph_chapters: dict[str, str] = {}
        self._placed: list[tuple[str, int, str, str]] = []
        self._target_measures: dict[str, str] = {}
        self._targets: list[tuple[int, str, str]] = []
        self._measure_targets: dict[str, tuple[str, ...]] = {}
        self._measures: list[tuple[int, str, tuple[str, ...]]] = []
        self._counts: dict[str, int] = {}

    def add(self, collection: str, record: dict[str, Any]) -> None:
        """Check one record (already valid against its entity's JSON Schema, unless the checker has ``schema``).

        Its index in problems' paths is its position among the records of its collection added so far.
        """
        seen = self._ids[collection]
        index = self._counts.get(collection, 0)
        rank = _RANK[collection]
        path: tuple[str | int, ...] = (collection, index)
        self._counts[collection] = index + 1
        if self._schema is not None:
            shape = self._schema(record, COLLECTIONS[collection])
            for number, problem in enumerate(shape):
                self._report((0, rank, index, number), Problem(pointer(path) + problem.path, problem.rule, problem.message))
            if shape:
                return
        first = record["id"] not in seen
        if first:
            seen[record["id"]] = index
        else:
            self._report(
                (0, rank, index, 0),
                Problem(pointer((*path, "id")), "unique-ids", f"id {record['id']!r} is already used at /{collection}/{seen[record['id']]}"),
            )
        for number, problem in enumerate(check_record(record, path), start=1):
            self._report((0, rank, index, number), problem)
        for position, (field, _) in enumerate(_REFERENCES.get(collection, [])):
            self._refer((1, _REFERENCE_RANK[collection], index, position), record.get(field))
        self._remember(collection, index, record, first)
        if collection == "documents":
            self._document(index, record)
        elif collection in _TEXT_COLLECTIONS:
            spans = list(_spans(record, path))
            text = self._texts.get(record["document_id"])
            if text is None:
                self._unplaced_spans.append((record["document_id"], collection, index, spans))
            else:
                self._check_spans(text, collection, index, spans)

    def finish(self) -> list[Problem]:
        """Every problem found, in whole-dataset order; call once, after the last record."""
        for packed, value in zip(self._pending_keys, self._pending_values, strict=True):
            key = _unpack(packed)
            target, path = _reference(key)
            if value not in self._ids[target]:
                self._report(key, Problem(pointer(path), "reference-resolves", f"{value!r} is not an id in {target}"))
        for document_id, collection, index, spans in self._unplaced_spans:
            text = self._texts.get(document_id)
            if text is not None:
                self._check_spans(text, collection, index, spans)
        self._check_consistency()
        return [problem for _, problem in sorted(self._problems, key=lambda item: item[0])]

    def _report(self, key: _SortKey, problem: Problem) -> None:
        self._problems.append((key, problem))

    def _refer(self, key: _SortKey, value: Any) -> None:
        """Rule reference-resolves: now if the target is known, else at ``finish``."""
        if value is not None and value not in self._ids[_reference(key)[0]]:
            self._pending_keys.append(_pack(key))
            self._pending_values.append(sys.intern(value))

    def _remember(self, collection: str, index: int, record: dict[str, Any], first: bool) -> None:
        """The references of a record and the fields the consistency rules compare (the first record of an id wins)."""
        record_id = record["id"]
        if collection == "chapters":
            for position, paragraph_id in enumerate(record["paragraph_ids"]):
                self._refer((2, index, position), paragraph_id)
            if first:
                self._chapters[record_id] = (record.get("level", ""), record["document_id"])
            if record.get("parent_id") is not None:
                self._chapter_parents.append((index, record["parent_id"], record["document_id"]))
        elif collection == "paragraphs":
            if first:
                self._paragraph_chapters[record_id] = record["chapter_id"]
        elif collection == "measures":
            target_ids = tuple(record["target_ids"])
            for position, target_id in enumerate(target_ids):
                self._refer((3, index, 0, position), target_id)
            for position, assignment in enumerate(record["bodies"]):
                self._refer((3, index, 1, position), assignment["body_id"])
            for position, frame in enumerate(record.get("frames") or ()):
                self._refer((3, index, 2, position), frame["measure_id"])
            if first and target_ids:
                self._measure_targets[record_id] = target_ids
            if target_ids:
                self._measures.append((index, record_id, target_ids))
            self._place(collection, index, record)
        elif collection == "targets":
            if first:
                self._target_measures[record_id] = record["measure_id"]
            self._targets.append((index, record_id, record["measure_id"]))
        elif collection == "results":
            self._place(collection, index, record)

    def _place(self, collection: str, index: int, record: dict[str, Any]) -> None:
        """Rule reference-consistent for a measure's or result's paragraph: now if it is known, else at ``finish``."""
        placement = (collection, index, record["paragraph_id"], record["chapter_id"])
        if record["paragraph_id"] in self._paragraph_chapters:
            self._check_placement(*placement)
        else:
            self._placed.append(placement)

    def _check_placement(self, collection: str, index: int, paragraph_id: str, chapter_id: str) -> None:
        chapter_of_paragraph = self._paragraph_chapters.get(paragraph_id)
        if chapter_of_paragraph is not None and chapter_of_paragraph != chapter_id:
            self._report(
                (4, 2 if collection == "measures" else 3, index),
                Problem(
                    pointer((collection, index, "chapter_id")),
                    "reference-consistent",
                    f"paragraph {paragraph_id!r} is not in chapter {chapter_id!r}",
                ),
            )

    def _document(self, index: int, document: dict[str, Any]) -> None:
        """Rules span-quote (preamble) and source-hash, when the text is included."""
        text = document.get("text")
        if text is None:
            return
        self._texts.setdefault(document["id"], text)
        preamble = document.get("preamble")
        if preamble is not None and text[preamble["start"] : preamble["end"]] != preamble["quote"]:
            self._report(
                (5, 0, index, 0),
                Problem(
                    pointer(("documents", index, "preamble")),
                    "span-quote",
                    f"quote {preamble['quote'][:20]!r} is not the text at {preamble['start']}:{preamble['end']}",
                ),
            )
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != document["source_sha256"]:
            self._report(
                (5, 0, index, 1),
                Problem(
                    pointer(("documents", index, "source_sha256")),
                    "source-hash",
                    f"the text hashes to {digest}, not {document['source_sha256']}",
                ),
            )

    def _check_spans(self, text: str, collection: str, index: int, spans: list[tuple[tuple[str | int, ...], dict[str, Any]]]) -> None:
        """Rule span-quote on one record's spans."""
        for number, (span_path, span) in enumerate(spans):
            actual = text[span["start"] : span["end"]]
            if actual != span["quote"]:
                where = f"{span['start']}:{span['end']}"
                self._report(
                    (5, 1, _TEXT_COLLECTIONS.index(collection), index, number),
                    Problem(pointer(span_path), "span-quote", f"quote {span['quote'][:20]!r} is not the text at {where} ({actual[:20]!r})"),
                )

    def _check_consistency(self) -> None:
        """Rule reference-consistent, once every record is in."""
        for index, parent_id, document_id in self._chapter_parents:
            parent = self._chapters.get(parent_id)
            if parent is not None and (parent[0] != "part" or parent[1] != document_id):
                self._report(
                    (4, 0, index),
                    Problem(
                        pointer(("chapters", index, "parent_id")),
                        "reference-consistent",
                        f"chapter {parent_id!r} is not a part of document {document_id!r}",
                    ),
                )
        for index, target_id, measure_id in self._targets:
            listed = self._measure_targets.get(measure_id, () if measure_id in self._ids["measures"] else None)
            if listed is not None and target_id not in listed:
                self._report(
                    (4, 1, index),
                    Problem(
                        pointer(("targets", index, "measure_id")),
                        "reference-consistent",
                        f"measure {measure_id!r} does not list target {target_id!r}",
                    ),
                )
        for placement in self._placed:
            self._check_placement(*placement)
        for index, measure_id, target_ids in self._measures:
            for position, target_id in enumerate(target_ids):
                owner = self._target_measures.get(target_id)
                if owner is not None and owner != measure_id:
                    self._report(
                        (4, 4, index, position),
                        Problem(
                            pointer(("measures", index, "target_ids", position)),
                            "reference-consistent",
                            f"target {target_id!r} belongs to another measure",
                        ),
                    )
