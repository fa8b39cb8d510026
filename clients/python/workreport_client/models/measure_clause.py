from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.clause_type import ClauseType

if TYPE_CHECKING:
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="MeasureClause")


@_attrs_define
class MeasureClause:
    """One clause of a measure and what it does there: the measure is shown whole, and its actions still counted.

    Attributes:
        type_ (ClauseType): What one clause does inside a measure (codelist ``clause_type``).
        source (SourceSpan): A slice of the document's exact source text. ``start`` and ``end`` count Unicode code
            points from the start of the text, end exclusive, so that ``text[start:end] == quote`` in Python and in any
            language that indexes by code point. That the quote is exactly ``end - start`` characters long and equals the
            text there is checked by the semantic rules (JSON Schema cannot compare two fields). (workreport schema 1.6.0)
    """

    type_: ClauseType
    source: SourceSpan

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        source = self.source.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        type_ = ClauseType(d.pop("type"))

        source = SourceSpan.from_dict(d.pop("source"))

        measure_clause = cls(
            type_=type_,
            source=source,
        )

        return measure_clause
