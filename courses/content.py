"""Content plugins in lessons: who may play a lesson's interactive content,
and completing the lesson when the learner completes it."""

from __future__ import annotations

from contextlib import suppress

from courses.models import Enrolment, LessonPage
from courses.selectors import canonical
from courses.services import AssessmentPending, NotEnrolled, lesson_complete


def lesson_content_ids(lesson: LessonPage) -> list[int]:
    """Ids of the content items embedded in ``lesson``'s body."""
    return [
        block.value["item"].pk
        for block in lesson.body
        if block.block_type == "content" and block.value["item"] is not None
    ]


def _lesson(page_id: int) -> LessonPage | None:
    return LessonPage.objects.live().filter(pk=page_id).first()


def content_may_play(user, item, page_id: int) -> bool:
    """Hook ``content_may_play``: an active enrolment in the course of the
    lesson holding ``item``; editors may preview any lesson's content."""
    lesson = _lesson(page_id)
    if lesson is None or item.pk not in lesson_content_ids(lesson):
        return False
    if user.has_perm("plugins.change_contentitem"):
        return True
    course = canonical(lesson.get_parent().specific)
    return Enrolment.objects.active().filter(user=user, course=course).exists()


def lesson_complete_on_content(sender, *, learner, item, page_id, **kwargs) -> None:
    """Receiver of ``plugins.content.content_completed``."""
    lesson = _lesson(page_id)
    if lesson is None or item.pk not in lesson_content_ids(lesson):
        return
    with suppress(NotEnrolled, AssessmentPending):
        lesson_complete(user=learner, lesson=lesson)
