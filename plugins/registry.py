"""The registry of installed assessment plugins.

A plugin's ``AppConfig`` subclasses :class:`PluginConfig`, names its
:class:`~plugins.base.AssessmentPlugin` subclass and carries an inner
``LMSPluginMeta`` class, validated when Django builds the app registry::

    class QuizConfig(PluginConfig):
        name = "plugins.quiz"
        plugin = "plugins.quiz.plugin.QuizPlugin"

        class LMSPluginMeta:
            name = _("Cuestionario")
            author = "..."
            version = "1.0.0"
            compatibility = "pacific-alliance-lms>=0.1,<1"

Plugins are looked up through the app registry only; the core never imports
one by name.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version

from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from packaging.requirements import InvalidRequirement, Requirement

from lms.plugin_loader import describe_error, plugin_error, plugin_label
from plugins.base import AssessmentPlugin, signature_problems

PLATFORM_DISTRIBUTION = "pacific-alliance-lms"
REQUIRED_META = ("name", "version", "compatibility")


#: The evidence kinds a plugin may declare (``certification.EvidenceKind``
#: values, spelled here so the registry does not load certification models).
EVIDENCE_KINDS = ("knowledge", "product", "performance")


def platform_version() -> str:
    try:
        return version(PLATFORM_DISTRIBUTION)
    except PackageNotFoundError:  # running from a plain checkout
        return "0.0.0"


def check_compatibility(label: str, compatibility: str) -> None:
    """Raise ``ImproperlyConfigured`` naming plugin ``label`` unless the
    running platform satisfies its ``compatibility`` requirement string."""
    try:
        requirement = Requirement(compatibility)
    except InvalidRequirement as exc:
        raise plugin_error(
            label, f"declares an invalid compatibility {compatibility!r}: {exc}"
        ) from exc
    if requirement.name != PLATFORM_DISTRIBUTION:
        raise plugin_error(
            label,
            f"must state its compatibility with {PLATFORM_DISTRIBUTION}, "
            f"not {requirement.name}.",
        )
    running = platform_version()
    if not requirement.specifier.contains(running, prereleases=True):
        raise plugin_error(
            label,
            f"requires {compatibility}, but this platform is version {running}.",
        )


def _blank(value) -> bool:
    # Lazy translations must stay lazy here: the app registry is not ready.
    return value is None or (isinstance(value, str) and not value.strip())


class DeclaredAppConfig(AppConfig):
    """Base of the ``AppConfig`` of content plugins and integrations: not a
    candidate itself when Django looks for the AppConfig of an ``apps.py``
    that imports it (every subclass is), and its ``LMSPluginMeta`` checked
    at start-up (one ``ImproperlyConfigured`` naming ``kind`` and the app)."""

    #: How start-up errors name this kind of plugin.
    kind = "Plugin"
    #: Dotted path of the plugin class, when the kind has one.
    plugin: str = ""
    needs_plugin = False
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = cls.__dict__.get("default", True)

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        meta = getattr(self, "LMSPluginMeta", None)
        missing = [
            key
            for key in REQUIRED_META
            if meta is None or _blank(getattr(meta, key, None))
        ]
        if not missing and self.needs_plugin and not self.plugin:
            missing = ["plugin"]
        if missing:
            raise ImproperlyConfigured(
                f"{self.kind} '{app_name}' is missing {', '.join(missing)} "
                "in its AppConfig."
            )
        check_compatibility(app_name, meta.compatibility)


class PluginConfig(AppConfig):
    """Base ``AppConfig`` of every assessment plugin.

    Every way a plugin can be broken stops start-up with one
    ``ImproperlyConfigured`` naming it by its entry-point name (``label``):
    missing or blank ``LMSPluginMeta``, a bad compatibility requirement, a
    ``plugin.py`` that does not import (syntax error, ``NameError``, a
    missing import), a missing or mis-signed method, an id or evidence kind
    not allowed, an id another plugin uses."""

    #: Dotted path of the plugin's ``AssessmentPlugin`` subclass.
    plugin: str = ""
    # Not a candidate itself when Django looks for the AppConfig of a plugin's
    # apps.py that imports it; every subclass is (see __init_subclass__).
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = cls.__dict__.get("default", True)

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        self.plugin_label = plugin_label(app_name)
        meta = getattr(self, "LMSPluginMeta", None)
        if meta is None:
            raise self.error("has no LMSPluginMeta inner class on its AppConfig.")
        missing = [key for key in REQUIRED_META if _blank(getattr(meta, key, None))]
        if missing or not self.plugin:
            raise self.error(
                f"is missing {', '.join(missing or ['plugin'])} in its AppConfig."
            )
        check_compatibility(self.plugin_label, meta.compatibility)

    def error(self, text: str) -> ImproperlyConfigured:
        return plugin_error(self.plugin_label, text)

    def ready(self):
        plugin_class = self.plugin_class()
        if not (
            isinstance(plugin_class, type)
            and issubclass(plugin_class, AssessmentPlugin)
        ):
            raise self.error(f"{self.plugin} is not an AssessmentPlugin subclass.")
        if getattr(plugin_class, "__abstractmethods__", None):
            missing = ", ".join(sorted(plugin_class.__abstractmethods__))
            raise self.error(f"does not implement {missing}.")
        problems = signature_problems(plugin_class)
        if problems:
            raise self.error("; ".join(problems) + ".")
        for attribute in ("id", "name"):
            if _blank(getattr(plugin_class, attribute, None)):
                raise self.error(f"{self.plugin} declares no {attribute}.")
        if plugin_class.evidence_kind not in EVIDENCE_KINDS:
            raise self.error(
                f"evidence_kind {plugin_class.evidence_kind!r} is not one of "
                f"{', '.join(EVIDENCE_KINDS)}."
            )

    def plugin_class(self) -> type[AssessmentPlugin]:
        try:
            return import_string(self.plugin)
        except Exception as exc:  # a syntax or name error too: name the plugin
            raise self.error(
                f"cannot import {self.plugin}: {describe_error(exc)}"
            ) from exc


@cache
def _plugins() -> dict[str, AssessmentPlugin]:
    found: dict[str, AssessmentPlugin] = {}
    owners: dict[str, PluginConfig] = {}
    for config in apps.get_app_configs():
        if not isinstance(config, PluginConfig):
            continue
        instance = config.plugin_class()()
        if instance.id in found:
            first = owners[instance.id]
            raise ImproperlyConfigured(
                f"Assessment plugins '{first.plugin_label}' ({first.name}) and "
                f"'{config.plugin_label}' ({config.name}) both use the id "
                f"'{instance.id}'. Uninstall one, or exclude it with "
                "LMS_PLUGINS_EXCLUDE."
            )
        found[instance.id] = instance
        owners[instance.id] = config
    return found


def all_plugins() -> list[AssessmentPlugin]:
    """Every installed plugin, sorted by id."""
    return [_plugins()[key] for key in sorted(_plugins())]


def plugin_choices() -> list[tuple[str, str]]:
    return [(plugin.id, plugin.name) for plugin in all_plugins()]


class UnknownPlugin(LookupError):
    """The assessment names a plugin that is not installed (or excluded)."""


def get_plugin(plugin_id: str) -> AssessmentPlugin:
    try:
        return _plugins()[plugin_id]
    except KeyError:
        raise UnknownPlugin(plugin_id) from None
