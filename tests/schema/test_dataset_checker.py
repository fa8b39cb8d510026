"""The streaming checker finds what the whole-dataset rules find, whatever order the records come in."""

from __future__ import annotations

import json
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pytest

from workreport_schema import COLLECTIONS, DatasetChecker, Problem, streaming_checker
from workreport_schema.rules import check_dataset

from .conftest import fixture_files


def _orders(data: dict[str, Any]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The records of a dataset in three orders; each collection keeps its own order (its records' indexes)."""
    present = [name for name in COLLECTIONS if name in data]
    in_order = [(name, record) for name in present for record in data[name]]
    reversed_collections = [(name, record) for name in reversed(present) for record in data[name]]
    interleaved = [
        pair for row in zip_longest(*([(name, record) for record in data[name]] for name in present)) for pair in row if pair is not None
    ]
    return {"schema order": in_order, "reversed": reversed_collections, "interleaved": interleaved}


def _stream(records: list[tuple[str, dict[str, Any]]], checker: DatasetChecker | None = None) -> list[Problem]:
    checker = checker or DatasetChecker()
    for collection, record in records:
        checker.add(collection, record)
    return checker.finish()


DATASETS = [path for path in (*fixture_files("semantic"), *fixture_files("valid")) if path.name.startswith("dataset")]


def _valid_dataset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((Path(fixture_files("valid")[0]).parent / "dataset.json").read_text(encoding="utf-8"))
    return data


def test_the_fixtures_include_datasets_with_every_kind_of_problem() -> None:
    assert len(DATASETS) >= 10


@pytest.mark.parametrize("path", DATASETS, ids=lambda path: path.name)
def test_every_order_gives_the_whole_dataset_verdict(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    expected = [problem for problem in check_dataset(data) if problem.rule != "content-hash"]
    for order, records in _orders(data).items():
        assert _stream(records) == expected, order


def test_several_problems_come_out_in_whole_dataset_order() -> None:
    data = _valid_dataset()
    measure = data["measures"][0]
    data["measures"].append(dict(measure))  # unique-ids at the end of measures
    measure["bodies"] = [{**measure["bodies"][0], "body_id": "nobody"}] if measure["bodies"] else measure["bodies"]
    data["targets"][0]["unit"] = "no-unit"
    expected = [problem for problem in check_dataset(data) if problem.rule != "content-hash"]
    assert len(expected) >= 2
    for order, records in _orders(data).items():
        assert _stream(records) == expected, order


def test_a_record_that_breaks_its_schema_is_reported_at_its_place_and_skips_the_rules() -> None:
    data = _valid_dataset()
    broken = dict(data["measures"][0])
    del broken["paragraph_id"]
    records = [(name, record) for name in COLLECTIONS for record in data.get(name, [])]
    records.append(("measures", broken))
    problems = _stream(records, streaming_checker())
    index = len(data["measures"])
    assert [(p.path, p.rule) for p in problems] == [(f"/measures/{index}", "required")]
