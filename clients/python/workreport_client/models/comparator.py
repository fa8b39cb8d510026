from enum import StrEnum


class Comparator(StrEnum):
    APPROX = "approx"
    EQ = "eq"
    GTE = "gte"
    LTE = "lte"
    RANGE = "range"

    def __str__(self) -> str:
        return str(self.value)
