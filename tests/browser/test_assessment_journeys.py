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
from tests.browser.a11y import axe_violations
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


@pytest.mark.phone_too
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


@pytest.mark.phone_too
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


def test_a_refused_file_is_explained_inside_the_form_and_the_answer_stays(
    browser_context, browser_page, live_server, course
):
    """The learner writes an answer and attaches a program renamed as a PDF;
    the lesson comes back with the reason inside the form, in words (the
    accepted formats, no MIME types), focused, the answer still typed and a
    reminder to choose the files again; nothing is stored and the attempt
    stays open. With a real PDF chosen again, the submission goes through."""
    learner = UserFactory(username="upload-learner")
    enrolment_create(user=learner, course=course)
    rubric = author("rubric", RUBRIC_DATA, title="Plan editorial", pass_mark=50)
    lesson = embed(course, rubric, slug="plan-con-archivo")
    log_in(browser_context, live_server, learner)
    page = browser_page

    page.goto(lesson.url)
    page.get_by_role("button", name="Comenzar la evaluación").click()
    answer = "Mi plan editorial:\nuna colección de poesía joven."
    page.get_by_label("Su respuesta").fill(answer)
    files = page.locator('input[name="files"]')
    files.set_input_files(
        {
            "name": "presupuesto.pdf",
            "mimeType": "application/pdf",
            "buffer": b"MZ\x90\x00 esto es un programa, no un PDF",
        }
    )
    page.get_by_role("button", name="Enviar respuestas").click()

    form = page.locator("form.assessment-form")
    summary = form.get_by_role("alert")
    expect(summary).to_contain_text("No se registró su envío")
    expect(summary).to_contain_text(
        "«presupuesto.pdf» no tiene un formato admitido. Formatos permitidos: "
        "PDF, JPG, PNG, MP4, MP3"
    )
    expect(summary).not_to_contain_text("application/")
    expect(summary).to_be_focused()
    expect(form.locator("#rubric-files-errors")).to_contain_text("presupuesto.pdf")
    expect(form).to_contain_text("Vuelva a elegir los archivos")
    expect(page.get_by_label("Su respuesta")).to_have_value(answer)
    expect(page.locator("main")).to_contain_text("Antes de la evaluación.")
    page.screenshot(path=artifact_path("assessment-upload-refused"), full_page=True)
    assert axe_violations(page) == []
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert attempt.response == {} and not attempt.files.exists()

    files.set_input_files(
        {
            "name": "presupuesto.pdf",
            "mimeType": "application/pdf",
            "buffer": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
        }
    )
    page.get_by_role("button", name="Enviar respuestas").click()
    expect(page.locator(".assessment-result")).to_contain_text("Enviada el")
    assert page.url.endswith(f"{lesson.url}#assessment-{rubric.pk}")
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.AWAITING_GRADING
    assert attempt.response["text"] == answer.replace("\n", "\r\n")
    assert attempt.files.count() == 1
