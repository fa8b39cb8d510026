from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.chapter_level import ChapterLevel
from ..models.chapter_role import ChapterRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.chapter_provenance import ChapterProvenance
    from ..models.language_map import LanguageMap
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="Chapter")


@_attrs_define
class Chapter:
    """A chapter, numbered as in the source: the seed's first chapter is (三), ordinal 3. A whole report has parts
    (一、過去一年的工作) with sections ((一)…) under them; an excerpt may hold sections only. Sections point to their part with
    ``parent_id``; a part carries the ``role`` its heading states. (workreport schema 1.6.0)

        Attributes:
            id (str): Stable id: {document}.c{ordinal:02} for a section with no part, {document}.pt{ordinal:02} for a part,
                {part}.c{ordinal:02} for a section under a part.
            document_id (str): Id of the document the chapter belongs to.
            ordinal (int): The chapter's number as given in the source (三 = 3); sections restart at 1 in each part.
            numeral (str): The number exactly as written in the heading (三).
            title (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

                The source language is kept as written; zh-Hans is derived with OpenCC and
                English is curated. Which is which is recorded in the owning record's
                ``provenance``.
            paragraph_ids (list[str]): Ids of the chapter's own paragraphs (not its sections'), in source order.
            source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
                points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
                language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
                text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
            level (ChapterLevel | Unset): Where a chapter sits in the report's structure (codelist ``chapter_level``).
            parent_id (str | Unset): Id of the part a section is under; absent for parts and for sections with no part.
            role (ChapterRole | Unset): What a top-level part of a report does, as its heading says (codelist
                ``chapter_role``).
            provenance (ChapterProvenance | Unset): Where each label came from, keyed by field and language (title/en).
    """

    id: str
    document_id: str
    ordinal: int
    numeral: str
    title: LanguageMap
    paragraph_ids: list[str]
    source: SourceSpan
    level: ChapterLevel | Unset = UNSET
    parent_id: str | Unset = UNSET
    role: ChapterRole | Unset = UNSET
    provenance: ChapterProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document_id = self.document_id

        ordinal = self.ordinal

        numeral = self.numeral

        title = self.title.to_dict()

        paragraph_ids = self.paragraph_ids

        source = self.source.to_dict()

        level: str | Unset = UNSET
        if not isinstance(self.level, Unset):
            level = self.level.value

        parent_id = self.parent_id

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

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
        if level is not UNSET:
            field_dict["level"] = level
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if role is not UNSET:
            field_dict["role"] = role
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

        _level = d.pop("level", UNSET)
        level: ChapterLevel | Unset
        if isinstance(_level, Unset):
            level = UNSET
        else:
            level = ChapterLevel(_level)

        parent_id = d.pop("parent_id", UNSET)

        _role = d.pop("role", UNSET)
        role: ChapterRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = ChapterRole(_role)

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
            level=level,
            parent_id=parent_id,
            role=role,
            provenance=provenance,
        )

        return chapter
