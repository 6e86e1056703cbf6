"""The LTI 1.3 tool end to end against an independent platform
(``lti1p3platform`` in tests/lti/platform.py) over real HTTP: resource link
launches (account created or matched, enrolment, landing page), deep linking
(the signed response validated by the platform), grades back through AGS,
and refused launches."""

from __future__ import annotations

import base64
import json

import pytest
from allauth.account.models import EmailAddress
from celery.exceptions import Retry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from courses.models import Enrolment
from plugins import services
from plugins.lti_tool.models import GradeLink, LtiIdentity, ScorePost, ToolKey
from plugins.lti_tool.tasks import PlatformBusy, score_send
from tests.assessments.conftest import author, embed, quiz_data
from tests.factories import UserFactory
from tests.lti.conftest import follow_autosubmits, forms_of, submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
User = get_user_model()


def launch(browser, platform, link, sub):
    page = browser.get(f"{platform.url}/launch/{link.id}", params={"user": sub})
    return follow_autosubmits(browser, page)


def test_launch_creates_an_account_enrols_it_and_lands_on_the_course(
    test_platform, registration, browser, course
):
    test_platform.add_user("moodle-17", "Ana Pérez", "ana@example.org")
    link = test_platform.add_link("Edición", {"lms_target": f"course:{course.pk}"})

    response = launch(browser, test_platform, link, "moodle-17")

    assert response.status_code == 200, response.text[:500]
    assert response.url.endswith(course.url)
    identity = LtiIdentity.objects.get(platform=registration, sub="moodle-17")
    user = identity.user
    assert (user.email, user.first_name, user.last_name) == (
        "ana@example.org",
        "Ana",
        "Pérez",
    )
    assert user.country == "CL" and user.national_id == ""
    assert not user.has_usable_password()
    assert Enrolment.objects.filter(user=user, course=course).exists()
    # The page is served to the logged-in learner.
    assert "Cerrar sesión" in response.text

    # A second launch of the same platform user is the same account.
    browser.cookies.clear()
    launch(browser, test_platform, link, "moodle-17")
    assert LtiIdentity.objects.count() == 1
    assert User.objects.filter(username__startswith="lti-").count() == 1


def test_launch_matches_an_account_by_its_verified_address(
    test_platform, registration, browser, course
):
    existing = UserFactory(username="ana", email="ana@example.org")
    unverified = UserFactory(username="beto", email="beto@example.org")
    EmailAddress.objects.filter(user=unverified).update(verified=False)
    assert EmailAddress.objects.get(user=existing).verified
    test_platform.add_user("s-1", "Ana Pérez", "ana@example.org")
    test_platform.add_user("s-2", "Beto Díaz", "beto@example.org")
    link = test_platform.add_link("Edición", {"lms_target": f"course:{course.pk}"})

    # Accounts holding a role are never matched by address, verified or not.
    officer = UserFactory(username="carla", email="carla@example.org")
    officer.groups.add(Group.objects.create(name="Oficiales de prueba"))
    admin = UserFactory(username="dora", email="dora@example.org", is_staff=True)
    assert EmailAddress.objects.get(user=officer).verified
    test_platform.add_user("s-3", "Carla Oficial", "carla@example.org")
    test_platform.add_user("s-4", "Dora Admin", "dora@example.org")

    for sub in ("s-1", "s-2", "s-3", "s-4"):
        launch(browser, test_platform, link, sub)
        browser.cookies.clear()

    assert LtiIdentity.objects.get(sub="s-1").user == existing
    other = LtiIdentity.objects.get(sub="s-2").user
    assert other != unverified and other.email == ""  # not taken over
    for sub, holder in (("s-3", officer), ("s-4", admin)):
        own = LtiIdentity.objects.get(sub=sub).user
        assert own != holder and own.email == "" and not own.is_staff
        assert not own.groups.exists()


