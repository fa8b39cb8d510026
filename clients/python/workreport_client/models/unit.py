from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.quantity_kind import QuantityKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.language_map import LanguageMap
    from ..models.unit_provenance import UnitProvenance


T = TypeVar("T", bound="Unit")


@_attrs_define
class Unit:
    """A unit a normalised target value is expressed in. A Chinese classifier (個, 張, 所) is not a unit: the unit names the
    thing counted (jobs, beds, schools). ``factor`` converts a value in this unit to the base unit of its quantity kind
    (km → m: 1000). (workreport schema 1.6.0)

        Attributes:
            id (str): Code from the unit codelist (m2, km, percent, bed).
            names (LanguageMap): A label in one or more of the known languages (zh-Hant, zh-Hans, en).

                The source language is kept as written; zh-Hans is derived with OpenCC and
                English is curated. Which is which is recorded in the owning record's
                ``provenance``.
            ucum (str): Unified Code for Units of Measure (m2, har, %, [CNY], {bed}).
            quantity_kind (QuantityKind): What a unit measures (codelist ``quantity_kind``).
            factor (float): Multiply a value in this unit by this to get the quantity kind's base unit.
            symbol (str | Unset): The unit or classifier as written in Chinese texts (平方米, 張).
            provenance (UnitProvenance | Unset): Where each label came from, keyed by field and language (names/en).
    """

    id: str
    names: LanguageMap
    ucum: str
    quantity_kind: QuantityKind
    factor: float
    symbol: str | Unset = UNSET
    provenance: UnitProvenance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        names = self.names.to_dict()

        ucum = self.ucum

        quantity_kind = self.quantity_kind.value

        factor = self.factor

        symbol = self.symbol

        provenance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.provenance, Unset):
            provenance = self.provenance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "names": names,
                "ucum": ucum,
                "quantity_kind": quantity_kind,
                "factor": factor,
            }
        )
        if symbol is not UNSET:
            field_dict["symbol"] = symbol
        if provenance is not UNSET:
            field_dict["provenance"] = provenance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.language_map import LanguageMap  # noqa: PLC0415
        from ..models.unit_provenance import UnitProvenance  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        names = LanguageMap.from_dict(d.pop("names"))

        ucum = d.pop("ucum")

        quantity_kind = QuantityKind(d.pop("quantity_kind"))

        factor = d.pop("factor")

        symbol = d.pop("symbol", UNSET)

        _provenance = d.pop("provenance", UNSET)
        provenance: UnitProvenance | Unset
        if isinstance(_provenance, Unset):
            provenance = UNSET
        else:
            provenance = UnitProvenance.from_dict(_provenance)

        unit = cls(
            id=id,
            names=names,
            ucum=ucum,
            quantity_kind=quantity_kind,
            factor=factor,
            symbol=symbol,
            provenance=provenance,
        )

        return unit
