"""``workreport-pipeline report DATASET.json``: the quality report of an extraction."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workreport_schema import UnusableInput, read_json, validate_data

from ..report import quality_report, render_markdown
from .commands import Commands


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "report",
        help="print a quality report of a dataset",
        description="Per chapter: paragraphs, measures, quantitative and qualitative targets, bodies by basis; "
        "then every number in the text that did not become a target, with the reason; "
        "then the bodies found by the shape of their names that no curation lists yet; "
        "then every clause in no measure, the qualitative targets by how they were read, "
        "and every action clause with no target.",
    )
    parser.add_argument("dataset", type=Path, metavar="DATASET", help="dataset JSON file (with the document text)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        data = read_json(args.dataset)
    except UnusableInput as error:
        print(f"workreport-pipeline: {error}", file=sys.stderr)
        return 2
    _, problems = validate_data(data, "dataset")
    if problems:
        first = problems[0]
        print(
            f"workreport-pipeline: {args.dataset} is not a valid dataset: {first.path or '/'}: [{first.rule}] {first.message}",
            file=sys.stderr,
        )
        return 1
    report = quality_report(data)
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render_markdown(report))
    return 0
