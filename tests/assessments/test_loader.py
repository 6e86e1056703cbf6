"""Plugin discovery: entry points only, exclusions, and start-up failures that
name the plugin."""

import inspect
import types
from importlib.metadata import EntryPoint

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from lms.plugin_loader import ENTRY_POINT_GROUP, discover
from plugins import signals
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


def test_missing_plugin_stops_start_up_naming_it():
    with pytest.raises(ImproperlyConfigured, match="'ghost'.*cannot be loaded"):
        discover(found=[entry("ghost", "lms_ghost_plugin_not_installed")])


def test_broken_plugin_stops_start_up_naming_it():
    with pytest.raises(ImproperlyConfigured, match="'broken'.*ZeroDivisionError"):
        discover(found=[entry("broken", "tests.assessments.broken_plugin")])


def test_same_name_declared_for_two_modules_is_refused():
    found = [entry("quiz", "plugins.quiz"), entry("quiz", "plugins.rubric")]
    with pytest.raises(ImproperlyConfigured, match="'quiz' is declared twice"):
        discover(found=found)


def _config_class(**meta):
    class Meta:
        pass

    for key, value in meta.items():
        setattr(Meta, key, value)
    return type(
        "ProbeConfig",
        (PluginConfig,),
        {"plugin": "lms_testplugin.plugin.TestDummyPlugin", "LMSPluginMeta": Meta},
    )


def _module():
    module = types.ModuleType("probe_plugin")
    module.__file__ = __file__
    return module


def test_incompatible_plugin_stops_start_up_naming_it():
    config = _config_class(
        name="Probe", version="1", compatibility="pacific-alliance-lms>=99"
    )
    with pytest.raises(ImproperlyConfigured, match="'probe_plugin' requires"):
        config("probe_plugin", _module())


def test_plugin_without_meta_fields_is_refused():
    config = _config_class(name="Probe")
    with pytest.raises(ImproperlyConfigured, match="'probe_plugin' is missing version"):
        config("probe_plugin", _module())


def test_compatible_plugin_config_is_accepted():
    config = _config_class(
        name="Probe", version="1", compatibility="pacific-alliance-lms>=0.1"
    )
    instance = config("probe_plugin", _module())
    instance.ready()
    assert instance.plugin_class() is type(get_plugin("testdummy"))


def test_every_signal_is_documented():
    """A signal without a docstring right below it (naming ``sender``) fails."""
    source = inspect.getsource(signals)
    names = [
        name
        for name, value in vars(signals).items()
        if type(value).__name__ == "Signal"
    ]
    assert "attempt_graded" in names
    for name in names:
        after = source.split(f"{name} = Signal()", 1)[1].lstrip()
        assert after.startswith('"""') and "``sender``" in after.split('"""')[1], name


def _installed_apps_with(env_extra: dict) -> list[str]:
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.INSTALLED_APPS))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test", **env_extra}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=settings.BASE_DIR,
    )
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
