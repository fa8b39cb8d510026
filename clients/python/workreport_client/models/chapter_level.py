from enum import StrEnum


class ChapterLevel(StrEnum):
    PART = "part"
    SECTION = "section"

    def __str__(self) -> str:
        return str(self.value)
