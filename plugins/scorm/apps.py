from django.utils.translation import gettext_lazy as _

from plugins.content import ContentPluginConfig


class ScormConfig(ContentPluginConfig):
    name = "plugins.scorm"
    label = "content_scorm"
    verbose_name = _("Contenido: paquete SCORM")
    plugin = "plugins.scorm.plugin.ScormPlugin"

    class LMSPluginMeta:
        name = _("Paquete SCORM 1.2 / 2004")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"
