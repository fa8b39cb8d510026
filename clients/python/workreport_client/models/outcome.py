from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome_code import OutcomeCode
from ..models.stated_outcome import StatedOutcome

if TYPE_CHECKING:
    from ..models.compared_result import ComparedResult
    from ..models.compared_target import ComparedTarget
    from ..models.outcome_method import OutcomeMethod
    from ..models.source_span import SourceSpan


T = TypeVar("T", bound="Outcome")


@_attrs_define
class Outcome:
    """
    Attributes:
        id (str): {target_id}.vs.{result_id}.
        target_id (str):
        result_id (str):
        target_document_id (str):
        result_document_id (str):
        issuer_id (str):
        indicator_code (str):
        year (int): The year the target was for and the result reports.
        outcome (OutcomeCode): How a target fared against a later report's result (computed).
        principal (bool): Whether this is the outcome that stands for the target: its first later report, figures before
            estimates.
        reason (str): The comparison in words.
        method (OutcomeMethod):
        stated_outcome (None | StatedOutcome): What the report says (超額完成: exceeded), beside the computed outcome.
        stated_outcome_source (None | SourceSpan): The words that state it, in the result's document.
        target (ComparedTarget):
        result (ComparedResult):
    """

    id: str
    target_id: str
    result_id: str
    target_document_id: str
    result_document_id: str
    issuer_id: str
    indicator_code: str
    year: int
    outcome: OutcomeCode
    principal: bool
    reason: str
    method: OutcomeMethod
    stated_outcome: None | StatedOutcome
    stated_outcome_source: None | SourceSpan
    target: ComparedTarget
    result: ComparedResult
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        id = self.id

        target_id = self.target_id

        result_id = self.result_id

        target_document_id = self.target_document_id

        result_document_id = self.result_document_id

        issuer_id = self.issuer_id

        indicator_code = self.indicator_code

        year = self.year

        outcome = self.outcome.value

        principal = self.principal

        reason = self.reason

        method = self.method.to_dict()

        stated_outcome: None | str
        if isinstance(self.stated_outcome, StatedOutcome):
            stated_outcome = self.stated_outcome.value
        else:
            stated_outcome = self.stated_outcome

        stated_outcome_source: dict[str, Any] | None
        if isinstance(self.stated_outcome_source, SourceSpan):
            stated_outcome_source = self.stated_outcome_source.to_dict()
        else:
            stated_outcome_source = self.stated_outcome_source

        target = self.target.to_dict()

        result = self.result.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "target_id": target_id,
                "result_id": result_id,
                "target_document_id": target_document_id,
                "result_document_id": result_document_id,
                "issuer_id": issuer_id,
                "indicator_code": indicator_code,
                "year": year,
                "outcome": outcome,
                "principal": principal,
                "reason": reason,
                "method": method,
                "stated_outcome": stated_outcome,
                "stated_outcome_source": stated_outcome_source,
                "target": target,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.compared_result import ComparedResult  # noqa: PLC0415
        from ..models.compared_target import ComparedTarget  # noqa: PLC0415
        from ..models.outcome_method import OutcomeMethod  # noqa: PLC0415
        from ..models.source_span import SourceSpan  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        target_id = d.pop("target_id")

        result_id = d.pop("result_id")

        target_document_id = d.pop("target_document_id")

        result_document_id = d.pop("result_document_id")

        issuer_id = d.pop("issuer_id")

        indicator_code = d.pop("indicator_code")

        year = d.pop("year")

        outcome = OutcomeCode(d.pop("outcome"))

        principal = d.pop("principal")

        reason = d.pop("reason")

        method = OutcomeMethod.from_dict(d.pop("method"))

        def _parse_stated_outcome(data: object) -> None | StatedOutcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stated_outcome_type_0 = StatedOutcome(data)

                return stated_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatedOutcome, data)

        stated_outcome = _parse_stated_outcome(d.pop("stated_outcome"))

        def _parse_stated_outcome_source(data: object) -> None | SourceSpan:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stated_outcome_source_type_0 = SourceSpan.from_dict(data)

                return stated_outcome_source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SourceSpan, data)

        stated_outcome_source = _parse_stated_outcome_source(d.pop("stated_outcome_source"))

        target = ComparedTarget.from_dict(d.pop("target"))

        result = ComparedResult.from_dict(d.pop("result"))

        outcome = cls(
            id=id,
            target_id=target_id,
            result_id=result_id,
            target_document_id=target_document_id,
            result_document_id=result_document_id,
            issuer_id=issuer_id,
            indicator_code=indicator_code,
            year=year,
            outcome=outcome,
            principal=principal,
            reason=reason,
            method=method,
            stated_outcome=stated_outcome,
            stated_outcome_source=stated_outcome_source,
            target=target,
            result=result,
        )

        outcome.additional_properties = d
        return outcome

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
