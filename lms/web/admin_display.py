"""How the Wagtail admin shows moments: in the person's zone, naming it."""

from django.utils.text import capfirst
from wagtail.admin.ui.fields import BaseFieldDisplay
from wagtail.admin.ui.tables import Column

from lms.accounts.timezones import datetime_display


class ZonedDateTimeDisplay(BaseFieldDisplay):
    """Inspect views show a moment in the person's zone, naming the zone."""

    def render_html(self, parent_context=None):
        return datetime_display(self.value) if self.value else "—"


class ZonedDateTimeColumn(Column):
    """A listing column for a moment, in the person's zone, naming the zone."""

    def get_value(self, instance):
        return datetime_display(super().get_value(instance)) or "—"


def zoned_column(model, field_name: str) -> ZonedDateTimeColumn:
    """The listing column of ``model``'s datetime field ``field_name``."""
    field = model._meta.get_field(field_name)
    return ZonedDateTimeColumn(
        field_name, label=capfirst(field.verbose_name), sort_key=field_name
    )
