"""Celery signal receivers: the request id travels with the tasks a request
queues, tasks are timed and counted, workers and the scheduler stamp their
liveness. Connected by ``lms.celery``.
"""

from __future__ import annotations

import logging
from logging.config import dictConfig

import structlog
from celery import shared_task, signals

from . import heartbeat, metrics
from .logs import current_request_id

HEADER = "lms_request_id"
task_logger = logging.getLogger("lms.task")
STATES = {"SUCCESS": "succeeded", "FAILURE": "failed", "RETRY": "retried"}


def on_before_task_publish(headers=None, **kwargs):
    request_id = current_request_id()
    if request_id and headers is not None and HEADER not in headers:
        headers[HEADER] = request_id


def on_task_prerun(task_id=None, task=None, **kwargs):
    request = task.request
    request_id = getattr(request, HEADER, None) or current_request_id()
    values = {"task_id": task_id, "task": task.name}
    if request_id:
        values["request_id"] = request_id
    request.lms_log_tokens = structlog.contextvars.bind_contextvars(**values)
    metrics.task_started(task_id)
    task_logger.info("task %s started", task.name)


def on_task_postrun(task_id=None, task=None, state=None, **kwargs):
    outcome = STATES.get(state, str(state).lower())
    metrics.task_finished(task.name, task_id, outcome)
    task_logger.info("task %s %s", task.name, outcome, extra={"state": outcome})
    tokens = getattr(task.request, "lms_log_tokens", None)
    if tokens:
        structlog.contextvars.reset_contextvars(**tokens)
        task.request.lms_log_tokens = None


def on_heartbeat_sent(**kwargs):
    heartbeat.worker_heartbeat_record()


def on_worker_ready(**kwargs):
    heartbeat.worker_heartbeat_record(force=True)


def on_beat_init(**kwargs):
    heartbeat.beat_stamp_record()


def on_setup_logging(**kwargs):
    """Workers and beat log as the web processes do (Django's ``LOGGING``)
    instead of Celery's own format."""
    from django.conf import settings

    dictConfig(settings.LOGGING)


@shared_task(name="lms.beat_stamp")
def beat_stamp() -> None:
    """Scheduled by beat every ``LMS_BEAT_STAMP_SECONDS``: ``/health/`` fails
    when its stamp is older than twice that."""
    heartbeat.beat_stamp_record()


def connect() -> None:
    signals.before_task_publish.connect(on_before_task_publish, weak=False)
    signals.task_prerun.connect(on_task_prerun, weak=False)
    signals.task_postrun.connect(on_task_postrun, weak=False)
    signals.heartbeat_sent.connect(on_heartbeat_sent, weak=False)
    signals.worker_ready.connect(on_worker_ready, weak=False)
    signals.beat_init.connect(on_beat_init, weak=False)
    signals.setup_logging.connect(on_setup_logging, weak=False)
