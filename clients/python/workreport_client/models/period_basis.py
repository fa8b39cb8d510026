from enum import StrEnum


class PeriodBasis(StrEnum):
    PLAN_DURATION = "plan_duration"
    PREVIOUS_YEAR = "previous_year"
    REPORT_YEAR = "report_year"
    STATED_SPAN = "stated_span"
    STATED_YEAR = "stated_year"
    THIS_YEAR = "this_year"

    def __str__(self) -> str:
        return str(self.value)
