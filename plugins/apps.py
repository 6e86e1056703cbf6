from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PluginsConfig(AppConfig):
    name = "plugins"
    verbose_name = _("Evaluaciones")

    def ready(self):
        from django.apps import apps
        from django.core.exceptions import ImproperlyConfigured
        from django.db.models.signals import post_migrate

        from lms.plugin_loader import (
            content_plugin_modules,
            plugin_error,
            plugin_label,
            plugin_modules,
        )
        from plugins.notifications import renderers_register
        from plugins.registry import PluginConfig, all_plugins
        from plugins.roles import assessor_permissions_grant

        declared = plugin_modules()
        for config in apps.get_app_configs():
            if config.name in declared and not isinstance(config, PluginConfig):
                raise plugin_error(
                    plugin_label(config.name),
                    "its AppConfig does not subclass plugins.registry.PluginConfig.",
                )
        from plugins.content import ContentPluginConfig, content_plugins

        content = content_plugin_modules()
        for config in apps.get_app_configs():
            if config.name in content and not isinstance(config, ContentPluginConfig):
                raise ImproperlyConfigured(
                    f"Content plugin '{config.name}': it is declared under the "
                    "lms.content entry points but its AppConfig does not "
                    "subclass plugins.content.ContentPluginConfig."
                )
        from lms.plugin_loader import integration_plugin_modules
        from plugins.integrations import IntegrationConfig

        integrations = integration_plugin_modules()
        for config in apps.get_app_configs():
            if config.name in integrations and not isinstance(
                config, IntegrationConfig
            ):
                raise ImproperlyConfigured(
                    f"Integration '{config.name}': it is declared under the "
                    "lms.integrations entry points but its AppConfig does not "
                    "subclass plugins.integrations.IntegrationConfig."
                )
        content_plugins()
        renderers_register()
        all_plugins()  # fail at start-up, not in a request, on duplicate ids
        # Every app: permissions of later apps only exist after their own turn.
        post_migrate.connect(assessor_permissions_grant, dispatch_uid="plugins-roles")
