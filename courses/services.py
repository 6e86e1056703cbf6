"""Writes of the learning journey. Keyword-only, typed, one transaction each."""

from contextlib import suppress

from django.db import IntegrityError, transaction
from django.utils import timezone

from certification.models import ApplicationRoute, ProgramApplication
from certification.services import program_apply
from courses.alignment import course_completion_evidence, course_programs
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.selectors import canonical, course_lesson_ids
from courses.signals import course_completed, lesson_completed
from plugins.selectors import passed_assessment_ids


class NotEnrolled(Exception):
    """The learner must enrol in the course before completing its lessons."""


class AssessmentPending(Exception):
    """A lesson with assessments is completed only when they are all passed."""


def lesson_assessment_ids(lesson: LessonPage) -> list[int]:
    """Ids of the assessments embedded in ``lesson``'s body."""
    return [
        block.value["assessment"].pk
        for block in lesson.body
        if block.block_type == "assessment" and block.value["assessment"] is not None
    ]


def lesson_complete_on_pass(sender, *, attempt, passed: bool, **kwargs) -> None:
    """Receiver of ``plugins.signals.attempt_graded``: passing the assessments
    of the lesson where the attempt was taken completes that lesson."""
    if not passed or attempt.page_id is None:
        return
    lesson = LessonPage.objects.live().filter(pk=attempt.page_id).first()
    if lesson is None or attempt.assessment_id not in lesson_assessment_ids(lesson):
        return
    with suppress(NotEnrolled, AssessmentPending):
        lesson_complete(user=attempt.learner, lesson=lesson)


def enrolment_create(*, user, course: CoursePage) -> Enrolment:
    """Enrol ``user`` in ``course``; enrolling again is a no-op that keeps progress.
    Starting a course that leads to certification programs applies the learner
    to them (by course; an existing application is kept as it is)."""
    course = canonical(course)
    with transaction.atomic():
        enrolment, created = Enrolment.objects.get_or_create(user=user, course=course)
        if not created and enrolment.withdrawn_at is not None:
            enrolment.withdrawn_at = None
            enrolment.save(update_fields=["withdrawn_at"])
        _programs_apply(user=user, course=course)
    return enrolment


def _programs_apply(*, user, course: CoursePage) -> None:
    for program in course_programs(course):
        if not ProgramApplication.objects.filter(
            learner=user, program=program
        ).exists():
            program_apply(learner=user, program=program, route=ApplicationRoute.COURSE)


def enrolment_withdraw(*, user, course: CoursePage) -> None:
    """Unenrol: the enrolment is marked withdrawn; completed lessons are kept."""
    Enrolment.objects.filter(
        user=user, course=canonical(course), withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage) -> LessonCompletion:
    """Mark ``lesson`` completed; sends ``lesson_completed`` the first time and
    ``course_completed`` when the course's completion rule is met. Raises
    ``AssessmentPending`` while an assessment of the lesson is not passed."""
    lesson = canonical(lesson)
    course = lesson.get_parent().specific
    enrolment = Enrolment.objects.active().filter(user=user, course=course).first()
    if enrolment is None:
        raise NotEnrolled
    required = set(lesson_assessment_ids(lesson))
    if required - passed_assessment_ids(user=user, assessment_ids=required):
        raise AssessmentPending
    try:
        with transaction.atomic():
            completion = LessonCompletion.objects.create(
                user=user, lesson=lesson, course=course
            )
    except IntegrityError:
        return LessonCompletion.objects.get(user=user, lesson=lesson)
    enrolment.last_lesson = lesson
    enrolment.save(update_fields=["last_lesson"])
    lesson_completed.send(
        sender=LessonPage, user=user, lesson=lesson, course=course, enrolment=enrolment
    )
    course_check_completion(enrolment=enrolment)
    return completion


def course_check_completion(*, enrolment: Enrolment) -> bool:
    """Apply the completion rule (every live lesson completed); sends
    ``course_completed`` once, when the enrolment first becomes complete, after
    recording the course evidence it gives."""
    if enrolment.completed_at is not None:
        return True
    required = set(course_lesson_ids(enrolment.course))
    done = set(
        LessonCompletion.objects.filter(
            user_id=enrolment.user_id, lesson_id__in=required
        ).values_list("lesson_id", flat=True)
    )
    if not required or required - done:
        return False
    updated = Enrolment.objects.filter(
        pk=enrolment.pk, completed_at__isnull=True
    ).update(completed_at=timezone.now())
    if updated:
        enrolment.refresh_from_db(fields=["completed_at"])
        course_completion_evidence(user=enrolment.user, course=enrolment.course)
        course_completed.send(
            sender=CoursePage,
            user=enrolment.user,
            course=enrolment.course,
            enrolment=enrolment,
        )
    return True
