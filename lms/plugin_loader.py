"""Discovery of plugins through the ``lms.assessments`` entry points (and,
the same way, ``lms.content`` and ``lms.integrations``).

This is the only way a plugin reaches the platform: a plugin package declares
its Django app under the entry-point group, for example::

    [project.entry-points."lms.assessments"]
    quiz = "plugins.quiz"

and the settings add every declared app to ``INSTALLED_APPS``, minus the names
listed in ``LMS_PLUGINS_EXCLUDE``. A declared plugin that cannot be imported
stops start-up with an ``ImproperlyConfigured`` naming it; version and
compatibility are then checked by the plugin's ``AppConfig`` (see
``plugins.registry.PluginConfig``).

Nothing here imports a plugin by name, and nothing reads settings at import.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points

from django.core.exceptions import ImproperlyConfigured

ENTRY_POINT_GROUP = "lms.assessments"
#: Lesson content plugins (SCORM, H5P...): loaded, checked and excluded the
#: same way; their ``AppConfig`` subclasses ``plugins.content.ContentPluginConfig``.
CONTENT_ENTRY_POINT_GROUP = "lms.content"
#: Integrations with other systems (an LTI 1.3 tool...): loaded, checked and
#: excluded the same way; their ``AppConfig`` subclasses
#: ``plugins.integrations.IntegrationConfig``.
INTEGRATION_ENTRY_POINT_GROUP = "lms.integrations"
GROUPS = (ENTRY_POINT_GROUP, CONTENT_ENTRY_POINT_GROUP, INTEGRATION_ENTRY_POINT_GROUP)


@dataclass(frozen=True)
class DiscoveredPlugin:
    name: str
    module: str
    distribution: str


def _distribution(entry_point: EntryPoint) -> str:
    dist = getattr(entry_point, "dist", None)
    return dist.name if dist is not None else ""


def plugin_error(label: str, text: str, *, fix: bool = True) -> ImproperlyConfigured:
    """The one start-up error of a plugin: always ``Assessment plugin
    '<label>': <what is wrong>`` with ``label`` its entry-point name (the name
    ``LMS_PLUGINS_EXCLUDE`` takes; see :func:`plugin_label`)."""
    message = f"Assessment plugin '{label}': {text}"
    if fix:
        message = message.rstrip(".") + (
            ". Fix or upgrade the plugin, or add its name to LMS_PLUGINS_EXCLUDE."
        )
    return ImproperlyConfigured(message)


def describe_error(exc: BaseException) -> str:
    """``exc`` in one line, with the file and line of a syntax error."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return f"SyntaxError: {exc.msg} ({exc.filename}, line {exc.lineno})"
    return f"{type(exc).__name__}: {exc}"


def plugin_label(module: str) -> str:
    """The entry-point name that declares the app ``module`` (the plugin's
    one name in every message); the module itself when none does."""
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        if entry_point.module == module:
            return entry_point.name
    return module


def _check_importable(entry_point: EntryPoint) -> None:
    module = entry_point.module
    try:
        if importlib.util.find_spec(module) is None:
            raise ModuleNotFoundError(module)
        importlib.import_module(module)
        if importlib.util.find_spec(f"{module}.apps") is not None:
            importlib.import_module(f"{module}.apps")
    except Exception as exc:  # any failure must name the plugin, never pass
        raise plugin_error(
            entry_point.name,
            f"cannot be loaded from {entry_point.value}: {describe_error(exc)}",
        ) from exc


def discover(
    *,
    exclude: Iterable[str] = (),
    found: Iterable[EntryPoint] | None = None,
    group: str = ENTRY_POINT_GROUP,
) -> list[DiscoveredPlugin]:
    """Every plugin declared under ``lms.assessments`` and not excluded,
    sorted by entry-point name. ``exclude`` holds entry-point names or module
    paths. Raises ``ImproperlyConfigured`` naming a plugin that cannot load or
    a name declared twice."""
    excluded = set(exclude)
    if found is None:
        found = entry_points(group=group)
    plugins: dict[str, DiscoveredPlugin] = {}
    for entry_point in sorted(found, key=lambda ep: ep.name):
        if entry_point.name in excluded or entry_point.module in excluded:
            continue
        if entry_point.name in plugins:
            if plugins[entry_point.name].module == entry_point.module:
                continue
            raise plugin_error(
                entry_point.name,
                f"is declared twice ({plugins[entry_point.name].module} and "
                f"{entry_point.module}).",
                fix=False,
            )
        _check_importable(entry_point)
        plugins[entry_point.name] = DiscoveredPlugin(
            name=entry_point.name,
            module=entry_point.module,
            distribution=_distribution(entry_point),
        )
    return list(plugins.values())


def plugin_apps(*, exclude: Iterable[str] = ()) -> list[str]:
    """The app modules to append to ``INSTALLED_APPS``: assessment plugins,
    then content plugins, then integrations."""
    return [
        plugin.module
        for group in GROUPS
        for plugin in discover(exclude=exclude, group=group)
    ]


def plugin_modules() -> set[str]:
    """Module paths of every declared plugin (excluded ones included), so that
    the plugin framework can check each installed one is a proper plugin."""
    return {ep.module for ep in entry_points(group=ENTRY_POINT_GROUP)}


def content_plugin_modules() -> set[str]:
    """Module paths of every declared content plugin (excluded ones included)."""
    return {ep.module for ep in entry_points(group=CONTENT_ENTRY_POINT_GROUP)}


def integration_plugin_modules() -> set[str]:
    """Module paths of every declared integration (excluded ones included)."""
    return {ep.module for ep in entry_points(group=INTEGRATION_ENTRY_POINT_GROUP)}
