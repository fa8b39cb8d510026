from enum import StrEnum


class AssignmentBasis(StrEnum):
    CURATED = "curated"
    EXPLICIT = "explicit"
    ISSUER = "issuer"
    PARAGRAPH_DEFAULT = "paragraph_default"
    POLICY_AREA = "policy_area"

    def __str__(self) -> str:
        return str(self.value)
