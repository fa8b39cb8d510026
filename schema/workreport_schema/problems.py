"""A validation problem: where, which rule, what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


def pointer(parts: tuple[str | int, ...] | list[str | int]) -> str:
    """RFC 6901 JSON Pointer for a path (``/measures/3/bodies/0``)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in a file."""

    path: str
    """JSON Pointer to the offending value ('' is the whole document)."""
    rule: str
    """A JSON Schema keyword (required, pattern...) or a semantic rule id (span-quote...)."""
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "rule": self.rule, "message": self.message}
