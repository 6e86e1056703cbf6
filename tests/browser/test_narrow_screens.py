"""Every page a learner, an employer or an assessor uses works on a phone and
with a screen reader: at 375 and 320 CSS pixels nothing scrolls sideways (nor
is cut off by a parent hiding its overflow), the project's targets are 24 px
or more, keyboard focus shows a ring, and axe-core (WCAG 2.2 AA) finds no
violation. Screenshots at 320 px land in ``test-artifacts/narrow-*.png``.
"""

import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from playwright.sync_api import expect

from certification.issuance.lifecycle import credential_revoke
from courses.services import enrolment_create
from plugins import services
from plugins.roles import ASSESSORS_GROUP, assessor_permissions_grant
from tests.assessments.conftest import RUBRIC_DATA, author, embed, quiz_data
from tests.browser import test_verify_pages as verify_pages
from tests.browser.a11y import (
    ADMIN_REGIONS,
    NARROW_WIDTHS,
    OWN_REGIONS,
    narrow_page_problems,
    unfocusable_styles,
)
from tests.browser.conftest import artifact_path
from tests.browser.test_assessment_journeys import log_in
from tests.browser.test_verify_pages import in_thread
from tests.factories import UserFactory, assessor_roles_grant
from tests.verification.conftest import issue_for, pdf_of

pytestmark = pytest.mark.browser

credential = verify_pages.credential  # the issued-credential fixture


def check_narrow(page, name, *, open_page, regions=OWN_REGIONS):
    """Open the page at each narrow width (``open_page()`` navigates and
    waits); return the problems found, each prefixed with the width."""
    problems = []
    for width in NARROW_WIDTHS:
        page.set_viewport_size({"width": width, "height": 780})
        open_page()
        page.wait_for_load_state("load")
        found = narrow_page_problems(page, regions=regions)
        if width == min(NARROW_WIDTHS):
            found += [f"focus: {line}" for line in unfocusable_styles(page)]
            page.screenshot(path=artifact_path(f"narrow-{name}"), full_page=True)
        problems += [f"{name} @{width}px {line}" for line in found]
    return problems


def visit(page, url):
    return lambda: page.goto(url)


def test_verify_page_and_every_result_fit_a_phone(
    browser_page, credential, tmp_path, settings
):
    """The verify form; valid, revoked and not-found results; the result of
    an uploaded PDF (the 32-character code wraps, the file input shrinks)."""
    page = browser_page
    revoked = in_thread(
        issue_for, credential.program, name="Bartolomé Ignacio Fuenzalida"
    )
    credential_revoke(
        credential=revoked, actor=None, reason="Suplantación en la evaluación"
    )
    pdf = tmp_path / "certificado.pdf"
    pdf.write_bytes(pdf_of(credential))

    def upload():
        page.goto("/verify/")
        page.set_input_files("input[name=pdf]", str(pdf))
        page.get_by_role("button", name="Comprobar el archivo").click()
        expect(page.locator(".verdict")).to_have_attribute("data-verdict", "valid")

    problems = check_narrow(page, "verify-form", open_page=visit(page, "/verify/"))
    for name, url in [
        ("verify-valid", f"/verify/{credential.public_id}/"),
        ("verify-revoked", f"/verify/{revoked.public_id}/"),
        ("verify-not-found", "/verify/" + "0" * 32 + "/"),
        ("verify-valid-en", f"/en/verify/{credential.public_id}/"),
    ]:
        problems += check_narrow(page, name, open_page=visit(page, url))
    problems += check_narrow(page, "verify-upload", open_page=upload)
    assert problems == []


