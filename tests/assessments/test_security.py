"""Answer keys stay on the server; tampered submissions are refused with a
reason and record nothing; uploads are checked and served privately."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from plugins.models import Attempt, AttemptFile, AttemptStatus
from tests.assessments.conftest import (
    assert_nothing_recorded,
    author,
    embed,
    quiz_data,
    start,
    submit,
)
from tests.factories import UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


pytestmark = pytest.mark.usefixtures("private_root")


def test_lesson_html_never_contains_answer_keys(learner_client, quiz, quiz_lesson):
    """The page with the open quiz lists questions and options, never the
    correct options, accepted answers or the feedback."""
    attempt = start(learner_client, quiz, quiz_lesson)
    html = learner_client.get(quiz_lesson.url).content.decode()
    for question in attempt.presented["questions"]:
        assert question["text"] in html
    assert "Registro de Propiedad Intelectual" not in html
    assert "DDI" not in html
    assert "identifica una edición concreta" not in html
    assert '"correct"' not in html and "data-correct" not in html


def test_unknown_option_id_is_refused_with_reason(learner_client, quiz, quiz_lesson):
    attempt = start(learner_client, quiz, quiz_lesson)
    single = next(q for q in attempt.presented["questions"] if q["kind"] == "single")
    response = submit(learner_client, attempt, {single["id"]: "o-forged"})
    assert response.status_code == 400
    assert "Opción desconocida" in response.content.decode()
    assert_nothing_recorded(attempt)


def test_extra_field_is_refused_with_reason(learner_client, quiz, quiz_lesson):
    attempt = start(learner_client, quiz, quiz_lesson)
    response = submit(learner_client, attempt, {"score": "100"})
    assert response.status_code == 400
    assert "Campos desconocidos en el envío: score" in response.content.decode()
    assert_nothing_recorded(attempt)


def test_start_beyond_attempt_limit_is_refused(learner_client, learner, course):
    assessment = author("quiz", quiz_data("? A\n= verdadero"), max_attempts=1)
    lesson = embed(course, assessment)
    attempt = start(learner_client, assessment, lesson)
    question = attempt.presented["questions"][0]
    assert submit(learner_client, attempt, {question["id"]: "false"}).status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.NOT_YET_COMPETENT
    response = learner_client.post(
        f"/assessments/{assessment.pk}/start/", {"page": lesson.pk}
    )
    assert response.status_code == 400
    assert "No le quedan intentos" in response.content.decode()
    assert Attempt.objects.filter(assessment=assessment).count() == 1


def test_submission_after_time_limit_is_refused(learner_client, course):
    assessment = author("quiz", quiz_data("? A\n= verdadero"), time_limit_minutes=5)
    lesson = embed(course, assessment)
    attempt = start(learner_client, assessment, lesson)
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=2)
    )
    question = attempt.presented["questions"][0]
    response = submit(learner_client, attempt, {question["id"]: "true"})
    assert response.status_code == 400
    assert "tiempo límite" in response.content.decode()
    assert_nothing_recorded(attempt)


def test_submitting_twice_is_refused(learner_client, quiz, quiz_lesson):
    attempt = start(learner_client, quiz, quiz_lesson)
    assert submit(learner_client, attempt, {}).status_code == 302
    assert submit(learner_client, attempt, {}).status_code == 400


def test_learner_cannot_submit_another_learners_attempt(
    client, quiz, quiz_lesson, learner_client
):
    attempt = start(learner_client, quiz, quiz_lesson)
    intruder = UserFactory(username="intrusa")
    client.force_login(intruder)
    assert submit(client, attempt, {}).status_code == 404
    assert_nothing_recorded(attempt)


def test_lesson_shows_no_one_elses_attempt(client, quiz, quiz_lesson, learner_client):
    start(learner_client, quiz, quiz_lesson)
    other = UserFactory(username="otra")
    client.force_login(other)
    html = client.get(quiz_lesson.url).content.decode()
    assert "Comenzar la evaluación" in html and "Enviar respuestas" not in html


def test_upload_type_is_sniffed_from_content(learner_client, rubric, rubric_lesson):
    attempt = start(learner_client, rubric, rubric_lesson)
    fake = SimpleUploadedFile(
        "informe.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf"
    )
    response = submit(learner_client, attempt, {"text": "Mi plan", "files": [fake]})
    # A file of another format is the learner's to fix: the form comes back.
    assert response.status_code == 200
    assert "«informe.pdf» no tiene un formato admitido" in response.content.decode()
    assert_nothing_recorded(attempt)


def test_upload_size_limit(learner_client, rubric, rubric_lesson):
    attempt = start(learner_client, rubric, rubric_lesson)
    big = SimpleUploadedFile("grande.pdf", PDF + b"0" * (1024 * 1024 + 1))
    response = submit(learner_client, attempt, {"text": "Mi plan", "files": [big]})
    assert response.status_code == 200
    assert "«grande.pdf» pesa 1,1 MB; el máximo es 1 MB" in response.content.decode()
    assert_nothing_recorded(attempt)


@pytest.fixture
def stored_file(learner_client, rubric, rubric_lesson, private_root):
    attempt = start(learner_client, rubric, rubric_lesson)
    upload = SimpleUploadedFile("plan.pdf", PDF, "application/pdf")
    assert (
        submit(
            learner_client, attempt, {"text": "Mi plan", "files": [upload]}
        ).status_code
        == 302
    )
    stored = AttemptFile.objects.get(attempt=attempt)
    return stored


def test_uploads_are_stored_outside_public_media(stored_file, private_root, settings):
    path = stored_file.file.path
    assert path.startswith(str(private_root))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert stored_file.content_type == "application/pdf"
    with pytest.raises(ValueError):
        stored_file.file.url  # noqa: B018


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 200),
        ("other_learner", 403),
        ("assessor", 200),
        ("officer", 200),
        ("anonymous", 302),
    ],
)
def test_file_is_served_only_to_owner_assessors_and_officers(
    who, status, stored_file, client, learner, assessor, officer
):
    users = {
        "owner": learner,
        "assessor": assessor,
        "officer": officer,
        "other_learner": UserFactory(username="curiosa"),
        "anonymous": None,
    }
    client.logout()  # the learner's uploads were made through this client
    if users[who] is not None:
        client.force_login(users[who])
    response = client.get(f"/assessments/files/{stored_file.pk}/")
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["X-Content-Type-Options"] == "nosniff"
        response.close()


def test_refusal_page_links_back_to_the_lesson(learner_client, quiz, quiz_lesson):
    attempt = start(learner_client, quiz, quiz_lesson)
    response = submit(
        learner_client, attempt, {"score": "100", "next": quiz_lesson.url}
    )
    assert response.status_code == 400
    assert f'href="{quiz_lesson.url}"' in response.content.decode()


def test_a_file_input_left_empty_is_not_an_unknown_field(
    learner_client, rubric, rubric_lesson
):
    """Browsers send an empty file input as an empty value: a rubric answer
    without attachments is stored, not refused."""
    attempt = start(learner_client, rubric, rubric_lesson)
    response = submit(learner_client, attempt, {"text": "Mi plan", "files": ""})
    assert response.status_code == 302, response.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.AWAITING_GRADING
    assert attempt.response == {"text": "Mi plan", "files": []}
