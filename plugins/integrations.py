"""The integration contract (entry-point group ``lms.integrations``).

An integration connects the platform with another system (an LMS launching
courses through LTI 1.3...). It is an ordinary Django app with its own models,
URLs and CMS screens; its ``AppConfig`` subclasses :class:`IntegrationConfig`
and carries ``LMSPluginMeta`` like every other plugin. A declared integration
whose ``AppConfig`` is not one, or whose meta is missing or incompatible,
stops start-up with one ``ImproperlyConfigured`` naming it.
"""

from __future__ import annotations

from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured

from plugins.registry import REQUIRED_META, _blank, check_compatibility


class IntegrationConfig(AppConfig):
    """Base ``AppConfig`` of every integration."""

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
        if missing:
            raise ImproperlyConfigured(
                f"Integration '{app_name}' is missing {', '.join(missing)} "
                "in its AppConfig's LMSPluginMeta."
            )
        check_compatibility(app_name, meta.compatibility)
