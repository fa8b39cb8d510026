from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.language import Language
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_provenance import DocumentProvenance
    from ..models.language_map import LanguageMap
    from ..models.licence import Licence
    from ..models.period import Period
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """One government work report (or the part of it that was published). (workreport schema 1.6.0)

    Attributes:
        id (str): Stable id of the document, for example shanghai-2012.
        title (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        year (int): The year the report's commitments are for.
        period (Period): A span of calendar days, both ends inclusive.
        issuer (str): Id of the body that issued the report (see bodies).
        language (Language): Language tags allowed in language maps and as a source language (codelist ``language``).
        source_sha256 (str): SHA-256 of the source text's UTF-8 bytes, in hex.
        licence (Licence): The terms under which something may be reused.
        preamble (SourceSpan | Unset): A slice of the document's exact source text. ``start`` and ``end`` count Unicode
            code points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
            language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
            text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
        note (LanguageMap | Unset): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        text (str | Unset): The exact source text that every span indexes into, when included.
        provenance (DocumentProvenance | Unset): Where each label came from, keyed by field and language (title/en).
    """

    id: str
    title: LanguageMap
    year: int
    period: Period
    issuer: str
    language: Language
    source_sha256: str
    licence: Licence
    preamble: SourceSpan | Unset = UNSET
    note: LanguageMap | Unset = UNSET
    text: str | Unset = UNSET
    provenance: DocumentProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title.to_dict()

        year = self.year

        period = self.period.to_dict()

        issuer = self.issuer

        language = self.language.value

        source_sha256 = self.source_sha256

        licence = self.licence.to_dict()

        preamble: dict[str, Any] | Unset = UNSET
        if not isinstance(self.preamble, Unset):
            preamble = self.preamble.to_dict()

        note: dict[str, Any] | Unset = UNSET
        if not isinstance(self.note, Unset):
            note = self.note.to_dict()

        text = self.text

        provenance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title": title,
                "year": year,
                "period": period,
                "issuer": issuer,
                "language": language,
                "source_sha256": source_sha256,
                "licence": licence,
            }
        )
        if preamble is not UNSET:
            field_dict["preamble"] = preamble
        if note is not UNSET:
            field_dict["note"] = note
        if text is not UNSET:
            field_dict["text"] = text
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_provenance import DocumentProvenance  # noqa: PLC0415
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.licence import Licence  # noqa: PLC0415
        from ..models.period import Period  # noqa: PLC0415
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        title = LanguageMap.from_dict(d.pop("title"))

        year = d.pop("year")

        period = Period.from_dict(d.pop("period"))

        issuer = d.pop("issuer")

        language = Language(d.pop("language"))

        source_sha256 = d.pop("source_sha256")

        licence = Licence.from_dict(d.pop("licence"))

        _preamble = d.pop("preamble", UNSET)
        preamble: SourceSpan | Unset
        if isinstance(_preamble, Unset):
            preamble = UNSET
        else:
            preamble = SourceSpan.from_dict(_preamble)

        _note = d.pop("note", UNSET)
        note: LanguageMap | Unset
        if isinstance(_note, Unset):
            note = UNSET
        else:
            note = LanguageMap.from_dict(_note)

        text = d.pop("text", UNSET)

        _provenance = d.pop("provenance", UNSET)
        provenance: DocumentProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = DocumentProvenance.from_dict(_provenance)

        document = cls(
            id=id,
            title=title,
            year=year,
            period=period,
            issuer=issuer,
            language=language,
            source_sha256=source_sha256,
            licence=licence,
            preamble=preamble,
            note=note,
            text=text,
            provenance=provenance,
        )

        return document
