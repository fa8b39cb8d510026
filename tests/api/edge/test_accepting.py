"""Admitting every waiting connection at once (edge/accepting.py), on uvloop and asyncio's loop, and in the server."""

from __future__ import annotations

import asyncio
import errno
import socket
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import cast

import pytest
import uvicorn
import uvloop

from workreport_api.edge import accepting
from workreport_api.edge.accepting import admit_waiting, admit_waiting_at, listening_fd
from workreport_api.edge.server import GuardedHttpToolsProtocol

LOOPS: dict[str, Callable[[Coroutine[object, object, object]], object]] = {"uvloop": uvloop.run, "asyncio": asyncio.run}


class Echo(asyncio.Protocol):
    """Sends back what it receives; counts the connections made."""

    made = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports do not derive from asyncio's
        Echo.made += 1

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)


def _talk(clients: list[socket.socket]) -> int:
    answered = 0
    for client in clients:
        client.settimeout(5)
        client.sendall(b"ping")
        answered += client.recv(16) == b"ping"
    return answered


@pytest.mark.parametrize("loop_name", list(LOOPS))
def test_every_waiting_connection_is_admitted_in_one_round_and_works(loop_name: str) -> None:
    async def scenario() -> tuple[int, int, int]:
        Echo.made = 0
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Echo, "127.0.0.1", 0, backlog=64)
        port = server.sockets[0].getsockname()[1]
        fd = listening_fd(("127.0.0.1", port))
        assert fd is not None
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(10)]  # handshakes done by the kernel
        try:
            admitted = admit_waiting(loop, Echo, fd)  # before the loop polls the listening socket at all
            again = admit_waiting(loop, Echo, fd)
            answered = await loop.run_in_executor(None, _talk, clients)
        finally:
            for client in clients:
                client.close()
            server.close()
        return admitted, again, answered

    admitted, again, answered = LOOPS[loop_name](scenario())  # type: ignore[misc]
    assert (admitted, again) == (10, 0)
    assert answered == 10  # each admitted connection is served (the loop owns its socket: nothing closed it)


def test_a_round_admits_at_most_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accepting, "MAX_PER_ROUND", 3)

    async def scenario() -> list[int]:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Echo, "127.0.0.1", 0, backlog=64)
        port = server.sockets[0].getsockname()[1]
        fd = listening_fd(("127.0.0.1", port))
        assert fd is not None
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(5)]
        try:
            return [admit_waiting(loop, Echo, fd), admit_waiting(loop, Echo, fd), admit_waiting(loop, Echo, fd)]
        finally:
            await asyncio.sleep(0.05)
            for client in clients:
                client.close()
            server.close()

    assert uvloop.run(scenario()) == [3, 2, 0]


def test_a_round_admits_no_more_than_the_room_left_and_counts_those_still_being_set_up() -> None:
    """A worker near its connection cap takes only what it can hold: the rest stay waiting for another worker on the
    same socket, instead of being accepted here only to be refused with 503."""

    async def scenario() -> list[int]:
        loop = asyncio.get_running_loop()
        listener = socket.create_server(("127.0.0.1", 0), backlog=64)  # not polled by the loop: only rounds accept
        listener.setblocking(False)
        fd = listener.fileno()
        clients = [socket.create_connection(listener.getsockname()) for _ in range(6)]
        try:
            rounds = [admit_waiting(loop, Echo, fd, room=2)]
            rounds.append(admit_waiting(loop, Echo, fd, room=2))  # the 2 admitted are still being set up: no room
            rounds.append(admit_waiting(loop, Echo, fd, room=0))
            await asyncio.sleep(0.05)  # set up: the caller counts them among its open connections from now on
            rounds.append(admit_waiting(loop, Echo, fd, room=3))
            rounds.append(admit_waiting(loop, Echo, fd, room=3))  # those 3 are being set up
            await asyncio.sleep(0.05)
            rounds.append(admit_waiting(loop, Echo, fd, room=3))  # the last one waiting
            return rounds
        finally:
            await asyncio.sleep(0.05)
            for client in clients:
                client.close()
            listener.close()

    assert uvloop.run(scenario()) == [2, 0, 0, 3, 0, 1]


