"""SCORM 1.2 and 2004 packages: upload in the CMS, refused packages, private
serving, saved CMI state, completion and evidence."""

import io
import json
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certification.models import Evidence, EvidenceSource
from courses.models import LessonCompletion, LessonPage
from courses.services import enrolment_create
from plugins.content import ContentResult, content_plugin
from plugins.models import ContentItem, ContentProgress
from tests.certification.conftest import make_standard
from tests.content.packages import (
    MANIFEST_12,
    build_zip,
    sco_html,
    scorm_package,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("private_root")

ADD_URL = "/admin/content_items/new/"


def upload(client, data: bytes, *, name="paquete.zip", title="Paquete", units=()):
    return client.post(
        ADD_URL,
        {
            "title": title,
            "plugin_id": "scorm",
            "pass_mark": "70",
            "units": [str(u.pk) for u in units],
            "package": SimpleUploadedFile(name, data, "application/zip"),
        },
    )


def stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def put_in_lesson(lesson: LessonPage, item: ContentItem) -> LessonPage:
    lesson.body = [("content", {"item": item})]
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def enrolled_learner(client, course, item, lesson):
    """A learner enrolled in ``course``, logged in, and the address their
    player posts ``item``'s state to in ``lesson``."""
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    state_url = reverse(
        "plugins:content_state", kwargs={"item_id": item.pk, "page_id": lesson.pk}
    )
    return learner, state_url


@pytest.mark.parametrize(
    ("version", "launch"), [("1.2", "sco/index.html"), ("2004", "index.html")]
)
def test_upload_validates_and_unpacks_privately(
    admin_client, private_root, version, launch
):
    response = upload(admin_client, scorm_package(version))
    assert response.status_code == 302, response.content.decode()[-3000:]
    item = ContentItem.objects.get()
    assert item.config["version"] == version
    assert item.config["launch"] == launch
    assert (private_root / item.storage_prefix / launch).is_file()
    if version == "1.2":
        assert item.config["mastery_score"] == 80


ZIP_BOMB = None


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST_12)
        archive.writestr("sco/index.html", sco_html("1.2"))
        archive.writestr("sco/padding.bin", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("no-manifest", "no tiene imsmanifest.xml"),
        ("broken-manifest", "imsmanifest.xml no es un XML válido"),
        ("missing-launch", "que no está en el paquete"),
        ("zip-bomb", "comprimido de forma anómala"),
        ("traversal", "ruta no permitida (../evil.html)"),
        ("absolute", "ruta no permitida (/etc/evil.html)"),
        ("symlink", "enlace simbólico"),
        ("oversized", "pesa más de 1 MB"),
        ("not-zip", "no es un paquete ZIP válido"),
    ],
)
def test_bad_packages_are_refused_and_store_nothing(
    admin_client, private_root, settings, case, expected
):
    good = {"imsmanifest.xml": MANIFEST_12, "sco/index.html": sco_html("1.2")}
    data = {
        "no-manifest": lambda: build_zip({"sco/index.html": "x"}),
        "broken-manifest": lambda: build_zip(
            {**good, "imsmanifest.xml": "<manifest><organizations>"}
        ),
        "missing-launch": lambda: build_zip({"imsmanifest.xml": MANIFEST_12}),
        "zip-bomb": _zip_bomb,
        "traversal": lambda: build_zip({**good, "../evil.html": "x"}),
        "absolute": lambda: build_zip({**good, "/etc/evil.html": "x"}),
        "symlink": lambda: build_zip(good, symlinks={"sco/link": "/etc/passwd"}),
        "oversized": lambda: build_zip({**good, "big.bin": os.urandom(1536 * 1024)}),
        "not-zip": lambda: b"this is not a zip",
    }[case]()
    if case == "oversized":
        settings.LMS_CONTENT_PACKAGE_LIMITS = {"max_upload": 1024 * 1024}
    response = upload(admin_client, data)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not ContentItem.objects.exists()
    assert stored_files(private_root) == []


def test_total_uncompressed_size_and_entry_count_are_limited(
    admin_client, private_root, settings
):
    settings.LMS_CONTENT_PACKAGE_LIMITS = {"max_total": 1000, "max_entries": 50}
    response = upload(admin_client, scorm_package("1.2"))
    assert "descomprimido pesaría más de" in response.content.decode()
    settings.LMS_CONTENT_PACKAGE_LIMITS = {"max_entries": 2}
    response = upload(admin_client, scorm_package("1.2"))
    assert "más de 2 archivos" in response.content.decode()
    assert not ContentItem.objects.exists()
    assert stored_files(private_root) == []


@pytest.fixture
def scorm_lesson(admin_client, course):
    def make(version="1.2", units=()):
        response = upload(admin_client, scorm_package(version), units=units)
        assert response.status_code == 302
        item = ContentItem.objects.latest("pk")
        lesson = put_in_lesson(LessonPage.objects.child_of(course).first(), item)
        admin_client.logout()  # the same client then plays the learners' part
        return item, lesson

    return make


