"""The road from a course to a certificate: aligned assessments give evidence
of the kind their plugin declares, attested by the assessor or the system;
eligibility asks for the kinds each unit needs; applications move through
their states to the officer's queue or straight to the certificate; prior
learning is offered the program's assessments unit by unit."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from certification.applications import (
    ApplicationError,
    BeginAssessment,
    Certify,
    MarkEligible,
    Reassess,
    Reject,
    Reopen,
    RequestApproval,
    Withdraw,
    application_reject,
    application_withdraw,
)
from certification.eligibility import learner_eligibility
from certification.models import (
    ApplicationStatus,
    Credential,
    CredentialStatus,
    Evidence,
    EvidenceKind,
    EvidenceRequirement,
    ProgramApplication,
    ProgramEligibility,
)
from certification.roles import officer_roles_sync
from certification.selectors import competency_record
from certification.services import program_apply
from courses.services import enrolment_create
from plugins import services
from plugins.base import Score
from plugins.models import AttemptStatus
from tests.assessments.conftest import RUBRIC_DATA, author, embed, quiz_data
from tests.certification.conftest import make_program, make_standard
from tests.certification.road import grade, pass_assessment, take
from tests.factories import UserFactory, assessor_roles_grant

S = ApplicationStatus


@pytest.fixture
def standard(db):
    """U1 asks for knowledge and a product; U2 for observed performance."""
    standard = make_standard("CL", units=2, criteria=2)
    first, second = standard.units.order_by("sort_order")
    EvidenceRequirement.objects.create(unit=first, kind="knowledge", description="k")
    EvidenceRequirement.objects.create(unit=first, kind="product", description="p")
    EvidenceRequirement.objects.create(unit=second, kind="performance", description="d")
    return standard


@pytest.fixture
def units(standard):
    return list(standard.units.order_by("sort_order"))


@pytest.fixture
def aligned(units):
    """A quiz and a rubric for U1, an observation of U2's criteria."""
    first, second = units
    quiz = author("quiz", quiz_data(), title="Cuestionario U1", pass_mark=75)
    quiz.units.set([first])
    rubric = author("rubric", RUBRIC_DATA, title="Producto U1", pass_mark=50)
    rubric.units.set([first])
    observation = author(
        "observation",
        {
            "instructions": "Se observa el trabajo.",
            "performance_criteria": [str(c.pk) for c in second.criteria.all()],
            "max_file_mb": 10,
        },
        title="Observación U2",
    )
    observation.units.set([second])
    return {"quiz": quiz, "rubric": rubric, "observation": observation}


@pytest.fixture
def assessor(db):
    """Accredited as assessor in every country and sector."""
    return assessor_roles_grant(
        UserFactory(username="evaluadora", legal_name="Ana Evaluadora"),
        countries=("CL", "CO", "MX", "PE"),
    )


@pytest.fixture
def chile_officer(db):
    officer = UserFactory(username="oficial-cl", legal_name="Olga Oficial")
    officer.groups.add(officer_roles_sync()["CL"])
    return officer


def approval_program(standard):
    return make_program(standard, code="cl-aprobacion", issuance="approval")


def automatic_program(standard):
    return make_program(standard, code="cl-automatico", issuance="automatic")


def pass_all(aligned, learner, assessor):
    return [pass_assessment(a, learner, assessor) for a in aligned.values()]


# --- evidence from assessments -------------------------------------------------


def test_passing_an_aligned_quiz_records_knowledge_evidence_by_the_system(
    aligned, units, learner
):
    attempt = take(aligned["quiz"], learner)
    assert attempt.status == AttemptStatus.PASSED
    (evidence,) = Evidence.objects.filter(learner=learner)
    assert evidence.unit == units[0]
    assert evidence.kind == EvidenceKind.KNOWLEDGE
    assert evidence.assessor is None  # attested by the system
    assert (evidence.source_kind, evidence.source_id) == ("attempt", str(attempt.pk))


