"""``workreport serve [--host] [--port] [--workers N]``: the HTTP API, refusing to start half-working."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from sqlalchemy.engine import make_url

from ..db import migrate
from ..db.engine import DatabaseError, normalise_url
from .common import Commands, add_database_url, guarded, open_engine, settings_from


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "serve",
        help="serve the HTTP API",
        description="Serve the read-only API with uvicorn. The database must exist and be at this version's migration "
        "(run `workreport init` first); otherwise the command exits with a one-line error.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    add_database_url(parser)
    parser.set_defaults(run=guarded(run))


def check_database(url: str) -> None:
    """A missing SQLite file is an error here: serving must not create an empty database."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:" and not Path(parsed.database).is_file():
        raise DatabaseError(f"no database file at {parsed.database}; run `workreport init`")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    settings = settings_from(args)
    if not 1 <= args.port <= 65535 or not 1 <= args.workers <= 64:
        raise DatabaseError("--port must be 1-65535 and --workers 1-64")
    check_database(settings.database_url)
    with open_engine(settings) as engine:
        migrate.require_current(engine, settings)
    from ..edge.server import GuardedHttpToolsProtocol

    os.environ["WORKREPORT_DATABASE_URL"] = settings.database_url
    os.environ["WORKREPORT_WORKERS"] = str(args.workers)
    uvicorn.run(
        "workreport_api.app:create_served_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=settings.log_level.lower(),
        server_header=False,
        proxy_headers=False,
        http=GuardedHttpToolsProtocol,
        ws="none",
        timeout_keep_alive=settings.keep_alive_seconds,
        timeout_worker_healthcheck=120,  # a worker importing slowly on a busy machine is starting, not dead
        access_log=settings.log_level.lower() == "debug",
    )
    return 0
