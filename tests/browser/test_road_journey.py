"""The road from a course to a certificate in a real browser, on the demo data:
a brand-new Chilean learner signs up, sees what the publishing course counts
toward, enrols, takes its assessments (two quizzes, a rubric, an observation
request); the demo assessor grades the rubric and the observation in the CMS;
the learner's application waits in the Chilean officer's approval queue by
itself; the officer approves; the learner sees «Certificado» and downloads
the PDF. (The other countries walk the same services in
tests/issuance/test_road_demo.py.)

Screenshots of the key screens are kept in ``test-artifacts/``.
"""

import re
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from certification.models import ApplicationStatus, Credential, ProgramApplication
from courses.models import CoursePage, LessonPage
from plugins.models import Assessment, Attempt
from tests.browser.conftest import artifact_path
from tests.browser.test_platform_journeys import PASSWORD, fill_signup

pytestmark = pytest.mark.browser

PROGRAM = "cl-produccion-editorial-demo"
EMAIL = "ana.rojas.editora@example.org"
COURSE = "edicion-independiente"
# The program's assessments (lesson slug, assessment title), in the course's order.
QUIZZES = [
    ("evaluacion-isbn-metadatos", "Cuestionario: ISBN, depósito legal y metadatos"),
    (
        "evaluacion-etapas-costos-correccion",
        "Cuestionario: etapas editoriales, costos y precio",
    ),
]
RUBRIC = ("evaluacion-plan-editorial", "Plan editorial de un título")
OBSERVATION = (
    "evaluacion-etapas-costos-correccion",
    "Observación: coordinación de una ronda de corrección",
)


@pytest.fixture
def demo(settings, tmp_path, browser_context):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    call_command("seed_demo", stdout=StringIO())


def log_in_as(context, live_server, username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )


def lesson_url(slug):
    return LessonPage.objects.get(slug=slug, locale__language_code="es").url


def sign_up_and_log_in(page):
    page.goto("/accounts/signup/")
    fill_signup(page, national_id="11.111.111-1")
    # An address of its own: allauth rate-limits confirmation mails per address.
    page.fill("#id_email", EMAIL)  # the demo learner holds 12.345.678-5
    page.get_by_role("button", name="Registrarse").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirmar").click()
    page.goto("/accounts/login/")
    page.fill("#id_login", EMAIL)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Mi aprendizaje")
    return get_user_model().objects.get(email=EMAIL)


def assessment_section(page, slug, title):
    """Open the lesson and return the panel of the assessment called ``title``."""
    page.goto(lesson_url(slug))
    return page.locator(f"#assessment-{Assessment.objects.get(title=title).pk}")


def answer_quiz(page, learner, slug, title):
    section = assessment_section(page, slug, title)
    section.get_by_role("button", name="Comenzar la evaluación").click()
    attempt = Attempt.objects.filter(learner=learner).latest("pk")
    for question in attempt.presented["questions"]:
        if question["kind"] == "short":
            page.fill(f'input[name="{question["id"]}"]', question["accepted"][0])
        else:
            for value in question["correct"]:
                page.check(f'input[name="{question["id"]}"][value="{value}"]')
    section.get_by_role("button", name="Enviar respuestas").click()
    expect(section.locator(".assessment-result .status-label")).to_have_text("Aprobada")


def submit_for_grading(page, slug, title, text=None):
    section = assessment_section(page, slug, title)
    section.get_by_role("button", name="Comenzar la evaluación").click()
    if text is not None:
        section.locator('textarea[name="text"]').fill(text)
    section.get_by_role("button", name="Enviar respuestas").click()
    expect(section).to_contain_text("Un evaluador la revisará")


