from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.body_assignment import BodyAssignment
    from ..models.language_map import LanguageMap
    from ..models.measure_clause import MeasureClause
    from ..models.measure_frame import MeasureFrame
    from ..models.measure_provenance import MeasureProvenance
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="Measure")


@_attrs_define
class Measure:
    """An action the report commits to, with the bodies that answer for it. (workreport schema 1.6.0)

    Attributes:
        id (str): Stable id, {paragraph}.m{ordinal:02}.
        document_id (str): Id of the document the measure belongs to.
        chapter_id (str): Id of the chapter the measure belongs to.
        paragraph_id (str): Id of the paragraph the measure belongs to.
        ordinal (int): Position of the measure within its paragraph, from 1.
        text (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        bodies (list[BodyAssignment]): Bodies that answer for the measure, each with role and basis; at least one.
        target_ids (list[str]): Ids of the measure's targets, in source order.
        source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
            points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
            language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
            text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
        clauses (list[MeasureClause] | Unset): The measure's clauses in source order, each typed (lead_in, action,
            target, purpose, context, condition), inside the measure's span. Added in 1.5; data made before has none.
        frames (list[MeasureFrame] | Unset): The words the measure is read under, nearest first: for an item of a list
            sentence its first measure's action (落實稅收優惠政策 under 完善中小企業服務體系), then the paragraph's heading (促進各類市場主體發展).
            Added in 1.6; data made before has none.
        provenance (MeasureProvenance | Unset): Where each label came from, keyed by field and language (text/zh-Hans).
    """

    id: str
    document_id: str
    chapter_id: str
    paragraph_id: str
    ordinal: int
    text: LanguageMap
    bodies: list[BodyAssignment]
    target_ids: list[str]
    source: SourceSpan
    clauses: list[MeasureClause] | Unset = UNSET
    frames: list[MeasureFrame] | Unset = UNSET
    provenance: MeasureProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document_id = self.document_id

        chapter_id = self.chapter_id

        paragraph_id = self.paragraph_id

        ordinal = self.ordinal

        text = self.text.to_dict()

        bodies = []
        for bodies_item_data in self.bodies:
            bodies_item = bodies_item_data.to_dict()
            bodies.append(bodies_item)

        target_ids = self.target_ids

        source = self.source.to_dict()

        clauses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.clauses, Unset):
            clauses = []
            for clauses_item_data in self.clauses:
                clauses_item = clauses_item_data.to_dict()
                clauses.append(clauses_item)

        frames: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.frames, Unset):
            frames = []
            for frames_item_data in self.frames:
                frames_item = frames_item_data.to_dict()
                frames.append(frames_item)

        provenance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "document_id": document_id,
                "chapter_id": chapter_id,
                "paragraph_id": paragraph_id,
                "ordinal": ordinal,
                "text": text,
                "bodies": bodies,
                "target_ids": target_ids,
                "source": source,
            }
        )
        if clauses is not UNSET:
            field_dict["clauses"] = clauses
        if frames is not UNSET:
            field_dict["frames"] = frames
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.body_assignment import BodyAssignment  # noqa: PLC0415
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.measure_clause import MeasureClause  # noqa: PLC0415
        from ..models.measure_frame import MeasureFrame  # noqa: PLC0415
        from ..models.measure_provenance import MeasureProvenance  # noqa: PLC0415
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        document_id = d.pop("document_id")

        chapter_id = d.pop("chapter_id")

        paragraph_id = d.pop("paragraph_id")

        ordinal = d.pop("ordinal")

        text = LanguageMap.from_dict(d.pop("text"))

        bodies = []
        _bodies = d.pop("bodies")
        for bodies_item_data in _bodies:
            bodies_item = BodyAssignment.from_dict(bodies_item_data)

            bodies.append(bodies_item)

        target_ids = cast(list[str], d.pop("target_ids"))

        source = SourceSpan.from_dict(d.pop("source"))

        _clauses = d.pop("clauses", UNSET)
        clauses: list[MeasureClause] | Unset = UNSET
        if _clauses is not UNSET:
            clauses = []
            for clauses_item_data in _clauses:
                clauses_item = MeasureClause.from_dict(clauses_item_data)

                clauses.append(clauses_item)

        _frames = d.pop("frames", UNSET)
        frames: list[MeasureFrame] | Unset = UNSET
        if _frames is not UNSET:
            frames = []
            for frames_item_data in _frames:
                frames_item = MeasureFrame.from_dict(frames_item_data)

                frames.append(frames_item)

        _provenance = d.pop("provenance", UNSET)
        provenance: MeasureProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = MeasureProvenance.from_dict(_provenance)

        measure = cls(
            id=id,
            document_id=document_id,
            chapter_id=chapter_id,
            paragraph_id=paragraph_id,
            ordinal=ordinal,
            text=text,
            bodies=bodies,
            target_ids=target_ids,
            source=source,
            clauses=clauses,
            frames=frames,
            provenance=provenance,
        )

        return measure
