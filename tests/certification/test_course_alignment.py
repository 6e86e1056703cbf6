"""Course pages point at the competency units they teach and the program they
lead to, editable in the page editor."""

import pytest
from django.urls import reverse

from courses.models import CoursePage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_course_editor_offers_units_and_program(client, course, chile_program):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert "competency_units" in form.fields
    assert chile_program in form.fields["certification_program"].queryset


def test_a_course_keeps_its_units_and_program(course, chile_program):
    course.competency_units.set(chile_program.required_units.all())
    course.certification_program = chile_program
    course.save_revision().publish()
    course = CoursePage.objects.get(pk=course.pk)
    assert course.competency_units.count() == 3
    assert chile_program.courses.get() == course
