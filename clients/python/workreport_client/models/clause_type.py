from enum import StrEnum


class ClauseType(StrEnum):
    ACTION = "action"
    CONDITION = "condition"
    CONTEXT = "context"
    LEAD_IN = "lead_in"
    PURPOSE = "purpose"
    TARGET = "target"

    def __str__(self) -> str:
        return str(self.value)
