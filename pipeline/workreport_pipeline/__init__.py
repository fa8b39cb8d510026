"""workreport's extraction pipeline: from a report's text to a validated Dataset.

Stages live in ``workreport_pipeline.stages`` (segment, classify, quantities,
targets, units, bodies, ids); the names below are the supported entry points.
"""

from .assemble import ValidationFailed, extract, extract_to_spool
from .batch import Extraction, extract_all, one_line
from .cli.main import OneLineArgumentParser
from .curation import Curation, CurationError, load_curation
from .document_info import DocumentInfo, DocumentInfoError, load_document_toml
from .manifest import Entry, ManifestError, read_folders, read_manifest
from .normalise import detect_language, fold, to_simplified, to_traditional
from .report import QualityReport, quality_report, render_markdown
from .run import PIPELINE_ERRORS, add_document_flags, extract_files, extract_from_args, spool_files, spool_from_args
from .source import DEFAULT_MAX_SOURCE_BYTES, SourceError, check_size, read_source
from .spool import RecordSpool
from .stages.segment import SegmentError

__all__ = [
    "DEFAULT_MAX_SOURCE_BYTES",
    "PIPELINE_ERRORS",
    "Curation",
    "CurationError",
    "DocumentInfo",
    "DocumentInfoError",
    "Entry",
    "Extraction",
    "ManifestError",
    "OneLineArgumentParser",
    "QualityReport",
    "RecordSpool",
    "SegmentError",
    "SourceError",
    "ValidationFailed",
    "add_document_flags",
    "check_size",
    "detect_language",
    "extract",
    "extract_all",
    "extract_files",
    "extract_from_args",
    "extract_to_spool",
    "fold",
    "load_curation",
    "load_document_toml",
    "one_line",
    "quality_report",
    "read_folders",
    "read_manifest",
    "read_source",
    "render_markdown",
    "spool_files",
    "spool_from_args",
    "to_simplified",
    "to_traditional",
]
