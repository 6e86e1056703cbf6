from django.utils.translation import gettext_lazy as _

from plugins.registry import PluginConfig


class EntrevistaConfig(PluginConfig):
    name = "lms_entrevista"
    verbose_name = _("Evaluación: entrevista técnica")
    plugin = "lms_entrevista.plugin.InterviewPlugin"

    class LMSPluginMeta:
        name = _("Entrevista técnica")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"
