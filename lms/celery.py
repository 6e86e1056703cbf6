"""Celery application.

With ``CELERY_BROKER_URL`` unset the settings make every task run eagerly in the
calling process, so the embedded demo needs no broker.
"""

import os

from celery import Celery

from lms.observability import tasks as observability_tasks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Request ids into tasks, task metrics, worker and beat liveness stamps, and
# Django's logging in workers (lms.observability).
observability_tasks.connect()


@app.task(name="lms.ping")
def ping(value: str = "pong") -> str:
    """Return ``value``: used by health checks and by the worker test in CI."""
    return value
