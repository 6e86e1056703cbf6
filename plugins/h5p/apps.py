from django.utils.translation import gettext_lazy as _

from plugins.content import ContentPluginConfig


class H5PConfig(ContentPluginConfig):
    name = "plugins.h5p"
    label = "content_h5p"
    verbose_name = _("Contenido: actividad H5P")
    plugin = "plugins.h5p.plugin.H5PPlugin"

    class LMSPluginMeta:
        name = _("Actividad H5P")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"
