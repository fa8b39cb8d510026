from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.language_map import LanguageMap
    from ..models.responsible_body_provenance import ResponsibleBodyProvenance


T = TypeVar("T", bound="ResponsibleBody")


@_attrs_define
class ResponsibleBody:
    """A government body or other organisation. (workreport schema 1.6.0)

    Attributes:
        id (str): Stable id, {jurisdiction}.{slug}, shared by every document that names the body.
        names (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

            The source language is kept as written; zh-Hans is derived with OpenCC and
            English is curated. Which is which is recorded in the owning record's
            ``provenance``.
        classification (str): Kind of organisation: a code of the open codelist body_classification (government,
            government_department, central_authority, people_organisation, academic_institution, grassroots_self_governing,
            judicial_organ, state_owned_enterprise). New codes come in minor releases; read an unknown code as another kind
            of organisation.
        parent_id (str | Unset): Id of the body this one belongs to, if any.
        other_names (list[str] | Unset): Short forms and former names as they appear in texts (市教委).
        provenance (ResponsibleBodyProvenance | Unset): Where each label came from, keyed by field and language
            (names/en).
    """

    id: str
    names: LanguageMap
    classification: str
    parent_id: str | Unset = UNSET
    other_names: list[str] | Unset = UNSET
    provenance: ResponsibleBodyProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        names = self.names.to_dict()

        classification = self.classification

        parent_id = self.parent_id

        other_names: list[str] | Unset = UNSET
        if not isinstance(self.other_names, Unset):
            other_names = self.other_names

        provenance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "names": names,
                "classification": classification,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if other_names is not UNSET:
            field_dict["other_names"] = other_names
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.responsible_body_provenance import ResponsibleBodyProvenance  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        names = LanguageMap.from_dict(d.pop("names"))

        classification = d.pop("classification")

        parent_id = d.pop("parent_id", UNSET)

        other_names = cast(list[str], d.pop("other_names", UNSET))

        _provenance = d.pop("provenance", UNSET)
        provenance: ResponsibleBodyProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = ResponsibleBodyProvenance.from_dict(_provenance)

        responsible_body = cls(
            id=id,
            names=names,
            classification=classification,
            parent_id=parent_id,
            other_names=other_names,
            provenance=provenance,
        )

        return responsible_body
