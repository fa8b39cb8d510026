"""Issue 17 reproductions against a real `workreport serve`: raw sockets, exactly as a hostile client sends them."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ..servers import running_server

pytestmark = pytest.mark.slow
LIMITS = {
    "WORKREPORT_HEADER_TIMEOUT_SECONDS": "1",
    "WORKREPORT_KEEP_ALIVE_SECONDS": "1",
    "WORKREPORT_MAX_CONNECTIONS": "12",
    "WORKREPORT_MAX_HEADER_BYTES": "8192",
    "WORKREPORT_MAX_HEADER_COUNT": "50",
}


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory, seeded_templates: dict[str, str]) -> str:
    target = tmp_path_factory.mktemp("hostile") / "seeded.sqlite3"
    shutil.copyfile(seeded_templates["sqlite"], target)
    return f"sqlite:///{target}"


@pytest.fixture(scope="module")
def server(seeded_file: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_server(seeded_file, tmp_path_factory.mktemp("log") / "serve.log", extra_env=LIMITS) as base_url:
        yield base_url


def address(base_url: str) -> tuple[str, int]:
    host, port = base_url.removeprefix("http://").split(":")
    return host, int(port)


def exchange(base_url: str, raw: bytes, timeout: float = 10.0) -> bytes:
    """Send raw bytes, read until the server closes (or the timeout)."""
    with socket.create_connection(address(base_url), timeout=timeout) as connection:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(raw)
        chunks = []
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except (ConnectionResetError, TimeoutError):
            pass
    return b"".join(chunks)


def parse(response: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def assert_problem(response: bytes, status: int) -> dict[str, object]:
    code, headers, body = parse(response)
    assert code == status, response[:300]
    assert headers["content-type"] == "application/problem+json"
    assert headers["access-control-allow-origin"] == "*"
    assert headers["x-content-type-options"] == "nosniff"
    problem: dict[str, object] = json.loads(body)
    assert problem["status"] == status
    return problem


def healthz_seconds(base_url: str) -> float:
    started = time.monotonic()
    with urllib.request.urlopen(base_url + "/healthz", timeout=10) as response:
        assert response.status == 200
    return time.monotonic() - started


def test_two_accept_headers_do_not_poison_the_cache(server: str) -> None:
    raw = b"GET /v1/measures HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    status, headers, _ = parse(exchange(server, raw))
    assert status == 200 and headers["content-type"].startswith("text/csv")
    empty = b"GET /v1/bodies HTTP/1.1\r\nHost: x\r\nAccept: application/x-ndjson\r\nAccept:\r\nConnection: close\r\n\r\n"
    assert parse(exchange(server, empty))[1]["content-type"].startswith("application/x-ndjson")
    for path in ("/v1/measures", "/v1/bodies"):
        with urllib.request.urlopen(server + path, timeout=10) as response:
            assert response.headers["content-type"].startswith("application/json")
            json.loads(response.read())


def test_a_header_over_the_limit_is_431(server: str) -> None:
    assert_problem(exchange(server, b"GET /v1 HTTP/1.1\r\nHost: x\r\nAccept: " + b"a" * 9000 + b"\r\n\r\n"), 431)


def test_a_huge_header_is_cut_off_at_once_and_others_are_served(server: str) -> None:
    """64 MB of header: the server stops reading at its limit (the client may see the 431 or a reset)."""
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=1) as pool:
        flood = pool.submit(exchange, server, b"GET /v1 HTTP/1.1\r\nHost: x\r\nAccept: " + b"a" * (64 * 1024 * 1024) + b"\r\n\r\n")
        time.sleep(0.2)
        assert healthz_seconds(server) < 2.0
        response = flood.result(timeout=60)
    assert time.monotonic() - started < 10
    if response:
        assert_problem(response, 431)


def test_too_many_header_fields_is_431(server: str) -> None:
    raw = b"GET /v1 HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: 1\r\n" % i for i in range(80)) + b"\r\n"
    assert_problem(exchange(server, raw), 431)


@pytest.mark.parametrize(
    "raw",
    [
        "GET /v1/search?q=养老 HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
        b"GET /v1 HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
        b"NONSENSE\r\n\r\n",
    ],
)
def test_requests_the_server_cannot_parse_get_problem_json(server: str, raw: bytes) -> None:
    problem = assert_problem(exchange(server, raw), 400)
    assert "percent-encoded" in str(problem["detail"])


def test_a_websocket_upgrade_is_answered_as_plain_http(server: str) -> None:
    raw = (
        b"GET /v1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
        b"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
    )
    status, headers, _ = parse(exchange(server, raw, timeout=5))
    assert status == 200
    assert headers["content-type"].startswith("application/json")
    assert headers["x-content-type-options"] == "nosniff"


def test_a_slow_header_gets_408_and_an_idle_connection_is_closed(server: str) -> None:
    started = time.monotonic()
    with socket.create_connection(address(server), timeout=10) as connection:
        connection.sendall(b"GET /v1 HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        response = b""
        while chunk := connection.recv(65536):
            response += chunk
    assert time.monotonic() - started < 5
    assert_problem(response, 408)
    with socket.create_connection(address(server), timeout=10) as idle:
        assert idle.recv(10) == b""  # closed by the server, not by our timeout


def test_connections_beyond_the_limit_get_503(server: str) -> None:
    held = [socket.create_connection(address(server), timeout=10) for _ in range(12)]
    try:
        time.sleep(0.2)
        with socket.create_connection(address(server), timeout=10) as extra:
            response = b""
            while chunk := extra.recv(65536):
                response += chunk
        problem = assert_problem(response, 503)
        assert str(problem["type"]).endswith("/problems/overloaded")
    finally:
        for connection in held:
            connection.close()
    time.sleep(1.5)
    assert healthz_seconds(server) < 2.0


def test_rate_limit_holds_across_workers(seeded_file: str, tmp_path: Path) -> None:
    env = {"WORKREPORT_RATE_LIMIT_PER_MINUTE": "30"}
    with running_server(seeded_file, tmp_path / "serve.log", extra_env=env, workers=2) as base_url:
        passed = 0

        def one(_: int) -> int:
            try:
                with urllib.request.urlopen(base_url + "/v1/units", timeout=10) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(one, range(200)))
        passed = sum(1 for status in statuses if status == 200)
        assert passed <= 30 + 2  # /readyz probes made while starting count too
        assert statuses.count(429) >= 200 - 32


def test_a_database_rebuilt_under_a_running_server_is_served_at_once(seeded_templates: dict[str, str], tmp_path: Path) -> None:
    """`db downgrade base` then `init` restarts release ids at 1: cached pages and 304s must not outlive the old data."""
    import subprocess

    from ..servers import BIN

    database = tmp_path / "rebuilt.sqlite3"
    shutil.copyfile(seeded_templates["sqlite"], database)
    url = f"sqlite:///{database}"
    with running_server(url, tmp_path / "serve.log") as base_url:
        with urllib.request.urlopen(base_url + "/v1", timeout=10) as response:
            before = json.loads(response.read())["data_release"]
            etag = response.headers["etag"]
        for command in (["db", "downgrade", "base"], ["init"]):
            subprocess.run([str(BIN / "workreport"), *command, "--database-url", url], check=True, capture_output=True, timeout=120)
        time.sleep(1.5)  # WORKREPORT_RELEASE_CHECK_SECONDS is 1
        request = urllib.request.Request(base_url + "/v1", headers={"If-None-Match": etag})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            after = json.loads(response.read())["data_release"]
    assert after != before