def test_a_round_never_waits_for_a_connection_even_under_a_default_socket_timeout() -> None:
    """socket.setdefaulttimeout (set by any library in the process) gives the borrowed listener a timeout: accept
    would then wait that long for a connection that is not there, holding the whole event loop."""

    async def scenario() -> tuple[int, float]:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Echo, "127.0.0.1", 0, backlog=64)
        port = server.sockets[0].getsockname()[1]
        fd = listening_fd(("127.0.0.1", port))  # found before the default timeout is set (see the test below)
        assert fd is not None
        client = socket.create_connection(("127.0.0.1", port))
        socket.setdefaulttimeout(2.0)
        try:
            started = time.monotonic()
            admitted = admit_waiting(loop, Echo, fd)
            return admitted, time.monotonic() - started
        finally:
            await asyncio.sleep(0.05)
            client.close()
            server.close()

    try:
        admitted, seconds = uvloop.run(scenario())
    finally:
        socket.setdefaulttimeout(None)
    assert admitted == 1
    assert seconds < 1.0, seconds  # 2 s when the round waited for a second connection


def test_the_listening_socket_is_found_by_port_and_none_for_an_unknown_one() -> None:
    listener = socket.create_server(("0.0.0.0", 0))  # bound to every address: found by the port alone
    try:
        port = listener.getsockname()[1]
        assert listening_fd(("127.0.0.1", port)) == listener.fileno()
        with socket.socket() as unused:
            unused.bind(("127.0.0.1", 0))
            assert listening_fd(("127.0.0.1", unused.getsockname()[1])) is None  # bound, not listening
    finally:
        listener.close()


def test_a_search_that_cannot_list_the_fds_is_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every fd in use (EMFILE) /proc/self/fd cannot be listed; the worker must look again later rather than
    give up admitting for the rest of its life."""
    listener = socket.create_server(("127.0.0.1", 0))
    try:
        address = ("127.0.0.1", listener.getsockname()[1])
        real_listdir = accepting.os.listdir

        def exhausted(path: object) -> list[str]:
            raise OSError(errno.EMFILE, "Too many open files")

        monkeypatch.setattr(accepting.os, "listdir", exhausted)
        assert listening_fd(address) is None
        monkeypatch.setattr(accepting.os, "listdir", real_listdir)
        assert listening_fd(address) == listener.fileno()
    finally:
        listener.close()


def test_a_closed_listening_socket_admits_nothing() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    fd = listener.fileno()
    listener.close()

    async def scenario() -> int:
        return admit_waiting(asyncio.get_running_loop(), Echo, fd)

    assert uvloop.run(scenario()) == 0


def test_a_reused_fd_number_is_not_taken_for_the_listener_it_was() -> None:
    first = socket.create_server(("127.0.0.1", 0))
    port = first.getsockname()[1]
    assert listening_fd(("127.0.0.1", port)) == first.fileno()
    first.close()
    other = socket.create_server(("127.0.0.1", 0))  # most likely the same fd number, another port
    waiting = socket.create_connection(other.getsockname())
    try:

        async def scenario() -> int:
            return admit_waiting_at(asyncio.get_running_loop(), Echo, ("127.0.0.1", port))

        assert uvloop.run(scenario()) == 0  # the connection waiting on the other listener is left alone
        other.settimeout(5)
        accepted, _ = other.accept()
        accepted.close()
    finally:
        waiting.close()
        other.close()


def test_no_socket_is_touched_while_a_default_timeout_is_set() -> None:
    """With socket.setdefaulttimeout set, borrowing an fd as a socket object would make it non-blocking: the search
    for the listener waits (for a later connection) rather than flip the process's other sockets."""
    listener = socket.create_server(("127.0.0.1", 0))
    other = socket.create_connection(listener.getsockname())  # a blocking socket of the process, like a database's
    try:
        socket.setdefaulttimeout(1.0)
        try:
            assert listening_fd(("127.0.0.1", listener.getsockname()[1])) is None
        finally:
            socket.setdefaulttimeout(None)
        assert other.getblocking()
        assert listening_fd(("127.0.0.1", listener.getsockname()[1])) == listener.fileno()  # looked for again
    finally:
        other.close()
        listener.close()


