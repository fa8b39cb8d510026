from enum import StrEnum


class ChapterRole(StrEnum):
    OTHER = "other"
    REVIEW = "review"
    SELF_BUILDING = "self_building"
    TASKS = "tasks"

    def __str__(self) -> str:
        return str(self.value)
