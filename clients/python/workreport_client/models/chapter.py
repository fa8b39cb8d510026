from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chapter_provenance import ChapterProvenance
    from ..models.language_map import LanguageMap
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="Chapter")


@_attrs_define
class Chapter:
    """A chapter, numbered as in the source: the seed's first chapter is (三), ordinal 3. (workreport schema 1.0.0)

    Attributes:
        id (str): Stable id, {document}.c{ordinal:02}.
        document_id (str): Id of the document the chapter belongs to.
        ordinal (int): The chapter's number as given in the source (三 = 3).
        numeral (str): The number exactly as written in the heading (三).
        title (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        paragraph_ids (list[str]): Ids of the chapter's paragraphs, in source order.
        source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
            points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
            language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
            text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.0.0)
        provenance (ChapterProvenance | Unset): Where each label came from, keyed by field and language (title/en).
    """

    id: str
    document_id: str
    ordinal: int
    numeral: str
    title: LanguageMap
    paragraph_ids: list[str]
    source: SourceSpan
    provenance: ChapterProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document_id = self.document_id

        ordinal = self.ordinal

        numeral = self.numeral

        title = self.title.to_dict()

        paragraph_ids = self.paragraph_ids

        source = self.source.to_dict()

        provenance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "document_id": document_id,
                "ordinal": ordinal,
                "numeral": numeral,
                "title": title,
                "paragraph_ids": paragraph_ids,
                "source": source,
            }
        )
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chapter_provenance import ChapterProvenance  # noqa: PLC0415
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        document_id = d.pop("document_id")

        ordinal = d.pop("ordinal")

        numeral = d.pop("numeral")

        title = LanguageMap.from_dict(d.pop("title"))

        paragraph_ids = cast(list[str], d.pop("paragraph_ids"))

        source = SourceSpan.from_dict(d.pop("source"))

        _provenance = d.pop("provenance", UNSET)
        provenance: ChapterProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = ChapterProvenance.from_dict(_provenance)

        chapter = cls(
            id=id,
            document_id=document_id,
            ordinal=ordinal,
            numeral=numeral,
            title=title,
            paragraph_ids=paragraph_ids,
            source=source,
            provenance=provenance,
        )

        return chapter
