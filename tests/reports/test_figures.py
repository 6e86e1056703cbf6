"""The dashboard's figures equal counts computed directly from the raw rows."""

import pytest
from django.db.models import Count

from certification.models import Credential, ProgramApplication, VerificationLog
from courses.models import Enrolment, LessonCompletion
from courses.reports.models import Metric, ReportFigure
from courses.reports.scope import Scope
from courses.reports.selectors import dashboard
from courses.reports.summaries import summaries_rebuild
from plugins.models import Attempt

pytestmark = pytest.mark.django_db


def tables_of(scope, **filters):
    return {table.key: table for table in dashboard(scope, **filters)}


def rows(table):
    return {row[0]: row[1:] for row in table.rows}


CL = Scope(countries=frozenset({"CL"}))


def test_funnel_equals_raw_counts(seeded):
    funnel = rows(tables_of(CL)["funnel"])
    values = [value[0] for value in funnel.values()]
    enrolments = Enrolment.objects.filter(user__country="CL")
    assert values[0] == enrolments.count()
    assert values[1] == enrolments.filter(completed_at__isnull=False).count()
    applications = ProgramApplication.objects.filter(learner__country="CL")
    assert values[2] == applications.count()
    assert values[3] == applications.filter(status="certified").count()
    assert values[4] == Credential.objects.filter(issuer__country="CL").count()
    assert values[0] > 0 and values[4] > 0


def test_monthly_series_equal_raw_counts_per_month(seeded):
    table = tables_of(CL)["monthly"]
    by_month = {row[0]: row[1] for row in table.rows}
    raw = (
        Enrolment.objects.filter(user__country="CL")
        .values_list("enrolled_at__year", "enrolled_at__month")
        .annotate(n=Count("id"))
    )
    expected = {f"{year}-{month:02d}": n for year, month, n in raw}
    assert by_month == expected


def test_breakdowns_by_region_gender_and_age_equal_raw_counts(seeded):
    tables = tables_of(CL)
    for key, field in (
        ("by_region", "region"),
        ("by_gender", "gender"),
        ("by_age_band", "age_band"),
    ):
        shown = sorted(row[1] for row in tables[key].rows)
        raw = sorted(
            Enrolment.objects.filter(user__country="CL")
            .values(f"user__{field}")
            .annotate(n=Count("id"))
            .values_list("n", flat=True)
        )
        assert shown == raw, key


def test_credentials_by_status_and_verifications_by_method(seeded):
    tables = tables_of(CL)
    statuses = rows(tables["credential_status"])
    raw = dict(
        Credential.objects.filter(issuer__country="CL")
        .values_list("status")
        .annotate(n=Count("id"))
    )
    assert statuses["Vigente"][0] == raw["active"]
    assert statuses["Revocado"][0] == raw["revoked"]
    assert statuses["Suspendido"][0] == raw["suspended"]
    methods = rows(tables["verification_method"])
    raw = dict(
        VerificationLog.objects.filter(credential__issuer__country="CL")
        .values_list("method")
        .annotate(n=Count("id"))
    )
    assert methods["API"][0] == raw["api"]
    assert methods["PDF subido"][0] == raw["upload"]


def test_pass_rates_and_durations(seeded):
    tables = tables_of(CL)
    attempts = Attempt.objects.filter(learner__country="CL")
    quiz = rows(tables["pass_rates"])["quiz"]
    assert quiz[0] == attempts.count()
    assert quiz[1] == attempts.filter(status="passed").count()
    assert quiz[2] == round(100 * quiz[1] / quiz[0], 1)
    durations = list(rows(tables["durations"]).values())
    assert durations[0][1] == 20.0  # every completion took 20 days


def test_criteria_met_equal_the_graded_results(seeded):
    table = tables_of(CL)["criteria"]
    graded = Attempt.objects.filter(learner__country="CL", graded_at__isnull=False)
    first, second = sorted(table.rows)
    assert first[1] == second[1] == graded.count()
    met = [
        sum(bool(a.result["criteria"][k]) for a in graded)
        for k in sorted(graded[0].result["criteria"])
    ]
    assert sorted([first[2], second[2]]) == sorted(met)
    assert first[0].startswith("Cuestionario de informe: U1.C")


def test_applications_by_route_and_outcome(seeded):
    table = rows(tables_of(CL)["applications"])
    rpl = ProgramApplication.objects.filter(learner__country="CL", route="rpl")
    label = "Reconocimiento de aprendizajes previos — Certificado"
    assert table[label][0] == rpl.filter(status="certified").count()


def test_trainer_sees_lesson_by_lesson_drop_off(seeded, courses):
    scope = Scope(countries=frozenset({"CL", "PE"}), courses=frozenset({courses[0].pk}))
    table = tables_of(scope)["lessons"]
    lessons = [row for row in table.rows if "Lección" in row[0]]
    raw = [
        LessonCompletion.objects.filter(
            lesson__title=f"Lección {n}", course=courses[0]
        ).count()
        for n in (1, 2, 3)
    ]
    assert [row[1] for row in lessons] == raw
    assert raw[0] > raw[1] > raw[2]
    assert not any("Curso B" in row[0] for row in table.rows)


def test_rebuild_replaces_the_summary(seeded):
    before = ReportFigure.objects.count()
    build = summaries_rebuild()
    assert ReportFigure.objects.count() == before == build.rows
    assert ReportFigure.objects.filter(metric=Metric.RENEWED).count() == 0


def test_dashboard_query_count_is_fixed(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(19):
        dashboard(CL)
