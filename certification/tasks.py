"""Celery tasks of the certification layer.

Tasks take ids, never objects; they acknowledge late (a task whose worker dies
is delivered again) and are idempotent, so a redelivery or a manual rerun never
duplicates a credential or an e-mail.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.utils import timezone, translation

from certification.issuance.artefacts import (
    credential_activate,
    credential_artefacts_replace,
)
from certification.issuance.storage import artefact_read
from certification.models import Credential, CredentialStatus
from lms.accounts.timezones import user_time_zone
from lms.public_url import public_base_url

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


@shared_task(name="certification.issue_credential", bind=True, **RETRY)
def issue_credential(self, credential_id: int) -> str | None:
    """Build the artefacts of a pending credential and make it active.

    Does nothing when the credential is already active (or revoked). Queues the
    holder's e-mail with the PDF once the activation is committed.
    """
    try:
        credential = credential_activate(credential_id)
    except TRANSIENT:
        raise  # retried with backoff
    except Exception as exc:  # a permanent failure: keep it visible to officers
        Credential.objects.filter(pk=credential_id).update(last_error=str(exc)[:2000])
        logger.exception("credential %s could not be issued", credential_id)
        raise
    if credential is None:
        return None
    send_credential_email.delay(credential.pk)
    return credential.public_id


@shared_task(name="certification.issue_credentials_batch", **RETRY)
def issue_credentials_batch(credential_ids: list[int]) -> list[str]:
    """Build and activate a chunk of pending credentials together (bulk).

    Idempotent like ``issue_credential``: credentials no longer pending are
    skipped. A permanent failure hands every credential of the chunk to
    ``issue_credential``, so one bad record neither blocks the others nor
    hides its own error from the officers; the chunk's task is then marked
    failed with the original error.
    """
    from certification.issuance.batch import credentials_activate_batch

    try:
        activated = credentials_activate_batch(credential_ids)
    except TRANSIENT:
        raise  # retried with backoff
    except Exception:
        logger.exception("batch of %s credentials failed", len(credential_ids))
        for credential_id in credential_ids:
            try:  # eager mode runs the task here; its failure is recorded on it
                issue_credential.delay(credential_id)
            except Exception:
                logger.exception("credential %s could not be issued", credential_id)
        raise
    for credential in activated:
        send_credential_email.delay(credential.pk)
    return [credential.public_id for credential in activated]


@shared_task(name="certification.reissue_credential", **RETRY)
def reissue_credential(credential_id: int, revision: int) -> str | None:
    """Build artefact ``revision`` of a reissued credential (idempotent)."""
    credential = credential_artefacts_replace(credential_id, revision)
    if credential is None:
        return None
    send_credential_email.delay(credential.pk)
    return credential.public_id


@shared_task(name="certification.send_credential_email", **RETRY)
def send_credential_email(credential_id: int) -> bool:
    """E-mail the holder the certificate PDF (in the holder's language)."""
    credential = Credential.objects.select_related("holder", "issuer").get(
        pk=credential_id
    )
    if credential.status != CredentialStatus.ACTIVE or not credential.holder.email:
        return False
    with (
        translation.override(credential.holder.preferred_language or "es"),
        timezone.override(user_time_zone(credential.holder)),
    ):
        context = {"credential": credential, "site": public_base_url()}
        subject = render_to_string(
            "certification/email/credential_issued_subject.txt", context
        ).strip()
        body = render_to_string("certification/email/credential_issued.txt", context)
    message = EmailMessage(subject, body, to=[credential.holder.email])
    message.attach(
        f"certificado-{credential.public_id}.pdf",
        artefact_read(credential.pdf_file),
        "application/pdf",
    )
    message.send()
    return True


@shared_task(name="certification.expire_credentials", acks_late=True)
def expire_credentials() -> int:
    """Daily: expire credentials past their validity (republishing the lists)."""
    from certification.lifecycle import credentials_expire_due

    return credentials_expire_due()


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
    sent = 0
    for credential in due.iterator():
        # Claim the reminder first, so a rerun after a crash never sends twice.
        claimed = Credential.objects.filter(
            pk=credential.pk, renewal_reminded_at__isnull=True
        ).update(renewal_reminded_at=now)
        if claimed and credential.holder.email:
            _renewal_email(credential)
            sent += 1
    return sent


def _renewal_email(credential: Credential) -> None:
    with (
        translation.override(credential.holder.preferred_language or "es"),
        timezone.override(user_time_zone(credential.holder)),
    ):
        context = {"credential": credential, "site": public_base_url()}
        subject = render_to_string(
            "certification/email/renewal_reminder_subject.txt", context
        ).strip()
        body = render_to_string("certification/email/renewal_reminder.txt", context)
    EmailMessage(subject, body, to=[credential.holder.email]).send()
