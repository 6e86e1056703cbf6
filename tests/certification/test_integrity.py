"""Separation of duties and scope: the attacks observed on the certification
process (each fails on the code before these rules), and the permission matrix
role × action × own/other country × own/other sector × own/other attempt."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import Client

from certification.integrity import IntegrityRefused
from certification.issuance.service import credential_bulk_issue, credential_issue
from certification.models import Credential, Evidence, ProgramEligibility
from certification.services import (
    evidence_confirm,
    evidence_manual_record,
    evidence_record,
)
from plugins import services as attempts
from plugins.admin_views.forms import AssignForm
from plugins.models import AttemptFile, AttemptStatus, FileRole
from plugins.selectors import attempt_visible_to, grading_queue
from tests.certification.conftest import make_program, make_standard
from tests.factories import UserFactory
from tests.helpers import (
    make_assessor,
    make_officer,
    make_pending_attempt,
    make_peruvian,
    make_rubric,
    rubric_grading_form,
)


@pytest.fixture
def program(db):
    return make_program(make_standard("CL", units=2, criteria=0))


# --- the observed attacks ---------------------------------------------------


def test_an_assessor_cannot_claim_nor_grade_their_own_attempt(db):
    """Observed: an assessor took an assessment as a learner, claimed and
    graded it: «passed», 100 %, graded_by = themselves."""
    assessor = make_assessor(legal_name="Ana Evaluadora")
    attempt = make_pending_attempt(make_rubric(), assessor)
    with pytest.raises(attempts.AttemptRefused, match="propio intento"):
        attempts.attempt_claim(attempt=attempt, assessor=assessor)
    with pytest.raises(attempts.AttemptRefused, match="propio intento"):
        attempts.attempt_grade(
            attempt=attempt, assessor=assessor, form=rubric_grading_form(attempt)
        )
    with pytest.raises(attempts.AttemptRefused):
        attempts.attempt_assign(attempt=attempt, assessor=assessor)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.AWAITING_GRADING
    assert (attempt.graded_by, attempt.assessor, attempt.percent) == (None, None, None)
    assert not attempt.gradings.exists()


def test_an_assessor_cannot_second_grade_their_own_attempt(db):
    assessor, other = make_assessor(), make_assessor()
    attempt = make_pending_attempt(make_rubric(), assessor)
    attempts.attempt_grade(
        attempt=attempt, assessor=other, form=rubric_grading_form(attempt)
    )
    with pytest.raises(attempts.AttemptRefused):
        attempts.attempt_assign(attempt=attempt, assessor=assessor, second=True)
    with pytest.raises(attempts.AttemptRefused):
        attempts.attempt_grade(
            attempt=attempt, assessor=assessor, form=rubric_grading_form(attempt)
        )
    assert attempt.gradings.count() == 1


def test_own_attempt_is_neither_in_the_queue_nor_gradable_through_the_admin(db):
    assessor = make_assessor()
    attempt = make_pending_attempt(make_rubric(), assessor)
    assert grading_queue(params={}, user=assessor)["rows"] == []
    client = Client()
    client.force_login(assessor)
    assert client.get(f"/admin/assessments/queue/{attempt.pk}/").status_code == 404
    response = client.post(f"/admin/assessments/queue/{attempt.pk}/claim/")
    assert response.status_code == 404
    attempt.refresh_from_db()
    assert attempt.assessor is None


def test_an_officer_cannot_record_evidence_for_themselves(program):
    """Observed: an officer recorded evidence for themselves for every unit,
    naming a learner as assessor, then bulk-issued themselves a certificate."""
    officer, learner = make_officer(), UserFactory(legal_name="Camila Rojas")
    for unit in program.required_units.all():
        with pytest.raises(IntegrityRefused, match="sí mismo"):
            evidence_manual_record(
                learner=officer, unit=unit, assessor=learner, recorded_by=officer
            )
    assert not Evidence.objects.exists()


def test_a_learner_without_the_assessor_role_cannot_be_named_assessor(program):
    officer, learner, other = make_officer(), UserFactory(), UserFactory()
    unit = program.required_units.first()
    with pytest.raises(IntegrityRefused, match="rol de evaluador"):
        evidence_manual_record(
            learner=other, unit=unit, assessor=learner, recorded_by=officer
        )
    with pytest.raises(IntegrityRefused, match="rol de evaluador"):
        evidence_record(
            learner=other,
            unit=unit,
            source_kind="observation",
            source_id="obs-1",
            assessor=learner,
        )
    assert not Evidence.objects.exists()


def test_an_officer_cannot_issue_themselves_a_credential_by_any_path(program):
    officer, learner = make_officer(username="olga"), UserFactory()
    with pytest.raises(IntegrityRefused, match="sí mismo"):
        credential_issue(user=officer, program=program, issued_by=officer, force=True)
    with pytest.raises(IntegrityRefused):
        credential_bulk_issue(
            users=[learner, officer], program=program, issued_by=officer, force=True
        )
    with pytest.raises(CommandError, match="sí mismo"):
        call_command(
            "credential_issue", "--user", "olga", "--program", program.code,
            "--by", "olga", "--force",
        )  # fmt: skip
    assert not Credential.objects.exists()


def test_pickers_list_only_people_of_the_country_and_sector(db):
    """Observed: the assessor and learner pickers listed every user of every
    country."""
    chilean = make_assessor(legal_name="Ana Chile")
    make_assessor(country="PE", legal_name="Pedro Perú")
    make_assessor(sector="music", legal_name="Marta Música")
    learner = UserFactory(legal_name="Camila Torres")
    attempt = make_pending_attempt(make_rubric(), learner)
    offered = list(AssignForm(attempt=attempt).fields["assessor"].queryset)
    assert offered == [chilean]


def test_a_chile_officer_cannot_open_a_peruvian_learners_files(db, settings, tmp_path):
    """Observed: the Chile officer opened a Peruvian learner's uploaded files."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    peruvian, chilean = make_peruvian(), UserFactory()
    files = {}
    for learner in (peruvian, chilean):
        attempt = make_pending_attempt(make_rubric(), learner)
        stored = AttemptFile(
            attempt=attempt,
            role=FileRole.RESPONSE,
            original_name="obra.pdf",
            content_type="application/pdf",
            size=4,
            uploaded_by=learner,
        )
        stored.file.save("obra.pdf", ContentFile(b"%PDF"), save=True)
        files[learner.country] = stored
    client = Client()
    client.force_login(make_officer())
    assert client.get(files["PE"].get_absolute_url()).status_code in (403, 404)
    own = client.get(files["CL"].get_absolute_url())
    assert own.status_code == 200 and b"".join(own.streaming_content) == b"%PDF"
    own.close()


