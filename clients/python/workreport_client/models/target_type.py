from enum import StrEnum


class TargetType(StrEnum):
    QUALITATIVE = "qualitative"
    QUANTITATIVE = "quantitative"

    def __str__(self) -> str:
        return str(self.value)
