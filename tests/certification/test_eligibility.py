"""Eligibility rules as a truth table, the ``program_eligible`` signal and the
evidence service."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certification.eligibility import cohort_eligibility, learner_eligibility
from certification.models import Evidence, ProgramEligibility
from certification.services import evidence_record, program_apply
from certification.signals import program_application_submitted, program_eligible
from tests.certification.conftest import make_equivalence, make_program, make_standard
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def units_of(program):
    return list(program.required_units.order_by("sort_order"))


def record_unit(learner, unit, source="1", **extra):
    return evidence_record(
        learner=learner, unit=unit, source_kind="attempt", source_id=source, **extra
    )


def test_all_units_demonstrated_makes_the_learner_eligible(learner, chile_program):
    for unit in units_of(chile_program):
        record_unit(learner, unit)
    assert learner_eligibility(learner=learner, program=chile_program).eligible


def test_one_missing_unit_keeps_the_learner_ineligible(learner, chile_program):
    first, second, third = units_of(chile_program)
    record_unit(learner, first)
    record_unit(learner, second)
    verdict = learner_eligibility(learner=learner, program=chile_program)
    assert not verdict.eligible
    assert verdict.missing == [third]


def test_no_evidence_means_every_unit_is_missing(learner, chile_program):
    verdict = learner_eligibility(learner=learner, program=chile_program)
    assert not verdict.eligible
    assert verdict.missing == units_of(chile_program)


def test_a_program_without_required_units_is_never_eligible(learner, chile_standard):
    program = make_program(chile_standard, units=[])
    assert not learner_eligibility(learner=learner, program=program).eligible


def test_every_criterion_of_a_unit_demonstrates_the_unit(learner, chile_program):
    first, second, third = units_of(chile_program)
    record_unit(learner, first)
    record_unit(learner, second)
    for criterion in third.criteria.all():
        evidence_record(
            learner=learner,
            unit=third,
            criterion=criterion,
            source_kind="observation",
            source_id="obs-7",
        )
    assert learner_eligibility(learner=learner, program=chile_program).eligible


def test_some_criteria_of_a_unit_do_not_demonstrate_it(learner, chile_program):
    first, second, third = units_of(chile_program)
    record_unit(learner, first)
    record_unit(learner, second)
    evidence_record(
        learner=learner,
        unit=None,
        criterion=third.criteria.first(),
        source_kind="observation",
        source_id="obs-7",
    )
    verdict = learner_eligibility(learner=learner, program=chile_program)
    assert verdict.missing == [third]


def test_evidence_on_an_equivalent_unit_of_another_country_counts(
    learner, chile_program
):
    first, second, third = units_of(chile_program)
    peru = make_standard("PE", units=1)
    peru_unit = peru.units.get()
    make_equivalence(peru_unit, third)  # stored in the other direction on purpose
    record_unit(learner, first)
    record_unit(learner, second)
    record_unit(learner, peru_unit)
    verdict = learner_eligibility(learner=learner, program=chile_program)
    assert verdict.eligible
    assert verdict.demonstrated_by(third) == peru_unit.pk


def test_evidence_on_an_unrelated_unit_of_another_country_does_not_count(
    learner, chile_program
):
    *_, third = units_of(chile_program)
    peru_unit = make_standard("PE", units=1).units.get()
    for unit in units_of(chile_program)[:2]:
        record_unit(learner, unit)
    record_unit(learner, peru_unit)
    assert learner_eligibility(learner=learner, program=chile_program).missing == [
        third
    ]


def test_expired_evidence_is_ignored(learner, chile_program):
    first, second, third = units_of(chile_program)
    record_unit(learner, first)
    record_unit(learner, second)
    record_unit(learner, third, expires_at=timezone.now() - timedelta(days=1))
    verdict = learner_eligibility(learner=learner, program=chile_program)
    assert verdict.missing == [third]


def test_evidence_expiring_in_the_future_counts(learner, chile_program):
    later = timezone.now() + timedelta(days=30)
    for unit in units_of(chile_program):
        record_unit(learner, unit, expires_at=later)
    assert learner_eligibility(learner=learner, program=chile_program).eligible


def test_evidence_record_is_idempotent_per_source(learner, chile_program):
    unit = units_of(chile_program)[0]
    first = record_unit(learner, unit, source=42)
    again = record_unit(learner, unit, source="42")
    other = record_unit(learner, unit, source="43")
    assert first.pk == again.pk
    assert other.pk != first.pk
    assert Evidence.objects.filter(learner=learner).count() == 2


def test_evidence_record_rejects_a_criterion_of_another_unit(learner, chile_program):
    first, second, _ = units_of(chile_program)
    with pytest.raises(ValueError, match="criterion"):
        evidence_record(
            learner=learner,
            unit=first,
            criterion=second.criteria.first(),
            source_kind="attempt",
            source_id=1,
        )


def test_program_eligible_is_sent_once(learner, chile_program):
    received = []

    def receiver(sender, learner, program, eligibility, **kwargs):
        received.append((learner.pk, program.pk, eligibility.pk))

    program_eligible.connect(receiver)
    try:
        for unit in units_of(chile_program):
            record_unit(learner, unit)
        for unit in units_of(chile_program):
            record_unit(learner, unit, source="second-attempt")
    finally:
        program_eligible.disconnect(receiver)
    assert len(received) == 1
    assert received[0][:2] == (learner.pk, chile_program.pk)
    assert ProgramEligibility.objects.filter(learner=learner).count() == 1


def test_program_eligible_is_not_sent_for_an_inactive_program(learner, chile_standard):
    program = make_program(chile_standard, active=False)
    received = []

    def receiver(**kwargs):
        received.append(kwargs)

    program_eligible.connect(receiver)
    try:
        for unit in units_of(program):
            record_unit(learner, unit)
    finally:
        program_eligible.disconnect(receiver)
    assert received == []


def test_rpl_application_returns_the_missing_units(learner, chile_program):
    first, second, third = units_of(chile_program)
    record_unit(learner, first)
    received = []

    def receiver(sender, application, missing_units, **kwargs):
        received.append(missing_units)

    program_application_submitted.connect(receiver)
    try:
        result = program_apply(learner=learner, program=chile_program, route="rpl")
        again = program_apply(learner=learner, program=chile_program, route="rpl")
    finally:
        program_application_submitted.disconnect(receiver)
    assert result.missing_units == [second, third]
    assert result.created and not again.created
    assert received == [[second, third]]


def test_application_awaits_approval_when_the_last_unit_is_demonstrated(
    learner, chile_program
):
    """An approval program's eligible application goes to the officers' queue."""
    result = program_apply(learner=learner, program=chile_program, route="rpl")
    for unit in units_of(chile_program):
        record_unit(learner, unit)
    result.application.refresh_from_db()
    assert result.application.status == "approval"


def test_cohort_eligibility_judges_each_learner(chile_program):
    complete, partial, none = UserFactory(), UserFactory(), UserFactory()
    for unit in units_of(chile_program):
        record_unit(complete, unit)
    record_unit(partial, units_of(chile_program)[0])
    verdicts = cohort_eligibility(
        program=chile_program,
        learners=type(complete).objects.filter(
            pk__in=[complete.pk, partial.pk, none.pk]
        ),
    )
    assert verdicts[complete.pk].eligible
    assert len(verdicts[partial.pk].missing) == 2
    assert len(verdicts[none.pk].missing) == 3


@pytest.mark.parametrize("units", [3, 30])
def test_eligibility_for_one_learner_uses_a_bounded_number_of_queries(
    learner, django_assert_max_num_queries, units
):
    standard = make_standard("CL", units=units, criteria=3)
    program = make_program(standard)
    for unit in standard.units.all():
        Evidence.objects.create(
            learner=learner,
            unit=unit,
            source_kind="manual",
            source_id="x",
            assessed_at=timezone.now(),
            confirmed_at=timezone.now(),
        )
    # +1 since eligibility reads the evidence kinds each unit asks for.
    with django_assert_max_num_queries(6):
        verdict = learner_eligibility(learner=learner, program=program)
    assert verdict.eligible
