"""Codelists as published CSV files (OCDS style), readable without pandas."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

CODELIST_FOLDER = "codelists"


@dataclass(frozen=True)
class Codelist:
    """A codelist: its name and its rows (column name → cell)."""

    name: str
    rows: tuple[dict[str, str], ...]

    @property
    def codes(self) -> list[str]:
        """The codes, in file order."""
        return [row["Code"] for row in self.rows]

    def row(self, code: str) -> dict[str, str]:
        """The row of one code (KeyError when unknown)."""
        for row in self.rows:
            if row["Code"] == code:
                return row
        raise KeyError(code)


def codelist_names() -> list[str]:
    """Every codelist shipped with the schema, by name."""
    folder = resources.files(__package__).joinpath(CODELIST_FOLDER)
    return sorted(entry.name.removesuffix(".csv") for entry in folder.iterdir() if entry.name.endswith(".csv"))


@cache
def load_codelist(name: str) -> Codelist:
    """Read ``codelists/<name>.csv``."""
    text = resources.files(__package__).joinpath(CODELIST_FOLDER, f"{name}.csv").read_text(encoding="utf-8")
    return Codelist(name, tuple(csv.DictReader(io.StringIO(text))))