def test_verify_result_in_english_marks_the_spanish_record(browser_page, credential):
    """Under /en/ the interface is English (``<html lang="en">``) and the
    record's Spanish texts are marked ``lang="es"`` for screen readers."""
    page = browser_page
    page.goto(f"/en/verify/{credential.public_id}/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#facts-title").get_attribute("lang") == "es"
    unit_title = page.locator(".credential-facts .units li > span:not(.unit-code)")
    assert unit_title.first.get_attribute("lang") == "es"
    page.goto(f"/verify/{credential.public_id}/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("#facts-title").get_attribute("lang") is None


def test_learner_pages_fit_a_phone(
    browser_context, browser_page, live_server, course, credential
):
    """Catalog, course, a lesson with an open quiz (checkboxes and radios), a
    lesson with an open file-upload assessment, the dashboard, the competency
    record and "Mis certificados" (sharing checkboxes), as a certificate
    holder enrolled in the course."""
    learner = credential.holder
    enrolment_create(user=learner, course=course)
    quiz = author("quiz", quiz_data(), title="Cuestionario de edición")
    quiz_lesson = embed(course, quiz, slug="cuestionario")
    rubric = author("rubric", RUBRIC_DATA, title="Plan editorial", pass_mark=50)
    upload_lesson = embed(course, rubric, slug="plan-editorial")
    for assessment, lesson in [(quiz, quiz_lesson), (rubric, upload_lesson)]:
        services.attempt_start(assessment=assessment, learner=learner, page=lesson)
    log_in(browser_context, live_server, learner)
    page = browser_page

    page.goto(quiz_lesson.url)
    expect(page.locator(".assessment-form input[type=checkbox]").first).to_be_visible()
    page.goto(upload_lesson.url)
    expect(page.locator(".assessment-form input[type=file]")).to_be_visible()
    problems = []
    for name, url in [
        ("catalog", "/"),
        ("course", course.url),
        ("lesson-quiz", quiz_lesson.url),
        ("lesson-upload", upload_lesson.url),
        ("dashboard", "/learning/"),
        ("record", "/certification/record/"),
        ("my-certificates", "/credentials/mine/"),
    ]:
        problems += check_narrow(page, name, open_page=visit(page, url))
    assert problems == []


def test_sign_up_and_login_fit_a_phone(browser_page):
    page = browser_page
    problems = check_narrow(page, "signup", open_page=visit(page, "/accounts/signup/"))
    problems += check_narrow(page, "login", open_page=visit(page, "/accounts/login/"))
    assert problems == []


def test_grading_queue_and_credentials_list_fit_a_phone(
    chromium, browser_context, browser_page, live_server, course, credential
):
    """In the admin at 375 and 320 px the assessor reaches the queue's
    "Tomar" button (the table scrolls inside its own box, not cut off by
    ``main``) and the officer's credentials table and labelled filters."""
    learner = UserFactory(username="cola-aprendiz", legal_name="Rosa Participante")
    enrolment_create(user=learner, course=course)
    rubric = author("rubric", RUBRIC_DATA, title="Plan editorial", pass_mark=50)
    lesson = embed(course, rubric, slug="plan-editorial")
    attempt = services.attempt_start(assessment=rubric, learner=learner, page=lesson)
    services.attempt_submit(
        attempt=attempt,
        data=QueryDict("text=Mi+plan+editorial"),
        files=MultiValueDict(),
    )
    assessor_permissions_grant()
    assessor = UserFactory(username="cola-evaluadora", legal_name="Ana Evaluadora")
    assessor.groups.add(Group.objects.get(name=ASSESSORS_GROUP))
    assessor_roles_grant(assessor)
    log_in(browser_context, live_server, assessor)
    page = browser_page

    problems = check_narrow(
        page,
        "admin-grading-queue",
        open_page=visit(page, "/admin/assessments/queue/"),
        regions=ADMIN_REGIONS,
    )
    claim = page.locator(f'tr[data-attempt="{attempt.pk}"]').get_by_role(
        "button", name="Tomar"
    )
    claim.scroll_into_view_if_needed()
    box = claim.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320

    officer_context = chromium.new_context(base_url=live_server.url, locale="es-CL")
    try:
        officer = UserFactory(username="jefa", is_staff=True, is_superuser=True)
        log_in(officer_context, live_server, officer)
        officer_page = officer_context.new_page()
        problems += check_narrow(
            officer_page,
            "admin-credentials",
            open_page=visit(officer_page, "/admin/credentials/"),
            regions=ADMIN_REGIONS,
        )
        expect(officer_page.get_by_label("Estado")).to_be_visible()
    finally:
        officer_context.close()
    assert problems == []
