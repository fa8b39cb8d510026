"""Contains all the data models used in inputs/outputs"""

from .assignment_basis import AssignmentBasis
from .body_assignment import BodyAssignment
from .body_list import BodyList
from .body_role import BodyRole
from .chapter import Chapter
from .chapter_level import ChapterLevel
from .chapter_list import ChapterList
from .chapter_provenance import ChapterProvenance
from .chapter_role import ChapterRole
from .clause_type import ClauseType
from .commitment import Commitment
from .comparator import Comparator
from .compared_result import ComparedResult
from .compared_target import ComparedTarget
from .data_release import DataRelease
from .dataset import Dataset
from .direction import Direction
from .document import Document
from .document_list import DocumentList
from .document_provenance import DocumentProvenance
from .export_datapackage_response_200 import ExportDatapackageResponse200
from .frame_basis import FrameBasis
from .get_catalog_response_200 import GetCatalogResponse200
from .get_problem_type_response_200 import GetProblemTypeResponse200
from .get_schema_bundle_response_200 import GetSchemaBundleResponse200
from .get_schema_response_200 import GetSchemaResponse200
from .health import Health
from .highlight import Highlight
from .hit_kind import HitKind
from .index import Index
from .index_licence import IndexLicence
from .index_links import IndexLinks
from .index_schema_org import IndexSchemaOrg
from .indicator import Indicator
from .indicator_list import IndicatorList
from .indicator_title import IndicatorTitle
from .indicator_words import IndicatorWords
from .invalid_param import InvalidParam
from .language import Language
from .language_map import LanguageMap
from .licence import Licence
from .list_links import ListLinks
from .list_meta import ListMeta
from .list_schemas_response_200 import ListSchemasResponse200
from .match_span import MatchSpan
from .measure import Measure
from .measure_clause import MeasureClause
from .measure_frame import MeasureFrame
from .measure_list import MeasureList
from .measure_provenance import MeasureProvenance
from .outcome import Outcome
from .outcome_choice import OutcomeChoice
from .outcome_code import OutcomeCode
from .outcome_list import OutcomeList
from .outcome_method import OutcomeMethod
from .paragraph import Paragraph
from .paragraph_list import ParagraphList
from .period import Period
from .period_basis import PeriodBasis
from .problem import Problem
from .provenance import Provenance
from .quantity_kind import QuantityKind
from .release import Release
from .response_format import ResponseFormat
from .responsible_body import ResponsibleBody
from .responsible_body_provenance import ResponsibleBodyProvenance
from .result import Result
from .result_list import ResultList
from .result_provenance import ResultProvenance
from .search_hit import SearchHit
from .search_results import SearchResults
from .series_kind import SeriesKind
from .series_list import SeriesList
from .series_point import SeriesPoint
from .snippet import Snippet
from .source_span import SourceSpan
from .stated_outcome import StatedOutcome
from .stated_quantity import StatedQuantity
from .target import Target
from .target_list import TargetList
from .target_provenance import TargetProvenance
from .target_type import TargetType
from .target_with_outcomes import TargetWithOutcomes
from .target_with_outcomes_provenance import TargetWithOutcomesProvenance
from .unit import Unit
from .unit_list import UnitList
from .unit_provenance import UnitProvenance

__all__ = (
    "AssignmentBasis",
    "BodyAssignment",
    "BodyList",
    "BodyRole",
    "Chapter",
    "ChapterLevel",
    "ChapterList",
    "ChapterProvenance",
    "ChapterRole",
    "ClauseType",
    "Commitment",
    "Comparator",
    "ComparedResult",
    "ComparedTarget",
    "DataRelease",
    "Dataset",
    "Direction",
    "Document",
    "DocumentList",
    "DocumentProvenance",
    "ExportDatapackageResponse200",
    "FrameBasis",
    "GetCatalogResponse200",
    "GetProblemTypeResponse200",
    "GetSchemaBundleResponse200",
    "GetSchemaResponse200",
    "Health",
    "Highlight",
    "HitKind",
    "Index",
    "IndexLicence",
    "IndexLinks",
    "IndexSchemaOrg",
    "Indicator",
    "IndicatorList",
    "IndicatorTitle",
    "IndicatorWords",
    "InvalidParam",
    "Language",
    "LanguageMap",
    "Licence",
    "ListLinks",
    "ListMeta",
    "ListSchemasResponse200",
    "MatchSpan",
    "Measure",
    "MeasureClause",
    "MeasureFrame",
    "MeasureList",
    "MeasureProvenance",
    "Outcome",
    "OutcomeChoice",
    "OutcomeCode",
    "OutcomeList",
    "OutcomeMethod",
    "Paragraph",
    "ParagraphList",
    "Period",
    "PeriodBasis",
    "Problem",
    "Provenance",
    "QuantityKind",
    "Release",
    "ResponseFormat",
    "ResponsibleBody",
    "ResponsibleBodyProvenance",
    "Result",
    "ResultList",
    "ResultProvenance",
    "SearchHit",
    "SearchResults",
    "SeriesKind",
    "SeriesList",
    "SeriesPoint",
    "Snippet",
    "SourceSpan",
    "StatedOutcome",
    "StatedQuantity",
    "Target",
    "TargetList",
    "TargetProvenance",
    "TargetType",
    "TargetWithOutcomes",
    "TargetWithOutcomesProvenance",
    "Unit",
    "UnitList",
    "UnitProvenance",
)
