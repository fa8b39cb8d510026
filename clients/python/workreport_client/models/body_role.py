from enum import StrEnum


class BodyRole(StrEnum):
    LEAD = "lead"
    PARTICIPANT = "participant"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
