"""Concurrent requests for one uncached response: one computes, the others wait a bounded time (edge/single_flight.py)."""

from __future__ import annotations

import asyncio
import time

from workreport_api.edge.single_flight import SingleFlight

KEY = (b"/v1/measures", b"", b"")


def test_a_follower_waits_for_the_leader_and_the_key_is_released() -> None:
    async def scenario() -> list[str]:
        flights = SingleFlight(wait_seconds=5.0)
        events: list[str] = []
        with flights.lead(KEY) as filled:
            leader = flights.leader(KEY)
            assert leader is filled

            async def follower() -> None:
                await flights.follow(filled)
                events.append("follower done")

            task = asyncio.create_task(follower())
            await asyncio.sleep(0.01)
            events.append("leader fills")
            filled.set_result(None)
            await task
        assert flights.leader(KEY) is None
        return events

    assert asyncio.run(scenario()) == ["leader fills", "follower done"]


def test_a_follower_gives_up_after_the_wait() -> None:
    async def scenario() -> float:
        flights = SingleFlight(wait_seconds=0.05)
        with flights.lead(KEY) as filled:
            started = time.monotonic()
            await flights.follow(filled)
            waited = time.monotonic() - started
            assert not filled.done()  # the leader is still at work: a timed-out follower does not cancel it
        assert filled.done()  # leaving the block settles the future, so no follower waits for nothing
        return waited

    assert 0.04 <= asyncio.run(scenario()) < 1.0


def test_a_failed_leader_still_releases_its_followers() -> None:
    async def scenario() -> bool:
        flights = SingleFlight(wait_seconds=5.0)
        try:
            with flights.lead(KEY) as filled:
                raise RuntimeError("boom")
        except RuntimeError:
            pass
        return filled.done() and flights.leader(KEY) is None

    assert asyncio.run(scenario())
