"""Admin forms whose choices are limited to the officer's countries."""

from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.models import register_form_field_override

from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    FrameworkLevel,
    Issuer,
    OccupationalStandard,
    PerformanceCriterion,
)
from certification.permissions import scope_queryset
from certification.roles import officer_countries
from lms.reference.models import Country

# Links typed by officers are https unless they say otherwise (and Django 5.2
# warns when a URL form field leaves the scheme implicit).
register_form_field_override(models.URLField, override={"assume_scheme": "https"})

# form field name -> model whose rows an officer may choose from
SCOPED_CHOICES = {
    "country": Country,
    "issuer": Issuer,
    "standard": OccupationalStandard,
    "standard_a": OccupationalStandard,
    "unit": CompetencyUnit,
    "unit_a": CompetencyUnit,
    "required_units": CompetencyUnit,
    "criterion": PerformanceCriterion,
    "level": FrameworkLevel,
    "national_level": FrameworkLevel,
    "program": CertificationProgram,
}


def _scoped(model, user):
    if model is Country:
        if user.is_superuser:
            return Country.objects.all()
        return Country.objects.filter(code__in=officer_countries(user))
    return scope_queryset(model._default_manager.all(), user)


class CountryScopedForm(WagtailAdminModelForm):
    """Limits country-bound choices (country, issuer, standard, units...) to the
    countries of the officer using the form, so nothing outside them can be
    chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None:
            return
        for name, model in SCOPED_CHOICES.items():
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = _scoped(model, user)
