"""The report itself."""

from __future__ import annotations

from pydantic import Field

from ._base import Integer, Record, RecordId
from .codes import Language
from .common import Licence, Period, ProvenanceMap
from .language_map import LanguageMap
from .source_span import SourceSpan


class Document(Record):
    """One government work report (or the part of it that was published)."""

    id: RecordId = Field(title="Document id", description="Stable id of the document, for example shanghai-2012.")
    title: LanguageMap = Field(title="Title", description="Title of the report.")
    year: Integer = Field(ge=1949, le=2100, title="Year", description="The year the report's commitments are for.")
    period: Period = Field(title="Period", description="The period the report's commitments cover.")
    issuer: RecordId = Field(title="Issuer", description="Id of the body that issued the report (see bodies).")
    language: Language = Field(title="Language", description="Language and script of the source text (zh-Hant or zh-Hans).")
    source_sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$", title="Source SHA-256", description="SHA-256 of the source text's UTF-8 bytes, in hex."
    )
    licence: Licence = Field(title="Licence", description="Terms of the source text.")
    preamble: SourceSpan | None = Field(
        default=None,
        title="Preamble",
        description="The text before the first chapter heading (各位代表:…), first to last character; absent when there is none.",
    )
    note: LanguageMap | None = Field(default=None, title="Note", description="What the published text holds, if not the whole report.")
    text: str | None = Field(
        default=None, min_length=1, title="Text", description="The exact source text that every span indexes into, when included."
    )
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (title/en)."
    )
