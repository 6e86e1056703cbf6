"""The admin chooser for assessments, used by the lesson's assessment block."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class AssessmentChooserViewSet(ChooserViewSet):
    model = "plugins.Assessment"
    icon = "tasks"
    choose_one_text = _("Elegir una evaluación")
    choose_another_text = _("Elegir otra evaluación")
    edit_item_text = _("Editar esta evaluación")
    url_filter_parameters = ["plugin_id"]
    preserve_url_parameters = ["multiple", "plugin_id"]


assessment_chooser_viewset = AssessmentChooserViewSet("assessment_chooser")
