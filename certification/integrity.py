"""Separation of duties for evidence and credentials, checked by the services
whatever the entry point (admin, API, command, bulk issuance, task).

- Nobody records evidence for, confirms evidence of, approves or issues a
  credential to themselves.
- The assessor named on evidence holds the assessor role for the unit's
  country and sector, and is not the learner.
- Manual evidence needs a second person: recorded by one officer, confirmed by
  another officer of the country or by the assessor it names (who thereby
  attests having done the assessment); until then it does not count.

A refusal raises ``IntegrityRefused`` (a ``PermissionDenied``) whose message
says why, before anything is written, and is itself written to the audit log.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _

from certification.models import AssessorRole, CompetencyUnit, EvidenceSource, Issuer
from certification.roles import officer_countries
from lms.audit.models import AuditAction
from lms.audit.services import audit_entry, audit_record, audit_record_many


class IntegrityRefused(PermissionDenied):
    """An action breaks a separation-of-duties rule; ``str(exc)`` says which."""


def refuse(message: str, *, actor=None, obj=None, country: str = "", **details):
    """Log the refused action and raise ``IntegrityRefused`` with ``message``."""
    audit_record(
        action=AuditAction.ACTION_REFUSED,
        obj=obj,
        **({"actor": actor} if actor is not None else {}),
        country=country,
        after={"reason": message, **{k: str(v) for k, v in details.items()}},
    )
    raise IntegrityRefused(message)


def _same(a, b) -> bool:
    return a is not None and b is not None and a.pk == b.pk


def assessor_holds_role(user, *, country: str, sector_id: int | None) -> bool:
    """Whether ``user`` is accredited to assess in ``country`` and ``sector``
    (any sector of the country when the standard names none)."""
    if user is None or not user.is_active:
        return False
    roles = AssessorRole.objects.filter(user=user, country_id=country)
    if sector_id is not None:
        roles = roles.filter(sector_id=sector_id)
    return roles.exists()


def assessor_roles_filter(user, *, country_path: str, sector_path: str) -> Q:
    """A filter on rows (reached through ``country_path``/``sector_path``) that
    ``user`` is accredited to assess; a missing sector matches any."""
    query = Q(pk__in=[])
    for country, sector in AssessorRole.objects.filter(user=user).values_list(
        "country_id", "sector_id"
    ):
        query |= Q(**{country_path: country}) & (
            Q(**{sector_path: sector}) | Q(**{f"{sector_path}__isnull": True})
        )
    return query


def eligible_assessors(*, country: str, sector_id: int | None = None):
    """Active users accredited for ``country`` (and ``sector``)."""
    from django.contrib.auth import get_user_model

    roles = AssessorRole.objects.filter(country_id=country)
    if sector_id is not None:
        roles = roles.filter(sector_id=sector_id)
    return get_user_model().objects.filter(
        is_active=True, pk__in=roles.values("user_id")
    )


def evidence_check(*, learner, unit_id: int, assessor, recorded_by, source_kind):
    """Refuse evidence recorded by the learner, attested by the learner, or
    naming an assessor without the role for the unit's country and sector."""
    unit = CompetencyUnit.objects.select_related("standard").get(pk=unit_id)
    country = unit.standard.country_id
    if _same(recorded_by, learner):
        refuse(
            _("No puede registrar evidencia para sí mismo."),
            actor=recorded_by,
            obj=unit,
            country=country,
        )
    if _same(assessor, learner):
        refuse(
            _("El participante no puede ser su propio evaluador."),
            actor=recorded_by,
            obj=unit,
            country=country,
        )
    if assessor is not None and not assessor_holds_role(
        assessor, country=country, sector_id=unit.standard.sector_id
    ):
        refuse(
            _("%(name)s no tiene el rol de evaluador para %(country)s en este sector.")
            % {"name": assessor.display_name, "country": unit.standard.country},
            actor=recorded_by,
            obj=unit,
            country=country,
        )
    if source_kind == EvidenceSource.MANUAL and not _officer_of(recorded_by, country):
        refuse(
            _("Solo un oficial de %(country)s puede registrar esta evidencia.")
            % {"country": unit.standard.country},
            actor=recorded_by,
            obj=unit,
            country=country,
        )


def _officer_of(user, country: str) -> bool:
    """True for the system (None), a superuser or an officer of ``country``."""
    if user is None or user.is_superuser:
        return True
    return country in officer_countries(user)


