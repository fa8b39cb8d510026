"""``workreport-pipeline extract SOURCE -o OUT.json``: nothing is written unless the result is valid."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..run import PIPELINE_ERRORS, extract_files, render_dataset, write_atomically
from ..source import DEFAULT_MAX_SOURCE_BYTES


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {number}")
    return number


def add_document_flags(parser: argparse.ArgumentParser) -> None:
    """The flags that describe a document when there is no document.toml (shared with `workreport ingest`)."""
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


def extract_from_args(args: argparse.Namespace, program: str = "workreport-pipeline") -> dict[str, Any]:
    """Run the pipeline on SOURCE with --document, --curation and the document flags (shared with `workreport ingest`).

    Warnings go to stderr as one line each, prefixed with ``program``.
    """
    return extract_files(
        args.source,
        args.document,
        args.curation,
        warn=lambda message: print(f"{program}: warning: {message}", file=sys.stderr),
        max_source_bytes=args.max_source_bytes,
        id=args.document_id,
        title=args.title,
        year=args.year,
        language=args.language,
        issuer=args.issuer,
    )


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "extract",
        help="extract a dataset from report text",
        description="Run the pipeline on a report text and write a validated dataset JSON file. "
        "Flags override document.toml; without --document, give --document-id, --title and --year.",
    )
    parser.add_argument("source", type=Path, metavar="SOURCE", help="report text, UTF-8, one paragraph per line")
    parser.add_argument("-o", "--output", type=Path, required=True, help="dataset JSON file to write")
    parser.add_argument("--document", type=Path, help="document.toml with the document's metadata")
    add_document_flags(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        data = extract_from_args(args)
        write_atomically(args.output, render_dataset(data))
    except PIPELINE_ERRORS as error:
        print(f"workreport-pipeline: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"workreport-pipeline: cannot write {args.output}: {error.strerror}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(data[name])} {name}" for name in ("chapters", "paragraphs", "measures", "targets"))
    print(f"wrote {args.output}: {counts}")
    return 0
