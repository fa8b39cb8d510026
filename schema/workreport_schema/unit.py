"""Units of measure, from the unit codelist."""

from __future__ import annotations

from pydantic import Field

from ._base import Number, Record, RecordId
from .codes import QuantityKind
from .common import ProvenanceMap
from .language_map import LanguageMap


class Unit(Record):
    """A unit a normalised target value is expressed in.

    A Chinese classifier (個, 張, 所) is not a unit: the unit names the thing
    counted (jobs, beds, schools). ``factor`` converts a value in this unit to
    the base unit of its quantity kind (km → m: 1000).
    """

    id: RecordId = Field(title="Unit id", description="Code from the unit codelist (m2, km, percent, bed).")
    names: LanguageMap = Field(title="Names", description="Name of the unit.")
    symbol: str | None = Field(
        default=None, min_length=1, title="Symbol", description="The unit or classifier as written in Chinese texts (平方米, 張)."
    )
    ucum: str = Field(min_length=1, title="UCUM code", description="Unified Code for Units of Measure (m2, har, %, [CNY], {bed}).")
    quantity_kind: QuantityKind = Field(title="Quantity kind", description="What the unit measures (codelist quantity_kind).")
    factor: Number = Field(gt=0, title="Factor", description="Multiply a value in this unit by this to get the quantity kind's base unit.")
    provenance: ProvenanceMap = Field(
        default_factory=dict, title="Provenance", description="Where each label came from, keyed by field and language (names/en)."
    )
