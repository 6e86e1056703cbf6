"""The admin chooser for assessments, used by the lesson's assessment block."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet

from plugins.roles import assessments_scope


class ScopedChooseMixin:
    """Trainers choose only their sectors' assessments."""

    def get_object_list(self):
        return assessments_scope(super().get_object_list(), self.request.user)


class AssessmentChooseView(ScopedChooseMixin, ChooseView):
    pass


class AssessmentChooseResultsView(ScopedChooseMixin, ChooseResultsView):
    pass


class AssessmentChosenView(ChosenView):
    def get_object(self, pk):
        scope = assessments_scope(self.model_class.objects.all(), self.request.user)
        return scope.get(pk=pk)


class AssessmentChooserViewSet(ChooserViewSet):
    model = "plugins.Assessment"
    icon = "tasks"
    choose_one_text = _("Elegir una evaluación")
    choose_another_text = _("Elegir otra evaluación")
    edit_item_text = _("Editar esta evaluación")
    url_filter_parameters = ["plugin_id"]
    preserve_url_parameters = ["multiple", "plugin_id"]
    choose_view_class = AssessmentChooseView
    choose_results_view_class = AssessmentChooseResultsView
    chosen_view_class = AssessmentChosenView


assessment_chooser_viewset = AssessmentChooserViewSet("assessment_chooser")
