"""``workreport export --format json|ndjson|csv [--document ID] [-o PATH]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from workreport_schema import JSONObject, render_dataset, write_atomically

from ..datapackage import package_files, write_folder
from ..db import migrate
from ..db.export import PACKAGE_COLLECTIONS, export_dataset, export_derived, iter_collection
from ..formats import csv_lines, ndjson_lines
from .common import Commands, add_database_url, fail, guarded, open_engine, settings_from


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "export",
        help="export the database as a dataset, NDJSON or CSV",
        description="json: a Dataset that passes `workreport-schema validate`. ndjson: one record per line "
        '(with --collection) or {"collection", "record"} lines for everything. csv: one collection '
        "(--collection), or with -o FOLDER a Frictionless Data Package: datapackage.json, every collection as CSV "
        "and the JSON Schemas (it validates offline).",
    )
    parser.add_argument("--format", choices=("json", "ndjson", "csv"), default="json")
    parser.add_argument("--document", action="append", dest="documents", metavar="ID", help="only this document (repeatable)")
    parser.add_argument(
        "--collection",
        choices=PACKAGE_COLLECTIONS,
        help="one collection (ndjson, csv); indicators, outcomes, series: derived across documents",
    )
    parser.add_argument("--bom", action="store_true", help="start CSV files with a byte order mark (for spreadsheet programs)")
    parser.add_argument("-o", "--output", type=Path, help="file to write (a folder for csv without --collection); default: standard output")
    add_database_url(parser)
    parser.set_defaults(run=guarded(run))


def _emit(chunks: Iterable[str], output: Path | None) -> None:
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
    else:
        write_atomically(output, "".join(chunks))


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with open_engine(settings) as engine:
        migrate.require_current(engine, settings)
        data = export_dataset(engine, args.documents)
        tables: Mapping[str, object] = data if args.format == "json" else {**data, **export_derived(engine, args.documents)}
        try:
            if args.format == "json":
                _emit([render_dataset(data)], args.output)
            elif args.format == "ndjson":
                if args.collection:
                    _emit(ndjson_lines(iter_collection(tables, args.collection)), args.output)
                else:
                    lines: Iterator[JSONObject] = (
                        {"collection": name, "record": record} for name in PACKAGE_COLLECTIONS for record in iter_collection(tables, name)
                    )
                    _emit(ndjson_lines(lines), args.output)
            elif args.collection:
                _emit(csv_lines(args.collection, iter_collection(tables, args.collection), args.bom), args.output)
            elif args.output is None:
                return fail("csv needs --collection, or -o FOLDER to write every collection")
            else:
                args.output.mkdir(parents=True, exist_ok=True)
                write_folder(args.output, package_files(tables, str(data["release"]["version"]), bom=args.bom), write_atomically)
        except OSError as error:
            return fail(f"cannot write {args.output}: {error.strerror}")
        if args.output is not None:
            print(f"wrote {args.output}", file=sys.stderr)
        return 0
