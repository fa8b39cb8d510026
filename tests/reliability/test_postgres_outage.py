"""PostgreSQL stops while the server runs: data routes and /readyz answer 503; when it returns, the same process serves again.

The test owns its PostgreSQL: a temporary cluster made with initdb in a temp
folder, started and stopped with pg_ctl as the postgres user — never the
machine's shared server.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import psycopg
import pytest

from workreport_api.cli import main

from ..servers import free_port, running_server


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class Cluster:
    def __init__(self, folder: Path, bin_dir: Path) -> None:
        self.data = folder / "data"
        self.bin = bin_dir
        self.port = free_port()
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self.data.parent.mkdir(parents=True, exist_ok=True)
        if self.prefix:
            shutil.chown(self.data.parent, "postgres", "postgres")
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "--auth=trust", "-U", "postgres", "--no-sync")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.data.parent / "pg.log"), "-w", "start")

    def stop(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    bin_dir = _binaries()
    usable = bin_dir is not None and (os.geteuid() != 0 or shutil.which("runuser"))
    if not usable:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL's initdb and pg_ctl are required when CI=true")
        pytest.skip("initdb is not available")
    folder = Path(tempfile.mkdtemp(prefix="workreport-pg-"))  # not under pytest's 0700 folder: postgres must reach it
    os.chmod(folder, 0o755)
    owned = Cluster(folder / "cluster", bin_dir)  # type: ignore[arg-type]
    owned.init()
    owned.start()
    try:
        yield owned
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            owned.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _get(url: str) -> tuple[int, Message, bytes]:
    """Status, headers (case-insensitive) and body, for errors too."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.mark.slow
def test_outage_is_503_and_the_same_process_recovers(cluster: Cluster, tmp_path: Path) -> None:
    with psycopg.connect(f"host=127.0.0.1 port={cluster.port} user=postgres dbname=postgres", autocommit=True) as admin:
        admin.execute("CREATE DATABASE workreport")
    url = cluster.url("workreport")
    assert main(["init", "--database-url", url]) == 0
    with running_server(url, tmp_path / "server.log", {"WORKREPORT_RELEASE_CHECK_SECONDS": "0"}) as base:
        assert _get(base + "/v1/measures?limit=1")[0] == 200
        cluster.stop()
        for path in ("/v1/measures?limit=1", "/v1/measures/shanghai-2012.c03.p01.m01", "/v1/search?q=%E9%A4%8A", "/readyz", "/v1"):
            status, headers, body = _get(base + path)
            assert status == 503, (path, status, body[:200])
            assert headers["Retry-After"] == "5" and headers["Content-Type"] == "application/problem+json"
        assert _get(base + "/healthz")[0] == 200
        cluster.start()
        deadline = time.monotonic() + 30
        while _get(base + "/readyz")[0] != 200:
            assert time.monotonic() < deadline, "the server did not recover"
            time.sleep(0.2)
        status, _, body = _get(base + "/v1/measures?limit=1")
        assert status == 200 and b"shanghai-2012" in body
