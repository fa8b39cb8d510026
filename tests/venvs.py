"""Fresh virtual environments with one of our distributions installed, as a user would have them."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fresh_venv_with(folder: Path, *distributions: Path) -> Path:
    """Create a venv in ``folder`` and pip-install ``distributions`` (folders or wheels, not editable) with our constraints.

    Returns the venv's bin folder.
    """
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    command = [
        str(python),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-c",
        str(ROOT / "constraints.txt"),
        *map(str, distributions),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return folder / "bin"
