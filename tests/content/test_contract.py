"""The ``lms.content`` plugin group: discovery, exclusion, and the contract
checks a content plugin's AppConfig runs at start-up."""

import subprocess
import sys
import types
from importlib.metadata import EntryPoint

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from lms.plugin_loader import CONTENT_ENTRY_POINT_GROUP, discover
from plugins.content import (
    ContentPlugin,
    ContentPluginConfig,
    ContentResult,
    content_plugins,
)
from plugins.scorm.plugin import ScormPlugin


def entry(name, value):
    return EntryPoint(name=name, value=value, group=CONTENT_ENTRY_POINT_GROUP)


def test_scorm_is_an_installed_content_plugin():
    assert "plugins.scorm" in settings.INSTALLED_APPS
    assert isinstance(content_plugins()["scorm"], ScormPlugin)


def test_exclude_list_switches_a_content_plugin_off():
    found = [entry("scorm", "plugins.scorm")]
    assert (
        discover(exclude=["scorm"], found=found, group=CONTENT_ENTRY_POINT_GROUP) == []
    )
    assert [
        p.module for p in discover(found=found, group=CONTENT_ENTRY_POINT_GROUP)
    ] == ["plugins.scorm"]


def test_excluding_scorm_by_environment_removes_the_app():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='lms.settings.test';"
        "django.setup(); from django.conf import settings;"
        "print('plugins.scorm' in settings.INSTALLED_APPS)"
    )
    import os

    env = {**os.environ, "LMS_PLUGINS_EXCLUDE": "scorm,testdummy"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert out.stdout.strip() == "False", out.stderr[-2000:]


def _config(plugin_path, meta=True):
    attrs = {"name": "tests.content", "label": "fake_content", "plugin": plugin_path}
    if meta:
        attrs["LMSPluginMeta"] = type(
            "LMSPluginMeta",
            (),
            {
                "name": "Falso",
                "version": "1.0.0",
                "compatibility": "pacific-alliance-lms>=0.1,<1",
            },
        )
    return type("FakeConfig", (ContentPluginConfig,), attrs)


def test_a_content_plugin_without_meta_stops_start_up():
    module = types.ModuleType("tests.content")
    module.__file__ = __file__
    with pytest.raises(ImproperlyConfigured, match="missing name, version"):
        _config("plugins.scorm.plugin.ScormPlugin", meta=False)("tests.content", module)


def test_a_class_that_is_not_a_content_plugin_is_refused():
    module = types.ModuleType("tests.content")
    module.__file__ = __file__
    config = _config("plugins.quiz.plugin.QuizPlugin")("tests.content", module)
    with pytest.raises(ImproperlyConfigured, match="not a ContentPlugin subclass"):
        config.ready()


class Incomplete(ContentPlugin):
    id = "incomplete"
    name = "Incompleto"

    def inspect(self, *, names, read):
        return {}


def test_missing_methods_are_named():
    module = types.ModuleType("tests.content")
    module.__file__ = __file__
    config = _config("tests.content.test_contract.Incomplete")("tests.content", module)
    with pytest.raises(ImproperlyConfigured, match="clean_state, render, result"):
        config.ready()


def test_pass_mark_decides_only_without_a_verdict():
    assert ContentResult(True, 75.0).passed_with(70)
    assert not ContentResult(True, 65.0).passed_with(70)
    assert not ContentResult(True, 95.0, passed=False).passed_with(70)
    assert not ContentResult(True).passed_with(0)


class Unpackaged(ContentPlugin):
    """No package, but no configuration form either."""

    id = "unpackaged"
    name = "Sin paquete"
    packaged = False

    def inspect(self, *, names, read):
        return {}

    def render(self, *, config, state, urls):
        return ""

    def clean_state(self, *, config, data):
        return {}

    def result(self, *, config, state):
        return ContentResult(completed=False)


def test_content_with_no_package_needs_a_configuration_form():
    module = types.ModuleType("tests.content")
    module.__file__ = __file__
    config = _config("tests.content.test_contract.Unpackaged")("tests.content", module)
    with pytest.raises(ImproperlyConfigured, match="needs config_form and configure"):
        config.ready()
