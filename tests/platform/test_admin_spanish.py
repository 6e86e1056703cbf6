"""The CMS in Spanish shows no English that comes from the project: every
field an admin screen of the project lists, filters, inspects or edits has a
Spanish name of its own (Django's default is the English attribute name)."""

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.functional import Promise
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from courses.services import enrolment_create
from tests.factories import UserFactory

PROJECT_APPS = {"accounts", "reference", "certification", "plugins", "courses"}


def _panel_fields(panels) -> list[str]:
    names = []
    for panel in panels or []:
        if isinstance(panel, FieldPanel):
            names.append(panel.field_name)
        names += _panel_fields(getattr(panel, "children", None))
    return names


def project_screens():
    # Resolving the admin URLs registers every viewset.
    reverse("wagtailadmin_home")
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if isinstance(viewset, ModelViewSet) and model._meta.app_label in PROJECT_APPS:
            yield viewset


def shown_fields(viewset) -> set[str]:
    names = set()
    for attribute in (
        "list_display",
        "list_filter",
        "inspect_view_fields",
        "form_fields",
    ):
        value = getattr(viewset, attribute, None)
        if isinstance(value, (list, tuple, dict)):
            names |= {n for n in value if isinstance(n, str)}
    names |= set(_panel_fields(getattr(viewset, "panels", None)))
    return names - {"__str__"}


@pytest.mark.django_db
def test_every_field_on_a_project_admin_screen_has_a_spanish_name():
    screens = list(project_screens())
    assert len(screens) >= 8
    unnamed = []
    for viewset in screens:
        for name in shown_fields(viewset):
            try:
                field = viewset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            # Django's default name is a plain str; a translatable one is lazy.
            if not isinstance(field.verbose_name, Promise):
                unnamed.append(f"{viewset.model._meta.label}.{name}")
    assert unnamed == []


@pytest.mark.django_db
def test_enrolment_screens_speak_spanish(client, course):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    enrolment = enrolment_create(user=UserFactory(), course=course)
    for url in ("/admin/enrolments/", f"/admin/enrolments/inspect/{enrolment.pk}/"):
        page = client.get(url).content.decode()
        assert "Participante" in page and "Curso" in page
        assert ">User<" not in page and "Last lesson" not in page