# --- manual evidence needs a second person -----------------------------------


def test_manual_evidence_counts_only_once_a_second_person_confirms(program):
    officer, other_officer = make_officer(), make_officer()
    learner = UserFactory()
    recorded = [
        evidence_manual_record(learner=learner, unit=unit, recorded_by=officer)
        for unit in program.required_units.all()
    ]
    assert not ProgramEligibility.objects.filter(learner=learner).exists()
    with pytest.raises(IntegrityRefused, match="Otra persona"):
        evidence_confirm(evidence=recorded[0], confirmed_by=officer)
    with pytest.raises(IntegrityRefused):
        evidence_confirm(evidence=recorded[0], confirmed_by=learner)
    with pytest.raises(IntegrityRefused):
        evidence_confirm(evidence=recorded[0], confirmed_by=make_officer(country="PE"))
    for evidence in recorded:
        evidence_confirm(evidence=evidence, confirmed_by=other_officer)
    assert ProgramEligibility.objects.filter(learner=learner).exists()
    assert {e.source_id[:7] for e in Evidence.objects.all()} == {"manual-"}


def test_manual_evidence_naming_an_assessor_is_confirmed_by_that_assessor(program):
    officer, assessor, other = make_officer(), make_assessor(), make_officer()
    learner = UserFactory()
    unit = program.required_units.first()
    evidence = evidence_manual_record(
        learner=learner, unit=unit, assessor=assessor, recorded_by=officer
    )
    with pytest.raises(IntegrityRefused, match="evaluador nombrado"):
        evidence_confirm(evidence=evidence, confirmed_by=other)
    confirmed = evidence_confirm(evidence=evidence, confirmed_by=assessor)
    assert confirmed.confirmed_by == assessor
    assert confirmed.confirmed_at is not None


