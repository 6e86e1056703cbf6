"""The grading queue and the assessor's side: claim, assign, grade through the
plugin's form, e-mail after commit, feedback to the learner, resubmission,
two assessors' agreement and evidence for certification."""

import pytest
from django.core import mail

from certification.models import (
    CompetencyUnit,
    Evidence,
    OccupationalStandard,
    PerformanceCriterion,
)
from lms.reference.models import Sector
from plugins import services
from plugins.models import Attempt, AttemptStatus
from tests.assessments.conftest import author
from tests.factories import UserFactory, assessor_roles_grant


@pytest.fixture
def submitted(learner_client, rubric, rubric_lesson):
    learner_client.post(f"/assessments/{rubric.pk}/start/", {"page": rubric_lesson.pk})
    attempt = Attempt.objects.get(assessment=rubric)
    response = learner_client.post(
        f"/assessments/attempts/{attempt.pk}/submit/", {"text": "Mi plan editorial"}
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    return attempt


def levels(attempt, *picks):
    return {
        criterion["id"]: criterion["levels"][pick]["id"]
        for criterion, pick in zip(attempt.presented["rubric"], picks, strict=True)
    }


def test_submitted_rubric_awaits_grading_and_is_in_the_queue(
    submitted, assessor_client, assessor
):
    assert submitted.status == AttemptStatus.AWAITING_GRADING
    html = assessor_client.get("/admin/assessments/queue/").content.decode()
    assert f'data-attempt="{submitted.pk}"' in html


def test_learner_cannot_open_the_queue(learner_client, submitted):
    response = learner_client.get("/admin/assessments/queue/")
    assert response.status_code in (302, 403)
    assert f'data-attempt="{submitted.pk}"' not in response.content.decode()


def test_queue_filters_by_plugin_country_and_age(submitted, assessor_client, assessor):
    row = f'data-attempt="{submitted.pk}"'
    assert (
        row
        in assessor_client.get(
            "/admin/assessments/queue/?plugin=rubric"
        ).content.decode()
    )
    assert (
        row
        not in assessor_client.get(
            "/admin/assessments/queue/?plugin=quiz"
        ).content.decode()
    )
    assert (
        row
        in assessor_client.get("/admin/assessments/queue/?country=CL").content.decode()
    )
    assert (
        row
        not in assessor_client.get(
            "/admin/assessments/queue/?country=MX"
        ).content.decode()
    )
    assert (
        row
        not in assessor_client.get("/admin/assessments/queue/?age=3").content.decode()
    )
    course = submitted.page.get_parent()
    html = assessor_client.get("/admin/assessments/queue/").content.decode()
    assert f'<option value="{course.pk}">{course.title}</option>' in html
    assert (
        row
        in assessor_client.get(
            f"/admin/assessments/queue/?course={course.pk}"
        ).content.decode()
    )


def test_claimed_attempt_cannot_be_taken_by_another(
    submitted, assessor, second_assessor
):
    services.attempt_claim(attempt=submitted, assessor=assessor)
    with pytest.raises(services.AttemptRefused, match="Otro evaluador"):
        services.attempt_claim(attempt=submitted, assessor=second_assessor)


def test_assessor_grades_and_learner_sees_feedback_and_gets_mail(
    submitted,
    assessor_client,
    assessor,
    learner_client,
    rubric_lesson,
    django_capture_on_commit_callbacks,
):
    assessor_client.post(f"/admin/assessments/queue/{submitted.pk}/claim/")
    with django_capture_on_commit_callbacks(execute=True):
        response = assessor_client.post(
            f"/admin/assessments/queue/{submitted.pk}/",
            {**levels(submitted, 2, 2), "feedback": "Plan claro y viable."},
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == AttemptStatus.PASSED
    assert (submitted.points, submitted.graded_by) == (10, assessor)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [submitted.learner.email]
    assert "Plan claro y viable." in mail.outbox[0].body
    html = learner_client.get(rubric_lesson.url).content.decode()
    assert "Aprobada" in html and "Plan claro y viable." in html and "Destacado" in html


def test_not_yet_competent_can_resubmit(
    submitted, assessor, learner_client, rubric, rubric_lesson
):
    form = rubric.plugin.grading_form(
        config=submitted.presented,
        response=submitted.response,
        data=levels(submitted, 0, 0),
    )
    assert form.is_valid()
    services.attempt_grade(attempt=submitted, assessor=assessor, form=form)
    submitted.refresh_from_db()
    assert submitted.status == AttemptStatus.NOT_YET_COMPETENT
    html = learner_client.get(rubric_lesson.url).content.decode()
    assert "Aún no competente" in html and "Intentar de nuevo" in html
    response = learner_client.post(
        f"/assessments/{rubric.pk}/start/", {"page": rubric_lesson.pk}
    )
    assert response.status_code == 302
    assert Attempt.objects.filter(assessment=rubric, number=2).exists()


def test_invalid_grading_form_records_nothing(submitted, assessor_client, assessor):
    response = assessor_client.post(
        f"/admin/assessments/queue/{submitted.pk}/", {"feedback": "x"}
    )
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert (
        submitted.status == AttemptStatus.AWAITING_GRADING
        and not submitted.gradings.exists()
    )


def test_second_assessor_agreement_is_shown(
    submitted, assessor_client, assessor, second_assessor, rubric
):
    rubric.second_assessor = True
    rubric.save()
    for user, picks in ((assessor, (2, 2)), (second_assessor, (0, 0))):
        form = rubric.plugin.grading_form(
            config=submitted.presented,
            response=submitted.response,
            data=levels(submitted, *picks),
        )
        assert form.is_valid()
        services.attempt_grade(
            attempt=Attempt.objects.get(pk=submitted.pk), assessor=user, form=form
        )
    submitted.refresh_from_db()
    assert submitted.status == AttemptStatus.PASSED  # the first grading decides
    html = assessor_client.get(
        f"/admin/assessments/queue/{submitted.pk}/"
    ).content.decode()
    assert "juicios distintos" in html and "diferencia de 100,0 puntos" in html


@pytest.fixture
def standard(db):
    standard = OccupationalStandard.objects.create(
        country_id="PE",
        system="peru-mtpe",
        code="EDI-01",
        title="Editor independiente",
        sector=Sector.objects.get(code="publishing"),
    )
    unit = CompetencyUnit.objects.create(
        standard=standard, code="U1", title="Planificar"
    )
    criteria = [
        PerformanceCriterion.objects.create(
            unit=unit, code=f"C{n}", text=f"Criterio {n}"
        )
        for n in (1, 2)
    ]
    return unit, criteria


def test_passing_records_evidence_for_units_and_criteria(learner, standard, assessor):
    unit, criteria = standard
    quiz = author("quiz", {"questions": "? A\n= verdadero", "draw": "0"})
    quiz.units.add(unit)
    quiz.criteria.add(criteria[0])
    attempt = services.attempt_start(assessment=quiz, learner=learner)
    question = attempt.presented["questions"][0]
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict

    services.attempt_submit(
        attempt=attempt,
        data=QueryDict(f"{question['id']}=true"),
        files=MultiValueDict(),
    )
    assert attempt.status == AttemptStatus.PASSED
    evidence = Evidence.objects.filter(learner=learner, source_id=str(attempt.pk))
    assert {(e.unit_id, e.criterion_id) for e in evidence} == {
        (unit.pk, None),
        (unit.pk, criteria[0].pk),
    }


def test_assessor_competent_criterion_gives_evidence_even_when_not_passed(
    learner, standard, assessor
):
    unit, (first, second) = standard
    assessor_roles_grant(assessor, countries=("PE",), sectors=("publishing",))
    portfolio = author(
        "portfolio",
        {
            "instructions": "Obras",
            "performance_criteria": [first.pk, second.pk],
            "max_items": "2",
            "max_file_mb": "5",
        },
    )
    attempt = services.attempt_start(assessment=portfolio, learner=learner)
    from django.http import QueryDict
    from django.utils.datastructures import MultiValueDict

    data = QueryDict(mutable=True)
    data["item-1-link"] = "https://video.example.org/obra"
    data.setlist("item-1-criteria", [f"pc:{first.pk}", f"pc:{second.pk}"])
    services.attempt_submit(attempt=attempt, data=data, files=MultiValueDict())
    form = portfolio.plugin.grading_form(
        config=attempt.presented,
        response=attempt.response,
        data={
            f"verdict-pc:{first.pk}": "competent",
            f"verdict-pc:{second.pk}": "not_yet",
        },
    )
    assert form.is_valid(), form.errors
    services.attempt_grade(attempt=attempt, assessor=assessor, form=form)
    assert attempt.status == AttemptStatus.NOT_YET_COMPETENT
    evidence = Evidence.objects.get(learner=learner)
    assert (evidence.criterion_id, evidence.assessor) == (first.pk, assessor)


def test_observation_is_recorded_and_acknowledged(
    learner, learner_client, assessor, course
):
    from courses.services import enrolment_create
    from tests.assessments.conftest import embed

    enrolment_create(user=learner, course=course)
    observation = author(
        "observation",
        {"instructions": "Función", "extra_criteria": "Voz", "max_file_mb": "5"},
    )
    lesson = embed(course, observation)
    learner_client.post(f"/assessments/{observation.pk}/start/", {"page": lesson.pk})
    attempt = Attempt.objects.get(assessment=observation)
    assert (
        learner_client.post(f"/assessments/attempts/{attempt.pk}/submit/").status_code
        == 302
    )
    key = attempt.presented["criteria"][0]["id"]
    form = observation.plugin.grading_form(
        config=attempt.presented,
        response={},
        data={"observed_on": "2026-11-20", "place": "Sala Alcedo", f"met-{key}": "on"},
    )
    assert form.is_valid(), form.errors
    services.attempt_grade(
        attempt=Attempt.objects.get(pk=attempt.pk), assessor=assessor, form=form
    )
    html = learner_client.get(lesson.url).content.decode()
    assert "Sala Alcedo" in html and "Confirmo que leí el registro" in html
    learner_client.post(f"/assessments/attempts/{attempt.pk}/acknowledge/")
    attempt.refresh_from_db()
    assert attempt.acknowledged_at is not None


def test_trainer_authors_assessment_with_the_plugins_form(admin_client):
    response = admin_client.post(
        "/admin/assessments/new/quiz/",
        {
            "title": "Derechos de autor",
            "pass_mark": "80",
            "max_attempts": "2",
            "config-questions": "? ¿Es el ISBN obligatorio?\n= falso",
            "config-draw": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from plugins.models import Assessment

    assessment = Assessment.objects.get(title="Derechos de autor")
    assert assessment.plugin_id == "quiz"
    assert assessment.config["questions"][0]["kind"] == "truefalse"
    page = admin_client.get(f"/admin/assessments/{assessment.pk}/").content.decode()
    assert "= falso" in page


def test_authoring_errors_are_shown_and_nothing_saved(admin_client):
    response = admin_client.post(
        "/admin/assessments/new/quiz/",
        {"title": "Roto", "pass_mark": "80", "config-questions": "* sin pregunta"},
    )
    assert response.status_code == 200
    assert "empiece cada pregunta" in response.content.decode()
    from plugins.models import Assessment

    assert not Assessment.objects.filter(title="Roto").exists()


def test_other_users_cannot_see_attempt_in_admin(client, submitted):
    client.force_login(UserFactory(username="otro"))
    assert client.get(f"/admin/assessments/queue/{submitted.pk}/").status_code in (
        302,
        403,
    )
