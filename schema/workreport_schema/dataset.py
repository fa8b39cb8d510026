"""A data release: documents with all their records."""

from __future__ import annotations

from pydantic import Field

from ._base import Record, Timestamp
from .body import ResponsibleBody
from .chapter import Chapter
from .common import Licence
from .document import Document
from .measure import Measure
from .paragraph import Paragraph
from .result import Result
from .target import Target
from .unit import Unit
from .version import SCHEMA_VERSION


class Release(Record):
    """Release metadata: which data this is, hashed so a change is visible."""

    version: str = Field(min_length=1, max_length=100, title="Release version", description="Version of this data release.")
    content_hash: str = Field(
        pattern=r"^sha256:[0-9a-f]{64}$",
        title="Content hash",
        description="sha256 of the release's records in canonical JSON (sorted keys, no spaces), excluding this block.",
    )
    generated_at: Timestamp = Field(title="Generated at", description="When the release was built (RFC 3339, with time zone).")
    licence: Licence = Field(title="Licence", description="Terms under which the data may be reused.")


class Dataset(Record):
    """One or more documents with every record, plus release metadata."""

    schema_version: str = Field(
        pattern=r"^1\.[0-9]+\.[0-9]+$",
        title="Schema version",
        description=f"Version of the workreport schema the data follows ({SCHEMA_VERSION}); major version 1.",
    )
    release: Release = Field(title="Release", description="Version, content hash, time and licence of the data.")
    documents: list[Document] = Field(title="Documents", description="The reports.")
    chapters: list[Chapter] = Field(title="Chapters", description="Chapters of every document.")
    paragraphs: list[Paragraph] = Field(title="Paragraphs", description="Paragraphs of every chapter.")
    measures: list[Measure] = Field(title="Measures", description="Measures of every paragraph.")
    targets: list[Target] = Field(title="Targets", description="Targets of every measure.")
    results: list[Result] | None = Field(
        default=None,
        title="Results",
        description="Figures reported as achieved (a review of last year); never targets. Absent in data from before 1.2.",
    )
    units: list[Unit] = Field(title="Units", description="Units the targets use.")
    bodies: list[ResponsibleBody] = Field(title="Bodies", description="Bodies the measures and documents refer to.")
