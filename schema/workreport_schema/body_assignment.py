"""Which body answers for a measure, and on what basis."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from ._base import Record, RecordId
from .codes import AssignmentBasis, BodyRole
from .source_span import SourceSpan

_RULES: JsonDict = {
    "allOf": [
        {
            "if": {"properties": {"basis": {"const": "explicit"}}, "required": ["basis"]},
            "then": {"required": ["source"]},
        },
        {
            "if": {"properties": {"basis": {"const": "curated"}}, "required": ["basis"]},
            "then": {"required": ["rationale"]},
        },
    ]
}


class BodyAssignment(Record):
    """A body attached to a measure.

    The basis says how we know: ``explicit`` (named in the text; ``source`` is
    the name's span), ``curated`` (a reviewer's assignment; ``rationale`` says
    why) or ``issuer`` (nothing more specific is known). An inference is never
    presented as if the text said it.
    """

    model_config = ConfigDict(json_schema_extra=_RULES)

    body_id: RecordId = Field(title="Body id", description="Id of the responsible body (see bodies).")
    role: BodyRole = Field(title="Role", description="What the body does for the measure (codelist body_role).")
    basis: AssignmentBasis = Field(title="Basis", description="How the assignment is known (codelist assignment_basis).")
    rationale: str | None = Field(
        default=None, min_length=1, title="Rationale", description="For curated assignments: the reviewer's one-line reason."
    )
    source: SourceSpan | None = Field(
        default=None, title="Source span", description="For explicit assignments: where the text names the body."
    )

    @model_validator(mode="after")
    def _basis_needs(self) -> BodyAssignment:
        if self.basis is AssignmentBasis.EXPLICIT and self.source is None:
            raise ValueError("an explicit assignment needs the source span of the name")
        if self.basis is AssignmentBasis.CURATED and self.rationale is None:
            raise ValueError("a curated assignment needs a rationale")
        return self
