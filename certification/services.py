"""Writes of the certification layer: evidence, eligibility and applications.

Higher layers (the assessment framework, courses) call these services; they never
write certification models directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from certification import integrity
from certification.eligibility import learner_eligibility, requirements_load
from certification.models import (
    ApplicationRoute,
    ApplicationStatus,
    CertificationProgram,
    CompetencyUnit,
    Evidence,
    EvidenceSource,
    PerformanceCriterion,
    ProgramApplication,
    ProgramEligibility,
    ProgramKind,
    StandardEquivalence,
)
from certification.signals import program_application_submitted, program_eligible


def evidence_record(
    *,
    learner,
    unit: CompetencyUnit | None,
    criterion: PerformanceCriterion | None = None,
    source_kind: str,
    source_id: str | int,
    assessor=None,
    assessed_at=None,
    expires_at=None,
    notes: str = "",
    recorded_by=None,
) -> Evidence:
    """Record that ``learner`` demonstrated ``unit`` (or one ``criterion`` of it).

    Idempotent: recording the same learner, unit/criterion and source
    (``source_kind``, ``source_id``) again returns the existing row unchanged.
    ``unit`` may be None when ``criterion`` is given. ``source_kind`` is an
    ``EvidenceSource`` value; ``source_id`` is the source's id in its own layer.
    Afterwards the learner's eligibility for the programs that need the unit is
    refreshed, which may send ``program_eligible``. ``recorded_by`` is the
    person entering it (None: the system, from an attempt or a course); the
    separation-of-duties rules (``certification.integrity``) apply first.
    """
    if criterion is not None:
        if unit is not None and criterion.unit_id != unit.pk:
            raise ValueError("criterion does not belong to unit")
        unit_id = criterion.unit_id
    elif unit is not None:
        unit_id = unit.pk
    else:
        raise ValueError("evidence needs a unit or a criterion")
    if source_kind not in EvidenceSource.values:
        raise ValueError(f"unknown evidence source kind: {source_kind!r}")
    lookup = {
        "learner": learner,
        "unit_id": unit_id,
        "criterion": criterion,
        "source_kind": source_kind,
        "source_id": str(source_id),
    }
    integrity.evidence_check(
        learner=learner,
        unit_id=unit_id,
        assessor=assessor,
        recorded_by=recorded_by,
        source_kind=source_kind,
    )
    defaults = {
        "recorded_by": recorded_by,
        "assessor": assessor,
        "assessed_at": assessed_at or timezone.now(),
        "expires_at": expires_at,
        "notes": notes,
    }
    with transaction.atomic():
        evidence = Evidence.objects.filter(**lookup).first()
        if evidence is not None:
            return evidence
        try:
            with transaction.atomic():
                evidence = Evidence.objects.create(**lookup, **defaults)
        except IntegrityError:
            # A concurrent call recorded the same evidence first.
            return Evidence.objects.get(**lookup)
        integrity.evidence_audit(evidence, actor=recorded_by)
        eligibility_refresh(learner=learner, unit_ids={unit_id})
    return evidence


def _programs_needing(unit_ids: set[int]):
    """Active programs requiring one of ``unit_ids`` or a unit equivalent to one."""
    related = set(unit_ids)
    for unit_a, unit_b in StandardEquivalence.objects.filter(
        Q(unit_a_id__in=unit_ids) | Q(unit_b_id__in=unit_ids)
    ).values_list("unit_a_id", "unit_b_id"):
        related |= {unit_a, unit_b}
    return (
        CertificationProgram.objects.active()
        .filter(required_units__in=related)
        .distinct()
    )


def eligibility_refresh(
    *, learner, unit_ids: set[int] | None = None, programs=None
) -> list[ProgramEligibility]:
    """Re-judge ``learner`` for ``programs`` (default: active programs needing one
    of ``unit_ids``) and record each newly reached eligibility, sending
    ``program_eligible`` once per learner and program. Returns the new rows."""
    if programs is None:
        programs = _programs_needing(unit_ids or set())
    programs = list(programs)
    already = set(
        ProgramEligibility.objects.filter(
            learner=learner, program__in=programs
        ).values_list("program_id", flat=True)
    )
    pending = [p for p in programs if p.pk not in already]
    if not pending:
        return []
    requirements = requirements_load(pending)
    created = []
    for program in pending:
        verdict = learner_eligibility(
            learner=learner, program=program, requirements=requirements[program.pk]
        )
        if verdict.eligible:
            row = _eligibility_mark(learner=learner, program=program)
            if row is not None:
                created.append(row)
    return created


def _eligibility_mark(*, learner, program) -> ProgramEligibility | None:
    try:
        with transaction.atomic():
            row = ProgramEligibility.objects.create(learner=learner, program=program)
    except IntegrityError:
        return None  # another process marked it (and sent the signal) first
    ProgramApplication.objects.filter(
        learner=learner, program=program, status=ApplicationStatus.OPEN
    ).update(status=ApplicationStatus.ELIGIBLE, updated_at=timezone.now())
    program_eligible.send(
        sender=CertificationProgram, learner=learner, program=program, eligibility=row
    )
    return row


@dataclass
class ApplicationResult:
    application: ProgramApplication
    created: bool
    missing_units: list[CompetencyUnit]


def program_apply(
    *, learner, program: CertificationProgram, route: str = ApplicationRoute.RPL
) -> ApplicationResult:
    """Apply ``learner`` to ``program`` by course or by recognition of prior
    learning (RPL). Idempotent per learner and program. Returns the application
    and the units still missing, for which the assessment layer offers
    assessments; a new application sends ``program_application_submitted``."""
    if route not in ApplicationRoute.values:
        raise ValueError(f"unknown application route: {route!r}")
    if not program.active:
        raise ValueError("program is not active")
    if route == ApplicationRoute.RPL and program.kind != ProgramKind.COMPETENCY:
        raise ValueError("only competency certificates accept prior learning")
    with transaction.atomic():
        application, created = ProgramApplication.objects.get_or_create(
            learner=learner, program=program, defaults={"route": route}
        )
        if application.status == ApplicationStatus.WITHDRAWN:
            application.status = ApplicationStatus.OPEN
            application.route = route
            application.save(update_fields=["status", "route", "updated_at"])
            created = True
        verdict = learner_eligibility(learner=learner, program=program)
        if verdict.eligible:
            eligibility_refresh(learner=learner, programs=[program])
            application.refresh_from_db()
        if created:
            program_application_submitted.send(
                sender=ProgramApplication,
                application=application,
                missing_units=verdict.missing,
            )
    return ApplicationResult(
        application=application, created=created, missing_units=verdict.missing
    )


def evidence_manual_record(
    *,
    learner,
    unit: CompetencyUnit,
    recorded_by,
    criterion: PerformanceCriterion | None = None,
    assessor=None,
    assessed_at=None,
    notes: str = "",
) -> Evidence:
    """An officer's manual record of ``learner``'s evidence, with a generated
    source reference. It counts towards eligibility only once a second person
    confirms it (``evidence_confirm``)."""
    import uuid

    return evidence_record(
        learner=learner,
        unit=unit,
        criterion=criterion,
        source_kind=EvidenceSource.MANUAL,
        source_id=f"manual-{uuid.uuid4().hex[:16]}",
        assessor=assessor,
        assessed_at=assessed_at,
        notes=notes,
        recorded_by=recorded_by,
    )


def evidence_confirm(*, evidence: Evidence, confirmed_by) -> Evidence:
    """The second person confirms a manual record (the assessor it names, or
    another officer of the country); the learner's eligibility is refreshed."""
    integrity.evidence_confirm_check(evidence=evidence, user=confirmed_by)
    with transaction.atomic():
        locked = Evidence.objects.select_for_update().get(pk=evidence.pk)
        if locked.confirmed_at is None:
            before = integrity.evidence_snapshot(locked)
            locked.confirmed_by, locked.confirmed_at = confirmed_by, timezone.now()
            locked.save(update_fields=["confirmed_by", "confirmed_at"])
            integrity.evidence_audit(
                locked,
                actor=confirmed_by,
                action=integrity.AuditAction.EVIDENCE_CONFIRMED,
                before=before,
            )
            eligibility_refresh(learner=locked.learner, unit_ids={locked.unit_id})
    return locked
