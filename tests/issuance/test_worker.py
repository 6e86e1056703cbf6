"""Issuance through a real Celery worker on Redis, including a worker killed
in the middle of the task.

Runs only when ``CELERY_BROKER_URL`` is set and the database is PostgreSQL (a
worker process cannot share the in-memory SQLite database); skipped otherwise.
"""

import hashlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from certification.credentials import keys
from certification.issuance.queue import credential_issuance_retry
from certification.issuance.selectors import credential_public_get
from certification.issuance.service import credential_bulk_issue, credential_issue
from certification.issuance.storage import artefact_name, artefact_read
from certification.issuance.tasks import issue_credential, issue_credentials_batch
from certification.models import Credential, CredentialStatus
from lms.celery import app
from tests.certification.conftest import make_program, make_standard
from tests.factories import UserFactory, make_eligible
from tests.helpers import storage_block
from tests.platform.test_celery_worker import worker_database_url

pytestmark = [
    pytest.mark.services,
    # Committed rows are visible to the worker; reference data survives flushes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL"
    ),
]


def start_worker(queue: str, *, delay: float = 0) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": worker_database_url(),
        "LMS_TEST_ISSUE_DELAY": str(delay),
    }
    return subprocess.Popen(
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


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def worker_program(queue):
    # The worker reads the test settings' key directory and private media, so
    # the keys are generated there (idempotent) rather than in a tmp_path.
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Prueba")
    standard = make_standard("CL", units=2, criteria=0)
    return make_program(standard, code=f"cl-w-{uuid.uuid4().hex[:6]}")


def wait_for(predicate, timeout: float = 120) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def assert_complete(credential: Credential) -> None:
    assert credential.status == CredentialStatus.ACTIVE
    pdf = artefact_read(credential.pdf_file)
    assert hashlib.sha256(pdf).hexdigest() == credential.pdf_sha256
    assert artefact_read(credential.json_file)
    assert artefact_read(credential.jwt_file)


def test_worker_issues_a_credential_through_redis(queue, worker_program):
    learner = make_eligible(worker_program)
    worker = start_worker(queue)
    try:
        credential = credential_issue(user=learner, program=worker_program)
        assert wait_for(
            lambda: Credential.objects.get(pk=credential.pk).status == "active"
        )
    finally:
        stop(worker)
    credential.refresh_from_db()
    assert_complete(credential)


def test_worker_killed_mid_task_leaves_nothing_half_issued(queue, worker_program):
    """SIGKILL while the artefacts are written but the record not yet active:
    the credential stays pending and invisible; running the task again on a
    fresh worker completes the same single credential."""
    learner = make_eligible(worker_program)
    doomed = start_worker(queue, delay=120)
    try:
        credential = credential_issue(user=learner, program=worker_program)
        storage_root = Path(settings.PRIVATE_MEDIA_ROOT) / "credentials"
        pdf = storage_root / artefact_name(credential.public_id, 1, "certificate.pdf")
        assert wait_for(pdf.exists), "the worker never reached the delay window"
        os.kill(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=30)
    finally:
        stop(doomed)

    credential.refresh_from_db()
    assert credential.status == CredentialStatus.PENDING
    assert credential_public_get(credential.public_id) is None

    fresh = start_worker(queue)
    try:
        result = issue_credential.apply_async(args=[credential.pk], queue=queue)
        assert result.get(timeout=180) == credential.public_id
    finally:
        stop(fresh)
    assert Credential.objects.filter(holder=learner).count() == 1
    credential.refresh_from_db()
    assert_complete(credential)
    assert credential_public_get(credential.public_id).pk == credential.pk
    assert list(credential.events.values_list("kind", flat=True)) == [
        "requested",
        "issued",
    ]


def test_worker_marks_a_chunk_failed_when_its_last_retry_fails(queue, worker_program):
    """The last retry of a chunk meets the same transient failure (its disk
    blocked): the worker marks every credential it left pending failed, with
    nothing of them issued; an officer's retry then issues them."""
    learners = [make_eligible(worker_program) for _ in range(2)]
    pending = credential_bulk_issue(
        users=learners, program=worker_program, issued_by=None
    )
    with app.connection_for_write() as connection:  # the chunk's first try
        connection.default_channel.queue_purge(queue)
    blocker = storage_block(pending[0])
    ids = [credential.pk for credential in pending]
    worker = start_worker(queue)
    try:
        last = issue_credentials_batch.apply_async(
            args=[ids], queue=queue, retries=issue_credentials_batch.max_retries
        )
        with pytest.raises(OSError):
            last.get(timeout=180)
        for credential in Credential.objects.filter(pk__in=ids):
            assert credential.status == CredentialStatus.PENDING
            assert "Not a directory" in credential.last_error
            assert credential.issuance_attempts == 1
            assert (credential.pdf_file, credential.json_file) == ("", "")
            assert credential_public_get(credential.public_id) is None

        blocker.unlink()
        officer = UserFactory()
        for credential in pending:
            credential_issuance_retry(credential=credential, actor=officer)
        assert wait_for(
            lambda: (
                set(
                    Credential.objects.filter(pk__in=ids).values_list(
                        "status", flat=True
                    )
                )
                == {"active"}
            )
        )
    finally:
        stop(worker)
        if blocker.is_file():
            blocker.unlink()
    for credential in Credential.objects.filter(pk__in=ids):
        assert credential.last_error == ""
        assert_complete(credential)
