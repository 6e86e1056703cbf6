"""Celery tasks of the certification layer.

Tasks take ids, never objects; they acknowledge late (a task whose worker dies
is delivered again) and are idempotent, so a redelivery or a manual rerun never
duplicates a credential. E-mails go through the outbox (``lms.notifications``):
recorded with the change, sent and marked once. The daily expiry task is
``lifecycle.expire_credentials``, beside the actions it runs.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from certification.issuance.artefacts import (
    credential_activate,
    credential_artefacts_replace,
)
from certification.issuance.batch import credentials_activate_batch
from certification.issuance.queue import issuance_attempt_start, issuance_failed
from certification.models import Credential, CredentialStatus
from certification.notifications import (
    credential_issued_key,
    credential_issued_record,
    renewal_reminder_key,
    renewal_reminder_record,
)
from lms.notifications.services import notifications_dispatch, test_pause

logger = logging.getLogger(__name__)

# Failures worth retrying: the database or the disk/object storage blinked.
TRANSIENT = (OperationalError, InterfaceError, OSError)
RETRY = {
    "acks_late": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}


def last_try(task) -> bool:
    """No retry follows this attempt of ``task``: its retries ran out, or it
    runs in-process with errors raised to the caller (Celery's eager mode then
    raises ``Retry`` instead of trying again)."""
    if task.request.retries >= task.max_retries:
        return True
    return bool(task.request.is_eager and task.app.conf.task_eager_propagates)


@shared_task(name="certification.issue_credential", bind=True, **RETRY)
def issue_credential(self, credential_id: int) -> str | None:
    """Build the artefacts of a pending credential and make it active.

    Does nothing when the credential is already active (or revoked). The
    holder's e-mail with the PDF is recorded in the activation's transaction
    and sent by ``notifications.send`` (queued here, again on a redelivery
    while it is unsent).
    """
    issuance_attempt_start([credential_id])
    try:
        credential = credential_activate(credential_id)
    except TRANSIENT as exc:
        if last_try(self):
            issuance_failed([credential_id], exc)
        raise  # retried with backoff
    except Exception as exc:  # a permanent failure: keep it visible to officers
        issuance_failed([credential_id], exc)
        raise
    test_pause("credentials_activated")
    _notify_issued([credential_id])
    return credential.public_id if credential is not None else None


@shared_task(name="certification.issue_credentials_batch", bind=True, **RETRY)
def issue_credentials_batch(self, credential_ids: list[int]) -> list[str]:
    """Build and activate a chunk of pending credentials together (bulk).

    Idempotent like ``issue_credential``: credentials no longer pending are
    skipped, and the holders' e-mails recorded with the activation but not yet
    sent are queued again, so a chunk redelivered after its worker died
    notifies every holder. A permanent failure hands every credential of the
    chunk to ``issue_credential``, so one bad record neither blocks the others
    nor hides its own error from the officers; the chunk's task is then marked
    failed with the original error. When the retries of a transient failure
    run out, every credential of the chunk still pending is marked failed,
    as ``issue_credential`` marks its own, for the officers to retry; those
    the chunk activated before the failure stay active.
    """
    issuance_attempt_start(credential_ids)
    try:
        activated = credentials_activate_batch(credential_ids)
    except TRANSIENT as exc:
        if last_try(self):
            issuance_failed(credential_ids, exc)
        raise  # retried with backoff
    except Exception:
        logger.exception("batch of %s credentials failed", len(credential_ids))
        for credential_id in credential_ids:
            try:  # eager mode runs the task here; its failure is recorded on it
                issue_credential.delay(credential_id)
            except Exception:
                logger.exception("credential %s could not be issued", credential_id)
        raise
    test_pause("credentials_activated")
    _notify_issued(credential_ids)
    return [credential.public_id for credential in activated]


@shared_task(name="certification.reissue_credential", **RETRY)
def reissue_credential(credential_id: int, revision: int) -> str | None:
    """Build artefact ``revision`` of a reissued credential (idempotent)."""
    credential = credential_artefacts_replace(credential_id, revision)
    notifications_dispatch(keys=[credential_issued_key(credential_id, revision)])
    return credential.public_id if credential is not None else None


@shared_task(name="certification.send_credential_email", **RETRY)
def send_credential_email(credential_id: int) -> bool:
    """E-mail the holder the certificate PDF of an active credential, once per
    artefact revision (tasks queued before the outbox existed end here)."""
    credential = Credential.objects.filter(pk=credential_id).first()
    if credential is None or credential.status != CredentialStatus.ACTIVE:
        return False
    with transaction.atomic():
        credential_issued_record([credential])
    key = credential_issued_key(credential.pk, credential.artefact_revision)
    return bool(notifications_dispatch(keys=[key]))


def _notify_issued(credential_ids: list[int]) -> None:
    """Queue the unsent «certificate issued» e-mails of ``credential_ids``."""
    revisions = Credential.objects.filter(
        pk__in=credential_ids, status=CredentialStatus.ACTIVE
    ).values_list("pk", "artefact_revision")
    notifications_dispatch(
        keys=[credential_issued_key(pk, revision) for pk, revision in revisions]
    )


@shared_task(name="certification.send_renewal_reminders", acks_late=True)
def send_renewal_reminders() -> int:
    """Daily: remind holders ``LMS_RENEWAL_REMINDER_DAYS`` days before expiry,
    once per credential."""
    days = int(getattr(settings, "LMS_RENEWAL_REMINDER_DAYS", 60))
    now = timezone.now()
    due = Credential.objects.filter(
        status=CredentialStatus.ACTIVE,
        renewal_reminded_at__isnull=True,
        valid_until__gt=now,
        valid_until__lte=now + timedelta(days=days),
    ).select_related("holder")
    queued = []
    for credential in due.iterator():
        # The claim and the e-mail's record commit together: a rerun after a
        # crash finds the reminder claimed and its e-mail recorded, once.
        with transaction.atomic():
            claimed = Credential.objects.filter(
                pk=credential.pk, renewal_reminded_at__isnull=True
            ).update(renewal_reminded_at=now)
            if claimed and credential.holder.email:
                renewal_reminder_record(credential)
                queued.append(renewal_reminder_key(credential))
    notifications_dispatch(keys=queued)
    return len(queued)
