"""Assessment journeys in a real browser (headless Chromium): a learner takes
a quiz inside a lesson and sees the result; an assessor grades a rubric
submission in the admin queue and the learner then reads the feedback.

Screenshots of the key screens are kept in ``test-artifacts/``.
"""

import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.test import Client
from django.utils.datastructures import MultiValueDict
from playwright.sync_api import expect

from courses.services import enrolment_create
from plugins import services
from plugins.models import Attempt, AttemptStatus
from plugins.roles import ASSESSORS_GROUP, assessor_permissions_grant
from tests.assessments.conftest import RUBRIC_DATA, author, embed, quiz_data
from tests.browser.conftest import artifact_path
from tests.factories import UserFactory, assessor_roles_grant

pytestmark = pytest.mark.browser


def log_in(context, live_server, user):
    """Give the browser context a session for ``user``."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )


def test_learner_takes_a_quiz_in_the_lesson_and_sees_the_result(
    browser_context, browser_page, live_server, course
):
    """The learner starts the quiz, answers three of four questions right
    (pass mark 75 %), submits, and sees "Aprobada", the score, which answer
    was wrong with the correct one and the question's feedback; the lesson is
    then marked completed in the outline."""
    learner = UserFactory(username="quiz-learner")
    enrolment_create(user=learner, course=course)
    quiz = author("quiz", quiz_data(), title="Cuestionario de edición", pass_mark=75)
    lesson = embed(course, quiz, slug="cuestionario")
    log_in(browser_context, live_server, learner)
    page = browser_page

    page.goto(lesson.url)
    page.get_by_role("button", name="Comenzar la evaluación").click()
    attempt = Attempt.objects.get(learner=learner)
    for question in attempt.presented["questions"]:
        if question["kind"] == "short":
            page.fill(f'input[name="{question["id"]}"]', "Registro Civil")  # wrong
        else:
            for value in question["correct"]:
                page.check(f'input[name="{question["id"]}"][value="{value}"]')
    page.screenshot(path=artifact_path("assessment-quiz-answering"), full_page=True)
    page.get_by_role("button", name="Enviar respuestas").click()

    result = page.locator(".assessment-result")
    expect(result.locator(".status-label")).to_have_text("Aprobada")
    expect(result).to_contain_text("Puntaje: 3 de 4 (75 %)")
    wrong = result.locator("li.incorrect")
    expect(wrong).to_have_count(1)
    expect(wrong).to_contain_text(
        "Respuesta correcta: Registro de Propiedad Intelectual"
    )
    expect(result).to_contain_text("El ISBN identifica una edición concreta.")
    expect(page.locator(".lesson-outline li.current")).to_have_class("current done")
    page.screenshot(path=artifact_path("assessment-quiz-result"), full_page=True)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.PASSED


def test_assessor_grades_a_rubric_submission_and_the_learner_reads_the_feedback(
    chromium, browser_context, browser_page, live_server, course
):
    """A submitted open response waits in the grading queue; the assessor
    takes it, chooses a level per criterion and writes feedback; the learner,
    in their own browser, then sees "Aún no competente", the levels, the
    feedback and may try again."""
    learner = UserFactory(username="rubric-learner", legal_name="Rosa Participante")
    enrolment_create(user=learner, course=course)
    rubric = author("rubric", RUBRIC_DATA, title="Plan editorial", pass_mark=50)
    lesson = embed(course, rubric, slug="plan-editorial")
    attempt = services.attempt_start(assessment=rubric, learner=learner, page=lesson)
    services.attempt_submit(
        attempt=attempt,
        data=QueryDict("text=Mi+plan+editorial+para+poes%C3%ADa+joven"),
        files=MultiValueDict(),
    )
    assessor_permissions_grant()
    assessor = UserFactory(username="rubric-assessor", legal_name="Ana Evaluadora")
    assessor.groups.add(Group.objects.get(name=ASSESSORS_GROUP))
    assessor_roles_grant(assessor)  # accredited for the learner's country
    log_in(browser_context, live_server, assessor)
    page = browser_page

    page.goto("/admin/assessments/queue/")
    row = page.locator(f'tr[data-attempt="{attempt.pk}"]')
    expect(row).to_contain_text("Rosa Participante")
    row.get_by_role("button", name="Tomar").click()
    expect(page.locator(".attempt-response")).to_contain_text("Mi plan editorial")
    clarity, viability = attempt.presented["rubric"]
    page.check(f'input[name="{clarity["id"]}"][value="{clarity["levels"][1]["id"]}"]')
    page.check(
        f'input[name="{viability["id"]}"][value="{viability["levels"][0]["id"]}"]'
    )
    page.fill('textarea[name="feedback"]', "Precise el calendario y el presupuesto.")
    page.screenshot(path=artifact_path("assessment-rubric-grading"), full_page=True)
    page.get_by_role("button", name="Registrar calificación").click()
    expect(page.locator(f'tr[data-attempt="{attempt.pk}"]')).to_have_count(0)

    learner_context = chromium.new_context(base_url=live_server.url, locale="es-CL")
    try:
        log_in(learner_context, live_server, learner)
        learner_page = learner_context.new_page()
        learner_page.goto(lesson.url)
        result = learner_page.locator(".assessment-result")
        expect(result.locator(".status-label")).to_have_text("Aún no competente")
        expect(result).to_contain_text("Puntaje: 2 de 10 (20 %)")
        expect(result).to_contain_text("Precise el calendario y el presupuesto.")
        expect(result.locator(".rubric-result")).to_contain_text("Logrado")
        expect(
            learner_page.get_by_role("button", name="Intentar de nuevo")
        ).to_be_visible()
        learner_page.screenshot(
            path=artifact_path("assessment-rubric-feedback"), full_page=True
        )
    finally:
        learner_context.close()