def evidence_confirm_check(*, evidence, user) -> None:
    """The second person: not the learner nor who recorded it; the named
    assessor, or (when none is named) another officer of the country."""
    country = evidence.unit.standard.country_id
    if evidence.source_kind != EvidenceSource.MANUAL:
        refuse(_("Solo el registro manual requiere confirmación."), actor=user)
    if _same(user, evidence.learner):
        refuse(
            _("No puede confirmar evidencia propia."),
            actor=user,
            obj=evidence,
            country=country,
        )
    if evidence.recorded_by_id == user.pk:
        refuse(
            _("Otra persona debe confirmar la evidencia que usted registró."),
            actor=user,
            obj=evidence,
            country=country,
        )
    if evidence.assessor_id is not None:
        if evidence.assessor_id != user.pk:
            refuse(
                _("Solo el evaluador nombrado puede confirmar esta evidencia."),
                actor=user,
                obj=evidence,
                country=country,
            )
        return
    if not _officer_of(user, country):
        refuse(
            _("Solo un oficial de %(country)s puede confirmar esta evidencia.")
            % {"country": evidence.unit.standard.country},
            actor=user,
            obj=evidence,
            country=country,
        )


def issuance_check(*, holders, program, issued_by) -> None:
    """Nobody approves or issues a credential to themselves (one holder or a
    cohort: a cohort including the officer is refused as a whole)."""
    if issued_by is None:
        return
    if any(holder.pk == issued_by.pk for holder in holders):
        refuse(
            _("No puede aprobar ni emitirse una credencial a sí mismo."),
            actor=issued_by,
            obj=program,
            country=program.issuer.country_id,
        )


def evidence_snapshot(evidence) -> dict:
    return {
        "learner": evidence.learner_id,
        "unit": evidence.unit_id,
        "criterion": evidence.criterion_id,
        "source": f"{evidence.source_kind}:{evidence.source_id}",
        "assessor": evidence.assessor_id,
        "recorded_by": evidence.recorded_by_id,
        "confirmed_by": evidence.confirmed_by_id,
        "assessed_at": evidence.assessed_at,
    }


def evidence_audit(
    evidence, *, actor=None, action=AuditAction.EVIDENCE_RECORDED, before=None
):
    country = (
        CompetencyUnit.objects.filter(pk=evidence.unit_id)
        .values_list("standard__country_id", flat=True)
        .first()
    )
    audit_record(
        action=action,
        obj=evidence,
        **({"actor": actor} if actor is not None else {}),
        country=country or "",
        before=before,
        after=evidence_snapshot(evidence),
    )


def issuance_audit(credentials, *, issued_by=None) -> None:
    """One entry per requested credential (approval or issuance), one insert."""
    actor = {"actor": issued_by} if issued_by is not None else {}
    audit_record_many(
        [
            audit_entry(
                action=AuditAction.CREDENTIAL_ISSUED,
                obj=credential,
                **actor,
                country=credential.issuer.country_id,
                after={
                    "holder": credential.holder_id,
                    "program": credential.program.code,
                    "status": credential.status,
                    "requested_by": getattr(issued_by, "pk", None),
                },
            )
            for credential in credentials
        ]
    )


def credential_events_audit(events) -> None:
    """Audit entries for credential status changes (activation, suspension,
    reinstatement, revocation, expiry, reissue), one insert for many."""
    events = list(events)
    if not events:
        return
    countries = dict(
        Issuer.objects.filter(
            pk__in={event.credential.issuer_id for event in events}
        ).values_list("pk", "country_id")
    )
    audit_record_many(
        [
            audit_entry(
                action=AuditAction.CREDENTIAL_STATUS,
                obj=event.credential,
                actor=event.actor,
                country=countries.get(event.credential.issuer_id, ""),
                before={"status": event.from_status},
                after={
                    "status": event.to_status,
                    "event": event.kind,
                    "reason": event.reason,
                    "pdf_sha256": event.pdf_sha256,
                },
            )
            for event in events
        ]
    )


def assessor_role_audit(sender, instance, **kwargs) -> None:
    """Receiver of ``post_save``/``post_delete`` of ``AssessorRole``: an
    accreditation given or withdrawn is a permission change."""
    role = {"country": instance.country_id, "sector": instance.sector_id}
    given = "origin" not in kwargs  # only post_delete sends ``origin``
    audit_record(
        action=AuditAction.GROUP_MEMBERSHIP,
        obj=instance.user,
        country=instance.country_id,
        before={} if given else {"assessor_role": role},
        after={"assessor_role": role} if given else {},
    )
