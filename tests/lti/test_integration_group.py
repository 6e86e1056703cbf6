"""The ``lms.integrations`` plugin group: declared in pyproject, discovered,
checked and excluded like assessment and content plugins; the settings load
whether or not the entry point is registered yet."""

import os
import subprocess
import sys
import tomllib
import types
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from lms.plugin_loader import GROUPS, INTEGRATION_ENTRY_POINT_GROUP, discover
from plugins.integrations import IntegrationConfig
from plugins.lti_tool.apps import LtiToolConfig

ROOT = Path(__file__).resolve().parents[2]


def entry(name, value):
    return EntryPoint(name=name, value=value, group=INTEGRATION_ENTRY_POINT_GROUP)


def test_the_lti_tool_is_declared_under_lms_integrations():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = project["project"]["entry-points"]["lms.integrations"]
    assert declared == {"lti_tool": "plugins.lti_tool"}
    assert INTEGRATION_ENTRY_POINT_GROUP in GROUPS


def test_discovery_and_exclusion():
    found = [entry("lti_tool", "plugins.lti_tool")]
    discovered = discover(found=found, group=INTEGRATION_ENTRY_POINT_GROUP)
    assert [p.module for p in discovered] == ["plugins.lti_tool"]
    assert (
        discover(exclude=["lti_tool"], found=found, group=INTEGRATION_ENTRY_POINT_GROUP)
        == []
    )


def test_an_integration_that_cannot_load_stops_start_up():
    found = [entry("broken", "plugins.no_such_integration")]
    with pytest.raises(ImproperlyConfigured, match="'broken': cannot be loaded"):
        discover(found=found, group=INTEGRATION_ENTRY_POINT_GROUP)


def test_the_app_config_carries_the_plugin_meta():
    assert issubclass(LtiToolConfig, IntegrationConfig)
    assert LtiToolConfig.LMSPluginMeta.name == "LTI 1.3 Advantage"


def test_an_integration_without_meta_stops_start_up():
    module = types.ModuleType("tests.lti")
    module.__file__ = __file__
    config = type("Bare", (IntegrationConfig,), {"name": "tests.lti", "label": "x"})
    with pytest.raises(ImproperlyConfigured, match="missing name, version"):
        config("tests.lti", module)


def test_an_incompatible_integration_stops_start_up():
    module = types.ModuleType("tests.lti")
    module.__file__ = __file__
    meta = type(
        "LMSPluginMeta",
        (),
        {"name": "X", "version": "1", "compatibility": "pacific-alliance-lms>=9"},
    )
    config = type(
        "Old",
        (IntegrationConfig,),
        {"name": "tests.lti", "label": "x", "LMSPluginMeta": meta},
    )
    with pytest.raises(ImproperlyConfigured, match="requires pacific-alliance-lms>=9"):
        config("tests.lti", module)


def test_settings_load_and_exclusion_removes_the_app():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='lms.settings.test';"
        "django.setup(); from django.conf import settings;"
        "from django.urls import reverse;"
        "print('plugins.lti_tool' in settings.INSTALLED_APPS)"
    )
    env = {**os.environ, "LMS_PLUGINS_EXCLUDE": "lti_tool,testdummy"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "False", out.stderr[-2000:]
