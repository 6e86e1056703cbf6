"""An external LMS launches a learner into an assessment through LTI 1.3, in
a real browser: the platform's page (the independent test platform of
tests/lti/platform.py) auto-submits the login initiation, the learner lands
on the lesson of the linked quiz, passes it, and the grade arrives at the
platform's AGS line item."""

import pytest
from playwright.sync_api import expect

from courses.models import Enrolment
from plugins.lti_tool.models import LtiIdentity
from plugins.models import Attempt, AttemptStatus
from tests.assessments.conftest import author, embed, quiz_data
from tests.browser.conftest import artifact_path
from tests.lti.conftest import registration, test_platform  # noqa: F401

pytestmark = pytest.mark.browser


def test_an_external_lms_launches_the_learner_and_receives_the_grade(
    browser_page,
    live_server,
    course,
    test_platform,  # noqa: F811 - the fixtures imported above
    registration,  # noqa: F811
):
    quiz = author("quiz", quiz_data(), title="Cuestionario de edición", pass_mark=75)
    lesson = embed(course, quiz, slug="cuestionario")
    test_platform.add_user("moodle-42", "Lucía Rojas", "lucia@example.org")
    link = test_platform.add_link(
        "Cuestionario de edición",
        {"lms_target": f"assessment:{quiz.pk}"},
        score_maximum=100,
    )
    page = browser_page

    page.goto(f"{test_platform.url}/launch/{link.id}?user=moodle-42")

    expect(page).to_have_url(f"{live_server.url}{lesson.url}")
    expect(page.get_by_role("button", name="Cerrar sesión")).to_be_visible()
    learner = LtiIdentity.objects.get(sub="moodle-42").user
    assert Enrolment.objects.filter(user=learner, course=course).exists()
    page.get_by_role("button", name="Comenzar la evaluación").click()
    attempt = Attempt.objects.get(learner=learner)
    for question in attempt.presented["questions"]:
        if question["kind"] == "short":
            page.fill(f'input[name="{question["id"]}"]', "Registro Civil")  # wrong
        else:
            for value in question["correct"]:
                page.check(f'input[name="{question["id"]}"][value="{value}"]')
    page.get_by_role("button", name="Enviar respuestas").click()

    result = page.locator(".assessment-result")
    expect(result.locator(".status-label")).to_have_text("Aprobada")
    page.screenshot(path=artifact_path("lti-launch-graded"), full_page=True)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.PASSED
    assert [
        (s["userId"], s["scoreGiven"], s["scoreMaximum"]) for s in test_platform.scores
    ] == [("moodle-42", 75.0, 100.0)]
    assert test_platform.scores[0]["_lineitem"] == f"/lineitems/{link.id}"
