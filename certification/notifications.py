"""The certification layer's e-mails, through the outbox (lms.notifications).

Each is recorded in the transaction of the change it announces and built when
it is sent, in the holder's language.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from certification.issuance.storage import artefact_read
from certification.models import Credential, CredentialStatus
from lms.accounts.timezones import user_time_zone
from lms.notifications.models import Notification
from lms.notifications.registry import renderer_register
from lms.notifications.services import notifications_record
from lms.public_url import public_base_url

CREDENTIAL_ISSUED = "certification.credential_issued"
RENEWAL_REMINDER = "certification.renewal_reminder"


def credential_issued_key(credential_id: int, revision: int) -> str:
    return f"credential_issued:{credential_id}:r{revision}"


def credential_issued_record(credentials: list[Credential]) -> None:
    """Record the «certificate issued» e-mail of each credential at its current
    artefact revision (a reissue sends the new certificate)."""
    emails = dict(
        get_user_model()
        .objects.filter(pk__in={c.holder_id for c in credentials})
        .values_list("pk", "email")
    )
    notifications_record(
        items=[
            Notification(
                kind=CREDENTIAL_ISSUED,
                key=credential_issued_key(c.pk, c.artefact_revision),
                recipient=emails.get(c.holder_id) or "",
                payload={"credential": c.pk, "revision": c.artefact_revision},
            )
            for c in credentials
        ]
    )


def renewal_reminder_key(credential: Credential) -> str:
    return f"renewal_reminder:{credential.pk}:{credential.valid_until:%Y%m%d}"


def renewal_reminder_record(credential: Credential) -> None:
    notifications_record(
        items=[
            Notification(
                kind=RENEWAL_REMINDER,
                key=renewal_reminder_key(credential),
                recipient=credential.holder.email,
                payload={"credential": credential.pk},
            )
        ]
    )


def _credential(notification: Notification) -> Credential | None:
    return (
        Credential.objects.select_related("holder", "issuer")
        .filter(pk=notification.payload["credential"])
        .first()
    )


def _message(credential, notification, template: str) -> EmailMessage:
    with (
        translation.override(credential.holder.preferred_language or "es"),
        timezone.override(user_time_zone(credential.holder)),
    ):
        context = {"credential": credential, "site": public_base_url()}
        subject = render_to_string(
            f"certification/email/{template}_subject.txt", context
        ).strip()
        body = render_to_string(f"certification/email/{template}.txt", context)
    return EmailMessage(subject, body, to=[notification.recipient])


def renderers_register() -> None:
    """Called by ``CertificationConfig.ready``."""
    renderer_register(CREDENTIAL_ISSUED, credential_issued_render)
    renderer_register(RENEWAL_REMINDER, renewal_reminder_render)


def credential_issued_render(notification: Notification) -> EmailMessage | None:
    """The holder's certificate PDF, while the credential is active at the
    announced revision."""
    credential = _credential(notification)
    if (
        credential is None
        or credential.status != CredentialStatus.ACTIVE
        or credential.artefact_revision != notification.payload["revision"]
    ):
        return None
    message = _message(credential, notification, "credential_issued")
    message.attach(
        f"certificado-{credential.public_id}.pdf",
        artefact_read(credential.pdf_file),
        "application/pdf",
    )
    return message


def renewal_reminder_render(notification: Notification) -> EmailMessage | None:
    credential = _credential(notification)
    if credential is None or credential.status != CredentialStatus.ACTIVE:
        return None
    return _message(credential, notification, "renewal_reminder")
