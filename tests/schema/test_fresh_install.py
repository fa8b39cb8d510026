"""``pip install ./schema`` works alone in a fresh environment, without the API's dependencies."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_schema_installs_and_validates_on_its_own(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            str(ROOT / "constraints.txt"),
            str(ROOT / "schema"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    tool = env_dir / "bin" / "workreport-schema"
    ok = subprocess.run([str(tool), "validate", str(EXAMPLES / "valid" / "dataset.json")], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run(
        [str(tool), "validate", str(EXAMPLES / "semantic" / "dataset-wrong-quote.json")], capture_output=True, text=True, timeout=120
    )
    assert bad.returncode == 1 and "[span-quote]" in bad.stdout
    alone = subprocess.run([str(python), "-c", "import litestar"], capture_output=True, text=True, timeout=60)
    assert alone.returncode != 0, "the schema package pulled in the API's dependencies"
    assert sys.version_info >= (3, 11)
