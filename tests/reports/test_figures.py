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


def _rubric_attempts(seeded, courses):
    """A rubric («Excelente»=2, «Suficiente»=1, «Insuficiente»=0; pass mark
    50 %) graded on the second lesson of each course: a criterion is met at
    «Suficiente» or better."""
    from courses.models import LessonPage
    from plugins.models import Assessment

    rubric = Assessment.objects.create(
        title="Rúbrica de informe",
        plugin_id="rubric",
        sector=seeded["assessment"].sector,
        pass_mark=50,
        config={
            "rubric": [
                {
                    "id": f"r-{name}",
                    "text": text,
                    "levels": [
                        {"id": "l-top", "label": "Excelente", "points": 2},
                        {"id": "l-mid", "label": "Suficiente", "points": 1},
                        {"id": "l-low", "label": "Insuficiente", "points": 0},
                    ],
                }
                for name, text in (("voz", "Proyecta la voz"), ("orden", "Ordena"))
            ]
        },
    )
    levels = ["l-top", "l-mid", "l-low"]
    lessons = [LessonPage.objects.child_of(c).order_by("path")[1] for c in courses]
    Attempt.objects.bulk_create(
        Attempt(
            assessment=rubric,
            learner=user,
            page=lessons[index % 2],
            status="passed",
            submitted_at=user.date_joined,
            graded_at=user.date_joined,
            result={
                "items": {"r-voz": levels[index % 3], "r-orden": levels[index % 2 * 2]}
            },
        )
        for index, user in enumerate(seeded["users"])
    )
    summaries_rebuild()
    return rubric


def test_trainer_sees_pass_rates_per_question_and_criterion(seeded, courses):
    _rubric_attempts(seeded, courses)
    scope = Scope(countries=frozenset({"CL", "PE"}), courses=frozenset({courses[0].pk}))
    table = rows(tables_of(scope)["items"])
    mine = Attempt.objects.filter(
        page__in=courses[0].get_children(), graded_at__isnull=False
    )
    assert mine.count() < Attempt.objects.filter(graded_at__isnull=False).count()

    def raw(plugin, key, met):
        judged = [
            a.result["items"][key]
            for a in mine.filter(assessment__plugin_id=plugin)
            if key in a.result.get("items", {})
        ]
        return len(judged), sum(map(met, judged))

    expected = {
        "Cuestionario de informe: ¿Qué papel conviene para guardar documentos?": raw(
            "quiz", "q-paper", lambda item: item["correct"]
        ),
        "Cuestionario de informe: La luz ultravioleta daña el papel.": raw(
            "quiz", "q-light", lambda item: item["correct"]
        ),
        "Rúbrica de informe: Proyecta la voz": raw(
            "rubric", "r-voz", lambda level: level != "l-low"
        ),
        "Rúbrica de informe: Ordena": raw(
            "rubric", "r-orden", lambda level: level != "l-low"
        ),
    }
    assert set(table) == set(expected)
    for label, (judged, met) in expected.items():
        assert table[label][:2] == [judged, met], label
        assert table[label][2] == round(100 * met / judged, 1)
    judged, met = expected["Rúbrica de informe: Proyecta la voz"]
    assert 0 < met < judged  # some levels meet the criterion, some do not


def test_question_rates_stay_out_of_the_officers_and_open_data(seeded):
    from courses.reports.opendata import open_data_records

    assert "items" not in tables_of(CL)
    assert not [r for r in open_data_records("CL") if r["metric"] == "items"]
    assert ReportFigure.objects.filter(metric=Metric.ITEMS).exists()


def test_trainer_dashboard_query_count_is_fixed(
    seeded, courses, django_assert_max_num_queries
):
    scope = Scope(countries=frozenset({"CL", "PE"}), courses=frozenset({courses[0].pk}))
    with django_assert_max_num_queries(23):
        dashboard(scope)


def test_observation_criteria_are_named_by_their_text(seeded):
    from plugins.models import Assessment

    observation = Assessment.objects.create(
        title="Observación de informe",
        plugin_id="observation",
        sector=seeded["assessment"].sector,
        config={"criteria": [{"id": "c-voz", "text": "Proyecta la voz"}]},
    )
    chileans = [user for user in seeded["users"] if user.country == "CL"]
    Attempt.objects.bulk_create(
        Attempt(
            assessment=observation,
            learner=user,
            status="passed",
            submitted_at=user.date_joined,
            graded_at=user.date_joined,
            result={"criteria": {"c-voz": index % 3 == 0}},
        )
        for index, user in enumerate(chileans)
    )
    summaries_rebuild()
    table = rows(tables_of(CL)["criteria"])
    met = len(chileans[::3])
    assert table["Observación de informe: Proyecta la voz"] == [
        len(chileans),
        met,
        round(100 * met / len(chileans), 1),
    ]
