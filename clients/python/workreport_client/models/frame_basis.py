from enum import StrEnum


class FrameBasis(StrEnum):
    PARAGRAPH_HEADING = "paragraph_heading"
    SENTENCE_LEAD = "sentence_lead"

    def __str__(self) -> str:
        return str(self.value)
