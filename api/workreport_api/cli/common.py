"""What every command shares: --database-url, settings, and one-line errors with an exit status."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeAlias

from sqlalchemy import Engine

from ..db.engine import DatabaseError, make_engine
from ..db.export import ExportError
from ..db.loader import LoadError
from ..seeds import SeedError
from ..settings import Settings, SettingsError

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""Where each command module registers its parser (``add_subparsers``; argparse names the type only privately, and
it is generic only to type checkers, hence the string)."""

USER_ERRORS: tuple[type[Exception], ...] = (DatabaseError, LoadError, ExportError, SeedError, SettingsError)


def add_database_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="database URL (overrides WORKREPORT_DATABASE_URL; default: the SQLite file under var/)",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings.from_env(database_url=getattr(args, "database_url", None))


@contextmanager
def open_engine(settings: Settings) -> Iterator[Engine]:
    """An engine for the command, disposed at the end so no connection outlives it."""
    engine = make_engine(settings.database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def fail(message: str, code: int = 1) -> int:
    print(f"workreport: {message}", file=sys.stderr)
    return code


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Run a command, turning user errors into one line and exit status 1."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except USER_ERRORS as error:
            return fail(str(error))

    return wrapper
