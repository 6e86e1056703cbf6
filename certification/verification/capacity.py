"""How many PDF verifications run at once, per process and across processes.

Reading an uploaded PDF runs in a sandboxed child process (see
``certification.credentials.sandbox``) that may use up to its budget of CPU,
memory and time. So that a burst of uploads cannot take every core and every
worker thread, a verification first takes a slot:

- one of ``settings.LMS_PDF_VERIFY_CONCURRENCY`` per web process (a
  semaphore, never waited on);
- one of ``settings.LMS_PDF_VERIFY_SLOTS`` across every process, kept in the
  Django cache (Redis in production): slot *i* is the key
  ``pdf-verify-slot:i``, taken with ``cache.add`` and expiring on its own
  after the budget's time, so a killed process never leaks one.

Without a free slot the caller answers 503 with ``Retry-After``.
"""

from __future__ import annotations

import secrets
import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache

DEFAULT_CONCURRENCY = 2
DEFAULT_SLOTS = 4
RETRY_AFTER = 10

_lock = threading.Lock()
_semaphores: dict[int, threading.BoundedSemaphore] = {}


class Busy(Exception):
    """Every slot is taken: try again in ``retry_after`` seconds."""

    def __init__(self, retry_after: int = RETRY_AFTER):
        self.retry_after = retry_after
        super().__init__(f"PDF verification busy; retry in {retry_after} s")


def _semaphore() -> threading.BoundedSemaphore:
    size = int(getattr(settings, "LMS_PDF_VERIFY_CONCURRENCY", DEFAULT_CONCURRENCY))
    size = max(1, size)
    with _lock:
        if size not in _semaphores:
            _semaphores[size] = threading.BoundedSemaphore(size)
        return _semaphores[size]


def _take_shared_slot(hold_seconds: int) -> str | None:
    slots = max(1, int(getattr(settings, "LMS_PDF_VERIFY_SLOTS", DEFAULT_SLOTS)))
    token = secrets.token_hex(8)
    for index in range(slots):
        key = f"pdf-verify-slot:{index}"
        if cache.add(key, token, timeout=hold_seconds):
            return key
    return None


@contextmanager
def pdf_verification_slot(*, hold_seconds: float):
    """Hold a slot for one verification, or raise :class:`Busy` at once.

    ``hold_seconds``: the longest a verification may last (its time budget);
    a shared slot expires after it plus a margin even if never released.
    """
    semaphore = _semaphore()
    if not semaphore.acquire(blocking=False):
        raise Busy()
    try:
        key = _take_shared_slot(int(hold_seconds) + 5)
        if key is None:
            raise Busy()
        try:
            yield
        finally:
            cache.delete(key)
    finally:
        semaphore.release()
