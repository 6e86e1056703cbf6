"""Calling pyHanko's synchronous API from any thread.

pyHanko's synchronous functions (signing, validation) start their own event
loop with ``asyncio.run()``, which refuses to run in a thread that already runs
one: under an ASGI server, in an async worker, or beside a browser driver. There
the call goes to a short-lived worker thread instead.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor


def call_outside_event_loop(function, /, *args, **kwargs):
    """Return ``function(*args, **kwargs)``, run in another thread when this
    thread is already running an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()
