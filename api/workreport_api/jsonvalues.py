"""The types of parsed JSON: what ``json.loads`` gives back and ``json.dumps`` takes."""

from __future__ import annotations

from typing import TypeAlias

JSONValue: TypeAlias = "str | int | float | bool | list[JSONValue] | dict[str, JSONValue] | None"
JSONObject: TypeAlias = "dict[str, JSONValue]"
"""A JSON object, such as a stored record: its shape is the published JSON Schema's; read it by narrowing."""
