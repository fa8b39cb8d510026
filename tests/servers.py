"""Real `workreport serve` processes on 127.0.0.1 for end-to-end tests, always stopped afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    """A free port on 127.0.0.1: any the system gives, or the first free one of WORKREPORT_TEST_PORTS (a range such
    as 8801-8809) on a machine where tests must keep to some ports."""
    low, _, high = os.environ.get("WORKREPORT_TEST_PORTS", "").partition("-")
    for port in range(int(low), int(high or low) + 1) if low else [0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError(f"no free port in WORKREPORT_TEST_PORTS={low}-{high}")


def wait_ready(base_url: str, timeout: float = 30.0, path: str = "/readyz") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url + path, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{base_url}{path} did not answer 200 within {timeout} s")


@contextmanager
def running_server(
    database_url: str, log: Path, extra_env: dict[str, str] | None = None, workers: int = 1, port: int | None = None
) -> Iterator[str]:
    """Serve the database on a free port (or the one given); yields the base URL."""
    port = port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "WORKREPORT_PUBLIC_BASE_URL": base_url, "WORKREPORT_LOG_LEVEL": "warning", **(extra_env or {})}
    command = [str(BIN / "workreport"), "serve", "--port", str(port), "--workers", str(workers), "--database-url", database_url]
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
        try:
            wait_ready(base_url)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
