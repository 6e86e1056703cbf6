"""The interview plugin, tested as any outside package is: with the
platform's contract kit and its public API only."""

import pytest
from django.http import QueryDict
from django.utils import translation

from plugins.base import AuthoringContext, Choice, build_authoring_form
from plugins.registry import get_plugin
from plugins.testing import assert_plugin_contract

pytestmark = pytest.mark.django_db


def test_keeps_the_plugin_contract():
    assert_plugin_contract("entrevista")


def _config():
    plugin = get_plugin("entrevista")
    examples = plugin.contract_examples()
    data = QueryDict(mutable=True)
    for key, value in examples.authoring.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    form = build_authoring_form(plugin, data=data, context=examples.context)
    assert form.is_valid(), form.errors
    return plugin, examples, form.cleaned_data


def test_questions_are_a_list_with_criteria_from_the_assessment():
    plugin, examples, config = _config()
    assert [q["criteria"] for q in config["questions"]] == [
        ["pc:1"],
        ["pc:1", "pc:2"],
    ]
    assert config["criteria"] == [
        {"id": "pc:1", "text": "CD1 — Explica el plan de ensayo"},
        {"id": "pc:2", "text": "CD2 — Identifica los riesgos del escenario"},
    ]


def test_criteria_outside_the_assessment_are_refused():
    plugin = get_plugin("entrevista")
    context = AuthoringContext(criteria=(Choice("pc:1", "CD1"),))
    data = QueryDict(mutable=True)
    data.update({"questions-0-text": "¿Qué?", "duration_minutes": "20"})
    data.setlist("questions-0-criteria", ["pc:9"])
    form = build_authoring_form(plugin, data=data, context=context)
    assert not form.is_valid()
    assert "Elemento 1" in str(form.errors["questions"])


def test_without_chosen_criteria_the_form_says_where_they_come_from():
    form = build_authoring_form(get_plugin("entrevista"), context=AuthoringContext())
    assert "Elija las unidades o los criterios de la evaluación" in form.as_div()


def test_a_criterion_is_met_only_when_every_question_asking_it_met_it():
    plugin, examples, config = _config()
    form = plugin.grading_form(
        config=config,
        response={"availability": "Lunes"},
        data=_grading(examples.failing.grading),
    )
    assert form.is_valid(), form.errors
    score = form.score()
    assert score.criteria == {"pc:1": False, "pc:2": False}
    assert (score.points, score.max_points) == (1, 3)


def _grading(values):
    data = QueryDict(mutable=True)
    for key, value in values.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


def test_the_learner_is_spoken_to_in_english_on_english_pages():
    plugin, _examples, config = _config()
    with translation.override("en"):
        html = plugin.render(config=config)
    assert "When can you be interviewed?" in html
    assert "An assessor will ask you 2 questions" in html
