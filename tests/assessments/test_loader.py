"""Plugin discovery: entry points only, exclusions, and start-up failures that
name the plugin."""

import json
import os
import re
import subprocess
import sys
import textwrap
import types
import uuid
from importlib.metadata import EntryPoint

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from lms.plugin_loader import ENTRY_POINT_GROUP, discover
from plugins.registry import PluginConfig, all_plugins, get_plugin


def entry(name, value):
    return EntryPoint(name=name, value=value, group=ENTRY_POINT_GROUP)


def test_builtin_and_separately_installed_plugins_are_installed_apps():
    """The four built-in plugins and the test plugin package (installed with
    pip, no settings change) are in INSTALLED_APPS and the registry."""
    for module in (
        "plugins.quiz",
        "plugins.rubric",
        "plugins.portfolio",
        "plugins.observation",
        "lms_testplugin",
    ):
        assert module in settings.INSTALLED_APPS
    ids = {plugin.id for plugin in all_plugins()}
    assert {"quiz", "rubric", "portfolio", "observation", "testdummy"} <= ids


def test_exclude_list_switches_a_plugin_off():
    found = [entry("quiz", "plugins.quiz"), entry("rubric", "plugins.rubric")]
    assert [p.name for p in discover(exclude=["quiz"], found=found)] == ["rubric"]
    assert [p.module for p in discover(exclude=["plugins.rubric"], found=found)] == [
        "plugins.quiz"
    ]


# Every start-up failure of a plugin is one ImproperlyConfigured that begins
# with the plugin's one name (its entry-point name).
def named(label):
    return rf"^Assessment plugin '{label}': "


def test_missing_plugin_stops_start_up_naming_it():
    with pytest.raises(ImproperlyConfigured, match=named("ghost") + "cannot be loaded"):
        discover(found=[entry("ghost", "lms_ghost_plugin_not_installed")])


def test_broken_plugin_stops_start_up_naming_it():
    with pytest.raises(ImproperlyConfigured, match=named("broken") + ".*ZeroDivision"):
        discover(found=[entry("broken", "tests.assessments.broken_plugin")])


def _package(tmp_path, monkeypatch, name, **files):
    """A plugin package ``name`` written to disk with ``files`` (module name
    -> source), importable for this test only."""
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text(files.pop("__init__", ""))
    for module, source in files.items():
        (package / f"{module}.py").write_text(textwrap.dedent(source))
    monkeypatch.syspath_prepend(str(tmp_path))
    return name


def test_syntax_error_in_apps_stops_start_up_naming_it(tmp_path, monkeypatch):
    module = _package(tmp_path, monkeypatch, "probe_syntax_apps", apps="def (:\n")
    with pytest.raises(ImproperlyConfigured, match=named("syn") + ".*SyntaxError"):
        discover(found=[entry("syn", module)])


def test_same_name_declared_for_two_modules_is_refused():
    found = [entry("quiz", "plugins.quiz"), entry("quiz", "plugins.rubric")]
    with pytest.raises(ImproperlyConfigured, match=named("quiz") + "is declared twice"):
        discover(found=found)


def _config_class(plugin="lms_testplugin.plugin.TestDummyPlugin", **meta):
    class Meta:
        pass

    meta = {
        "name": "Probe",
        "version": "1",
        "compatibility": "pacific-alliance-lms>=0.1",
        **meta,
    }
    for key, value in meta.items():
        if value is not None:
            setattr(Meta, key, value)
    return type(
        "ProbeConfig", (PluginConfig,), {"plugin": plugin, "LMSPluginMeta": Meta}
    )


def _module(name="probe_plugin"):
    module = types.ModuleType(name)
    module.__file__ = __file__
    return module


def _start(tmp_path, monkeypatch, plugin_source):
    """Build and ready the AppConfig of a plugin whose plugin.py is
    ``plugin_source`` (class ``Probe``), as Django does at start-up."""
    name = _package(
        tmp_path, monkeypatch, f"probe_{uuid.uuid4().hex[:8]}", plugin=plugin_source
    )
    config = _config_class(plugin=f"{name}.plugin.Probe")(name, _module(name))
    config.ready()
    return name


PLUGIN = """
from plugins.base import AssessmentPlugin


class Probe(AssessmentPlugin):
    id = "probe"
    name = "Probe"

    def authoring_form(self, *, data=None, initial=None, context=None):
        return None

    def render(self, *, config, data=None, errors=None):
        return ""

    def clean_response(self, *, config, data, files):
        return {}

    def grade(self, *, config, response):
        return None

    def grading_form(self, *, config, response, data=None, files=None):
        return None
"""


