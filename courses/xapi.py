"""What the Learning Record Store hears about (``lms.xapi``): the receivers
turning the platform's signals into xAPI statements. They live here because
the courses layer is the one that sees every layer's signals.

==================  ==========================================  ===========
event               signal                                      verb
==================  ==========================================  ===========
opens a lesson      Wagtail ``before_serve_page`` (enrolled)    launched
completes a lesson  ``courses.signals.lesson_completed``        completed
completes a course  ``courses.signals.course_completed``        completed
assessment graded   ``plugins.signals.attempt_graded``          passed/failed
content finished    ``plugins.content.content_finished``        passed/failed
credential issued   ``certification.signals.credential_issued`` certified
==================  ==========================================  ===========

A lesson's "launched" has one statement id per learner, lesson and day, so
reloading the page does not fill the LRS.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment, LessonPage
from courses.selectors import canonical
from lms.xapi.statements import (
    activity,
    score_result,
    statement,
    statement_queue,
    xapi_enabled,
)


def _page_activity(page, kind: str) -> dict:
    return activity(page.url or f"/?page={page.pk}", kind=kind, name=page.title)


def lesson_launched(page, request, serve_args, serve_kwargs):
    """Wagtail ``before_serve_page`` hook: an enrolled learner opens a lesson."""
    if not xapi_enabled() or request.method != "GET":
        return None
    if not isinstance(page, LessonPage) or not request.user.is_authenticated:
        return None
    lesson = canonical(page)
    course = lesson.get_parent().specific
    if not Enrolment.objects.active().filter(user=request.user, course=course).exists():
        return None
    statement_queue(
        statement(
            key=("lesson", lesson.pk, request.user.pk, timezone.localdate()),
            user=request.user,
            verb="launched",
            object=_page_activity(lesson, "lesson"),
            parent=_page_activity(course, "course"),
        )
    )
    return None


def on_lesson_completed(sender, *, user, lesson, course, **kwargs):
    if not xapi_enabled():
        return
    statement_queue(
        statement(
            key=("lesson", lesson.pk, user.pk),
            user=user,
            verb="completed",
            object=_page_activity(lesson, "lesson"),
            parent=_page_activity(course, "course"),
            result={"completion": True},
        )
    )


def on_course_completed(sender, *, user, course, enrolment, **kwargs):
    if not xapi_enabled():
        return
    statement_queue(
        statement(
            key=("course", course.pk, user.pk, enrolment.pk),
            user=user,
            verb="completed",
            object=_page_activity(course, "course"),
            result={"completion": True},
        )
    )


def on_attempt_graded(sender, *, attempt, passed, **kwargs):
    if not xapi_enabled():
        return
    page = attempt.page
    statement_queue(
        statement(
            key=("attempt", attempt.pk),
            user=attempt.learner,
            verb="passed" if passed else "failed",
            object=activity(
                reverse("plugins:take", args=[attempt.assessment_id]),
                kind="assessment",
                name=attempt.assessment.title,
            ),
            parent=_page_activity(page, "lesson") if page else None,
            result=score_result(percent=attempt.percent, success=passed),
        )
    )


def on_content_finished(sender, *, learner, item, page_id, result, **kwargs):
    if not xapi_enabled():
        return
    if result.passed is not None:
        passed = result.passed
    elif result.score is not None:
        passed = result.score >= item.pass_mark
    else:
        return
    lesson = LessonPage.objects.filter(pk=page_id).first()
    statement_queue(
        statement(
            key=("content", item.pk, page_id, learner.pk),
            user=learner,
            verb="passed" if passed else "failed",
            object=activity(
                f"/assessments/content/{item.pk}/", kind="content", name=item.title
            ),
            parent=_page_activity(lesson, "lesson") if lesson else None,
            result=score_result(
                percent=result.score, success=passed, completion=result.completed
            ),
        )
    )


def on_credential_issued(sender, *, credential, **kwargs):
    if not xapi_enabled():
        return
    statement_queue(
        statement(
            key=("credential", credential.pk),
            user=credential.holder,
            verb="certified",
            object=activity(
                reverse(
                    "verification:detail", kwargs={"public_id": credential.public_id}
                ),
                kind="certificate",
                name=credential.program.title,
            ),
        )
    )


def connect():
    """Connect the receivers (``CoursesConfig.ready``); the lesson hook is
    registered in ``courses.wagtail_hooks``."""
    from certification.signals import credential_issued
    from courses.signals import course_completed, lesson_completed
    from plugins.content import content_finished
    from plugins.signals import attempt_graded

    lesson_completed.connect(on_lesson_completed, dispatch_uid="xapi-lesson")
    course_completed.connect(on_course_completed, dispatch_uid="xapi-course")
    attempt_graded.connect(on_attempt_graded, dispatch_uid="xapi-attempt")
    content_finished.connect(on_content_finished, dispatch_uid="xapi-content")
    credential_issued.connect(on_credential_issued, dispatch_uid="xapi-credential")
