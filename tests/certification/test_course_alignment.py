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


def complete_course(user, course):
    from courses import services
    from courses.models import LessonPage

    services.enrolment_create(user=user, course=course)
    for lesson in LessonPage.objects.child_of(course).live():
        services.lesson_complete(user=user, lesson=lesson)


def test_completing_a_course_makes_the_learner_eligible_for_its_completion_program(
    course, learner, chile_standard
):
    from certification.eligibility import learner_eligibility
    from certification.models import ProgramEligibility
    from tests.certification.conftest import make_program

    program = make_program(
        chile_standard, code="cl-constancia", kind="course-completion"
    )
    course.certification_program = program
    course.save_revision().publish()
    complete_course(learner, CoursePage.objects.get(pk=course.pk))
    assert learner_eligibility(learner=learner, program=program).eligible
    assert ProgramEligibility.objects.filter(learner=learner, program=program).exists()


def test_course_evidence_does_not_count_for_a_competency_certificate(
    course, learner, chile_program
):
    """A competency certificate needs assessments, not lessons read."""
    from certification.eligibility import learner_eligibility
    from certification.services import evidence_record

    for unit in chile_program.required_units.all():
        evidence_record(
            learner=learner, unit=unit, source_kind="course", source_id=course.pk
        )
    verdict = learner_eligibility(learner=learner, program=chile_program)
    assert not verdict.eligible
    assert len(verdict.missing) == 3
