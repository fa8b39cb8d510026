"""Helpers for fault tests: the seed as another version, and `workreport` child processes."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from ..servers import BIN

SMALL_VERSION = "(一)新版本\n新增養老床位3000張,完成改造。\n(二)第二章\n推進建設。"
"""A short text loaded as a new version of shanghai-2012: easy to tell from the seed."""


def ingest_command(source: Path, url: str) -> list[str]:
    return [
        str(BIN / "workreport"),
        "ingest",
        str(source),
        "--document-id",
        "shanghai-2012",
        "--title",
        "新版本",
        "--year",
        "2012",
        "--database-url",
        url,
    ]


def start_paused(command: list[str], stage: str, marker: Path, seconds: float = 60) -> subprocess.Popen[str]:
    """Start a child that pauses at a load stage; returns once it is there."""
    env = {**os.environ, "WORKREPORT_TEST_PAUSE_AT": f"{stage}:{seconds}", "WORKREPORT_TEST_PAUSE_FILE": str(marker)}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"the child ended before pausing: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the child never reached its pause")
        time.sleep(0.05)
    return process
