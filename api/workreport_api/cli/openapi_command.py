"""``workreport openapi [-o PATH]``: write the OpenAPI document the server would serve."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workreport_schema import write_atomically

from .common import Commands, guarded, settings_from


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "openapi",
        help="write the OpenAPI 3.1 document",
        description="Write the OpenAPI document of the API (make clients writes clients/openapi.json with it). "
        "It does not touch the database.",
    )
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    parser.set_defaults(run=guarded(run))


def run(args: argparse.Namespace) -> int:
    from ..app import create_app, litestar_of  # the web framework loads for this command only (see the package docstring)
    from ..openapi import build_openapi, render_openapi

    settings = settings_from(args)
    app = create_app(settings)
    text = render_openapi(build_openapi(litestar_of(app), settings.public_base_url))
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
    return 0
