"""Organisations that answer for measures (Popolo-like)."""

from __future__ import annotations

from pydantic import Field

from ._base import Record, RecordId
from .codes import BODY_CLASSIFICATION_PATTERN, BodyClassification
from .common import ProvenanceMap
from .language_map import LanguageMap


class ResponsibleBody(Record):
    """A government body or other organisation."""

    id: RecordId = Field(title="Body id", description="Stable id, {jurisdiction}.{slug}, shared by every document that names the body.")
    names: LanguageMap = Field(title="Names", description="The body's official name.")
    classification: str = Field(
        pattern=BODY_CLASSIFICATION_PATTERN,
        title="Classification",
        description="Kind of organisation: a code of the open codelist body_classification ("
        + ", ".join(code.value for code in BodyClassification)
        + "). New codes come in minor releases; read an unknown code as another kind of organisation.",
        examples=["government_department"],
    )
    parent_id: RecordId | None = Field(default=None, title="Parent id", description="Id of the body this one belongs to, if any.")
    other_names: list[str] = Field(
        default_factory=list, title="Other names", description="Short forms and former names as they appear in texts (市教委)."
    )
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (names/en)."
    )