def test_assessor_grading_records_evidence_attested_by_the_assessor(
    aligned, units, learner, assessor
):
    rubric_attempt = pass_assessment(aligned["rubric"], learner, assessor)
    observed = pass_assessment(aligned["observation"], learner, assessor)
    product = Evidence.objects.get(source_id=str(rubric_attempt.pk))
    assert (product.kind, product.assessor) == (EvidenceKind.PRODUCT, assessor)
    performance = Evidence.objects.filter(source_id=str(observed.pk))
    assert {e.kind for e in performance} == {EvidenceKind.PERFORMANCE}
    assert {e.assessor for e in performance} == {assessor}
    # the unit, and each of its criteria judged competent
    assert performance.filter(criterion__isnull=True).get().unit == units[1]
    assert performance.filter(criterion__isnull=False).count() == 2


def test_nobody_grades_their_own_attempt(aligned, learner):
    attempt = take(aligned["rubric"], learner)
    with pytest.raises(services.AttemptRefused):
        grade(attempt, learner)
    assert not Evidence.objects.exists()


def test_a_quiz_alone_never_certifies_a_unit_that_asks_for_performance(
    standard, units, learner
):
    """Knowledge evidence for the performance unit (and product and knowledge
    for U1) still leaves U2 missing."""
    program = approval_program(standard)
    quiz = author("quiz", quiz_data(), title="Cuestionario de todo", pass_mark=75)
    quiz.units.set(units)
    take(quiz, learner)
    verdict = learner_eligibility(learner=learner, program=program)
    assert verdict.missing == units  # U1 lacks its product, U2 its performance
    assert not ProgramEligibility.objects.exists()


def test_regrade_withdraws_the_evidence_and_reopens_the_assessment(
    standard, aligned, learner, assessor
):
    program = approval_program(standard)
    program_apply(learner=learner, program=program, route="rpl")
    attempts = pass_all(aligned, learner, assessor)
    application = ProgramApplication.objects.get(learner=learner)
    assert application.status == S.AWAITING_APPROVAL

    observed = attempts[2]
    reviewer = assessor_roles_grant(UserFactory(username="revisora"))
    services.attempt_regrade(
        attempt=observed,
        assessor=reviewer,
        score=Score(points=0, max_points=2, passed=False),
        reason="El registro de la observación estaba incompleto.",
    )
    observed.refresh_from_db()
    assert observed.status == AttemptStatus.NOT_YET_COMPETENT
    assert not Evidence.objects.current().filter(source_id=str(observed.pk)).exists()
    assert Evidence.objects.filter(source_id=str(observed.pk)).exists()  # history
    assert not ProgramEligibility.objects.filter(learner=learner).exists()
    application.refresh_from_db()
    assert application.status == S.IN_ASSESSMENT

    # an appeal upheld restores the evidence: eligible and queued again
    services.attempt_regrade(
        attempt=observed,
        assessor=reviewer,
        score=Score(points=2, max_points=2, passed=True),
        reason="Apelación acogida.",
    )
    application.refresh_from_db()
    assert application.status == S.AWAITING_APPROVAL
    assert Evidence.objects.current().filter(source_id=str(observed.pk)).exists()


def test_regrade_needs_a_reason_and_another_person(aligned, learner, assessor):
    attempt = take(aligned["quiz"], learner)
    score = Score(points=0, max_points=4, passed=False)
    with pytest.raises(services.AttemptRefused):
        services.attempt_regrade(
            attempt=attempt, assessor=assessor, score=score, reason=" "
        )
    with pytest.raises(services.AttemptRefused):
        services.attempt_regrade(
            attempt=attempt, assessor=learner, score=score, reason="Mío"
        )
    assert Evidence.objects.current().filter(learner=learner).count() == 1


# --- applications --------------------------------------------------------------


def test_starting_a_linked_course_applies_to_its_program(standard, course, learner):
    program = approval_program(standard)
    course.certification_program = program
    course.save()
    enrolment_create(user=learner, course=course)
    application = ProgramApplication.objects.get(learner=learner, program=program)
    assert (application.route, application.status) == ("course", S.APPLIED)
    assert application.next_step
    enrolment_create(user=learner, course=course)  # again: nothing new
    assert ProgramApplication.objects.filter(learner=learner).count() == 1


