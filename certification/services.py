"""Writes of the certification layer: evidence, eligibility and applications.

Higher layers (the assessment framework, courses) call these services; they never
write certification models directly.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from certification import integrity
from certification.applications import (
    BeginAssessment,
    MarkEligible,
    Reassess,
    Reopen,
    RequestApproval,
    application_advance,
)
from certification.eligibility import learner_eligibility, requirements_load
from certification.issuance.service import credential_on_eligible
from certification.models import (
    ApplicationRoute,
    ApplicationStatus,
    CertificationProgram,
    CompetencyUnit,
    Credential,
    Evidence,
    EvidenceKind,
    EvidenceSource,
    IssuanceMode,
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
    kind: str = "",
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
    ``EvidenceSource`` value; ``source_id`` is the source's id in its own layer
    (for an attempt, its id: the link back). ``kind`` is the ``EvidenceKind`` the
    source gives (knowledge, product, performance); empty for a record that
    attests the unit as a whole (manual, course, imported prior learning).
    ``assessor`` is who attested it (None: the system, e.g. an auto-graded quiz).
    Nobody records evidence for themselves. Evidence of the same source withdrawn
    earlier (see ``evidence_withdraw``) is restored. Afterwards the learner's
    applications and eligibility for the programs needing the unit are
    refreshed, which may send ``program_eligible``.
    ``recorded_by`` is the person entering it (None: the system, from an
    attempt or a course); the separation-of-duties rules
    (``certification.integrity``) apply first.
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
    if kind and kind not in EvidenceKind.values:
        raise ValueError(f"unknown evidence kind: {kind!r}")
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
        "kind": kind,
        "assessor": assessor,
        "assessed_at": assessed_at or timezone.now(),
        "expires_at": expires_at,
        "notes": notes,
    }
    with transaction.atomic():
        evidence = Evidence.objects.filter(**lookup).first()
        if evidence is not None and not _withdrawn(evidence):
            return evidence
        if evidence is not None:
            for name, value in defaults.items():
                setattr(evidence, name, value)
            evidence.save()
        else:
            try:
                with transaction.atomic():
                    evidence = Evidence.objects.create(**lookup, **defaults)
            except IntegrityError:
                # A concurrent call recorded the same evidence first.
                return Evidence.objects.get(**lookup)
        integrity.evidence_audit(evidence, actor=recorded_by)
        eligibility_refresh(learner=learner, unit_ids={unit_id})
    return evidence


WITHDRAWN_NOTE = "withdrawn: the source's result changed"


def _withdrawn(evidence: Evidence) -> bool:
    return evidence.expires_at is not None and evidence.notes == WITHDRAWN_NOTE


def evidence_withdraw(*, learner, source_kind: str, source_id: str | int) -> int:
    """Withdraw the current evidence a source gave ``learner`` (its result was
    changed on regrade or appeal): the rows expire now and stay as history.
    Programs that are no longer met lose the learner's eligibility unless a
    credential was issued, and their applications return to assessment.
    Returns the number of rows withdrawn."""
    now = timezone.now()
    with transaction.atomic():
        rows = Evidence.objects.current(now).filter(
            learner=learner, source_kind=source_kind, source_id=str(source_id)
        )
        unit_ids = set(rows.values_list("unit_id", flat=True))
        count = rows.update(expires_at=now, notes=WITHDRAWN_NOTE)
        if count:
            _eligibility_recheck(learner=learner, unit_ids=unit_ids)
    return count


def _eligibility_recheck(*, learner, unit_ids: set[int]) -> None:
    programs = list(_programs_needing(unit_ids))
    marked = ProgramEligibility.objects.filter(learner=learner, program__in=programs)
    held = set(
        Credential.objects.live()
        .filter(holder=learner, program__in=programs)
        .values_list("program_id", flat=True)
    )
    requirements = requirements_load(programs)
    for row in marked.select_related("program"):
        if row.program_id in held:
            continue
        verdict = learner_eligibility(
            learner=learner,
            program=row.program,
            requirements=requirements[row.program_id],
        )
        if verdict.eligible:
            continue
        row.delete()
        application = ProgramApplication.objects.filter(
            learner=learner, program_id=row.program_id
        ).first()
        if application is not None:
            application_advance(application, Reassess)


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
    _assessment_begin(learner=learner, programs=programs)
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


def _assessment_begin(*, learner, programs) -> None:
    """Applications still at "applied" move to "in assessment" with the first
    evidence towards their program (one query when there are none)."""
    for application in ProgramApplication.objects.filter(
        learner=learner, program__in=programs, status=ApplicationStatus.APPLIED
    ):
        application_advance(application, BeginAssessment)


def _eligibility_mark(*, learner, program) -> ProgramEligibility | None:
    try:
        with transaction.atomic():
            row = ProgramEligibility.objects.create(learner=learner, program=program)
    except IntegrityError:
        return None  # another process marked it (and sent the signal) first
    _application_eligible(learner=learner, program=program)
    credential_on_eligible(learner=learner, program=program)
    program_eligible.send(
        sender=CertificationProgram, learner=learner, program=program, eligibility=row
    )
    return row


def _application_eligible(*, learner, program) -> None:
    """The learner's application (entered now when they had none: evidence can
    arrive without applying) becomes eligible, and enters the officers' queue
    when the program needs approval."""
    route = (
        ApplicationRoute.COURSE
        if program.kind == ProgramKind.COURSE_COMPLETION
        else ApplicationRoute.RPL
    )
    application, _created = ProgramApplication.objects.get_or_create(
        learner=learner, program=program, defaults={"route": route}
    )
    application_advance(application, MarkEligible)
    if program.issuance == IssuanceMode.OFFICER_APPROVAL:
        application_advance(application, RequestApproval)


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
            Reopen(application).execute()
            application.route = route
            application.save(update_fields=["route", "updated_at"])
            created = True
        verdict = learner_eligibility(learner=learner, program=program)
        if verdict.eligible:
            if not eligibility_refresh(learner=learner, programs=[program]):
                # Marked eligible before (re)applying: move this application on.
                _application_eligible(learner=learner, program=program)
            application.refresh_from_db()
        elif verdict.demonstrated:
            _assessment_begin(learner=learner, programs=[program])
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
