"""Dispatch ``workreport-pipeline <command>``; every failure is one line and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import extract_command, report_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workreport-pipeline", description="Extract workreport data from report text.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (extract_command, report_command):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print("workreport-pipeline: interrupted; nothing was written", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
