"""Whether a target was met: a later report's result for the same indicator and year, set against the target.

Why here and not in the pipeline: a target and the result that assesses it
sit in two documents (the report for year Y sets it, the report for Y+1
reviews it), so outcomes exist only where both are loaded.

The rule is plain interval arithmetic, recorded in every outcome's ``method``
so a reader can check it. The target accepts an interval of values, from its
comparator and direction:

- ``gte`` [t, ∞), ``lte`` (−∞, t], ``range`` [t, t_max];
- a ceiling, written 控制在 (控制在3.5%左右, 控制在4.5%): t or less, and for
  ``approx`` up to ``APPROX_TOLERANCE`` above (5% of |t|: 3.5%左右 accepts up to
  3.675);
- any other ``eq`` (新增50萬個, 降低5%): t or more: a quantity to deliver, or the
  size of a change (a fall of 6% meets 降低5%);
- any other ``approx`` (左右): within 5% of t, and beyond it when the target
  states a change (增長8%左右 is met by 9.1%; 7.6 is the least that meets it);
  with no direction, within 5% either way.

The result states an interval too: its value (``eq``, ``approx``: an estimate
or rounded figure counts as its value), or a bound (預計增長9%以上: [9, ∞)), or a
range. The result's interval inside the target's is **met**; the two apart is
**not met**; overlapping only in part (a bound that does not decide) is
**not comparable**, and so is any pair whose units differ (萬套 against 平方米):
nothing is converted or guessed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TypedDict

from .records import OutcomeMethodJSON

APPROX_TOLERANCE = 0.05
"""An approximate target (左右) accepts values within this share of its value."""
EXACT_TOLERANCE = 1e-9
"""Relative slack for comparing two decimal numbers read from text."""


class OutcomeCode(StrEnum):
    """How a target fared against a later report's result (computed)."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_COMPARABLE = "not_comparable"


class Stated(TypedDict, total=False):
    text: str


class Figure(TypedDict, total=False):
    """A target or a result record as outcomes read it: the fields that match and judge it (a record has more).

    ``value`` is there on every quantitative figure, the only kind assessed."""

    value: float
    value_max: float | None
    unit: str | None
    comparator: str | None
    direction: str | None
    stated: Stated | None


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def inside(self, other: Interval) -> bool:
        return other.low <= self.low and self.high <= other.high

    def apart(self, other: Interval) -> bool:
        return self.high < other.low or other.high < self.low

    def as_json(self) -> list[float | None]:
        """JSON has no infinity: an open end is null."""
        return [None if math.isinf(self.low) else self.low, None if math.isinf(self.high) else self.high]


@dataclass(frozen=True)
class Assessment:
    outcome: OutcomeCode
    reason: str
    method: OutcomeMethodJSON


def _slack(value: float) -> float:
    return EXACT_TOLERANCE * max(1.0, abs(value))


CEILING_WORDS = ("控制在",)
"""Words of a target's stated quantity that make it a ceiling (the same in both scripts)."""


def is_ceiling(target: Figure) -> bool:
    stated = (target.get("stated") or {}).get("text") or ""
    return any(word in stated for word in CEILING_WORDS)


def target_interval(target: Figure) -> tuple[Interval, float | None]:
    """The values that meet a quantitative target, and the tolerance used (approx only)."""
    value = float(target["value"])
    comparator, direction = target.get("comparator"), target.get("direction")
    slack = _slack(value)
    if comparator == "gte":
        return Interval(value - slack, math.inf), None
    if comparator == "lte":
        return Interval(-math.inf, value + slack), None
    value_max = target.get("value_max")
    if comparator == "range" and value_max is not None:
        return Interval(value - slack, float(value_max) + slack), None
    tolerance = APPROX_TOLERANCE * abs(value) if comparator == "approx" else 0.0
    reported = round(tolerance, 12) if comparator == "approx" else None
    if is_ceiling(target):
        return Interval(-math.inf, value + tolerance + slack), reported
    if comparator == "approx" and direction not in ("increase", "decrease"):
        return Interval(value - tolerance - slack, value + tolerance + slack), reported
    return Interval(value - tolerance - slack, math.inf), reported


def result_interval(result: Figure) -> Interval:
    """The values a result states: a point, a bound (以上, 以內) or a range."""
    value = float(result["value"])
    comparator = result.get("comparator")
    if comparator == "gte":
        return Interval(value, math.inf)
    if comparator == "lte":
        return Interval(-math.inf, value)
    value_max = result.get("value_max")
    if comparator == "range" and value_max is not None:
        return Interval(value, float(value_max))
    return Interval(value, value)


RULE = (
    "met when every value the result states lies in the interval the target accepts, not met when none does, "
    "not comparable when only some do or the units differ"
)


def assess(target: Figure, result: Figure) -> Assessment:
    """The outcome of a quantitative target judged by a result for the same indicator and year."""
    method: OutcomeMethodJSON = {
        "rule": RULE,
        "target_ceiling": is_ceiling(target),
        "target_comparator": target.get("comparator"),
        "target_direction": target.get("direction"),
        "result_comparator": result.get("comparator"),
        "tolerance": None,
        "target_interval": None,
        "result_interval": None,
    }
    if target.get("unit") != result.get("unit"):
        reason = f"units differ: the target is in {target.get('unit')}, the result in {result.get('unit')}; nothing is converted"
        return Assessment(OutcomeCode.NOT_COMPARABLE, reason, method)
    accepted, tolerance = target_interval(target)
    stated = result_interval(result)
    method["tolerance"], method["target_interval"], method["result_interval"] = tolerance, accepted.as_json(), stated.as_json()
    unit = target.get("unit")
    if stated.inside(accepted):
        return Assessment(OutcomeCode.MET, f"the result ({_show(stated)} {unit}) is within the target ({_show(accepted)} {unit})", method)
    if stated.apart(accepted):
        return Assessment(
            OutcomeCode.NOT_MET, f"the result ({_show(stated)} {unit}) is outside the target ({_show(accepted)} {unit})", method
        )
    reason = f"the result ({_show(stated)} {unit}) is a bound that lies partly within the target ({_show(accepted)} {unit})"
    return Assessment(OutcomeCode.NOT_COMPARABLE, reason, method)


def _number(value: float) -> str:
    return f"{value:.6g}"


def _show(interval: Interval) -> str:
    if interval.low == interval.high:
        return _number(interval.low)
    low = "−∞" if math.isinf(interval.low) else _number(interval.low)
    high = "∞" if math.isinf(interval.high) else _number(interval.high)
    return f"{low} to {high}"
