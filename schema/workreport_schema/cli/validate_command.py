"""``workreport-schema validate FILE...``: exit 0 valid, 1 invalid, 2 unusable input."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..entities import ENTITIES
from ..validate import Report, UnusableInput, validate_file
from ..version import SCHEMA_VERSION

EXIT_VALID, EXIT_INVALID, EXIT_UNUSABLE = 0, 1, 2


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "validate",
        help="validate dataset or single-entity JSON files",
        description="Validate JSON files against the published schema and the semantic rules. "
        "Exit status: 0 valid, 1 invalid, 2 unusable input.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--entity", choices=sorted(ENTITIES), help="entity of every file (default: guessed from its keys)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=run)


def _text(report: Report) -> list[str]:
    if report.valid:
        return [f"{report.file}: valid {report.entity} (schema {SCHEMA_VERSION})"]
    return [
        f"{report.file}: {problem.path or '/'}: [{problem.rule}] {problem.message} (schema {SCHEMA_VERSION})" for problem in report.problems
    ]


def run(args: argparse.Namespace) -> int:
    reports: list[Report] = []
    for path in args.files:
        try:
            reports.append(validate_file(path, args.entity))
        except UnusableInput as error:
            print(f"workreport-schema: {error}", file=sys.stderr)
            return EXIT_UNUSABLE
    if args.format == "json":
        document: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "valid": all(report.valid for report in reports),
            "files": [
                {"file": r.file, "entity": r.entity, "valid": r.valid, "problems": [p.as_dict() for p in r.problems]} for r in reports
            ],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            for line in _text(report):
                print(line)
    return EXIT_VALID if all(report.valid for report in reports) else EXIT_INVALID
