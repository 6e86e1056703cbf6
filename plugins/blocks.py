"""The one StreamField block through which pages embed assessments.

It stores only the ``Assessment`` id, so installing or removing a plugin never
changes a StreamField migration.
"""

from django.utils.functional import cached_property
from wagtail.blocks import ChooserBlock


class AssessmentChooserBlock(ChooserBlock):
    @cached_property
    def target_model(self):
        from plugins.models import Assessment

        return Assessment

    @cached_property
    def widget(self):
        from plugins.chooser import assessment_chooser_viewset

        return assessment_chooser_viewset.widget_class()

    def get_form_state(self, value):
        return self.widget.get_value_data(value)

    class Meta:
        icon = "tasks"


class ContentChooserBlock(ChooserBlock):
    """Chooses a ``ContentItem`` (a package of any content plugin)."""

    @cached_property
    def target_model(self):
        from plugins.models import ContentItem

        return ContentItem

    @cached_property
    def widget(self):
        from plugins.content_admin import content_chooser_viewset

        return content_chooser_viewset.widget_class()

    def get_form_state(self, value):
        return self.widget.get_value_data(value)

    class Meta:
        icon = "media"
