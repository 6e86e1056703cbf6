from django.utils.translation import gettext_lazy as _

from plugins.registry import PluginConfig


class RubricConfig(PluginConfig):
    name = "plugins.rubric"
    label = "assessment_rubric"
    verbose_name = _("Evaluación: respuesta abierta con rúbrica")
    plugin = "plugins.rubric.plugin.RubricPlugin"

    class LMSPluginMeta:
        name = _("Respuesta abierta con rúbrica")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"
