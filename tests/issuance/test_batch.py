"""Bulk issuance builds credentials in chunks (one WeasyPrint document laid
out per chunk, the batch PAdES signer): each credential ends up exactly as
complete and verifiable as one issued alone."""

import hashlib
import json
import subprocess

import pytest
from django.core import mail
from django.template import TemplateSyntaxError

from certification.credentials.keys import load_signing_certificate
from certification.credentials.pades import (
    attachment_relationship,
    extract_attachment,
    validate_pdf,
    xmp_metadata,
)
from certification.credentials.proof import verify_document
from certification.issuance import batch
from certification.issuance.service import credential_bulk_issue
from certification.issuance.storage import artefact_read
from certification.issuance.tasks import issue_credentials_batch
from certification.models import (
    CertificateTemplateRevision,
    Credential,
    CredentialStatus,
)
from tests.factories import UserFactory, make_eligible
from tests.helpers import issuer_public_keys

NAMES = ["Ana María Pérez Núñez", "Benjamín Soto Ñancupil", "Camila Rojas Vidal"]


def bulk(program, users, capture, **kwargs):
    with capture(execute=True):
        issued = credential_bulk_issue(users=users, program=program, **kwargs)
    return [Credential.objects.get(pk=c.pk) for c in issued]


def pdftotext(data: bytes, tmp_path) -> str:
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_bulk_issue_activates_every_credential_with_complete_artefacts(
    program, django_capture_on_commit_callbacks, tmp_path
):
    users = [make_eligible(program, UserFactory(legal_name=n)) for n in NAMES]
    credentials = bulk(
        program, users, django_capture_on_commit_callbacks, issued_by=None
    )

    roots = [load_signing_certificate("CL").certificate]
    assert [c.status for c in credentials] == [CredentialStatus.ACTIVE] * 3
    assert len({c.status_index for c in credentials}) == 3
    for credential, name in zip(credentials, NAMES, strict=True):
        pdf = artefact_read(credential.pdf_file)
        assert hashlib.sha256(pdf).hexdigest() == credential.pdf_sha256
        document = json.loads(artefact_read(credential.json_file))
        assert verify_document(document, issuer_public_keys()).verified
        assert json.loads(extract_attachment(pdf)) == document
        assert attachment_relationship(pdf) == "Data"
        assert b"pdfaid:part" in xmp_metadata(pdf)
        report = validate_pdf(pdf, roots)
        assert report.ok and report.coverage == "ENTIRE_FILE", report
        text = pdftotext(pdf, tmp_path)
        assert name in text and program.title in text
        assert credential.public_id in text
        assert [e.kind for e in credential.events.all()] == ["requested", "issued"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)


def test_chunks_cover_the_cohort_in_order():
    assert batch.chunks(list(range(5)), 2) == [[0, 1], [2, 3], [4]]
    assert batch.chunks([], 2) == []


