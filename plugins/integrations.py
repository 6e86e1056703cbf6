"""The integration contract (entry-point group ``lms.integrations``).

An integration connects the platform with another system (an LMS launching
courses through LTI 1.3...). It is an ordinary Django app with its own models,
URLs and CMS screens; its ``AppConfig`` subclasses :class:`IntegrationConfig`
and carries ``LMSPluginMeta`` like every other plugin. A declared integration
whose ``AppConfig`` is not one, or whose meta is missing or incompatible,
stops start-up with one ``ImproperlyConfigured`` naming it.
"""

from __future__ import annotations

from plugins.registry import DeclaredAppConfig


class IntegrationConfig(DeclaredAppConfig):
    """Base ``AppConfig`` of every integration."""

    kind = "Integration"
    default = False  # a base: its subclasses are the candidates
