"""The outcome rule (workreport_api.outcomes): a table of targets and results written for the rule, each with the
outcome an analyst would give and why."""

from __future__ import annotations

from typing import Any

import pytest

from workreport_api.outcomes import OutcomeCode, assess


def _target(value: float, comparator: str, direction: str | None = None, unit: str = "percent", **more: Any) -> dict[str, Any]:
    return {"value": value, "comparator": comparator, "direction": direction, "unit": unit, **more}


def _result(value: float, comparator: str = "eq", unit: str = "percent", **more: Any) -> dict[str, Any]:
    return {"value": value, "comparator": comparator, "unit": unit, **more}


MET, NOT_MET, NOT_COMPARABLE = OutcomeCode.MET, OutcomeCode.NOT_MET, OutcomeCode.NOT_COMPARABLE

CASES = [
    # (why, target, result, outcome)
    ("增長8%左右, reached 7.7: within 5% of 8", _target(8, "approx", "increase"), _result(7.7), MET),
    ("增長8%左右, reached 7.5: more than 0.4 below", _target(8, "approx", "increase"), _result(7.5), NOT_MET),
    ("增長8%左右, reached 9.1: beyond it in its direction", _target(8, "approx", "increase"), _result(9.1), MET),
    ("3.5%左右 with no direction, reached 4.2: too far either way", _target(3.5, "approx"), _result(4.2), NOT_MET),
    ("3.5%左右 with no direction, reached 3.4", _target(3.5, "approx"), _result(3.4), MET),
    ("降低5%左右 (decrease), fell by 6: a larger fall", _target(5, "approx", "decrease"), _result(6), MET),
    ("降低5%左右 (decrease), fell by 4", _target(5, "approx", "decrease"), _result(4), NOT_MET),
    ("控制在3.5%左右 (a ceiling), reached 2.8", _target(3.5, "approx", stated={"text": "控制在3.5%左右"}), _result(2.8), MET),
    ("控制在3.5%左右, reached 3.6: within 5% above", _target(3.5, "approx", stated={"text": "控制在3.5%左右"}), _result(3.6), MET),
    ("控制在3.5%左右, reached 3.8", _target(3.5, "approx", stated={"text": "控制在3.5%左右"}), _result(3.8), NOT_MET),
    ("控制在4.5% (eq ceiling), reached 4.2", _target(4.5, "eq", stated={"text": "控制在4.5%"}), _result(4.2), MET),
    ("控制在4.5%以內, reached 4.6", _target(4.5, "lte"), _result(4.6), NOT_MET),
    ("控制在4.5%以內, reached exactly 4.5", _target(4.5, "lte"), _result(4.5), MET),
    ("50萬個以上, reached 52萬", _target(500000, "gte", unit="job"), _result(520000, unit="job"), MET),
    ("50萬個以上, reached 49萬", _target(500000, "gte", unit="job"), _result(490000, unit="job"), NOT_MET),
    ("新增5000張 (a quantity to deliver), reached 5200", _target(5000, "eq", unit="bed"), _result(5200, unit="bed"), MET),
    ("新增5000張, reached 4800", _target(5000, "eq", unit="bed"), _result(4800, unit="bed"), NOT_MET),
    ("8%至9%, reached 8.5", _target(8, "range", value_max=9), _result(8.5), MET),
    ("8%至9%, reached 9.5", _target(8, "range", value_max=9), _result(9.5), NOT_MET),
    ("9%以上, the result is an estimate of 9%以上: decided", _target(9, "gte"), _result(9, "gte", estimate=True), MET),
    ("控制在3%以內, estimated 2.5%以上: may or may not be", _target(3, "lte"), _result(2.5, "gte", estimate=True), NOT_COMPARABLE),
    ("control at 3%以內, reported 3.2至3.6: none within", _target(3, "lte"), _result(3.2, "range", value_max=3.6), NOT_MET),
    ("1000萬平方米 against 12萬套: units differ", _target(10_000_000, "eq", unit="m2"), _result(120000, unit="dwelling"), NOT_COMPARABLE),
]


@pytest.mark.parametrize(("why", "target", "result", "expected"), CASES, ids=[case[0] for case in CASES])
def test_outcome(why: str, target: dict[str, Any], result: dict[str, Any], expected: OutcomeCode) -> None:
    assessment = assess(target, result)
    assert assessment.outcome is expected, (why, assessment.reason)
    assert assessment.method["rule"] and assessment.reason


def test_the_method_records_the_intervals_and_the_tolerance() -> None:
    method = assess(_target(8, "approx", "increase"), _result(7.5)).method
    low, high = method["target_interval"]
    assert low == pytest.approx(7.6) and high is None  # an open end is null: JSON has no infinity
    assert method["tolerance"] == pytest.approx(0.4)
    assert method["result_interval"] == [7.5, 7.5]
    assert (method["target_comparator"], method["target_direction"], method["result_comparator"]) == ("approx", "increase", "eq")
    assert method["target_ceiling"] is False
    units = assess(_target(1, "eq", unit="m2"), _result(1, unit="dwelling"))
    assert units.method["target_interval"] is None and "units differ" in units.reason
