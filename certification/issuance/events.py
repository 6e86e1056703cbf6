"""The status history of credentials and the signals that announce it."""

from __future__ import annotations

from django.db import transaction

from certification import integrity
from certification.applications import application_certify
from certification.models import Credential, CredentialEvent
from certification.signals import credential_issued, credential_status_changed


def credential_event_record(
    credential: Credential, *, kind: str, from_status: str, actor=None, reason=""
) -> CredentialEvent:
    """Record a change (inside the caller's transaction); announce it on commit."""
    event = CredentialEvent.objects.create(
        credential=credential,
        kind=kind,
        from_status=from_status,
        to_status=credential.status,
        reason=reason,
        actor=actor,
        artefact_revision=credential.artefact_revision,
        pdf_sha256=credential.pdf_sha256,
    )
    integrity.credential_events_audit([event])
    if kind == CredentialEvent.Kind.ISSUED:
        transaction.on_commit(lambda: credential_issued_announce(credential))
    else:
        transaction.on_commit(
            lambda: credential_status_changed.send(
                sender=Credential, credential=credential, event=event
            )
        )
    return event


def credential_issued_announce(credential: Credential) -> None:
    """After the activating commit: the holder's application says certified,
    then ``credential_issued`` tells the other layers."""
    application_certify(learner=credential.holder, program=credential.program)
    credential_issued.send(sender=Credential, credential=credential)
