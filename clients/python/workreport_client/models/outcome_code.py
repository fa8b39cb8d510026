from enum import StrEnum


class OutcomeCode(StrEnum):
    MET = "met"
    NOT_COMPARABLE = "not_comparable"
    NOT_MET = "not_met"

    def __str__(self) -> str:
        return str(self.value)
