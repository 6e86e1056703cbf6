"""``/health/``: is this process able to serve?

``/health/`` (also ``/health/ready/``) is readiness: it checks the database,
the cache, the Celery broker (when one is configured), the default file
storage (a small object written, read back and deleted), the workers'
heartbeat and the last run of the beat scheduler (when tasks go to workers),
and whatever the layers above register with ``health_check_register`` (the
certification layer adds its credential storage and the issuers' keys). All
pass: 200 with each check's result. Any fails: 503, naming what failed. A
failure's cause is logged; the public answer only names its kind, and the
``problems`` a check's exception lists in ``health_detail`` (the issuers'
keys name the issuer, the key and what is wrong with it).

``/health/live/`` is liveness: the process answers, nothing else is asked.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from lms.observability import heartbeat

logger = logging.getLogger(__name__)
PROBE = b"cultura-ap health probe"
_checks: dict[str, Callable[[], str | None]] = {}


def health_check_register(name: str, check: Callable[[], str | None]) -> None:
    """``check()`` raises (or returns an error text) when ``name`` is unwell;
    it may return a short note when it is well."""
    _checks[name] = check


def check_database() -> str:
    for alias in connections:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    return ", ".join(connections)


def check_cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 30)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def check_broker() -> str | None:
    if not settings.CELERY_BROKER_URL or settings.CELERY_TASK_ALWAYS_EAGER:
        return "not configured: tasks run in-process"
    from lms.celery import app

    url = settings.CELERY_BROKER_URL
    with app.connection_for_write(url, connect_timeout=3) as connection:
        connection.ensure_connection(max_retries=1, timeout=3)
    return None


def storage_probe(storage: Storage) -> None:
    """Write, read back and delete a small object in ``storage``."""
    name = storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(PROBE))
    try:
        with storage.open(name, "rb") as handle:
            if handle.read() != PROBE:
                raise RuntimeError("the storage did not return what was written")
    finally:
        storage.delete(name)


def check_storage() -> None:
    storage_probe(default_storage)


class WorkerHeartbeatStale(Exception):
    pass


class BeatStale(Exception):
    pass


def check_worker_heartbeat() -> str:
    if not heartbeat.workers_expected():
        return "not expected: tasks run in-process"
    age = heartbeat.stamp_age(heartbeat.WORKER_KEY)
    if age is None:
        raise WorkerHeartbeatStale("no worker has ever recorded a heartbeat")
    if age > heartbeat.heartbeat_max_age():
        raise WorkerHeartbeatStale(f"last worker heartbeat {age:.0f} s ago")
    return f"{age:.0f} s ago"


def check_beat() -> str:
    if not heartbeat.workers_expected():
        return "not expected: tasks run in-process"
    age = heartbeat.stamp_age(heartbeat.BEAT_KEY)
    if age is None:
        raise BeatStale("the beat scheduler has never run")
    if age > 2 * heartbeat.beat_interval():
        raise BeatStale(f"last beat run {age:.0f} s ago")
    return f"{age:.0f} s ago"


BUILT_IN = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "storage": check_storage,
    "worker_heartbeat": check_worker_heartbeat,
    "beat": check_beat,
}


def health_report() -> tuple[bool, dict]:
    results = {}
    for name, check in {**BUILT_IN, **_checks}.items():
        started = time.monotonic()
        try:
            note = check()
            result = {"ok": True}
            if note:
                result["note"] = note
        except Exception as exc:
            logger.warning("health check %s failed: %s", name, exc, exc_info=True)
            result = {"ok": False, "error": type(exc).__name__}
            detail = getattr(exc, "health_detail", None)
            if detail:
                result["problems"] = detail
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        results[name] = result
    return all(result["ok"] for result in results.values()), results


@never_cache
def health(request):
    ok, checks = health_report()
    failed = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "ok" if ok else "error", "checks": checks}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=200 if ok else 503)


@never_cache
def live(request):
    """Liveness: the process is up and serving; no dependency is asked."""
    return JsonResponse({"status": "ok"})