def test_a_cohort_larger_than_a_chunk_is_fully_issued(
    program, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(batch, "CHUNK_SIZE", 2)
    users = [UserFactory(legal_name=f"Persona {n}") for n in range(5)]
    credentials = bulk(
        program, users, django_capture_on_commit_callbacks, issued_by=None, force=True
    )
    assert [c.status for c in credentials] == [CredentialStatus.ACTIVE] * 5
    assert len({c.pdf_sha256 for c in credentials}) == 5


def test_running_a_chunk_again_changes_nothing(
    program, django_capture_on_commit_callbacks
):
    users = [UserFactory(legal_name=n) for n in NAMES]
    credentials = bulk(
        program, users, django_capture_on_commit_callbacks, issued_by=None, force=True
    )
    ids = [c.pk for c in credentials]
    before = list(Credential.objects.filter(pk__in=ids).order_by("pk").values())

    assert issue_credentials_batch.delay(ids).get() == []

    assert list(Credential.objects.filter(pk__in=ids).order_by("pk").values()) == (
        before
    )
    assert all(c.events.count() == 2 for c in credentials)


def test_a_chunk_completes_the_pending_ones_only(
    program, django_capture_on_commit_callbacks
):
    """A rerun after a crash finishes what is still pending and skips the rest."""
    users = [UserFactory(legal_name=n) for n in NAMES]
    with django_capture_on_commit_callbacks() as callbacks:
        pending = credential_bulk_issue(
            users=users, program=program, issued_by=None, force=True
        )
    assert len(callbacks) == 1
    first = pending[0].pk
    issue_credentials_batch.delay([first]).get()

    done = issue_credentials_batch.delay([c.pk for c in pending]).get()

    assert done == [c.public_id for c in pending[1:]]
    statuses = Credential.objects.values_list("status", flat=True)
    assert set(statuses) == {CredentialStatus.ACTIVE}


def test_a_broken_credential_does_not_hold_back_the_rest_of_its_chunk(
    program, django_capture_on_commit_callbacks
):
    """When a chunk fails for good, each credential is retried alone: the good
    ones become active, the broken one stays pending with its error shown."""
    users = [UserFactory(legal_name=n) for n in NAMES]
    with django_capture_on_commit_callbacks() as callbacks:
        pending = credential_bulk_issue(
            users=users, program=program, issued_by=None, force=True
        )
    revision = pending[1].template_revision
    broken = CertificateTemplateRevision.objects.create(
        template=revision.template,
        number=revision.number + 1,
        html="{% if %}",  # not a valid Django template
        css=revision.css,
    )
    Credential.objects.filter(pk=pending[1].pk).update(template_revision=broken)

    with pytest.raises(TemplateSyntaxError):
        for callback in callbacks:
            callback()

    statuses = dict(Credential.objects.values_list("pk", "status"))
    assert statuses == {
        pending[0].pk: CredentialStatus.ACTIVE,
        pending[1].pk: CredentialStatus.PENDING,
        pending[2].pk: CredentialStatus.ACTIVE,
    }
    assert Credential.objects.get(pk=pending[1].pk).last_error


def test_bulk_issue_creates_the_cohort_in_a_fixed_number_of_queries(
    program, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    """Pending records are created together: live credentials are returned as
    they are, learners who are not eligible are skipped, others are created."""
    eligible = [make_eligible(program, UserFactory()) for _ in range(6)]
    not_eligible = UserFactory()
    first = bulk(
        program, eligible[:2], django_capture_on_commit_callbacks, issued_by=None
    )
    # 15, plus the audit entries' insert, plus reading the evidence kinds each
    # unit asks for.
    with django_assert_max_num_queries(17):
        pending = credential_bulk_issue(
            users=[*eligible, not_eligible], program=program, issued_by=None
        )
    assert [c.holder_id for c in pending] == [u.pk for u in eligible]
    assert [c.pk for c in pending[:2]] == [c.pk for c in first]
    assert Credential.objects.filter(program=program).count() == 6
    assert all(
        c.events.filter(kind="requested").count() == 1 for c in Credential.objects.all()
    )


def test_a_credential_issued_meanwhile_is_not_duplicated(
    program, django_capture_on_commit_callbacks, monkeypatch
):
    """Another request issues one learner between the live check and the
    insert: the database constraint stops the duplicate and that learner gets
    the credential already issued."""
    from certification.issuance import service

    users = [UserFactory() for _ in range(3)]
    [meanwhile] = bulk(
        program,
        users[:1],
        django_capture_on_commit_callbacks,
        issued_by=None,
        force=True,
    )
    live = Credential.objects.live
    calls = []

    def live_once_blind():  # the bulk path's first check sees nothing live
        calls.append(1)
        return live().none() if len(calls) == 1 else live()

    monkeypatch.setattr(Credential.objects, "live", live_once_blind)
    issued = service.credential_bulk_issue(
        users=users, program=program, issued_by=None, force=True
    )
    monkeypatch.undo()
    assert issued[0].pk == meanwhile.pk
    assert Credential.objects.filter(holder=users[0], program=program).count() == 1
    assert Credential.objects.filter(program=program).count() == 3


def test_bulk_issued_certificates_are_stamped(
    program, django_capture_on_commit_callbacks
):
    from certification.issuance import pdf as issuance_pdf

    users = [UserFactory(legal_name=n) for n in NAMES]
    credentials = bulk(
        program, users, django_capture_on_commit_callbacks, issued_by=None, force=True
    )
    renderer = issuance_pdf.renderer_for(credentials[0].template_revision)
    assert renderer.stamped >= 3
