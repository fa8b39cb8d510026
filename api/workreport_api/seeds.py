"""Bundled documents under seeds/: their datasets, ready to load."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workreport_pipeline import PIPELINE_ERRORS, extract_files
from workreport_schema import DatasetJSON, UnusableInput, read_json


class SeedError(Exception):
    """A bundled document cannot be read; one line for the user."""


@dataclass(frozen=True)
class Seed:
    folder: Path

    @property
    def name(self) -> str:
        return self.folder.name

    def dataset(self) -> DatasetJSON:
        """The committed dataset.json, or the pipeline's result when a seed has only its text."""
        committed = self.folder / "dataset.json"
        try:
            if committed.exists():
                data: DatasetJSON = read_json(committed)
                return data
            curation = self.folder / "curation"
            return extract_files(self.folder / "source.txt", self.folder / "document.toml", curation if curation.is_dir() else None)
        except UnusableInput as error:
            raise SeedError(str(error)) from None
        except PIPELINE_ERRORS as error:
            raise SeedError(f"{self.folder}: {error}") from None


def bundled(seeds_dir: Path) -> Iterator[Seed]:
    """Every folder of seeds_dir holding a dataset.json or a source.txt with a document.toml, by name."""
    if not seeds_dir.is_dir():
        raise SeedError(f"{seeds_dir}: no such folder")
    for folder in sorted(p for p in seeds_dir.iterdir() if p.is_dir()):
        if (folder / "dataset.json").exists() or ((folder / "source.txt").exists() and (folder / "document.toml").exists()):
            yield Seed(folder)
