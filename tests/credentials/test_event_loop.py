"""Signing and validation work from a thread that already runs an event loop
(an ASGI server, an async worker, a browser driver)."""

import asyncio

from certification.credentials._loop import call_outside_event_loop


def test_a_nested_asyncio_run_goes_to_another_thread():
    async def inside_a_running_loop():
        return call_outside_event_loop(asyncio.run, asyncio.sleep(0, result="ok"))

    # The outer loop itself may need its own thread: the test session can be
    # running one already (the browser tests' driver).
    assert call_outside_event_loop(asyncio.run, inside_a_running_loop()) == "ok"


def test_without_a_running_loop_the_call_is_direct():
    assert call_outside_event_loop(lambda value: value * 2, 21) == 42
