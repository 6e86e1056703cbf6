"""An assessment's optional English version: authored beside the Spanish one
in the admin, shown on English pages, and fixed into the attempts started
there."""

import pytest
from django.utils import translation

from plugins.models import Assessment
from plugins.services import attempt_start

pytestmark = pytest.mark.django_db

SPANISH = "? ¿Qué identifica un ISBN?\n* Una edición\n- A la autora"
ENGLISH = "? What does an ISBN identify?\n* An edition\n- The author"


def _post(admin_client, **extra):
    data = {
        "title": "Cuestionario ISBN",
        "instructions": "Responda.",
        "pass_mark": "70",
        "max_attempts": "3",
        "config-questions": SPANISH,
        "config-draw": "0",
        "config_en-draw": "0",
        "config_en-show_answers": "on",
        **extra,
    }
    return admin_client.post("/admin/assessments/new/quiz/", data)


def test_the_admin_saves_an_english_version_beside_the_spanish(admin_client):
    response = _post(
        admin_client,
        title_en="ISBN quiz",
        instructions_en="Answer.",
        **{"config_en-questions": ENGLISH},
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.title_en == "ISBN quiz"
    assert assessment.config["questions"][0]["text"] == "¿Qué identifica un ISBN?"
    assert assessment.config_en["questions"][0]["text"] == "What does an ISBN identify?"
    html = admin_client.get(f"/admin/assessments/{assessment.pk}/").content
    assert "What does an ISBN identify?" in html.decode()


def test_without_english_text_the_english_version_stays_empty(admin_client):
    """Pre-filled numbers and check boxes of the English form do not count."""
    assert _post(admin_client).status_code == 302
    assert Assessment.objects.get().config_en == {}


def test_a_bad_english_version_is_reported_and_nothing_is_saved(admin_client):
    response = _post(admin_client, **{"config_en-questions": "? Only a question"})
    assert response.status_code == 200
    assert not Assessment.objects.exists()


def test_clearing_the_english_text_removes_the_english_version(admin_client):
    _post(admin_client, **{"config_en-questions": ENGLISH})
    assessment = Assessment.objects.get()
    data = {
        "title": assessment.title,
        "pass_mark": "70",
        "config-questions": SPANISH,
        "config-draw": "0",
        "config_en-questions": "",
    }
    response = admin_client.post(f"/admin/assessments/{assessment.pk}/", data)
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.config_en == {}


def test_display_texts_and_config_follow_the_language(admin_client):
    _post(admin_client, title_en="ISBN quiz", **{"config_en-questions": ENGLISH})
    assessment = Assessment.objects.get()
    with translation.override("en"):
        assert assessment.display_title == "ISBN quiz"
        assert assessment.display_instructions == "Responda."  # no English given
        assert assessment.config_for() is assessment.config_en
    with translation.override("es"):
        assert assessment.display_title == "Cuestionario ISBN"
        assert assessment.config_for() is assessment.config
    assert assessment.config_for("en") is assessment.config_en


def test_without_an_english_version_english_attempts_use_the_spanish(learner):
    from plugins.registry import get_plugin

    form = get_plugin("quiz").authoring_form(data={"questions": SPANISH, "draw": "0"})
    assert form.is_valid()
    assessment = Assessment.objects.create(
        title="Solo en español", plugin_id="quiz", config=form.cleaned_data
    )
    with translation.override("en"):
        attempt = attempt_start(assessment=assessment, learner=learner)
    assert attempt.presented["questions"][0]["text"] == "¿Qué identifica un ISBN?"


def test_standard_criteria_in_the_english_version_read_in_english(admin_client):
    from tests.certification.conftest import make_standard

    criterion = make_standard(units=1, criteria=1).units.get().criteria.get()
    criterion.text_en = "Defines the stages"
    criterion.save()
    response = admin_client.post(
        "/admin/assessments/new/observation/",
        {
            "title": "Observación",
            "pass_mark": "70",
            "config-performance_criteria": [criterion.pk],
            "config-instructions": "Se observará el montaje.",
            "config-max_file_mb": "20",
            "config_en-performance_criteria": [criterion.pk],
            "config_en-instructions": "The get-in will be observed.",
            "config_en-max_file_mb": "20",
        },
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.config["criteria"][0]["text"] == "U1.C1 — Criterio 1"
    assert assessment.config_en["criteria"] == [
        {"id": f"pc:{criterion.pk}", "text": "U1.C1 — Defines the stages"}
    ]
