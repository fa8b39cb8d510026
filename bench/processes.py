"""Start and stop the servers under test on 127.0.0.1, and read their memory."""

from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


_turn = itertools.count()


def free_port() -> int:
    """A free port on 127.0.0.1: any the system gives, or, when WORKREPORT_BENCH_PORTS names a range
    (8820-8829), the next free one of it in turn (so a port just handed out is not handed out again at once)."""
    ports = os.environ.get("WORKREPORT_BENCH_PORTS", "")
    if not ports:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            return int(probe.getsockname()[1])
    low, _, high = ports.partition("-")
    span = range(int(low), int(high or low) + 1)
    for _ in span:
        port = span[next(_turn) % len(span)]
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in WORKREPORT_BENCH_PORTS={ports}")


def wait_for(url: str, timeout: float = 60.0) -> float:
    """Seconds until the URL answers 200."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not answer 200 within {timeout} s")


def rss_mb(pid: int) -> float:
    """Resident memory of one process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used so far (from /proc, so the load of other work on a shared
    machine does not count, unlike wall time)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@dataclass
class Server:
    name: str
    base_url: str
    process: subprocess.Popen[bytes]
    startup_seconds: float

    def worker_pids(self) -> list[int]:
        found = children(self.process.pid)
        return found or [self.process.pid]


@contextmanager
def started(
    name: str, command: list[str], port: int, ready_path: str, env: dict[str, str] | None = None, log: Path | None = None
) -> Iterator[Server]:
    base_url = f"http://127.0.0.1:{port}"
    output = open(log or os.devnull, "w")  # noqa: SIM115 - closed below
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        wait_for(base_url + ready_path)
        yield Server(name, base_url, process, time.monotonic() - start)
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)
        output.close()


def ours(database_url: str, port: int, workers: int = 1, cache: bool = True, log: Path | None = None) -> tuple[list[str], dict[str, str]]:
    env = {"WORKREPORT_LOG_LEVEL": "warning", "WORKREPORT_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}"}
    if not cache:
        env["WORKREPORT_CACHE_MAX_BYTES"] = "0"
    return [str(BIN / "workreport"), "serve", "--port", str(port), "--workers", str(workers), "--database-url", database_url], env


def datasette(database_file: Path, port: int) -> list[str]:
    binary = ROOT / ".venv-bench" / "bin" / "datasette"
    return [
        str(binary),
        "serve",
        "-i",
        str(database_file),
        "--port",
        str(port),
        "--setting",
        "default_page_size",
        "50",
        "--setting",
        "num_sql_threads",
        "3",
    ]


def ceiling(port: int, app: str = "bench.ceiling:app") -> list[str]:
    """A ceiling app on the same uvicorn stack as ours: the bare-ASGI one (precomputed bytes) by default, or
    ``bench.cold_ceiling:app`` (CEILING_DATABASE and CEILING_BASE_URL in its env)."""
    return [str(BIN / "uvicorn"), app, "--port", str(port), "--no-access-log", "--log-level", "warning", "--no-server-header"]
