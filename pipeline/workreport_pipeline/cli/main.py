"""Dispatch ``workreport-pipeline <command>``; every failure is one line and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import extract_command, report_command


class OneLineArgumentParser(argparse.ArgumentParser):
    """A usage error (a bad or missing option) is one line and exit status 1, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(prog="workreport-pipeline", description="Extract workreport data from report text.")
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
