from django.utils.translation import gettext_lazy as _

from plugins.registry import PluginConfig


class ObservationConfig(PluginConfig):
    name = "plugins.observation"
    label = "assessment_observation"
    verbose_name = _("Evaluación: observación práctica")
    plugin = "plugins.observation.plugin.ObservationPlugin"

    class LMSPluginMeta:
        name = _("Observación práctica")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"
