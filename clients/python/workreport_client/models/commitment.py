from enum import StrEnum


class Commitment(StrEnum):
    ASPIRATIONAL = "aspirational"
    FIRM = "firm"

    def __str__(self) -> str:
        return str(self.value)
