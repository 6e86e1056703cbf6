"""Separation of duties and scope for attempts, checked by the services and
the views whatever the entry point.

- Nobody claims, is assigned, grades or second-grades their own attempt.
- Whoever grades holds the assessor role for the learner's country and the
  assessment's sector (``certification.models.AssessorRole``).
- Attempts, their files and the grading queue are limited to the user's scope:
  officers see their country's learners, assessors their country and sector.

Refusals raise ``AttemptRefused`` with the reason and are written to the
audit log; nothing else changes.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from certification.integrity import (
    assessor_holds_role,
    assessor_roles_filter,
    eligible_assessors,
)
from certification.roles import officer_countries
from lms.audit.models import AuditAction
from lms.audit.services import audit_record


def _refuse(message: str, *, attempt, user):
    from plugins.services import AttemptRefused

    audit_record(
        action=AuditAction.ACTION_REFUSED,
        obj=attempt,
        actor=user,
        country=attempt.learner.country,
        after={"reason": message},
    )
    raise AttemptRefused(message)


def may_assess(user, attempt) -> bool:
    return assessor_holds_role(
        user, country=attempt.learner.country, sector_id=attempt.assessment.sector_id
    )


def graders(attempt, users):
    """``users`` (a queryset) narrowed to those who pass :func:`assessor_check`
    for ``attempt``, in one query: not the learner, accredited for the
    learner's country and the assessment's sector, and for each unit's."""
    pairs = [(attempt.learner.country, attempt.assessment.sector_id)]
    pairs += [
        (unit.standard.country_id, unit.standard.sector_id)
        for unit in attempt.assessment.units.select_related("standard")
    ]
    users = users.exclude(pk=attempt.learner_id)
    for country, sector_id in pairs:
        accredited = eligible_assessors(country=country, sector_id=sector_id)
        users = users.filter(pk__in=accredited.values("pk"))
    return users


def assessor_check(*, attempt, assessor) -> None:
    """``assessor`` may take, be given or grade ``attempt``."""
    if attempt.learner_id == assessor.pk:
        _refuse(
            _("Nadie puede calificar, observar ni tomar su propio intento."),
            attempt=attempt,
            user=assessor,
        )
    if not may_assess(assessor, attempt):
        _refuse(
            _(
                "%(name)s no tiene el rol de evaluador para el país del "
                "participante y el sector de esta evaluación."
            )
            % {"name": assessor.display_name},
            attempt=attempt,
            user=assessor,
        )
    for unit in attempt.assessment.units.select_related("standard"):
        if not assessor_holds_role(
            assessor,
            country=unit.standard.country_id,
            sector_id=unit.standard.sector_id,
        ):
            _refuse(
                _(
                    "%(name)s no tiene el rol de evaluador para la unidad "
                    "%(unit)s (país y sector de su estándar)."
                )
                % {"name": assessor.display_name, "unit": unit.code},
                attempt=attempt,
                user=assessor,
            )


def attempts_scope(queryset, user):
    """``queryset`` (of attempts) limited to what ``user`` may see as staff:
    superusers everything, officers their countries' learners, assessors
    their accredited countries and sectors; never their own attempts."""
    if not user.is_authenticated:
        return queryset.none()
    if user.is_active and user.is_superuser:
        return queryset
    allowed = Q(learner__country__in=officer_countries(user)) | assessor_roles_filter(
        user, country_path="learner__country", sector_path="assessment__sector"
    )
    return queryset.filter(allowed).exclude(learner=user)


def grading_scope(queryset, user):
    """The grading queue: attempts ``user`` may grade (never their own)."""
    if user.is_active and user.is_superuser:
        return queryset.exclude(learner=user)
    return queryset.filter(
        assessor_roles_filter(
            user, country_path="learner__country", sector_path="assessment__sector"
        )
    ).exclude(learner=user)


def attempt_audit(attempt, *, action, actor=None, before=None, after=None) -> None:
    """``actor`` None: the request's user (who assigned, for instance)."""
    audit_record(
        action=action,
        obj=attempt,
        **({"actor": actor} if actor is not None else {}),
        country=attempt.learner.country,
        before=before,
        after=after,
    )


def attempt_state(attempt) -> dict:
    return {
        "status": attempt.status,
        "percent": attempt.percent,
        "assessor": attempt.assessor_id,
        "second_assessor": attempt.second_assessor_id,
        "graded_by": attempt.graded_by_id,
    }
