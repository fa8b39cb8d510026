from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.frame_basis import FrameBasis

if TYPE_CHECKING:
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="MeasureFrame")


@_attrs_define
class MeasureFrame:
    """The words a list measure is read under, elsewhere in its sentence or paragraph.

    Why: 落實稅收優惠政策 is one commitment with its own body (the tax bureaus), yet alone it
    does not say whose taxes; the sentence says so once, in 完善中小企業服務體系. Merging
    the list would lose the per-instrument bodies, so the measure keeps its own words and
    points at the words that frame it.

        Attributes:
            basis (FrameBasis): Why a measure is read under another measure's words (codelist ``frame_basis``).
            measure_id (str): Id of the measure whose words frame this one.
            source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
                points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
                language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
                text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
    """

    basis: FrameBasis
    measure_id: str
    source: SourceSpan

    def to_dict(self) -> dict[str, Any]:
        basis = self.basis.value

        measure_id = self.measure_id

        source = self.source.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "basis": basis,
                "measure_id": measure_id,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        basis = FrameBasis(d.pop("basis"))

        measure_id = d.pop("measure_id")

        source = SourceSpan.from_dict(d.pop("source"))

        measure_frame = cls(
            basis=basis,
            measure_id=measure_id,
            source=source,
        )

        return measure_frame
