"""An external LTI 1.3 tool in a lesson, in a real browser (headless Chromium)
against an independent tool (ltijs): a trainer registers the tool in the CMS
(and sees the platform values the tool needs), adds it as interactive
content and embeds it in a lesson in the page editor; a learner opens the
lesson, launches the tool in a new window, sends a grade from the tool, comes
back and sees the lesson completed."""

import pytest
from playwright.sync_api import expect

from courses.models import LessonCompletion, LessonPage
from courses.roles import roles_sync
from courses.services import enrolment_create
from lms.reference.models import Sector
from plugins.lti_platform.models import LtiTool
from plugins.lti_platform.roles import tool_permissions_grant
from plugins.models import ContentItem, ContentProgress
from plugins.roles import trainer_group_name
from tests.assessments.conftest import role_member
from tests.browser.conftest import artifact_path
from tests.browser.test_assessment_journeys import log_in
from tests.factories import UserFactory
from tests.lti_platform.conftest import free_port, running_ltijs

pytestmark = pytest.mark.browser


def test_trainer_embeds_an_lti_tool_and_learner_gets_graded(
    browser_context, browser_page, live_server, course, tmp_path, settings
):
    settings.LMS_PUBLIC_URL = live_server.url
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.LMS_KEY_PASSPHRASE = "lti journey passphrase"
    roles_sync()  # the trainer edits their sector's lessons
    trainer = role_member(trainer_group_name(Sector.objects.get(code="publishing")))
    tool_permissions_grant()
    port = free_port()
    tool_url = f"http://localhost:{port}"
    page = browser_page

    # The trainer registers the tool and reads the values to give its owner.
    log_in(browser_context, live_server, trainer)
    page.goto("/admin/lti_tools/new/")
    expect(page.locator("[data-lti-platform-values]")).to_contain_text(
        f"{live_server.url}/lti/platform/jwks"
    )
    page.fill("#id_name", "Simulador de escenario")
    page.fill("#id_login_url", f"{tool_url}/login")
    page.fill("#id_target_link_uri", f"{tool_url}/")
    page.fill("#id_jwks_url", f"{tool_url}/keys")
    page.get_by_role("button", name="Crear", exact=True).click()
    expect(page.get_by_text("Simulador de escenario").first).to_be_visible()
    tool = LtiTool.objects.get()
    page.goto(f"/admin/lti_tools/edit/{tool.pk}/")
    values = page.locator("[data-lti-platform-values]")
    expect(values).to_contain_text(tool.client_id)
    expect(values).to_contain_text(tool.deployment_id)
    expect(values).to_contain_text(f"{live_server.url}/lti/platform/token")

    # ... and adds it as interactive content, with no package.
    page.goto("/admin/content_items/new/")
    page.fill("#id_title", "Simulador externo")
    page.select_option("#id_plugin_id", "lti")
    page.select_option("#id_lti-tool", str(tool.pk))
    page.fill("#id_lti-custom", "escenario=teatro")
    page.get_by_role("button", name="Crear", exact=True).click()
    expect(page.get_by_text("Simulador externo").first).to_be_visible()
    item = ContentItem.objects.get()
    assert item.config == {
        "tool": tool.pk,
        "target_link_uri": "",
        "custom": {"escenario": "teatro"},
    }
    # ... and embeds it in a lesson in the page editor, submitted for review.
    lesson = LessonPage.objects.child_of(course).first()
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator("[data-streamfield-stream-container] button[title]").first.click()
    page.get_by_role("option", name="Contenido interactivo").click()
    page.get_by_role("button", name="Elegir un contenido interactivo").click()
    page.locator(".modal").get_by_role("link", name="Simulador externo").click()
    expect(page.locator("[data-chooser-title]").first).to_have_text("Simulador externo")
    page.screenshot(path=artifact_path("lti-lesson-editor"), full_page=True)
    page.get_by_role("button", name="Más acciones").click()
    page.get_by_role("button", name="Enviar a Revisión de contenidos").click()
    expect(page.locator(".messages")).to_contain_text(lesson.title)
    lesson.refresh_from_db()
    draft = lesson.get_latest_revision_as_object()
    embedded = [
        block.value["item"] for block in draft.body if block.block_type == "content"
    ]
    assert embedded == [item]
    # A reviewer approves it (the review workflow is tested elsewhere).
    lesson.get_latest_revision().publish()
    lesson.refresh_from_db()
    browser_context.clear_cookies()

    learner = UserFactory(username="lti-journey-learner")
    enrolment_create(user=learner, course=course)
    with running_ltijs(
        tool, port=port, issuer=live_server.url, log=tmp_path / "ltijs.log"
    ):
        log_in(browser_context, live_server, learner)
        page.goto(lesson.url)
        with page.expect_popup() as popup_info:
            page.get_by_role("link", name="Abrir la herramienta").click()
        tool_page = popup_info.value
        expect(tool_page.locator("#launch")).to_contain_text("LtiResourceLinkRequest")
        expect(tool_page.locator("#launch")).to_contain_text('"escenario":"teatro"')
        tool_page.screenshot(path=artifact_path("lti-tool-launched"), full_page=True)
        tool_page.get_by_role("button", name="Send grade").click()
        expect(tool_page.locator("#grade")).to_contain_text('"ok":true')
        tool_page.close()

    page.reload()
    expect(page.locator("[data-content-done]")).to_be_visible()
    expect(page.locator("[data-lti-result]")).to_contain_text("85")
    expect(page.locator(".lesson-outline li.current")).to_have_class("current done")
    page.screenshot(path=artifact_path("lti-lesson-completed"), full_page=True)
    progress = ContentProgress.objects.get(learner=learner, item=item)
    assert progress.completed and progress.score == 85
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
