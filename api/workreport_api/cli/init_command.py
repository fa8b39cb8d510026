"""``workreport init``: upgrade, then load each bundled document that is missing or changed."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..db import migrate
from ..db.loader import document_hashes, load_dataset
from ..seeds import bundled
from .common import Commands, add_database_url, guarded, open_engine, settings_from


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "init",
        help="create or upgrade the database and load the bundled documents",
        description="Upgrade the database to the latest migration, then load every bundled document under seeds/ "
        "that is missing or whose content hash changed. Running it again changes nothing.",
    )
    add_database_url(parser)
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with open_engine(settings) as engine:
        migrate.upgrade(engine, settings)
        loaded = document_hashes(engine)
        for seed in bundled(Path(settings.seeds_dir)):
            data = seed.dataset()
            wanted = {document["id"] for document in data["documents"]}
            if all(loaded.get(doc_id) == data["release"]["content_hash"] for doc_id in wanted):
                print(f"{seed.name}: up to date")
                continue
            for result in load_dataset(engine, data):
                counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
                print(f"{seed.name}: loaded {result.document_id} ({counts}; release {result.release_id})")
        return 0
