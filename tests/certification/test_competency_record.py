"""The learner's competency record: demonstrated and missing units per program,
the evidence behind them, and a direct (RPL) application."""

import pytest
from django.urls import reverse

from certification.models import ProgramApplication
from certification.services import evidence_record
from tests.certification.conftest import make_equivalence, make_program, make_standard
from tests.factories import UserFactory, assessor_roles_grant

pytestmark = pytest.mark.django_db

URL = "/certification/record/"


def test_the_record_requires_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_record_url_is_reversible():
    assert reverse("certification:record") == URL


def test_the_record_shows_demonstrated_and_missing_units(
    learner_client, learner, chile_program
):
    first, second, third = chile_program.required_units.order_by("sort_order")
    assessor = assessor_roles_grant(UserFactory(legal_name="Ana Evaluadora"))
    evidence_record(
        learner=learner,
        unit=first,
        source_kind="observation",
        source_id="obs-12",
        assessor=assessor,
    )
    evidence_record(
        learner=learner,
        unit=None,
        criterion=second.criteria.first(),
        source_kind="attempt",
        source_id="77",
    )
    response = learner_client.get(URL)
    assert response.status_code == 200
    item = response.context["record"].programs[0]
    assert [row.demonstrated for row in item.units] == [True, False, False]
    assert item.units[1].criteria_met == 1 and item.units[1].criteria_total == 2
    html = response.content.decode()
    assert "Demostrada" in html and "Pendiente" in html
    assert "Ana Evaluadora" in html
    assert "obs-12" in html and "1 de 2 criterios" in html


def test_the_record_names_the_equivalent_unit_that_demonstrates(
    learner_client, learner, chile_program
):
    third = chile_program.required_units.order_by("sort_order").last()
    peru_unit = make_standard("PE", code="PE-EQ", units=1).units.get()
    make_equivalence(third, peru_unit)
    evidence_record(learner=learner, unit=peru_unit, source_kind="rpl", source_id=1)
    html = learner_client.get(URL).content.decode()
    assert "por equivalencia con U1 (PE-EQ)" in html


def test_other_programs_are_offered_for_rpl(learner_client, chile_program):
    response = learner_client.get(URL)
    assert response.context["record"].available == [chile_program]
    assert "Postular por reconocimiento de experiencia" in response.content.decode()


def test_applying_by_rpl_records_the_application(
    learner_client, learner, chile_program
):
    response = learner_client.post(
        reverse("certification:program_apply", args=[chile_program.code]),
        follow=True,
    )
    assert response.status_code == 200
    application = ProgramApplication.objects.get(learner=learner)
    assert application.route == "rpl"
    assert "Le faltan 3 unidades" in response.content.decode()
    record = response.context["record"]
    assert record.programs[0].application == application


def test_applying_needs_post(learner_client, chile_program):
    url = reverse("certification:program_apply", args=[chile_program.code])
    assert learner_client.get(url).status_code == 405


def test_the_record_uses_a_bounded_number_of_queries(
    learner, django_assert_max_num_queries
):
    from certification.selectors import competency_record

    for index in range(4):
        standard = make_standard("CL", code=f"S{index}", units=6)
        program = make_program(standard)
        for unit in standard.units.all():
            evidence_record(
                learner=learner, unit=unit, source_kind="rpl", source_id="m"
            )
    # +1 since eligibility reads the evidence kinds each unit asks for.
    with django_assert_max_num_queries(9):
        record = competency_record(learner=learner)
    assert all(item.eligible for item in record.programs)
    assert program in [item.program for item in record.programs]


def test_an_rpl_candidate_is_offered_the_assessments_of_missing_units(
    learner_client, learner, course, chile_program
):
    """Assessments aligned with a missing unit, or with one of its criteria, are
    linked from the record (at the lesson embedding them); a demonstrated unit
    offers nothing."""
    from tests.assessments.conftest import author, embed, quiz_data

    first, second, third = chile_program.required_units.order_by("sort_order")
    by_unit = author("quiz", quiz_data(), title="Cuestionario de la unidad 2")
    by_unit.units.add(second)
    by_criterion = author("quiz", quiz_data(), title="Cuestionario de un criterio")
    by_criterion.criteria.add(third.criteria.first())
    done = author("quiz", quiz_data(), title="Cuestionario ya aprobado")
    done.units.add(first)
    lesson = embed(course, by_unit, slug="eval-2")
    embed(course, by_criterion, slug="eval-3")
    embed(course, done, slug="eval-1")
    evidence_record(learner=learner, unit=first, source_kind="attempt", source_id=1)
    learner_client.post(
        reverse("certification:program_apply", args=[chile_program.code])
    )
    response = learner_client.get(URL)
    rows = response.context["record"].programs[0].units
    assert rows[0].offers == []
    assert [o["title"] for o in rows[1].offers] == ["Cuestionario de la unidad 2"]
    assert [o["title"] for o in rows[2].offers] == ["Cuestionario de un criterio"]
    assert rows[1].offers[0]["url"] == f"{lesson.url}#assessment-{by_unit.pk}"
    assert f'href="{lesson.url}#assessment-{by_unit.pk}"' in response.content.decode()


def test_a_course_completion_program_takes_no_rpl_application(
    learner_client, learner, chile_standard
):
    """A course-completion certificate is earned by the course only."""
    program = make_program(
        chile_standard, code="cl-constancia", kind="course-completion"
    )
    response = learner_client.get(URL)
    assert program not in response.context["record"].available
    url = reverse("certification:program_apply", args=[program.code])
    assert learner_client.post(url).status_code == 404
    assert not ProgramApplication.objects.filter(learner=learner).exists()
