"""``workreport ingest SOURCE --document-id ID --title TITLE --year YYYY``: extract and load any report.

Several reports at once — ``--manifest FILE``, or several document folders — go
to ``ingest_batch``; one report file stays on the path below.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workreport_pipeline import PIPELINE_ERRORS, add_document_flags, check_size, spool_from_args

from ..db import migrate
from ..db.loader import load_document
from . import ingest_batch
from .common import Commands, add_database_url, fail, guarded, open_engine, settings_from


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "ingest",
        help="run the pipeline on a report text and load it",
        description="Run the extraction pipeline on a report text and load the result as a new document, "
        "or as a new version of a document with the same id. With --manifest FILE, or document folders "
        "(source.txt, document.toml, curation/), load many reports in one run: --jobs N extracts in parallel, "
        "a closing table lists each document as loaded, unchanged or failed, and the exit status is 1 if any failed.",
    )
    parser.add_argument(
        "sources",
        type=Path,
        nargs="*",
        metavar="SOURCE",
        help="report text, UTF-8, one paragraph per line; or document folders (source.txt, document.toml, curation/)",
    )
    parser.add_argument("--document", type=Path, help="document.toml with the document's metadata (flags override it)")
    add_document_flags(parser)
    ingest_batch.add_batch_flags(parser)
    add_database_url(parser)
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    if ingest_batch.is_batch(args):
        return ingest_batch.run(args)
    args.source = args.sources[0]
    try:
        check_size(args.source, args.max_source_bytes)  # before any other work, the database included
    except PIPELINE_ERRORS as error:
        return fail(str(error))
    settings = settings_from(args)
    with open_engine(settings) as engine:
        migrate.require_current(engine, settings)
        try:
            spool = spool_from_args(args, program="workreport")  # validated as it was extracted
        except PIPELINE_ERRORS as error:
            return fail(str(error))
        with spool:
            result = load_document(engine, spool)
        counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
        print(f"loaded {result.document_id} ({counts}; release {result.release_id})")
        return 0
