"""A real Celery worker process consumes real tasks through the Redis broker.

Runs only when ``CELERY_BROKER_URL`` is set (CI's second pass); skipped otherwise.
"""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.db import connection

from lms.celery import app, ping

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL"
    ),
]


def worker_database_url() -> str:
    """The URL of the database the tests use, so the worker sees the same rows."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        pytest.skip("a worker process cannot share an in-memory SQLite database")
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def worker(transactional_db):
    """Start ``celery worker`` on a private queue; yield the queue name."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": worker_database_url(),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "-P",
            "solo",
            "-Q",
            queue,
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        env=env,
        cwd=settings.BASE_DIR,
    )
    app.conf.task_always_eager = False
    try:
        yield queue
    finally:
        app.conf.task_always_eager = True
        process.terminate()
        process.wait(timeout=30)


def test_worker_consumes_task_through_redis(worker):
    """A task sent to the broker is executed by the separate worker process."""
    result = ping.apply_async(args=["hola"], queue=worker)
    assert result.get(timeout=60) == "hola"
    assert not settings.CELERY_BROKER_URL.startswith("memory")
