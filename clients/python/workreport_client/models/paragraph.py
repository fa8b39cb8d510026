from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="Paragraph")


@_attrs_define
class Paragraph:
    """A paragraph, numbered from 1 within its chapter. (workreport schema 1.6.0)

    Attributes:
        id (str): Stable id, {chapter}.p{ordinal:02}.
        document_id (str): Id of the document the paragraph belongs to.
        chapter_id (str): Id of the chapter the paragraph belongs to.
        ordinal (int): Position of the paragraph within its chapter, from 1.
        source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
            points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
            language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
            text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
    """

    id: str
    document_id: str
    chapter_id: str
    ordinal: int
    source: SourceSpan

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document_id = self.document_id

        chapter_id = self.chapter_id

        ordinal = self.ordinal

        source = self.source.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "document_id": document_id,
                "chapter_id": chapter_id,
                "ordinal": ordinal,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        document_id = d.pop("document_id")

        chapter_id = d.pop("chapter_id")

        ordinal = d.pop("ordinal")

        source = SourceSpan.from_dict(d.pop("source"))

        paragraph = cls(
            id=id,
            document_id=document_id,
            chapter_id=chapter_id,
            ordinal=ordinal,
            source=source,
        )

        return paragraph
