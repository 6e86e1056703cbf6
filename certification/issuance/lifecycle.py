"""Credential lifecycle actions: suspend, reinstate, revoke, expire, reissue.

Each action checks the actor's permission (an officer of the issuer's country;
``actor=None`` means the system, e.g. the daily expiry), checks that the
transition is allowed, changes the row and its history in one transaction,
republishes the issuer's status lists in that transaction, logs, and sends
``credential_status_changed`` after commit.
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certification.issuance.events import credential_event_record
from certification.issuance.permissions import can_manage_issuer
from certification.issuance.snapshot import template_revision_for
from certification.issuance.statuslists import status_list_publish
from certification.issuance.tasks import reissue_credential
from certification.models import Credential, CredentialEvent, CredentialStatus
from lms.accounts.names import printable_name

logger = logging.getLogger(__name__)
S = CredentialStatus


class LifecycleError(ValueError):
    """The action is not allowed from the credential's status, or lacks data."""


class CredentialAction:
    """One lifecycle change: ``check()`` then ``execute()``."""

    kind: str
    from_statuses: tuple[str, ...]
    to_status: str
    reason_required = False

    def __init__(self, credential: Credential, *, actor=None, reason: str = ""):
        self.credential = credential
        self.actor = actor
        self.reason = (reason or "").strip()

    def check(self) -> None:
        if self.actor is not None and not can_manage_issuer(
            self.actor, self.credential.issuer
        ):
            raise PermissionDenied(_("No puede gestionar credenciales de este emisor."))
        if self.reason_required and not self.reason:
            raise LifecycleError(_("Indique el motivo."))

    def execute(self, *, publish: bool = True) -> Credential:
        """Apply the change; ``publish=False`` leaves republishing the issuer's
        status lists to the caller (once for many changes)."""
        self.check()
        with transaction.atomic():
            locked = Credential.objects.select_for_update().get(pk=self.credential.pk)
            if locked.status not in self.from_statuses:
                raise LifecycleError(
                    _("No se puede pasar de «%(from)s» a «%(to)s».")
                    % {"from": locked.get_status_display(), "to": self.to_status}
                )
            previous = locked.status
            self.apply(locked)
            locked.save()
            credential_event_record(
                locked,
                kind=self.kind,
                from_status=previous,
                actor=self.actor,
                reason=self.reason,
            )
            if publish and locked.status_index is not None:
                status_list_publish(locked.issuer)
        logger.info(
            "credential %s: %s (%s → %s) by %s",
            locked.public_id,
            self.kind,
            previous,
            locked.status,
            getattr(self.actor, "pk", "system"),
        )
        self.credential.refresh_from_db()
        return self.credential

    def apply(self, credential: Credential) -> None:
        credential.status = self.to_status
        credential.status_reason = self.reason


class Suspend(CredentialAction):
    kind = CredentialEvent.Kind.SUSPENDED
    from_statuses = (S.ACTIVE,)
    to_status = S.SUSPENDED


class Reinstate(CredentialAction):
    kind = CredentialEvent.Kind.REINSTATED
    from_statuses = (S.SUSPENDED,)
    to_status = S.ACTIVE


class Revoke(CredentialAction):
    kind = CredentialEvent.Kind.REVOKED
    from_statuses = (S.PENDING, S.ACTIVE, S.SUSPENDED, S.EXPIRED)
    to_status = S.REVOKED
    reason_required = True


class Expire(CredentialAction):
    kind = CredentialEvent.Kind.EXPIRED
    from_statuses = (S.ACTIVE, S.SUSPENDED)
    to_status = S.EXPIRED

    def check(self) -> None:
        super().check()
        until = self.credential.valid_until
        if until is None or until > timezone.now():
            raise LifecycleError(_("La credencial aún está vigente."))


class Reissue(CredentialAction):
    """New artefacts under the same public id (name correction, new template).

    The record's holder name and template revision are updated now; the new
    artefacts are built by a task and replace the old ones only when complete.
    """

    kind = CredentialEvent.Kind.REISSUED
    from_statuses = (S.ACTIVE, S.SUSPENDED)
    reason_required = True

    def __init__(self, credential, *, actor=None, reason="", legal_name=None):
        super().__init__(credential, actor=actor, reason=reason)
        self.legal_name = legal_name

    def apply(self, credential: Credential) -> None:
        self.to_status = credential.status
        # A name correction comes from the argument or from the account.
        credential.holder_name = printable_name(
            self.legal_name or credential.holder.legal_name or credential.holder_name
        )
        credential.template_revision = template_revision_for(credential.program)
        target = credential.artefact_revision + 1
        pk = credential.pk
        transaction.on_commit(lambda: reissue_credential.delay(pk, target))


def credential_suspend(*, credential, actor, reason: str = "") -> Credential:
    return Suspend(credential, actor=actor, reason=reason).execute()


def credential_reinstate(*, credential, actor, reason: str = "") -> Credential:
    return Reinstate(credential, actor=actor, reason=reason).execute()


def credential_revoke(*, credential, actor, reason: str) -> Credential:
    """Revoke for good; ``reason`` is required and shown on the verify page."""
    return Revoke(credential, actor=actor, reason=reason).execute()


def credential_expire(*, credential, actor=None) -> Credential:
    return Expire(credential, actor=actor).execute()


def credential_reissue(
    *, credential, actor, reason: str, legal_name: str | None = None
) -> Credential:
    return Reissue(
        credential, actor=actor, reason=reason, legal_name=legal_name
    ).execute()


@shared_task(name="certification.expire_credentials", acks_late=True)
def expire_credentials() -> int:
    """Daily (celery beat): expire credentials past their validity. A task of
    the lifecycle rather than of ``tasks``, which the lifecycle itself uses to
    queue a reissue's build."""
    return credentials_expire_due()


def credentials_expire_due(*, now=None) -> int:
    """Expire every active or suspended credential past its validity, then
    republish each affected issuer's status lists once."""
    now = now or timezone.now()
    due = Credential.objects.filter(
        status__in=Expire.from_statuses, valid_until__lte=now
    )
    issuers, count = {}, 0
    for credential in due.select_related("issuer").iterator():
        try:
            Expire(credential).execute(publish=False)
        except LifecycleError:
            continue  # changed meanwhile
        issuers[credential.issuer_id] = credential.issuer
        count += 1
    for issuer in issuers.values():
        status_list_publish(issuer)
    return count
