"""``workreport remove DOCUMENT_ID``."""

from __future__ import annotations

import argparse

from ..db import migrate
from ..db.loader import remove_document
from .common import Commands, add_database_url, guarded, open_engine, settings_from


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "remove", help="remove a document and all its records", description="Remove a document in one transaction."
    )
    parser.add_argument("document_id", metavar="DOCUMENT_ID")
    add_database_url(parser)
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with open_engine(settings) as engine:
        migrate.require_current(engine, settings)
        release = remove_document(engine, args.document_id)
        print(f"removed {args.document_id} (release {release})")
        return 0
