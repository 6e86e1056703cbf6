"""Eligibility for a cohort: queries and time per learner at 1,000 and 10,000.

The cohort computation reads a program's requirements and the whole cohort's
evidence in a fixed number of queries, so the query count must not grow with
the cohort; the per-learner call (five queries each) is shown beside it for
scale. Figures are printed side by side; only query counts are asserted.

Run with ``make bench`` (or ``pytest tests/benchmarks -m bench -s``).
"""

import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certification.eligibility import cohort_eligibility, learner_eligibility
from certification.models import Evidence
from tests.certification.conftest import make_program, make_standard

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

SMALL, LARGE = 1_000, 10_000
UNITS, CRITERIA = 5, 3
SINGLE_SAMPLE = 200


def cohort_build(count: int, standard) -> None:
    """``count`` learners: one in three eligible by unit evidence, one in three
    by criterion evidence on every criterion, the rest missing the last unit."""
    User = get_user_model()
    User.objects.bulk_create(
        [
            User(username=f"bench{n}", email=f"bench{n}@example.org", password="!")
            for n in range(count)
        ],
        batch_size=2000,
    )
    units = list(standard.units.prefetch_related("criteria"))
    now = timezone.now()
    rows = []
    for learner_id in User.objects.filter(username__startswith="bench").values_list(
        "pk", flat=True
    ):
        style = learner_id % 3
        for index, unit in enumerate(units):
            if style == 2 and index == len(units) - 1:
                continue
            if style == 1:
                rows += [
                    Evidence(
                        learner_id=learner_id,
                        unit=unit,
                        criterion=criterion,
                        source_kind="attempt",
                        source_id="b",
                        assessed_at=now,
                    )
                    for criterion in unit.criteria.all()
                ]
            else:
                rows.append(
                    Evidence(
                        learner_id=learner_id,
                        unit=unit,
                        source_kind="attempt",
                        source_id="b",
                        assessed_at=now,
                    )
                )
    Evidence.objects.bulk_create(rows, batch_size=5000)


def cohort_measure(program, learners):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        verdicts = cohort_eligibility(program=program, learners=learners)
        elapsed = time.perf_counter() - started
    return verdicts, len(queries), elapsed


def test_cohort_eligibility_uses_a_fixed_number_of_queries():
    standard = make_standard("CL", code="BENCH", units=UNITS, criteria=CRITERIA)
    program = make_program(standard)
    cohort_build(LARGE, standard)
    User = get_user_model()
    everyone = User.objects.filter(username__startswith="bench").order_by("pk")
    first_ids = list(everyone.values_list("pk", flat=True)[:SMALL])
    small_cohort = everyone.filter(pk__lte=first_ids[-1])

    small, small_queries, small_time = cohort_measure(program, small_cohort)
    large, large_queries, large_time = cohort_measure(program, everyone)

    sample = list(everyone[:SINGLE_SAMPLE])
    with CaptureQueriesContext(connection) as single_queries:
        started = time.perf_counter()
        for learner in sample:
            learner_eligibility(learner=learner, program=program)
        single_time = time.perf_counter() - started

    eligible = sum(v.eligible for v in large.values())
    print()
    print(f"cohort eligibility ({UNITS} units x {CRITERIA} criteria)")
    print(f"{'':28}{SMALL:>12,}{LARGE:>12,}")
    print(f"{'learners judged':28}{len(small):>12,}{len(large):>12,}")
    print(f"{'queries (whole cohort)':28}{small_queries:>12}{large_queries:>12}")
    print(
        f"{'time per learner (µs)':28}{small_time / SMALL * 1e6:>12.1f}"
        f"{large_time / LARGE * 1e6:>12.1f}"
    )
    print(
        f"{'eligible':28}{sum(v.eligible for v in small.values()):>12,}{eligible:>12,}"
    )
    print(
        f"per-learner calls, {SINGLE_SAMPLE} learners: "
        f"{len(single_queries) / SINGLE_SAMPLE:.1f} queries and "
        f"{single_time / SINGLE_SAMPLE * 1e6:.0f} µs per learner "
        f"(cohort: {large_queries / LARGE:.4f} queries per learner)"
    )
    assert len(small) == SMALL and len(large) == LARGE
    assert small_queries == large_queries
    assert eligible == sum(1 for v in large.values() if v.learner_id % 3 != 2)
