"""Content plugin journeys in a real browser (headless Chromium): a trainer
uploads a SCORM package in the CMS; a learner plays it inside the lesson
through scorm-again, leaves mid-way, comes back where they left, finishes,
and sees the lesson completed. Both SCORM 1.2 and SCORM 2004."""

import pytest
from playwright.sync_api import expect

from courses.models import LessonCompletion, LessonPage
from courses.services import enrolment_create
from lms.reference.models import Sector
from plugins.models import ContentItem, ContentProgress
from plugins.roles import trainer_group_name
from tests.assessments.conftest import role_member
from tests.browser.conftest import artifact_path
from tests.browser.test_assessment_journeys import log_in
from tests.content.packages import h5p_package, scorm_package
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_trainer_uploads_scorm_and_learner_resumes_and_completes(
    browser_context, browser_page, live_server, course, tmp_path, settings, version
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    trainer = role_member(trainer_group_name(Sector.objects.get(code="publishing")))
    package = tmp_path / f"curso-scorm-{version}.zip"
    package.write_bytes(scorm_package(version))
    page = browser_page

    log_in(browser_context, live_server, trainer)
    page.goto("/admin/content_items/new/")
    page.fill("#id_title", f"Curso SCORM {version}")
    page.select_option("#id_plugin_id", "scorm")
    page.set_input_files("#id_package", str(package))
    page.get_by_role("button", name="Crear", exact=True).click()
    expect(page.get_by_text(f"Curso SCORM {version}").first).to_be_visible()
    item = ContentItem.objects.get()
    assert item.config["version"] == version

    lesson = LessonPage.objects.child_of(course).first()
    lesson.body = [("content", {"item": item})]
    lesson.save_revision().publish()
    browser_context.clear_cookies()

    learner = UserFactory(username=f"scorm-learner-{version}".replace(".", ""))
    enrolment_create(user=learner, course=course)
    log_in(browser_context, live_server, learner)
    page.goto(lesson.url)
    sco = page.frame_locator("[data-scorm-frame]")
    expect(sco.locator("#page")).to_have_text("Página 1")
    sco.get_by_role("button", name="Siguiente").click()
    expect(sco.locator("#page")).to_have_text("Página 2")
    page.screenshot(path=artifact_path(f"scorm-{version}-midway"), full_page=True)

    # The learner leaves and comes back: the package resumes on page 2.
    page.goto("/")
    state = ContentProgress.objects.get(learner=learner).state["cmi"]
    location = (
        state["core"]["lesson_location"] if version == "1.2" else state["location"]
    )
    assert location == "page-2"
    page.goto(lesson.url)
    expect(sco.locator("#page")).to_have_text("Página 2")
    expect(sco.locator("#entry")).to_have_text("entry=resume suspend=visto:1")

    sco.get_by_role("button", name="Terminar").click()
    expect(sco.locator("#page")).to_have_text("Terminado")
    page.reload()
    expect(page.locator("[data-content-done]")).to_be_visible()
    expect(page.locator(".lesson-outline li.current")).to_have_class("current done")
    page.screenshot(path=artifact_path(f"scorm-{version}-completed"), full_page=True)
    progress = ContentProgress.objects.get(learner=learner)
    assert progress.completed and progress.passed and progress.score == 90
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_trainer_uploads_h5p_and_learner_resumes_and_completes(
    browser_context, browser_page, live_server, course, tmp_path, settings
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    trainer = role_member(trainer_group_name(Sector.objects.get(code="publishing")))
    package = tmp_path / "actividad.h5p"
    package.write_bytes(h5p_package())
    page = browser_page

    log_in(browser_context, live_server, trainer)
    page.goto("/admin/content_items/new/")
    page.fill("#id_title", "Actividad H5P")
    page.select_option("#id_plugin_id", "h5p")
    page.set_input_files("#id_package", str(package))
    page.get_by_role("button", name="Crear", exact=True).click()
    expect(page.get_by_text("Actividad H5P").first).to_be_visible()
    item = ContentItem.objects.get()

    lesson = LessonPage.objects.child_of(course).first()
    lesson.body = [("content", {"item": item})]
    lesson.save_revision().publish()
    browser_context.clear_cookies()

    learner = UserFactory(username="h5p-learner")
    enrolment_create(user=learner, course=course)
    log_in(browser_context, live_server, learner)
    page.goto(lesson.url)
    player = page.frame_locator("[data-content-frame]")
    activity = player.frame_locator("[data-h5p-frame] iframe")
    activity.get_by_role("button", name="Libros").click()
    expect(activity.get_by_text("Pregunta 2:")).to_be_visible()
    # H5P saves its user state 3 s after "progressed".
    expect(player.locator("[data-h5p-player]")).to_have_attribute(
        "data-user-saved", "1", timeout=10000
    )
    page.screenshot(path=artifact_path("h5p-midway"), full_page=True)

    # The learner leaves and comes back: the activity resumes on question 2
    # with the first answer kept.
    page.goto("/")
    page.wait_for_timeout(1000)  # a last state posted on leaving ends first
    progress = ContentProgress.objects.get(learner=learner)
    assert progress.state == {"user_state": {"step": 2, "choice": "Libros"}}
    assert not progress.completed
    page.goto(lesson.url)
    expect(activity.get_by_text("Respuesta anterior: Libros")).to_be_visible()
    activity.get_by_role("button", name="Una edición").click()
    expect(activity.get_by_role("button", name="Respondido")).to_be_visible()
    expect(player.locator("[data-h5p-player]")).to_have_attribute("data-saved", "1")
    page.reload()
    expect(page.locator("[data-content-done]")).to_be_visible()
    expect(page.locator(".lesson-outline li.current")).to_have_class("current done")
    page.screenshot(path=artifact_path("h5p-completed"), full_page=True)
    # Leaving the page may post the activity's state once more (keepalive):
    # let that request end before the test reads the database and tears it
    # down (the live server shares the test's in-memory SQLite connection).
    page.goto("about:blank")
    page.wait_for_timeout(2000)
    progress = ContentProgress.objects.get(learner=learner)
    assert progress.completed and progress.passed and progress.score == 80
    assert progress.state["user_state"] == {"step": 2, "choice": "Libros"}
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()
