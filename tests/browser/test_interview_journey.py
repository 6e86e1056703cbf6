"""The technical interview (the separately installed ``lms-entrevista``
plugin) in a real browser: an administrator authors it in the admin choosing
each question's criteria among the assessment's own, a learner asks to be
interviewed from the lesson, an assessor records the interview question by
question, and the learner reads the record and confirms it."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from certification.models import (
    CompetencyUnit,
    OccupationalStandard,
    PerformanceCriterion,
)
from courses.services import enrolment_create
from lms.reference.models import Sector
from plugins.models import Assessment, Attempt
from plugins.roles import ASSESSORS_GROUP, assessor_permissions_grant
from tests.assessments.conftest import embed
from tests.browser.conftest import artifact_path
from tests.browser.test_assessment_journeys import log_in
from tests.factories import UserFactory, assessor_roles_grant

pytestmark = pytest.mark.browser


def _unit():
    standard = OccupationalStandard.objects.create(
        country_id="CL",
        system="chilevalora",
        code="ESC-01",
        title="Técnico de escenario",
        sector=Sector.objects.get(code="publishing"),
    )
    unit = CompetencyUnit.objects.create(standard=standard, code="U1", title="Montar")
    for n, text in ((1, "Explica el plan de montaje"), (2, "Identifica los riesgos")):
        PerformanceCriterion.objects.create(unit=unit, code=f"C{n}", text=text)
    return unit


def test_an_interview_is_authored_requested_recorded_and_read(
    chromium, browser_context, browser_page, live_server, course
):
    unit = _unit()
    admin = UserFactory(username="formadora", is_superuser=True, is_staff=True)
    log_in(browser_context, live_server, admin)
    page = browser_page

    # The trainer writes the question, chooses the unit; its criteria then
    # appear beside the question to be ticked.
    page.goto("/admin/assessments/new/entrevista/")
    page.fill("#id_title", "Entrevista de montaje")
    page.select_option("#id_units", label=str(unit))
    page.fill('input[name="config-questions-0-text"]', "¿Cómo planifica un montaje?")
    page.fill(
        'textarea[name="config-questions-0-expected"]', "Plano, horarios y equipo."
    )
    page.get_by_role("button", name="Guardar").click()
    question = page.locator('fieldset:has(input[name="config-questions-0-text"])')
    expect(question).to_contain_text("Elija al menos un criterio.")
    question.get_by_label("C1 — Explica el plan de montaje").check()
    question.get_by_label("C2 — Identifica los riesgos").check()
    page.screenshot(path=artifact_path("interview-authoring"), full_page=True)
    page.get_by_role("button", name="Guardar").click()
    expect(page.locator("table.listing")).to_contain_text("Entrevista técnica")
    interview = Assessment.objects.get(title="Entrevista de montaje")
    assert [c["text"] for c in interview.config["criteria"]] == [
        "C1 — Explica el plan de montaje",
        "C2 — Identifica los riesgos",
    ]

    # The learner asks to be interviewed from the lesson.
    learner = UserFactory(username="tecnica", legal_name="Tomasa Técnica")
    enrolment_create(user=learner, course=course)
    lesson = embed(course, interview, slug="entrevista")
    learner_context = chromium.new_context(base_url=live_server.url, locale="es-CL")
    log_in(learner_context, live_server, learner)
    learner_page = learner_context.new_page()
    learner_page.goto(lesson.url)
    panel = learner_page.locator(f"#assessment-{interview.pk}")
    panel.get_by_role("button", name="Comenzar la evaluación").click()
    expect(panel).to_contain_text("Un evaluador le hará 1 pregunta")
    expect(panel).not_to_contain_text("Plano, horarios y equipo.")
    panel.get_by_label("¿Cuándo puede ser entrevistado? (días y horas)").fill(
        "Martes por la tarde"
    )
    panel.get_by_role("button", name="Enviar respuestas").click()
    expect(panel).to_contain_text("Un evaluador la revisará")

    # The assessor records the interview.
    attempt = Attempt.objects.get(learner=learner)
    assessor_permissions_grant()
    assessor = UserFactory(username="evaluadora", legal_name="Eva Evaluadora")
    assessor.groups.add(Group.objects.get(name=ASSESSORS_GROUP))
    assessor_roles_grant(assessor)
    assessor_context = chromium.new_context(base_url=live_server.url, locale="es-CL")
    log_in(assessor_context, live_server, assessor)
    grading = assessor_context.new_page()
    grading.goto("/admin/assessments/queue/")
    grading.locator(f'tr[data-attempt="{attempt.pk}"]').get_by_role(
        "button", name="Tomar"
    ).click()
    expect(grading.locator(".attempt-response")).to_contain_text("Martes por la tarde")
    expect(grading.locator(".attempt-response")).to_contain_text(
        "Plano, horarios y equipo."
    )
    (qid,) = [q["id"] for q in attempt.presented["questions"]]
    grading.fill(f'textarea[name="summary-{qid}"]', "Describe plano y horarios.")
    grading.get_by_label("C1 — Explica el plan de montaje").check()
    grading.get_by_label("C2 — Identifica los riesgos").check()
    grading.screenshot(path=artifact_path("interview-grading"), full_page=True)
    grading.get_by_role("button", name="Registrar calificación").click()
    expect(grading.locator(f'tr[data-attempt="{attempt.pk}"]')).to_have_count(0)

    # The learner reads the record and confirms it.
    learner_page.goto(lesson.url)
    result = panel.locator(".assessment-result")
    expect(result.locator(".status-label")).to_have_text("Aprobada")
    expect(result).to_contain_text("Describe plano y horarios.")
    expect(result).to_contain_text("✓ Cumplido: C2 — Identifica los riesgos")
    expect(panel).to_contain_text("Nota de aprobación: 70 %")
    result.get_by_role("button", name="Confirmo que leí el registro").click()
    expect(panel).to_contain_text("Usted confirmó la lectura de este registro.")
    for context in (learner_context, assessor_context):
        context.close()