def test_approval_program_queue_approve_certified(
    standard,
    aligned,
    learner,
    assessor,
    chile_officer,
    issuer_keys,
    django_capture_on_commit_callbacks,
):
    """Eligible on an approval program: the learner is in the officer's queue
    by themselves; approving issues the credential; the application says
    certified and the record shows the certificate."""
    program = approval_program(standard)
    result = program_apply(learner=learner, program=program, route="rpl")
    assert result.application.status == S.APPLIED
    pass_assessment(aligned["quiz"], learner, assessor)
    result.application.refresh_from_db()
    assert result.application.status == S.IN_ASSESSMENT
    pass_assessment(aligned["rubric"], learner, assessor)
    pass_assessment(aligned["observation"], learner, assessor)
    result.application.refresh_from_db()
    assert result.application.status == S.AWAITING_APPROVAL
    assert not Credential.objects.exists()

    officer = Client()
    officer.force_login(chile_officer)
    queue = officer.get("/admin/credentials/approvals/").content.decode()
    (row_id,) = re.findall(r'name="eligibility" value="(\d+)"', queue)
    with django_capture_on_commit_callbacks(execute=True):
        officer.post("/admin/credentials/approvals/", {"eligibility": [row_id]})
    credential = Credential.objects.get(holder=learner, program=program)
    assert credential.status == CredentialStatus.ACTIVE
    result.application.refresh_from_db()
    assert result.application.status == S.CERTIFIED

    (item,) = competency_record(learner=learner).programs
    assert item.credential == credential
    assert item.application.status == S.CERTIFIED
    page = Client()
    page.force_login(learner)
    html = page.get(reverse("certification:record")).content.decode()
    assert "Certificado" in html
    assert reverse("credentials:download", args=[credential.public_id, "pdf"]) in html


def test_automatic_program_issues_at_once(
    standard,
    aligned,
    learner,
    assessor,
    issuer_keys,
    django_capture_on_commit_callbacks,
):
    program = automatic_program(standard)
    program_apply(learner=learner, program=program, route="rpl")
    with django_capture_on_commit_callbacks(execute=True):
        pass_all(aligned, learner, assessor)
    credential = Credential.objects.get(holder=learner, program=program)
    assert credential.status == CredentialStatus.ACTIVE
    application = ProgramApplication.objects.get(learner=learner)
    assert application.status == S.CERTIFIED


def test_officer_rejects_with_a_reason_the_learner_reads(
    standard, aligned, learner, assessor, chile_officer
):
    program = approval_program(standard)
    program_apply(learner=learner, program=program, route="rpl")
    pass_all(aligned, learner, assessor)
    officer = Client()
    officer.force_login(chile_officer)
    queue = officer.get("/admin/credentials/approvals/").content.decode()
    (row_id,) = re.findall(r'name="eligibility" value="(\d+)"', queue)
    url = reverse("credentials_admin:approval_reject", args=[row_id])
    assert officer.post(url, {"reason": ""}).status_code == 302
    application = ProgramApplication.objects.get(learner=learner)
    assert application.status == S.AWAITING_APPROVAL  # a reason is required
    officer.post(url, {"reason": "La evidencia de desempeño no es del país."})
    application.refresh_from_db()
    assert application.status == S.REJECTED
    queue = officer.get("/admin/credentials/approvals/").content.decode()
    assert 'name="eligibility"' not in queue
    page = Client()
    page.force_login(learner)
    html = page.get(reverse("certification:record")).content.decode()
    assert "La evidencia de desempeño no es del país." in html


