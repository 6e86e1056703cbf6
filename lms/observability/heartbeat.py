"""Stamps that say the Celery workers and the beat scheduler are alive.

A worker stamps the shared cache on Celery's ``heartbeat_sent`` signal (every
2 s by default, written at most every ``HEARTBEAT_WRITE_EVERY`` seconds) and
when it is ready; the scheduler stamps it when it starts and through the
``lms.beat_stamp`` task it schedules every ``LMS_BEAT_STAMP_SECONDS``. The
cache must be the one the web processes read (``CACHE_URL``, Redis) whenever
workers run apart from the web processes.
"""

from __future__ import annotations

import socket
import time

from django.conf import settings
from django.core.cache import cache

WORKER_KEY = "lms:health:worker-heartbeat"
BEAT_KEY = "lms:health:beat"
HEARTBEAT_WRITE_EVERY = 10.0
# Stamps outlive any staleness limit, so «stale» and «never» stay distinct.
STAMP_TTL = 7 * 24 * 60 * 60
_last_write = {"at": 0.0}


def worker_heartbeat_record(*, force: bool = False, now: float | None = None) -> None:
    now = time.time() if now is None else now
    if not force and now - _last_write["at"] < HEARTBEAT_WRITE_EVERY:
        return
    cache.set(WORKER_KEY, {"at": now, "host": socket.gethostname()}, STAMP_TTL)
    _last_write["at"] = now


def beat_stamp_record(*, now: float | None = None) -> None:
    cache.set(BEAT_KEY, {"at": time.time() if now is None else now}, STAMP_TTL)


def workers_expected() -> bool:
    """Tasks go through a broker to worker processes (not run in-process)."""
    return bool(settings.CELERY_BROKER_URL) and not settings.CELERY_TASK_ALWAYS_EAGER


def heartbeat_max_age() -> float:
    return float(getattr(settings, "LMS_HEALTH_HEARTBEAT_MAX_AGE", 60))


def beat_interval() -> float:
    return float(getattr(settings, "LMS_BEAT_STAMP_SECONDS", 60))


def stamp_age(key: str, now: float | None = None) -> float | None:
    """Seconds since the stamp under ``key``; None when there is none."""
    stamp = cache.get(key)
    if not stamp:
        return None
    return max(0.0, (time.time() if now is None else now) - float(stamp["at"]))
