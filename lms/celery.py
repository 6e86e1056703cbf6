"""Celery application.

With ``CELERY_BROKER_URL`` unset the settings make every task run eagerly in the
calling process, so the embedded demo needs no broker.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="lms.ping")
def ping(value: str = "pong") -> str:
    """Return ``value``: used by health checks and by the worker test in CI."""
    return value
