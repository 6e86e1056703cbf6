"""The demo seeder adds a quiz and a rubric assessment to the publishing
course, each in its own lesson, and running it again changes nothing."""

import pytest
from django.core.management import call_command

from courses.demo.assessments import QUIZ, RUBRIC
from courses.models import LessonPage
from courses.services import lesson_assessment_ids
from plugins.models import Assessment


@pytest.mark.django_db
def test_seed_demo_adds_assessment_lessons_idempotently():
    call_command("seed_demo", verbosity=0)
    quiz = Assessment.objects.get(plugin_id="quiz", title=QUIZ["title"])
    rubric = Assessment.objects.get(plugin_id="rubric", title=RUBRIC["title"])
    lessons = {
        lesson.slug: lesson
        for lesson in LessonPage.objects.live().filter(locale__language_code="es")
    }
    assert lesson_assessment_ids(lessons["evaluacion-isbn-metadatos"]) == [quiz.pk]
    assert lesson_assessment_ids(lessons["evaluacion-plan-editorial"]) == [rubric.pk]
    english = LessonPage.objects.filter(
        slug="evaluacion-isbn-metadatos", locale__language_code="en", live=True
    )
    assert english.exists()
    counts = (Assessment.objects.count(), LessonPage.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Assessment.objects.count(), LessonPage.objects.count()) == counts
