"""Issuing a credential: one record, complete artefacts, idempotent."""

import hashlib
import json

import pytest
from django.db import IntegrityError, transaction

from certification.credentials.keys import (
    did_document,
    jwt_keys_from_did_document,
    load_signing_certificate,
)
from certification.credentials.pades import extract_attachment, validate_pdf
from certification.credentials.proof import verify_document
from certification.credentials.vcjwt import verify_jwt
from certification.issuance.selectors import approval_queue, credential_public_get
from certification.issuance.service import NotEligible, credential_issue
from certification.issuance.storage import artefact_exists, artefact_read
from certification.issuance.tasks import issue_credential
from certification.models import Credential, CredentialStatus, IssuanceMode
from certification.roles import officer_roles_sync
from tests.factories import UserFactory, make_eligible
from tests.helpers import issuer_public_keys


def issue(user, program, capture, **kwargs):
    with capture(execute=True):
        credential = credential_issue(user=user, program=program, **kwargs)
    credential.refresh_from_db()
    return credential


def test_issue_creates_one_active_credential_with_every_artefact(
    eligible, program, django_capture_on_commit_callbacks
):
    """The task builds the signed JSON, the JWT and the signed PDF, then flips
    the single credential to active with the PDF's hash recorded."""
    credential = issue(eligible, program, django_capture_on_commit_callbacks)

    assert Credential.objects.count() == 1
    assert credential.status == CredentialStatus.ACTIVE
    assert len(credential.public_id) == 32
    assert credential.public_id != str(credential.pk)
    for name in (credential.pdf_file, credential.json_file, credential.jwt_file):
        assert artefact_exists(name)
    pdf = artefact_read(credential.pdf_file)
    assert hashlib.sha256(pdf).hexdigest() == credential.pdf_sha256
    document = json.loads(artefact_read(credential.json_file))
    assert verify_document(document, issuer_public_keys()).verified
    assert json.loads(extract_attachment(pdf)) == document
    assert validate_pdf(pdf, [load_signing_certificate("CL").certificate]).ok
    jwt_keys = jwt_keys_from_did_document(did_document("CL"))
    assert verify_jwt(artefact_read(credential.jwt_file).decode(), jwt_keys)
    # One entry (OB 3.0): a 2-bit status that says suspension and revocation.
    status = document["credentialStatus"]
    assert status["statusPurpose"] == "message"
    assert status["statusSize"] == 2
    assert status["statusListIndex"] == str(credential.status_index)
    assert [e.kind for e in credential.events.all()] == ["requested", "issued"]


def test_record_snapshots_holder_without_the_plain_identity_document(
    eligible, program, django_capture_on_commit_callbacks
):
    """The record keeps a salted hash of the national ID, never the ID itself."""
    credential = issue(eligible, program, django_capture_on_commit_callbacks)

    assert credential.holder_name == "Ana María Pérez Núñez"
    assert credential.holder_id_hash.startswith("sha256$")
    assert eligible.national_id not in artefact_read(credential.json_file).decode()
    assert [u["code"] for u in credential.units] == ["U1", "U2", "U3"]
    assert credential.assessors == [{"name": "Rosa Evaluadora"}]
    assert credential.valid_until.year == credential.issued_at.year + 3
    assert credential.template_revision is not None


def test_running_the_task_again_changes_nothing(
    eligible, program, django_capture_on_commit_callbacks
):
    credential = issue(eligible, program, django_capture_on_commit_callbacks)
    before = Credential.objects.values().get(pk=credential.pk)

    assert issue_credential.delay(credential.pk).get() is None

    assert Credential.objects.values().get(pk=credential.pk) == before
    assert credential.events.count() == 2


def test_issuing_twice_returns_the_same_credential(
    eligible, program, django_capture_on_commit_callbacks
):
    first = issue(eligible, program, django_capture_on_commit_callbacks)
    second = issue(eligible, program, django_capture_on_commit_callbacks)

    assert second.pk == first.pk
    assert Credential.objects.count() == 1


def test_database_refuses_a_second_live_credential(
    eligible, program, django_capture_on_commit_callbacks
):
    """The rule is a constraint, not a check before insert."""
    first = issue(eligible, program, django_capture_on_commit_callbacks)
    first.pk = None
    first.public_id = "0" * 32
    first.status_index = None
    with pytest.raises(IntegrityError), transaction.atomic():
        first.save()


def test_pending_credential_is_invisible_until_its_artefacts_exist(
    eligible, program, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        credential = credential_issue(user=eligible, program=program)

    assert credential.status == CredentialStatus.PENDING
    assert credential_public_get(credential.public_id) is None
    for callback in callbacks:
        callback()
    assert credential_public_get(credential.public_id).pk == credential.pk


def test_not_eligible_is_refused_unless_forced(
    program, django_capture_on_commit_callbacks
):
    stranger = UserFactory()
    with pytest.raises(NotEligible):
        credential_issue(user=stranger, program=program)
    assert not Credential.objects.exists()

    credential = issue(
        stranger, program, django_capture_on_commit_callbacks, force=True
    )
    assert credential.status == CredentialStatus.ACTIVE


def test_automatic_program_issues_when_the_learner_becomes_eligible(
    program, django_capture_on_commit_callbacks
):
    program.issuance = IssuanceMode.AUTOMATIC
    program.save()
    with django_capture_on_commit_callbacks(execute=True):
        learner = make_eligible(program)

    credential = Credential.objects.get(holder=learner)
    assert credential.status == CredentialStatus.ACTIVE


def test_approval_program_puts_the_learner_in_the_country_queue(eligible, program):
    """Officers of the issuer's country see the learner; others do not."""
    groups = officer_roles_sync()
    chile_officer, peru_officer = UserFactory(), UserFactory()
    chile_officer.groups.add(groups["CL"])
    peru_officer.groups.add(groups["PE"])

    assert not Credential.objects.exists()
    assert [e.learner for e in approval_queue(chile_officer)] == [eligible]
    assert list(approval_queue(peru_officer)) == []


def test_a_revoked_credential_makes_room_for_a_new_one(
    eligible, program, django_capture_on_commit_callbacks
):
    from certification.issuance.lifecycle import credential_revoke

    first = issue(eligible, program, django_capture_on_commit_callbacks)
    credential_revoke(credential=first, actor=None, reason="Error de emisión")
    second = issue(eligible, program, django_capture_on_commit_callbacks)

    assert second.pk != first.pk
    assert second.public_id != first.public_id
    assert second.status_index != first.status_index


def test_the_credential_factory_issues_through_the_service(program):
    """``CredentialFactory`` makes what issuance makes: pending by default, or
    active with its artefacts, for an eligible holder."""
    from tests.factories import CredentialFactory

    pending = CredentialFactory(program=program)
    assert pending.status == CredentialStatus.PENDING
    active = CredentialFactory(program=program, active=True)
    assert active.status == CredentialStatus.ACTIVE
    assert active.holder != pending.holder
    assert artefact_exists(active.pdf_file)