# -- in the server: a burst of connections while the worker is busy ------------------------------------------------

BUSY_SECONDS = 0.02


async def _busy_app(
    scope: dict[str, object], receive: object, send: Callable[[dict[str, object]], Coroutine[object, object, None]]
) -> None:
    """Each request holds the loop for BUSY_SECONDS, as a request's CPU does, then answers."""
    if scope["type"] != "http":
        return
    time.sleep(BUSY_SECONDS)  # deliberately on the loop
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
    await send({"type": "http.response.body", "body": b"ok"})


@contextmanager
def _served() -> Iterator[int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    config = uvicorn.Config(
        _busy_app, host="127.0.0.1", port=port, loop="uvloop", http=GuardedHttpToolsProtocol, ws="none", lifespan="off", log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:  # bounded: a server that cannot start fails below
        time.sleep(0.01)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _request(connection: socket.socket) -> None:
    connection.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n\r\n")
    received = b""
    while not received.endswith(b"ok"):
        chunk = connection.recv(4096)
        assert chunk, "closed"
        received += chunk


def test_a_burst_of_connections_to_a_busy_worker_is_admitted_in_one_turn() -> None:
    """A keep-alive client keeps the worker busy; 8 more connect at once and send one request each. Admitted one per
    turn (libuv alone), each would wait a turn of the busy client's requests; admitted together, all 8 are answered
    while the busy client gets about one request through. Counted, not timed: the busy client's requests answered
    before the last of the 8."""
    with _served() as port:
        busy = socket.create_connection(("127.0.0.1", port), timeout=10)
        done_before_last: list[int] = []
        answered = [0]
        stop = threading.Event()

        def keep_busy() -> None:
            while not stop.is_set():
                _request(busy)
                answered[0] += 1

        worker = threading.Thread(target=keep_busy, daemon=True)
        worker.start()
        while answered[0] < 3:  # the loop is in its stride
            time.sleep(0.005)
        burst = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(8)]
        start = answered[0]
        for connection in burst:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        for connection in burst:
            received = b""
            while not received.endswith(b"ok"):
                chunk = connection.recv(4096)
                assert chunk
                received += chunk
        done_before_last.append(answered[0] - start)
        stop.set()
        worker.join(timeout=10)
        busy.close()
        for connection in burst:
            connection.close()
    # admitted one per turn the busy client gets a request through per connection: 10 in every run without
    # admit_waiting, 3-5 with it (the turn that admits them, the one that sets them up, the one that serves them)
    assert done_before_last[0] <= 6, done_before_last


def test_the_server_offers_a_round_only_the_room_under_its_connection_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each connection the worker makes offers the round what its cap leaves (WORKREPORT_MAX_CONNECTIONS less the
    connections open, this one included): with two workers on one socket, those beyond it stay for the other."""
    from dataclasses import replace

    from workreport_api.edge import server as edge_server
    from workreport_api.settings import Settings

    monkeypatch.setattr(edge_server, "_settings", lambda: replace(Settings.from_env(), max_connections=5))
    offered: list[int] = []
    monkeypatch.setattr(edge_server, "admit_waiting_at", lambda loop, factory, address, room: offered.append(room) or 0)
    with _served() as port:
        connections = []
        try:
            for _ in range(3):
                connections.append(socket.create_connection(("127.0.0.1", port), timeout=10))
                _request(connections[-1])  # made and served: counted among the worker's connections
        finally:
            for connection in connections:
                connection.close()
    assert offered == [4, 3, 2]
