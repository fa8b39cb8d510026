"""Dispatch ``workreport <command>``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workreport_pipeline import OneLineArgumentParser

from . import db_command, export_command, ingest_command, init_command, openapi_command, remove_command, serve_command


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(prog="workreport", description="workreport: load government work reports and serve them as open data.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (init_command, ingest_command, remove_command, export_command, db_command, serve_command, openapi_command):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print("workreport: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
