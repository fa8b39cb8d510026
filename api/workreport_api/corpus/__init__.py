"""Batch ingest: many reports from a manifest or document folders, extracted in parallel, loaded one at a time."""

from .batch import Extraction, Outcome, extract_all, extract_entry, ingest
from .display import Progress, closing_table
from .manifest import Entry, ManifestError, read_folders, read_manifest

__all__ = [
    "Entry",
    "Extraction",
    "ManifestError",
    "Outcome",
    "Progress",
    "closing_table",
    "extract_all",
    "extract_entry",
    "ingest",
    "read_folders",
    "read_manifest",
]
