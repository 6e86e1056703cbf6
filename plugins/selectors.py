"""Reads of the assessment framework, each in a bounded number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from certification.models import CompetencyUnit, PerformanceCriterion
from lms.reference.models import Sector
from plugins.base import AuthoringContext, Choice, UnitChoice
from plugins.integrity import attempts_scope, grading_scope
from plugins.models import Assessment, Attempt, AttemptStatus


@dataclass
class LearnerState:
    """What the learner panel shows for one assessment."""

    attempts: list
    current: Attempt | None
    latest: Attempt | None
    attempts_left: int | None
    can_start: bool

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.attempts)


def learner_state(*, assessment: Assessment, user) -> LearnerState:
    """The learner's attempts at ``assessment`` (one query)."""
    attempts = list(
        Attempt.objects.filter(assessment=assessment, learner=user)
        .select_related("assessor")
        .order_by("-number")
    )
    current = next((a for a in attempts if a.status == AttemptStatus.IN_PROGRESS), None)
    if current and current.deadline and timezone.now() > current.deadline:
        current = None  # expired: closed when the learner starts again
    latest = next((a for a in attempts if a.status != AttemptStatus.IN_PROGRESS), None)
    left = None
    if assessment.max_attempts:
        left = max(assessment.max_attempts - len(attempts), 0)
        if current:
            left += 1
    blocked = any(
        a.status in {AttemptStatus.PASSED, AttemptStatus.AWAITING_GRADING}
        for a in attempts
    )
    can_start = current is None and not blocked and (left is None or left > 0)
    return LearnerState(attempts, current, latest, left, can_start)


def passed_assessment_ids(*, user, assessment_ids) -> set[int]:
    return set(
        Attempt.objects.filter(
            learner=user, assessment_id__in=assessment_ids, status=AttemptStatus.PASSED
        ).values_list("assessment_id", flat=True)
    )


def attempt_visible_to(*, attempt: Attempt, user) -> bool:
    """The owner, and assessors and certification officers within their scope
    (``plugins.integrity.attempts_scope``), may see an attempt; no learner sees
    another learner's."""
    if not user.is_authenticated:
        return False
    if attempt.learner_id == user.pk:
        return True
    if not (
        user.has_perm("plugins.grade_attempt") or user.has_perm("plugins.view_attempt")
    ):
        return False
    return attempts_scope(Attempt.objects.filter(pk=attempt.pk), user).exists()


AGE_CHOICES = (1, 3, 7, 14, 30)


def queue_filter_choices() -> dict:
    """Choices for the grading queue's filters; their cost grows with the
    number of assessments and lessons using them, never with attempts."""
    from lms.reference.models import CountryCode, Sector

    content_type = ContentType.objects.get_for_model(Assessment)
    page_ids = ReferenceIndex.objects.filter(
        to_content_type=content_type,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    paths = Page.objects.filter(pk__in=list(page_ids)).values_list("path", flat=True)
    parent_paths = {path[: -Page.steplen] for path in paths if len(path) > Page.steplen}
    courses = Page.objects.filter(path__in=parent_paths).order_by("title")
    return {
        "sectors": list(Sector.objects.all()),
        "courses": list(courses.only("id", "title")),
        "countries": CountryCode.choices,
        "ages": AGE_CHOICES,
    }


def grading_queue(*, params, user, offset: int = 0, limit: int = 25) -> dict:
    """One page of pending attempts (oldest first), filtered by ``params``
    (``sector``, ``course``, ``country``, ``plugin``, ``age`` in days,
    ``mine``), within what ``user`` may grade. Fetches ``limit + 1`` rows
    instead of counting, so a page costs the same at a thousand or a hundred
    thousand pending attempts."""
    attempts = grading_scope(Attempt.objects.pending(), user)
    if params.get("sector"):
        attempts = attempts.filter(assessment__sector__code=params["sector"])
    if params.get("plugin"):
        attempts = attempts.filter(assessment__plugin_id=params["plugin"])
    if params.get("country"):
        attempts = attempts.filter(learner__country=params["country"])
    if (params.get("course") or "").isdigit():
        course = Page.objects.filter(pk=params["course"]).first()
        attempts = attempts.filter(
            page__path__startswith=course.path if course else "~"
        )
    if (params.get("age") or "").isdigit():
        cutoff = timezone.now() - timedelta(days=int(params["age"]))
        attempts = attempts.filter(submitted_at__lte=cutoff)
    if params.get("mine"):
        attempts = attempts.filter(Q(assessor=user) | Q(assessor__isnull=True))
    rows = list(
        attempts.select_related("assessment", "learner", "page", "assessor").order_by(
            "submitted_at", "pk"
        )[offset : offset + limit + 1]
    )
    return {
        "rows": rows[:limit],
        "has_next": len(rows) > limit,
        "offset": offset,
        "next_offset": offset + limit,
        "previous_offset": max(offset - limit, 0) if offset else None,
    }


def grading_agreement(*, attempt: Attempt) -> dict | None:
    """Agreement between the first and second assessor, when both graded."""
    gradings = list(attempt.gradings.select_related("assessor")[:2])
    if len(gradings) < 2:
        return None
    first, second = gradings
    return {
        "first": first,
        "second": second,
        "same_verdict": first.passed == second.passed,
        "difference": round(abs(first.percent - second.percent), 1),
    }


def _ids(values) -> list[int]:
    return [int(v) for v in values if str(v).strip().isdigit()]


def authoring_context(
    *, sector_id=None, unit_ids=(), criterion_ids=()
) -> AuthoringContext:
    """The read-only :class:`~plugins.base.AuthoringContext` a plugin's
    authoring form receives: the chosen sector, units (with their criteria)
    and criteria, labelled in the active language. Ids that do not exist are
    left out (the core form reports them)."""

    def criterion(pc) -> Choice:
        return Choice(key=f"pc:{pc.pk}", label=f"{pc.code} — {pc.display_text}")

    units = (
        CompetencyUnit.objects.filter(pk__in=_ids(unit_ids))
        .prefetch_related("criteria")
        .order_by("code")
    )
    criteria = (
        PerformanceCriterion.objects.filter(pk__in=_ids(criterion_ids))
        .select_related("unit")
        .order_by("unit__code", "sort_order", "code")
    )
    sector = Sector.objects.filter(
        pk__in=_ids([sector_id] if sector_id else [])
    ).first()
    return AuthoringContext(
        sector=Choice(key=f"sector:{sector.pk}", label=str(sector)) if sector else None,
        units=tuple(
            UnitChoice(
                key=f"unit:{unit.pk}",
                label=f"{unit.code} — {unit.display_title}",
                criteria=tuple(
                    criterion(pc)
                    for pc in sorted(
                        unit.criteria.all(), key=lambda c: (c.sort_order, c.code)
                    )
                ),
            )
            for unit in units
        ),
        criteria=tuple(criterion(pc) for pc in criteria),
    )
