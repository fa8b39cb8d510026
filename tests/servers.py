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


def test_ports(ports: range | None = None) -> range | None:
    """The ports this process's test servers may use: WORKREPORT_TEST_PORTS (a range such as 8801-8809) or else
    ``ports``; None for any the system gives. Under pytest-xdist each worker takes its own slice of the range
    (gw0 the first, gw1 the next...), so two workers never probe and pick the same port."""
    low, _, high = os.environ.get("WORKREPORT_TEST_PORTS", "").partition("-")
    if low:
        ports = range(int(low), int(high or low) + 1)
    if ports is None:
        return None
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if worker.startswith("gw") and count > 1:
        index, size = int(worker[2:]), len(ports) // count
        if size == 0:
            raise RuntimeError(f"the test port range {ports.start}-{ports.stop - 1} has fewer ports than the {count} pytest-xdist workers")
        ports = ports[index * size : (index + 1) * size]
    return ports


def free_port(ports: range | None = None) -> int:
    """A free port on 127.0.0.1: the first free one of ``test_ports(ports)``, or any the system gives."""
    allowed = test_ports(ports)
    for port in allowed if allowed is not None else [0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError(f"no free port in {allowed}")


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
