"""The issuance queue: credentials whose artefacts are being built.

A pending credential is *waiting* (queued, no attempt started yet), *running*
(an attempt started and has not failed), or *failed* (the last attempt failed
for good: ``last_error`` says why; nothing of it is visible, see
``artefacts``). *Retried* credentials took more than one attempt, automatic
(transient failures) or an officer's retry. Officers see the queue in the CMS
and retry failed items; ``/metrics`` reads its depth.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from certification.models import Credential, CredentialStatus
from lms.audit.models import AuditAction
from lms.audit.services import audit_record

logger = logging.getLogger("certification.issuance.tasks")

STATES = ("waiting", "running", "failed", "retried")

_PENDING = Q(status=CredentialStatus.PENDING)
FILTERS = {
    "waiting": _PENDING & Q(last_error="", issuance_started_at__isnull=True),
    "running": _PENDING & Q(last_error="", issuance_started_at__isnull=False),
    "failed": _PENDING & ~Q(last_error=""),
    "retried": Q(issuance_attempts__gt=1),
}


class NotFailed(Exception):
    """Only a failed credential can be retried."""


def issuance_attempt_start(credential_ids) -> None:
    """A build task starts on ``credential_ids``: the pending ones are running,
    one attempt more (committed at once, so the queue shows it)."""
    pending = Credential.objects.filter(
        pk__in=list(credential_ids), status=CredentialStatus.PENDING
    )
    pending.update(
        issuance_started_at=timezone.now(),
        issuance_attempts=F("issuance_attempts") + 1,
    )


def issuance_failed(credential_ids, exc: BaseException) -> int:
    """The build of ``credential_ids`` failed for good (a permanent error, or
    the last retry of a transient one): those still pending are *failed*,
    ``last_error`` saying why, for officers to see and retry. Active ones are
    left alone. Returns how many were marked."""
    error = str(exc)[:2000] or type(exc).__name__
    ids = list(credential_ids)
    marked = Credential.objects.filter(
        pk__in=ids, status=CredentialStatus.PENDING
    ).update(last_error=error)
    logger.error(
        "credential build failed for good (%s of %s credentials marked failed): %s",
        marked,
        len(ids),
        error,
        exc_info=exc,
    )
    return marked


def issuance_queue_counts(credentials=None) -> dict[str, int]:
    """How many credentials are in each state of the queue."""
    credentials = Credential.objects.all() if credentials is None else credentials
    return credentials.aggregate(
        **{state: Count("pk", filter=FILTERS[state]) for state in STATES}
    )


def issuance_queue(credentials, state: str):
    return (
        credentials.filter(FILTERS[state])
        .select_related("issuer", "program")
        .order_by("-updated_at", "-pk")
    )


def credential_issuance_retry(*, credential: Credential, actor) -> None:
    """Queue a failed credential's build again, recorded in the audit log.

    The caller checks that ``actor`` manages the credential's issuer.
    """
    from .service import credential_build_queue

    with transaction.atomic():
        locked = Credential.objects.select_for_update().get(pk=credential.pk)
        if locked.status != CredentialStatus.PENDING or not locked.last_error:
            raise NotFailed(credential.public_id)
        error = locked.last_error
        locked.last_error = ""
        locked.issuance_started_at = None
        locked.save(update_fields=["last_error", "issuance_started_at", "updated_at"])
        audit_record(
            action=AuditAction.CREDENTIAL_RETRIED,
            obj=locked,
            actor=actor,
            country=locked.issuer.country_id,
            before={"last_error": error[:500], "attempts": locked.issuance_attempts},
            after={"status": locked.status},
        )
        credential_build_queue(locked, robust=True)