def test_an_officer_of_another_country_cannot_record_manual_evidence(program):
    with pytest.raises(IntegrityRefused, match="oficial de Chile"):
        evidence_manual_record(
            learner=UserFactory(),
            unit=program.required_units.first(),
            recorded_by=make_officer(country="PE"),
        )
    assert not Evidence.objects.exists()


# --- the permission matrix -----------------------------------------------------

ROLES = ("assessor", "officer", "learner")
ACTIONS = ("view", "claim", "queue", "assign_to")


def _expected(role, action, own_country, own_sector, own_attempt) -> bool:
    if own_attempt:
        return action == "view"  # the owner sees their attempt, nothing more
    accredited = role == "assessor" and own_country and own_sector
    if action == "view":
        return accredited or (role == "officer" and own_country)
    return accredited


MATRIX = [
    pytest.param(role, action, country, sector, mine, id=f"{role}-{action}-"
                 f"{'own' if country else 'other'}country-"
                 f"{'own' if sector else 'other'}sector-"
                 f"{'own' if mine else 'other'}attempt")
    for role in ROLES
    for action in ACTIONS
    for country in (True, False)
    for sector in (True, False)
    for mine in (True, False)
    if country or not mine  # one's own attempt is in one's own country
]  # fmt: skip


def _actor(role):
    if role == "assessor":
        return make_assessor()
    if role == "officer":
        return make_officer()
    return UserFactory()


def _allowed(action, actor, attempt) -> bool:
    if action == "view":
        return attempt_visible_to(attempt=attempt, user=actor)
    if action == "queue":
        return attempt in grading_queue(params={}, user=actor)["rows"]
    try:
        if action == "claim":
            attempts.attempt_claim(attempt=attempt, assessor=actor)
        else:
            attempts.attempt_assign(attempt=attempt, assessor=actor)
    except attempts.AttemptRefused:
        attempt.refresh_from_db()
        assert attempt.assessor is None  # a refusal changes nothing
        return False
    return True


@pytest.mark.parametrize("role,action,own_country,own_sector,own_attempt", MATRIX)
def test_permission_matrix(db, role, action, own_country, own_sector, own_attempt):
    actor = _actor(role)
    other = UserFactory() if own_country else make_peruvian()
    learner = actor if own_attempt else other
    attempt = make_pending_attempt(
        make_rubric("publishing" if own_sector else "music"), learner
    )
    expected = _expected(role, action, own_country, own_sector, own_attempt)
    assert _allowed(action, actor, attempt) is expected


EVIDENCE_MATRIX = [
    # recorder, assessor, allowed
    ("officer", None, True),
    ("officer", "accredited", True),
    ("officer", "other_sector", False),
    ("officer", "other_country", False),
    ("officer", "learner", False),
    ("other_officer", None, False),
    ("learner", None, False),
    ("learner", "accredited", False),
]


@pytest.mark.parametrize("recorder,named,allowed", EVIDENCE_MATRIX)
def test_evidence_matrix(program, recorder, named, allowed):
    learner = UserFactory()
    people = {
        "officer": make_officer,
        "other_officer": lambda: make_officer(country="PE"),
        "accredited": make_assessor,
        "other_sector": lambda: make_assessor(sector="music"),
        "other_country": lambda: make_assessor(country="PE"),
        "learner": lambda: learner,
        None: lambda: None,
    }
    by, assessor = people[recorder](), people[named]()
    unit = program.required_units.first()
    try:
        evidence_manual_record(
            learner=learner, unit=unit, assessor=assessor, recorded_by=by
        )
    except IntegrityRefused:
        assert not allowed
        assert not Evidence.objects.exists()
    else:
        assert allowed
        assert Evidence.objects.get().recorded_by == by