def test_deep_linking_response_validates_on_the_platform(
    test_platform, registration, browser, course
):
    quiz = author("quiz", quiz_data(), title="Cuestionario de edición")
    test_platform.add_user("teacher", "Tere Docente")
    test_platform.users["teacher"].roles = [
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
    ]
    start = browser.get(test_platform.login_start_url("deep-link", "teacher"))
    picker = follow_autosubmits(browser, start)
    assert picker.status_code == 200, picker.text[:500]
    assert "Cuestionario de edición" in picker.text and course.title in picker.text
    form = next(f for f in forms_of(picker.text) if "deep-linking" in f["action"])

    back = submit(
        browser,
        picker,
        form,
        [("target", f"course:{course.pk}"), ("target", f"assessment:{quiz.pk}")],
    )
    done = follow_autosubmits(browser, back)

    assert test_platform.deep_link_errors == []
    assert done.status_code == 200 and "Contenido agregado" in done.text
    items = {item["title"]: item for item in test_platform.deep_link_items}
    assert items[course.title]["type"] == "ltiResourceLink"
    assert items[course.title]["url"].endswith("/lti/tool/launch/")
    assert items[course.title]["custom"] == {"lms_target": f"course:{course.pk}"}
    assert items[quiz.title]["lineItem"]["scoreMaximum"] == 100
    # The link the platform created from the response launches the learner.
    test_platform.add_user("learner", "Luz Alumna")
    link = test_platform.links[items[course.title]["_link_id"]]
    browser.cookies.clear()
    assert launch(browser, test_platform, link, "learner").url.endswith(course.url)


def test_a_grade_reaches_the_platform_line_item(
    test_platform, registration, browser, course
):
    quiz = author("quiz", quiz_data(), title="Cuestionario de edición", pass_mark=75)
    lesson = embed(course, quiz, slug="cuestionario")
    test_platform.add_user("moodle-9", "Ana Pérez", "ana@example.org")
    link = test_platform.add_link(
        "Cuestionario", {"lms_target": f"assessment:{quiz.pk}"}, score_maximum=100
    )

    landed = launch(browser, test_platform, link, "moodle-9")
    assert landed.url.endswith(lesson.url)
    grade_link = GradeLink.objects.get()
    assert grade_link.lineitem_url == test_platform.lineitem_url(link.id)
    learner = grade_link.user
    assert Enrolment.objects.filter(user=learner, course=course).exists()

    attempt = services.attempt_start(assessment=quiz, learner=learner, page=lesson)
    answers = QueryDict(mutable=True)
    for question in attempt.presented["questions"]:
        if question["kind"] == "short":
            answers[question["id"]] = "Registro Civil"  # wrong
        else:
            answers.setlist(question["id"], question["correct"])
    services.attempt_submit(attempt=attempt, data=answers, files=MultiValueDict())

    assert len(test_platform.scores) == 1, ScorePost.objects.values()
    score = test_platform.scores[0]
    assert score["userId"] == "moodle-9"
    assert score["scoreGiven"] == 75.0 and score["scoreMaximum"] == 100.0
    assert score["activityProgress"] == "Completed"
    assert score["gradingProgress"] == "FullyGraded"
    assert score["_lineitem"] == f"/lineitems/{link.id}"
    assert score["_content_type"] == "application/vnd.ims.lis.v1.score+json"
    assert ScorePost.objects.get().status == ScorePost.Status.SENT
    # The token request carried a client assertion signed with the tool key,
    # which the platform checked against the tool's JWKS.
    assertion = test_platform.token_requests[0]["client_assertion"]
    header = json.loads(base64.urlsafe_b64decode(assertion.split(".")[0] + "=="))
    assert header["kid"] == ToolKey.objects.get().kid


def _graded_quiz_launch(test_platform, browser, course):
    quiz = author("quiz", quiz_data(), title="Cuestionario de edición", pass_mark=75)
    lesson = embed(course, quiz, slug="cuestionario")
    test_platform.add_user("moodle-9", "Ana Pérez", "ana@example.org")
    link = test_platform.add_link(
        "Cuestionario", {"lms_target": f"assessment:{quiz.pk}"}, score_maximum=100
    )
    launch(browser, test_platform, link, "moodle-9")
    learner = GradeLink.objects.get().user
    attempt = services.attempt_start(assessment=quiz, learner=learner, page=lesson)
    answers = QueryDict(mutable=True)
    for question in attempt.presented["questions"]:
        answers.setlist(question["id"], question.get("correct") or ["x"])
    services.attempt_submit(attempt=attempt, data=answers, files=MultiValueDict())


