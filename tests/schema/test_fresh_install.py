"""``pip install ./schema`` works alone in a fresh environment, without the API's dependencies."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ..venvs import ROOT, fresh_venv_with
from .conftest import EXAMPLES


@pytest.mark.slow
def test_schema_installs_and_validates_on_its_own(tmp_path: Path) -> None:
    bin_dir = fresh_venv_with(tmp_path / "venv", ROOT / "schema")
    python = bin_dir / "python"
    tool = bin_dir / "workreport-schema"
    ok = subprocess.run([str(tool), "validate", str(EXAMPLES / "valid" / "dataset.json")], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run(
        [str(tool), "validate", str(EXAMPLES / "semantic" / "dataset-wrong-quote.json")], capture_output=True, text=True, timeout=120
    )
    assert bad.returncode == 1 and "[span-quote]" in bad.stdout
    alone = subprocess.run([str(python), "-c", "import litestar"], capture_output=True, text=True, timeout=60)
    assert alone.returncode != 0, "the schema package pulled in the API's dependencies"
