"""Download slots: waited for on the event loop, handed over in order, never lost (issue 15)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from workreport_api.http.slots import DownloadSlots, Overloaded
from workreport_api.resources.responses import SlotHolding


def test_a_free_slot_is_taken_at_once_and_one_more_is_refused_after_the_wait() -> None:
    slots = DownloadSlots(2, wait=0.05)

    async def scenario() -> None:
        await slots.take()
        await slots.take()
        started = time.monotonic()
        with pytest.raises(Overloaded):
            await slots.take()
        assert 0.04 <= time.monotonic() - started < 1.0
        assert slots.taken == 2

    asyncio.run(scenario())


def test_waiting_downloads_hold_no_thread_and_are_served_in_order() -> None:
    """Fifty downloads wait for one slot on one event loop thread: each is handed the slot in turn."""
    slots = DownloadSlots(1, wait=5.0)
    served: list[int] = []

    async def download(number: int) -> None:
        await slots.take()
        served.append(number)
        await asyncio.sleep(0)
        slots.give_back()

    async def scenario() -> None:
        threads = threading.active_count()
        await asyncio.wait_for(asyncio.gather(*(download(n) for n in range(50))), 5.0)
        assert threading.active_count() == threads

    asyncio.run(scenario())
    assert served == list(range(50))
    assert slots.taken == 0


def test_a_slot_given_back_from_a_worker_thread_wakes_the_waiter_on_its_loop() -> None:
    slots = DownloadSlots(1, wait=5.0)

    async def scenario() -> float:
        await slots.take()
        threading.Timer(0.05, slots.give_back).start()  # a stream ends in the thread that read its last chunk
        started = time.monotonic()
        await slots.take()
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 2.0
    assert slots.taken == 1


def test_a_cancelled_waiter_leaves_the_line_and_a_slot_handed_to_it_goes_on() -> None:
    slots = DownloadSlots(1, wait=5.0)

    async def scenario() -> None:
        await slots.take()
        first = asyncio.create_task(slots.take())
        second = asyncio.create_task(slots.take())
        await asyncio.sleep(0.01)
        slots.give_back()  # handed to the first waiter ...
        first.cancel()  # ... which is cancelled before it runs: the slot goes to the second
        await asyncio.wait_for(second, 2.0)
        with pytest.raises(asyncio.CancelledError):
            await first
        assert slots.taken == 1
        slots.give_back()
        assert slots.taken == 0

    asyncio.run(scenario())


def test_a_slot_given_back_while_the_loop_is_busy_past_the_wait_still_goes_to_the_waiter() -> None:
    slots = DownloadSlots(1, wait=0.05)

    async def scenario() -> None:
        await slots.take()
        waiter = asyncio.create_task(slots.take())
        await asyncio.sleep(0.01)
        time.sleep(0.1)  # the loop is busy past the wait; the slot is handed over before the waiter runs again
        slots.give_back()
        await waiter  # no Overloaded: the slot was already its own
        assert slots.taken == 1

    asyncio.run(scenario())


def test_giving_back_more_than_was_taken_is_an_error() -> None:
    with pytest.raises(ValueError, match="more often than taken"):
        DownloadSlots(1).give_back()


def test_a_stream_gives_its_slot_back_once_however_it_ends() -> None:
    given: list[int] = []
    finished = SlotHolding(iter([b"a", b"b"]), lambda: given.append(1))
    assert list(finished) == [b"a", b"b"]
    finished.close()
    assert given == [1]

    def failing() -> object:
        yield b"a"
        raise RuntimeError("release replaced")

    broken = SlotHolding(failing(), lambda: given.append(2))  # type: ignore[arg-type]
    with pytest.raises(RuntimeError):
        list(broken)
    assert given == [1, 2]

    closed_early: list[str] = []

    def cut_short() -> object:
        try:
            yield b"a"
            yield b"b"
        finally:
            closed_early.append("inner closed")

    abandoned = SlotHolding(cut_short(), lambda: given.append(3))  # type: ignore[arg-type]
    assert next(abandoned) == b"a"
    abandoned.close()  # the client went away: slot back, and the generator's resources released
    abandoned.close()
    assert given == [1, 2, 3]
    assert closed_early == ["inner closed"]
