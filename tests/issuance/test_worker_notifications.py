"""Holders' e-mails through a real Celery worker on Redis, with the worker
killed at several points: every holder is notified exactly once.

Each worker writes its e-mails to files (``LMS_TEST_EMAIL_DIR``), so the test
counts what reached the mail backend across worker processes. Runs only with
``CELERY_BROKER_URL`` and PostgreSQL, like ``test_worker``.
"""

import email
import os
import signal
import subprocess
import sys
import uuid
from collections import Counter

import pytest
from django.conf import settings

from certification.credentials import keys
from certification.issuance.service import credential_bulk_issue
from certification.models import Credential, CredentialStatus
from lms.notifications.models import Notification
from lms.notifications.tasks import send_pending_notifications
from tests.certification.conftest import make_program, make_standard
from tests.factories import UserFactory
from tests.platform.test_celery_worker import worker_database_url

from .test_worker import wait_for

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL"
    ),
]

HOLDERS = 6
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def start_worker(queue_name, mail_dir, *, pause_at="", redeliver=False, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": worker_database_url(),
        "LMS_TEST_CELERY_QUEUE": queue_name,
        "LMS_TEST_EMAIL_DIR": str(mail_dir),
        "LMS_TEST_PAUSE_AT": pause_at,
        "LMS_TEST_PAUSE_SECONDS": "300",
        # A fresh worker takes back, as it starts, the unacknowledged tasks of
        # a killed one (Redis redelivers after the visibility timeout).
        "CELERY_VISIBILITY_TIMEOUT": "1" if redeliver else "600",
        **extra,
    }
    command = [sys.executable, "-m", "celery", "-A", "lms", "worker", "-P", "solo"]
    command += ["-Q", queue_name, "--without-mingle", "--without-gossip"]
    return subprocess.Popen(
        [*command, "--loglevel=WARNING"], env=env, cwd=settings.BASE_DIR
    )


def kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=60)


def delivered(mail_dir) -> Counter:
    """How many e-mails each address received, over every worker's files."""
    received = Counter()
    for path in mail_dir.iterdir():
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                received[email.message_from_bytes(chunk)["To"]] += 1
    return received


def pending() -> int:
    return Notification.objects.filter(state=Notification.State.PENDING).count()


@pytest.fixture
def cohort(queue):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Prueba")
    standard = make_standard("CL", units=1, criteria=0)
    program = make_program(standard, code=f"cl-n-{uuid.uuid4().hex[:6]}")
    users = [
        UserFactory(email=f"titular{n}-{uuid.uuid4().hex[:6]}@example.org")
        for n in range(HOLDERS)
    ]
    return program, users


@pytest.fixture
def mail_dir(tmp_path):
    path = tmp_path / "mail"
    path.mkdir()
    return path


def all_active(credentials) -> bool:
    return Credential.objects.filter(
        pk__in=[c.pk for c in credentials], status=CredentialStatus.ACTIVE
    ).count() == len(credentials)


def assert_each_once(mail_dir, users) -> None:
    assert delivered(mail_dir) == Counter({user.email: 1 for user in users})
    assert not Notification.objects.exclude(state=Notification.State.SENT).exists()


def test_chunk_redelivered_after_activation_notifies_every_holder_once(
    queue,
    cohort,
    mail_dir,
):
    """Killed right after the chunk is activated, before any e-mail: the
    redelivered chunk activates nothing, yet every holder gets one e-mail."""
    program, users = cohort
    doomed = start_worker(queue, mail_dir, pause_at="credentials_activated")
    try:
        credentials = credential_bulk_issue(
            users=users, program=program, issued_by=None, force=True
        )
        assert wait_for(lambda: all_active(credentials))
        kill(doomed)
    finally:
        stop(doomed)
    assert pending() == HOLDERS  # recorded with the activation
    assert not delivered(mail_dir)

    fresh = start_worker(queue, mail_dir, redeliver=True)
    try:
        assert wait_for(lambda: pending() == 0)
    finally:
        stop(fresh)
    assert_each_once(mail_dir, users)


def test_worker_killed_between_two_e_mails_sends_the_rest_once(
    queue,
    cohort,
    mail_dir,
):
    """Killed after the first e-mail was sent and marked: the redelivered
    sending task sends the others, never the first again."""
    program, users = cohort
    doomed = start_worker(queue, mail_dir, pause_at="notification_sent")
    try:
        credential_bulk_issue(users=users, program=program, issued_by=None, force=True)
        assert wait_for(lambda: Notification.objects.filter(state="sent").count() == 1)
        kill(doomed)
    finally:
        stop(doomed)
    assert sum(delivered(mail_dir).values()) == 1

    fresh = start_worker(queue, mail_dir, redeliver=True)
    try:
        assert wait_for(lambda: pending() == 0)
    finally:
        stop(fresh)
    assert_each_once(mail_dir, users)


def test_the_sweep_sends_what_a_killed_worker_left_and_a_late_redelivery_adds_nothing(
    queue,
    cohort,
    mail_dir,
):
    """The periodic task sends what a killed worker recorded; when the killed
    chunk is redelivered afterwards, nothing is sent a second time."""
    program, users = cohort
    doomed = start_worker(queue, mail_dir, pause_at="credentials_activated")
    try:
        credentials = credential_bulk_issue(
            users=users, program=program, issued_by=None, force=True
        )
        assert wait_for(lambda: all_active(credentials))
        kill(doomed)
    finally:
        stop(doomed)

    sweeper = start_worker(queue, mail_dir, LMS_NOTIFICATIONS_RETRY_AFTER="0")
    try:
        result = send_pending_notifications.apply_async(queue=queue)
        assert result.get(timeout=180) == HOLDERS
    finally:
        stop(sweeper)
    assert_each_once(mail_dir, users)

    late = start_worker(queue, mail_dir, redeliver=True)
    try:
        from certification.issuance.tasks import issue_credentials_batch

        chunk = [c.pk for c in credentials]
        again = issue_credentials_batch.apply_async(args=[chunk], queue=queue)
        assert again.get(timeout=180) == []
        done = send_pending_notifications.apply_async(queue=queue)
        assert done.get(timeout=180) == 0
    finally:
        stop(late)
    assert_each_once(mail_dir, users)


def test_the_window_between_sending_and_marking_repeats_one_e_mail_at_most(
    queue,
    cohort,
    mail_dir,
):
    """Killed after the mail server took an e-mail but before it was marked
    sent (the documented window): that one e-mail is sent again, every other
    holder receives exactly one."""
    program, users = cohort
    doomed = start_worker(queue, mail_dir, pause_at="notification_sent_unmarked")
    try:
        credential_bulk_issue(users=users, program=program, issued_by=None, force=True)
        assert wait_for(lambda: sum(delivered(mail_dir).values()) == 1)
        kill(doomed)
    finally:
        stop(doomed)
    assert pending() == HOLDERS  # the mark was never committed
    [(first, _)] = delivered(mail_dir).items()

    fresh = start_worker(queue, mail_dir, redeliver=True)
    try:
        assert wait_for(lambda: pending() == 0)
    finally:
        stop(fresh)
    expected = Counter({user.email: 1 for user in users})
    expected[first] = 2
    assert delivered(mail_dir) == expected
