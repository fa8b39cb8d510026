"""Admitting every connection already waiting, not one per turn of the event loop.

uvloop's libuv (1.45 and later, libuv#3696) accepts one connection each time the listening socket is polled and
leaves the rest for the next turn of the loop. On a worker busy with keep-alive connections a turn first serves
every ready request (32 connections at 0.4 ms: 13 ms), so a burst of new connections is admitted one turn apart:
in the bench the last of a burst of 12 waited 150-250 ms for its first response, where its request took 13 ms.
asyncio's own loop accepts up to the backlog at once but serves about 20% fewer cached requests, so the server
keeps uvloop, and each time libuv admits a connection (``GuardedHttpToolsProtocol.connection_made``) the worker
accepts the others already waiting (``admit_waiting``), as asyncio does.

The listening socket belongs to uvicorn (or to the parent process, with several workers): it is found once per
process among the process's open sockets (``listening_fd``, Linux's /proc; elsewhere there is none and libuv
admits connections alone) and borrowed for each round of accepts, never kept open: once uvicorn closes it at
shutdown, accepting on it fails and nothing more is admitted.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

MAX_PER_ROUND = 128
"""Connections admitted in one round at most (a flood of connects still leaves the loop to serve requests)."""
_FDS = Path("/proc/self/fd")
_unknown = object()
_found: dict[object, object] = {}
"""The listening socket's fd found for each local address (``listening_fd``), per process."""
_pending: set[asyncio.Task[object]] = set()
"""Connections being set up (the loop keeps only weak references to tasks)."""


@contextmanager
def _borrowed(fd: int) -> Iterator[socket.socket]:
    """A socket object over an fd this module does not own: detached afterwards, so the fd is never closed here
    (OSError if the fd is not a socket, or closed)."""
    borrowed = socket.socket(fileno=fd)
    try:
        yield borrowed
    finally:
        borrowed.detach()


def _local_key(address: object) -> object:
    """What identifies a listening socket from the local address of a connection it accepted: the path of a Unix
    socket, else the port (a socket bound to every address, 0.0.0.0 or ::, has the port but not the address)."""
    if isinstance(address, tuple) and len(address) >= 2:
        return address[1]
    return address


def listening_fd(local_address: object) -> int | None:
    """The fd of this process's listening socket that accepted connections with this local address, or None.

    Read once per address: the open fds that are sockets, borrowed (never closed here), the one in the listening
    state whose address has the same port (or Unix path)."""
    key = _local_key(local_address)
    found = _found.get(key, _unknown)
    if found is _unknown:
        found = _search(key)
        if found is not _unknown:
            _found[key] = found
    return found if isinstance(found, int) else None


def _search(key: object) -> object:
    """The fd, None if there is none, or ``_unknown`` if the fds could not be listed now (all in use: EMFILE),
    which is not remembered."""
    if socket.getdefaulttimeout() is not None:
        # a socket object made from an fd with a default timeout set makes that fd non-blocking: every socket of the
        # process (a database's) would be flipped while looking; look again on a later connection instead
        return _unknown
    try:
        names = os.listdir(_FDS)
    except FileNotFoundError:  # no /proc: libuv admits connections alone
        return None
    except OSError:  # too many open files, say: look again on a later connection
        return _unknown
    for name in names:
        fd = int(name)
        try:
            if not os.readlink(_FDS / name).startswith("socket:"):
                continue
            with _borrowed(fd) as candidate:
                if _is_listening_at(candidate, key):
                    return fd
        except OSError:
            continue
    return None


def _is_listening_at(candidate: socket.socket, key: object) -> bool:
    """Whether the socket is in the listening state with this port (or Unix path)."""
    try:
        return bool(candidate.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)) and _local_key(candidate.getsockname()) == key
    except OSError:
        return False


def admit_waiting_at(
    loop: asyncio.AbstractEventLoop, protocol_factory: Callable[[], asyncio.Protocol], local_address: object, room: int = MAX_PER_ROUND
) -> int:
    """``admit_waiting`` on the listening socket that accepted a connection with this local address, if found."""
    fd = listening_fd(local_address)
    return 0 if fd is None else admit_waiting(loop, protocol_factory, fd, _local_key(local_address), room)


def admit_waiting(
    loop: asyncio.AbstractEventLoop,
    protocol_factory: Callable[[], asyncio.Protocol],
    fd: int,
    expected: object = None,
    room: int = MAX_PER_ROUND,
) -> int:
    """Accept the connections waiting on the listening socket ``fd`` (at most ``MAX_PER_ROUND``, and at most ``room``
    less those still being set up), each set up with a protocol from ``protocol_factory`` as the loop would; returns
    how many. ``room`` is how many more connections the caller can hold (its connection cap less those open): a
    connection beyond it is left waiting, for another worker on the same socket to admit, rather than taken here
    only to be refused. Any error accepting ends the round (nothing waiting, too many open files, the socket closed
    at shutdown): libuv's next poll admits the rest.
    With ``expected`` (a port or path), ``fd`` is first checked to still be that listening socket (an fd number
    can be reused once its socket is closed); if not, it is forgotten and nothing is admitted."""
    bound = min(MAX_PER_ROUND, room - len(_pending))
    if bound <= 0:
        return 0
    admitted = 0
    try:
        with _borrowed(fd) as listener:
            if expected is not None and not _is_listening_at(listener, expected):
                _found.pop(expected, None)
                return 0
            # never wait for a connection (libuv's listening socket is non-blocking already, this fd's flags
            # unchanged): under socket.setdefaulttimeout the borrowed socket has a timeout, and accept would hold the
            # loop that long
            listener.settimeout(0)
            while admitted < bound:
                try:
                    connection, _ = listener.accept()
                    connection.setblocking(False)
                except OSError:
                    break
                task: asyncio.Task[object] = loop.create_task(loop.connect_accepted_socket(protocol_factory, connection))
                _pending.add(task)
                task.add_done_callback(partial(_set_up, connection))
                admitted += 1
    except OSError:  # borrowing failed: the fd is closed or no longer a socket, so forget it
        _found.pop(expected, None)
    return admitted


def _set_up(connection: socket.socket, task: asyncio.Task[object]) -> None:
    """A connection set up, or not: a socket the loop could not take is closed here."""
    _pending.discard(task)
    if task.cancelled() or task.exception() is not None:
        connection.close()
