"""Dispatch ``workreport-schema <command>``; every failure is one line and an exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import export_command, validate_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workreport-schema", description="The workreport canonical schema: validate data, export JSON Schema."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (validate_command, export_command):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print("workreport-schema: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
