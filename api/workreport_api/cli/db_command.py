"""``workreport db upgrade [REV] | downgrade REV | current``."""

from __future__ import annotations

import argparse

from ..db import migrate
from .common import Commands, add_database_url, guarded, open_engine, settings_from


def register(commands: Commands) -> None:
    parser = commands.add_parser("db", help="database migrations", description="Apply or inspect database migrations.")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="upgrade to a revision (default: head)")
    upgrade.add_argument("revision", nargs="?", default="head")
    downgrade = actions.add_parser("downgrade", help="downgrade to a revision (base: empty)")
    downgrade.add_argument("revision")
    actions.add_parser("current", help="print the current revision and whether it is the head")
    for sub in (upgrade, downgrade, actions.choices["current"]):
        add_database_url(sub)
        sub.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    with open_engine(settings) as engine:
        if args.action == "upgrade":
            migrate.upgrade(engine, settings, args.revision)
        elif args.action == "downgrade":
            migrate.downgrade(engine, settings, args.revision)
        state = migrate.migration_state(engine, settings)
        print(f"{state.current or 'base'} ({state.status}; head is {state.head})")
        return 0
