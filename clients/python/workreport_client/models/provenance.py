from enum import StrEnum


class Provenance(StrEnum):
    CURATED = "curated"
    DERIVED = "derived"
    EXTRACTED = "extracted"

    def __str__(self) -> str:
        return str(self.value)
