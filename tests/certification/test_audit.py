"""The audit log: an entry for every grade, evidence, confirmation, issuance,
status change and group membership change, with who, what, before and after
and the request's address; entries cannot be changed or deleted; officers read
their country's entries in the CMS and export them as CSV."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.utils import timezone

from certification.issuance.lifecycle import credential_revoke, credential_suspend
from certification.issuance.service import credential_bulk_issue, credential_issue
from certification.models import Credential, CredentialStatus
from certification.services import evidence_confirm, evidence_manual_record
from lms.audit.models import AuditAction, AuditEntry, AuditImmutable
from lms.audit.services import audit_record
from plugins import services as attempts
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
    return make_program(make_standard("CL", units=1, criteria=0))


def _entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("pk"))


def test_grading_writes_who_what_before_and_after(db):
    assessor, learner = make_assessor(legal_name="Ana Evaluadora"), UserFactory()
    attempt = make_pending_attempt(make_rubric(), learner)
    attempts.attempt_claim(attempt=attempt, assessor=assessor)
    attempts.attempt_grade(
        attempt=attempt, assessor=assessor, form=rubric_grading_form(attempt)
    )
    claimed, graded = _entries("attempt.claimed"), _entries("attempt.graded")
    assert [e.object_id for e in claimed] == [str(attempt.pk)]
    (entry,) = graded
    assert entry.actor_id == assessor.pk and "Ana Evaluadora" in entry.actor_name
    assert entry.object_type == "plugins.attempt" and entry.country == "CL"
    assert entry.before["status"] == "awaiting_grading"
    assert entry.after["status"] == "passed" and entry.after["graded_by"] == assessor.pk
    assert entry.address is None  # no request: a service call from a command


def test_evidence_confirmation_and_issuance_are_audited(program, settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path
    officer, second, learner = make_officer(), make_officer(), UserFactory()
    evidence = evidence_manual_record(
        learner=learner, unit=program.required_units.get(), recorded_by=officer
    )
    evidence_confirm(evidence=evidence, confirmed_by=second)
    (recorded,) = _entries("evidence.recorded")
    assert recorded.actor_id == officer.pk and recorded.after["learner"] == learner.pk
    (confirmed,) = _entries("evidence.confirmed")
    assert confirmed.actor_id == second.pk
    assert confirmed.before["confirmed_by"] is None
    assert confirmed.after["confirmed_by"] == second.pk
    credential_bulk_issue(users=[learner], program=program, issued_by=officer)
    (issued,) = _entries("credential.issued")
    assert issued.actor_id == officer.pk and issued.after["holder"] == learner.pk


def test_lifecycle_changes_are_audited(program):
    officer, learner = make_officer(), UserFactory()
    credential = credential_issue(
        user=learner, program=program, issued_by=officer, force=True, queue=False
    )
    Credential.objects.filter(pk=credential.pk).update(status=CredentialStatus.ACTIVE)
    credential.refresh_from_db()
    credential_suspend(credential=credential, actor=officer, reason="Revisión")
    credential_revoke(credential=credential, actor=officer, reason="Fraude")
    changes = _entries("credential.status")
    assert [(e.before["status"], e.after["status"]) for e in changes] == [
        ("active", "suspended"),
        ("suspended", "revoked"),
    ]
    assert changes[1].after["reason"] == "Fraude"
    assert {e.actor_id for e in changes} == {officer.pk}


def test_group_membership_changes_are_audited_from_either_side(db):
    user = UserFactory()
    group = Group.objects.create(name="Evaluadores de prueba")
    user.groups.add(group)
    group.user_set.remove(user)
    added, removed = _entries("permission.group")
    assert added.object_id == str(user.pk)
    assert (added.before["groups"], added.after["groups"]) == ([], [group.name])
    assert (removed.before["groups"], removed.after["groups"]) == ([group.name], [])


def test_a_refused_action_is_audited_and_changes_nothing(db):
    assessor = make_assessor()
    attempt = make_pending_attempt(make_rubric(), assessor)
    with pytest.raises(attempts.AttemptRefused):
        attempts.attempt_claim(attempt=attempt, assessor=assessor)
    (refused,) = _entries("integrity.refused")
    assert "propio intento" in refused.after["reason"]
    assert not _entries("attempt.claimed")


def test_entries_cannot_be_updated_nor_deleted(db):
    entry = audit_record(action=AuditAction.GROUP_MEMBERSHIP, object_type="x")
    entry.actor_name = "otra persona"
    with pytest.raises(AuditImmutable):
        entry.save()
    with pytest.raises(AuditImmutable):
        entry.delete()
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.filter(pk=entry.pk).update(actor_name="x")
    with pytest.raises(AuditImmutable):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).actor_name == ""


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only"
)
def test_the_database_refuses_updates_and_deletes(db):
    from django.db import DatabaseError, transaction

    entry = audit_record(action=AuditAction.GROUP_MEMBERSHIP, object_type="x")
    for sql in (
        "UPDATE audit_auditentry SET actor_name = 'x' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk, actor_name="").exists()


def test_requests_record_the_actor_and_address(program):
    officer = make_officer()
    learner = UserFactory(legal_name="Camila Torres")
    client = Client(REMOTE_ADDR="203.0.113.7")
    client.force_login(officer)
    response = client.post(
        "/admin/certification_evidence/new/?q=Camila",
        {
            "learner": learner.pk,
            "unit": program.required_units.get().pk,
            "assessed_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    (entry,) = _entries("evidence.recorded")
    assert (entry.actor_id, entry.address) == (officer.pk, "203.0.113.7")


def test_officers_read_their_countrys_entries_and_cannot_edit(db):
    chile = make_officer()
    mine = audit_record(
        action=AuditAction.EVIDENCE_RECORDED, object_type="x", country="CL"
    )
    theirs = audit_record(
        action=AuditAction.EVIDENCE_RECORDED, object_type="x", country="PE"
    )
    client = Client()
    client.force_login(chile)
    index = client.get("/admin/certification_audit/")
    assert index.status_code == 200
    rows = index.context["object_list"]
    assert mine in rows and theirs not in rows
    assert client.get(
        f"/admin/certification_audit/inspect/{theirs.pk}/"
    ).status_code in (
        403,
        404,
    )
    assert (
        client.get(f"/admin/certification_audit/inspect/{mine.pk}/").status_code == 200
    )
    for url in (
        f"/admin/certification_audit/edit/{mine.pk}/",
        f"/admin/certification_audit/delete/{mine.pk}/",
        "/admin/certification_audit/new/",
    ):
        assert client.post(url, {}).status_code in (302, 403, 404)
    assert AuditEntry.objects.filter(pk=mine.pk).exists()
    learner_client = Client()
    learner_client.force_login(UserFactory())
    assert learner_client.get("/admin/certification_audit/").status_code in (302, 403)


def test_csv_export_neutralises_formulas(db):
    officer = make_officer()
    for name in ('=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "Ana"):
        audit_record(
            action=AuditAction.GROUP_MEMBERSHIP,
            object_type="accounts.user",
            actor=make_peruvian(legal_name=name),
            country="CL",
        )
    client = Client()
    client.force_login(officer)
    response = client.get("/admin/certification_audit/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    cells = [value for row in rows for value in row.values()]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)


def test_assessor_accreditations_given_and_withdrawn_are_audited(db):
    from certification.models import AssessorRole

    user = make_assessor()  # accredited for Chile, publishing
    AssessorRole.objects.get(user=user).delete()
    given, withdrawn = [
        e
        for e in _entries("permission.group")
        if "assessor_role" in str(e.after) or "assessor_role" in str(e.before)
    ]
    assert given.after["assessor_role"]["country"] == "CL" and not given.before
    assert withdrawn.before["assessor_role"]["country"] == "CL"
    assert not withdrawn.after
