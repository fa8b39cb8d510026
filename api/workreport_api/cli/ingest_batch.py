"""``workreport ingest --manifest FILE [--jobs N]`` and ``workreport ingest FOLDER...``: many reports in one run.

Each document's metadata comes from its manifest row or its folder's
document.toml, never from the single-document flags: ``--title`` cannot
describe a thousand reports, so with a batch those flags are refused.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from workreport_pipeline import ManifestError, read_folders, read_manifest

from ..corpus import Progress, closing_table, ingest
from ..db import migrate
from .common import fail, open_engine, settings_from

SINGLE_DOCUMENT_FLAGS = {
    "document": "--document",
    "document_id": "--document-id",
    "title": "--title",
    "year": "--year",
    "language": "--language",
    "issuer": "--issuer",
    "curation": "--curation",
}


def _jobs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 256:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes from 1 to 256")
    return int(value)


def add_batch_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--manifest",
        type=Path,
        metavar="FILE",
        help="CSV or TOML listing many reports (path, document_id, title, year, issuer, language, curation); see README",
    )
    parser.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="extract N documents at once in N processes (default 1)")


def is_batch(args: argparse.Namespace) -> bool:
    """Anything but exactly one report file: a manifest, several sources, a document folder, or nothing."""
    sources: list[Path] = args.sources
    return args.manifest is not None or len(sources) != 1 or sources[0].is_dir()


def run(args: argparse.Namespace) -> int:
    sources: list[Path] = args.sources
    if args.manifest is not None and sources:
        return fail("give either --manifest or SOURCE arguments, not both")
    if args.manifest is None and not sources:
        return fail("give a SOURCE, several document folders, or --manifest FILE")
    given = [flag for name, flag in SINGLE_DOCUMENT_FLAGS.items() if getattr(args, name) is not None]
    if given:
        return fail(
            f"{given[0]} describes one document: with --manifest or several sources each document's metadata comes "
            "from its manifest row or its folder's document.toml"
        )
    try:
        entries = read_manifest(args.manifest) if args.manifest is not None else read_folders(sources)
    except ManifestError as error:
        for problem in error.problems:
            fail(problem)
        return 1
    entries = [dataclasses.replace(entry, max_source_bytes=args.max_source_bytes) for entry in entries]
    settings = settings_from(args)
    with open_engine(settings) as engine:
        migrate.require_current(engine, settings)
        progress = Progress(len(entries), sys.stderr)
        try:
            outcomes = ingest(engine, entries, args.jobs, on_outcome=progress)
        finally:
            progress.close()
    sys.stdout.write(closing_table(outcomes))
    return 1 if any(outcome.status == "failed" for outcome in outcomes) else 0
