from enum import StrEnum


class BodyClassification(StrEnum):
    ACADEMIC_INSTITUTION = "academic_institution"
    CENTRAL_AUTHORITY = "central_authority"
    GOVERNMENT = "government"
    GOVERNMENT_DEPARTMENT = "government_department"
    GRASSROOTS_SELF_GOVERNING = "grassroots_self_governing"
    PEOPLE_ORGANISATION = "people_organisation"

    def __str__(self) -> str:
        return str(self.value)
