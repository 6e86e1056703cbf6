"""End-to-end journeys of the platform in a real browser (headless Chromium).

Screenshots of the key screens are kept in ``test-artifacts/``.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from courses.models import Enrolment, LessonCompletion, LessonPage
from tests.browser.conftest import artifact_path
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "Tinta-y-papel-2026"


def fill_signup(page, *, national_id):
    page.fill("#id_email", "ana.rojas@example.org")
    page.fill("#id_legal_name", "Ana María Rojas Fuentes")
    page.select_option("#id_country", "CL")
    page.fill("#id_national_id", national_id)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)


@pytest.mark.phone_too
def test_learner_signs_up_confirms_email_enrols_completes_a_lesson_and_sees_progress(
    browser_page, live_server, course, settings
):
    """Sign-up rejects a RUT with a wrong check digit naming the expected
    format and keeps what was typed; a valid RUT creates the account, the
    e-mailed link confirms it, and after logging in the learner enrols,
    completes the first lesson and sees 1 of 3 lessons on "Mi aprendizaje"."""
    # E-mailed links are built from the site's public address, whatever
    # address the request came in at: here the live server is that address.
    settings.LMS_PUBLIC_URL = live_server.url
    page = browser_page
    page.goto("/accounts/signup/")

    # 1. An invalid document: field error naming the expected format.
    fill_signup(page, national_id="12.345.678-9")
    page.get_by_role("button", name="Registrarse").click()
    document = page.locator("#id_national_id")
    expect(document).to_have_attribute("aria-invalid", "true")
    expect(document).to_have_accessible_description(
        re.compile(r"Formato esperado: RUT con dígito verificador")
    )
    expect(page.locator("#id_email")).to_have_value("ana.rojas@example.org")
    expect(page.locator("#id_legal_name")).to_have_value("Ana María Rojas Fuentes")
    page.screenshot(path=artifact_path("journey-signup-invalid-document"))
    assert not get_user_model().objects.filter(email="ana.rojas@example.org").exists()

    # 2. A valid document: the account is created and a confirmation e-mailed.
    fill_signup(page, national_id="12.345.678-5")
    page.get_by_role("button", name="Registrarse").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    user = get_user_model().objects.get(email="ana.rojas@example.org")
    assert (user.country, user.national_id) == ("CL", "12345678-5")
    assert user.legal_name == "Ana María Rojas Fuentes"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana.rojas@example.org"]

    # 3. The link from the e-mail confirms the address.
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    assert link.group(0).startswith(live_server.url)
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirmar").click()
    assert EmailAddress.objects.get(email="ana.rojas@example.org").verified

    # 4. Log in; the learner lands on an empty "Mi aprendizaje".
    page.goto("/accounts/login/")
    page.fill("#id_login", "ana.rojas@example.org")
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Mi aprendizaje")
    expect(page.locator("main")).to_contain_text("Aún no está inscrito")

    # 5. Enrol in the course and complete its first lesson.
    page.goto(course.url)
    page.get_by_role("button", name="Inscribirme").click()
    expect(page.locator(".messages")).to_contain_text("Se inscribió")
    expect(page.locator(".enrol-box")).to_contain_text("0 de 3 lecciones")
    page.screenshot(path=artifact_path("journey-course-enrolled"), full_page=True)
    page.get_by_role("link", name="Comenzar").click()
    expect(page.locator("h1")).to_have_text("Lección 1")
    page.get_by_role("button", name="Marcar como completada").click()
    expect(page.locator("h1")).to_have_text("Lección 2")
    expect(page.locator(".messages")).to_contain_text("Lección completada")
    page.screenshot(path=artifact_path("journey-lesson-2"), full_page=True)
    assert LessonCompletion.objects.filter(user=user).count() == 1
    assert Enrolment.objects.get(user=user, course=course).withdrawn_at is None

    # 6. The dashboard shows the progress bar and the resume link.
    page.get_by_role("link", name="Mi aprendizaje").click()
    row = page.locator(".dashboard-row")
    expect(row).to_have_count(1)
    expect(row.locator("h2")).to_have_text("Edición independiente")
    expect(row.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "33")
    expect(row).to_contain_text("1 de 3 lecciones")
    bar_width = row.locator(".progress-bar").bounding_box()["width"]
    track_width = row.locator(".progress").bounding_box()["width"]
    assert 0.25 < bar_width / track_width < 0.40
    page.screenshot(path=artifact_path("journey-dashboard"), full_page=True)
    row.get_by_role("link", name="Continuar").click()
    expect(page.locator("h1")).to_have_text("Lección 2")  # the next one to do


@pytest.fixture
def publishing_trainer(course):
    """A member of the publishing trainers' group, with the roles and the
    moderation workflow set up by ``roles_sync``."""
    from django.contrib.auth.models import Group

    from courses.roles import roles_sync, trainer_group_name
    from lms.reference.models import Sector

    roles_sync()
    trainer = UserFactory(username="formadora", email="formadora@example.org")
    group = Group.objects.get(
        name=trainer_group_name(Sector.objects.get(code="publishing"))
    )
    trainer.groups.add(group)
    return trainer


def test_trainer_creates_a_lesson_in_the_admin_and_submits_it_for_moderation(
    browser_page, live_server, course, publishing_trainer
):
    """A trainer adds a lesson under a course of their sector in the Wagtail
    admin and submits it to the review workflow: the lesson is in moderation,
    not live, and the public site does not serve it."""
    page = browser_page
    page.goto("/accounts/login/")
    page.fill("#id_login", "formadora@example.org")
    page.fill("#id_password", "clave-segura-123")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Mi aprendizaje")

    # The course's page listing in the admin; a course only takes lessons, so
    # "add child page" opens the lesson form straight away.
    page.goto(f"/admin/pages/{course.pk}/")
    page.get_by_role("link", name="Añadir página hija").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/courses/lessonpage/"))
    page.fill("#id_title", "Derechos de autor para editoriales")
    page.fill(
        "#id_summary",
        "Qué cede un autor al firmar un contrato de edición y qué conserva.",
    )
    page.locator("[data-streamfield-stream-container] button[title]").first.click()
    page.get_by_role("option", name="Texto").click()
    editor = page.locator("[contenteditable=true]").last
    editor.click()
    editor.type("El contrato de edición cede derechos por un plazo y un territorio.")
    # The editor saves its state to the block's hidden input after a pause.
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile("un plazo y un territorio")
    )
    page.screenshot(path=artifact_path("journey-admin-new-lesson"), full_page=True)

    page.get_by_role("button", name="Más acciones").click()
    page.get_by_role("button", name="Enviar a Revisión de contenidos").click()
    expect(page.locator(".messages")).to_contain_text(
        "Derechos de autor para editoriales"
    )
    page.screenshot(path=artifact_path("journey-admin-submitted"), full_page=True)

    lesson = LessonPage.objects.get(title="Derechos de autor para editoriales")
    assert lesson.get_parent().pk == course.pk
    assert not lesson.live
    state = lesson.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert state.workflow.name == "Revisión de contenidos"
    draft = lesson.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph"]
    assert "un plazo y un territorio" in draft.body[0].value.source

    # The admin listing of the course shows the lesson as in moderation.
    page.goto(f"/admin/pages/{course.pk}/")
    row = page.locator("tr", has_text="Derechos de autor para editoriales")
    expect(row).to_contain_text(re.compile("en moderación", re.IGNORECASE))
    page.screenshot(path=artifact_path("journey-admin-in-moderation"), full_page=True)

    # Not published: the public site does not serve it.
    assert page.request.get(f"{course.url}{lesson.slug}/").status == 404