def test_every_transition_and_its_refusals(standard, learner, chile_officer):
    program = approval_program(standard)
    application = ProgramApplication.objects.create(
        learner=learner, program=program, route="rpl"
    )
    assert application.status == S.APPLIED
    with pytest.raises(ApplicationError):
        RequestApproval(application).execute()  # not eligible yet
    with pytest.raises(ApplicationError):
        Reassess(application).execute()
    BeginAssessment(application).execute()
    assert application.status == S.IN_ASSESSMENT
    with pytest.raises(ApplicationError):
        BeginAssessment(application).execute()
    MarkEligible(application).execute()
    RequestApproval(application).execute()
    assert application.status == S.AWAITING_APPROVAL
    Reassess(application).execute()
    assert application.status == S.IN_ASSESSMENT
    MarkEligible(application).execute()
    Certify(application).execute()
    assert application.status == S.CERTIFIED
    for transition in (Withdraw, BeginAssessment, MarkEligible, Reassess, Reopen):
        with pytest.raises(ApplicationError):
            transition(application).execute()
    with pytest.raises(ApplicationError):
        Reject(application, actor=chile_officer, reason="Tarde").execute()
    assert ProgramApplication.objects.get().status == S.CERTIFIED


def test_rejection_needs_an_officer_of_the_country_and_a_reason(
    standard, learner, chile_officer
):
    program = approval_program(standard)
    application = ProgramApplication.objects.create(
        learner=learner, program=program, route="rpl"
    )
    stranger = UserFactory(username="otro")
    with pytest.raises(PermissionDenied):
        Reject(application, reason="No").execute()  # the system does not reject
    with pytest.raises(PermissionDenied):
        application_reject(application=application, actor=stranger, reason="No")
    with pytest.raises(PermissionDenied):
        application_reject(application=application, actor=learner, reason="No")
    with pytest.raises(ApplicationError):
        application_reject(application=application, actor=chile_officer, reason="")
    application_reject(
        application=application, actor=chile_officer, reason="Documentos vencidos"
    )
    application.refresh_from_db()
    assert (application.status, application.reason) == (
        S.REJECTED,
        "Documentos vencidos",
    )


def test_withdraw_then_apply_again(standard, learner):
    program = approval_program(standard)
    application = program_apply(learner=learner, program=program).application
    with pytest.raises(PermissionDenied):
        application_withdraw(
            application=application, actor=UserFactory(username="tercero")
        )
    application_withdraw(application=application, actor=learner)
    assert application.status == S.WITHDRAWN
    again = program_apply(learner=learner, program=program)
    assert again.created and again.application.status == S.APPLIED


# --- recognition of prior learning --------------------------------------------


def test_prior_learning_offers_the_assessments_unit_by_unit_and_certifies(
    standard,
    aligned,
    units,
    learner,
    assessor,
    chile_officer,
    issuer_keys,
    django_capture_on_commit_callbacks,
):
    """Without the course: each missing unit lists the assessments that give
    its evidence (on their own page when no lesson embeds them), says which
    an assessor grades, and passing them leads to the same certificate."""
    program = approval_program(standard)
    client = Client()
    client.force_login(learner)
    response = client.post(reverse("certification:program_apply", args=[program.code]))
    assert response.status_code == 302
    record = competency_record(learner=learner)
    (item,) = record.programs
    offers = {row.unit.code: row.offers for row in item.units}
    assert [o["title"] for o in offers["U1"]] == ["Cuestionario U1", "Producto U1"]
    assert [o["assessor"] for o in offers["U1"]] == [False, True]
    assert [o["title"] for o in offers["U2"]] == ["Observación U2"]
    own_page = reverse("plugins:take", args=[aligned["observation"].pk])
    assert offers["U2"][0]["url"] == own_page
    html = client.get(reverse("certification:record")).content.decode()
    assert own_page in html and "la califica un evaluador" in html
    assert client.get(own_page).status_code == 200

    pass_all(aligned, learner, assessor)
    application = ProgramApplication.objects.get(learner=learner)
    assert (application.route, application.status) == ("rpl", S.AWAITING_APPROVAL)
    officer = Client()
    officer.force_login(chile_officer)
    queue = officer.get("/admin/credentials/approvals/").content.decode()
    (row_id,) = re.findall(r'name="eligibility" value="(\d+)"', queue)
    with django_capture_on_commit_callbacks(execute=True):
        officer.post("/admin/credentials/approvals/", {"eligibility": [row_id]})
    application.refresh_from_db()
    assert application.status == S.CERTIFIED
    assert Credential.objects.get(holder=learner).status == CredentialStatus.ACTIVE


