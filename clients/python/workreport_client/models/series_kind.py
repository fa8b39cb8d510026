from enum import StrEnum


class SeriesKind(StrEnum):
    RESULT = "result"
    TARGET = "target"

    def __str__(self) -> str:
        return str(self.value)
