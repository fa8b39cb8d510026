"""content_hash is fed record by record but hashes exactly the canonical JSON of the whole dataset."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from workreport_schema import canonical_json, content_hash

from ..conftest import SEED_DATASET


def one_shot(dataset: dict[str, Any]) -> str:
    body = {key: value for key, value in dataset.items() if key != "release"}
    return "sha256:" + hashlib.sha256(canonical_json(body)).hexdigest()


@pytest.mark.parametrize(
    "dataset",
    [
        json.loads(SEED_DATASET.read_text(encoding="utf-8")),
        {"release": {"x": 1}},
        {"schema_version": "1.0.0", "documents": [], "units": [{"b": 1, "a": "養"}], "z": {"k": [1, 2]}},
        {"a": [[1], {"y": None, "x": "\u2028"}], "b": "\ud7ff"},
    ],
    ids=["seed", "empty", "mixed", "nested"],
)
def test_same_hash_as_the_whole_canonical_json(dataset: dict[str, Any]) -> None:
    assert content_hash(dataset) == one_shot(dataset)


def test_the_seed_hash_is_the_published_one() -> None:
    dataset = json.loads(SEED_DATASET.read_text(encoding="utf-8"))
    assert content_hash(dataset) == dataset["release"]["content_hash"]
