"""The road from a course (or from prior learning) to a certificate in a real
browser, on the demo data, one journey per country: a brand-new learner signs
up with their country's national ID at phone width (375 px), enrols in the
demo course (which applies to their country's program), takes its assessments;
an assessor grades what a person must judge; an officer approves where the
program asks for it; the learner downloads the PDF; and a visitor with no
account opens the verify address of the public id printed in the PDF and
uploads the PDF on /verify/, both «Válido». Peru's lutheria program is earned
by prior learning, without a course: the learner applies from the record and
takes the assessments it offers unit by unit on their own pages.

Every page the learner and the visitor see is checked with axe-core (WCAG 2.2
AA) and for sideways overflow at 375 px (tests/browser/journey.py). Chile
walks the assessor's and the officer's pages in the CMS; the other countries
reach those steps through the same services (the lutheria assessor grades a
portfolio in the CMS, a kind of work the Chilean journey does not have). The
services behind every road are walked in tests/issuance/test_road_demo.py.

Screenshots of the key screens are kept in ``test-artifacts/``.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from certification.models import (
    ApplicationStatus,
    CertificationProgram,
    Credential,
    ProgramApplication,
)
from courses.models import CoursePage, LessonPage
from plugins.models import Attempt
from tests.browser.conftest import artifact_path
from tests.browser.journey import (
    PHONE,
    Checks,
    approve_by_service,
    download_certificate,
    grade_by_service,
    grade_in_the_cms,
    lesson_url,
    log_in_as,
    sign_up_and_log_in,
    take_assessment,
    visitor_verifies,
)

pytestmark = pytest.mark.browser

PROGRAM = "cl-produccion-editorial-demo"
COURSE = "edicion-independiente"
# The publishing course's assessments (lesson slug, assessment title), in order.
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
def demo(settings, tmp_path, browser_context, live_server):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # E-mailed links follow the public address: here, the live server's.
    settings.LMS_PUBLIC_URL = live_server.url
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def phone(browser_page):
    browser_page.set_viewport_size(PHONE)
    return browser_page


def user(username):
    return get_user_model().objects.get(username=username)


def enrol(page, checks, slug, program_words):
    """The course says what it counts toward; enrolling applies to it."""
    course = CoursePage.objects.get(slug=slug, locale__language_code="es")
    page.goto(course.url)
    counts = page.locator(".counts-toward")
    expect(counts).to_contain_text("Este curso cuenta para:")
    expect(counts).to_contain_text(program_words)
    checks.page(page)
    page.get_by_role("button", name="Inscribirme").click()
    expect(page.locator(".messages")).to_contain_text("Se inscribió")
    checks.page(page, "enrolled")


def take_all(page, checks, learner, assessments):
    """(lesson slug, title) in order; returns the attempts sent for grading."""
    sent = []
    for slug, title in assessments:
        attempt = take_assessment(page, checks, learner, lesson_url(slug), title)
        if attempt.assessment.plugin_id != "quiz":
            sent.append(attempt)
    return sent


def complete_every_lesson(page, checks, slug):
    """Mark as completed every lesson not completed yet (the lessons with an
    assessment passed included): a course certificate says the course was
    completed."""
    course = CoursePage.objects.get(slug=slug, locale__language_code="es")
    for lesson in LessonPage.objects.child_of(course).live():
        page.goto(lesson.url)
        checks.page(page, "to complete")
        button = page.get_by_role("button", name="Marcar como completada")
        if button.count():
            button.click()
            expect(page.locator(".messages")).to_contain_text("Lección completada")


def open_record(page, checks, code, state):
    page.goto("/certification/record/")
    record = page.locator(f"#program-{code}")
    checks.page(page, state)
    return record


def certified(page, checks, learner, code):
    """The record says «Certificado»: download the PDF."""
    record = open_record(page, checks, code, "certified")
    expect(record.locator(".certified")).to_contain_text("Certificado")
    credential = Credential.objects.get(holder=learner, program__code=code)
    return credential, download_certificate(page, record, credential)


@pytest.mark.phone_too
def test_a_new_chilean_learner_walks_from_the_course_to_the_certificate(
    demo, chromium, phone, live_server, tmp_path
):
    checks = Checks("CL")
    page = phone
    learner = sign_up_and_log_in(
        page,
        checks,
        country="CL",
        national_id="15.432.198-5",
        # An address of its own: allauth rate-limits confirmation mails per
        # address (the demo learner holds 12.345.678-5).
        email="ana.rojas.editora@example.org",
        name="Ana María Rojas Fuentes",
    )
    enrol(page, checks, COURSE, "producción editorial independiente (Chile)")
    application = ProgramApplication.objects.get(learner=learner, program__code=PROGRAM)
    assert application.status == ApplicationStatus.APPLIED

    # Knowledge by quizzes; a product and a performance for an assessor.
    for slug, title in QUIZZES:
        take_assessment(page, checks, learner, lesson_url(slug), title)
    take_assessment(
        page,
        checks,
        learner,
        lesson_url(RUBRIC[0]),
        RUBRIC[1],
        text="Plan editorial de una antología.",
    )
    take_assessment(page, checks, learner, lesson_url(OBSERVATION[0]), OBSERVATION[1])
    record = open_record(page, checks, PROGRAM, "in assessment")
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
            grade_in_the_cms(
                assessor_page, attempt, place="Editorial Tinta Sur, Valparaíso"
            )
    finally:
        assessor_context.close()

    record = open_record(page, checks, PROGRAM, "awaiting")
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

    credential, pdf = certified(page, checks, learner, PROGRAM)
    record = page.locator(f"#program-{PROGRAM}")
    expect(record).to_contain_text("Certificado")  # the application's state
    page.screenshot(path=artifact_path("road-record-certified"), full_page=True)
    public_id = visitor_verifies(
        chromium, live_server, checks, pdf, tmp_path, "Ana María Rojas Fuentes"
    )
    assert public_id == credential.public_id
    checks.assert_clean()


# country, national ID, name, course, program, words of the program's title,
# its assessments (lesson slug, title), officer (None: automatic issuance)
ROADS = {
    "CO": (
        "1.020.304.050",
        "Julián Andrés Mejía Ospina",
        "sonido-en-vivo-salas-pequenas",
        "co-sonido-en-vivo-demo",
        "sonido en vivo",
        [
            ("evaluacion-sonido-en-vivo", "Cuestionario: señal, ganancia y seguridad"),
            ("evaluacion-sonido-en-vivo", "Portafolio: reporte técnico de una función"),
            (
                "evaluacion-sonido-en-vivo",
                "Observación: montaje, prueba de sonido y concierto",
            ),
        ],
        "oficial-co",
    ),
    "MX": (
        "HEGG560427MVZRRL04",
        "Guadalupe Hernández García",
        "regiduria-y-gira",
        "mx-tecnica-escenica-demo",
        "técnica escénica",
        [
            ("evaluacion-tecnica-escenica", "Cuestionario: seguridad en el montaje"),
            ("evaluacion-tecnica-escenica", "Libreto de regiduría y plan de gira"),
            (
                "evaluacion-tecnica-escenica",
                "Observación: regiduría de una función y montaje",
            ),
        ],
        None,
    ),
    "PE": (
        "45678912",
        "Rosa Quispe Mamani",
        COURSE,
        "pe-edicion-independiente-demo",
        "edición independiente",
        [*QUIZZES, RUBRIC, OBSERVATION],
        None,
    ),
}


@pytest.mark.parametrize("country", list(ROADS))
def test_a_new_learner_of_each_country_reaches_the_certificate(
    demo, chromium, phone, live_server, tmp_path, country
):
    national_id, name, course, code, words, assessments, officer = ROADS[country]
    checks = Checks(country)
    page = phone
    learner = sign_up_and_log_in(
        page,
        checks,
        country=country,
        national_id=national_id,
        email=f"nueva.{country.lower()}@example.org",
        name=name,
    )
    enrol(page, checks, course, words)
    sent = take_all(page, checks, learner, assessments)
    record = open_record(page, checks, code, "in assessment")
    expect(record).to_contain_text("En evaluación")

    grade_by_service(sent, user("evaluador"))
    if officer:
        record = open_record(page, checks, code, "awaiting")
        expect(record).to_contain_text("Esperando aprobación")
        approve_by_service(
            officer, learner, CertificationProgram.objects.get(code=code)
        )
    if country == "PE":
        complete_every_lesson(page, checks, course)
    credential, pdf = certified(page, checks, learner, code)
    assert visitor_verifies(chromium, live_server, checks, pdf, tmp_path, name) == (
        credential.public_id
    )
    checks.assert_clean()


LUTHERIA = "pe-lutheria-andina-demo"


def test_a_peruvian_luthier_is_certified_by_prior_learning_without_a_course(
    demo, chromium, phone, live_server, tmp_path
):
    """Applying from the record offers, unit by unit, the assessments on their
    own pages; the assessor grades the portfolio and the observation in the
    CMS; Peru's officer approves; the certificate verifies."""
    checks = Checks("PE lutheria")
    page = phone
    name = "Teodoro Huamán Condori"
    learner = sign_up_and_log_in(
        page,
        checks,
        country="PE",
        national_id="45678912",
        email="luthier.andino@example.org",
        name=name,
    )
    page.goto("/certification/record/")
    checks.page(page, "no program")
    available = page.locator(".competency-available li", has_text="luthería andina")
    available.get_by_role(
        "button", name="Postular por reconocimiento de experiencia"
    ).click()
    expect(page.locator(".messages")).to_contain_text("Le faltan 4 unidades")
    record = page.locator(f"#program-{LUTHERIA}")
    checks.page(page, "applied")
    application = ProgramApplication.objects.get(
        learner=learner, program__code=LUTHERIA
    )
    assert application.route == "rpl"

    # Each unit lists the assessments that give the evidence it asks for;
    # the learner takes each one offered once, on its own page.
    offered = {}
    for link in record.locator(".assessment-offer a").all():
        offered.setdefault(link.inner_text().strip(), link.get_attribute("href"))
    assert len(offered) == 3
    sent = []
    for title, url in offered.items():
        attempt = take_assessment(page, checks, learner, url, title)
        if attempt.assessment.plugin_id != "quiz":
            sent.append(attempt)
    assert {a.assessment.plugin_id for a in sent} == {"portfolio", "observation"}
    record = open_record(page, checks, LUTHERIA, "in assessment")
    expect(record).to_contain_text("En evaluación")

    assessor_context = chromium.new_context(base_url=live_server.url, locale="es-PE")
    try:
        log_in_as(assessor_context, live_server, "evaluador")
        assessor_page = assessor_context.new_page()
        for attempt in sent:
            grade_in_the_cms(assessor_page, attempt)
    finally:
        assessor_context.close()

    record = open_record(page, checks, LUTHERIA, "awaiting")
    expect(record).to_contain_text("Esperando aprobación")
    approve_by_service(
        "oficial-pe", learner, CertificationProgram.objects.get(code=LUTHERIA)
    )
    credential, pdf = certified(page, checks, learner, LUTHERIA)
    assert visitor_verifies(chromium, live_server, checks, pdf, tmp_path, name) == (
        credential.public_id
    )
    checks.assert_clean()
