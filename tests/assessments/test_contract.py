"""The plugin contract kit (``plugins.testing``): every installed plugin
passes it with its own example data, and the kit catches each way a plugin
can break the contract."""

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from plugins.base import ContractExamples, ExampleResponse, Score
from plugins.registry import get_plugin
from plugins.testing import (
    ContractFailure,
    assert_plugin_contract,
    check_plugin,
    form_data_from_html,
    parametrize_plugins,
)


@pytest.mark.django_db
@parametrize_plugins()
def test_every_installed_plugin_keeps_the_contract(plugin_id):
    assert_plugin_contract(plugin_id)


def _variant(**methods):
    """The test plugin with some methods replaced by broken ones."""
    base = type(get_plugin("testdummy"))
    return type("Variant", (base,), methods)()


def _fails(plugin, fragment):
    failures = check_plugin(plugin)
    assert any(fragment in line for line in failures), failures
    with pytest.raises(ContractFailure, match="breaks the contract"):
        assert_plugin_contract(plugin)


@pytest.mark.django_db
def test_the_kit_catches_an_answer_key_in_render():
    def render(self, *, config, data=None, errors=None):
        return format_html("<input name='answer' placeholder='{}'>", config["answer"])

    _fails(_variant(render=render), "render shows the secret 'zanahoria-secreta'")


@pytest.mark.django_db
def test_the_kit_catches_an_impure_grade():
    calls = []

    def grade(self, *, config, response):
        calls.append(1)
        response["seen"] = True
        return Score(points=len(calls), max_points=9)

    failures = check_plugin(_variant(grade=grade))
    assert any("grade modified its arguments" in line for line in failures)
    assert any("grade is not pure" in line for line in failures)


@pytest.mark.django_db
def test_the_kit_catches_database_access_in_grade():
    def grade(self, *, config, response):
        from django.contrib.auth.models import Group

        Group.objects.exists()
        return None

    _fails(_variant(grade=grade), "grade (passing) queried the database")


@pytest.mark.django_db
def test_the_kit_catches_accepted_tampering_and_a_wrong_verdict():
    def clean_response(self, *, config, data, files):
        return {"answer": data.get("answer", "")}

    def contract_examples(self):
        examples = type(get_plugin("testdummy")).contract_examples(self)
        return ContractExamples(
            authoring=examples.authoring,
            secrets=examples.secrets,
            passing=examples.passing,
            failing=ExampleResponse(data={"answer": "zanahoria-secreta"}, passed=False),
        )

    failures = check_plugin(
        _variant(clean_response=clean_response, contract_examples=contract_examples)
    )
    assert any("tampered submission" in line for line in failures), failures
    assert any("failing example should not pass" in line for line in failures)


@pytest.mark.django_db
def test_the_kit_catches_a_fixable_mistake_sent_to_a_400():
    def clean_response(self, *, config, data, files):
        if not data.get("answer"):
            raise ValidationError("Escriba la palabra.")
        return type(get_plugin("testdummy")).clean_response(
            self, config=config, data=data, files=files
        )

    def contract_examples(self):
        examples = type(get_plugin("testdummy")).contract_examples(self)
        return ContractExamples(
            **{
                **examples.__dict__,
                "failing": ExampleResponse(
                    data={"answer": "nabo"}, grading={"correct": ""}, passed=False
                ),
                "fixable": ExampleResponse(data={"answer": ""}, passed=False),
            }
        )

    _fails(
        _variant(clean_response=clean_response, contract_examples=contract_examples),
        "plain ValidationError (a 400 page)",
    )


@pytest.mark.django_db
def test_the_kit_needs_examples_and_keyword_only_methods():
    def grade(self, config, response):
        return None

    plugin = _variant(contract_examples=lambda self: None, grade=grade)
    failures = check_plugin(plugin)
    assert any("grade must take keyword-only arguments" in f for f in failures)
    assert any("contract_examples() must return" in f for f in failures)


@pytest.mark.django_db
def test_the_kit_catches_an_authoring_form_that_cannot_edit_its_config():
    """The stored config, shown in the form and posted back unchanged, must
    give the same config (here the form forgets the answer it stored)."""
    base = type(get_plugin("testdummy"))

    def authoring_form(self, *, data=None, initial=None, context=None):
        initial = {**(initial or {}), "answer": ""}
        return base.authoring_form(self, data=data, initial=initial)

    _fails(_variant(authoring_form=authoring_form), "posted back unchanged")


def test_form_data_is_read_as_a_browser_posts_it():
    html = (
        '<input type="text" name="a" value="x &amp; y">'
        '<input type="checkbox" name="b" checked><input type="checkbox" name="c">'
        '<input type="file" name="f"><textarea name="t">\nline one\nline two</textarea>'
        '<select name="s"><option value="1">1</option><option value="2">2</option>'
        '</select><select name="m" multiple><option value="p" selected>p</option>'
        '<option value="q" selected>q</option></select>'
    )
    data = form_data_from_html(html)
    assert data["a"] == "x & y" and data["b"] == "on" and "c" not in data
    assert "f" not in data and data["t"] == "line one\nline two"
    assert data["s"] == "1" and data.getlist("m") == ["p", "q"]


def _command():
    found = shutil.which("lms-plugin-check", path=str(Path(sys.executable).parent))
    assert found, "lms-plugin-check is installed with the platform (pip install -e .)"
    return found


def _check(name, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [_command(), name],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # outside the project
        env=env,
        check=False,
    )


def test_lms_plugin_check_passes_an_installed_plugin_from_outside(tmp_path):
    result = _check("testdummy", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "testdummy: keeps the plugin contract"


def test_lms_plugin_check_refuses_an_unknown_name_in_one_line(tmp_path):
    result = _check("karaoke", tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and "no installed assessment plugin is named 'karaoke'" in (lines[0])
    )


def test_examples_are_plain_data():
    examples = get_plugin("testdummy").contract_examples()
    assert copy.deepcopy(examples) == examples


@pytest.mark.django_db
def test_a_crashing_method_is_a_failure_line_not_a_traceback():
    def render(self, *, config, data=None, errors=None):
        return config["no-such-key"]

    failures = check_plugin(_variant(render=render))
    assert any(
        "the round trip stopped: KeyError: 'no-such-key'" in line
        and "in render" in line
        for line in failures
    ), failures
