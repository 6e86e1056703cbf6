from django.utils.translation import gettext_lazy as _

from plugins.registry import PluginConfig


class PortfolioConfig(PluginConfig):
    name = "plugins.portfolio"
    label = "assessment_portfolio"
    verbose_name = _("Evaluación: portafolio de evidencias")
    plugin = "plugins.portfolio.plugin.PortfolioPlugin"

    class LMSPluginMeta:
        name = _("Portafolio de evidencias")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"
