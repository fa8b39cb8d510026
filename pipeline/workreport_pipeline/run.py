"""Extract a dataset from files: the entry point commands and the API's ingest share."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Unpack

from workreport_schema import DatasetJSON

from .assemble import ValidationFailed, extract, extract_to_spool
from .curation import Curation, CurationError, load_curation
from .document_info import DocumentFlags, DocumentInfo, DocumentInfoError, load_document_toml, settle_language, with_overrides
from .normalise import detect_language
from .source import DEFAULT_MAX_SOURCE_BYTES, SourceError, read_source
from .spool import RecordSpool
from .stages.segment import SegmentError

PIPELINE_ERRORS = (SourceError, SegmentError, DocumentInfoError, CurationError, ValidationFailed)
"""Every failure of the pipeline that comes from its input; each message is one line."""


def extract_files(
    source: Path,
    document: Path | None = None,
    curation: Path | None = None,
    warn: Callable[[str], None] | None = None,
    max_source_bytes: int = DEFAULT_MAX_SOURCE_BYTES,
    **flags: Unpack[DocumentFlags],
) -> DatasetJSON:
    """Read the inputs and extract; flags (id, title, year, language, issuer) override document.toml.

    Without a stated language (document.toml or flag) the script is detected
    from the text; a stated language the text contradicts is kept, and ``warn``
    gets a one-line message.
    """
    return extract(*_read_inputs(source, document, curation, warn, max_source_bytes, **flags))


def spool_files(
    source: Path,
    document: Path | None = None,
    curation: Path | None = None,
    warn: Callable[[str], None] | None = None,
    max_source_bytes: int = DEFAULT_MAX_SOURCE_BYTES,
    spool_folder: str | None = None,
    **flags: Unpack[DocumentFlags],
) -> RecordSpool:
    """``extract_files`` with the records left on disk (in ``spool_folder``, the system's temporary folder by default)."""
    return extract_to_spool(*_read_inputs(source, document, curation, warn, max_source_bytes, **flags), folder=spool_folder)


def _read_inputs(
    source: Path,
    document: Path | None,
    curation: Path | None,
    warn: Callable[[str], None] | None,
    max_source_bytes: int,
    **flags: Unpack[DocumentFlags],
) -> tuple[str, DocumentInfo, Curation]:
    text = read_source(source, max_source_bytes)
    info: DocumentInfo | None = load_document_toml(document) if document else None
    info, warning = settle_language(with_overrides(info, **flags), detect_language(text))
    if warning is not None and warn is not None:
        warn(warning)
    return text, info, load_curation(curation)


def add_document_flags(parser: argparse.ArgumentParser) -> None:
    """Add the flags that describe a document when there is no document.toml, and ``--curation``.

    ``workreport-pipeline extract`` and ``workreport ingest`` both take them;
    ``extract_from_args`` reads them back.
    """
    parser.add_argument("--document-id", dest="document_id", help="document id, for example shanghai-2012")
    parser.add_argument("--title", help="title of the report")
    parser.add_argument("--year", type=int, help="year the report's commitments are for")
    parser.add_argument("--language", help="zh-Hant or zh-Hans (default: detected from the text; a mismatch with the text is a warning)")
    parser.add_argument("--issuer", help="name of the issuing body (default 人民政府)")
    parser.add_argument("--curation", type=Path, help="folder of curation files (chapters.toml, bodies.toml, assignments.toml)")
    parser.add_argument(
        "--max-source-bytes",
        type=_positive,
        default=DEFAULT_MAX_SOURCE_BYTES,
        metavar="N",
        help=f"refuse a source file larger than N bytes (default {DEFAULT_MAX_SOURCE_BYTES}, 8 MiB)",
    )


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {number}")
    return number


def extract_from_args(args: argparse.Namespace, program: str = "workreport-pipeline") -> DatasetJSON:
    """Run the pipeline on ``args.source`` with ``args.document`` and the flags of ``add_document_flags``.

    Warnings go to stderr as one line each, prefixed with ``program``; input
    errors raise one of ``PIPELINE_ERRORS``.
    """
    return extract_files(**_inputs_from_args(args, program))


def spool_from_args(args: argparse.Namespace, program: str = "workreport-pipeline") -> RecordSpool:
    """``extract_from_args`` with the records left on disk (``workreport ingest``)."""
    return spool_files(**_inputs_from_args(args, program))


class _Inputs(DocumentFlags):
    """The arguments of ``extract_files`` and ``spool_files`` that the command line gives."""

    source: Path
    document: Path | None
    curation: Path | None
    warn: Callable[[str], None]
    max_source_bytes: int


def _inputs_from_args(args: argparse.Namespace, program: str) -> _Inputs:
    return _Inputs(
        source=args.source,
        document=args.document,
        curation=args.curation,
        warn=lambda message: print(f"{program}: warning: {message}", file=sys.stderr),
        max_source_bytes=args.max_source_bytes,
        id=args.document_id,
        title=args.title,
        year=args.year,
        language=args.language,
        issuer=args.issuer,
    )
