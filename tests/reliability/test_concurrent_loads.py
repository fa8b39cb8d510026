"""Two loads of the same document at once: the second waits for the first; the data is never mixed."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from workreport_api.db.engine import make_engine
from workreport_api.db.export import export_dataset
from workreport_schema import validate_data

from ..conftest import ENGINES
from .conftest import SMALL_VERSION, ingest_command, start_paused

OTHER_VERSION = "(一)另一版本\n新增就業崗位10萬個。"


@pytest.mark.slow
@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
def test_second_load_waits_and_wins_cleanly(seeded_url: str, tmp_path: Path) -> None:
    first_text, second_text = tmp_path / "first.txt", tmp_path / "second.txt"
    first_text.write_text(SMALL_VERSION, encoding="utf-8")
    second_text.write_text(OTHER_VERSION, encoding="utf-8")
    first = start_paused(ingest_command(first_text, seeded_url), "measures", tmp_path / "paused", seconds=3)
    second = subprocess.run(ingest_command(second_text, seeded_url), capture_output=True, text=True, timeout=120)
    _, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    engine = make_engine(seeded_url)
    try:
        data = export_dataset(engine)
    finally:
        engine.dispose()
    assert validate_data(data, "dataset") == ("dataset", [])
    (document,) = data["documents"]
    assert document["source_sha256"] == hashlib.sha256(OTHER_VERSION.encode()).hexdigest()
    assert [t["value"] for t in data["targets"]] == [100000]
    assert all(m["text"]["zh-Hant"] in OTHER_VERSION for m in data["measures"])
