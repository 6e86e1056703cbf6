"""Writes of the assessment framework. Keyword-only, typed; the core alone
stores responses, files and grades (plugins only compute them)."""

from __future__ import annotations

import random
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.audit.models import AuditAction
from plugins import integrity
from plugins.base import GradingForm, Score
from plugins.models import Assessment, Attempt, AttemptGrading, AttemptStatus, FileRole
from plugins.notifications import attempt_graded_record
from plugins.signals import attempt_graded, attempt_submitted
from plugins.uploads import check_uploads, max_upload_bytes, store_uploads

#: Seconds accepted after the deadline for the time the request takes.
SUBMIT_GRACE_SECONDS = 30
#: POST keys the core's own form adds around the plugin's inputs.
CORE_FIELDS = {"csrfmiddlewaretoken", "next"}
GRADED = {
    "first": AuditAction.ATTEMPT_GRADED,
    "second": AuditAction.ATTEMPT_SECOND_GRADED,
}


class AttemptRefused(Exception):
    """The action is not allowed now; ``str(exc)`` is the reason to show."""


def _expire(attempt: Attempt, now) -> None:
    """Close an attempt whose time ran out as not yet competent."""
    attempt.status = AttemptStatus.NOT_YET_COMPETENT
    attempt.submitted_at = attempt.graded_at = now
    attempt.points, attempt.max_points, attempt.percent = 0, None, 0
    attempt.feedback = _("El tiempo se agotó antes del envío.")
    attempt.save()


def assessment_revise(*, assessment: Assessment, relations: dict, user):
    """Save ``assessment`` as it stands in memory (fields, plus the ``units``
    and ``criteria`` of ``relations``) as a new revision by ``user``, keeping
    the history. Someone who may publish (``plugins.publish_assessment``)
    publishes it at once; anyone else's revision waits for a reviewer, and the
    live row learners get stays as it was. A new assessment saved by someone
    who may not publish is created as a draft that learners cannot start."""
    from plugins.roles import PUBLISH_PERMISSION

    may_publish = user.has_perm(PUBLISH_PERMISSION)
    with transaction.atomic():
        if assessment.pk is None:
            assessment.live = may_publish
            assessment.has_unpublished_changes = not may_publish
            assessment.save()
            for name, items in relations.items():
                getattr(assessment, name).set(items)
        assessment.relations_stage(relations)
        revision = assessment.save_revision(user=user, log_action=True)
        if may_publish:
            revision.publish(user=user)
    return revision


def attempts_used(*, assessment: Assessment, learner) -> int:
    return Attempt.objects.filter(assessment=assessment, learner=learner).count()


