"""The learner's path through a quiz embedded in a lesson, end to end."""

import re

from courses.models import LessonCompletion
from plugins.models import Attempt, AttemptStatus


def _answer_all_correctly(attempt):
    data = {}
    for question in attempt.presented["questions"]:
        if question["kind"] == "short":
            data[question["id"]] = question["accepted"][0]
        else:
            data[question["id"]] = question["correct"]
    return data


def test_learner_takes_quiz_in_lesson_and_passing_completes_lesson(
    learner_client, learner, quiz_lesson, quiz
):
    """Start, answer, submit: the attempt passes, the lesson page shows the
    result and the lesson counts as completed."""
    url = quiz_lesson.url
    page = learner_client.get(url)
    assert "Comenzar la evaluación" in page.content.decode()
    response = learner_client.post(
        f"/assessments/{quiz.pk}/start/", {"page": quiz_lesson.pk, "next": url}
    )
    assert response.status_code == 302
    attempt = Attempt.objects.get(learner=learner)
    html = learner_client.get(url).content.decode()
    assert re.search(r'name="q[0-9a-f]{10}"', html)
    response = learner_client.post(
        f"/assessments/attempts/{attempt.pk}/submit/",
        {**_answer_all_correctly(attempt), "next": url},
    )
    assert response.status_code == 302, response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.PASSED
    assert attempt.percent == 100
    html = learner_client.get(url).content.decode()
    assert "Aprobada" in html and "Puntaje: 4 de 4 (100 %)" in html
    assert LessonCompletion.objects.filter(user=learner, lesson=quiz_lesson).exists()
