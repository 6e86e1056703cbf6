"""The e-mail outbox in-process: recorded with the change, sent once."""

import pytest
from django.core import mail
from django.db import transaction

from certification.issuance.lifecycle import credential_revoke
from certification.issuance.tasks import issue_credential, issue_credentials_batch
from certification.models import Credential
from certification.notifications import credential_issued_key
from lms.notifications.models import Notification
from lms.notifications.services import (
    notification_record,
    notifications_send,
    notifications_send_pending,
)
from tests.factories import CredentialFactory


@pytest.fixture
def pending_credential(eligible, program):
    return CredentialFactory(program=program, holder=eligible)


def test_activation_records_the_e_mail_in_its_transaction_and_sends_it_once(
    pending_credential,
):
    assert issue_credential(pending_credential.pk) == pending_credential.public_id
    [row] = Notification.objects.all()
    assert row.key == credential_issued_key(pending_credential.pk, 1)
    assert row.state == Notification.State.SENT and row.sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0][2] == "application/pdf"

    assert notifications_send(ids=[row.pk]) == 0  # marked: never again
    assert issue_credentials_batch([pending_credential.pk]) == []
    assert issue_credential(pending_credential.pk) is None
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_a_chunk_run_again_sends_what_its_first_run_left_unsent(
    pending_credential, monkeypatch
):
    """The observed fault: a chunk activated by a worker that died before the
    e-mails. Running it again activates nothing, and still e-mails."""
    from certification.issuance import tasks

    monkeypatch.setattr(tasks, "_notify_issued", lambda ids: None)  # "killed"
    assert issue_credentials_batch([pending_credential.pk]) != []
    assert not mail.outbox
    monkeypatch.undo()

    assert issue_credentials_batch([pending_credential.pk]) == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [pending_credential.holder.email]


def test_recording_the_same_announcement_twice_keeps_one_row(db):
    for _ in range(2):
        with transaction.atomic():
            notification_record(
                kind="certification.credential_issued",
                key="credential_issued:1:r1",
                recipient="ana@example.org",
                payload={"credential": 1, "revision": 1},
            )
    assert Notification.objects.count() == 1


def test_an_e_mail_rolled_back_with_its_change_is_never_sent(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        notification_record(
            kind="certification.credential_issued",
            key="credential_issued:1:r1",
            recipient="ana@example.org",
        )
        raise RuntimeError("the change failed")
    assert not Notification.objects.exists()


def test_the_sweep_skips_an_announcement_made_stale(pending_credential, monkeypatch):
    """A credential revoked before its e-mail left is not announced."""
    from certification.issuance import tasks

    monkeypatch.setattr(tasks, "_notify_issued", lambda ids: None)
    issue_credential(pending_credential.pk)
    credential = Credential.objects.get(pk=pending_credential.pk)
    credential_revoke(credential=credential, actor=None, reason="Error")
    assert notifications_send_pending(older_than_seconds=0) == 0
    assert Notification.objects.get().state == Notification.State.SKIPPED
    assert not mail.outbox


def test_a_failing_mail_server_leaves_the_e_mail_pending_for_the_sweep(
    pending_credential, monkeypatch, settings
):
    from certification.issuance import tasks

    monkeypatch.setattr(tasks, "_notify_issued", lambda ids: None)
    issue_credential(pending_credential.pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # refused
    assert notifications_send_pending(older_than_seconds=0) == 0
    row = Notification.objects.get()
    assert row.state == Notification.State.PENDING and row.attempts == 1
    assert row.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert notifications_send_pending(older_than_seconds=0) == 1
    assert len(mail.outbox) == 1
