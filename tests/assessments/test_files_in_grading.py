"""Files inside portfolio responses and observation records are stored
privately and linked for the assessor and the learner."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from plugins import services
from plugins.models import AttemptFile, FileRole
from tests.assessments.conftest import author
from tests.assessments.test_security import PNG


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_portfolio_file_is_stored_and_shown_to_the_assessor(learner, assessor_client):
    portfolio = author(
        "portfolio",
        {
            "instructions": "Obras",
            "extra_criteria": "Afina",
            "max_items": "2",
            "max_file_mb": "5",
        },
    )
    attempt = services.attempt_start(assessment=portfolio, learner=learner)
    criterion = attempt.presented["criteria"][0]["id"]
    data = QueryDict(mutable=True)
    data.setlist("item-1-criteria", [criterion])
    data["item-1-note"] = "Ensayo abierto"
    files = MultiValueDict({"item-1-file": [SimpleUploadedFile("foto.png", PNG)]})
    services.attempt_submit(attempt=attempt, data=data, files=files)
    stored = AttemptFile.objects.get(attempt=attempt)
    assert (stored.role, stored.content_type) == (FileRole.RESPONSE, "image/png")
    assert attempt.response["items"][0]["file"]["file"] == stored.pk
    html = assessor_client.get(
        f"/admin/assessments/queue/{attempt.pk}/"
    ).content.decode()
    assert f"/assessments/files/{stored.pk}/" in html and "Ensayo abierto" in html


def test_observation_media_is_stored_with_the_record(learner, learner_client, assessor):
    observation = author(
        "observation",
        {"instructions": "Función", "extra_criteria": "Voz", "max_file_mb": "5"},
    )
    attempt = services.attempt_start(assessment=observation, learner=learner)
    services.attempt_submit(attempt=attempt, data=QueryDict(), files=MultiValueDict())
    key = attempt.presented["criteria"][0]["id"]
    form = observation.plugin.grading_form(
        config=attempt.presented,
        response={},
        data={"observed_on": "2026-11-20", "place": "Sala", f"met-{key}": "on"},
        files=MultiValueDict({"media": [SimpleUploadedFile("escena.png", PNG)]}),
    )
    assert form.is_valid(), form.errors
    services.attempt_grade(attempt=attempt, assessor=assessor, form=form)
    media = attempt.result["record"]["media"]
    stored = AttemptFile.objects.get(pk=media["file"])
    assert (stored.role, stored.uploaded_by) == (FileRole.GRADING, assessor)
    response = learner_client.get(f"/assessments/files/{stored.pk}/")
    assert response.status_code == 200
    response.close()