def grade_in_the_cms(page, attempt):
    page.goto("/admin/assessments/queue/")
    row = page.locator(f'tr[data-attempt="{attempt.pk}"]')
    expect(row).to_contain_text("Ana María Rojas Fuentes")
    row.get_by_role("button", name="Tomar").click()
    presented = attempt.presented
    if attempt.assessment.plugin_id == "rubric":
        for criterion in presented["rubric"]:
            top = max(criterion["levels"], key=lambda level: level["points"])
            page.check(f'input[name="{criterion["id"]}"][value="{top["id"]}"]')
    else:
        page.fill('input[name="observed_on"]', date.today().isoformat())
        page.fill('input[name="place"]', "Editorial Tinta Sur, Valparaíso")
        for criterion in presented["criteria"]:
            page.check(f'input[name="met-{criterion["id"]}"]')
    page.fill('textarea[name="feedback"]', "Competente en todos los criterios.")
    page.screenshot(
        path=artifact_path(f"road-grading-{attempt.assessment.plugin_id}"),
        full_page=True,
    )
    page.get_by_role("button", name="Registrar calificación").click()
    expect(page.locator(f'tr[data-attempt="{attempt.pk}"]')).to_have_count(0)


def test_a_new_chilean_learner_walks_from_the_course_to_the_certificate(
    demo, chromium, browser_context, browser_page, live_server
):
    page = browser_page
    learner = sign_up_and_log_in(page)

    # The course says what it counts toward; enrolling applies to the program.
    course = CoursePage.objects.get(slug=COURSE, locale__language_code="es")
    page.goto(course.url)
    counts = page.locator(".counts-toward")
    expect(counts).to_contain_text("Este curso cuenta para:")
    expect(counts).to_contain_text("producción editorial independiente (Chile)")
    page.get_by_role("button", name="Inscribirme").click()
    expect(page.locator(".messages")).to_contain_text("Se inscribió")
    application = ProgramApplication.objects.get(learner=learner, program__code=PROGRAM)
    assert application.status == ApplicationStatus.APPLIED

    # Knowledge by quizzes; a product and a performance for an assessor.
    for slug, title in QUIZZES:
        answer_quiz(page, learner, slug, title)
    submit_for_grading(page, *RUBRIC, text="Plan editorial de una antología.")
    submit_for_grading(page, *OBSERVATION)
    page.goto("/certification/record/")
    record = page.locator(f"#program-{PROGRAM}")
    expect(record).to_contain_text("En evaluación")
    expect(record).to_contain_text("Próximo paso:")
    page.screenshot(path=artifact_path("road-record-in-assessment"), full_page=True)

    # The demo assessor grades both in the CMS, in a browser of their own.
    assessor_context = chromium.new_context(base_url=live_server.url, locale="es-CL")
    try:
        log_in_as(assessor_context, live_server, "evaluador")
        assessor_page = assessor_context.new_page()
        for _slug, title in (RUBRIC, OBSERVATION):
            attempt = Attempt.objects.get(learner=learner, assessment__title=title)
            grade_in_the_cms(assessor_page, attempt)
    finally:
        assessor_context.close()

    page.goto("/certification/record/")
    expect(record).to_contain_text("Esperando aprobación")
    page.screenshot(path=artifact_path("road-record-awaiting"), full_page=True)

    # The Chilean officer finds the learner in the queue by themselves.
    officer_context = chromium.new_context(base_url=live_server.url, locale="es-CL")
    try:
        log_in_as(officer_context, live_server, "oficial")
        officer_page = officer_context.new_page()
        officer_page.goto("/admin/credentials/approvals/")
        row = officer_page.locator("table.listing tr", has_text="Ana María Rojas")
        expect(row).to_contain_text("producción editorial independiente")
        officer_page.screenshot(path=artifact_path("road-approval-queue"))
        officer_page.get_by_role(
            "button", name="Aprobar y emitir los seleccionados"
        ).click()
        expect(officer_page.locator("#bulk-text")).to_contain_text("1 de 1 emitidas")
    finally:
        officer_context.close()

    credential = Credential.objects.get(holder=learner, program__code=PROGRAM)
    page.goto("/certification/record/")
    expect(record.locator(".certified")).to_contain_text("Certificado")
    expect(record).to_contain_text("Certificado")  # the application's state
    page.screenshot(path=artifact_path("road-record-certified"), full_page=True)
    with page.expect_download() as download_info:
        record.get_by_role("link", name="Descargar el PDF").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert credential.public_id in download_info.value.suggested_filename
