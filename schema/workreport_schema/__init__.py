"""workreport's canonical schema: pydantic models, codelists, published JSON Schema and a validator.

Depends on nothing else of ours, so it can be installed on its own to validate data.
"""

from ._base import ID_MAX_LENGTH, ID_PATTERN
from .body import ResponsibleBody
from .body_assignment import BodyAssignment
from .chapter import Chapter
from .codelists import Codelist, load_codelist
from .codes import (
    ASSIGNMENT_BASIS_PATTERN,
    BODY_CLASSIFICATION_PATTERN,
    INDICATOR_CODE_PATTERN,
    AssignmentBasis,
    BodyClassification,
    BodyRole,
    ChapterLevel,
    ChapterRole,
    ClauseType,
    Commitment,
    Comparator,
    Direction,
    FrameBasis,
    Language,
    PeriodBasis,
    Provenance,
    QuantityKind,
    StatedOutcome,
    TargetType,
)
from .common import Licence, Period
from .dataset import Dataset, Release
from .document import Document
from .entities import COLLECTIONS, ENTITIES, schema_file_name
from .files import render_dataset, write_atomically
from .hashing import canonical_json, content_hash, streamed_content_hash
from .language_map import LanguageMap
from .measure import Measure, MeasureClause, MeasureFrame
from .offline import SCHEMA_BUNDLE_FILE, compound_schema, offline_registry, validator_for
from .paragraph import Paragraph
from .problems import Problem
from .published import load_published_schema
from .records import (
    BodyAssignmentJSON,
    BodyJSON,
    ChapterJSON,
    DatasetJSON,
    DocumentJSON,
    JSONObject,
    JSONValue,
    LanguageMapJSON,
    LicenceJSON,
    MeasureClauseJSON,
    MeasureFrameJSON,
    MeasureJSON,
    ParagraphJSON,
    PeriodJSON,
    ProvenanceJSON,
    RecordJSON,
    RecordSource,
    ReleaseJSON,
    ResultJSON,
    SourceSpanJSON,
    StatedQuantityJSON,
    TargetJSON,
    UnitJSON,
)
from .result import Result
from .rules import DatasetChecker
from .source_span import SourceSpan
from .target import StatedQuantity, Target
from .unit import Unit
from .validate import UnusableInput, read_json, streaming_checker, validate_data, validate_file
from .version import SCHEMA_VERSION

__all__ = [
    "ASSIGNMENT_BASIS_PATTERN",
    "BODY_CLASSIFICATION_PATTERN",
    "COLLECTIONS",
    "ENTITIES",
    "ID_MAX_LENGTH",
    "ID_PATTERN",
    "INDICATOR_CODE_PATTERN",
    "SCHEMA_BUNDLE_FILE",
    "SCHEMA_VERSION",
    "AssignmentBasis",
    "BodyAssignment",
    "BodyAssignmentJSON",
    "BodyClassification",
    "BodyJSON",
    "BodyRole",
    "Chapter",
    "ChapterJSON",
    "ChapterLevel",
    "ChapterRole",
    "ClauseType",
    "Codelist",
    "Commitment",
    "Comparator",
    "Dataset",
    "DatasetChecker",
    "DatasetJSON",
    "Direction",
    "Document",
    "DocumentJSON",
    "FrameBasis",
    "JSONObject",
    "JSONValue",
    "Language",
    "LanguageMap",
    "LanguageMapJSON",
    "Licence",
    "LicenceJSON",
    "Measure",
    "MeasureClause",
    "MeasureClauseJSON",
    "MeasureFrame",
    "MeasureFrameJSON",
    "MeasureJSON",
    "Paragraph",
    "ParagraphJSON",
    "Period",
    "PeriodBasis",
    "PeriodJSON",
    "Problem",
    "Provenance",
    "ProvenanceJSON",
    "QuantityKind",
    "RecordJSON",
    "RecordSource",
    "Release",
    "ReleaseJSON",
    "ResponsibleBody",
    "Result",
    "ResultJSON",
    "SourceSpan",
    "SourceSpanJSON",
    "StatedOutcome",
    "StatedQuantity",
    "StatedQuantityJSON",
    "Target",
    "TargetJSON",
    "TargetType",
    "Unit",
    "UnitJSON",
    "UnusableInput",
    "canonical_json",
    "compound_schema",
    "content_hash",
    "load_codelist",
    "load_published_schema",
    "offline_registry",
    "read_json",
    "render_dataset",
    "schema_file_name",
    "streamed_content_hash",
    "streaming_checker",
    "validate_data",
    "validate_file",
    "validator_for",
    "write_atomically",
]
