"""Fixture folders of the schema tests."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLES = Path(__file__).parent / "examples"


def fixture_files(kind: str) -> list[Path]:
    """Every JSON fixture of one kind (valid, invalid, semantic), EXPECTED.json excluded."""
    return sorted(path for path in (EXAMPLES / kind).glob("*.json") if path.name != "EXPECTED.json")


def expected(kind: str) -> dict[str, dict[str, str]]:
    """What each fixture of a kind must produce: {file name: {rule, path}}."""
    data: dict[str, dict[str, str]] = json.loads((EXAMPLES / kind / "EXPECTED.json").read_text(encoding="utf-8"))
    return data
