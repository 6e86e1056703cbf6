from django.utils.translation import gettext_lazy as _

from plugins.integrations import IntegrationConfig


class LtiToolConfig(IntegrationConfig):
    name = "plugins.lti_tool"
    label = "lti_tool"
    verbose_name = _("LTI 1.3 (herramienta)")
    default_auto_field = "django.db.models.BigAutoField"
    # Mounted without the language prefix (the external LMS posts there).
    public_urls = ("lti/tool/", "plugins.lti_tool.urls")

    class LMSPluginMeta:
        name = "LTI 1.3 Advantage"
        author = "Pacific Alliance LMS"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"

    def ready(self):
        from plugins.signals import attempt_graded

        from .grades import score_queue

        attempt_graded.connect(score_queue, dispatch_uid="lti-tool-score")
