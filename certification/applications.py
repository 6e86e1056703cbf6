"""The application state machine: from applying to a program to the certificate.

::

    applied --> in assessment --> eligible --> awaiting approval --> certified
       |              |              |  \\___(automatic program)______/^
       +--------------+--------------+--------------+--> rejected (with reason)
    (any open state) --> withdrawn --> applied (applying again)
    eligible / awaiting approval --> in assessment (evidence withdrawn on regrade)

Each transition is a small class with its allowed starting states; ``execute``
locks the application's row, checks the state, changes it and logs. The system
moves applications along as evidence and credentials appear (``actor=None``);
an officer of the issuer's country rejects, with a reason the learner reads.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from certification.issuance.permissions import can_manage_issuer
from certification.models import ApplicationStatus, ProgramApplication

logger = logging.getLogger(__name__)
A = ApplicationStatus
#: States in which an application is still on its way.
OPEN_STATES = (A.APPLIED, A.IN_ASSESSMENT, A.ELIGIBLE, A.AWAITING_APPROVAL)


class ApplicationError(ValueError):
    """The transition is not allowed from the application's state, or lacks data."""


class ApplicationTransition:
    """One change of state: ``check()`` then ``execute()``."""

    from_states: tuple[str, ...]
    to_state: str
    reason_required = False
    officer_only = False

    def __init__(self, application: ProgramApplication, *, actor=None, reason=""):
        self.application = application
        self.actor = actor
        self.reason = (reason or "").strip()

    def check(self) -> None:
        if self.officer_only and self.actor is None:
            raise PermissionDenied(_("Esta acción la realiza un oficial."))
        if self.actor is not None and self.officer_only:
            if self.actor.pk == self.application.learner_id:
                raise PermissionDenied(
                    _("No puede decidir sobre su propia postulación.")
                )
            if not can_manage_issuer(self.actor, self.application.program.issuer):
                raise PermissionDenied(
                    _("No puede gestionar postulaciones de este emisor.")
                )
        if self.reason_required and not self.reason:
            raise ApplicationError(_("Indique el motivo."))

    def execute(self) -> ProgramApplication:
        self.check()
        with transaction.atomic():
            locked = ProgramApplication.objects.select_for_update().get(
                pk=self.application.pk
            )
            if locked.status not in self.from_states:
                raise ApplicationError(
                    _("No se puede pasar de «%(from)s» a «%(to)s».")
                    % {
                        "from": locked.get_status_display(),
                        "to": A(self.to_state).label,
                    }
                )
            previous = locked.status
            locked.status = self.to_state
            locked.reason = self.reason
            locked.save(update_fields=["status", "reason", "updated_at"])
        logger.info(
            "application %s: %s → %s by %s",
            locked.pk,
            previous,
            locked.status,
            getattr(self.actor, "pk", "system"),
        )
        self.application.status = locked.status
        self.application.reason = locked.reason
        self.application.updated_at = locked.updated_at
        return self.application


class BeginAssessment(ApplicationTransition):
    """The first evidence towards the program arrived."""

    from_states = (A.APPLIED,)
    to_state = A.IN_ASSESSMENT


class MarkEligible(ApplicationTransition):
    """Every required unit is demonstrated, with the evidence kinds it needs."""

    from_states = (A.APPLIED, A.IN_ASSESSMENT)
    to_state = A.ELIGIBLE


class RequestApproval(ApplicationTransition):
    """An approval program: the application enters the officers' queue."""

    from_states = (A.ELIGIBLE,)
    to_state = A.AWAITING_APPROVAL


class Certify(ApplicationTransition):
    """The credential exists (issued automatically, approved or bulk-issued)."""

    from_states = (A.APPLIED, A.IN_ASSESSMENT, A.ELIGIBLE, A.AWAITING_APPROVAL)
    to_state = A.CERTIFIED


class Reassess(ApplicationTransition):
    """Evidence was withdrawn (regrade, appeal) before the certificate."""

    from_states = (A.ELIGIBLE, A.AWAITING_APPROVAL)
    to_state = A.IN_ASSESSMENT


class Reject(ApplicationTransition):
    """An officer turns the application down; the learner reads the reason."""

    from_states = OPEN_STATES
    to_state = A.REJECTED
    reason_required = True
    officer_only = True


class Withdraw(ApplicationTransition):
    """The learner leaves the program (progress and evidence are kept)."""

    from_states = OPEN_STATES
    to_state = A.WITHDRAWN

    def check(self) -> None:
        super().check()
        if self.actor is not None and self.actor.pk != self.application.learner_id:
            raise PermissionDenied(_("Solo la persona postulante puede retirarse."))


class Reopen(ApplicationTransition):
    """Applying again after withdrawing."""

    from_states = (A.WITHDRAWN,)
    to_state = A.APPLIED


def application_reject(*, application, actor, reason: str) -> ProgramApplication:
    """An officer rejects ``application``; ``reason`` is required and shown to
    the learner."""
    return Reject(application, actor=actor, reason=reason).execute()


def application_withdraw(*, application, actor) -> ProgramApplication:
    return Withdraw(application, actor=actor).execute()


def application_advance(application, transition: type[ApplicationTransition]) -> bool:
    """Apply a system transition when the state allows it; True when it moved.
    Used where the system follows events (evidence, credentials) and a state
    that has moved on already is not an error."""
    if application.status not in transition.from_states:
        return False
    try:
        transition(application).execute()
    except ApplicationError:
        return False  # another process moved it meanwhile
    return True


def application_certify(*, learner, program) -> None:
    """The learner holds a credential of ``program``: their application (if
    any, and still open) says certified. Called when a credential is issued,
    before ``credential_issued`` is sent."""
    application = ProgramApplication.objects.filter(
        learner=learner, program=program
    ).first()
    if application is not None:
        application_advance(application, Certify)
