from enum import StrEnum


class AssignmentBasis(StrEnum):
    CURATED = "curated"
    EXPLICIT = "explicit"
    ISSUER = "issuer"

    def __str__(self) -> str:
        return str(self.value)
