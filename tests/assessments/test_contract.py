"""The plugin contract, checked against every registered plugin (the built-in
ones and the separately installed test plugin)."""

import copy
import json
import random

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from plugins.base import AssessmentPlugin, GradingForm, Score, render_inputs
from plugins.registry import all_plugins
from tests.assessments.conftest import QUIZ_BANK, RUBRIC_DATA, quiz_data

# Authoring data for each plugin and strings of its config the learner must
# never receive before submitting.
SAMPLES = {
    "quiz": (
        quiz_data(),
        ["Registro de Propiedad Intelectual", "DDI", "identifica una edición concreta"],
    ),
    "rubric": (RUBRIC_DATA, []),
    "portfolio": (
        {
            "instructions": "Reúna grabaciones.",
            "extra_criteria": "Afina\nRespira",
            "max_items": "3",
            "max_file_mb": "5",
        },
        [],
    ),
    "observation": (
        {
            "instructions": "Ensayo general.",
            "extra_criteria": "Proyecta la voz",
            "max_file_mb": "5",
        },
        [],
    ),
    "testdummy": (
        {"prompt": "Diga la palabra", "answer": "zanahoria-secreta"},
        ["zanahoria-secreta"],
    ),
}
assert "? " in QUIZ_BANK


def plugin_ids():
    return [plugin.id for plugin in all_plugins()]


@pytest.fixture(params=plugin_ids())
def plugin(request):
    return next(p for p in all_plugins() if p.id == request.param)


@pytest.fixture
def config(plugin, db):
    assert plugin.id in SAMPLES, f"add authoring sample data for plugin {plugin.id}"
    form = plugin.authoring_form(data=SAMPLES[plugin.id][0])
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_plugin_declares_identity(plugin):
    assert isinstance(plugin, AssessmentPlugin)
    assert plugin.id and str(plugin.name)


def test_authoring_form_data_is_the_json_config_and_round_trips(plugin, config):
    """Cleaned data is JSON-serialisable, and the form edits a stored config."""
    stored = json.loads(json.dumps(config))
    again = plugin.authoring_form(initial=stored)
    assert again.as_div()


def test_prepare_is_json_and_leaves_config_untouched(plugin, config):
    before = copy.deepcopy(config)
    prepared = plugin.prepare(config=config, rng=random.Random(7))
    json.dumps(prepared)
    assert config == before


def test_render_never_contains_answer_keys(plugin, config):
    html = plugin.render(config=plugin.prepare(config=config, rng=random.Random(1)))
    assert isinstance(html, str) and html.strip()
    for secret in SAMPLES[plugin.id][1]:
        assert secret not in html


def test_render_takes_back_a_refused_submission(plugin, config):
    """After a mistake the learner can fix, the core renders the inputs again
    with the submission and the messages; plugins whose ``render`` takes
    ``config`` alone are called that way, and none may leak answer keys."""
    prepared = plugin.prepare(config=config, rng=random.Random(1))
    data = QueryDict("answer=mi+respuesta&text=mi+respuesta")
    html = render_inputs(
        plugin, config=prepared, data=data, errors={"__all__": ["Corrija esto."]}
    )
    assert isinstance(html, str) and html.strip()
    for secret in SAMPLES[plugin.id][1]:
        assert secret not in html


def test_unknown_field_is_a_validation_error(plugin, config):
    data = QueryDict(mutable=True)
    data["tampered-field"] = "1"
    with pytest.raises(ValidationError) as error:
        plugin.clean_response(config=config, data=data, files=MultiValueDict())
    assert error.value.messages


def test_grade_is_pure_and_returns_a_score_or_none(plugin, config):
    prepared = plugin.prepare(config=config, rng=random.Random(3))
    response = {"answer": "x", "answers": {}, "text": "x", "items": []}
    before = copy.deepcopy((prepared, response))
    first = plugin.grade(prepared, response)
    assert first is None or isinstance(first, Score)
    assert plugin.grade(prepared, response) == first
    assert (prepared, response) == before


def test_grading_form_is_a_grading_form(plugin, config):
    form = plugin.grading_form(config=config, response={})
    assert isinstance(form, GradingForm)
    assert "feedback" in form.fields
    assert form.as_div()
