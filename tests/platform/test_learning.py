"""The learning journey: enrolment, lesson completion, progress, signals."""

import pytest
from django.urls import reverse

from courses import services, signals
from courses.models import Enrolment, LessonCompletion, LessonPage
from courses.selectors import learner_dashboard


@pytest.fixture
def received():
    """Records every lesson_completed / course_completed sent during a test."""
    calls = []

    def handler(signal, **kwargs):
        calls.append((signal, kwargs))

    signals.lesson_completed.connect(handler)
    signals.course_completed.connect(handler)
    yield calls
    signals.lesson_completed.disconnect(handler)
    signals.course_completed.disconnect(handler)


def lessons_of(course):
    return list(LessonPage.objects.child_of(course).order_by("path"))


def test_enrolling_twice_is_a_no_op(learner_client, learner, course):
    url = reverse("courses:enrol", args=[course.pk])
    learner_client.post(url)
    learner_client.post(url)
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


def test_enrol_requires_login_and_post(client, course):
    url = reverse("courses:enrol", args=[course.pk])
    assert client.post(url).status_code == 302
    assert not Enrolment.objects.exists()


def test_unknown_course_is_404(learner_client, db):
    assert (
        learner_client.post(reverse("courses:enrol", args=[999999])).status_code == 404
    )


def test_completing_lessons_sends_signals_once_and_completes_course(
    learner, course, received
):
    services.enrolment_create(user=learner, course=course)
    lessons = lessons_of(course)
    services.lesson_complete(user=learner, lesson=lessons[0])
    services.lesson_complete(user=learner, lesson=lessons[0])  # again: no new signal
    assert [s for s, _ in received] == [signals.lesson_completed]
    for lesson in lessons[1:]:
        services.lesson_complete(user=learner, lesson=lesson)
    sent = [s for s, _ in received]
    assert sent.count(signals.lesson_completed) == 3
    assert sent.count(signals.course_completed) == 1
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.completed_at is not None


def test_lesson_completion_needs_enrolment(learner, course):
    with pytest.raises(services.NotEnrolled):
        services.lesson_complete(user=learner, lesson=lessons_of(course)[0])
    assert not LessonCompletion.objects.exists()


def test_unenrol_keeps_progress_and_reenrol_restores_it(learner, course):
    services.enrolment_create(user=learner, course=course)
    services.lesson_complete(user=learner, lesson=lessons_of(course)[0])
    services.enrolment_withdraw(user=learner, course=course)
    assert learner_dashboard(user=learner, language_code="es") == []
    services.enrolment_create(user=learner, course=course)
    [row] = learner_dashboard(user=learner, language_code="es")
    assert (row.progress.done, row.progress.total, row.progress.percent) == (1, 3, 33)


def test_dashboard_shows_progress_and_resume_link(learner_client, learner, course):
    services.enrolment_create(user=learner, course=course)
    first = lessons_of(course)[0]
    learner_client.post(reverse("courses:complete_lesson", args=[first.pk]))
    page = learner_client.get(reverse("courses:dashboard")).content.decode()
    assert "1 de 3 lecciones" in page
    assert 'aria-valuenow="33"' in page
    second = lessons_of(course)[1]
    assert f'href="{second.url}"' in page  # resume at the next lesson


def test_resume_follows_the_course_order_and_ends_on_the_course_page(learner, course):
    services.enrolment_create(user=learner, course=course)
    lessons = lessons_of(course)
    services.lesson_complete(user=learner, lesson=lessons[2])
    [row] = learner_dashboard(user=learner, language_code="es")
    assert row.resume.pk == course.pk  # the last one: the course shows what is left
    services.lesson_complete(user=learner, lesson=lessons[0])
    [row] = learner_dashboard(user=learner, language_code="es")
    assert row.resume.pk == lessons[1].pk
    lessons[1].unpublish()
    [row] = learner_dashboard(user=learner, language_code="es")
    assert row.resume.pk == lessons[2].pk  # a lesson taken down is skipped


def test_progress_is_shared_across_translations(learner, course, locales):
    english_course = course.copy_for_translation(locales["en"], copy_parents=True)
    english_course.save_revision().publish()
    english_lesson = lessons_of(course)[0].copy_for_translation(locales["en"])
    english_lesson.save_revision().publish()
    services.enrolment_create(user=learner, course=english_course)
    services.lesson_complete(user=learner, lesson=english_lesson)
    assert Enrolment.objects.get(user=learner).course_id == course.pk
    assert (
        LessonCompletion.objects.get(user=learner).lesson_id == lessons_of(course)[0].pk
    )
    [row] = learner_dashboard(user=learner, language_code="en")
    assert row.course.pk == english_course.pk


def test_course_page_shows_enrol_button_then_progress(learner_client, learner, course):
    assert "Inscribirme" in learner_client.get(course.url).content.decode()
    services.enrolment_create(user=learner, course=course)
    page = learner_client.get(course.url).content.decode()
    assert "0 de 3 lecciones" in page
