"""Lists filtered by q, in process: CPU and wall time of one request (median), the first page and the next, with the
response cache off, for queries matching from a few hundred to ten thousand records at 100× the seed.

python -m bench.qlists --database-url sqlite:///var/bench-100.sqlite3 [--repeat 30]

Build the database with ``python -m bench.synthetic --copies 100``; the document and chapter filters name the copy
``shanghai-2012-x050`` when the database has it, else the seed.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from typing import Any
from urllib.parse import quote, unquote

from workreport_api.settings import Settings

QUERIES = (",使", "养老", "体系建设", ",提", "进一步", "动", "建设", "进")
"""Measures' queries by how many they match: 3, 6, 8, 10, 19, 48, 62 and 113 in the seed (×100 at 100×)."""


def paths(document: str) -> list[str]:
    """The lists timed: q alone, then with a filter within one document and across documents."""
    return [f"/v1/measures?q={quote(query)}" for query in QUERIES] + [
        f"/v1/measures?q={quote('养老')}&document={document}",
        f"/v1/measures?q={quote('建设')}&chapter={document}.c10",
        f"/v1/measures?q={quote('建设')}&body=shanghai.culture-radio-film-tv-bureau",
        f"/v1/measures?q={quote('养老')}&has_targets=true",
        f"/v1/targets?q={quote('住房')}",
        f"/v1/targets?q={quote('新')}",
    ]


def timed(client: Any, path: str, repeat: int) -> tuple[float, float, Any]:
    """Median CPU and wall milliseconds of ``repeat`` requests, and the last response."""
    cpu, wall = [], []
    response = client.get(path)
    for _ in range(repeat):
        started, clock = time.process_time(), time.perf_counter()
        response = client.get(path)
        cpu.append((time.process_time() - started) * 1000)
        wall.append((time.perf_counter() - clock) * 1000)
    return statistics.median(cpu), statistics.median(wall), response


def main() -> None:
    from litestar.testing import TestClient

    from workreport_api.app import create_app

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    logging.disable(logging.INFO)
    settings = Settings.from_env({}, database_url=args.database_url, cache_max_bytes=0, release_check_seconds=0.0)
    app: Any = create_app(settings)  # the edge around Litestar: an ASGI app
    with TestClient(app=app, base_url="http://127.0.0.1:8000") as client:
        big = client.get("/v1/documents/shanghai-2012-x050").status_code == 200
        print("| list | total | cpu ms | wall ms | next page cpu ms |\n|---|---:|---:|---:|---:|")
        for path in paths("shanghai-2012-x050" if big else "shanghai-2012"):
            cpu, wall, response = timed(client, path, args.repeat)
            assert response.status_code == 200, response.text
            meta = response.json()["meta"]
            following = response.json()["links"]["next"]
            after = f"{timed(client, following.removeprefix('http://127.0.0.1:8000'), args.repeat)[0]:.2f}" if following else ""
            total = f"≈{meta['total']}" if meta.get("total_estimated") else str(meta["total"])
            print(f"| `{unquote(path.removeprefix('/v1/'))}` | {total} | {cpu:.2f} | {wall:.2f} | {after} |")


if __name__ == "__main__":
    main()
