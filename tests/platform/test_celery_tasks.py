"""A worker registers every task under the name queued messages and the beat
schedule use, wherever the task's module lives."""

import json
import os
import subprocess
import sys

from django.conf import settings

TASKS = {
    "certification.issue_credential",
    "certification.issue_credentials_batch",
    "certification.reissue_credential",
    "certification.send_credential_email",
    "certification.expire_credentials",
    "certification.send_renewal_reminders",
    "notifications.send_pending",
}

# What ``celery worker`` does on start-up: set Django up, import the task modules.
STARTUP = """
import json, django
django.setup()
from lms.celery import app
app.loader.import_default_modules()
print(json.dumps(sorted(app.tasks)))
"""


def test_a_starting_worker_registers_every_queued_and_scheduled_task():
    out = subprocess.run(
        [sys.executable, "-c", STARTUP],
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test"},
    )
    registered = set(json.loads(out.stdout.strip().splitlines()[-1]))
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled <= registered
    assert registered >= TASKS
