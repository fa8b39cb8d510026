"""Issue 15: whole-collection downloads under concurrent clients, against a real `workreport serve` with the cache off.

Before the fix, 32 clients of the CSV export of all measures got mostly 503s after 2-4 s (the bench: 2 req/s,
socket errors): each waiting download blocked a worker thread, and the two downloads holding a slot needed one of
those threads for their next chunk. And a download cut short by its client never gave its slot back, so after two
of them every later download waited 2 s and got 503.
"""

from __future__ import annotations

import shutil
import socket
import struct
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from ..servers import running_server

pytestmark = pytest.mark.slow
CSV = "/v1/export/measures.csv"
CLIENTS = 32
"""As many clients as the bench's connections."""
SECONDS = 30.0
"""A bound on every request and on the whole burst (the downloads take about 1 s here)."""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seeded_templates: dict[str, str]) -> Iterator[str]:
    target = tmp_path_factory.mktemp("downloads") / "seeded.sqlite3"
    shutil.copyfile(seeded_templates["sqlite"], target)
    log = tmp_path_factory.mktemp("log") / "serve.log"
    with running_server(f"sqlite:///{target}", log, extra_env={"WORKREPORT_CACHE_MAX_BYTES": "0"}) as base_url:
        yield base_url


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=SECONDS) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_concurrent_csv_exports_all_succeed_with_the_cache_off(server: str) -> None:
    status, expected = fetch(server + CSV)
    assert status == 200 and expected.count(b"\n") > 100
    together = threading.Barrier(CLIENTS, timeout=SECONDS)

    def client(_: int) -> tuple[int, bytes, float]:
        together.wait()
        started = time.monotonic()
        status, body = fetch(server + CSV)
        return status, body, time.monotonic() - started

    started = time.monotonic()
    with ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(client, range(CLIENTS)))
    elapsed = time.monotonic() - started
    assert [status for status, _, _ in results] == [200] * CLIENTS, [body[:200] for status, body, _ in results if status != 200][:3]
    assert all(body == expected for _, body, _ in results)  # every body complete and byte-identical
    assert elapsed < SECONDS, f"{CLIENTS} downloads took {elapsed:.1f} s"


def cut_short(base_url: str, path: str, after: float) -> None:
    """Ask for a download and reset the connection ``after`` seconds later, whatever has arrived by then."""
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=SECONDS) as connection:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # the server cannot send it all at once
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        time.sleep(after)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


@pytest.mark.parametrize("path", [CSV, "/v1/export/dataset.json", "/v1/measures?format=ndjson"])
def test_downloads_cut_short_by_their_clients_give_their_slots_back(server: str, path: str) -> None:
    for after in (0.0, 0.005, 0.01, 0.02, 0.04, 0.08):  # some land while a chunk is read, some while one is sent
        cut_short(server, path, after)
    time.sleep(0.2)
    started = time.monotonic()
    for _ in range(3):
        status, body = fetch(server + path)
        assert status == 200, body[:300]
    assert time.monotonic() - started < 5.0  # no 2 s waits for a slot nobody holds
