"""clients/typescript: types current with the OpenAPI document, and a typed example that tsc accepts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "clients" / "typescript"


@pytest.fixture(scope="module")
def npm() -> str:
    found = shutil.which("npm")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Node.js and npm are required when CI=true")
        pytest.skip("npm is not installed")
    if not (TS / "node_modules" / ".bin" / "openapi-typescript").exists():
        result = subprocess.run(
            [found, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=TS, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, result.stderr[-2000:]
    return found


@pytest.mark.slow
def test_types_are_current(npm: str, tmp_path: Path) -> None:
    out = tmp_path / "schema.d.ts"
    result = subprocess.run(
        [str(TS / "node_modules" / ".bin" / "openapi-typescript"), "../openapi.json", "--output", str(out)],
        cwd=TS,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == (TS / "schema.d.ts").read_text(encoding="utf-8"), (
        "clients/typescript/schema.d.ts is stale; run `make clients`"
    )


@pytest.mark.slow
def test_example_type_checks(npm: str) -> None:
    result = subprocess.run(
        [str(TS / "node_modules" / ".bin" / "tsc"), "--noEmit", "-p", "."], cwd=TS, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_lock_file_records_no_download_addresses() -> None:
    lock = json.loads((TS / "package-lock.json").read_text(encoding="utf-8"))
    assert all("resolved" not in package for package in lock["packages"].values())
    assert "omit-lockfile-registry-resolved=true" in (TS / ".npmrc").read_text(encoding="utf-8")