def test_a_busy_platform_gets_the_score_again(
    test_platform, registration, browser, course
):
    test_platform.score_failures = [503]
    # The task is scheduled again, with backoff (eager here: raised).
    with pytest.raises(Retry) as retry:
        _graded_quiz_launch(test_platform, browser, course)
    assert isinstance(retry.value.exc, PlatformBusy)
    post = ScorePost.objects.get()
    assert post.status == ScorePost.Status.PENDING and "503" in post.error
    assert test_platform.scores == []

    assert score_send.delay(post.pk).get() == "sent"
    assert test_platform.score_requests == 2
    assert [s["scoreGiven"] for s in test_platform.scores] == [75.0]
    post.refresh_from_db()
    assert post.status == ScorePost.Status.SENT and post.sent_at is not None
    # Sent once: running it again sends nothing more.
    assert score_send.delay(post.pk).get() == "skipped"


def test_a_score_the_platform_refuses_is_kept_as_failed(
    test_platform, registration, browser, course
):
    test_platform.score_failures = [404]
    _graded_quiz_launch(test_platform, browser, course)
    assert test_platform.score_requests == 1 and test_platform.scores == []
    post = ScorePost.objects.get()
    assert post.status == ScorePost.Status.FAILED and "404" in post.error


def _nothing_saved():
    assert not LtiIdentity.objects.exists()
    assert not User.objects.filter(username__startswith="lti-").exists()
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    ("tamper", "reason"),
    [
        ("expired", "expiró"),
        ("foreign_key", "firma no corresponde"),
        ("deployment", "despliegue (deployment_id)"),
    ],
)
def test_a_bad_id_token_is_refused_with_a_reason(
    test_platform, registration, browser, course, tamper, reason
):
    from tests.lti.platform import rsa_pem_pair

    test_platform.tamper = {
        "expired": {"expired": True},
        "foreign_key": {"foreign_key": rsa_pem_pair()[0]},
        "deployment": {"deployment": "unknown-deployment"},
    }[tamper]
    test_platform.add_user("moodle-17", "Ana Pérez", "ana@example.org")
    link = test_platform.add_link("Edición", {"lms_target": f"course:{course.pk}"})

    response = launch(browser, test_platform, link, "moodle-17")

    assert response.status_code == 400
    assert reason in response.text
    assert "No se pudo abrir la actividad" in response.text
    _nothing_saved()


def test_an_unsigned_id_token_is_refused(test_platform, registration, browser, course):
    test_platform.add_user("moodle-17", "Ana Pérez")
    link = test_platform.add_link("Edición", {"lms_target": f"course:{course.pk}"})
    page = browser.get(
        f"{test_platform.url}/launch/{link.id}", params={"user": "moodle-17"}
    )
    to_tool = submit(browser, page, forms_of(page.text)[0])
    launch_form = forms_of(to_tool.text)[0]
    fields = {n: v for n, v, _k in launch_form["fields"]}
    _header, body, _signature = fields["id_token"].split(".")
    none = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=")
    fields["id_token"] = f"{none.decode()}.{body}."

    response = browser.post(launch_form["action"], data=fields)

    assert response.status_code == 400
    assert "id_token" in response.text
    _nothing_saved()


def test_an_unknown_issuer_is_refused_at_login(test_platform, registration, browser):
    registration.issuer = "https://otra-plataforma.example.org"
    registration.save()
    test_platform.add_user("moodle-17", "Ana Pérez")
    link = test_platform.add_link("Edición", {"lms_target": "course:1"})

    response = launch(browser, test_platform, link, "moodle-17")

    assert response.status_code == 400
    assert "no está registrada aquí" in response.text
    assert response.url.startswith(f"{test_platform.tool_base}/lti/tool/login/")
    _nothing_saved()


def test_jwks_serves_the_tool_public_key(live_server, browser, db):
    keys = browser.get(f"{live_server.url}/lti/tool/jwks/").json()["keys"]
    assert len(keys) == 1
    assert keys[0]["kty"] == "RSA" and keys[0]["alg"] == "RS256"
    assert "d" not in keys[0]
    assert keys[0]["kid"] == ToolKey.objects.get().kid
