from django.utils.translation import gettext_lazy as _

from plugins.registry import PluginConfig


class QuizConfig(PluginConfig):
    name = "plugins.quiz"
    label = "assessment_quiz"
    verbose_name = _("Evaluación: cuestionario")
    plugin = "plugins.quiz.plugin.QuizPlugin"

    class LMSPluginMeta:
        name = _("Cuestionario")
        author = "Cultura AP"
        version = "1.0.0"
        compatibility = "pacific-alliance-lms>=0.1,<1"