def attempt_start(*, assessment: Assessment, learner, page=None) -> Attempt:
    """Open a new attempt (or return the learner's open one), fixing the
    attempt's own config through the plugin's ``prepare`` (from the English
    version when started from an English ``page``, see ``Assessment.config_for``;
    without a page, the active language decides). Raises
    ``AttemptRefused`` when passed, awaiting a grade, out of attempts or the
    assessment was never published."""
    if not assessment.live:
        raise AttemptRefused(_("Esta evaluación aún no está publicada."))
    if not assessment.plugin_installed:  # uninstalled or LMS_PLUGINS_EXCLUDE
        raise AttemptRefused(_("Esta actividad no está disponible."))
    now = timezone.now()
    mine = Attempt.objects.filter(assessment=assessment, learner=learner)
    current = mine.filter(status=AttemptStatus.IN_PROGRESS).first()
    if current and current.deadline and now > current.deadline:
        _expire(current, now)
        current = None
    if current:
        return current
    if mine.filter(status=AttemptStatus.PASSED).exists():
        raise AttemptRefused(_("Ya aprobó esta evaluación."))
    if mine.filter(status=AttemptStatus.AWAITING_GRADING).exists():
        raise AttemptRefused(_("Su envío anterior aún espera calificación."))
    used = mine.count()
    if assessment.max_attempts and used >= assessment.max_attempts:
        raise AttemptRefused(_("No le quedan intentos en esta evaluación."))
    rng = random.Random(secrets.randbits(64))
    language = page.locale.language_code if page is not None else None
    presented = assessment.plugin.prepare(
        config=assessment.config_for(language), rng=rng
    )
    deadline = None
    if assessment.time_limit_minutes:
        deadline = now + timedelta(minutes=assessment.time_limit_minutes)
    number = (mine.aggregate(n=Max("number"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                assessment=assessment,
                learner=learner,
                page=page,
                number=number,
                presented=presented,
                started_at=now,
                deadline=deadline,
            )
    except IntegrityError:
        raise AttemptRefused(_("Ya tiene un intento abierto.")) from None


def attempt_submit(*, attempt: Attempt, data, files) -> Attempt:
    """Validate, store and (when the plugin can) grade a submission.

    Raises ``AttemptRefused`` (not open, time over) or ``ValidationError``
    (from the plugin or the upload checks); in both cases nothing is stored.
    """
    now = timezone.now()
    if attempt.status != AttemptStatus.IN_PROGRESS:
        raise AttemptRefused(_("Este intento ya fue enviado."))
    if attempt.deadline and now > attempt.deadline + timedelta(
        seconds=SUBMIT_GRACE_SECONDS
    ):
        raise AttemptRefused(_("El tiempo límite de este intento ya terminó."))
    if not attempt.assessment.plugin_installed:
        raise AttemptRefused(_("Esta actividad no está disponible."))
    plugin = attempt.assessment.plugin
    payload = data.copy()
    for key in CORE_FIELDS:
        payload.pop(key, None)
    # A browser sends a file input left empty as an empty text value; no plugin
    # needs an input whose every value is empty, so none receives one.
    for key in [k for k, values in payload.lists() if not any(values)]:
        payload.pop(key)
    response = plugin.clean_response(
        config=attempt.presented, data=payload, files=files
    )
    types = check_uploads(
        response,
        allowed_types=plugin.allowed_file_types,
        max_bytes=max_upload_bytes(attempt.presented),
    )
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.status != AttemptStatus.IN_PROGRESS:
            raise AttemptRefused(_("Este intento ya fue enviado."))
        attempt.response = store_uploads(
            response,
            attempt=attempt,
            role=FileRole.RESPONSE,
            user=attempt.learner,
            types=types,
        )
        attempt.submitted_at = now
        attempt.status = AttemptStatus.AWAITING_GRADING
        score = plugin.grade(config=attempt.presented, response=attempt.response)
        if score is None:
            if attempt.page_id is None:
                attempt.assessor = _assessor_for(attempt)
                attempt.claimed_at = now if attempt.assessor else None
            attempt.save()
        else:
            _apply_result(attempt, score, assessor=None)
        attempt_submitted.send(sender=Attempt, attempt=attempt)
    return attempt


def _assessor_for(attempt: Attempt):
    """An assessor for an attempt taken outside any course (recognition of
    prior learning, from the assessment's own page), so the candidate knows
    who will judge it: among the active assessors accredited for the
    learner's country and the assessment's sector and units (never the
    learner), the one with the fewest attempts waiting. None when there is
    none; the attempt then waits in the queue for anyone to take."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from plugins.roles import ASSESSORS_GROUP

    assessors = list(
        integrity.graders(
            attempt,
            get_user_model().objects.filter(groups__name=ASSESSORS_GROUP),
        ).order_by("pk")
    )
    if not assessors:
        return None
    waiting = dict(
        Attempt.objects.filter(
            assessor__in=assessors, status=AttemptStatus.AWAITING_GRADING
        )
        .values("assessor")
        .annotate(n=Count("pk"))
        .values_list("assessor", "n")
    )
    return min(assessors, key=lambda user: (waiting.get(user.pk, 0), user.pk))


def _passed(attempt: Attempt, score: Score) -> bool:
    if score.passed is not None:
        return score.passed
    return score.percent >= attempt.assessment.pass_mark


def _apply_result(
    attempt: Attempt, score: Score, *, assessor, record=None, regrade=False
) -> None:
    passed = _passed(attempt, score)
    attempt.status = AttemptStatus.PASSED if passed else AttemptStatus.NOT_YET_COMPETENT
    attempt.points, attempt.max_points = score.points, score.max_points
    attempt.percent = score.percent
    attempt.result = {**score.as_dict(), "record": record or {}}
    attempt.feedback = score.feedback
    attempt.graded_by = assessor
    attempt.graded_at = timezone.now()
    attempt.save()
    _record_evidence(attempt, score, passed=passed, assessor=assessor, regrade=regrade)
    attempt_graded.send(
        sender=Attempt, attempt=attempt, passed=passed, assessor=assessor
    )


def _record_evidence(
    attempt: Attempt, score: Score, *, passed: bool, assessor, regrade: bool
) -> None:
    """Passing gives evidence, of the kind the plugin declares, for the
    assessment's units and criteria; an assessor's "competent" on a criterion
    (key ``pc:<id>``) gives evidence for that criterion even when the whole
    attempt is not yet passed. The attester is the assessor (None: the system
    graded it); the source is the attempt. A result that changes (regrade,
    appeal) first withdraws what the attempt gave before."""
    from certification.models import EvidenceSource, PerformanceCriterion
    from certification.services import evidence_record, evidence_withdraw

    kind = EvidenceSource.ATTEMPT
    if regrade:
        evidence_withdraw(
            learner=attempt.learner, source_kind=kind, source_id=attempt.pk
        )
    common = {
        "learner": attempt.learner,
        "source_kind": kind,
        "source_id": attempt.pk,
        "kind": attempt.assessment.evidence_kind,
        "assessor": assessor,
        "assessed_at": attempt.graded_at,
    }
    criteria = set()
    if passed:
        for unit in attempt.assessment.units.all():
            evidence_record(unit=unit, **common)
        criteria |= set(attempt.assessment.criteria.values_list("pk", flat=True))
    for key, competent in score.criteria.items():
        if competent and str(key).startswith("pc:") and str(key)[3:].isdigit():
            criteria.add(int(str(key)[3:]))
    for criterion in PerformanceCriterion.objects.filter(pk__in=criteria):
        evidence_record(unit=None, criterion=criterion, **common)


def attempt_claim(*, attempt: Attempt, assessor) -> Attempt:
    """Take an unassigned pending attempt; refuses one another assessor holds."""
    integrity.assessor_check(attempt=attempt, assessor=assessor)
    updated = Attempt.objects.filter(
        pk=attempt.pk, status=AttemptStatus.AWAITING_GRADING, assessor__isnull=True
    ).update(assessor=assessor, claimed_at=timezone.now())
    attempt.refresh_from_db()
    if not updated and attempt.assessor_id != assessor.pk:
        raise AttemptRefused(_("Otro evaluador ya tomó este intento."))
    if updated:
        integrity.attempt_audit(
            attempt, action=AuditAction.ATTEMPT_CLAIMED, actor=assessor
        )
    return attempt


def attempt_assign(*, attempt: Attempt, assessor, second: bool = False) -> Attempt:
    """Assign the attempt (or its second grading) to ``assessor``."""
    integrity.assessor_check(attempt=attempt, assessor=assessor)
    before = integrity.attempt_state(attempt)
    if second:
        if assessor.pk == attempt.assessor_id or assessor.pk == attempt.graded_by_id:
            raise AttemptRefused(_("El segundo evaluador debe ser otra persona."))
        attempt.second_assessor = assessor
        attempt.save(update_fields=["second_assessor"])
    else:
        attempt.assessor, attempt.claimed_at = assessor, timezone.now()
        attempt.save(update_fields=["assessor", "claimed_at"])
    integrity.attempt_audit(
        attempt,
        action=AuditAction.ATTEMPT_ASSIGNED,
        before=before,
        after=integrity.attempt_state(attempt),
    )
    return attempt


def _grading_kind(attempt: Attempt, assessor) -> str:
    if attempt.status == AttemptStatus.AWAITING_GRADING:
        if attempt.assessor_id and attempt.assessor_id != assessor.pk:
            raise AttemptRefused(_("Este intento está asignado a otro evaluador."))
        return "first"
    if not attempt.is_graded:
        raise AttemptRefused(_("Este intento aún no fue enviado."))
    if attempt.gradings.filter(assessor=assessor).exists():
        raise AttemptRefused(_("Usted ya calificó este intento."))
    if not attempt.gradings.exists():
        raise AttemptRefused(_("Este intento fue calificado automáticamente."))
    if attempt.second_assessor_id not in (None, assessor.pk):
        raise AttemptRefused(_("La segunda calificación está asignada a otra persona."))
    return "second"


def attempt_grade(*, attempt: Attempt, assessor, form: GradingForm) -> AttemptGrading:
    """Record a validated grading form. The first grading decides the result
    (sends ``attempt_graded`` and e-mails the learner after commit); a second
    assessor's grading is kept beside it to show agreement."""
    integrity.assessor_check(attempt=attempt, assessor=assessor)
    kind = _grading_kind(attempt, assessor)
    before = integrity.attempt_state(attempt)
    score = form.score()
    cleaned = dict(form.cleaned_data)
    types = check_uploads(
        cleaned,
        allowed_types=attempt.assessment.plugin.allowed_file_types,
        max_bytes=max_upload_bytes(attempt.presented),
    )
    with transaction.atomic():
        data = store_uploads(
            cleaned, attempt=attempt, role=FileRole.GRADING, user=assessor, types=types
        )
        data = _jsonable(data)
        grading = AttemptGrading.objects.create(
            attempt=attempt,
            assessor=assessor,
            data=data,
            result=score.as_dict(),
            passed=_passed(attempt, score),
            percent=score.percent,
        )
        if kind == "first":
            attempt.assessor = attempt.assessor or assessor
            _apply_result(attempt, score, assessor=assessor, record=data)
            attempt_graded_record(attempt)
        else:
            attempt.second_assessor = assessor
            attempt.save(update_fields=["second_assessor"])
        integrity.attempt_audit(
            attempt,
            action=GRADED[kind],
            actor=assessor,
            before=before,
            after={**integrity.attempt_state(attempt), "grading": score.as_dict()},
        )
    return grading


def attempt_regrade(
    *, attempt: Attempt, assessor, score: Score, reason: str
) -> Attempt:
    """Change the result of a graded attempt (a regrade, or an appeal upheld):
    the new result replaces the old one, sends ``attempt_graded`` again, and the
    evidence the attempt gave is withdrawn and recorded anew from the new
    result (so a program no longer met loses the learner's eligibility, unless
    the certificate was issued). ``reason`` is required and kept in the
    attempt's record; nobody regrades their own attempt."""
    reason = (reason or "").strip()
    if not reason:
        raise AttemptRefused(_("Indique el motivo de la recalificación."))
    integrity.assessor_check(attempt=attempt, assessor=assessor)
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not locked.is_graded:
            raise AttemptRefused(_("Este intento aún no fue calificado."))
        record = {**(locked.result or {}).get("record", {}), "regrade_reason": reason}
        _apply_result(locked, score, assessor=assessor, record=record, regrade=True)
    attempt.refresh_from_db()
    return attempt


def _jsonable(value):
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def attempt_acknowledge(*, attempt: Attempt, learner) -> Attempt:
    """The learner confirms they read an assessor's record (observations)."""
    if attempt.learner_id != learner.pk or not attempt.is_graded:
        raise AttemptRefused(_("No hay un registro que confirmar."))
    if attempt.acknowledged_at is None:
        attempt.acknowledged_at = timezone.now()
        attempt.save(update_fields=["acknowledged_at"])
    return attempt


__all__ = [
    "AttemptRefused",
    "ValidationError",
    "attempt_acknowledge",
    "attempt_assign",
    "attempt_claim",
    "attempt_grade",
    "attempt_regrade",
    "attempt_start",
    "attempt_submit",
]
