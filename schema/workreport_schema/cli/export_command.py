"""``workreport-schema export [--out DIR] [--base-url URL]``: write the published JSON Schema files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..export import DEFAULT_BASE_URL, all_schemas, render
from ..published import published_dir


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "export",
        help="write the JSON Schema files generated from the models",
        description="Write one draft 2020-12 JSON Schema file per entity (make schema runs this).",
    )
    parser.add_argument("--out", type=Path, help="folder to write to (default: the package's published folder)")
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help=f"base URL of the $ids (default: {DEFAULT_BASE_URL})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    out = args.out or Path(str(published_dir()))
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, schema in all_schemas(args.base_url).items():
            (out / name).write_text(render(schema), encoding="utf-8")
    except OSError as error:
        print(f"workreport-schema: cannot write to {out}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {len(all_schemas(args.base_url))} schema files to {out}")
    return 0
