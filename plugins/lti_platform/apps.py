from django.utils.translation import gettext_lazy as _

from plugins.content import ContentPluginConfig


class LtiPlatformConfig(ContentPluginConfig):
    name = "plugins.lti_platform"
    label = "lti_platform"
    verbose_name = _("Contenido: herramienta externa LTI 1.3")
    plugin = "plugins.lti_platform.plugin.LtiPlugin"
    #: Mounted by the site's URLconf outside the language prefix: the
    #: addresses tools are configured with must not change with the language.
    public_urls = ("lti/platform/", "plugins.lti_platform.urls")

    class LMSPluginMeta:
        name = _("Herramienta externa LTI 1.3")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"

    def ready(self):
        super().ready()
        from django.db.models.signals import post_migrate

        from .roles import tool_permissions_grant

        post_migrate.connect(tool_permissions_grant, dispatch_uid="lti-roles")
