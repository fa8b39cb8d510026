"""Validate JSON against the published schema, then the semantic rules."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from . import published
from .problems import Problem, pointer
from .rules import DatasetChecker, check_dataset, check_record

# Keys that only one entity has; the first match names the entity of a single-record file.
_SIGNATURES: list[tuple[str, frozenset[str]]] = [
    ("dataset", frozenset({"schema_version", "release"})),
    ("document", frozenset({"source_sha256"})),
    ("result", frozenset({"estimate", "period_basis"})),
    ("target", frozenset({"measure_id"})),
    ("measure", frozenset({"paragraph_id", "bodies"})),
    ("chapter", frozenset({"numeral"})),
    ("paragraph", frozenset({"chapter_id"})),
    ("unit", frozenset({"ucum"})),
    ("body", frozenset({"classification"})),
    ("body_assignment", frozenset({"body_id", "basis"})),
    ("source_span", frozenset({"start", "end", "quote"})),
]


MESSAGE_LIMIT = 300


class UnusableInput(Exception):
    """The input cannot be validated at all (missing, not UTF-8, not JSON)."""


@dataclass
class Report:
    """The verdict on one file."""

    file: str
    entity: str | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def guess_entity(data: Any) -> str | None:
    """Which entity a JSON value looks like, from keys only that entity has."""
    if not isinstance(data, dict):
        return None
    for entity, keys in _SIGNATURES:
        if keys <= data.keys():
            return entity
    return None


@cache
def validator(entity: str) -> Draft202012Validator:
    """A draft 2020-12 validator (with format checks) for one published entity."""
    return Draft202012Validator(published.load_published_schema(entity), registry=published.registry(), format_checker=FormatChecker())


def schema_problems(data: Any, entity: str) -> list[Problem]:
    """What the published JSON Schema says about the data, most specific path first."""
    errors = sorted(validator(entity).iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    return [Problem(pointer(list(error.absolute_path)), str(error.validator), _short(error.message)) for error in errors]


def streaming_checker() -> DatasetChecker:
    """A checker for records fed one at a time (a spooled extraction): each record's JSON Schema, then the rules."""
    return DatasetChecker(schema=schema_problems)


def _short(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """jsonschema repeats whole instances in some messages; keep one readable line."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


def validate_data(data: Any, entity: str | None = None) -> tuple[str | None, list[Problem]]:
    """Validate a parsed JSON value; returns the entity used and the problems."""
    entity = entity or guess_entity(data)
    if entity is None:
        return None, [Problem("", "entity", "cannot tell which entity this is; pass --entity")]
    problems = schema_problems(data, entity)
    if problems:
        return entity, problems
    if entity == "dataset":
        return entity, check_dataset(data)
    return entity, check_record(data)


def read_json(path: Path) -> Any:
    """Parse a file as UTF-8 JSON, or raise UnusableInput with a one-line reason."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnusableInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UnusableInput(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise UnusableInput(f"{path}: cannot read: {error.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnusableInput(f"{path}: not UTF-8 (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UnusableInput(f"{path}: not JSON: {error.msg} at line {error.lineno} column {error.colno}") from None


def validate_file(path: Path, entity: str | None = None) -> Report:
    """Validate one file (raises UnusableInput when it cannot be read as JSON)."""
    data = read_json(path)
    used, problems = validate_data(data, entity)
    return Report(str(path), used, problems)
