"""xAPI statements reach a real, independent Learning Record Store: Ralph
(``ralph-malph``, filesystem backend, see ``ralph_app``) run by uvicorn from
its own virtualenv (``make lrs`` builds it in ``var/lrs``; ``LMS_TEST_RALPH``
points elsewhere).
The LRS validates every statement; the tests read them back with
``GET /xAPI/statements``."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from certification.models import Credential
from certification.signals import credential_issued
from courses.models import LessonCompletion, LessonPage
from courses.services import enrolment_create
from lms.xapi.statements import actor_name, statement, statement_id
from lms.xapi.tasks import LRSUnavailable, send
from plugins.models import ContentItem
from tests.assessments.conftest import author, embed, quiz_data, start, submit
from tests.conftest import make_course
from tests.content.packages import h5p_package
from tests.content.test_h5p import upload
from tests.content.test_scorm import put_in_lesson
from tests.factories import CredentialFactory, UserFactory

RALPH = Path(
    os.environ.get("LMS_TEST_RALPH", Path(django_settings.BASE_DIR) / "var" / "lrs")
)
USER, PASSWORD = "lms", "clave-de-prueba"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (RALPH / "bin" / "uvicorn").exists(),
        reason=f"no Ralph LRS virtualenv at {RALPH} (make lrs, or set LMS_TEST_RALPH)",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    """A running Ralph LRS: its xAPI base URL."""
    root = tmp_path_factory.mktemp("ralph")
    (root / "data").mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(root),
        "RALPH_APP_DIR": str(root / "app"),
        "RALPH_AUTH_FILE": str(root / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(root / "data"),
    }
    subprocess.run(
        [RALPH / "bin" / "ralph", "auth", "-u", USER, "-p", PASSWORD, "-s", "all"]
        + ["-M", "mailto:lms@example.org", "-w"],
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    log = (root / "server.log").open("w")
    server = subprocess.Popen(
        [RALPH / "bin" / "uvicorn", "--app-dir", str(Path(__file__).parent)]
        + ["ralph_app:app", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/xAPI/"
    try:
        for _ in range(100):
            try:
                lrs_get(base, "statements")
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError((root / "server.log").read_text()[-2000:])
        yield base
    finally:
        server.terminate()
        server.wait(10)
        log.close()


def lrs_get(base: str, path: str) -> dict:
    request = urllib.request.Request(
        base + path,
        headers={
            "X-Experience-API-Version": "1.0.3",
            "Authorization": "Basic "
            + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


@pytest.fixture
def lrs(ralph, settings):
    """The LRS configured; statements stored before the test are not read
    back (the test database reuses primary keys, so actors may repeat)."""
    settings.LMS_XAPI_LRS_URL = ralph
    settings.LMS_XAPI_LRS_USERNAME = USER
    settings.LMS_XAPI_LRS_PASSWORD = PASSWORD
    global SINCE
    SINCE = datetime.now(UTC).isoformat()
    return ralph


SINCE = ""


def statements_of(base: str, user) -> list[dict]:
    agent = json.dumps(
        {"account": {"homePage": "http://testserver", "name": actor_name(user)}}
    )
    query = urllib.parse.urlencode({"agent": agent, "since": SINCE})
    return lrs_get(base, "statements?" + query)["statements"]


def verbs(found: list[dict]) -> list[tuple[str, str]]:
    return sorted(
        (s["verb"]["id"].rsplit("/", 1)[-1], s["object"]["id"].split("testserver")[-1])
        for s in found
    )


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def test_learning_events_reach_the_lrs(
    lrs, client, sector_page, private_root, django_capture_on_commit_callbacks
):
    course = make_course(sector_page, slug="curso-xapi", lessons=1)
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    upload(client, h5p_package())
    item = ContentItem.objects.get()
    lesson = put_in_lesson(LessonPage.objects.child_of(course).get(), item)
    learner = UserFactory(email="ana@example.org", username="ana")
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    state = reverse(
        "plugins:content_state", kwargs={"item_id": item.pk, "page_id": lesson.pk}
    )
    answered = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "result": {"score": {"scaled": 0.8}, "completion": True, "success": True},
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(lesson.url).status_code == 200
        client.get(lesson.url)  # a reload the same day: the same statement id
        response = client.post(
            state, json.dumps({"statement": answered}), "application/json"
        )
    assert response.status_code == 200
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()

    found = statements_of(lrs, learner)
    assert verbs(found) == [
        ("completed", course.url),
        ("completed", lesson.url),
        ("launched", lesson.url),
        ("passed", f"/assessments/content/{item.pk}/"),
    ]
    for one in found:
        assert one["actor"]["account"]["name"] == actor_name(learner)
        assert "ana" not in json.dumps(one["actor"])
    passed = next(s for s in found if s["verb"]["id"].endswith("/passed"))
    assert passed["result"]["score"]["scaled"] == 0.8
    assert passed["context"]["contextActivities"]["parent"][0]["id"].endswith(
        lesson.url
    )
    launched = next(s for s in found if s["verb"]["id"].endswith("/launched"))
    assert launched["context"]["contextActivities"]["parent"][0]["id"].endswith(
        course.url
    )

    # Another learner fails the activity: "failed", no lesson completion.
    other = UserFactory()
    enrolment_create(user=other, course=course)
    client.force_login(other)
    failing = {**answered, "result": {"score": {"scaled": 0.3}, "success": False}}
    failing["result"]["completion"] = True
    with django_capture_on_commit_callbacks(execute=True):
        client.post(state, json.dumps({"statement": failing}), "application/json")
    assert verbs(statements_of(lrs, other)) == [
        ("failed", f"/assessments/content/{item.pk}/")
    ]


def test_a_graded_assessment_is_passed_or_failed(
    lrs, learner_client, learner, course, django_capture_on_commit_callbacks
):
    quiz = author("quiz", quiz_data(), title="Cuestionario", pass_mark=75)
    enrolment_create(user=learner, course=course)
    lesson = embed(course, quiz)
    attempt = start(learner_client, quiz, lesson)
    with django_capture_on_commit_callbacks(execute=True):
        submit(learner_client, attempt, {})  # nothing answered: 0 %
    attempt.refresh_from_db()
    assert attempt.percent == 0
    (found,) = [s for s in statements_of(lrs, learner) if "launched" not in str(s)]
    assert found["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed"
    assert found["object"]["id"] == f"http://testserver/assessments/{quiz.pk}/"
    assert found["object"]["definition"]["name"]["es"] == "Cuestionario"
    assert found["result"] == {"score": {"scaled": 0.0}, "success": False}
    assert found["context"]["contextActivities"]["parent"][0]["id"].endswith(lesson.url)


def test_an_issued_credential_is_certified(lrs, django_capture_on_commit_callbacks):
    credential = CredentialFactory()
    with django_capture_on_commit_callbacks(execute=True):
        credential_issued.send(sender=Credential, credential=credential)
    (found,) = statements_of(lrs, credential.holder)
    assert found["verb"]["id"] == "http://id.tincanapi.com/verb/earned"
    assert found["object"]["id"].endswith(f"/verify/{credential.public_id}/")
    assert found["object"]["definition"]["name"]["es"] == credential.program.title
    assert found["id"] == statement_id("certified", "credential", credential.pk)


def test_a_retry_does_not_duplicate(lrs):
    user = UserFactory()
    data = statement(
        key=("retry", user.pk),
        user=user,
        verb="completed",
        object={"objectType": "Activity", "id": "http://testserver/retry/"},
    )
    assert send(data) == "stored"
    assert send(data) in ("stored", "duplicate")
    assert len(statements_of(lrs, user)) == 1


def test_a_statement_the_lrs_refuses_is_not_retried(lrs):
    user = UserFactory()
    data = statement(
        key=("bad", user.pk),
        user=user,
        verb="completed",
        object={"objectType": "Activity", "id": "http://testserver/bad/"},
    )
    data["actor"] = {"objectType": "Agent", "name": "nadie"}  # no identifier
    assert send(data) == "refused"
    assert statements_of(lrs, user) == []


def test_an_unreachable_lrs_is_retried(settings):
    settings.LMS_XAPI_LRS_URL = f"http://127.0.0.1:{free_port()}/xAPI/"
    user = UserFactory()
    data = statement(
        key=("down", user.pk),
        user=user,
        verb="completed",
        object={"objectType": "Activity", "id": "http://testserver/down/"},
    )
    with pytest.raises(LRSUnavailable):
        send(data)  # as a worker runs it: Celery retries it later
    # In-process (no broker, as in development): logged, the request goes on.
    assert send.delay(data).get() == "unavailable"


def test_nothing_is_sent_without_an_lrs(
    settings, learner_client, learner, course, django_capture_on_commit_callbacks
):
    settings.LMS_XAPI_LRS_URL = ""
    enrolment_create(user=learner, course=course)
    lesson = LessonPage.objects.child_of(course).first()
    with django_capture_on_commit_callbacks() as callbacks:
        learner_client.get(lesson.url)
    assert callbacks == []
    assert send({"id": "x"}) == "off"
