"""Closed codelists as enums; each mirrors ``codelists/<name>.csv`` (a test keeps them in step)."""

from __future__ import annotations

from enum import StrEnum


class Comparator(StrEnum):
    """How a target relates to its stated value (codelist ``comparator``)."""

    EQ = "eq"
    GTE = "gte"
    LTE = "lte"
    APPROX = "approx"
    RANGE = "range"


class Commitment(StrEnum):
    """How firmly a target is stated (codelist ``commitment``)."""

    FIRM = "firm"
    ASPIRATIONAL = "aspirational"


class Direction(StrEnum):
    """Which way an indicator is to move (codelist ``direction``)."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"
    ACHIEVE = "achieve"


class TargetType(StrEnum):
    """Whether a target states a number (codelist ``target_type``)."""

    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class QuantityKind(StrEnum):
    """What a unit measures (codelist ``quantity_kind``)."""

    AREA = "area"
    LENGTH = "length"
    MASS = "mass"
    MONEY = "money"
    RATIO = "ratio"
    COUNT = "count"
    POWER = "power"


class BodyClassification(StrEnum):
    """What kind of organisation a body is: the codes of the open codelist ``body_classification`` known to this version.

    Open since 1.3.0: a body's ``classification`` is any code of the form
    ``BODY_CLASSIFICATION_PATTERN``, so new kinds of organisation are added in
    minor releases; read an unknown code as "another kind of organisation".
    """

    GOVERNMENT = "government"
    GOVERNMENT_DEPARTMENT = "government_department"
    CENTRAL_AUTHORITY = "central_authority"
    PEOPLE_ORGANISATION = "people_organisation"
    ACADEMIC_INSTITUTION = "academic_institution"
    GRASSROOTS_SELF_GOVERNING = "grassroots_self_governing"
    JUDICIAL_ORGAN = "judicial_organ"
    STATE_OWNED_ENTERPRISE = "state_owned_enterprise"


BODY_CLASSIFICATION_PATTERN = r"^[a-z][a-z_]{0,48}[a-z]$"
"""The form of a body classification code (lower case words joined by _)."""

INDICATOR_CODE_PATTERN = r"^[a-z][a-z0-9_]{0,62}[a-z0-9]$"
"""The form of a code of the open codelist ``indicator`` (gdp_growth, pm25_concentration)."""


class AssignmentBasis(StrEnum):
    """Why a body is attached to a measure: the codes of the open codelist ``assignment_basis`` known to this version.

    Open since 1.5.0: an assignment's ``basis`` is any code of the form
    ``ASSIGNMENT_BASIS_PATTERN``, so new rules are added in minor releases;
    read an unknown code as "inferred by a rule this version does not know",
    never as named in the text.
    """

    EXPLICIT = "explicit"
    CURATED = "curated"
    ISSUER = "issuer"
    POLICY_AREA = "policy_area"
    PARAGRAPH_DEFAULT = "paragraph_default"


ASSIGNMENT_BASIS_PATTERN = r"^[a-z][a-z_]{0,48}[a-z]$"
"""The form of an assignment basis code (lower case words joined by _)."""


class BodyRole(StrEnum):
    """What a body does for a measure (codelist ``body_role``)."""

    LEAD = "lead"
    PARTNER = "partner"
    PARTICIPANT = "participant"


class Provenance(StrEnum):
    """Where a label came from (codelist ``provenance``)."""

    EXTRACTED = "extracted"
    DERIVED = "derived"
    CURATED = "curated"


class Language(StrEnum):
    """Language tags allowed in language maps and as a source language (codelist ``language``)."""

    ZH_HANT = "zh-Hant"
    ZH_HANS = "zh-Hans"
    EN = "en"


class ChapterLevel(StrEnum):
    """Where a chapter sits in the report's structure (codelist ``chapter_level``)."""

    PART = "part"
    SECTION = "section"


class ChapterRole(StrEnum):
    """What a top-level part of a report does, as its heading says (codelist ``chapter_role``)."""

    REVIEW = "review"
    TASKS = "tasks"
    SELF_BUILDING = "self_building"
    OTHER = "other"


class PeriodBasis(StrEnum):
    """Where a target's or a result's period comes from (codelist ``period_basis``)."""

    STATED_YEAR = "stated_year"
    STATED_SPAN = "stated_span"
    PLAN_DURATION = "plan_duration"
    THIS_YEAR = "this_year"
    REPORT_YEAR = "report_year"
    PREVIOUS_YEAR = "previous_year"


class StatedOutcome(StrEnum):
    """How a result stands against its goal, as the report's own words say (codelist ``stated_outcome``)."""

    EXCEEDED = "exceeded"
    MET = "met"
    NOT_MET = "not_met"


class ClauseType(StrEnum):
    """What one clause does inside a measure (codelist ``clause_type``)."""

    LEAD_IN = "lead_in"
    ACTION = "action"
    TARGET = "target"
    PURPOSE = "purpose"
    CONTEXT = "context"
    CONDITION = "condition"


class FrameBasis(StrEnum):
    """Why a measure is read under another measure's words (codelist ``frame_basis``)."""

    SENTENCE_LEAD = "sentence_lead"
    PARAGRAPH_HEADING = "paragraph_heading"


CODELIST_ENUMS: dict[str, type[StrEnum]] = {
    "comparator": Comparator,
    "commitment": Commitment,
    "direction": Direction,
    "target_type": TargetType,
    "quantity_kind": QuantityKind,
    "body_role": BodyRole,
    "provenance": Provenance,
    "language": Language,
    "chapter_level": ChapterLevel,
    "chapter_role": ChapterRole,
    "period_basis": PeriodBasis,
    "stated_outcome": StatedOutcome,
    "clause_type": ClauseType,
    "frame_basis": FrameBasis,
}
"""Closed codelists by CSV name: enums in the JSON Schema."""

OPEN_CODELIST_ENUMS: dict[str, type[StrEnum]] = {"assignment_basis": AssignmentBasis, "body_classification": BodyClassification}
"""Open codelists whose known codes the code names: strings of a pattern in the JSON Schema. ``unit`` is open too,
but a unit is a record of the dataset, not an enum."""
