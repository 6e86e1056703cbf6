"""H5P activities: upload validated and unpacked safely, xAPI results stored
and feeding lesson progress."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import LessonCompletion, LessonPage
from courses.services import enrolment_create
from plugins.models import ContentItem, ContentProgress
from tests.content.packages import h5p_package
from tests.content.test_scorm import put_in_lesson, stored_files
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("private_root")


def upload(client, data, name="actividad.h5p"):
    return client.post(
        "/admin/content_items/new/",
        {
            "title": "Actividad",
            "plugin_id": "h5p",
            "pass_mark": "70",
            "package": SimpleUploadedFile(name, data, "application/zip"),
        },
    )


def test_h5p_upload_is_validated_and_unpacked(admin_client, private_root):
    response = upload(admin_client, h5p_package())
    assert response.status_code == 302, response.content.decode()[-2000:]
    item = ContentItem.objects.get()
    assert item.config == {
        "launch": "h5p.json",
        "title": "Pregunta de prueba",
        "main_library": "H5P.LmsTestQuestion",
    }
    library = private_root / item.storage_prefix / "H5P.LmsTestQuestion-1.0"
    assert (library / "question.js").is_file()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"h5p.json": None}, "no tiene h5p.json"),
        ({"h5p.json": "{roto"}, "h5p.json no es un JSON válido"),
        ({"h5p.json": json.dumps({"title": "x"})}, "debe indicar mainLibrary"),
        ({"content/content.json": None}, "no tiene content/content.json"),
        (
            {"H5P.LmsTestQuestion-1.0/library.json": None},
            "no incluye la biblioteca H5P.LmsTestQuestion-1.0",
        ),
        ({"../fuera.js": "x"}, "ruta no permitida"),
    ],
)
def test_bad_h5p_is_refused_and_stores_nothing(
    admin_client, private_root, changes, expected
):
    response = upload(admin_client, h5p_package(**changes))
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not ContentItem.objects.exists()
    assert stored_files(private_root) == []


def test_a_zip_named_otherwise_is_refused(admin_client):
    response = upload(admin_client, h5p_package(), name="actividad.zip")
    assert "se sube como archivo .h5p" in response.content.decode()


def test_xapi_result_completes_the_lesson(admin_client, client, course):
    upload(admin_client, h5p_package())
    admin_client.logout()
    item = ContentItem.objects.get()
    lesson = put_in_lesson(LessonPage.objects.child_of(course).first(), item)
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    url = reverse(
        "plugins:content_state", kwargs={"item_id": item.pk, "page_id": lesson.pk}
    )
    assert "data-content-frame" in client.get(lesson.url).content.decode()
    frame = client.get(
        reverse(
            "plugins:content_player",
            kwargs={"item_id": item.pk, "page_id": lesson.pk},
        )
    )
    assert "data-h5p-player" in frame.content.decode()
    assert "'unsafe-inline'" in frame["Content-Security-Policy"]
    assert frame["X-Frame-Options"] == "SAMEORIGIN"
    progressed = {
        "statement": {
            "verb": {"id": "http://adlnet.gov/expapi/verbs/interacted"},
            "result": {},
        }
    }
    response = client.post(url, json.dumps(progressed), content_type="application/json")
    assert response.status_code == 400
    answered = {
        "statement": {
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "result": {
                "score": {"raw": 4, "max": 5, "scaled": 0.8},
                "completion": True,
                "success": True,
            },
        }
    }
    response = client.post(url, json.dumps(answered), content_type="application/json")
    assert response.json()["result"] is True
    progress = ContentProgress.objects.get(learner=learner)
    assert progress.completed and progress.passed and progress.score == 80
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_user_state_is_kept_beside_the_result_and_fed_back(
    admin_client, client, course
):
    upload(admin_client, h5p_package())
    admin_client.logout()
    item = ContentItem.objects.get()
    lesson = put_in_lesson(LessonPage.objects.child_of(course).first(), item)
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    args = {"item_id": item.pk, "page_id": lesson.pk}
    url = reverse("plugins:content_state", kwargs=args)
    player = reverse("plugins:content_player", kwargs=args)

    def post(body):
        return client.post(url, json.dumps(body), content_type="application/json")

    user_state = json.dumps({"step": 2, "choice": "Libros"})
    assert post({"user_state": user_state}).status_code == 200
    progress = ContentProgress.objects.get(learner=learner)
    assert progress.state == {"user_state": {"step": 2, "choice": "Libros"}}
    assert not progress.completed
    frame = client.get(player).content.decode()
    assert 'data-user-state="{&quot;step&quot;: 2' in frame
    assert 'data-save-freq="10"' in frame

    answered = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "result": {"score": {"scaled": 0.8}, "completion": True},
    }
    assert post({"statement": answered, "user_state": user_state}).status_code == 200
    progress.refresh_from_db()
    assert progress.state["verb"] == "answered"
    assert progress.state["user_state"] == {"step": 2, "choice": "Libros"}
    assert progress.completed and progress.score == 80
    # A later save of the user data carries the saved result along.
    later = json.dumps({"step": 2, "choice": "Películas"})
    body = {"verb": "answered", "result": answered["result"], "user_state": later}
    assert post(body).status_code == 200
    progress.refresh_from_db()
    assert progress.state["result"]["score"] == {"scaled": 0.8}
    assert progress.state["user_state"]["choice"] == "Películas"
    assert "&quot;answered&quot;" in client.get(player).content.decode()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"user_state": "{roto"}, "no es un JSON válido"),
        ({"user_state": {"step": 2}}, "texto JSON de 64 KB como máximo"),
        ({"user_state": json.dumps("x" * 70_000)}, "texto JSON de 64 KB"),
        ({"verb": "interacted", "result": {}}, "no informa un resultado"),
        ({}, "no es una declaración xAPI"),
        ([], "no es un objeto JSON"),
    ],
)
def test_bad_user_state_is_refused(admin_client, client, course, body, reason):
    upload(admin_client, h5p_package())
    admin_client.logout()
    item = ContentItem.objects.get()
    lesson = put_in_lesson(LessonPage.objects.child_of(course).first(), item)
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    url = reverse(
        "plugins:content_state", kwargs={"item_id": item.pk, "page_id": lesson.pk}
    )
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert reason in response.json()["reason"]
    assert not ContentProgress.objects.exists()
