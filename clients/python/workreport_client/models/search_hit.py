from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.match_span import MatchSpan
    from ..models.measure import Measure
    from ..models.snippet import Snippet
    from ..models.target import Target


T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """
    Attributes:
        type_ (str): measure or target.
        id (str): Id of the record.
        document_id (str): Id of its document.
        occurrences (int): How often the query occurs (the ranking's first key).
        snippet (Snippet):
        match (MatchSpan | None): For measures: where the first match is in the document text.
        measure (Measure | None): The record, when type is measure.
        target (None | Target): The record, when type is target.
    """

    type_: str
    id: str
    document_id: str
    occurrences: int
    snippet: Snippet
    match: MatchSpan | None
    measure: Measure | None
    target: None | Target
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.match_span import MatchSpan  # noqa: PLC0415
        from ..models.measure import Measure  # noqa: PLC0415
        from ..models.target import Target  # noqa: PLC0415

        type_ = self.type_

        id = self.id

        document_id = self.document_id

        occurrences = self.occurrences

        snippet = self.snippet.to_dict()

        match: dict[str, Any] | None
        if isinstance(self.match, MatchSpan):
            match = self.match.to_dict()
        else:
            match = self.match

        measure: dict[str, Any] | None
        if isinstance(self.measure, Measure):
            measure = self.measure.to_dict()
        else:
            measure = self.measure

        target: dict[str, Any] | None
        if isinstance(self.target, Target):
            target = self.target.to_dict()
        else:
            target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "document_id": document_id,
                "occurrences": occurrences,
                "snippet": snippet,
                "match": match,
                "measure": measure,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.match_span import MatchSpan  # noqa: PLC0415
        from ..models.measure import Measure  # noqa: PLC0415
        from ..models.snippet import Snippet  # noqa: PLC0415
        from ..models.target import Target  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        id = d.pop("id")

        document_id = d.pop("document_id")

        occurrences = d.pop("occurrences")

        snippet = Snippet.from_dict(d.pop("snippet"))

        def _parse_match(data: object) -> MatchSpan | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                match_type_0 = MatchSpan.from_dict(data)

                return match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MatchSpan | None, data)

        match = _parse_match(d.pop("match"))

        def _parse_measure(data: object) -> Measure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                measure_type_0 = Measure.from_dict(data)

                return measure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Measure | None, data)

        measure = _parse_measure(d.pop("measure"))

        def _parse_target(data: object) -> None | Target:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = Target.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Target, data)

        target = _parse_target(d.pop("target"))

        search_hit = cls(
            type_=type_,
            id=id,
            document_id=document_id,
            occurrences=occurrences,
            snippet=snippet,
            match=match,
            measure=measure,
            target=target,
        )

        search_hit.additional_properties = d
        return search_hit

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
