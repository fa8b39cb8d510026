from enum import StrEnum


class HitKind(StrEnum):
    MEASURE = "measure"
    TARGET = "target"

    def __str__(self) -> str:
        return str(self.value)
