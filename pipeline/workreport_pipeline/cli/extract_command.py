"""``workreport-pipeline extract SOURCE -o OUT.json``: nothing is written unless the result is valid."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workreport_schema import render_dataset, write_atomically

from ..run import PIPELINE_ERRORS, add_document_flags, extract_from_args
from .commands import Commands


def register(commands: Commands) -> None:
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
