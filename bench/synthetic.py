"""A synthetic corpus: the seed copied N times as distinct documents, loaded into SQLite or PostgreSQL.

python -m bench.synthetic --copies 100 --database-url sqlite:///var/bench-100.sqlite3
"""

from __future__ import annotations

import argparse
import json
import time

from workreport_api.db import migrate
from workreport_api.db.engine import make_engine
from workreport_api.db.loader import load_dataset
from workreport_api.settings import Settings
from workreport_schema import DatasetJSON, content_hash

from .processes import ROOT

SEED = ROOT / "seeds" / "shanghai-2012" / "dataset.json"
SEED_ID = "shanghai-2012"


def copy_of(seed_text: str, number: int) -> DatasetJSON:
    """The seed as document ``shanghai-2012-xNNN`` (copy 0 is the seed itself): same shape, distinct ids."""
    data: DatasetJSON = json.loads(seed_text)
    if number == 0:
        return data
    new_id = f"{SEED_ID}-x{number:03d}"
    records = {key: value for key, value in data.items() if key not in ("units", "bodies", "release")}
    renamed = json.loads(json.dumps(records, ensure_ascii=False).replace(f'"{SEED_ID}', f'"{new_id}'))
    data.update(renamed)
    data["release"]["content_hash"] = content_hash(data)
    return data


def build(database_url: str, copies: int) -> float:
    """Create (or top up) a database with ``copies`` documents; returns the seconds it took."""
    start = time.monotonic()
    settings = Settings.from_env({}, database_url=database_url)
    engine = make_engine(database_url)
    try:
        migrate.upgrade(engine, settings)
        seed_text = SEED.read_text(encoding="utf-8")
        for number in range(copies):
            load_dataset(engine, copy_of(seed_text, number), validate=number == 0)
    finally:
        engine.dispose()
    return time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, required=True)
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    seconds = build(args.database_url, args.copies)
    print(f"loaded {args.copies} documents into {args.database_url} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
