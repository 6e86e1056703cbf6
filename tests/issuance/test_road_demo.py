"""On the demo data, a brand-new learner of each country earns a certificate
by taking the assessments of the demo course (graded by the demo assessor
where a person must judge) and, on approval programs, by the approval of
their country's demo officer: the services a browser journey uses, walked for
the four countries. Peru's lutheria program is earned by prior learning."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from certification.models import (
    ApplicationStatus,
    CertificationProgram,
    Credential,
    CredentialStatus,
    ProgramApplication,
    ProgramEligibility,
)
from certification.selectors import competency_record
from certification.services import program_apply
from courses.models import CoursePage, LessonPage
from courses.services import enrolment_create, lesson_assessment_ids, lesson_complete
from plugins.models import Assessment
from tests.certification.road import pass_assessment
from tests.factories import UserFactory

# country, course slug, program code, officer (None: automatic issuance)
ROADS = [
    ("CL", "edicion-independiente", "cl-produccion-editorial-demo", "oficial"),
    ("CO", "sonido-en-vivo-salas-pequenas", "co-sonido-en-vivo-demo", "oficial-co"),
    ("MX", "regiduria-y-gira", "mx-tecnica-escenica-demo", None),
    ("PE", "edicion-independiente", "pe-edicion-independiente-demo", None),
]


@pytest.fixture
def seeded(settings, tmp_path, db, django_capture_on_commit_callbacks):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())


def user(username):
    return get_user_model().objects.get(username=username)


def approve(officer_name, learner, program, capture):
    """The country's demo officer finds the learner in the approval queue (by
    themselves) and approves them."""
    officer = Client()
    officer.force_login(user(officer_name))
    queue = officer.get("/admin/credentials/approvals/").content.decode()
    row = ProgramEligibility.objects.get(learner=learner, program=program)
    assert str(row.pk) in re.findall(r'name="eligibility" value="(\d+)"', queue)
    with capture(execute=True):
        officer.post("/admin/credentials/approvals/", {"eligibility": [row.pk]})


def walk_course(course, learner, assessor, capture):
    """Every lesson in order: assessments passed (and graded), others done."""
    with capture(execute=True):
        for lesson in LessonPage.objects.child_of(course).live().specific():
            ids = lesson_assessment_ids(lesson)
            for assessment in Assessment.objects.filter(pk__in=ids):
                pass_assessment(assessment, learner, assessor, page=lesson)
            if not ids:
                lesson_complete(user=learner, lesson=lesson)


@pytest.mark.parametrize(("country", "slug", "code", "officer"), ROADS)
def test_a_new_learner_earns_the_demo_program_of_their_country(
    seeded, django_capture_on_commit_callbacks, country, slug, code, officer
):
    capture = django_capture_on_commit_callbacks
    program = CertificationProgram.objects.get(code=code)
    course = CoursePage.objects.get(slug=slug, locale__language_code="es")
    learner = UserFactory(username=f"nueva-{country.lower()}", country=country)
    enrolment_create(user=learner, course=course)
    application = ProgramApplication.objects.get(learner=learner, program=program)
    assert application.route == "course"

    walk_course(course, learner, user("evaluador"), capture)
    application.refresh_from_db()
    if officer:
        assert application.status == ApplicationStatus.AWAITING_APPROVAL
        approve(officer, learner, program, capture)
        application.refresh_from_db()
    assert application.status == ApplicationStatus.CERTIFIED
    credential = Credential.objects.get(holder=learner, program=program)
    assert credential.status == CredentialStatus.ACTIVE
    record = {
        item.program.code: item for item in competency_record(learner=learner).programs
    }
    assert record[code].credential == credential


def test_peru_lutheria_is_earned_by_prior_learning(
    seeded, django_capture_on_commit_callbacks
):
    """Applying without a course offers, for every unit, assessments that give
    the kinds of evidence it asks for; passing them leads to the certificate."""
    program = CertificationProgram.objects.get(code="pe-lutheria-andina-demo")
    learner = UserFactory(username="luthier", country="PE")
    result = program_apply(learner=learner, program=program, route="rpl")
    assert len(result.missing_units) == 4
    (item,) = [
        i for i in competency_record(learner=learner).programs if i.program == program
    ]
    offered = {}
    for row in item.units:
        assert row.offers, row.unit.code
        for offer in row.offers:
            offered[offer["title"]] = offer
    assert {o["kind"] for o in offered.values()} == {
        "knowledge",
        "product",
        "performance",
    }
    with django_capture_on_commit_callbacks(execute=True):
        for title in offered:
            assessment = Assessment.objects.get(title=title)
            pass_assessment(assessment, learner, user("evaluador"))
    result.application.refresh_from_db()
    assert result.application.status == ApplicationStatus.AWAITING_APPROVAL
    approve("oficial-pe", learner, program, django_capture_on_commit_callbacks)
    result.application.refresh_from_db()
    assert result.application.status == ApplicationStatus.CERTIFIED
    assert Credential.objects.get(holder=learner, program=program).status == "active"