def test_package_served_only_to_enrolled_learners(client, scorm_lesson, course):
    item, lesson = scorm_lesson()
    url = reverse(
        "plugins:content_file",
        kwargs={"item_id": item.pk, "page_id": lesson.pk, "path": "sco/index.html"},
    )
    assert client.get(url).status_code == 302  # to the login page
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(url).status_code == 403
    enrolment_create(user=stranger, course=course)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert b"LMSInitialize" in b"".join(response.streaming_content)
    js = client.get(url.replace("index.html", "sco.js"))
    assert js["Content-Type"].startswith(("text/javascript", "application/javascript"))
    assert b"".join(js.streaming_content)  # read to the end: the client closes it
    escape = url.replace("sco/index.html", "sco/../../x")
    assert client.get(escape).status_code == 404
    # Another lesson of the same course does not hold the item.
    other = LessonPage.objects.child_of(course).exclude(pk=lesson.pk).first()
    assert client.get(url.replace(f"/{lesson.pk}/", f"/{other.pk}/")).status_code == 403


def cmi_12(location="", status="incomplete", raw=""):
    return {
        "cmi": {
            "suspend_data": "visto:1" if location else "",
            "core": {
                "lesson_location": location,
                "lesson_status": status,
                "score": {"raw": raw, "min": "0", "max": "100"},
            },
        }
    }


def test_state_saved_resumed_and_completion_completes_lesson(
    client, scorm_lesson, course
):
    item, lesson = scorm_lesson("1.2")
    learner, state_url = enrolled_learner(client, course, item, lesson)
    response = client.post(
        state_url, json.dumps(cmi_12("page-2")), content_type="application/json"
    )
    assert response.json() == {"result": True, "errorCode": 0}
    page = client.get(lesson.url).content.decode()
    assert "data-scorm-player" in page
    assert '"lesson_location": "page-2"' in page  # the player resumes from it
    assert not LessonCompletion.objects.filter(user=learner).exists()

    client.post(
        state_url,
        json.dumps(cmi_12("page-2", "passed", "90")),
        content_type="application/json",
    )
    progress = ContentProgress.objects.get(learner=learner)
    assert progress.completed and progress.passed and progress.score == 90
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_failed_result_does_not_complete_the_lesson(client, scorm_lesson, course):
    item, lesson = scorm_lesson("1.2")
    learner, state_url = enrolled_learner(client, course, item, lesson)
    client.post(
        state_url,
        json.dumps(cmi_12("", "failed", "40")),
        content_type="application/json",
    )
    assert ContentProgress.objects.get(learner=learner).passed is False
    assert not LessonCompletion.objects.filter(user=learner).exists()


def test_passing_gives_evidence_for_aligned_units(client, scorm_lesson, course):
    unit = make_standard(units=1).units.get()
    item, lesson = scorm_lesson("2004", units=[unit])
    learner, state_url = enrolled_learner(client, course, item, lesson)
    cmi = {
        "cmi": {
            "completion_status": "completed",
            "success_status": "passed",
            "score": {"scaled": "0.9", "raw": "90", "min": "0", "max": "100"},
        }
    }
    client.post(state_url, json.dumps(cmi), content_type="application/json")
    evidence = Evidence.objects.get(learner=learner)
    assert evidence.unit == unit
    assert evidence.source_kind == EvidenceSource.CONTENT
    assert evidence.kind == "knowledge"
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_bad_state_is_refused_with_reason(client, scorm_lesson, course):
    item, lesson = scorm_lesson("1.2")
    learner, state_url = enrolled_learner(client, course, item, lesson)
    response = client.post(state_url, "{nope", content_type="application/json")
    assert response.status_code == 400 and "not JSON" in response.json()["reason"]
    response = client.post(state_url, "[1]", content_type="application/json")
    assert response.status_code == 400
    assert not ContentProgress.objects.exists()


@pytest.mark.parametrize(
    ("version", "state", "expected"),
    [
        ("1.2", cmi_12("", "completed", "50"), ContentResult(True, 50.0, False)),
        ("1.2", cmi_12("", "incomplete", ""), ContentResult(False, None, None)),
        (
            "2004",
            {"cmi": {"completion_status": "completed", "success_status": "unknown"}},
            ContentResult(True, None, None),
        ),
        (
            "2004",
            {"cmi": {"success_status": "failed", "score": {"scaled": "0.2"}}},
            ContentResult(True, 20.0, False),
        ),
    ],
)
def test_result_reads_cmi(version, state, expected):
    plugin = content_plugin("scorm")
    config = {"version": version, "mastery_score": 80 if version == "1.2" else None}
    assert plugin.result(config=config, state=state) == expected
