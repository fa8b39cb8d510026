"""clients/python is exactly what the generator makes from clients/openapi.json."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.slow
def test_generated_client_is_current(tmp_path: Path) -> None:
    out = tmp_path / "python"
    command = [
        str(BIN / "openapi-python-client"), "generate", "--path", str(ROOT / "clients" / "openapi.json"), "--meta", "pdm",
        "--config", str(ROOT / "clients" / "python-config.yaml"), "--custom-template-path", str(ROOT / "clients" / "templates"),
        "--fail-on-warning", "--output-path", str(out),
    ]  # fmt: skip
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    generated, committed = _files(out), _files(ROOT / "clients" / "python")
    stale = sorted(name for name in generated.keys() | committed.keys() if generated.get(name) != committed.get(name))
    assert not stale, f"clients/python differs from the generator's output in {stale[:10]}; run `make clients` and commit the result"


def test_readable_names() -> None:
    models = {path.stem for path in (ROOT / "clients" / "python" / "workreport_client" / "models").glob("*.py")}
    assert {"measure", "target", "unit", "responsible_body", "problem", "measure_list", "target_list"} <= models
    operations = {path.stem for path in (ROOT / "clients" / "python" / "workreport_client" / "api").rglob("*.py")}
    assert {"list_measures", "get_measure", "list_targets", "get_target", "search"} <= operations
    assert not any("v1" in name or "get_v" in name for name in operations)