def test_a_well_formed_plugin_starts(tmp_path, monkeypatch):
    _start(tmp_path, monkeypatch, PLUGIN)


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        (PLUGIN + "\ndef broken(:\n", "SyntaxError: .*line 24"),
        (PLUGIN + "\nundefined_name + 1\n", "NameError: name 'undefined_name'"),
        ("import lms_no_such_dependency\n" + PLUGIN, "ModuleNotFoundError"),
        (PLUGIN.replace("def grade(", "def _grade("), "does not implement grade"),
        (
            PLUGIN.replace("def grade(self, *, config", "def grade(self, config"),
            "grade must take keyword-only arguments",
        ),
        (
            PLUGIN.replace(
                "clean_response(self, *, config, data, files)",
                "clean_response(self, *, config, data)",
            ),
            "clean_response must be .*it lacks files",
        ),
        (
            PLUGIN.replace("render(self, *, config,", "render(self, *, config, extra,"),
            "render must be .*it also requires extra",
        ),
        (
            PLUGIN.replace(
                "    def grade(",
                "    def render_result(self, config):\n"
                "        return ''\n\n    def grade(",
            ),
            "render_result must take keyword-only arguments",
        ),
        (PLUGIN.replace('id = "probe"', 'id = ""'), "declares no id"),
        (PLUGIN + "\nProbe.evidence_kind = 'vibes'\n", "evidence_kind 'vibes'"),
    ],
    ids=[
        "syntax",
        "name",
        "import",
        "missing",
        "positional",
        "lacks",
        "requires",
        "optional-positional",
        "id",
        "evidence",
    ],
)
def test_every_broken_plugin_stops_start_up_with_one_message_naming_it(
    tmp_path, monkeypatch, source, reason
):
    with pytest.raises(
        ImproperlyConfigured, match=r"^Assessment plugin 'probe_\w+': "
    ) as error:
        _start(tmp_path, monkeypatch, source)
    assert re.search(reason, str(error.value)), str(error.value)
    assert "\n" not in str(error.value)


def test_incompatible_plugin_stops_start_up_naming_it():
    config = _config_class(compatibility="pacific-alliance-lms>=99")
    with pytest.raises(ImproperlyConfigured, match=named("probe_plugin") + "requires"):
        config("probe_plugin", _module())


def test_bad_version_requirement_stops_start_up_naming_it():
    config = _config_class(compatibility="pacific-alliance-lms>>=1")
    with pytest.raises(
        ImproperlyConfigured, match=named("probe_plugin") + "declares an invalid"
    ):
        config("probe_plugin", _module())


def test_plugin_without_meta_fields_is_refused():
    config = _config_class(version=None, compatibility=None)
    with pytest.raises(
        ImproperlyConfigured, match=named("probe_plugin") + "is missing version"
    ):
        config("probe_plugin", _module())
    without = type("ProbeConfig", (PluginConfig,), {"plugin": "x.Y"})
    with pytest.raises(
        ImproperlyConfigured, match=named("probe_plugin") + "has no LMSPluginMeta"
    ):
        without("probe_plugin", _module())


def test_installed_plugins_are_named_by_their_entry_point_name():
    """The name LMS_PLUGINS_EXCLUDE takes is the one every message uses."""
    config = _config_class()("lms_testplugin", _module("lms_testplugin"))
    assert config.plugin_label == "testdummy"
    assert str(config.error("x")).startswith("Assessment plugin 'testdummy': x")


def test_duplicate_id_names_both_plugins(tmp_path, monkeypatch):
    """Two installed apps whose plugins share an id: start-up stops naming
    both (a real start-up in a fresh interpreter)."""
    first = _package(tmp_path, monkeypatch, "probe_twin_one", plugin=PLUGIN)
    second = _package(tmp_path, monkeypatch, "probe_twin_two", plugin=PLUGIN)
    for name in (first, second):
        (tmp_path / name / "apps.py").write_text(
            "from plugins.registry import PluginConfig\n\n\n"
            f"class Config(PluginConfig):\n    name = {name!r}\n"
            f"    plugin = '{name}.plugin.Probe'\n\n"
            "    class LMSPluginMeta:\n        name = 'Twin'\n        version = '1'\n"
            "        compatibility = 'pacific-alliance-lms>=0.1'\n"
        )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from django.conf import settings; import django; "
        "settings.INSTALLED_APPS; "
        "settings.INSTALLED_APPS += [sys.argv[2], sys.argv[3]]; django.setup()"
    )
    result = _run(code, str(tmp_path), first, second)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert "'probe_twin_one' (probe_twin_one) and 'probe_twin_two'" in last
    assert "both use the id 'probe'" in last


def test_compatible_plugin_config_is_accepted():
    instance = _config_class()("probe_plugin", _module())
    instance.ready()
    assert instance.plugin_class() is type(get_plugin("testdummy"))


def _run(code, *args, env_extra=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        **(env_extra or {}),
    }
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=settings.BASE_DIR,
    )


def _installed_apps_with(env_extra: dict) -> list[str]:
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.INSTALLED_APPS))"
    )
    result = _run(code, env_extra=env_extra)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_lms_plugins_exclude_switches_the_test_plugin_off_at_start_up():
    """A real start-up with LMS_PLUGINS_EXCLUDE=testdummy leaves it out."""
    apps = _installed_apps_with({"LMS_PLUGINS_EXCLUDE": "testdummy"})
    assert "lms_testplugin" not in apps and "plugins.quiz" in apps
    assert "lms_testplugin" in _installed_apps_with({})


def test_the_test_plugin_loads_only_under_the_test_settings():
    """The suite's own plugin never reaches the real interface: the
    development and production settings leave it out, the test settings load
    it; the built-in plugins load everywhere."""
    development = _installed_apps_with({"DJANGO_SETTINGS_MODULE": "lms.settings.dev"})
    assert "lms_testplugin" not in development and "plugins.quiz" in development
    assert "lms_testplugin" in _installed_apps_with({})
