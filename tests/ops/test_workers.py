"""With real Celery processes on Redis and PostgreSQL: a worker's heartbeat
and beat's run make ``/health/`` pass (and their absence fail), and the
request id travels in the task's message headers into the worker's JSON log
lines. Skipped without ``CELERY_BROKER_URL`` and ``CACHE_URL`` (the shared
cache the stamps go through) or on SQLite."""

import json
import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache

from certification.credentials import keys
from certification.issuance.service import credential_issue
from certification.models import Credential, CredentialStatus
from lms.observability import heartbeat
from tests.certification.conftest import make_program, make_standard
from tests.issuance.conftest import make_eligible
from tests.platform.test_celery_worker import worker_database_url

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (os.environ.get("CELERY_BROKER_URL") and os.environ.get("CACHE_URL")),
        reason="needs CELERY_BROKER_URL and CACHE_URL",
    ),
]


def celery(args, *, log, env=None):
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lms", *args],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": worker_database_url(),
            "LMS_LOG_FORMAT": "json",
            **(env or {}),
        },
        cwd=django_settings.BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(process):
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def wait_for(predicate, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def queue(settings):
    from lms.celery import app

    name = f"test-ops-{uuid.uuid4().hex[:8]}"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    cache.delete_many([heartbeat.WORKER_KEY, heartbeat.BEAT_KEY])
    try:
        yield name
    finally:
        app.conf.task_always_eager = True
        app.conf.task_default_queue = previous


@pytest.fixture
def failed_in_test_settings(queue):
    """A credential whose build failed, in the test settings' key directory
    and private media (what a worker process reads)."""
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Prueba")
    program = make_program(
        make_standard("CL", units=1, criteria=0), code=f"cl-o-{uuid.uuid4().hex[:6]}"
    )
    credential = credential_issue(
        user=make_eligible(program), program=program, queue=False
    )
    # As the build task leaves it after a permanent failure.
    Credential.objects.filter(pk=credential.pk).update(
        last_error="earlier failure", issuance_attempts=1
    )
    return credential


def test_worker_and_beat_stamps_and_the_request_id_in_the_worker_log(
    failed_in_test_settings, chile_officer, client, queue, tmp_path
):
    failed = failed_in_test_settings
    # No worker, no beat yet: not ready.
    body = client.get("/health/").json()
    assert {"worker_heartbeat", "beat"} <= set(body["failed"])

    log_path = tmp_path / "worker.log"
    with open(log_path, "wb") as log:
        worker = celery(
            ["worker", "-P", "solo", "-Q", queue, "--without-mingle"],
            log=log,
            env={"LMS_TEST_CELERY_QUEUE": queue},
        )
        beat = celery(
            [
                "beat",
                "-s",
                str(tmp_path / "schedule"),
                "--pidfile",
                str(tmp_path / "beat.pid"),
            ],
            log=log,
            env={"LMS_TEST_CELERY_QUEUE": queue},
        )
        try:
            assert wait_for(lambda: heartbeat.stamp_age(heartbeat.WORKER_KEY))
            assert wait_for(lambda: heartbeat.stamp_age(heartbeat.BEAT_KEY))
            checks = client.get("/health/").json()["checks"]
            assert checks["worker_heartbeat"]["ok"] and checks["beat"]["ok"]

            response = client.post(
                f"/admin/credentials/queue/{failed.public_id}/retry/",
                HTTP_X_REQUEST_ID="req-worker-5e1d",
            )
            assert response["X-Request-ID"] == "req-worker-5e1d"

            def issued():
                failed.refresh_from_db()
                return failed.status == CredentialStatus.ACTIVE

            assert wait_for(issued), log_path.read_text()[-3000:]
        finally:
            stop(beat)
            stop(worker)
    records = []
    for line in log_path.read_text().splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            continue  # Celery's banner
    task_lines = [
        r
        for r in records
        if r.get("logger") == "lms.task"
        and r.get("task") == "certification.issue_credential"
    ]
    assert task_lines, log_path.read_text()[-3000:]
    assert {r.get("request_id") for r in task_lines} == {"req-worker-5e1d"}
