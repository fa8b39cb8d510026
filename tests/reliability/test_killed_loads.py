"""A load killed with SIGKILL at any point leaves the previous data complete; the next load succeeds."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from workreport_api.db.engine import make_engine
from workreport_api.db.export import export_dataset
from workreport_schema import render_dataset

from ..conftest import ENGINES, SEED_DATASET
from .conftest import SMALL_VERSION, ingest_command, start_paused


def _export(url: str) -> str:
    engine = make_engine(url)
    try:
        return render_dataset(export_dataset(engine))
    finally:
        engine.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("seeded_url", ENGINES, indirect=True)
@pytest.mark.parametrize("stage", ["deleted", "measures", "search", "release"])
def test_sigkill_mid_load(seeded_url: str, tmp_path: Path, stage: str) -> None:
    source = tmp_path / "new.txt"
    source.write_text(SMALL_VERSION, encoding="utf-8")
    child = start_paused(ingest_command(source, seeded_url), stage, tmp_path / "paused")
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert _export(seeded_url) == SEED_DATASET.read_text(encoding="utf-8"), "the previous version must be complete"
    again = subprocess.run(ingest_command(source, seeded_url), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "loaded shanghai-2012 (2 chapters, 2 paragraphs" in again.stdout
