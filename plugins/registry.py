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

from plugins.base import AssessmentPlugin

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
        raise ImproperlyConfigured(
            f"Assessment plugin '{label}' declares an invalid compatibility "
            f"{compatibility!r}: {exc}"
        ) from exc
    if requirement.name != PLATFORM_DISTRIBUTION:
        raise ImproperlyConfigured(
            f"Assessment plugin '{label}' must state its compatibility with "
            f"{PLATFORM_DISTRIBUTION}, not {requirement.name}."
        )
    running = platform_version()
    if not requirement.specifier.contains(running, prereleases=True):
        raise ImproperlyConfigured(
            f"Assessment plugin '{label}' requires {compatibility}, but this "
            f"platform is version {running}. Upgrade the plugin or exclude it "
            "with LMS_PLUGINS_EXCLUDE."
        )


def _blank(value) -> bool:
    # Lazy translations must stay lazy here: the app registry is not ready.
    return value is None or (isinstance(value, str) and not value.strip())


class PluginConfig(AppConfig):
    """Base ``AppConfig`` of every assessment plugin."""

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
        meta = getattr(self, "LMSPluginMeta", None)
        if meta is None:
            raise ImproperlyConfigured(
                f"Assessment plugin '{app_name}' has no LMSPluginMeta inner class "
                "on its AppConfig."
            )
        missing = [key for key in REQUIRED_META if _blank(getattr(meta, key, None))]
        if missing or not self.plugin:
            raise ImproperlyConfigured(
                f"Assessment plugin '{app_name}' is missing "
                f"{', '.join(missing or ['plugin'])} in its AppConfig."
            )
        check_compatibility(app_name, meta.compatibility)

    def ready(self):
        plugin_class = self.plugin_class()
        if not (
            isinstance(plugin_class, type)
            and issubclass(plugin_class, AssessmentPlugin)
        ):
            raise ImproperlyConfigured(
                f"Assessment plugin '{self.name}': {self.plugin} is not an "
                "AssessmentPlugin subclass."
            )
        if getattr(plugin_class, "__abstractmethods__", None):
            missing = ", ".join(sorted(plugin_class.__abstractmethods__))
            raise ImproperlyConfigured(
                f"Assessment plugin '{self.name}' does not implement: {missing}."
            )
        if plugin_class.evidence_kind not in EVIDENCE_KINDS:
            raise ImproperlyConfigured(
                f"Assessment plugin '{self.name}': evidence_kind "
                f"{plugin_class.evidence_kind!r} is not one of "
                f"{', '.join(EVIDENCE_KINDS)}."
            )

    def plugin_class(self) -> type[AssessmentPlugin]:
        try:
            return import_string(self.plugin)
        except ImportError as exc:
            raise ImproperlyConfigured(
                f"Assessment plugin '{self.name}': cannot import {self.plugin}: {exc}"
            ) from exc


@cache
def _plugins() -> dict[str, AssessmentPlugin]:
    found: dict[str, AssessmentPlugin] = {}
    for config in apps.get_app_configs():
        if not isinstance(config, PluginConfig):
            continue
        instance = config.plugin_class()()
        if instance.id in found:
            raise ImproperlyConfigured(
                f"Assessment plugin id '{instance.id}' is used by two apps "
                f"({config.name} and another)."
            )
        found[instance.id] = instance
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