def test_an_embedded_assessment_is_offered_in_its_lesson(
    standard, aligned, units, course, learner
):
    lesson = embed(course, aligned["quiz"], slug="cuestionario")
    program_apply(learner=learner, program=approval_program(standard))
    (item,) = competency_record(learner=learner).programs
    quiz_offer = item.units[0].offers[0]
    assert quiz_offer["url"] == f"{lesson.url}#assessment-{aligned['quiz'].pk}"


def test_the_course_page_says_what_it_counts_toward(
    standard, aligned, units, course, client
):
    program = approval_program(standard)
    embed(course, aligned["quiz"], slug="cuestionario")
    html = client.get(course.url).content.decode()
    section = html.split('class="card counts-toward"')[1].split("</section>")[0]
    assert "Este curso cuenta para:" in section
    assert f"{program.title}</span> (Chile)" in section
    assert '<span class="unit-code">U1</span>' in section
    assert "U2" not in section  # no assessment of the course gives its evidence


def test_an_attempt_outside_any_course_gets_the_least_busy_assessor(
    aligned, course, learner
):
    """Prior learning: an attempt that a person must grade, taken on the
    assessment's own page, is assigned to an assessor at once (the one with
    fewest attempts waiting) and the candidate sees who; in a lesson it waits
    in the queue for anyone to take."""
    from django.contrib.auth.models import Group

    from plugins.roles import ASSESSORS_GROUP, assessor_permissions_grant

    assessor_permissions_grant()
    group = Group.objects.get(name=ASSESSORS_GROUP)
    first = UserFactory(username="eval-1", legal_name="Ana Evaluadora")
    second = UserFactory(username="eval-2", legal_name="Beto Evaluador")
    unaccredited = UserFactory(username="eval-0", legal_name="Sin Acreditación")
    for person in (unaccredited, first, second):
        person.groups.add(group)
    for person in (first, second):
        assessor_roles_grant(person)
    mine = take(aligned["observation"], learner)
    assert mine.assessor == first
    other = take(aligned["observation"], UserFactory(username="otra"))
    assert other.assessor == second
    in_lesson = embed(course, aligned["rubric"], slug="producto")
    attempt = take(aligned["rubric"], learner, page=in_lesson)
    assert attempt.assessor is None

    client = Client()
    client.force_login(learner)
    html = client.get(reverse("plugins:take", args=[aligned["observation"].pk]))
    assert "Evaluador asignado: Ana Evaluadora" in html.content.decode()
    grade(mine, first)  # the assigned assessor grades it
    assert Evidence.objects.filter(source_id=str(mine.pk), assessor=first).exists()


def test_the_record_judges_a_course_certificate_by_course_evidence_only(
    standard, aligned, learner, assessor
):
    """Assessment evidence never makes a course-completion certificate look
    eligible on the record (eligibility does not count it either)."""
    program = make_program(
        standard, code="cl-constancia", kind="course-completion", issuance="automatic"
    )
    pass_all(aligned, learner, assessor)
    (item,) = [
        i for i in competency_record(learner=learner).programs if i.program == program
    ]
    assert not item.eligible
    assert not learner_eligibility(learner=learner, program=program).eligible


def test_the_admin_shows_an_application_without_letting_its_state_be_edited(
    standard, learner
):
    """Even an administrator changes the state only through the transitions."""
    application = program_apply(
        learner=learner, program=approval_program(standard)
    ).application
    officer = Client()
    officer.force_login(UserFactory(username="root", is_superuser=True))
    url = reverse("certification_applications:edit", args=[application.pk])
    page = officer.get(url)
    assert page.status_code == 200
    assert "Postulación recibida" in page.content.decode()
    officer.post(url, {"status": "certified", "reason": "a mano"})
    application.refresh_from_db()
    assert (application.status, application.reason) == (S.APPLIED, "")
