"""The API installed from wheels, as a user outside the repository would have it.

The three wheels are built from copies of schema/, pipeline/ and api/ (with the
top-level migrations/ and seeds/ that api/workreport_api/bundled links to), and
installed into a fresh virtual environment. From a folder outside the
repository, with no WORKREPORT_ variable set, ``workreport init`` makes the
per-user database and ``workreport serve`` answers from it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from ..servers import free_port, wait_ready
from ..venvs import ROOT, fresh_venv_with

FOLDERS = ("schema", "pipeline", "api", "migrations", "seeds")
NOT_SOURCES = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")


def build_wheels(tmp_path: Path) -> dict[str, Path]:
    """Wheels of the three distributions, built from a copy of their folders (symbolic links kept as links)."""
    source = tmp_path / "source"
    for name in FOLDERS:
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=NOT_SOURCES)
    wheels = tmp_path / "wheels"
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels)]
    result = subprocess.run(command + [str(source / d) for d in ("schema", "pipeline", "api")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return {path.name.split("-")[0]: path for path in wheels.glob("*.whl")}


def repository_files(folder: str) -> set[str]:
    return {
        path.relative_to(ROOT / folder).as_posix()
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def user_environment(tmp_path: Path) -> dict[str, str]:
    """The environment of a user with no WORKREPORT_ settings, whose home and data folders are in tmp_path."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("WORKREPORT_", "PYTHON", "VIRTUAL_ENV"))}
    return {**env, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.mark.slow
def test_the_api_works_installed_from_wheels_outside_the_repository(tmp_path: Path) -> None:
    wheels = build_wheels(tmp_path)
    assert sorted(wheels) == ["workreport_api", "workreport_pipeline", "workreport_schema"]
    with zipfile.ZipFile(wheels["workreport_api"]) as wheel:
        names = [name for name in wheel.namelist() if name.startswith("workreport_api/bundled/")]
    for folder in ("migrations", "seeds"):
        prefix = f"workreport_api/bundled/{folder}/"
        shipped = {name.removeprefix(prefix) for name in names if name.startswith(prefix)}
        assert shipped == repository_files(folder), f"the wheel's {folder}/ is not the repository's"

    bin_dir = fresh_venv_with(tmp_path / "venv", *wheels.values())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = user_environment(tmp_path)

    def workreport(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(bin_dir / "workreport"), *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)

    init = workreport("init")
    assert init.returncode == 0, init.stdout + init.stderr
    assert "loaded shanghai-2012" in init.stdout, init.stdout
    assert (tmp_path / "data" / "workreport" / "workreport.sqlite3").is_file()
    assert list(elsewhere.iterdir()) == [], "init wrote into the working folder"

    # The OpenAPI document, examples included, is the committed one: they come from the package's own seed.
    openapi = workreport("openapi", "-o", str(tmp_path / "openapi.json"))
    assert openapi.returncode == 0, openapi.stderr
    committed = (ROOT / "clients" / "openapi.json").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "openapi.json").read_text(encoding="utf-8")) == json.loads(committed)

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with (tmp_path / "server.log").open("w") as log:
        server = subprocess.Popen(
            [str(bin_dir / "workreport"), "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=elsewhere,
            env={**env, "WORKREPORT_LOG_LEVEL": "warning"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_ready(base_url)
            with urllib.request.urlopen(f"{base_url}/v1/measures?limit=1", timeout=10) as response:
                status, body = response.status, json.loads(response.read())
        finally:
            server.terminate()
            server.wait(timeout=15)
    assert status == 200
    assert len(body["data"]) == 1 and body["data"][0]["id"].startswith("shanghai-2012.")
    assert body["meta"]["total"] > 1
