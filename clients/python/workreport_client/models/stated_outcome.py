from enum import StrEnum


class StatedOutcome(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"

    def __str__(self) -> str:
        return str(self.value)
