from enum import StrEnum


class PeriodBasis(StrEnum):
    PREVIOUS_YEAR = "previous_year"

    def __str__(self) -> str:
        return str(self.value)
