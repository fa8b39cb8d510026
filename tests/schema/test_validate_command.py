"""``workreport-schema validate``: exit codes, one line per problem, JSON output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workreport_schema import SCHEMA_VERSION
from workreport_schema.cli import main

from .conftest import EXAMPLES


def test_valid_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "valid" / "dataset.json")]) == 0
    assert "valid dataset" in capsys.readouterr().out


def test_invalid_file_exits_1_with_pointer_rule_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "invalid" / "target-unknown-comparator.json"
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{path}: /comparator: [enum] 'more' is not one of ['eq', 'gte', 'lte', 'approx', 'range'] (schema {SCHEMA_VERSION})"]


def test_semantic_problem_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES / "semantic" / "dataset-wrong-quote.json")]) == 1
    assert "[span-quote]" in capsys.readouterr().out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXAMPLES / "semantic" / "dataset-dangling-unit.json"
    assert main(["validate", "--format", "json", str(path), str(EXAMPLES / "valid" / "unit.json")]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    assert report["schema_version"] == SCHEMA_VERSION
    assert report["files"][0]["problems"] == [
        {"path": "/targets/0/unit", "rule": "reference-resolves", "message": "'km' is not an id in units"}
    ]
    assert report["files"][1] == {"file": str(EXAMPLES / "valid" / "unit.json"), "entity": "unit", "valid": True, "problems": []}


def test_explicit_entity_overrides_the_guess(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--entity", "unit", str(EXAMPLES / "valid" / "body.json")]) == 1
    assert "[additionalProperties]" in capsys.readouterr().out


def test_unknown_entity_shape_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "[entity]" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"a": ', "not JSON"),
        ("dir", "is a directory"),
    ],
    ids=["missing", "not-utf8", "not-json", "directory"],
)
def test_unusable_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "input.json"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert "Traceback" not in captured.err
