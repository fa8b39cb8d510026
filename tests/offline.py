"""Run a command with no network at all, to prove something works offline."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def run_offline(command: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The command in a new network namespace without interfaces (needs root, as CI has; required when CI=true)."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode:
        if os.environ.get("CI") == "true":
            raise AssertionError("unshare -n is needed to prove offline use")
        pytest.skip("cannot make a network namespace here")
    return subprocess.run(["unshare", "-n", *command], capture_output=True, text=True, cwd=cwd, timeout=timeout, check=False)
