from enum import StrEnum


class QuantityKind(StrEnum):
    AREA = "area"
    COUNT = "count"
    LENGTH = "length"
    MASS = "mass"
    MONEY = "money"
    POWER = "power"
    RATIO = "ratio"

    def __str__(self) -> str:
        return str(self.value)
