from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.body_role import BodyRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="BodyAssignment")


@_attrs_define
class BodyAssignment:
    """A body attached to a measure. The basis says how we know: ``explicit`` (named in the text; ``source`` is the name's
    span), ``curated`` (a reviewer's assignment for this measure; ``rationale`` says why), ``policy_area`` (words of the
    measure signal an area of a reviewed lexicon; ``rationale`` names the area and quotes the words),
    ``paragraph_default`` (a reviewer's default for the paragraph, the last resort before the issuer; ``rationale`` says
    so) or ``issuer`` (nothing more specific is known). An inference is never presented as if the text said it.
    (workreport schema 1.6.0)

        Attributes:
            body_id (str): Id of the responsible body (see bodies).
            role (BodyRole): What a body does for a measure (codelist ``body_role``).
            basis (str): How the assignment is known: a code of the open codelist assignment_basis (explicit, curated,
                issuer, policy_area, paragraph_default). New codes come in minor releases; read an unknown code as an inference
                by a rule you do not know.
            rationale (str | Unset): For curated, policy_area and paragraph_default assignments: why the body answers for
                the measure (for policy_area, the area and the words of the measure that signal it).
            source (SourceSpan | Unset): A slice of the document's exact source text. ``start`` and ``end`` count Unicode
                code points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
                language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
                text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
    """

    body_id: str
    role: BodyRole
    basis: str
    rationale: str | Unset = UNSET
    source: SourceSpan | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body_id = self.body_id

        role = self.role.value

        basis = self.basis

        rationale = self.rationale

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body_id": body_id,
                "role": role,
                "basis": basis,
            }
        )
        if rationale is not UNSET:
            field_dict["rationale"] = rationale
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        body_id = d.pop("body_id")

        role = BodyRole(d.pop("role"))

        basis = d.pop("basis")

        rationale = d.pop("rationale", UNSET)

        _source = d.pop("source", UNSET)
        source: SourceSpan | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = SourceSpan.from_dict(_source)

        body_assignment = cls(
            body_id=body_id,
            role=role,
            basis=basis,
            rationale=rationale,
            source=source,
        )

        return body_assignment
