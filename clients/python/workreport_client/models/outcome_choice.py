from enum import StrEnum


class OutcomeChoice(StrEnum):
    MET = "met"
    NOT_COMPARABLE = "not_comparable"
    NOT_MET = "not_met"
    UNASSESSED = "unassessed"

    def __str__(self) -> str:
        return str(self.value)
