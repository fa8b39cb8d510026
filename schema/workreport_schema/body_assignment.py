"""Which body answers for a measure, and on what basis."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from ._base import Record, RecordId
from .codes import ASSIGNMENT_BASIS_PATTERN, AssignmentBasis, BodyRole
from .source_span import SourceSpan

_RULES: JsonDict = {
    "allOf": [
        {
            "if": {"properties": {"basis": {"const": "explicit"}}, "required": ["basis"]},
            "then": {"required": ["source"]},
        },
        {
            "if": {"properties": {"basis": {"enum": ["curated", "policy_area", "paragraph_default"]}}, "required": ["basis"]},
            "then": {"required": ["rationale"]},
        },
    ]
}

_NEEDS_RATIONALE = (AssignmentBasis.CURATED, AssignmentBasis.POLICY_AREA, AssignmentBasis.PARAGRAPH_DEFAULT)


class BodyAssignment(Record):
    """A body attached to a measure.

    The basis says how we know: ``explicit`` (named in the text; ``source`` is
    the name's span), ``curated`` (a reviewer's assignment for this measure;
    ``rationale`` says why), ``policy_area`` (words of the measure signal an area
    of a reviewed lexicon; ``rationale`` names the area and quotes the words),
    ``paragraph_default`` (a reviewer's default for the paragraph, the last
    resort before the issuer; ``rationale`` says so) or ``issuer`` (nothing more
    specific is known). An inference is never presented as if the text said it.
    """

    model_config = ConfigDict(json_schema_extra=_RULES)

    body_id: RecordId = Field(title="Body id", description="Id of the responsible body (see bodies).")
    role: BodyRole = Field(title="Role", description="What the body does for the measure (codelist body_role).")
    basis: str = Field(
        pattern=ASSIGNMENT_BASIS_PATTERN,
        title="Basis",
        description="How the assignment is known: a code of the open codelist assignment_basis ("
        + ", ".join(code.value for code in AssignmentBasis)
        + "). New codes come in minor releases; read an unknown code as an inference by a rule you do not know.",
        examples=["policy_area"],
    )
    rationale: str | None = Field(
        default=None,
        min_length=1,
        title="Rationale",
        description="For curated, policy_area and paragraph_default assignments: why the body answers for the measure "
        "(for policy_area, the area and the words of the measure that signal it).",
    )
    source: SourceSpan | None = Field(
        default=None, title="Source span", description="For explicit assignments: where the text names the body."
    )

    @model_validator(mode="after")
    def _basis_needs(self) -> BodyAssignment:
        if self.basis == AssignmentBasis.EXPLICIT and self.source is None:
            raise ValueError("an explicit assignment needs the source span of the name")
        if self.basis in _NEEDS_RATIONALE and self.rationale is None:
            raise ValueError(f"a {self.basis} assignment needs a rationale")
        return self
