"""Prometheus metrics of the platform, and the ``/metrics`` endpoint.

- ``lms_http_requests_total{view,method,status}`` and
  ``lms_http_request_duration_seconds{view,method}``: every request, by the
  name of the view that answered it (``MetricsMiddleware``);
- ``lms_celery_tasks_total{task,state}`` (succeeded, failed, retried) and
  ``lms_celery_task_duration_seconds{task}``: Celery's task signals;
- ``lms_verifications_total{kind,verdict}``: verifications by kind (qr, code,
  upload, api) and verdict (the certification layer counts them);
- gauges read at scrape time from the database, registered by the layers
  above with ``scrape_collector_register`` (the issuance queue:
  ``lms_issuance_queue{state}``).

Under gunicorn (several processes) set ``PROMETHEUS_MULTIPROC_DIR`` to an
empty directory shared by the web processes and the Celery workers of the
host, emptied at each start: each process writes its samples there and
``/metrics`` adds them up (prometheus-client's multi-process mode). Without it
each process answers with its own figures only.

``/metrics`` answers to a request from the host itself (loopback, not relayed
by a proxy), to a staff user, or to ``Authorization: Bearer
<LMS_METRICS_TOKEN>``; anything else gets 403.
"""

from __future__ import annotations

import hmac
import os
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.metrics_core import Metric

REQUESTS = Counter(
    "lms_http_requests",
    "HTTP requests answered, by view name, method and status code.",
    ["view", "method", "status"],
)
REQUEST_LATENCY = Histogram(
    "lms_http_request_duration_seconds",
    "Time to answer an HTTP request, by view name and method.",
    ["view", "method"],
)
TASKS = Counter(
    "lms_celery_tasks",
    "Celery tasks run, by task name and outcome (succeeded, failed, retried).",
    ["task", "state"],
)
TASK_LATENCY = Histogram(
    "lms_celery_task_duration_seconds",
    "Time a Celery task ran, by task name.",
    ["task"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600),
)
VERIFICATIONS = Counter(
    "lms_verifications",
    "Verifications of credentials, by kind (qr, code, upload, api) and verdict.",
    ["kind", "verdict"],
)

_scrape_collectors: dict[str, Callable[[], Iterable[Metric]]] = {}


def scrape_collector_register(name: str, collect: Callable[[], Iterable[Metric]]):
    """``collect()`` yields metric families computed when ``/metrics`` is read
    (from the database: the same in every process)."""
    _scrape_collectors[name] = collect


class ScrapeCollector:
    def describe(self):
        return []

    def collect(self):
        for collect in list(_scrape_collectors.values()):
            yield from collect()


_SCRAPE = ScrapeCollector()
REGISTRY.register(_SCRAPE)


def metrics_text() -> bytes:
    """The exposition text of every metric."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(_SCRAPE)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def mark_process_dead(pid: int) -> None:
    """gunicorn's ``child_exit`` hook (see deploy docs): a dead process's live
    gauges stop counting."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(pid)


LOOPBACK = {"127.0.0.1", "::1", "::ffff:127.0.0.1"}
PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED")


def metrics_allowed(request) -> bool:
    token = getattr(settings, "LMS_METRICS_TOKEN", "")
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header[7:].strip().encode(), token.encode())
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    # A reverse proxy on the same host relays public requests from loopback:
    # such a request carries its forwarding headers and is not local.
    return (
        getattr(settings, "LMS_METRICS_ALLOW_LOCALHOST", True)
        and request.META.get("REMOTE_ADDR") in LOOPBACK
        and not any(request.META.get(name) for name in PROXY_HEADERS)
    )


@never_cache
def metrics_view(request):
    if not metrics_allowed(request):
        return HttpResponse(
            "Forbidden: /metrics needs a local request, a staff session or "
            "the bearer token LMS_METRICS_TOKEN.\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(metrics_text(), content_type=CONTENT_TYPE_LATEST)


def view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<unresolved>"
    return match.view_name or match._func_path


class MetricsMiddleware:
    """Counts every request and times it, by the view that answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        view = view_name(request)
        REQUESTS.labels(view, request.method, str(response.status_code)).inc()
        REQUEST_LATENCY.labels(view, request.method).observe(
            time.perf_counter() - started
        )
        return response


_task_started: dict[str, float] = {}


def task_started(task_id: str) -> None:
    _task_started[task_id] = time.perf_counter()


def task_finished(task_name: str, task_id: str, state: str) -> None:
    started = _task_started.pop(task_id, None)
    if started is not None:
        TASK_LATENCY.labels(task_name).observe(time.perf_counter() - started)
    TASKS.labels(task_name, state).inc()
