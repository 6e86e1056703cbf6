"""Grading of the assessor-graded plugins: rubric, portfolio, observation."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from plugins.registry import get_plugin
from tests.assessments.conftest import RUBRIC_DATA

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def authored(plugin_id, data):
    form = get_plugin(plugin_id).authoring_form(data=data)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def qd(**values):
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


@pytest.fixture
def rubric_config(db):
    return authored("rubric", RUBRIC_DATA)


@pytest.fixture
def portfolio_config(db):
    return authored(
        "portfolio",
        {
            "instructions": "Grabaciones",
            "extra_criteria": "Afina\nRespira",
            "max_items": "3",
            "max_file_mb": "5",
        },
    )


@pytest.fixture
def observation_config(db):
    return authored(
        "observation",
        {
            "instructions": "Ensayo",
            "extra_criteria": "Proyecta la voz\nUsa el espacio",
            "max_file_mb": "5",
        },
    )


def test_rubric_is_graded_by_a_person(rubric_config):
    assert (
        get_plugin("rubric").grade(
            config=rubric_config, response={"text": "x", "files": []}
        )
        is None
    )


def test_rubric_levels_add_up_to_the_score(rubric_config):
    plugin = get_plugin("rubric")
    clarity, viability = rubric_config["rubric"]
    data = {
        clarity["id"]: clarity["levels"][2]["id"],  # Destacado = 4
        viability["id"]: viability["levels"][1]["id"],  # Logrado = 3
        "feedback": "Buen plan",
    }
    form = plugin.grading_form(config=rubric_config, response={}, data=data)
    assert form.is_valid(), form.errors
    score = form.score()
    assert (score.points, score.max_points, score.feedback) == (7, 10, "Buen plan")


def test_rubric_grading_form_refuses_unknown_level(rubric_config):
    clarity, viability = rubric_config["rubric"]
    data = {clarity["id"]: "forged", viability["id"]: viability["levels"][0]["id"]}
    form = get_plugin("rubric").grading_form(
        config=rubric_config, response={}, data=data
    )
    assert not form.is_valid() and clarity["id"] in form.errors


def test_rubric_response_needs_text_and_limits_files(rubric_config):
    plugin = get_plugin("rubric")
    with pytest.raises(ValidationError, match="Escriba su respuesta"):
        plugin.clean_response(
            config=rubric_config, data=qd(text=" "), files=MultiValueDict()
        )
    files = MultiValueDict(
        {"files": [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(3)]}
    )
    with pytest.raises(ValidationError, match="hasta 2 archivos"):
        plugin.clean_response(
            config=rubric_config, data=qd(text="Mi plan"), files=files
        )


def test_portfolio_items_tie_evidence_to_criteria(portfolio_config):
    plugin = get_plugin("portfolio")
    first, second = (c["id"] for c in portfolio_config["criteria"])
    data = qd(
        **{
            "item-1-link": "https://video.example.org/obra",
            "item-1-criteria": [first, second],
        }
    )
    response = plugin.clean_response(
        config=portfolio_config, data=data, files=MultiValueDict()
    )
    assert response["items"][0]["criteria"] == sorted([first, second])
    with pytest.raises(ValidationError, match="Indique qué criterios"):
        plugin.clean_response(
            config=portfolio_config,
            data=qd(**{"item-1-link": "https://x.org"}),
            files=MultiValueDict(),
        )
    with pytest.raises(ValidationError, match="Criterio desconocido"):
        plugin.clean_response(
            config=portfolio_config,
            data=qd(**{"item-1-link": "https://x.org", "item-1-criteria": "pc:999"}),
            files=MultiValueDict(),
        )
    with pytest.raises(ValidationError, match="Campo desconocido"):
        plugin.clean_response(
            config=portfolio_config,
            data=qd(**{"item-9-link": "https://x.org"}),
            files=MultiValueDict(),
        )


def test_portfolio_passes_only_when_every_criterion_is_competent(portfolio_config):
    plugin = get_plugin("portfolio")
    first, second = (c["id"] for c in portfolio_config["criteria"])
    data = {
        f"verdict-{first}": "competent",
        f"verdict-{second}": "not_yet",
        f"comment-{second}": "Falta respiración",
    }
    form = plugin.grading_form(config=portfolio_config, response={}, data=data)
    assert form.is_valid(), form.errors
    score = form.score()
    assert score.passed is False and score.criteria == {first: True, second: False}
    assert score.items[second]["comment"] == "Falta respiración"
    data[f"verdict-{second}"] = "competent"
    form = plugin.grading_form(config=portfolio_config, response={}, data=data)
    assert form.is_valid() and form.score().passed is True


def test_observation_records_the_checklist(observation_config):
    plugin = get_plugin("observation")
    first, second = (c["id"] for c in observation_config["criteria"])
    data = {
        "observed_on": "2026-11-20",
        "place": "Teatro Municipal de Lima",
        f"met-{first}": "on",
        "notes": "Buen manejo del espacio",
    }
    form = plugin.grading_form(config=observation_config, response={}, data=data)
    assert form.is_valid(), form.errors
    score = form.score()
    assert score.passed is False and score.criteria == {first: True, second: False}
    assert (
        plugin.clean_response(
            config=observation_config, data=qd(), files=MultiValueDict()
        )
        == {}
    )
    del data["place"]
    form = plugin.grading_form(config=observation_config, response={}, data=data)
    assert not form.is_valid() and "place" in form.errors
